//! The `councildb` binary: sets SQLite up for the process, parses the command line and hands
//! over to `commands`, whose outcome is the exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Before anything else: SQLite's process-wide settings may only change while no other
    // thread or connection uses SQLite.
    if let Err(e) = councildb::configure_sqlite() {
        eprintln!("councildb: warning: cannot configure SQLite: {e}");
    }
    let cli = councildb::cli::Cli::parse();
    councildb::commands::run(cli)
}
