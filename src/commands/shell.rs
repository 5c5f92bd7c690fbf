//! `councildb completions SHELL` and `councildb man`: the shell habits, generated from the
//! command line's own definition so that they never fall behind it.

use std::io::Write;

use clap::CommandFactory;

use super::Outcome;
use crate::cli::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell on stdout.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "councildb", &mut out);
    out.flush()?;
    Ok(Outcome::Done)
}

/// Prints the man page (roff) on stdout.
pub fn man() -> anyhow::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(Outcome::Done)
}
