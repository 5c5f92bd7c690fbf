//! councildb: turns archives of UN Security Council documents into a SQLite database.
//!
//! Data flows one way: `input` yields named byte streams → `parse` turns bytes into document
//! records (pure, no I/O) → `store` writes records into the database → `report` and the `sql`
//! command only read. The `commands` are thin glue over those parts.

pub mod decode;
pub mod parse;
