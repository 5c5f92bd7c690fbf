-- name: tag-trend
-- title: Tags by year
-- description: How many statements of each year carry each tag (statements without a date are left out).
-- chart: grid x=year y=statements series=tag limit=12
SELECT substr(s.issued_on, 1, 4) AS year,
       t.name AS tag,
       count(*) AS statements
FROM statement_tags st
JOIN tags t ON t.id = st.tag_id
JOIN statements s ON s.id = st.statement_id
WHERE s.issued_on IS NOT NULL
GROUP BY year, t.id
ORDER BY year, statements DESC, tag;
