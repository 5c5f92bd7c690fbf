//! The command line: global options and the list of commands. Each command's own arguments
//! live beside its `run` in `commands`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;

/// Exit code when every input was imported / the command did what was asked.
pub const EXIT_OK: u8 = 0;
/// Exit code for a fatal error.
pub const EXIT_FATAL: u8 = 1;
/// Exit code when some files or documents were rejected (and every good one committed), or
/// when some reports of `report --all` failed.
pub const EXIT_PARTIAL: u8 = 3;

#[derive(Debug, Parser)]
#[command(
    name = "councildb",
    version,
    about = "Turn archives of UN Security Council documents into a SQLite database you can query",
    long_about = None,
)]
pub struct Cli {
    /// The database file [default: $COUNCILDB_DB, else ./councildb.db]
    #[arg(
        long,
        global = true,
        env = "COUNCILDB_DB",
        default_value = "councildb.db",
        hide_env_values = true
    )]
    pub db: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database, or migrate an older one to this version's schema
    Init(commands::init::Args),
    /// Import files, folders, archives (.zip .tar .tar.gz .tgz .gz) or stdin (-)
    Import(commands::import::Args),
    /// Run a SQL query (read-only unless --write)
    Sql(commands::sql::Args),
    /// List the reports, run one, or write them all into a folder
    Report(commands::report::Args),
    /// Write every imported file back, byte for byte, at its path
    Export(commands::export::Args),
    /// Re-derive every statement from its stored text with this version's parser
    Reparse(commands::reparse::Args),
    /// Print a Datasette metadata.json with every report as a canned query
    DatasetteMetadata(commands::datasette::Args),
}

/// Exit code for a usage error: bad arguments, an unknown report, a missing parameter.
pub const EXIT_USAGE: u8 = 2;

/// Something the user asked for that cannot be: exits 2, like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The exit code for a failed command: 2 when the user asked for something that cannot be,
/// 1 for everything else.
pub fn exit_code_for(err: &anyhow::Error) -> u8 {
    use crate::query::QueryError;
    use crate::report::ReportError;
    let usage = err.chain().any(|cause| {
        cause.is::<UsageError>()
            || matches!(
                cause.downcast_ref::<ReportError>(),
                Some(ReportError::Unknown(_) | ReportError::NeedsOneOf { .. })
            )
            || matches!(
                cause.downcast_ref::<QueryError>(),
                Some(QueryError::Missing { .. } | QueryError::Unused(_))
            )
    });
    if usage {
        EXIT_USAGE
    } else {
        EXIT_FATAL
    }
}

/// True when the error comes from writing to a closed pipe (`councildb sql ... | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(is_epipe)
}

/// Looks through the wrappers that csv and serde_json put around an io::Error.
fn is_epipe(e: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        if io.kind() == BrokenPipe || io.get_ref().is_some_and(|inner| is_epipe(inner)) {
            return true;
        }
    }
    if let Some(csv::ErrorKind::Io(io)) = e.downcast_ref::<csv::Error>().map(|c| c.kind()) {
        return io.kind() == BrokenPipe;
    }
    if e.downcast_ref::<serde_json::Error>()
        .and_then(|j| j.io_error_kind())
        == Some(BrokenPipe)
    {
        return true;
    }
    false
}
