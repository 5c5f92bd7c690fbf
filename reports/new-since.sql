-- name: new-since
-- title: New since
-- description: Statements first imported after a moment (by default, in the last seven days), for weekly digests.
-- param: since? a moment: an ISO date or date-time (UTC), e.g. 2026-11-20, or a period back from now: 24h, 7d, 2w (default 7d)
WITH cutoff(at) AS (
    SELECT CASE
        WHEN :since IS NULL THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 days')
        WHEN :since GLOB '[0-9]*[hdw]'
             AND trim(substr(:since, 1, length(:since) - 1), '0123456789') = ''
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now',
                      '-' || (CAST(substr(:since, 1, length(:since) - 1) AS INTEGER)
                              * CASE substr(:since, -1) WHEN 'h' THEN 1 WHEN 'd' THEN 24 ELSE 168 END)
                          || ' hours')
        ELSE :since
    END)
SELECT id, symbol, doc_type, language, title, issued_on, tags, first_imported_at AS imported_at
FROM statement_overview
WHERE first_imported_at > (SELECT at FROM cutoff)
ORDER BY first_imported_at, id;
