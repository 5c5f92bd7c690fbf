-- V5: what an import read only after repairing it, so that nothing done to the input is
-- silent: a file that is UTF-8 but for a few bytes is read as UTF-8, those bytes as
-- Windows-1252, and the repair is recorded here. `report imports` lists these beside the
-- rejections; they are not rejections (the documents were imported).
CREATE TABLE import_warnings (
    id        INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    path      TEXT NOT NULL,                   -- as in sources.path
    warning   TEXT NOT NULL                    -- what was repaired, in words
);
CREATE INDEX import_warnings_import ON import_warnings(import_id);
