//! The store: the one part that writes the database. Opening a database runs its migrations
//! (`open`); the `writer` puts parsed documents in, in batched transactions, with their
//! `child_rows` (clauses, tags, citations) written in bulk through the `row_source` virtual
//! table, the full-text index kept in step (`fts`), citations pointed at the statements they
//! cite (`targets`) and the write-ahead log checkpointed on a thread of its own (`checkpoint`).
//! `reparse` re-derives every statement from the stored raw files.

mod checkpoint;
mod child_rows;
mod documents;
mod fts;
mod lock;
mod open;
mod raw_files;
mod records;
mod reparse;
mod row_source;
mod search;
mod targets;
mod writer;

pub use open::configure_sqlite;
pub(crate) use open::{open_for_writing, open_in_memory, open_read_only, schema_version, DbError};
pub(crate) use raw_files::{for_each_piece, PieceError};
pub(crate) use reparse::reparse;
pub(crate) use writer::{BatchSize, Summary, Writer};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database write failed")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot start a worker thread")]
    Thread(#[source] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;
