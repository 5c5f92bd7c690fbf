-- name: new-since
-- title: New since
-- description: Statements first imported after a moment, for weekly digests.
-- param: since an ISO date or date-time (UTC), e.g. 2026-11-20
SELECT id, symbol, doc_type, language, title, issued_on, tags, first_imported_at AS imported_at
FROM statement_overview
WHERE first_imported_at > :since
ORDER BY first_imported_at, id;
