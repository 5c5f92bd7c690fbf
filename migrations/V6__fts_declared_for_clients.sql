-- V6: the full-text table declared as Datasette and sqlite-utils look for it. They find the
-- index of a table by `content="TABLE"` in its declaration, with double quotes and no spaces;
-- V1 wrote `content = 'clauses'`, which neither recognises (no search box, `_search` ignored).
-- The index is declared again, with the same columns, tokenizer and settings, and rebuilt
-- from `clauses`; the triggers that keep it in step are put back as they were.
DROP TRIGGER clauses_fts_insert;
DROP TRIGGER clauses_fts_delete;
DROP TRIGGER clauses_fts_update;
DROP TABLE clauses_fts;
CREATE VIRTUAL TABLE clauses_fts USING fts5(
    text,
    content="clauses",
    content_rowid="id",
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO clauses_fts (clauses_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO clauses_fts (clauses_fts, rank) VALUES ('automerge', 16);
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
INSERT INTO clauses_fts (clauses_fts) VALUES ('rebuild');
