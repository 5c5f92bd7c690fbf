//! `councildb init`: create the database, or migrate an older one forward.

use std::path::Path;

use anyhow::Context;

use super::Outcome;
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(db_path: &Path, _args: Args) -> anyhow::Result<Outcome> {
    let (_lock, conn) = store::open_for_writing(db_path)?;
    let version = store::schema_version(&conn)
        .context("cannot read the schema version")?
        .unwrap_or(0);
    println!("{}: schema version {version}", db_path.display());
    Ok(Outcome::Done)
}
