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

-- One row per decision, as one of its records gives it: a data_extract line first, else the
-- English version's XML, else the first imported. Records of one decision can disagree (a
-- file's metadata copied from another's); the others stay in decision_records.
CREATE VIEW decisions AS
WITH ranked AS (
    SELECT r.*,
           row_number() OVER (PARTITION BY r.symbol
                              ORDER BY r.origin = 'data_extract' DESC, s.language = 'en' DESC, r.id) AS pick,
           count(r.id) OVER (PARTITION BY r.symbol) AS records
    FROM decision_records r
    LEFT JOIN statements s ON s.id = r.statement_id
)
SELECT symbol,
       (SELECT d.id FROM documents d WHERE d.grouping_key = 'symbol ' || symbol) AS document_id,
       id AS record_id,
       origin,
       outcome,
       adopted_on,
       meeting,
       draft_symbol,
       record_symbol,
       adoption,
       agenda,
       in_favour,
       against,
       abstaining,
       CASE WHEN in_favour IS NULL THEN NULL
            WHEN coalesce(against, 0) = 0 AND coalesce(abstaining, 0) = 0 THEN 1
            ELSE 0 END AS unanimous,
       records
FROM ranked
WHERE pick = 1;

-- One row per decision and member state named in its vote.
CREATE VIEW member_votes AS
SELECT d.symbol, d.document_id, d.adopted_on, v.member_state, v.vote
FROM decisions d
JOIN decision_votes v ON v.record_id = d.record_id;

-- One row per decision and sponsor.
CREATE VIEW sponsors AS
SELECT d.symbol, d.document_id, s.name AS sponsor, s.additional
FROM decisions d
JOIN decision_sponsors s ON s.record_id = d.record_id;
