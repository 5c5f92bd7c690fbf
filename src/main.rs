//! The `councildb` binary: sets SQLite and the allocator up for the process, parses the command
//! line and hands over to `commands`, whose outcome is the exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    tune_malloc();
    // Before anything else: SQLite's process-wide settings may only change while no other
    // thread or connection uses SQLite.
    if let Err(e) = councildb::configure_sqlite() {
        eprintln!("councildb: warning: cannot configure SQLite: {e}");
    }
    let cli = councildb::cli::Cli::parse();
    councildb::commands::run(cli)
}

/// glibc gives each thread that allocates an arena of its own and keeps what the thread frees
/// there, and after freeing a big block it serves blocks that size from the heap, where they
/// fragment it: with a reader, parse workers, a writer and a checkpointer, an import held 30–50
/// MB more than it used. Two arenas, and blocks of a piece's size (1 MiB) and more always
/// mapped and given back, cost it no measurable speed (docs/performance.md).
#[allow(unsafe_code)]
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets numbers in the allocator; it runs first thing in `main`,
    // before any other thread exists. A refusal (return 0) leaves the default, which is safe.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}
