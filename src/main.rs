//! The `councildb` binary: parses the command line and hands over to `commands`. Errors print
//! their whole cause chain; a closed pipe (`councildb sql ... | head`) ends quietly.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = councildb::cli::Cli::parse();
    match councildb::commands::run(cli) {
        Ok(code) => code,
        Err(err) if councildb::cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("councildb: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(councildb::cli::exit_code_for(&err))
        }
    }
}
