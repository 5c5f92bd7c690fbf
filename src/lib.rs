//! councildb: turns archives of UN Security Council documents into a SQLite database.
//!
//! Data flows one way, and each folder is one stage of it: `ingest` turns paths, archives and
//! stdin into named byte streams and runs the pipeline → `parse` turns bytes into document
//! records (pure, no I/O) → `store` is the one writer, and opens and migrates the database →
//! `report` runs read-only queries and renders them, and `safe_write` writes what users ask for
//! without losing anything. The `commands` are thin glue.

pub mod cli;
pub mod commands;
#[doc(hidden)]
pub mod eval;
pub(crate) mod ingest;
pub mod parse;
pub(crate) mod report;
pub(crate) mod safe_write;
pub(crate) mod store;
pub(crate) mod units;

pub use store::configure_sqlite;
