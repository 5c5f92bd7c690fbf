//! One module per command, each with its arguments and a `run` that returns an `Outcome`.
//! Commands are thin: they open the database through `store`, call the library parts and
//! print. Errors end here, printed with their whole cause chain and mapped to an exit code.

mod args;
pub mod datasette;
pub mod export;
pub mod import;
pub mod init;
mod outcome;
pub mod reparse;
pub mod report;
pub mod shell;
pub mod sql;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::report::format::shown;
pub(crate) use outcome::{Outcome, UsageError};

/// Runs the command line's command and says how it went as an exit code. A closed pipe
/// (`councildb sql ... | head`) ends quietly.
pub fn run(cli: Cli) -> ExitCode {
    let (db, quiet) = (&cli.db, cli.quiet);
    let result = match cli.command {
        Command::Init(args) => init::run(db, args),
        Command::Import(args) => import::run(db, args, quiet),
        Command::Sql(args) => sql::run(db, args),
        Command::Report(args) => report::run(db, args, quiet),
        Command::DatasetteMetadata(args) => datasette::run(db, args),
        Command::Export(args) => export::run(db, args, quiet),
        Command::Reparse(args) => reparse::run(db, args, quiet),
        Command::Completions(args) => shell::completions(args),
        Command::Man => shell::man(),
    };
    match result {
        Ok(outcome) => outcome.into(),
        Err(err) if outcome::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Messages name files, and a file name may hold anything: escape what would act on
            // the terminal.
            eprintln!("councildb: error: {}", shown(&err.to_string()));
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {}", shown(&cause.to_string()));
            }
            outcome::exit_code_for(&err)
        }
    }
}
