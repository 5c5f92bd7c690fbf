//! `councildb import PATH...`: reads the inputs through the pipeline into the database, with a
//! progress bar on a terminal and a summary line at the end. Only one import writes to a
//! database at a time; a second one waits for the first.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use super::args::DocLimitArgs;
use super::{Outcome, UsageError};
use crate::ingest::{self, Options, ReadOptions};
use crate::report::format;
use crate::safe_write::Protected;
use crate::store::{self, BatchSize, Writer};
use crate::units::parse_size;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders, archives, or - for stdin
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Worker threads for decoding and parsing [default: the number of cores]
    #[arg(long)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub limit: DocLimitArgs,
    /// Largest size a compressed file or archive member may expand to; bigger ones are
    /// rejected (bytes, or with K, M, G). Files read as they are have no limit
    #[arg(long, default_value = "4G", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Documents per transaction [default: 2,000, and more while they hold under 8 MiB of
    /// text, up to 32,000]
    #[arg(long)]
    pub batch: Option<usize>,
    /// Print the summary as one JSON object on stdout (counts, rejections with their reasons,
    /// warnings, seconds), for scripts
    #[arg(long)]
    pub json: bool,
}

/// The page cache for an import, in KiB (negative: SQLite's unit for a size in KiB).
const IMPORT_CACHE_KIB: i64 = -16384;

/// How many rejections the summary lists one by one before pointing at the `imports` report.
const REJECTIONS_SHOWN: usize = 20;

pub fn run(db_path: &Path, args: Args, quiet: bool) -> anyhow::Result<Outcome> {
    // A mistyped path is a usage error, caught before anything is written.
    if let Some(missing) = args
        .paths
        .iter()
        .find(|p| p.as_os_str() != "-" && !p.exists())
    {
        return Err(UsageError(format!("no such file or folder: {}", missing.display())).into());
    }
    let (_lock, conn) = store::open_for_writing(db_path)?;
    // A bigger page cache keeps the b-tree and FTS pages an import touches in memory; it
    // costs 16 MiB at most (64 MiB was no faster and kept peak RSS over 100 MB).
    conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB.to_string())?;
    let defaults = Options::default();
    let options = Options {
        threads: args.threads.unwrap_or(defaults.threads).max(1),
        limits: args.limit.limits(),
        input: ReadOptions {
            max_expanded_bytes: args.max_file_size,
            exclude: Some(Protected::around(db_path)),
            ..ReadOptions::default()
        },
        ..defaults
    };
    let inputs: Vec<String> = args
        .paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut writer = Writer::begin(
        &conn,
        &inputs,
        args.batch
            .map_or_else(BatchSize::default, BatchSize::exactly),
    )
    .context("cannot start the import")?;
    let import_id = writer.import_id();
    // Only a matter of speed: without the thread, SQLite checkpoints inside the writer's commits.
    let _ = writer.checkpoint_in_background(db_path);

    let started = Instant::now();
    let bytes_read = Arc::clone(&options.input.bytes_read);
    let bar = (!quiet && std::io::stderr().is_terminal())
        .then(|| progress_bar(ingest::total_size(&args.paths, &options.input)));
    let mut write = |item| -> store::Result<()> {
        writer.write(item)?;
        if let Some(bar) = &bar {
            let s = writer.summary();
            bar.set_position(bytes_read.load(Ordering::Relaxed));
            let per_second = s.documents as f64 / started.elapsed().as_secs_f64().max(0.001);
            // Short enough for an 80-column terminal beside the bar.
            bar.set_message(format!(
                "{} docs ({per_second:.0}/s), {} rejected",
                s.documents, s.rejected
            ));
        }
        Ok(())
    };
    let result = ingest::run(&args.paths, &options, &mut write);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = match result {
        Ok(()) => writer.finish().context("cannot commit the import")?,
        Err(e) => {
            let _ = writer.abandon();
            return Err(e).context(format!(
                "import {import_id} into {} failed",
                db_path.display()
            ));
        }
    };
    // Warnings and rejections are printed even when quiet: they are what a cron job should mail.
    print_warnings(&conn, import_id)?;
    print_rejections(&conn, import_id)?;
    if !quiet {
        eprintln!("councildb: import {import_id}: {summary}");
    }
    if args.json {
        let report = json_summary(&conn, import_id, &summary, started.elapsed())?;
        println!("{report}");
    }
    Ok(if summary.rejected > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

/// A bar of bytes read against the inputs' size, with the rate and the time left; a spinner
/// with the bytes read so far when the size is not known (stdin).
fn progress_bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{spinner} {elapsed_precise} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {elapsed_precise} {binary_bytes} read, {binary_bytes_per_sec} {msg}",
        ),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The import's outcome as one JSON object, for scripts (`import --json`).
fn json_summary(
    conn: &rusqlite::Connection,
    import_id: i64,
    summary: &store::Summary,
    elapsed: Duration,
) -> anyhow::Result<serde_json::Value> {
    let rejections = conn
        .prepare(
            "SELECT path, doc_index, reason FROM import_errors WHERE import_id = ?1 ORDER BY id",
        )?
        .query_map([import_id], |r| {
            Ok(serde_json::json!({
                "path": r.get::<_, String>(0)?,
                "doc_index": r.get::<_, Option<i64>>(1)?,
                "reason": r.get::<_, String>(2)?,
            }))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let warnings = conn
        .prepare("SELECT path, warning FROM import_warnings WHERE import_id = ?1 ORDER BY id")?
        .query_map([import_id], |r| {
            Ok(serde_json::json!({ "path": r.get::<_, String>(0)?, "warning": r.get::<_, String>(1)? }))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let status: String = conn.query_row(
        "SELECT status FROM imports WHERE id = ?1",
        [import_id],
        |r| r.get(0),
    )?;
    let mut report = serde_json::to_value(summary)?;
    if let Some(object) = report.as_object_mut() {
        let mut first = serde_json::Map::new();
        first.insert("import_id".into(), import_id.into());
        first.insert("status".into(), status.into());
        first.append(object);
        let seconds = (elapsed.as_secs_f64() * 1000.0).round() / 1000.0;
        first.insert("seconds".into(), seconds.into());
        first.insert("rejections".into(), rejections.into());
        first.insert("warnings".into(), warnings.into());
        *object = first;
    }
    Ok(report)
}

/// What the import repaired to read (never silent, but no rejection: the exit code stays).
fn print_warnings(conn: &rusqlite::Connection, import_id: i64) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT path, warning FROM import_warnings WHERE import_id = ?1 ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![import_id, REJECTIONS_SHOWN as i64], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (path, warning) = row?;
        eprintln!(
            "councildb: warning: {}: {}",
            format::shown(&path),
            format::shown(&warning)
        );
    }
    Ok(())
}

fn print_rejections(conn: &rusqlite::Connection, import_id: i64) -> anyhow::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT path, doc_index, reason FROM import_errors WHERE import_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([import_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut shown = 0usize;
    let mut more = 0usize;
    for row in rows {
        let (path, doc_index, reason) = row?;
        if shown < REJECTIONS_SHOWN {
            let at = doc_index
                .map(|d| format!(" (document {d})"))
                .unwrap_or_default();
            eprintln!(
                "councildb: rejected {}{at}: {}",
                format::shown(&path),
                format::shown(&reason)
            );
            shown += 1;
        } else {
            more += 1;
        }
    }
    if more > 0 {
        eprintln!("councildb: ... and {more} more rejections (see `councildb report imports`)");
    }
    Ok(())
}
