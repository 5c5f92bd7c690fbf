//! The import pipeline: one reader thread walks the inputs, worker threads decode, parse, hash
//! and compress files, and the calling thread hands the results, in input order, to the
//! caller's writer. Channels are bounded and the bytes in flight are bounded too, so memory
//! stays flat however large the archive.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex};

use crossbeam_channel::{bounded, Receiver, Sender};

use super::sources::{self, Event, Piece, ReadOptions};
use super::{Entry, FileItem, RawFile};
use crate::parse::{self, Limits};

/// What the workers hand to the writer for each entry read.
pub type Item = Entry<FileItem>;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError<E: std::error::Error + 'static> {
    #[error("cannot start a worker thread")]
    Thread(#[source] std::io::Error),
    #[error(transparent)]
    Write(E),
}

#[derive(Debug, Clone)]
pub struct Options {
    pub threads: usize,
    pub limits: Limits,
    pub input: ReadOptions,
    /// Files read but not yet written, at most; bounds memory with `bytes_in_flight`.
    pub files_in_flight: usize,
    /// Bytes of files read but not yet written, at most (one bigger file may go alone).
    pub bytes_in_flight: u64,
    /// zstd level for the stored raw bytes.
    pub zstd_level: i32,
}

impl Default for Options {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        Options {
            threads,
            limits: Limits::default(),
            input: ReadOptions {
                max_expanded_bytes: 4 << 30,
                ..ReadOptions::default()
            },
            // The bytes bound first: enough for the workers to run well ahead while the writer
            // commits, so that the writer does not wait for them (docs/performance.md).
            files_in_flight: 256,
            bytes_in_flight: 4 * 1024 * 1024,
            zstd_level: 3,
        }
    }
}

/// Lowers the calling worker thread's priority below the writer's. The single writer is the
/// import's bottleneck; with as many workers as cores it would otherwise get only its share of a
/// core whenever they all have work.
#[allow(unsafe_code)]
fn yield_to_the_writer() {
    // On Linux every thread has a nice value of its own, and `who = 0` names the calling thread.
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority touches no memory; failing (it cannot, for a raise) changes nothing.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Turns one input event into what the writer needs. Pure work: no database.
pub fn prepare(event: Event, options: &Options) -> Item {
    match event {
        Entry::Skipped { path } => Entry::Skipped { path },
        Entry::Failed { path, reason } => Entry::Failed { path, reason },
        Entry::File(file) => {
            let parsed = match &file.piece {
                Piece::Part { decode_prefix, .. } if !decode_prefix.is_empty() => {
                    parse::parse_file(&[decode_prefix, &file.bytes[..]].concat(), &options.limits)
                }
                _ => parse::parse_file(&file.bytes, &options.limits),
            };
            // A piece's file is hashed by the reader, as the file streams by.
            let sha256 = match &file.piece {
                Piece::Whole => parse::sha256_hex(&file.bytes),
                Piece::Part { .. } => String::new(),
            };
            let zstd = match zstd::bulk::compress(&file.bytes, options.zstd_level) {
                Ok(z) => z,
                Err(e) => {
                    return Entry::Failed {
                        path: file.path,
                        reason: format!("cannot compress the file for storage: {e}"),
                    }
                }
            };
            let raw = RawFile {
                sha256,
                size: file.bytes.len() as u64,
                zstd,
            };
            Entry::File(FileItem {
                path: file.path,
                archive: file.archive,
                piece: file.piece,
                raw,
                parsed,
            })
        }
    }
}

/// Files and bytes read but not yet written. The reader waits for room before handing a file
/// on; the writer makes room as it writes. A file bigger than the whole byte budget still goes
/// through, alone. This bounds memory by what is in flight, whatever the archive's size.
struct InFlight {
    /// (files, bytes, closed)
    state: Mutex<(usize, u64, bool)>,
    room: Condvar,
    max_files: usize,
    max_bytes: u64,
}

impl InFlight {
    fn new(max_files: usize, max_bytes: u64) -> InFlight {
        InFlight {
            state: Mutex::new((0, 0, false)),
            room: Condvar::new(),
            max_files: max_files.max(1),
            max_bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, u64, bool)> {
        // The state is two counters and a flag; a panic elsewhere cannot leave it half-written.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits for room for a file of `bytes`; false once the writer has stopped.
    fn acquire(&self, bytes: u64) -> bool {
        let mut state = self.lock();
        loop {
            let (files, used, closed) = *state;
            if closed {
                return false;
            }
            if files == 0 || (files < self.max_files && used + bytes <= self.max_bytes) {
                *state = (files + 1, used + bytes, false);
                return true;
            }
            state = self
                .room
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn release(&self, bytes: u64) {
        let mut state = self.lock();
        state.0 = state.0.saturating_sub(1);
        state.1 = state.1.saturating_sub(bytes);
        self.room.notify_all();
    }

    fn close(&self) {
        self.lock().2 = true;
        self.room.notify_all();
    }
}

/// What a parsed document costs in memory beyond its text (its strings, clause and citation
/// records, hash): the in-flight bound charges it for every header line, so that a piece of a
/// thousand tiny documents weighs what it will take once parsed.
const PARSED_DOCUMENT_BYTES: u64 = 4096;

/// The bytes an event will hold in memory, read and parsed.
fn event_bytes(event: &Event) -> u64 {
    match event {
        Entry::File(file) => {
            let headers = memchr::memmem::find_iter(&file.bytes, b"%%%").count()
                + memchr::memmem::find_iter(&file.bytes, b"%\0%\0%").count();
            file.bytes.len() as u64 + headers as u64 * PARSED_DOCUMENT_BYTES
        }
        _ => 0,
    }
}

/// Reads and parses every input, and hands each item to `write` in input order.
pub fn run<E: std::error::Error + 'static>(
    inputs: &[PathBuf],
    options: &Options,
    write: &mut dyn FnMut(Item) -> Result<(), E>,
) -> Result<(), PipelineError<E>> {
    let (job_tx, job_rx) = bounded::<(u64, Event, u64)>(options.files_in_flight);
    let (done_tx, done_rx) = bounded::<(u64, Item, u64)>(options.files_in_flight);
    let in_flight = InFlight::new(options.files_in_flight, options.bytes_in_flight);
    std::thread::scope(|scope| {
        let in_flight = &in_flight;
        // Named threads show up by name in `top -H` and profilers.
        let mut spawned = std::thread::Builder::new()
            .name("councildb-read".into())
            .spawn_scoped(scope, move || {
                read_all(inputs, &options.input, job_tx, in_flight)
            })
            .map(drop);
        for k in 0..options.threads.max(1) {
            let (jobs, done) = (job_rx.clone(), done_tx.clone());
            let parse = move || {
                yield_to_the_writer();
                for (seq, event, bytes) in jobs {
                    if done.send((seq, prepare(event, options), bytes)).is_err() {
                        return;
                    }
                }
            };
            spawned = spawned.and(
                std::thread::Builder::new()
                    .name(format!("councildb-parse{k}"))
                    .spawn_scoped(scope, parse)
                    .map(drop),
            );
        }
        drop((job_rx, done_tx));
        if let Err(e) = spawned {
            in_flight.close();
            return Err(PipelineError::Thread(e));
        }
        let result = write_in_order(done_rx, in_flight, write).map_err(PipelineError::Write);
        // On a write error, closing stops the reader; the scope then joins the threads.
        in_flight.close();
        result
    })
}

/// The reader's end of the pipeline: numbers events and holds the reader back, after each
/// file or piece, until there is room in flight.
struct Reader<'a> {
    jobs: Sender<(u64, Event, u64)>,
    in_flight: &'a InFlight,
    seq: u64,
}

impl sources::Sink for Reader<'_> {
    fn event(&mut self, event: Event) -> bool {
        // The real bytes read, whatever a header claimed: the reader reads a piece at most
        // before it waits here.
        let bytes = event_bytes(&event);
        if !self.in_flight.acquire(bytes) {
            return false;
        }
        let sent = self.jobs.send((self.seq, event, bytes)).is_ok();
        self.seq += 1;
        sent
    }
}

fn read_all(
    inputs: &[PathBuf],
    options: &ReadOptions,
    jobs: Sender<(u64, Event, u64)>,
    in_flight: &InFlight,
) {
    let mut reader = Reader {
        jobs,
        in_flight,
        seq: 0,
    };
    sources::read_inputs(inputs, options, &mut reader);
}

fn write_in_order<E>(
    done: Receiver<(u64, Item, u64)>,
    in_flight: &InFlight,
    write: &mut dyn FnMut(Item) -> Result<(), E>,
) -> Result<(), E> {
    let mut waiting: BTreeMap<u64, (Item, u64)> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, item, bytes) in done {
        waiting.insert(seq, (item, bytes));
        while let Some((item, bytes)) = waiting.remove(&next) {
            write(item)?;
            next += 1;
            in_flight.release(bytes);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::InFlight;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn waits_for_room_in_the_byte_budget() {
        let in_flight = InFlight::new(8, 100);
        assert!(in_flight.acquire(60));
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let ok = in_flight.acquire(60);
                tx.send(ok).unwrap();
            });
            // 60 + 60 is over the budget: the second file waits ...
            assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
            // ... until the first is written.
            in_flight.release(60);
            assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(true));
        });
    }

    #[test]
    fn a_file_bigger_than_the_budget_goes_alone_and_close_stops_waiters() {
        let in_flight = InFlight::new(8, 100);
        assert!(in_flight.acquire(500));
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| tx.send(in_flight.acquire(1)).unwrap());
            assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
            in_flight.close();
            assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(false));
        });
    }

    #[test]
    fn counts_files_too() {
        let in_flight = InFlight::new(2, u64::MAX);
        assert!(in_flight.acquire(0) && in_flight.acquire(0));
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| tx.send(in_flight.acquire(0)).unwrap());
            assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
            in_flight.release(0);
            assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(true));
        });
    }
}
