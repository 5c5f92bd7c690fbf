//! Checkpoints of the write-ahead log on a thread of their own during an import. SQLite's
//! automatic checkpoint runs inside the COMMIT of the connection that filled the log, so the
//! writer would stop at every batch to copy its pages into the database file and fsync it. Here a
//! second connection does that copy while the writer goes on with the next batch.
//!
//! A log only starts over from its beginning once every frame in it is copied, at the start of a
//! write transaction. With checkpoints always a batch behind, that moment never comes on its own,
//! so the writer waits for the checkpointer whenever the log has grown past a bound: the log stays
//! near that size instead of growing with the import.

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// How large the log may grow before the writer waits for the checkpointer to catch up. A bigger
/// bound means fewer waits but a longer last checkpoint, which the import waits for, and more
/// disk taken for the length of the import. The checkpointer's pace falls as the database file
/// grows, so the room matters most to big imports: docs/performance.md has the figures.
pub const WAL_BOUND_BYTES: i64 = 256 << 20;

struct State {
    /// The writer committed since the last checkpoint began.
    requested: bool,
    running: bool,
    stop: bool,
    /// The checkpointer gave up; the writer checkpoints for itself again.
    failed: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Plain data: a panic elsewhere cannot leave it half-written.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, state: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        self.changed.wait(state).unwrap_or_else(|e| e.into_inner())
    }
}

pub struct Checkpointer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    bound_frames: i64,
    /// The writer's `wal_autocheckpoint` before it was turned off.
    writer_autocheckpoint: i64,
}

impl Checkpointer {
    /// Starts checkpointing the database at `path` in the background, and turns off the
    /// automatic checkpoint of `writer`, the connection that will write to it.
    pub fn start(path: &Path, writer: &Connection) -> Result<Checkpointer, StoreError> {
        Self::start_bounded(path, writer, WAL_BOUND_BYTES)
    }

    fn start_bounded(
        path: &Path,
        writer: &Connection,
        bound_bytes: i64,
    ) -> Result<Checkpointer, StoreError> {
        let page_size: i64 = writer.pragma_query_value(None, "page_size", |r| r.get(0))?;
        let writer_autocheckpoint: i64 =
            writer.pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                requested: false,
                running: false,
                stop: false,
                failed: false,
            }),
            changed: Condvar::new(),
        });
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("councildb-checkpoint".into())
                .spawn(move || checkpoint_loop(&conn, &shared))
                .map_err(StoreError::Thread)?
        };
        writer.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(Checkpointer {
            shared,
            thread: Some(thread),
            bound_frames: (bound_bytes / page_size.max(512)).max(1),
            writer_autocheckpoint,
        })
    }

    /// Call after each commit: the new frames are to be copied.
    pub fn committed(&self) {
        self.shared.lock().requested = true;
        self.shared.changed.notify_all();
    }

    /// Call before each write transaction on `writer`. When the log has passed its bound,
    /// waits until every frame is copied, so that this transaction starts the log over. False
    /// when the checkpointer has failed: the caller should then `give_back` the checkpoints.
    pub fn before_transaction(&self, writer: &Connection) -> rusqlite::Result<bool> {
        // NOOP only reads how many frames the log holds.
        let frames: i64 = writer.query_row("PRAGMA wal_checkpoint(NOOP)", [], |r| r.get(1))?;
        let mut state = self.shared.lock();
        if frames >= self.bound_frames {
            while (state.requested || state.running) && !state.failed {
                state = self.shared.wait(state);
            }
        }
        Ok(!state.failed)
    }

    /// Waits for the last checkpoint and stops the thread.
    pub fn finish(mut self) {
        self.stop();
    }

    /// Stops the thread and hands checkpoints back to the writer's automatic ones.
    pub fn give_back(mut self, writer: &Connection) -> rusqlite::Result<()> {
        self.stop();
        writer.pragma_update(None, "wal_autocheckpoint", self.writer_autocheckpoint)
    }

    fn stop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn checkpoint_loop(conn: &Connection, shared: &Shared) {
    loop {
        {
            let mut state = shared.lock();
            while !state.requested && !state.stop {
                state = shared.wait(state);
            }
            if !state.requested {
                return;
            }
            state.requested = false;
            state.running = true;
        }
        // PASSIVE copies what no reader still needs and never waits for anyone.
        let done = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(0));
        let mut state = shared.lock();
        state.running = false;
        state.failed = done.is_err();
        shared.changed.notify_all();
        if state.failed {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wal_size(path: &Path) -> u64 {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
    }

    /// Writes `batches` transactions of about 100 KB each, as the import's writer does.
    fn write_batches(conn: &Connection, checkpointer: &Checkpointer, batches: usize) {
        for _ in 0..batches {
            assert!(checkpointer.before_transaction(conn).unwrap());
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            for _ in 0..25 {
                conn.execute("INSERT INTO t (v) VALUES (randomblob(4000))", [])
                    .unwrap();
            }
            conn.execute_batch("COMMIT").unwrap();
            checkpointer.committed();
        }
    }

    #[test]
    fn the_log_stays_near_its_bound_and_everything_reaches_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = super::super::open::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (v BLOB)").unwrap();
        let checkpointer = Checkpointer::start_bounded(&path, &conn, 256 << 10).unwrap();
        let batches = 200;
        write_batches(&conn, &checkpointer, batches);
        // The batches are 20 MB of frames. Bounded at 256 KB, the log starts over instead of
        // growing: it holds at most the schema's first frames, or the bound and two batches.
        let size = wal_size(&path);
        assert!(size < 4 << 20, "the log grew to {size} bytes");
        checkpointer.finish();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, batches as i64 * 25);
        drop(conn);
        // The last connection to close checkpoints the rest and removes the log.
        assert_eq!(wal_size(&path), 0);
        let reopened = Connection::open(&path).unwrap();
        let rows: i64 = reopened
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, batches as i64 * 25);
    }

    #[test]
    fn giving_back_restores_the_writers_own_checkpoints() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = super::super::open::open(&path).unwrap();
        let before: i64 = conn
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        let checkpointer = Checkpointer::start(&path, &conn).unwrap();
        let during: i64 = conn
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(during, 0);
        checkpointer.give_back(&conn).unwrap();
        let after: i64 = conn
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(after, before);
    }
}
