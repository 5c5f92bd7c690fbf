//! councildb: turns archives of UN Security Council documents into a SQLite database.
//!
//! Data flows one way: `input` yields named byte streams → `parse` turns bytes into document
//! records (pure, no I/O) → `pipeline` runs parsing on worker threads → `store` writes records
//! into the database → `output` and the reports only read. The `commands` are thin glue.

pub mod bulk;
pub mod chart;
pub mod checkpoint;
pub mod cli;
pub mod commands;
pub mod db;
pub mod decode;
pub mod input;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod query;
pub mod reparse;
pub mod report;
pub mod store;
pub mod units;
