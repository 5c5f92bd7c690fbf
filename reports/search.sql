-- name: search
-- title: Search
-- description: Full-text search over clause text, best matches first (bm25), the match marked in a snippet and the number of all matches in `total`. Every word of the query must occur; punctuation and FTS syntax in the query are taken literally.
-- param: q the words to look for (Chinese as segmented words, e.g. 维持 和平)
-- param: language? only statements in this language: zh, en, fr, es, ru or ar
-- param: type? only statements of this type: resolution, presidential_statement or other
-- param: from? only statements adopted on or after this date, e.g. 2000-01-01
-- param: to? only statements adopted on or before this date
--
-- Each space-separated word becomes a quoted FTS5 string, so no input is FTS5 syntax. A filter
-- not given (NULL, or '' as Datasette sends an empty field) filters nothing. The total is
-- counted apart: counting in a window over the hits would make a snippet for every hit.
WITH query(fts) AS (
    SELECT '"' || replace(replace(trim(:q), '"', '""'), ' ', '" "') || '"'
),
wanted(statement_id) AS (
    SELECT id FROM statements
    WHERE (coalesce(:language, '') = '' OR language = :language)
      AND (coalesce(:type, '') = '' OR doc_type = :type)
      AND (coalesce(:from, '') = '' OR issued_on >= :from)
      AND (coalesce(:to, '') = '' OR issued_on <= :to)
)
SELECT s.id AS statement_id,
       s.symbol,
       s.doc_type,
       s.issued_on,
       s.language,
       c.position AS clause,
       snippet(clauses_fts, 0, '[', ']', '…', 16) AS snippet,
       (SELECT count(*) FROM clauses_fts f
        JOIN clauses c2 ON c2.id = f.rowid
        WHERE f.clauses_fts MATCH (SELECT fts FROM query)
          AND c2.statement_id IN (SELECT statement_id FROM wanted)) AS total
FROM clauses_fts
JOIN clauses c ON c.id = clauses_fts.rowid
JOIN statements s ON s.id = c.statement_id
WHERE clauses_fts MATCH (SELECT fts FROM query)
  AND s.id IN (SELECT statement_id FROM wanted)
ORDER BY bm25(clauses_fts), s.id, c.position
LIMIT 200;
