//! Where each citation points: the rule that picks the cited statement among those held,
//! written once as SQL and used by the writer, by `reparse` and by the batch updates.

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
