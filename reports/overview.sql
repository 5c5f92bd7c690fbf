-- name: overview
-- title: Overview
-- description: What the database holds: documents by type and by the number of languages held, statements (language versions) by language and type, the date range, tags, citations and the share of citations that point at a statement held here.
SELECT 'documents' AS section, 'documents' AS item, count(*) AS value FROM documents
UNION ALL
SELECT * FROM (SELECT 'documents by type', doc_type, count(*) FROM documents GROUP BY doc_type ORDER BY count(*) DESC)
UNION ALL
SELECT * FROM (SELECT 'documents by languages held', versions || CASE versions WHEN 1 THEN ' language' ELSE ' languages' END, count(*)
               FROM (SELECT count(DISTINCT coalesce(language, '?')) AS versions FROM statements GROUP BY document_id)
               GROUP BY versions ORDER BY versions)
UNION ALL
SELECT 'statements' AS section, 'total' AS item, count(*) AS value FROM statements
UNION ALL
SELECT * FROM (SELECT 'statements by language', coalesce(language, '(unknown)'), count(*) FROM statements GROUP BY language ORDER BY count(*) DESC)
UNION ALL
SELECT * FROM (SELECT 'statements by type', doc_type, count(*) FROM statements GROUP BY doc_type ORDER BY count(*) DESC)
UNION ALL
SELECT 'dates', 'first issued', min(issued_on) FROM statements
UNION ALL
SELECT 'dates', 'last issued', max(issued_on) FROM statements
UNION ALL
SELECT 'dates', 'documents without a date', count(*) FROM documents WHERE issued_on IS NULL
UNION ALL
SELECT 'dates', 'statements without a date', count(*) FROM statements WHERE issued_on IS NULL
UNION ALL
SELECT 'tags', 'distinct tags', count(*) FROM tags
UNION ALL
SELECT 'tags', 'tag assignments', count(*) FROM statement_tags
UNION ALL
SELECT 'clauses', 'paragraphs', count(*) FROM clauses WHERE parent_id IS NULL
UNION ALL
SELECT 'clauses', 'sub-items', count(*) FROM clauses WHERE parent_id IS NOT NULL
UNION ALL
SELECT 'citations', 'mentions', count(*) FROM citations
UNION ALL
SELECT 'citations', 'distinct cited symbols', count(DISTINCT symbol) FROM citations
UNION ALL
SELECT 'citations', 'share resolved in this database (%)',
       round(100.0 * sum(target_statement_id IS NOT NULL) / max(count(*), 1), 1) FROM citations
UNION ALL
SELECT 'sources', 'places seen (file and document)', count(*) FROM sources
UNION ALL
SELECT 'imports', 'runs', count(*) FROM imports
UNION ALL
SELECT 'imports', 'rejected files and documents', count(*) FROM import_errors;
