-- name: new-since
-- title: New since
-- description: Statements first imported after a moment, for weekly digests.
-- param: since an ISO date or date-time (UTC), e.g. 2026-11-20
SELECT s.id,
       s.symbol,
       s.doc_type,
       s.language,
       s.title,
       s.issued_on,
       i.started_at AS imported_at
FROM statements s
JOIN imports i ON i.id = s.import_id
WHERE i.started_at > :since
ORDER BY i.started_at, s.id;
