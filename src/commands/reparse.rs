//! `councildb reparse`: re-derive every statement from its stored raw text with this version's
//! parser, keeping statement ids, and say what changed.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::commands::import::{parse_size, DEFAULT_MAX_DOC_SIZE};
use crate::{db, parse, reparse};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Largest document accepted (bytes, or with K, M, G)
    #[arg(long, default_value = DEFAULT_MAX_DOC_SIZE, value_parser = parse_size)]
    pub max_doc_size: u64,
}

pub fn run(db_path: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = db::open(db_path)?;
    let limits = parse::Limits {
        max_document_bytes: usize::try_from(args.max_doc_size).unwrap_or(usize::MAX),
    };
    let changes = reparse::reparse(&conn, &limits).with_context(|| {
        format!(
            "reparse of {} failed; nothing was changed",
            db_path.display()
        )
    })?;
    eprintln!("councildb: {changes}");
    Ok(ExitCode::SUCCESS)
}
