//! The command line: global options and the list of commands. Each command's own arguments
//! live beside its `run` in `commands`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;

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
        hide_default_value = true,
        hide_env_values = true
    )]
    pub db: PathBuf,

    /// Print nothing but errors and warnings: no progress bar, no summary line (for cron)
    #[arg(long, short, global = true)]
    pub quiet: bool,

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
    /// Print the completion script for a shell (bash, zsh, fish, powershell, elvish)
    Completions(commands::shell::CompletionsArgs),
    /// Print the man page
    Man,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
