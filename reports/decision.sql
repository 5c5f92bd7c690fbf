-- name: decision
-- title: Decision
-- description: The official record of one decision: its outcome, date, meeting, draft, meeting record and counts, then each sponsor and each member state's vote.
-- param: symbol the decision's symbol, e.g. S/RES/2672 (2023) or S/2023/506; case and spaces do not matter
WITH d AS (
    SELECT * FROM decisions
    WHERE replace(upper(symbol), ' ', '') = replace(upper(trim(:symbol)), ' ', '')
)
SELECT 'record' AS part, 1 AS n, 'symbol' AS label, d.symbol AS text FROM d
UNION ALL SELECT 'record', 2, 'outcome', d.outcome FROM d
UNION ALL SELECT 'record', 3, 'adopted_on', d.adopted_on FROM d
UNION ALL SELECT 'record', 4, 'meeting', CAST(d.meeting AS TEXT) FROM d
UNION ALL SELECT 'record', 5, 'draft_symbol', d.draft_symbol FROM d
UNION ALL SELECT 'record', 6, 'record_symbol', d.record_symbol FROM d
UNION ALL SELECT 'record', 7, 'adoption', d.adoption FROM d
UNION ALL SELECT 'record', 8, 'agenda', d.agenda FROM d
UNION ALL SELECT 'record', 9, 'vote', CAST(d.in_favour AS TEXT) || '-' || CAST(d.against AS TEXT) || '-' || CAST(d.abstaining AS TEXT) FROM d
UNION ALL
SELECT * FROM (SELECT 'sponsor', row_number() OVER (ORDER BY s.sponsor), CASE s.additional WHEN 1 THEN 'additional' ELSE 'sponsor' END, s.sponsor
               FROM sponsors s JOIN d ON s.symbol = d.symbol)
UNION ALL
SELECT * FROM (SELECT 'vote', row_number() OVER (ORDER BY v.vote DESC, v.member_state), v.vote, v.member_state
               FROM member_votes v JOIN d ON v.symbol = d.symbol);
