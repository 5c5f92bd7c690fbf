-- name: most-cited
-- title: Most cited
-- description: Cited symbols by number of mentions, with the number of statements citing them and whether this database holds the cited statement.
SELECT c.symbol,
       c.kind,
       count(*) AS mentions,
       count(DISTINCT c.statement_id) AS citing_statements,
       CASE WHEN max(c.target_statement_id) IS NOT NULL THEN 'yes' ELSE 'no' END AS held,
       min(c.target_statement_id) AS statement_id
FROM citations c
GROUP BY c.symbol, c.kind
ORDER BY mentions DESC, citing_statements DESC, c.symbol;
