-- V12: both full-text indexes merge their segments 64 at a time instead of 16. Each write
-- transaction of an import leaves one segment per index (2,000 documents); FTS5 merged them
-- once 16 stood on one level, so that from about 32,000 documents on, every import rewrote the
-- indexes it had just written, and the time per document grew with the database. Merging 64
-- at a time rewrites each index level a quarter as often. The price is more segments for a
-- query to look in: on 100,000 documents (50 segments instead of 5), `search` takes 3-5%
-- longer for common words. 'crisismerge' is raised with 'automerge': FTS5 merges a level at
-- once when it holds that many segments, whatever 'automerge' says.
INSERT INTO clauses_fts (clauses_fts, rank) VALUES ('automerge', 64);
INSERT INTO clauses_fts (clauses_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO clauses_search (clauses_search, rank) VALUES ('automerge', 64);
INSERT INTO clauses_search (clauses_search, rank) VALUES ('crisismerge', 64);
