//! The write lock: one writer at a time per database (an import, a reparse, `sql --write`,
//! `init`), held on `DB.lock` beside it. SQLite would serialize the writes anyway; the lock
//! makes a second writer wait for the first as a whole, and say so, instead of interleaving
//! its batches or failing on a busy timeout.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("cannot take the write lock {path}")]
pub struct LockError {
    path: PathBuf,
    #[source]
    source: std::io::Error,
}

/// Holds the write lock of a database for as long as it lives.
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Takes the lock of the database at `db_path`, waiting (and saying so) while another
    /// councildb holds it.
    pub fn take(db_path: &Path) -> Result<WriteLock, LockError> {
        let mut name = db_path.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let error = |source| LockError {
            path: path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "councildb: another councildb is writing to {}; waiting for it to finish",
                    db_path.display()
                );
                file.lock().map_err(error)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(error(e)),
        }
        Ok(WriteLock { _file: file })
    }
}
