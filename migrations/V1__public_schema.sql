-- V1: councildb public schema v1 (documented in docs/schema.md).
-- Applied migrations are never edited: change the schema with a new V{n}__what.sql.

-- One row per `councildb import` run.
CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,              -- UTC, ISO 8601 (2026-11-27T22:38:20Z)
    finished_at    TEXT,                       -- NULL while running, or when the run was killed
    inputs         TEXT NOT NULL,              -- the paths given on the command line, JSON array
    status         TEXT NOT NULL DEFAULT 'running'
                   CHECK (status IN ('running', 'ok', 'partial', 'failed')),
    files          INTEGER NOT NULL DEFAULT 0, -- input files read (archive members count one each)
    documents      INTEGER NOT NULL DEFAULT 0, -- documents read, good or rejected
    new_statements INTEGER NOT NULL DEFAULT 0,
    duplicates     INTEGER NOT NULL DEFAULT 0, -- documents whose statement was already known
    rejected       INTEGER NOT NULL DEFAULT 0, -- rows this run added to import_errors
    skipped        INTEGER NOT NULL DEFAULT 0  -- archive entries that are plainly not documents
);

CREATE TABLE statements (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,           -- of the document text: UTF-8, no BOM, LF line ends
    symbol     TEXT,                           -- own symbol when the text gives it
    doc_type   TEXT NOT NULL
               CHECK (doc_type IN ('presidential_statement', 'resolution', 'other')),
    language   TEXT,                           -- ISO 639-1: zh en fr es ru ar
    title      TEXT,                           -- agenda item
    issued_on  TEXT,                           -- ISO date of adoption
    meeting    INTEGER,                        -- meeting number
    body       TEXT NOT NULL,
    import_id  INTEGER NOT NULL REFERENCES imports(id) -- the import that first brought it in
);
CREATE INDEX statements_symbol ON statements(symbol);
CREATE INDEX statements_import ON statements(import_id);
CREATE INDEX statements_issued_on ON statements(issued_on);

-- Every place a statement was seen.
CREATE TABLE sources (
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    path         TEXT NOT NULL,                -- relative to the folder given, member path, file name, or -
    doc_index    INTEGER NOT NULL,             -- 1-based place in its file
    import_id    INTEGER NOT NULL REFERENCES imports(id), -- the import that first saw it there
    PRIMARY KEY (statement_id, path, doc_index)
) WITHOUT ROWID;
CREATE INDEX sources_import ON sources(import_id);
CREATE INDEX sources_path ON sources(path);

CREATE TABLE clauses (
    id           INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    position     INTEGER NOT NULL,             -- 1-based order in the statement
    parent_id    INTEGER REFERENCES clauses(id), -- NULL for a paragraph; the paragraph of a sub-item
    marker       TEXT,                         -- ㈠ (a) (i) (一) 1. or NULL
    text         TEXT NOT NULL,
    UNIQUE (statement_id, position)
);
CREATE INDEX clauses_parent ON clauses(parent_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                  -- trimmed, inner spaces collapsed, upper-cased
);

CREATE TABLE statement_tags (
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    tag_id       INTEGER NOT NULL REFERENCES tags(id),
    position     INTEGER NOT NULL,             -- 1-based place in the header, repeats dropped
    PRIMARY KEY (statement_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX statement_tags_tag ON statement_tags(tag_id);

CREATE TABLE citations (
    id                  INTEGER PRIMARY KEY,
    statement_id        INTEGER NOT NULL REFERENCES statements(id),
    clause_id           INTEGER REFERENCES clauses(id),
    kind                TEXT NOT NULL CHECK (kind IN ('resolution', 'presidential_statement',
                        'document', 'meeting', 'general_assembly_resolution', 'charter')),
    symbol              TEXT NOT NULL,         -- normalized: S/RES/1327 (2000), S/PRST/2004/16 ...
    raw                 TEXT NOT NULL,         -- as written
    target_statement_id INTEGER REFERENCES statements(id) -- the cited statement, when held
);
CREATE INDEX citations_statement ON citations(statement_id);
CREATE INDEX citations_clause ON citations(clause_id);
CREATE INDEX citations_symbol ON citations(symbol);
CREATE INDEX citations_target ON citations(target_statement_id);

-- Every rejected file or document, with a reason a person understands.
CREATE TABLE import_errors (
    id        INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    path      TEXT NOT NULL,
    doc_index INTEGER,                         -- NULL when the whole file was rejected
    reason    TEXT NOT NULL
);
CREATE INDEX import_errors_import ON import_errors(import_id);

-- Full text over clause text, readable by any SQLite with FTS5 (built-in tokenizer).
CREATE VIRTUAL TABLE clauses_fts USING fts5(
    text,
    content = 'clauses',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER clauses_fts_insert AFTER INSERT ON clauses BEGIN
    INSERT INTO clauses_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER clauses_fts_delete AFTER DELETE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER clauses_fts_update AFTER UPDATE OF text ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO clauses_fts(rowid, text) VALUES (new.id, new.text);
END;
