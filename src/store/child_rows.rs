//! The rows that hang off a statement (its clauses, tags and citations with their targets),
//! gathered over many documents and written with one INSERT per table through the
//! `row_source` virtual table. Shared by import and `reparse`, so that both write the same rows.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use rusqlite::vtab::Context;
use rusqlite::Connection;

use super::records::{self, Holder};
use super::row_source::{self, RowSource, Rows};
use super::targets::target_sql;
use super::Result;
use crate::parse::Document;

/// What a writer remembers between documents to spare itself look-ups.
pub struct WriteCache {
    tag_ids: HashMap<String, i64>,
    /// Own symbols of the statements held: a citation of any other symbol has no target, and
    /// most citations are of documents not held.
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

/// Text gathered in `ChildRows` before it writes, at most: a bound on memory whatever the batch
/// size and the size of documents.
const PENDING_TEXT_BYTES: usize = 2 << 20;

/// What a gathered document takes beyond its text (its records, strings and hash), counted
/// against `PENDING_TEXT_BYTES`: tens of thousands of tiny documents are no small thing.
const PENDING_DOCUMENT_BYTES: usize = 1024;

/// What is derived from the text of new statements (tags, clauses, citations with their
/// targets), gathered and then written with one INSERT per table (`bulk`). Shared by import and
/// `reparse`, so that both derive the same rows.
pub struct ChildRows {
    pending: Vec<(i64, Document)>,
    bytes: usize,
    disposal: Option<Disposal>,
}

impl ChildRows {
    /// Rows to be written through `conn`.
    pub fn new(conn: &Connection) -> Result<ChildRows> {
        row_source::register(conn)?;
        Ok(ChildRows {
            pending: Vec::new(),
            bytes: 0,
            disposal: None,
        })
    }

    /// Gathers what `doc`, the text of statement `statement_id`, gives, and writes what was
    /// gathered once it passes `PENDING_TEXT_BYTES`.
    pub fn add(
        &mut self,
        conn: &Connection,
        cache: &mut WriteCache,
        statement_id: i64,
        mut doc: Document,
    ) -> Result<()> {
        // The body went into the statement's row; the derived rows do not need it.
        doc.body = String::new();
        self.bytes += PENDING_DOCUMENT_BYTES
            + doc.clauses.iter().map(|c| c.text.len()).sum::<usize>()
            + doc
                .citations
                .iter()
                .map(|(_, c)| c.symbol.len() + c.raw.len())
                .sum::<usize>();
        self.pending.push((statement_id, doc));
        if self.bytes >= PENDING_TEXT_BYTES {
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
            docs.push(PendingDoc {
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
        let batch = Rc::new(PendingBatch { docs, held });
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
                "INSERT OR FAIL INTO citations (statement_id, clause_id, kind, symbol, raw, target_statement_id, origin)
                 SELECT c0, c1, c2, c3, c4, CASE WHEN c5 THEN {} END, c7 FROM councildb_rows(?1)",
                target_sql("c3", "c0", "c6")
            ),
            BatchRows::citations(&batch),
        )?;
        for d in &batch.docs {
            if let Some(record) = &d.doc.record {
                records::insert(conn, Holder::Statement(d.statement_id), record)?;
            }
        }
        // The statements above let go of the batch. Freeing a batch's million small strings
        // is work the single writer need not do, so another thread does it.
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
    bin: Option<std::sync::mpsc::Sender<Vec<PendingDoc>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Disposal {
    fn start() -> Disposal {
        let (bin, contents) = std::sync::mpsc::channel::<Vec<PendingDoc>>();
        let thread = std::thread::Builder::new()
            .name("councildb-free".into())
            .spawn(move || contents.into_iter().for_each(drop))
            .ok();
        Disposal {
            bin: thread.is_some().then_some(bin),
            thread,
        }
    }

    fn dispose(&self, docs: Vec<PendingDoc>) {
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

struct PendingDoc {
    statement_id: i64,
    first_clause_id: i64,
    tag_ids: Vec<i64>,
    doc: Document,
}

struct PendingBatch {
    docs: Vec<PendingDoc>,
    /// For each document's citations: whether a statement carries the symbol cited.
    held: Vec<Vec<bool>>,
}

/// One table's rows from a batch: each is an item (a clause, a tag, a citation) of a document,
/// and `column` gives an item's columns.
struct BatchRows {
    batch: Rc<PendingBatch>,
    /// (document, item) of every row, in order.
    index: Vec<(u32, u32)>,
    column: fn(&PendingBatch, usize, usize, usize, &mut Context) -> rusqlite::Result<()>,
}

impl BatchRows {
    fn new(
        batch: &Rc<PendingBatch>,
        items: impl Fn(&Document) -> usize,
        column: fn(&PendingBatch, usize, usize, usize, &mut Context) -> rusqlite::Result<()>,
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
    fn clauses(batch: &Rc<PendingBatch>) -> BatchRows {
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
    fn tags(batch: &Rc<PendingBatch>) -> BatchRows {
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
    /// a statement carries the symbol, c6 the citing statement's language, c7 its origin.
    fn citations(batch: &Rc<PendingBatch>) -> BatchRows {
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
                    7 => ctx.set_result(&citation.origin.as_str()),
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
