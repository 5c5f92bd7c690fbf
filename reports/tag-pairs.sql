-- name: tag-pairs
-- title: Tag pairs
-- description: Pairs of tags given to the same statement, with the number of statements that carry both.
SELECT ta.name AS tag_a,
       tb.name AS tag_b,
       count(*) AS statements
FROM statement_tags a
JOIN statement_tags b ON b.statement_id = a.statement_id AND b.tag_id > a.tag_id
JOIN tags ta ON ta.id = a.tag_id
JOIN tags tb ON tb.id = b.tag_id
GROUP BY a.tag_id, b.tag_id
ORDER BY statements DESC, tag_a, tag_b;
