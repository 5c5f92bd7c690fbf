-- name: search
-- title: Search
-- description: Full-text search over clause text, best matches first, with a snippet. Every word of the query must occur; punctuation and FTS syntax in the query are taken literally.
-- param: q the words to look for (Chinese as segmented words, e.g. 维持 和平)
SELECT s.id AS statement_id,
       s.symbol,
       s.issued_on,
       s.language,
       c.position AS clause,
       snippet(clauses_fts, 0, '[', ']', '…', 16) AS snippet
FROM clauses_fts
JOIN clauses c ON c.id = clauses_fts.rowid
JOIN statements s ON s.id = c.statement_id
-- Each space-separated word becomes a quoted FTS5 string, so no input is FTS5 syntax.
WHERE clauses_fts MATCH '"' || replace(replace(trim(:q), '"', '""'), ' ', '" "') || '"'
ORDER BY bm25(clauses_fts), s.id, c.position
LIMIT 200;
