-- V7: statement_overview gains `tag_list`, the statement's tags as a JSON array in header
-- order, which Datasette can facet on (`_facet_array=tag_list`) and any client can read with
-- its JSON functions; `tags` stays as it was, `|`-separated.
DROP VIEW statement_overview;
CREATE VIEW statement_overview AS
SELECT s.id,
       s.symbol,
       s.doc_type,
       s.language,
       s.title,
       s.issued_on,
       s.meeting,
       (SELECT group_concat(name, '|') FROM (
            SELECT t.name FROM statement_tags st JOIN tags t ON t.id = st.tag_id
            WHERE st.statement_id = s.id ORDER BY st.position)) AS tags,
       (SELECT json_group_array(name) FROM (
            SELECT t.name FROM statement_tags st JOIN tags t ON t.id = st.tag_id
            WHERE st.statement_id = s.id ORDER BY st.position)) AS tag_list,
       (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id AND c.parent_id IS NULL) AS paragraphs,
       (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id AND c.parent_id IS NOT NULL) AS sub_items,
       (SELECT count(*) FROM citations c WHERE c.statement_id = s.id) AS citations,
       (SELECT count(*) FROM sources src WHERE src.statement_id = s.id) AS sources,
       i.started_at AS first_imported_at
FROM statements s
JOIN imports i ON i.id = s.import_id;
