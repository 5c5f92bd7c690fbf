//! `councildb reparse`: re-derive every statement from its stored raw text with this version's
//! parser, keeping statement ids, and say what changed.

use std::path::Path;

use anyhow::Context;

use super::args::DocLimitArgs;
use super::Outcome;
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub limit: DocLimitArgs,
}

pub fn run(db_path: &Path, args: Args, quiet: bool) -> anyhow::Result<Outcome> {
    let (_lock, conn) = store::open_for_writing(db_path)?;
    let changes = store::reparse(&conn, &args.limit.limits()).with_context(|| {
        format!(
            "reparse of {} failed; nothing was changed",
            db_path.display()
        )
    })?;
    if !quiet {
        eprintln!("councildb: {changes}");
    }
    Ok(Outcome::Done)
}
