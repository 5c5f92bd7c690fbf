//! `councildb sql QUERY`: one SQL statement against the database, read-only unless `--write`.
//! Read-only twice over: the connection is opened read-only, and SQLite must find the prepared
//! statement read-only (a read-only connection still lets `VACUUM INTO` write a file).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

use super::args::QueryArgs;
use super::Outcome;
use crate::report::format::{self, Format, Page};
use crate::report::query::{Access, Query, ResultSet};
use crate::store::{self, DbError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQL statement
    pub query: String,
    #[command(flatten)]
    pub query_args: QueryArgs,
    /// Allow the statement to change the database
    #[arg(long)]
    pub write: bool,
}

pub fn run(db_path: &Path, args: Args) -> anyhow::Result<Outcome> {
    // A mistyped --db must not become a new, empty database.
    if !db_path.exists() {
        return Err(DbError::Missing(db_path.to_path_buf()).into());
    }
    let writable = args
        .write
        .then(|| store::open_for_writing(db_path))
        .transpose()?;
    let (_lock, conn, access) = if let Some((lock, conn)) = writable {
        (Some(lock), conn, Access::ReadWrite)
    } else {
        (None, store::open_read_only(db_path)?, Access::ReadOnly)
    };
    let mut query = Query::bind(&conn, &args.query, &args.query_args.params, &[], access)
        .context("query failed")?;
    let stdout = std::io::stdout();
    let format = args
        .query_args
        .format
        .unwrap_or_else(|| Format::default_for(stdout.is_terminal()));
    let mut out = stdout.lock();
    if query.columns.is_empty() {
        query
            .for_each_row(|_| Ok::<(), anyhow::Error>(()))
            .context("query failed")?;
        writeln!(out, "{} rows changed", conn.changes())?;
    } else if format.streams() {
        // Rows go out as they come: memory stays flat whatever the size of the result.
        let mut sink = format::streaming(format, &mut out, &query.columns)?;
        query.for_each_row(|row| Ok::<(), anyhow::Error>(sink.row(&row)?))?;
        sink.finish()?;
    } else {
        let mut rows = Vec::new();
        query.for_each_row(|row| {
            rows.push(row);
            Ok::<(), anyhow::Error>(())
        })?;
        let rows = ResultSet {
            columns: query.columns.clone(),
            rows,
        };
        format::write(
            &mut out,
            format,
            &rows,
            &Page {
                title: "councildb query",
                description: &args.query,
                chart: None,
                full_data: None,
                in_folder: false,
            },
        )?;
    }
    out.flush()?;
    Ok(Outcome::Done)
}
