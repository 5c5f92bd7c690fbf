-- V11: the index of citations by cited symbol (V3) goes. Every batch of an import inserted
-- its citations all over it, so that an import's time per document grew with the database
-- (100,000 documents: 51.2 s with it, 41.5 s without), and `most-cited` reads faster in table
-- order. councildb now points old citations at newly arrived statements once per import, in
-- one pass over the table, and no report needs the index. A query for the citations of one
-- symbol reads the table through (0.05 s for 1.5 million citations, 0.3 s from a cold disk).
DROP INDEX citations_symbol_kind;
