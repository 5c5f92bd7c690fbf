//! The writer: the one part that puts parsed documents into the database. It writes whole
//! documents inside batched transactions (a statement never lands without its clauses, tags and
//! citations), keeps the `imports` log and records every rejection in `import_errors`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;

use rusqlite::vtab::Context;
use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde::Serialize;

use crate::bulk::{self, RowSource, Rows};
use crate::checkpoint::Checkpointer;
use crate::parse::{Document, FileError, ParsedFile};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database write failed")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot start a worker thread")]
    Thread(#[source] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What one parsed input file (or input failure) brings to the writer.
#[derive(Debug)]
pub enum Item {
    File(FileItem),
    /// An archive entry that is plainly not a document.
    Skipped {
        path: String,
    },
    /// An input that could not be read at all.
    Failed {
        path: String,
        reason: String,
    },
}

#[derive(Debug)]
pub struct FileItem {
    pub path: String,
    pub archive: Option<String>,
    pub raw: RawFile,
    pub parsed: std::result::Result<ParsedFile, FileError>,
}

/// The file's bytes as they came in, compressed, so that `export` can give them back.
#[derive(Debug)]
pub struct RawFile {
    pub sha256: String,
    pub size: u64,
    pub zstd: Vec<u8>,
}

/// Counts for one import run, as logged in `imports` and printed in the summary line.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: u64,
    pub documents: u64,
    pub new_statements: u64,
    pub duplicates: u64,
    pub rejected: u64,
    pub skipped: u64,
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
        )
    }
}

/// How many documents go into one transaction: big enough to amortize the commit, small enough
/// that a kill loses little and readers see progress.
pub const DEFAULT_BATCH_DOCUMENTS: usize = 2000;

pub struct Writer<'c> {
    conn: &'c Connection,
    checkpointer: Option<Checkpointer>,
    fts: Option<FtsBulk>,
    import_id: i64,
    summary: Summary,
    batch_documents: usize,
    in_batch: usize,
    cache: WriteCache,
    derived: Derived,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl<'c> Writer<'c> {
    /// Logs a new import run and returns a writer for it.
    pub fn begin(
        conn: &'c Connection,
        inputs: &[String],
        batch_documents: usize,
    ) -> Result<Writer<'c>> {
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
            batch_documents: batch_documents.max(1),
            in_batch: 0,
            cache: WriteCache::load(conn)?,
            derived: Derived::new(conn)?,
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
            self.derived.write(self.conn, &mut self.cache)?;
            if let Some(mut fts) = self.fts.take() {
                fts.finish(self.conn)?;
            }
            self.conn.execute_batch("COMMIT")?;
            if let Some(checkpointer) = &self.checkpointer {
                checkpointer.committed();
            }
        }
        self.in_batch = 0;
        Ok(())
    }

    /// Writes one item; commits when the batch is full.
    pub fn write(&mut self, item: Item) -> Result<()> {
        self.ensure_batch()?;
        match item {
            Item::Skipped { .. } => self.summary.skipped += 1,
            Item::Failed { path, reason } => {
                self.summary.files += 1;
                self.reject(&path, None, &reason)?;
            }
            Item::File(file) => self.write_file(file)?,
        }
        if self.in_batch >= self.batch_documents {
            self.commit()?;
        }
        Ok(())
    }

    fn write_file(&mut self, file: FileItem) -> Result<()> {
        self.summary.files += 1;
        self.store_raw(&file)?;
        let parsed = match file.parsed {
            Ok(p) => p,
            Err(e) => return self.reject(&file.path, None, &e.to_string()),
        };
        self.summary.documents += (parsed.documents.len()
            + parsed
                .rejections
                .iter()
                .filter(|r| r.doc_index.is_some())
                .count()) as u64;
        for rejection in &parsed.rejections {
            self.reject(&file.path, rejection.doc_index, &rejection.reason)?;
        }
        for doc in parsed.documents {
            self.write_document(&file.path, doc)?;
            self.in_batch += 1;
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

    fn store_raw(&mut self, file: &FileItem) -> Result<()> {
        let raw = &file.raw;
        let inserted = self
            .conn
            .prepare_cached("INSERT INTO files (sha256, size, zstd) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING")?
            .execute(params![raw.sha256, raw.size as i64, raw.zstd])?;
        let file_id: i64 = if inserted == 1 {
            self.conn.last_insert_rowid()
        } else {
            self.conn
                .prepare_cached("SELECT id FROM files WHERE sha256 = ?1")?
                .query_row([&raw.sha256], |r| r.get(0))?
        };
        self.conn
            .prepare_cached(
                "INSERT INTO file_paths (file_id, path, archive, import_id) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (file_id, path) DO NOTHING",
            )?
            .execute(params![file_id, file.path, file.archive, self.import_id])?;
        Ok(())
    }

    fn write_document(&mut self, path: &str, doc: Document) -> Result<()> {
        // Without RETURNING: SQLite buffers RETURNING rows in a temporary b-tree opened and
        // closed per statement, which cost about 3% of an import's writer time.
        let inserted = with_derived_columns(&doc, |columns| {
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
                self.derived.add(self.conn, &mut self.cache, id, doc)?;
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

    /// Commits the last batch and closes the import's log entry.
    pub fn finish(mut self) -> Result<Summary> {
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
    pub fn abandon(self) -> Result<Summary> {
        if !self.conn.is_autocommit() {
            // The rollback also brings back the lifted trigger.
            self.conn.execute_batch("ROLLBACK")?;
        }
        self.log("failed")?;
        Ok(self.summary)
    }

    fn log(&self, status: &str) -> Result<()> {
        let s = &self.summary;
        self.conn.execute(
            "UPDATE imports SET finished_at = ?1, status = ?2, files = ?3, documents = ?4, new_statements = ?5,
             duplicates = ?6, rejected = ?7, skipped = ?8 WHERE id = ?9",
            params![
                now(),
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
/// time when every row had a statement of its own (20,000 documents: 4.46 s -> 3.80 s):
/// enforcing foreign keys makes SQLite keep a statement journal, and `kind IN (...)` builds a
/// temporary b-tree of its six values for every statement run. Other connections keep the
/// checks.
pub fn trust_own_rows(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    Ok(())
}

/// Full-text indexing in bulk. The schema's triggers index each clause as it is inserted or
/// deleted, but FTS5 flushes its pending terms at every statement savepoint, so row-by-row
/// indexing writes a tiny segment per clause and spends most of an import merging them
/// (measured: 17 s -> 8 s for 20,000 documents). Inside a write transaction the writer
/// therefore lifts the triggers, indexes in one statement before committing, and puts the
/// triggers back, verbatim as the database holds them, in the same transaction: other
/// connections only ever see the triggers in place.
pub struct LiftedTriggers {
    /// CREATE statements of the triggers dropped, to run again.
    create: Vec<String>,
}

pub const FTS_INSERT_TRIGGER: &str = "clauses_fts_insert";
pub const FTS_DELETE_TRIGGER: &str = "clauses_fts_delete";

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
struct FtsBulk {
    lifted: Option<LiftedTriggers>,
    /// The highest clause id before this transaction's inserts.
    indexed_up_to: i64,
}

impl FtsBulk {
    /// Call right after BEGIN.
    fn start(conn: &Connection) -> Result<FtsBulk> {
        let lifted = LiftedTriggers::lift(conn, &[FTS_INSERT_TRIGGER])?;
        let indexed_up_to =
            conn.query_row("SELECT coalesce(max(id), 0) FROM clauses", [], |r| r.get(0))?;
        Ok(FtsBulk {
            lifted: Some(lifted),
            indexed_up_to,
        })
    }

    /// Call right before COMMIT.
    fn finish(&mut self, conn: &Connection) -> Result<()> {
        let Some(lifted) = self.lifted.take() else {
            return Ok(());
        };
        if lifted.any() {
            conn.execute(
                "INSERT INTO clauses_fts (rowid, text) SELECT id, text FROM clauses WHERE id > ?1",
                [self.indexed_up_to],
            )?;
        }
        lifted.restore(conn)
    }
}

/// Calls `f` with the `statements` columns derived from a document's text, as named
/// parameters (`:symbol`, `:doc_type`, `:language`, `:title`, `:issued_on`, `:meeting`,
/// `:body`): the one place that says how a document fills a statement row.
pub fn with_derived_columns<T>(doc: &Document, f: impl FnOnce(&[(&str, &dyn ToSql)]) -> T) -> T {
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

/// The statement a citation points at, as SQL over the cited `symbol`, the `citing` statement's
/// id and its `language`: the first statement held with that symbol in the citing statement's
/// language, else the first with that symbol in any language, never the citing statement
/// itself; NULL when none is held. The one statement of this rule.
fn target_sql(symbol: &str, citing: &str, language: &str) -> String {
    format!(
        "coalesce(
            (SELECT min(id) FROM statements WHERE symbol = {symbol} AND id <> {citing} AND language IS {language}),
            (SELECT min(id) FROM statements WHERE symbol = {symbol} AND id <> {citing}))"
    )
}

/// `UPDATE citations` setting each row's target by `target_sql`; add a WHERE clause to limit it.
fn retarget_sql() -> String {
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

/// What a writer remembers between documents to spare itself look-ups.
pub struct WriteCache {
    tag_ids: HashMap<String, i64>,
    /// Own symbols of the statements held: a citation of any other symbol has no target, and
    /// most citations are of documents not held (measured: 4.8 s -> 4.5 s on 20,000 documents).
    held_symbols: HashSet<String>,
}

impl WriteCache {
    pub fn load(conn: &Connection) -> Result<WriteCache> {
        let held_symbols = conn
            .prepare("SELECT DISTINCT symbol FROM statements WHERE symbol IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(WriteCache {
            tag_ids: HashMap::new(),
            held_symbols,
        })
    }

    /// The id of the tag named `name`, made if new.
    fn tag_id(&mut self, conn: &Connection, name: &str) -> Result<i64> {
        if let Some(&id) = self.tag_ids.get(name) {
            return Ok(id);
        }
        let id: i64 = conn
            .prepare_cached("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id")?
            .query_row([name], |r| r.get(0))?;
        self.tag_ids.insert(name.to_owned(), id);
        Ok(id)
    }
}

/// Text gathered in `Derived` before it writes, at most: a bound on memory whatever the batch
/// size and the size of documents.
const DERIVED_BYTES: usize = 2 << 20;

/// What is derived from the text of new statements (tags, clauses, citations with their
/// targets), gathered and then written with one INSERT per table (`bulk`). Shared by import and
/// `reparse`, so that both derive the same rows.
pub struct Derived {
    pending: Vec<(i64, Document)>,
    bytes: usize,
    disposal: Option<Disposal>,
}

impl Derived {
    /// Rows to be written through `conn`.
    pub fn new(conn: &Connection) -> Result<Derived> {
        bulk::register(conn)?;
        Ok(Derived {
            pending: Vec::new(),
            bytes: 0,
            disposal: None,
        })
    }

    /// Gathers what `doc`, the text of statement `statement_id`, gives, and writes what was
    /// gathered once it passes `DERIVED_BYTES`.
    pub fn add(
        &mut self,
        conn: &Connection,
        cache: &mut WriteCache,
        statement_id: i64,
        mut doc: Document,
    ) -> Result<()> {
        // The body went into the statement's row; the derived rows do not need it.
        doc.body = String::new();
        self.bytes += doc.clauses.iter().map(|c| c.text.len()).sum::<usize>()
            + doc
                .citations
                .iter()
                .map(|(_, c)| c.symbol.len() + c.raw.len())
                .sum::<usize>();
        self.pending.push((statement_id, doc));
        if self.bytes >= DERIVED_BYTES {
            self.write(conn, cache)?;
        }
        Ok(())
    }

    /// Writes everything gathered, then points earlier citations of the new statements'
    /// symbols at them. Call inside the transaction that wrote the statements.
    pub fn write(&mut self, conn: &Connection, cache: &mut WriteCache) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.bytes = 0;
        // Clause ids are given here rather than by SQLite, so that sub-items and citations can
        // name their clause in the same statement. The transaction holds the write lock, so no
        // one else takes these ids.
        let mut next_clause_id: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM clauses", [], |r| {
                r.get(0)
            })?;
        let mut docs = Vec::with_capacity(self.pending.len());
        for (statement_id, doc) in self.pending.drain(..) {
            let tag_ids = doc
                .tags
                .iter()
                .map(|tag| cache.tag_id(conn, tag))
                .collect::<Result<Vec<_>>>()?;
            if let Some(symbol) = &doc.symbol {
                cache.held_symbols.insert(symbol.clone());
            }
            let first_clause_id = next_clause_id;
            next_clause_id += doc.clauses.len() as i64;
            docs.push(DerivedDoc {
                statement_id,
                first_clause_id,
                tag_ids,
                doc,
            });
        }
        // A citation of a symbol no statement carries has no target: most citations, spared the
        // look-up.
        let held: Vec<Vec<bool>> = docs
            .iter()
            .map(|d| {
                d.doc
                    .citations
                    .iter()
                    .map(|(_, c)| cache.held_symbols.contains(&c.symbol))
                    .collect()
            })
            .collect();
        let batch = Rc::new(DerivedBatch { docs, held });
        // OR FAIL, not the default ABORT: on an error the whole transaction is rolled back
        // anyway, and ABORT makes SQLite journal every page a many-row statement touches, so
        // that it can undo just that statement (it doubled the import's system time).
        insert_rows(
            conn,
            "INSERT OR FAIL INTO clauses (id, statement_id, position, parent_id, marker, text)
             SELECT c0, c1, c2, c3, c4, c5 FROM councildb_rows(?1)",
            BatchRows::clauses(&batch),
        )?;
        insert_rows(
            conn,
            "INSERT OR FAIL INTO statement_tags (statement_id, tag_id, position)
             SELECT c0, c1, c2 FROM councildb_rows(?1)",
            BatchRows::tags(&batch),
        )?;
        insert_rows(
            conn,
            &format!(
                "INSERT OR FAIL INTO citations (statement_id, clause_id, kind, symbol, raw, target_statement_id)
                 SELECT c0, c1, c2, c3, c4, CASE WHEN c5 THEN {} END FROM councildb_rows(?1)",
                target_sql("c3", "c0", "c6")
            ),
            BatchRows::citations(&batch),
        )?;
        // Citations written before these statements arrived now find them, and a citation
        // pointing at a version in another language moves to one in its own.
        let symbols: Vec<String> = batch
            .docs
            .iter()
            .filter_map(|d| d.doc.symbol.clone())
            .collect();
        if !symbols.is_empty() {
            insert_rows(
                conn,
                &format!(
                    "{} WHERE symbol IN (SELECT c0 FROM councildb_rows(?1))",
                    retarget_sql()
                ),
                Symbols(symbols),
            )?;
        }
        // The statements above let go of the batch. Freeing a batch's million small strings
        // took 4% of the writer's time, so another thread does it.
        if let Ok(batch) = Rc::try_unwrap(batch) {
            self.disposal
                .get_or_insert_with(Disposal::start)
                .dispose(batch.docs);
        }
        Ok(())
    }
}

/// Runs `sql` with `rows` as `?1`, then unbinds them so that the cached statement does not keep
/// them alive.
fn insert_rows(conn: &Connection, sql: &str, rows: impl Rows) -> Result<usize> {
    let mut stmt = conn.prepare_cached(sql)?;
    let changed = stmt.execute([RowSource::new(rows)])?;
    stmt.raw_bind_parameter(1, rusqlite::types::Null)?;
    Ok(changed)
}

/// A thread that frees what it is sent; without one (it could not start), the sender frees.
struct Disposal {
    bin: Option<std::sync::mpsc::Sender<Vec<DerivedDoc>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Disposal {
    fn start() -> Disposal {
        let (bin, contents) = std::sync::mpsc::channel::<Vec<DerivedDoc>>();
        let thread = std::thread::Builder::new()
            .name("councildb-free".into())
            .spawn(move || contents.into_iter().for_each(drop))
            .ok();
        Disposal {
            bin: thread.is_some().then_some(bin),
            thread,
        }
    }

    fn dispose(&self, docs: Vec<DerivedDoc>) {
        if let Some(bin) = &self.bin {
            // A send fails only when the thread is gone; the documents then drop here.
            let _ = bin.send(docs);
        }
    }
}

impl Drop for Disposal {
    fn drop(&mut self) {
        self.bin = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// One column of symbols.
struct Symbols(Vec<String>);

impl Rows for Symbols {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn column(&self, row: usize, col: usize, ctx: &mut Context) -> rusqlite::Result<()> {
        match col {
            0 => ctx.set_result(&self.0[row]),
            _ => Ok(()),
        }
    }
}

struct DerivedDoc {
    statement_id: i64,
    first_clause_id: i64,
    tag_ids: Vec<i64>,
    doc: Document,
}

struct DerivedBatch {
    docs: Vec<DerivedDoc>,
    /// For each document's citations: whether a statement carries the symbol cited.
    held: Vec<Vec<bool>>,
}

/// One table's rows from a batch: each is an item (a clause, a tag, a citation) of a document,
/// and `column` gives an item's columns.
struct BatchRows {
    batch: Rc<DerivedBatch>,
    /// (document, item) of every row, in order.
    index: Vec<(u32, u32)>,
    column: fn(&DerivedBatch, usize, usize, usize, &mut Context) -> rusqlite::Result<()>,
}

impl BatchRows {
    fn new(
        batch: &Rc<DerivedBatch>,
        items: impl Fn(&Document) -> usize,
        column: fn(&DerivedBatch, usize, usize, usize, &mut Context) -> rusqlite::Result<()>,
    ) -> BatchRows {
        let index = batch
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..items(&doc.doc)).map(move |k| (d as u32, k as u32)))
            .collect();
        BatchRows {
            batch: Rc::clone(batch),
            index,
            column,
        }
    }

    /// `clauses` rows: c0 id, c1 statement_id, c2 position, c3 parent_id, c4 marker, c5 text.
    fn clauses(batch: &Rc<DerivedBatch>) -> BatchRows {
        BatchRows::new(
            batch,
            |doc| doc.clauses.len(),
            |batch, d, k, col, ctx| {
                let d = &batch.docs[d];
                let clause = &d.doc.clauses[k];
                match col {
                    0 => ctx.set_result(&(d.first_clause_id + k as i64)),
                    1 => ctx.set_result(&d.statement_id),
                    2 => ctx.set_result(&(k as i64 + 1)),
                    // A sub-item's paragraph comes before it.
                    3 => ctx.set_result(
                        &clause
                            .parent
                            .filter(|&p| p < k)
                            .map(|p| d.first_clause_id + p as i64),
                    ),
                    4 => ctx.set_result(&clause.marker),
                    5 => ctx.set_result(&clause.text),
                    _ => Ok(()),
                }
            },
        )
    }

    /// `statement_tags` rows: c0 statement_id, c1 tag_id, c2 position.
    fn tags(batch: &Rc<DerivedBatch>) -> BatchRows {
        BatchRows::new(
            batch,
            |doc| doc.tags.len(),
            |batch, d, k, col, ctx| {
                let d = &batch.docs[d];
                match col {
                    0 => ctx.set_result(&d.statement_id),
                    1 => ctx.set_result(&d.tag_ids[k]),
                    2 => ctx.set_result(&(k as i64 + 1)),
                    _ => Ok(()),
                }
            },
        )
    }

    /// `citations` rows: c0 statement_id, c1 clause_id, c2 kind, c3 symbol, c4 raw, c5 whether
    /// a statement carries the symbol, c6 the citing statement's language.
    fn citations(batch: &Rc<DerivedBatch>) -> BatchRows {
        BatchRows::new(
            batch,
            |doc| doc.citations.len(),
            |batch, d, k, col, ctx| {
                let held = batch.held[d][k];
                let d = &batch.docs[d];
                let (clause, citation) = &d.doc.citations[k];
                match col {
                    0 => ctx.set_result(&d.statement_id),
                    1 => ctx.set_result(
                        &(*clause < d.doc.clauses.len())
                            .then(|| d.first_clause_id + *clause as i64),
                    ),
                    2 => ctx.set_result(&citation.kind.as_str()),
                    3 => ctx.set_result(&citation.symbol),
                    4 => ctx.set_result(&citation.raw),
                    5 => ctx.set_result(&held),
                    6 => ctx.set_result(&d.doc.language),
                    _ => Ok(()),
                }
            },
        )
    }
}

impl Rows for BatchRows {
    fn len(&self) -> usize {
        self.index.len()
    }

    fn column(&self, row: usize, col: usize, ctx: &mut Context) -> rusqlite::Result<()> {
        let (d, k) = self.index[row];
        (self.column)(&self.batch, d as usize, k as usize, col, ctx)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use crate::parse::{CitationKind, DocType};

    /// `trust_own_rows` relies on this: whatever the enums hold, the schema accepts.
    #[test]
    fn enum_values_pass_the_schema_checks() {
        let conn = crate::db::open_in_memory().unwrap();
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
