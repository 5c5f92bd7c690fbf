-- name: most-cited
-- title: Most cited
-- description: Cited symbols by number of mentions, with the number of documents citing them (a document held in several languages counts once; `citing_statements` counts each version) and whether this database holds the cited document.
SELECT m.*,
       (SELECT document_id FROM statements WHERE id = m.statement_id) AS document_id
FROM (SELECT c.symbol,
             c.kind,
             count(*) AS mentions,
             count(DISTINCT s.document_id) AS citing_documents,
             count(DISTINCT c.statement_id) AS citing_statements,
             CASE WHEN max(c.target_statement_id) IS NOT NULL THEN 'yes' ELSE 'no' END AS held,
             min(c.target_statement_id) AS statement_id
      -- Read in table order: going through the index by symbol reads the rows, and their
      -- statements, all over the file (20,000 documents: 1.41 s against 0.31 s).
      FROM citations c NOT INDEXED
      JOIN statements s ON s.id = c.statement_id
      GROUP BY c.symbol, c.kind) m
ORDER BY m.mentions DESC, m.citing_documents DESC, m.symbol;
