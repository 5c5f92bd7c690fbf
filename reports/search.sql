-- name: search
-- title: Search
-- description: Full-text search over clause text as people type it: Chinese with or without spaces between words, any case, with or without accents, Arabic with or without harakat. Best matches first (bm25) when up to 2,000 clauses match, else the most recently imported first; 200 at most, the match marked in a snippet, the number of all matches in `total`. Every word of the query must occur; punctuation and FTS syntax in the query are taken literally.
-- param: q the words to look for, e.g. 维持和平 or peacekeeping operations
-- param: language? only statements in this language: zh, en, fr, es, ru or ar
-- param: type? only statements of this type: resolution, presidential_statement or other
-- param: from? only statements adopted on or after this date, e.g. 2000-01-01
-- param: to? only statements adopted on or before this date
--
-- The query is folded character by character as clauses_search holds its text (see
-- src/store/search.rs, whose tests run this file): marks dropped, ё as е, full-width as ASCII,
-- each Chinese character apart. Each space-separated word becomes one quoted FTS5 string, so
-- no input is FTS5 syntax. A filter not given (NULL, or '' as Datasette sends an empty field)
-- filters nothing. The total is counted apart: counting in a window over the hits would make
-- a snippet for every hit. The snippet comes from the folded text, without the separators
-- (U+001F) that hold Chinese characters apart, and marks that meet are joined.
WITH RECURSIVE
typed(q) AS (SELECT trim(coalesce(:q, ''))),
folded(i, out) AS (
    SELECT 0, ''
    UNION ALL
    SELECT i + 1, out || (
        SELECT CASE
            WHEN u = 34 THEN '""'
            WHEN u IN (9, 10, 13, 32, 12288) THEN '" "'
            WHEN u BETWEEN 768 AND 879 OR u BETWEEN 1155 AND 1161 OR u BETWEEN 1552 AND 1562
              OR u = 1600 OR u BETWEEN 1611 AND 1631 OR u = 1648 OR u BETWEEN 1750 AND 1773
              OR u BETWEEN 6832 AND 6911 OR u BETWEEN 7616 AND 7679 OR u BETWEEN 8400 AND 8447
              OR u BETWEEN 65056 AND 65071 THEN ''
            WHEN u = 1105 THEN 'е'
            WHEN u = 1025 THEN 'Е'
            WHEN u BETWEEN 65281 AND 65374 THEN char(u - 65248)
            WHEN u BETWEEN 12352 AND 12543 OR u BETWEEN 13312 AND 19903 OR u BETWEEN 19968 AND 40959
              OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 262143
              THEN ' ' || c || ' '
            ELSE c
        END
        FROM (SELECT substr(q, i + 1, 1) AS c, unicode(substr(q, i + 1, 1)) AS u FROM typed))
    FROM folded, typed
    WHERE i < length(q)
),
query(fts) AS (SELECT '"' || out || '"' FROM folded ORDER BY i DESC LIMIT 1),
-- The statements the filters let through, made once, and only when a filter is given.
wanted(id) AS (
    SELECT id FROM statements
    WHERE (coalesce(:language, '') = '' OR language = :language)
      AND (coalesce(:type, '') = '' OR doc_type = :type)
      AND (coalesce(:from, '') = '' OR issued_on >= :from)
      AND (coalesce(:to, '') = '' OR issued_on <= :to)
),
filters(given) AS (
    SELECT coalesce(:language, '') <> '' OR coalesce(:type, '') <> ''
        OR coalesce(:from, '') <> '' OR coalesce(:to, '') <> ''
),
-- Each step reads the index alone unless a filter is given.
counted(n) AS (
    SELECT count(*) FROM clauses_search f
    WHERE f.clauses_search MATCH (SELECT fts FROM query)
      AND (NOT (SELECT given FROM filters) OR EXISTS (
              SELECT 1 FROM clauses c WHERE c.id = f.rowid AND c.statement_id IN wanted))
),
-- Up to 2,000 matches are ranked by bm25; more are listed newest first, in one pass that
-- stops at the 200th: ranking (and a snippet for) every one of 150,000 matches took 280 ms.
hits(clause_id, score, snippet) AS (
    SELECT * FROM (
        SELECT f.rowid, bm25(clauses_search), replace(replace(snippet(clauses_search, 0, '[', ']', '…', 24), char(31), ''), '][', '')
        FROM clauses_search f
        WHERE f.clauses_search MATCH (SELECT fts FROM query)
          AND (NOT (SELECT given FROM filters) OR EXISTS (
              SELECT 1 FROM clauses c WHERE c.id = f.rowid AND c.statement_id IN wanted))
        -- LIMIT 0 reads nothing: the branch that does not apply costs no scan.
        ORDER BY bm25(clauses_search) LIMIT CASE WHEN (SELECT n FROM counted) <= 2000 THEN 200 ELSE 0 END)
    UNION ALL
    SELECT * FROM (
        SELECT f.rowid, NULL, replace(replace(snippet(clauses_search, 0, '[', ']', '…', 24), char(31), ''), '][', '')
        FROM clauses_search f
        WHERE f.clauses_search MATCH (SELECT fts FROM query)
          AND (NOT (SELECT given FROM filters) OR EXISTS (
              SELECT 1 FROM clauses c WHERE c.id = f.rowid AND c.statement_id IN wanted))
        ORDER BY f.rowid DESC LIMIT CASE WHEN (SELECT n FROM counted) > 2000 THEN 200 ELSE 0 END)
)
SELECT s.id AS statement_id,
       s.document_id,
       s.symbol,
       s.doc_type,
       s.issued_on,
       s.language,
       c.position AS clause,
       h.snippet,
       (SELECT n FROM counted) AS total
FROM hits h
JOIN clauses c ON c.id = h.clause_id
JOIN statements s ON s.id = c.statement_id
ORDER BY h.score, h.clause_id DESC;
