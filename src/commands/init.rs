//! `councildb init`: create the database, or migrate an older one forward.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::db;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(db_path: &Path, _args: Args) -> anyhow::Result<ExitCode> {
    let conn = db::open(db_path)?;
    let version = db::schema_version(&conn)
        .context("cannot read the schema version")?
        .unwrap_or(0);
    println!("{}: schema version {version}", db_path.display());
    Ok(ExitCode::SUCCESS)
}
