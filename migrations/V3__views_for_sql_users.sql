-- V3: views for people who write SQL by hand (documented in docs/schema.md), and the indexes
-- the canned reports lean on.

-- One row per statement with its tags and counts of what was derived from it.
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
       (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id AND c.parent_id IS NULL) AS paragraphs,
       (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id AND c.parent_id IS NOT NULL) AS sub_items,
       (SELECT count(*) FROM citations c WHERE c.statement_id = s.id) AS citations,
       (SELECT count(*) FROM sources src WHERE src.statement_id = s.id) AS sources,
       i.started_at AS first_imported_at
FROM statements s
JOIN imports i ON i.id = s.import_id;

-- The citation graph: one row per citing statement and cited symbol.
CREATE VIEW citation_edges AS
SELECT c.statement_id AS source_id,
       coalesce(s.symbol, 'statement ' || s.id) AS source,
       c.symbol AS target,
       c.target_statement_id AS target_id,
       c.kind,
       count(*) AS weight
FROM citations c
JOIN statements s ON s.id = c.statement_id
GROUP BY c.statement_id, c.symbol, c.kind;

-- most-cited and unresolved group citations by symbol and kind; citation_edges groups them by
-- citing statement. Both cover their queries, and make V1's single-column indexes redundant
-- (measured on 20,000 documents: citation-edges 0.86 s -> 0.25 s).
CREATE INDEX citations_symbol_kind ON citations(symbol, kind, statement_id, target_statement_id);
CREATE INDEX citations_statement_symbol ON citations(statement_id, symbol, kind, target_statement_id);
DROP INDEX citations_symbol;
DROP INDEX citations_statement;
