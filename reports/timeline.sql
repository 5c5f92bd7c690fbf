-- name: timeline
-- title: Timeline
-- description: Documents per year of adoption, by type, and the language versions held of them (`statements`). A document held in three languages counts once.
-- chart: bars x=year y=presidential_statements,resolutions,other
SELECT coalesce(substr(d.issued_on, 1, 4), '(no date)') AS year,
       sum(d.doc_type = 'presidential_statement') AS presidential_statements,
       sum(d.doc_type = 'resolution') AS resolutions,
       sum(d.doc_type = 'other') AS other,
       count(*) AS documents,
       sum((SELECT count(*) FROM statements s WHERE s.document_id = d.id)) AS statements
FROM documents d
GROUP BY year
ORDER BY year;
