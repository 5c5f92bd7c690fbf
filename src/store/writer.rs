//! The writer: the one part that puts parsed documents into the database. It writes whole
//! documents inside batched transactions (a statement never lands without its clauses, tags and
//! citations), keeps the `imports` log and records every rejection in `import_errors`.

use std::path::Path;

use rusqlite::{params, Connection, ToSql};
use serde::Serialize;

use super::checkpoint::Checkpointer;
use super::child_rows::{ChildRows, WriteCache};
use super::documents;
use super::fts::FtsBulk;
use super::raw_files::RawFiles;
use super::records::{self, Holder};
use super::targets::retarget_new_symbols;
use super::Result;
use crate::ingest::{Entry, FileItem, Item, Piece};
use crate::parse::Document;

/// Counts for one import run, as logged in `imports` and printed in the summary line.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: u64,
    pub documents: u64,
    pub new_statements: u64,
    pub duplicates: u64,
    pub rejected: u64,
    pub skipped: u64,
    /// Official records of decisions read from data_extract files.
    pub records: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} files, {} documents: {} new statements, {} duplicates, {} rejected, {} skipped",
            self.files,
            self.documents,
            self.new_statements,
            self.duplicates,
            self.rejected,
            self.skipped
        )?;
        if self.records > 0 {
            write!(f, ", {} decision records", self.records)?;
        }
        Ok(())
    }
}

/// How many documents go into one transaction.
#[derive(Debug, Clone, Copy)]
pub struct BatchSize {
    /// Documents a transaction holds at least.
    pub documents: usize,
    /// Text that small documents must add up to before the transaction ends, unless ...
    pub text_bytes: usize,
    /// ... it holds this many documents.
    pub most_documents: usize,
}

impl BatchSize {
    /// `documents` in every transaction, whatever their size.
    pub fn exactly(documents: usize) -> BatchSize {
        let documents = documents.max(1);
        BatchSize {
            documents,
            text_bytes: 0,
            most_documents: documents,
        }
    }
}

impl Default for BatchSize {
    /// 2,000 documents: big enough to amortize a commit, small enough that a kill loses little
    /// and readers see progress. Small documents go on to 8 MiB of text, up to 32,000: part of
    /// what a transaction costs does not shrink with its documents (the pages of the indexes
    /// keyed by hashes, which every transaction rewrites, and a full-text segment per index).
    fn default() -> BatchSize {
        BatchSize {
            documents: 2000,
            text_bytes: 8 << 20,
            most_documents: 32_000,
        }
    }
}

pub struct Writer<'c> {
    conn: &'c Connection,
    checkpointer: Option<Checkpointer>,
    fts: Option<FtsBulk>,
    import_id: i64,
    summary: Summary,
    /// The counts as of the last commit.
    committed: Summary,
    batch: BatchSize,
    in_batch: usize,
    /// Text of the documents in the open transaction.
    batch_text: usize,
    cache: WriteCache,
    child_rows: ChildRows,
    raw: RawFiles,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl<'c> Writer<'c> {
    /// Logs a new import run and returns a writer for it.
    pub fn begin(conn: &'c Connection, inputs: &[String], batch: BatchSize) -> Result<Writer<'c>> {
        trust_own_rows(conn)?;
        let inputs_json = serde_json::to_string(inputs).unwrap_or_else(|_| "[]".into());
        conn.execute(
            "INSERT INTO imports (started_at, inputs) VALUES (?1, ?2)",
            params![now(), inputs_json],
        )?;
        let import_id = conn.last_insert_rowid();
        Ok(Writer {
            conn,
            checkpointer: None,
            fts: None,
            import_id,
            summary: Summary::default(),
            committed: Summary::default(),
            batch,
            in_batch: 0,
            batch_text: 0,
            cache: WriteCache::load(conn)?,
            child_rows: ChildRows::new(conn)?,
            raw: RawFiles::begin(conn, import_id)?,
        })
    }

    pub fn import_id(&self) -> i64 {
        self.import_id
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Copies committed pages into the database file on a second connection to `path` (the
    /// file `conn` has open) instead of inside the writer's commits.
    pub fn checkpoint_in_background(&mut self, path: &Path) -> Result<()> {
        self.checkpointer = Some(Checkpointer::start(path, self.conn)?);
        Ok(())
    }

    fn ensure_batch(&mut self) -> Result<()> {
        if self.conn.is_autocommit() {
            let checkpointer_works = match &self.checkpointer {
                Some(checkpointer) => checkpointer.before_transaction(self.conn)?,
                None => true,
            };
            if !checkpointer_works {
                if let Some(checkpointer) = self.checkpointer.take() {
                    checkpointer.give_back(self.conn)?;
                }
            }
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.fts = Some(FtsBulk::start(self.conn)?);
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            // The log's counts go in with the rows they count: killed or failed later, the
            // import's row still says what the database holds.
            self.log("running")?;
            self.child_rows.write(self.conn, &mut self.cache)?;
            documents::group_new(self.conn)?;
            if let Some(mut fts) = self.fts.take() {
                fts.finish(self.conn)?;
            }
            self.conn.execute_batch("COMMIT")?;
            self.committed = self.summary.clone();
            if let Some(checkpointer) = &self.checkpointer {
                checkpointer.committed();
            }
        }
        self.in_batch = 0;
        self.batch_text = 0;
        Ok(())
    }

    /// Writes one item; commits when the batch is full.
    pub fn write(&mut self, item: Item) -> Result<()> {
        self.ensure_batch()?;
        match item {
            Entry::Skipped { .. } => self.summary.skipped += 1,
            Entry::Failed { path, reason } => {
                // A file that breaks off after some of its pieces was counted at its first.
                if !self.raw.abandon_path(self.conn, &path)? {
                    self.summary.files += 1;
                }
                self.reject(&path, None, &reason)?;
            }
            Entry::File(file) => self.write_file(file)?,
        }
        let full =
            self.in_batch >= self.batch.documents && self.batch_text >= self.batch.text_bytes;
        if full || self.in_batch >= self.batch.most_documents {
            self.commit()?;
        }
        Ok(())
    }

    fn write_file(&mut self, file: FileItem) -> Result<()> {
        // A file read in pieces counts once, and numbers its documents across its pieces.
        let mut file_id = None;
        let docs_before = match &file.piece {
            Piece::Whole => {
                self.summary.files += 1;
                file_id = Some(self.raw.store_whole(self.conn, &file)?);
                0
            }
            Piece::Part { index, .. } => {
                if *index == 0 {
                    self.summary.files += 1;
                }
                self.raw.store_piece(self.conn, &file, *index)?
            }
        };
        let mut in_piece = 0;
        match &file.parsed {
            Err(e) => self.reject(&file.path, None, &e.to_string())?,
            Ok(parsed) => {
                in_piece = parsed
                    .documents
                    .iter()
                    .map(|d| d.doc_index)
                    .chain(parsed.rejections.iter().filter_map(|r| r.doc_index))
                    .max()
                    .unwrap_or(0);
                self.summary.documents += (parsed.documents.len()
                    + parsed
                        .rejections
                        .iter()
                        .filter(|r| r.doc_index.is_some())
                        .count()) as u64;
                for rejection in &parsed.rejections {
                    let at = rejection.doc_index.map(|d| d + docs_before);
                    self.reject(&file.path, at, &rejection.reason)?;
                }
                if let (Some(id), false) = (file_id, parsed.records.is_empty()) {
                    // The same file imported again gives the same records once.
                    records::remove(self.conn, Holder::File(id))?;
                    // A corrected file at the same path replaces the records of the old one
                    // (export gives back the newest version too).
                    records::remove_superseded(self.conn, id, &file.path)?;
                    for record in &parsed.records {
                        records::insert(self.conn, Holder::File(id), record)?;
                    }
                    self.summary.records += parsed.records.len() as u64;
                }
                for warning in &parsed.warnings {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO import_warnings (import_id, path, warning) VALUES (?1, ?2, ?3)",
                        )?
                        .execute(params![self.import_id, file.path, warning])?;
                }
            }
        }
        if let Piece::Part { end, .. } = &file.piece {
            self.raw.counted(in_piece);
            if let Some(end) = end {
                self.raw.finish_file(self.conn, &file, end)?;
            }
        }
        let path = file.path;
        if let Ok(parsed) = file.parsed {
            for mut doc in parsed.documents {
                doc.doc_index += docs_before;
                self.batch_text += doc.body.len();
                self.write_document(&path, doc)?;
                self.in_batch += 1;
            }
        }
        Ok(())
    }

    fn reject(&mut self, path: &str, doc_index: Option<u32>, reason: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT INTO import_errors (import_id, path, doc_index, reason) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![self.import_id, path, doc_index, reason])?;
        self.summary.rejected += 1;
        Ok(())
    }

    fn write_document(&mut self, path: &str, doc: Document) -> Result<()> {
        // Without RETURNING: SQLite buffers RETURNING rows in a temporary b-tree opened and
        // closed per statement, a cost paid for every document.
        let inserted = with_statement_columns(&doc, |columns| {
            let mut named = columns.to_vec();
            named.push((":sha256", &doc.sha256));
            named.push((":import_id", &self.import_id));
            self.conn
                .prepare_cached(
                    "INSERT INTO statements (sha256, symbol, doc_type, language, title, issued_on, meeting, body, import_id)
                     VALUES (:sha256, :symbol, :doc_type, :language, :title, :issued_on, :meeting, :body, :import_id)
                     ON CONFLICT (sha256) DO NOTHING",
                )?
                .execute(named.as_slice())
        })?;
        let new_id = (inserted == 1).then(|| self.conn.last_insert_rowid());
        let doc_index = doc.doc_index;
        let statement_id = match new_id {
            Some(id) => {
                self.summary.new_statements += 1;
                self.child_rows.add(self.conn, &mut self.cache, id, doc)?;
                id
            }
            None => {
                self.summary.duplicates += 1;
                self.conn
                    .prepare_cached("SELECT id FROM statements WHERE sha256 = ?1")?
                    .query_row([&doc.sha256], |r| r.get(0))?
            }
        };
        self.conn
            .prepare_cached(
                "INSERT INTO sources (statement_id, path, doc_index, import_id) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![statement_id, path, doc_index, self.import_id])?;
        Ok(())
    }

    /// Points earlier citations at the statements this import brought, commits the last
    /// batch and closes the import's log entry.
    pub fn finish(mut self) -> Result<Summary> {
        self.ensure_batch()?;
        retarget_new_symbols(self.conn, self.import_id)?;
        self.commit()?;
        let status = if self.summary.rejected > 0 {
            "partial"
        } else {
            "ok"
        };
        self.log(status)?;
        if let Some(checkpointer) = self.checkpointer.take() {
            checkpointer.finish();
        }
        Ok(self.summary)
    }

    /// Rolls back the open batch and marks the import failed (after a fatal error).
    pub fn abandon(mut self) -> Result<Summary> {
        if !self.conn.is_autocommit() {
            // The rollback also brings back the lifted trigger.
            self.conn.execute_batch("ROLLBACK")?;
        }
        // The log tells what is in the database: what the last commit held, not what was
        // rolled back. On a full disk even this may not be written; the counts logged with the
        // last commit stand then.
        self.summary = self.committed.clone();
        let _ = self.log("failed");
        Ok(self.summary)
    }

    fn log(&self, status: &str) -> Result<()> {
        let s = &self.summary;
        self.conn.execute(
            "UPDATE imports SET finished_at = ?1, status = ?2, files = ?3, documents = ?4, new_statements = ?5,
             duplicates = ?6, rejected = ?7, skipped = ?8 WHERE id = ?9",
            params![
                // A running import has no end yet.
                (status != "running").then(now),
                status,
                s.files as i64,
                s.documents as i64,
                s.new_statements as i64,
                s.duplicates as i64,
                s.rejected as i64,
                s.skipped as i64,
                self.import_id
            ],
        )?;
        Ok(())
    }
}

/// Turns off, for this connection only, the per-row checks that the writer's rows pass by
/// construction. Every id the writer puts in a foreign key comes from its own insert in the
/// same transaction, and every `kind` and `doc_type` from an enum whose values the schema's
/// CHECKs accept (`enum_values_pass_the_schema_checks` below; the integration tests run
/// `PRAGMA foreign_key_check` after their imports). Checked, they cost a fifth of the writer's
/// time when every row had a statement of its own: enforcing foreign keys makes SQLite keep a statement journal, and `kind IN (...)` builds a
/// temporary b-tree of its six values for every statement run. Other connections keep the
/// checks.
pub fn trust_own_rows(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    Ok(())
}

/// Calls `f` with the `statements` columns derived from a document's text, as named
/// parameters (`:symbol`, `:doc_type`, `:language`, `:title`, `:issued_on`, `:meeting`,
/// `:body`): the one place that says how a document fills a statement row.
pub fn with_statement_columns<T>(doc: &Document, f: impl FnOnce(&[(&str, &dyn ToSql)]) -> T) -> T {
    let doc_type = doc.doc_type.as_str();
    let issued_on = doc.issued_on.map(|d| d.to_string());
    f(&[
        (":symbol", &doc.symbol),
        (":doc_type", &doc_type),
        (":language", &doc.language),
        (":title", &doc.title),
        (":issued_on", &issued_on),
        (":meeting", &doc.meeting),
        (":body", &doc.body),
    ])
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use crate::parse::{CitationKind, DocType};

    /// `trust_own_rows` relies on this: whatever the enums hold, the schema accepts.
    #[test]
    fn enum_values_pass_the_schema_checks() {
        let conn = crate::store::open_in_memory().unwrap();
        conn.execute(
            "INSERT INTO imports (id, started_at, inputs) VALUES (1, 'now', '[]')",
            [],
        )
        .unwrap();
        let insert_statement =
            "INSERT INTO statements (sha256, doc_type, body, import_id) VALUES (?1, ?2, '', 1)";
        for (k, doc_type) in DocType::ALL.iter().enumerate() {
            conn.execute(insert_statement, params![k.to_string(), doc_type.as_str()])
                .unwrap_or_else(|e| panic!("doc_type {}: {e}", doc_type.as_str()));
        }
        let insert_citation =
            "INSERT INTO citations (statement_id, kind, symbol, raw) VALUES (1, ?1, 'S/1', 'S/1')";
        for kind in CitationKind::ALL {
            conn.execute(insert_citation, [kind.as_str()])
                .unwrap_or_else(|e| panic!("kind {}: {e}", kind.as_str()));
        }
        // The checks are live on this connection: an unknown value is refused.
        assert!(conn.execute(insert_citation, ["letter"]).is_err());
        assert!(conn
            .execute(insert_statement, params!["x", "letter"])
            .is_err());
    }
}
