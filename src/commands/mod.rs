//! One module per command, each with its arguments and a `run`. Commands are thin: they open
//! the database through `db`, call the library parts and print.

pub mod datasette;
pub mod export;
pub mod import;
pub mod init;
pub mod reparse;
pub mod report;
pub mod sql;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Init(args) => init::run(&cli.db, args),
        Command::Import(args) => import::run(&cli.db, args),
        Command::Sql(args) => sql::run(&cli.db, args),
        Command::Report(args) => report::run(&cli.db, args),
        Command::DatasetteMetadata(args) => datasette::run(&cli.db, args),
        Command::Export(args) => export::run(&cli.db, args),
        Command::Reparse(args) => reparse::run(&cli.db, args),
    }
}
