-- name: citation-edges
-- title: Citation edges
-- description: One row per citing statement and cited symbol, with the number of mentions: an edge list for graph tools (Gephi, networkx, igraph).
SELECT * FROM citation_edges ORDER BY source_id, target;
