-- name: statement
-- title: Statement
-- description: One statement (a language version of a document) with its metadata, the versions of its document held here, its sources, tags, clauses and citations, and the documents that cite it.
-- param: id? the statement's id
-- param: symbol? the document's symbol, e.g. S/RES/1889 (2009); case and spaces do not matter
-- param: language? which version of the document to show: zh, en, fr, es, ru or ar (default: the first imported)
-- one-of: id symbol
--
-- An id or language given as '' (as Datasette sends an empty field) counts as not given. A
-- symbol finds the document whichever version carries it, so a version whose own text gives
-- no symbol is found too.
WITH s AS (
    SELECT * FROM statements
    WHERE id = :id
       OR (coalesce(:id, '') = ''
           AND document_id IN (SELECT id FROM documents
                               WHERE replace(upper(symbol), ' ', '') = replace(upper(trim(:symbol)), ' ', ''))
           AND (coalesce(:language, '') = '' OR language = :language))
    ORDER BY id LIMIT 1
),
versions AS (
    SELECT v.* FROM statements v JOIN s ON v.document_id = s.document_id
),
-- A citation of the document points at one of its versions (they share its symbol).
citing AS (
    SELECT DISTINCT ci.statement_id, ci.symbol
    FROM citations ci
    WHERE ci.target_statement_id IN (SELECT id FROM versions)
)
SELECT 'statement' AS part, 1 AS n, 'id' AS label, CAST(s.id AS TEXT) AS text FROM s
UNION ALL SELECT 'statement', 2, 'symbol', s.symbol FROM s
UNION ALL SELECT 'statement', 3, 'doc_type', s.doc_type FROM s
UNION ALL SELECT 'statement', 4, 'language', s.language FROM s
UNION ALL SELECT 'statement', 5, 'title', s.title FROM s
UNION ALL SELECT 'statement', 6, 'issued_on', s.issued_on FROM s
UNION ALL SELECT 'statement', 7, 'meeting', CAST(s.meeting AS TEXT) FROM s
UNION ALL SELECT 'statement', 8, 'sha256', s.sha256 FROM s
UNION ALL SELECT 'statement', 9, 'document_id', CAST(s.document_id AS TEXT) FROM s
UNION ALL
SELECT * FROM (SELECT 'version', row_number() OVER (ORDER BY v.language, v.id), coalesce(v.language, '?'),
                      'statement ' || v.id || CASE WHEN v.id = s.id THEN ' (shown)' ELSE '' END
                      || coalesce(': ' || v.title, '')
               FROM versions v JOIN s ORDER BY v.language, v.id)
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
               ORDER BY ci.id)
UNION ALL
SELECT * FROM (SELECT 'cited-by', row_number() OVER (ORDER BY d.issued_on, d.id),
                      coalesce(d.symbol, 'document ' || d.id),
                      coalesce(d.issued_on, 'no date') || ', ' || d.doc_type || ', in '
                      || group_concat(DISTINCT cs.language) || ' (statement ' || min(cs.id) || ')'
               FROM citing JOIN statements cs ON cs.id = citing.statement_id
               JOIN documents d ON d.id = cs.document_id
               WHERE cs.document_id IS NOT (SELECT document_id FROM s)
               GROUP BY d.id
               ORDER BY d.issued_on, d.id);
