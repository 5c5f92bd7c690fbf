-- name: tags
-- title: Tags
-- description: Every subject tag with the number of statements it is given to and the dates it spans.
-- chart: hbars label=tag value=statements limit=25
SELECT t.name AS tag,
       count(*) AS statements,
       min(s.issued_on) AS first_issued,
       max(s.issued_on) AS last_issued
FROM statement_tags st
JOIN tags t ON t.id = st.tag_id
JOIN statements s ON s.id = st.statement_id
GROUP BY t.id
ORDER BY statements DESC, tag;
