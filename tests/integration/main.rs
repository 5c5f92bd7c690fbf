//! The integration tests, in one binary so that the shared harness (`common`) compiles once.
//! Each module runs the built `councildb` on real files and reads the database back with plain
//! SQL, except `parser_props`, which feeds the parser arbitrary bytes.

#[allow(dead_code)]
mod common;

mod akn;
mod archives;
mod big_files;
mod cli;
mod docs;
mod documents;
mod faults;
mod hostile;
mod parser_props;
mod read_only;
mod real_documents;
mod reports;
mod seed;
mod targets;
