-- V13: the UN's own markup and records. A citation says where it was found: read from the
-- text by councildb ('text'), or marked up as a link by the UN ('link'). The official record
-- of a decision (its vote, sponsors, draft and meeting record) comes from an AKN XML file (one
-- record per language version imported, `statement_id`) or from a data_extract file (one
-- record per line, `file_id`); the views give one row per decision.

ALTER TABLE citations ADD COLUMN origin TEXT NOT NULL DEFAULT 'text'
    CHECK (origin IN ('text', 'link'));

CREATE TABLE decision_records (
    id            INTEGER PRIMARY KEY,
    symbol        TEXT NOT NULL,       -- S/RES/2672 (2023), normalized as citations are
    origin        TEXT NOT NULL CHECK (origin IN ('akn', 'data_extract')),
    statement_id  INTEGER REFERENCES statements(id),  -- the AKN version that gave it
    file_id       INTEGER REFERENCES files(id),       -- the data_extract file that gave it
    outcome       TEXT CHECK (outcome IN ('adopted', 'not_adopted')),
    adopted_on    TEXT,                -- ISO date of the vote
    meeting       INTEGER,
    draft_symbol  TEXT,                -- the draft put to the vote: S/2023/18
    record_symbol TEXT,                -- the verbatim record of the meeting: S/PV.9237
    adoption      TEXT,                -- as the record words it: 'Adopted 13-0-2, 9237th meeting'
    agenda        TEXT,                -- the agenda item, in English
    in_favour     INTEGER,
    against       INTEGER,
    abstaining    INTEGER,
    CHECK ((statement_id IS NULL) <> (file_id IS NULL))
);
CREATE INDEX decision_records_by_symbol ON decision_records (symbol);
CREATE INDEX decision_records_by_statement ON decision_records (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX decision_records_by_file ON decision_records (file_id) WHERE file_id IS NOT NULL;

CREATE TABLE decision_votes (
    record_id     INTEGER NOT NULL REFERENCES decision_records(id),
    position      INTEGER NOT NULL,    -- order in the record
    member_state  TEXT NOT NULL,       -- as the voting record writes it: 'RUSSIAN FEDERATION'
    vote          TEXT NOT NULL CHECK (vote IN ('in_favour', 'against', 'abstaining')),
    PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

CREATE TABLE decision_sponsors (
    record_id     INTEGER NOT NULL REFERENCES decision_records(id),
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,       -- upper-cased: 'BRAZIL'
    additional    INTEGER NOT NULL CHECK (additional IN (0, 1)),  -- joined after the draft was issued
    PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

-- One row per decision: what its records say, the first record that says each thing.
CREATE VIEW decisions AS
SELECT r.symbol,
       (SELECT d.id FROM documents d WHERE d.grouping_key = 'symbol ' || r.symbol) AS document_id,
       max(r.outcome) AS outcome,
       min(r.adopted_on) AS adopted_on,
       min(r.meeting) AS meeting,
       min(r.draft_symbol) AS draft_symbol,
       min(r.record_symbol) AS record_symbol,
       min(r.adoption) AS adoption,
       min(r.agenda) AS agenda,
       max(r.in_favour) AS in_favour,
       max(r.against) AS against,
       max(r.abstaining) AS abstaining,
       CASE WHEN max(r.against) = 0 AND max(r.abstaining) = 0 THEN 1
            WHEN max(r.against) IS NULL THEN NULL ELSE 0 END AS unanimous,
       count(r.id) AS records
FROM decision_records r
GROUP BY r.symbol;

-- One row per decision and member state named in its vote.
CREATE VIEW member_votes AS
SELECT v.symbol, d.document_id, d.adopted_on, v.member_state, v.vote
FROM (SELECT DISTINCT r.symbol, dv.member_state, dv.vote
      FROM decision_records r JOIN decision_votes dv ON dv.record_id = r.id) v
JOIN decisions d ON d.symbol = v.symbol;

-- One row per decision and sponsor.
CREATE VIEW sponsors AS
SELECT DISTINCT r.symbol,
       (SELECT d.id FROM documents d WHERE d.grouping_key = 'symbol ' || r.symbol) AS document_id,
       s.name AS sponsor,
       s.additional
FROM decision_records r
JOIN decision_sponsors s ON s.record_id = r.id;
