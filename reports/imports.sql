-- name: imports
-- title: Imports
-- description: The import log, newest first, with every rejected file or document and every repair made to read a file.
SELECT i.id AS import_id,
       i.started_at,
       coalesce(i.finished_at, CASE WHEN i.status = 'running' THEN '(running or interrupted)' END) AS finished_at,
       i.status,
       i.files,
       i.documents,
       i.new_statements,
       i.duplicates,
       i.rejected,
       i.skipped,
       e.kind,
       e.path AS rejected_path,
       e.doc_index AS rejected_document,
       e.reason
FROM imports i
LEFT JOIN (
    SELECT 'rejected' AS kind, id, import_id, path, doc_index, reason FROM import_errors
    UNION ALL
    SELECT 'repaired' AS kind, id, import_id, path, NULL, warning FROM import_warnings
) e ON e.import_id = i.id
ORDER BY i.id DESC, e.kind, e.id;
