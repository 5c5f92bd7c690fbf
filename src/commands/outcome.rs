//! The exit-code policy that users' scripts rely on: 0 done, 3 done in part (some inputs
//! rejected, some reports failed, every good one kept), 1 a fatal error, 2 a usage error.

use std::process::ExitCode;

use crate::report::query::QueryError;
use crate::report::ReportError;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked was done.
    Done,
    /// Some files, documents or reports were rejected or failed; every good one was kept.
    Partial,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Done => 0,
            Outcome::Partial => 3,
        })
    }
}

const EXIT_FATAL: u8 = 1;
const EXIT_USAGE: u8 = 2;

/// Something the user asked for that cannot be: exits 2, like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The exit code for a command that failed: 2 when the user asked for something that cannot
/// be, 1 for everything else.
pub fn exit_code_for(err: &anyhow::Error) -> ExitCode {
    let usage = err.chain().any(|cause| {
        cause.is::<UsageError>()
            || matches!(
                cause.downcast_ref::<ReportError>(),
                Some(ReportError::Unknown(_) | ReportError::NeedsOneOf { .. })
            )
            || matches!(
                cause.downcast_ref::<QueryError>(),
                Some(QueryError::Missing { .. } | QueryError::Unused(_) | QueryError::Empty)
            )
    });
    ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FATAL })
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
