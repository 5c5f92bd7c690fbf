-- name: unresolved
-- title: Unresolved citations
-- description: Cited symbols that no statement in this database carries (the Charter is left out): the documents worth importing next.
SELECT c.symbol,
       c.kind,
       count(*) AS mentions,
       count(DISTINCT c.statement_id) AS citing_statements,
       min(s.issued_on) AS first_cited_on
FROM citations c
JOIN statements s ON s.id = c.statement_id
WHERE c.target_statement_id IS NULL AND c.kind <> 'charter'
GROUP BY c.symbol, c.kind
ORDER BY mentions DESC, c.symbol;
