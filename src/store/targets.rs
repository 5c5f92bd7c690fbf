//! Where each citation points: the rule that picks the cited statement among those held,
//! written once as SQL and used by the writer as it inserts citations, by the writer once
//! more at the end of an import (for the citations written before the statements they cite
//! arrived), and by `reparse`.

use rusqlite::Connection;

use super::Result;

/// The statement a citation points at, as SQL over the cited `symbol`, the `citing` statement's
/// id and its `language`: the first statement held with that symbol in the citing statement's
/// language, else the first with that symbol in any language, never the citing statement
/// itself; NULL when none is held. The one statement of this rule.
pub(super) fn target_sql(symbol: &str, citing: &str, language: &str) -> String {
    format!(
        "coalesce(
            (SELECT min(id) FROM statements WHERE symbol = {symbol} AND id <> {citing} AND language IS {language}),
            (SELECT min(id) FROM statements WHERE symbol = {symbol} AND id <> {citing}))"
    )
}

/// `UPDATE citations` setting each row's target by `target_sql`; add a WHERE clause to limit it.
pub(super) fn retarget_sql() -> String {
    format!(
        "UPDATE citations SET target_statement_id = {}",
        target_sql(
            "citations.symbol",
            "citations.statement_id",
            "(SELECT language FROM statements WHERE id = citations.statement_id)"
        )
    )
}

/// Points every citation at the statement carrying its symbol (preferring one in the citing
/// statement's language), or at nothing.
pub fn resolve_all_targets(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(&retarget_sql(), [])?)
}

/// Points again the citations of every symbol that a statement of this import, or of an
/// import that did not end well (killed or failed), carries: citations written before their
/// statement arrived find it, and one pointing at a version in another language moves to one
/// in its own. Once per import: a full pass over the citations, where a pass per batch through
/// an index of citations by symbol cost an import of 100,000 documents a fifth of its time
/// (docs/performance.md). Only rows whose target changes are written.
pub fn retarget_new_symbols(conn: &Connection, import_id: i64) -> Result<usize> {
    let target = target_sql(
        "citations.symbol",
        "citations.statement_id",
        "(SELECT language FROM statements WHERE id = citations.statement_id)",
    );
    Ok(conn.execute(
        &format!(
            "WITH new_symbols(symbol) AS (
                 SELECT DISTINCT symbol FROM statements
                 WHERE symbol IS NOT NULL AND import_id IN (
                     SELECT id FROM imports WHERE id = ?1 OR finished_at IS NULL OR status = 'failed'))
             UPDATE citations SET target_statement_id = {target}
             WHERE symbol IN (SELECT symbol FROM new_symbols)
               AND target_statement_id IS NOT {target}"
        ),
        [import_id],
    )?)
}
