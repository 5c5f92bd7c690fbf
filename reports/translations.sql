-- name: translations
-- title: Translations
-- description: Each document with the languages this database holds it in, the number of versions, and the official languages (of six) it lacks.
SELECT d.id AS document_id,
       d.symbol,
       d.doc_type,
       d.issued_on,
       d.meeting,
       (SELECT group_concat(language, ' ') FROM (
            SELECT DISTINCT coalesce(language, '?') AS language FROM statements
            WHERE document_id = d.id ORDER BY language)) AS languages,
       (SELECT count(*) FROM statements WHERE document_id = d.id) AS versions,
       (SELECT group_concat(code, ' ') FROM (
            SELECT value AS code FROM json_each('["ar","en","es","fr","ru","zh"]')
            WHERE value NOT IN (SELECT language FROM statements
                                WHERE document_id = d.id AND language IS NOT NULL)
            ORDER BY value)) AS missing
FROM documents d
ORDER BY d.issued_on IS NULL, d.issued_on, d.symbol, d.id;
