-- name: citation-edges
-- title: Citation edges
-- description: One row per citing statement and cited symbol, with the number of mentions: an edge list for graph tools (Gephi, networkx, igraph).
SELECT c.statement_id AS source_id,
       coalesce(s.symbol, 'statement ' || s.id) AS source,
       c.symbol AS target,
       c.target_statement_id AS target_id,
       c.kind,
       count(*) AS weight
FROM citations c
JOIN statements s ON s.id = c.statement_id
GROUP BY c.statement_id, c.symbol, c.kind
ORDER BY c.statement_id, c.symbol;
