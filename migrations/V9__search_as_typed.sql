-- V9: clauses_search, a second full-text index over clause text, folded as people type it:
-- each Chinese character a token of its own (so unsegmented 维持和平 finds segmented 维持 和平
-- and the reverse), combining marks and Arabic harakat and tatweel dropped, ё as е,
-- full-width digits and letters as ASCII; case and Latin accents are folded by the tokenizer.
-- It stores the folded text (snippets come from it). councildb fills it as it imports, and
-- fills it for an older database the first time this version opens it. Query it from any
-- SQLite with the same folding, by hand: clauses_search MATCH '"维 持 和 平"'.
-- clauses_fts stays as it is, for clients that find it by its declaration.
CREATE VIRTUAL TABLE clauses_search USING fts5(
    text,
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO clauses_search (clauses_search, rank) VALUES ('hashsize', 16777216);
INSERT INTO clauses_search (clauses_search, rank) VALUES ('automerge', 16);
CREATE TRIGGER clauses_search_delete AFTER DELETE ON clauses BEGIN
    DELETE FROM clauses_search WHERE rowid = old.id;
END;
-- Text changed by hand is indexed as written (unfolded); `councildb reparse` folds it again.
CREATE TRIGGER clauses_search_update AFTER UPDATE OF text ON clauses BEGIN
    DELETE FROM clauses_search WHERE rowid = old.id;
    INSERT INTO clauses_search (rowid, text) VALUES (new.id, new.text);
END;
