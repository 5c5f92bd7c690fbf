//! The import pipeline: one reader thread walks the inputs, worker threads decode, parse, hash
//! and compress files, and the calling thread writes the results, in input order, through the
//! single `store::Writer`. Channels are bounded and a fixed number of files may be in flight,
//! so memory stays flat however large the archive.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crossbeam_channel::{bounded, Receiver, Sender};

use crate::input::{self, Event};
use crate::parse::{self, Limits};
use crate::store::{self, FileItem, Item, RawFile, Writer};

#[derive(Debug, Clone)]
pub struct Options {
    pub threads: usize,
    pub limits: Limits,
    pub input: input::Options,
    /// Files read but not yet written; bounds memory.
    pub in_flight: usize,
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
            input: input::Options {
                max_file_bytes: 256 * 1024 * 1024,
                exclude: Vec::new(),
            },
            in_flight: 4 * threads + 4,
            zstd_level: 3,
        }
    }
}

/// Turns one input event into what the writer needs. Pure work: no database.
pub fn prepare(event: Event, options: &Options) -> Item {
    match event {
        Event::Skipped { path } => Item::Skipped { path },
        Event::Failed { path, reason } => Item::Failed { path, reason },
        Event::File(file) => {
            let parsed = parse::parse_file(&file.bytes, &options.limits);
            let sha256 = parse::sha256_hex(&file.bytes);
            let zstd = match zstd::bulk::compress(&file.bytes, options.zstd_level) {
                Ok(z) => z,
                Err(e) => {
                    return Item::Failed {
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
            Item::File(FileItem {
                path: file.path,
                archive: file.archive,
                raw,
                parsed,
            })
        }
    }
}

/// Reads, parses and writes every input. `progress` is called after each written item.
pub fn run(
    inputs: &[PathBuf],
    options: &Options,
    writer: &mut Writer,
    progress: &mut dyn FnMut(&store::Summary),
) -> store::Result<()> {
    let (job_tx, job_rx) = bounded::<(u64, Event)>(options.in_flight);
    let (done_tx, done_rx) = bounded::<(u64, Item)>(options.in_flight);
    // A token per file in flight: the reader takes one before reading a file, the writer gives
    // it back once the file is written. This bounds the reorder buffer as well as the channels.
    let (token_tx, token_rx) = bounded::<()>(options.in_flight);
    for _ in 0..options.in_flight {
        let _ = token_tx.send(());
    }
    std::thread::scope(|scope| {
        // Named threads show up by name in `top -H` and profilers.
        let mut spawned = std::thread::Builder::new()
            .name("councildb-read".into())
            .spawn_scoped(scope, move || {
                read_all(inputs, &options.input, job_tx, token_rx)
            })
            .map(drop);
        for k in 0..options.threads.max(1) {
            let (jobs, done) = (job_rx.clone(), done_tx.clone());
            let parse = move || {
                for (seq, event) in jobs {
                    if done.send((seq, prepare(event, options))).is_err() {
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
            drop(token_tx);
            return Err(store::StoreError::Thread(e));
        }
        let result = write_in_order(done_rx, &token_tx, writer, progress);
        // On a write error, dropping the token sender stops the reader; the scope then joins.
        drop(token_tx);
        result
    })
}

fn read_all(
    inputs: &[PathBuf],
    options: &input::Options,
    jobs: Sender<(u64, Event)>,
    tokens: Receiver<()>,
) {
    let mut seq = 0u64;
    input::read_inputs(inputs, options, &mut |event| {
        if tokens.recv().is_err() {
            return false;
        }
        let sent = jobs.send((seq, event)).is_ok();
        seq += 1;
        sent
    });
}

fn write_in_order(
    done: Receiver<(u64, Item)>,
    tokens: &Sender<()>,
    writer: &mut Writer,
    progress: &mut dyn FnMut(&store::Summary),
) -> store::Result<()> {
    let mut waiting: BTreeMap<u64, Item> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, item) in done {
        waiting.insert(seq, item);
        while let Some(item) = waiting.remove(&next) {
            writer.write(item)?;
            next += 1;
            let _ = tokens.send(());
            progress(writer.summary());
        }
    }
    Ok(())
}
