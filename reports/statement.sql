-- name: statement
-- title: Statement
-- description: One statement with its metadata, tags, clauses and citations.
-- param: id? the statement's id
-- param: symbol? the statement's own symbol, e.g. S/RES/1889 (2009)
-- one-of: id symbol
WITH s AS (
    SELECT * FROM statements
    -- An id given as '' (as Datasette sends an empty field) counts as not given.
    WHERE id = :id OR (coalesce(:id, '') = '' AND symbol = :symbol)
    ORDER BY id LIMIT 1
)
SELECT 'statement' AS part, 1 AS n, 'id' AS label, CAST(s.id AS TEXT) AS text FROM s
UNION ALL SELECT 'statement', 2, 'symbol', s.symbol FROM s
UNION ALL SELECT 'statement', 3, 'doc_type', s.doc_type FROM s
UNION ALL SELECT 'statement', 4, 'language', s.language FROM s
UNION ALL SELECT 'statement', 5, 'title', s.title FROM s
UNION ALL SELECT 'statement', 6, 'issued_on', s.issued_on FROM s
UNION ALL SELECT 'statement', 7, 'meeting', CAST(s.meeting AS TEXT) FROM s
UNION ALL SELECT 'statement', 8, 'sha256', s.sha256 FROM s
UNION ALL
SELECT * FROM (SELECT 'source', row_number() OVER (ORDER BY src.path, src.doc_index), 'document ' || src.doc_index, src.path
               FROM sources src JOIN s ON src.statement_id = s.id)
UNION ALL
SELECT * FROM (SELECT 'tag', st.position, '', t.name
               FROM statement_tags st JOIN tags t ON t.id = st.tag_id JOIN s ON st.statement_id = s.id
               ORDER BY st.position)
UNION ALL
SELECT * FROM (SELECT 'clause', c.position,
                      CASE WHEN c.parent_id IS NULL THEN 'paragraph' ELSE '  item' END || coalesce(' ' || c.marker, ''),
                      c.text
               FROM clauses c JOIN s ON c.statement_id = s.id ORDER BY c.position)
UNION ALL
SELECT * FROM (SELECT 'citation', row_number() OVER (ORDER BY ci.id),
                      ci.kind || ' in clause ' || cl.position || CASE WHEN ci.target_statement_id IS NOT NULL
                          THEN ' -> statement ' || ci.target_statement_id ELSE '' END,
                      ci.symbol || '  [' || ci.raw || ']'
               FROM citations ci JOIN s ON ci.statement_id = s.id LEFT JOIN clauses cl ON cl.id = ci.clause_id
               ORDER BY ci.id);
