-- name: tags
-- title: Tags
-- description: Every subject tag with the number of documents it is given to (any of their language versions), the number of statements (versions), and the dates it spans.
-- chart: hbars label=tag value=documents limit=25
SELECT t.name AS tag,
       count(DISTINCT s.document_id) AS documents,
       count(*) AS statements,
       min(s.issued_on) AS first_issued,
       max(s.issued_on) AS last_issued
FROM statement_tags st
JOIN tags t ON t.id = st.tag_id
JOIN statements s ON s.id = st.statement_id
GROUP BY t.id
ORDER BY documents DESC, statements DESC, tag;
