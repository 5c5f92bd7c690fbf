//! The official records of decisions (`decision_records` with their votes and sponsors): from
//! an AKN version of a document (held by its statement) or from a data_extract file (held by
//! the file). Shared by import and `reparse`, which replaces what a statement or file gave.

use rusqlite::{params, Connection};

use super::Result;
use crate::parse::DecisionRecord;

/// Who gave a record: the statement of an AKN file, or a data_extract file.
#[derive(Debug, Clone, Copy)]
pub enum Holder {
    Statement(i64),
    File(i64),
}

/// Writes one record with its votes and sponsors.
pub fn insert(conn: &Connection, holder: Holder, record: &DecisionRecord) -> Result<()> {
    let (statement_id, file_id) = match holder {
        Holder::Statement(id) => (Some(id), None),
        Holder::File(id) => (None, Some(id)),
    };
    conn.prepare_cached(
        "INSERT INTO decision_records (symbol, origin, statement_id, file_id, outcome, adopted_on, meeting,
                                       draft_symbol, record_symbol, adoption, agenda, in_favour, against, abstaining)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        record.symbol,
        record.origin.as_str(),
        statement_id,
        file_id,
        record.outcome.map(|o| o.as_str()),
        record.adopted_on.map(|d| d.to_string()),
        record.meeting,
        record.draft_symbol,
        record.record_symbol,
        record.adoption,
        record.agenda,
        record.in_favour,
        record.against,
        record.abstaining,
    ])?;
    let id = conn.last_insert_rowid();
    for (k, (member, vote)) in record.votes.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO decision_votes (record_id, position, member_state, vote) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, k as i64 + 1, member, vote.as_str()])?;
    }
    for (k, (name, additional)) in record.sponsors.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO decision_sponsors (record_id, position, name, additional) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, k as i64 + 1, name, *additional as i64])?;
    }
    Ok(())
}

/// Removes what a statement or file gave, before it is derived again.
pub fn remove(conn: &Connection, holder: Holder) -> Result<()> {
    let (column, id) = match holder {
        Holder::Statement(id) => ("statement_id", id),
        Holder::File(id) => ("file_id", id),
    };
    for table in ["decision_votes", "decision_sponsors"] {
        conn.prepare_cached(&format!(
            "DELETE FROM {table} WHERE record_id IN (SELECT id FROM decision_records WHERE {column} = ?1)"
        ))?
        .execute([id])?;
    }
    conn.prepare_cached(&format!("DELETE FROM decision_records WHERE {column} = ?1"))?
        .execute([id])?;
    Ok(())
}

/// Removes the records of older files imported at `path` that no other path holds: `file_id`
/// is the version at `path` now.
pub fn remove_superseded(conn: &Connection, file_id: i64, path: &str) -> Result<()> {
    let older: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT p.file_id FROM file_paths p WHERE p.path = ?1 AND p.file_id <> ?2
             AND NOT EXISTS (SELECT 1 FROM file_paths q WHERE q.file_id = p.file_id AND q.path <> ?1)",
        )?
        .query_map(params![path, file_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in older {
        remove(conn, Holder::File(id))?;
    }
    Ok(())
}

/// True when every path of file `file_id` has since been imported with other contents.
pub fn superseded(conn: &Connection, file_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT NOT EXISTS (
                 SELECT 1 FROM file_paths p WHERE p.file_id = ?1 AND NOT EXISTS (
                     SELECT 1 FROM file_paths q WHERE q.path = p.path AND q.file_id <> ?1
                     AND q.import_id > p.import_id))",
        )?
        .query_row([file_id], |r| r.get(0))?)
}
