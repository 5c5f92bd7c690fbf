-- name: tag-trend
-- title: Tags by year
-- description: How many documents of each year carry each tag, in any of their language versions (documents without a date are left out).
-- chart: grid x=year y=documents series=tag limit=12
SELECT substr(d.issued_on, 1, 4) AS year,
       t.name AS tag,
       count(DISTINCT d.id) AS documents
FROM statement_tags st
JOIN tags t ON t.id = st.tag_id
JOIN statements s ON s.id = st.statement_id
JOIN documents d ON d.id = s.document_id
WHERE d.issued_on IS NOT NULL
GROUP BY year, t.id
ORDER BY year, documents DESC, tag;
