//! `councildb sql QUERY`: one SQL statement against the database, read-only unless `--write`
//! (enforced by opening the connection read-only, not by reading the SQL).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::output::{self, Format, Page};
use crate::{db, query};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQL statement
    pub query: String,
    /// Output format [default: table on a terminal, else csv]
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Bind a named parameter (:NAME in the query); repeatable
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = query::parse_param)]
    pub params: Vec<(String, String)>,
    /// Allow the statement to change the database
    #[arg(long)]
    pub write: bool,
}

pub fn run(db_path: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = if args.write {
        db::open(db_path)?
    } else {
        db::open_read_only(db_path)?
    };
    let rows = query::run(&conn, &args.query, &args.params).context("query failed")?;
    let stdout = std::io::stdout();
    let format = args
        .format
        .unwrap_or_else(|| Format::default_for(stdout.is_terminal()));
    let mut out = stdout.lock();
    if rows.columns.is_empty() {
        writeln!(out, "{} rows changed", conn.changes())?;
    } else {
        output::write(
            &mut out,
            format,
            &rows,
            &Page {
                title: "councildb query",
                description: &args.query,
                chart: None,
            },
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
