-- V8: documents. One row per document (one decision of the Council), whatever languages the
-- archive holds it in; each statement is one language version and points at its document.
-- The rule that groups versions is the view `statement_grouping`, written once here; councildb
-- groups the statements of every import by it, and groups those of an older database the
-- first time this version opens it.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    grouping_key TEXT NOT NULL UNIQUE,         -- what the versions share, see statement_grouping
    symbol       TEXT,                         -- S/RES/1889 (2009), S/PRST/2009/24 ... or NULL
    doc_type     TEXT NOT NULL
                 CHECK (doc_type IN ('presidential_statement', 'resolution', 'other')),
    issued_on    TEXT,                         -- ISO date of adoption (the one most versions give)
    meeting      INTEGER                       -- meeting number (the one most versions give)
);

ALTER TABLE statements ADD COLUMN document_id INTEGER REFERENCES documents(id);
CREATE INDEX statements_document ON statements(document_id);
-- Finds the versions adopted at one meeting on one day, for texts that carry no symbol.
CREATE INDEX statements_meeting ON statements(meeting, doc_type, issued_on, symbol);

-- The document each statement belongs to, as a key:
--   'symbol S/RES/1889 (2009)'               the text gives its own symbol;
--   'symbol ...' as well                      no symbol, but exactly one symbol is held for
--                                             the same type, meeting and date of adoption;
--   'meeting resolution 6196 2009-10-05'      no symbol: type, meeting and date of adoption;
--   'text <sha256>'                           none of these: the statement is a document alone.
CREATE VIEW statement_grouping AS
SELECT s.id AS statement_id,
       CASE
           WHEN s.symbol IS NOT NULL THEN 'symbol ' || s.symbol
           WHEN s.meeting IS NOT NULL AND s.issued_on IS NOT NULL THEN coalesce(
               (SELECT 'symbol ' || min(o.symbol) FROM statements o
                WHERE o.meeting = s.meeting AND o.doc_type = s.doc_type
                  AND o.issued_on = s.issued_on AND o.symbol IS NOT NULL
                HAVING count(DISTINCT o.symbol) = 1),
               'meeting ' || s.doc_type || ' ' || s.meeting || ' ' || s.issued_on)
           ELSE 'text ' || s.sha256
       END AS grouping_key
FROM statements s;
