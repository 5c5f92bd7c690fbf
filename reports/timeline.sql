-- name: timeline
-- title: Timeline
-- description: Statements per year of adoption, by type.
-- chart: bars x=year y=presidential_statements,resolutions,other
SELECT coalesce(substr(issued_on, 1, 4), '(no date)') AS year,
       sum(doc_type = 'presidential_statement') AS presidential_statements,
       sum(doc_type = 'resolution') AS resolutions,
       sum(doc_type = 'other') AS other,
       count(*) AS total
FROM statements
GROUP BY year
ORDER BY year;
