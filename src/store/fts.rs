//! The full-text indexes kept in step with `clauses`: their triggers lifted for the length of
//! a write transaction, and the transaction's new clauses indexed in one statement each
//! before it commits.

use rusqlite::{Connection, OptionalExtension};

use super::Result;

/// Full-text indexing in bulk. The schema's triggers index each clause as it is inserted or
/// deleted, but FTS5 flushes its pending terms at every statement savepoint, so row-by-row
/// indexing writes a tiny segment per clause and spends most of an import merging them.
/// Inside a write transaction the writer
/// therefore lifts the triggers, indexes in one statement before committing, and puts the
/// triggers back, verbatim as the database holds them, in the same transaction: other
/// connections only ever see the triggers in place.
pub struct LiftedTriggers {
    /// CREATE statements of the triggers dropped, to run again.
    create: Vec<String>,
}

pub const FTS_INSERT_TRIGGER: &str = "clauses_fts_insert";
pub const FTS_DELETE_TRIGGER: &str = "clauses_fts_delete";
pub const SEARCH_DELETE_TRIGGER: &str = "clauses_search_delete";

impl LiftedTriggers {
    /// Drops the named triggers (those that exist) for the rest of the open transaction.
    pub fn lift(conn: &Connection, names: &[&str]) -> Result<LiftedTriggers> {
        let mut create = Vec::new();
        for name in names {
            let sql: Option<String> = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(sql) = sql {
                conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
                create.push(sql);
            }
        }
        Ok(LiftedTriggers { create })
    }

    /// True when a trigger was lifted: the caller must do its work in bulk.
    pub fn any(&self) -> bool {
        !self.create.is_empty()
    }

    pub fn restore(self, conn: &Connection) -> Result<()> {
        for sql in &self.create {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// The import's use of `LiftedTriggers`: new clauses of a transaction indexed at its end.
pub(super) struct FtsBulk {
    lifted: Option<LiftedTriggers>,
    /// The highest clause id before this transaction's inserts.
    indexed_up_to: i64,
}

impl FtsBulk {
    /// Call right after BEGIN.
    pub(super) fn start(conn: &Connection) -> Result<FtsBulk> {
        let lifted = LiftedTriggers::lift(conn, &[FTS_INSERT_TRIGGER])?;
        let indexed_up_to =
            conn.query_row("SELECT coalesce(max(id), 0) FROM clauses", [], |r| r.get(0))?;
        Ok(FtsBulk {
            lifted: Some(lifted),
            indexed_up_to,
        })
    }

    /// Call right before COMMIT.
    pub(super) fn finish(&mut self, conn: &Connection) -> Result<()> {
        let Some(lifted) = self.lifted.take() else {
            return Ok(());
        };
        if lifted.any() {
            conn.execute(
                "INSERT INTO clauses_fts (rowid, text) SELECT id, text FROM clauses WHERE id > ?1",
                [self.indexed_up_to],
            )?;
        }
        super::search::index_missing(conn)?;
        lifted.restore(conn)
    }
}
