//! Re-deriving metadata, clauses, tags and citations of every statement from the raw files
//! stored at import, with the current parser: how an improved extractor reaches databases
//! imported by older versions. Statement ids stay; everything derived from the text is
//! rebuilt, in one transaction.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::child_rows::{ChildRows, WriteCache};
use super::fts::{LiftedTriggers, FTS_DELETE_TRIGGER, FTS_INSERT_TRIGGER, SEARCH_DELETE_TRIGGER};
use super::raw_files::{for_each_piece, PieceError};
use super::records::{self, Holder};
use super::targets::resolve_all_targets;
use super::writer::{trust_own_rows, with_statement_columns};
use super::StoreError;
use super::{documents, search};
use crate::parse::{parse_file, Document, Limits};

/// What a reparse changed.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Changes {
    pub statements: u64,
    pub reparsed: u64,
    pub metadata_changed: u64,
    /// Statements whose text is in no stored file (nothing to reparse them from).
    pub not_found: u64,
    /// Documents over the size limit given to reparse: their statements stay as they were.
    pub over_limit: u64,
    /// Stored files that no longer parse at all.
    pub unreadable_files: u64,
    pub clauses: (u64, u64),
    pub citations: (u64, u64),
    pub tag_assignments: (u64, u64),
    pub resolved_citations: (u64, u64),
}

impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} of {} statements reparsed ({} with changed metadata, {} over --max-doc-size and \
             left as they were, {} not in any stored file); clauses {} -> {}, citations {} -> {} \
             (resolved {} -> {}), tag assignments {} -> {}",
            self.reparsed,
            self.statements,
            self.metadata_changed,
            self.over_limit,
            self.not_found,
            self.clauses.0,
            self.clauses.1,
            self.citations.0,
            self.citations.1,
            self.resolved_citations.0,
            self.resolved_citations.1,
            self.tag_assignments.0,
            self.tag_assignments.1
        )
    }
}

fn count(conn: &Connection, sql: &str) -> Result<u64, StoreError> {
    Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
}

struct Counts {
    clauses: u64,
    citations: u64,
    tags: u64,
    resolved: u64,
}

fn counts(conn: &Connection) -> Result<Counts, StoreError> {
    Ok(Counts {
        clauses: count(conn, "SELECT count(*) FROM clauses")?,
        citations: count(conn, "SELECT count(*) FROM citations")?,
        tags: count(conn, "SELECT count(*) FROM statement_tags")?,
        resolved: count(
            conn,
            "SELECT count(*) FROM citations WHERE target_statement_id IS NOT NULL",
        )?,
    })
}

/// Reparses every statement. Runs in one transaction: all or nothing.
pub fn reparse(conn: &Connection, limits: &Limits) -> Result<Changes, StoreError> {
    trust_own_rows(conn)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match reparse_in_transaction(conn, limits) {
        Ok(changes) => {
            conn.execute_batch("COMMIT")?;
            Ok(changes)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn reparse_in_transaction(conn: &Connection, limits: &Limits) -> Result<Changes, StoreError> {
    let before = counts(conn)?;
    let mut changes = Changes {
        statements: count(conn, "SELECT count(*) FROM statements")?,
        ..Changes::default()
    };
    let lifted = LiftedTriggers::lift(
        conn,
        &[
            FTS_INSERT_TRIGGER,
            FTS_DELETE_TRIGGER,
            SEARCH_DELETE_TRIGGER,
        ],
    )?;
    let mut done: HashSet<i64> = HashSet::new();
    let mut cache = WriteCache::load(conn)?;
    let mut child_rows = ChildRows::new(conn)?;
    let file_ids: Vec<i64> = conn
        .prepare("SELECT id FROM files ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for file_id in file_ids {
        // A file stored in pieces is parsed piece by piece: each begins at a header line.
        let mut each = |bytes: &[u8], prefix: &'static [u8]| -> Result<(), StoreError> {
            let joined;
            let bytes = if prefix.is_empty() {
                bytes
            } else {
                joined = [prefix, bytes].concat();
                &joined[..]
            };
            let Ok(parsed) = parse_file(bytes, limits) else {
                changes.unreadable_files += 1;
                return Ok(());
            };
            changes.over_limit += parsed.rejections.iter().filter(|r| r.over_limit).count() as u64;
            if !parsed.records.is_empty() {
                records::remove(conn, Holder::File(file_id))?;
                if !records::superseded(conn, file_id)? {
                    for record in &parsed.records {
                        records::insert(conn, Holder::File(file_id), record)?;
                    }
                }
            }
            for doc in parsed.documents {
                let id: Option<i64> = conn
                    .prepare_cached("SELECT id FROM statements WHERE sha256 = ?1")?
                    .query_row([&doc.sha256], |r| r.get(0))
                    .optional()?;
                let Some(id) = id.filter(|id| done.insert(*id)) else {
                    continue;
                };
                if update_metadata(conn, id, &doc)? {
                    changes.metadata_changed += 1;
                }
                conn.prepare_cached("DELETE FROM citations WHERE statement_id = ?1")?
                    .execute([id])?;
                conn.prepare_cached("DELETE FROM clauses WHERE statement_id = ?1")?
                    .execute([id])?;
                conn.prepare_cached("DELETE FROM statement_tags WHERE statement_id = ?1")?
                    .execute([id])?;
                records::remove(conn, Holder::Statement(id))?;
                child_rows.add(conn, &mut cache, id, doc)?;
                changes.reparsed += 1;
            }
            Ok(())
        };
        match for_each_piece(conn, file_id, &mut each) {
            Ok(()) => {}
            Err(PieceError::Damaged(_)) => changes.unreadable_files += 1,
            Err(PieceError::Sql(e)) => return Err(e.into()),
            Err(PieceError::Each(e)) => return Err(e),
        }
    }
    child_rows.write(conn, &mut cache)?;
    changes.not_found = changes
        .statements
        .saturating_sub(changes.reparsed + changes.over_limit);
    conn.execute(
        "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM statement_tags)",
        [],
    )?;
    resolve_all_targets(conn)?;
    documents::regroup_all(conn)?;
    if lifted.any() {
        conn.execute(
            "INSERT INTO clauses_fts (clauses_fts) VALUES ('rebuild')",
            [],
        )?;
    }
    search::reindex_all(conn)?;
    lifted.restore(conn)?;
    let after = counts(conn)?;
    changes.clauses = (before.clauses, after.clauses);
    changes.citations = (before.citations, after.citations);
    changes.tag_assignments = (before.tags, after.tags);
    changes.resolved_citations = (before.resolved, after.resolved);
    Ok(changes)
}

/// Writes the metadata the parser now finds; true when any of it changed.
fn update_metadata(conn: &Connection, id: i64, doc: &Document) -> Result<bool, StoreError> {
    let changed = with_statement_columns(doc, |columns| {
        let mut named = columns.to_vec();
        named.push((":id", &id));
        conn.prepare_cached(
            "UPDATE statements SET symbol = :symbol, doc_type = :doc_type, language = :language, title = :title,
                                   issued_on = :issued_on, meeting = :meeting, body = :body
             WHERE id = :id AND (symbol IS NOT :symbol OR doc_type IS NOT :doc_type OR language IS NOT :language
                                 OR title IS NOT :title OR issued_on IS NOT :issued_on OR meeting IS NOT :meeting
                                 OR body IS NOT :body)",
        )?
        .execute(named.as_slice())
    })?;
    Ok(changed > 0)
}
