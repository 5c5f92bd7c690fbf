//! `councildb report`: lists the reports, runs one (`report NAME`), or writes every report that
//! needs no parameter into a folder (`report --all --out DIR`), each file written atomically,
//! with an index.html that links them.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::args::{QueryArgs, ReportsDirArgs};
use super::{Outcome, UsageError};
use crate::report::format::{self, Format, Page};
use crate::report::html;
use crate::report::query::ResultSet;
use crate::report::{self, Report};
use crate::safe_write::{self, Protected};
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The report to run; without it, the list of reports
    pub name: Option<String>,
    #[command(flatten)]
    pub query_args: QueryArgs,
    /// Write to this file (or, with --all, into this folder) instead of stdout
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Run every report that needs no parameter, one file each in --out DIR
    #[arg(long, conflicts_with_all = ["name", "params"], requires = "out")]
    pub all: bool,
    #[command(flatten)]
    pub reports: ReportsDirArgs,
}

pub fn run(db_path: &Path, args: Args, quiet: bool) -> anyhow::Result<Outcome> {
    let (reports, broken) = report::all(args.reports.reports_dir.as_deref())?;
    for e in &broken {
        eprintln!("councildb: error: {e}");
    }
    if args.all {
        let dir = args.out.as_deref().context("--all needs --out DIR")?;
        return run_all(
            quiet,
            db_path,
            &reports,
            broken.len(),
            dir,
            args.query_args.format.unwrap_or(Format::Html),
        );
    }
    let Some(name) = &args.name else {
        list(&reports)?;
        // The others are listed; a broken one is named on stderr, as for --all.
        return Ok(if broken.is_empty() {
            Outcome::Done
        } else {
            Outcome::Partial
        });
    };
    let report = reports
        .iter()
        .find(|r| &r.name == name)
        .ok_or_else(|| report::ReportError::Unknown(name.clone()))?;
    let conn = store::open_read_only(db_path)?;
    let format = match (args.query_args.format, args.out.as_deref()) {
        (Some(format), _) => format,
        (None, Some(out)) => format_from_extension(out)?,
        (None, None) => Format::default_for(std::io::stdout().is_terminal()),
    };
    let rows = report.run(&conn, &args.query_args.params)?;
    let rendered = render(report, &rows, format, None)?;
    match &args.out {
        Some(path) => safe_write::write_file(path, &rendered, &Protected::around(db_path))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&rendered)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Done)
}

/// The format an output file's extension names. An extension councildb does not write (a
/// `.xlsx`) is a usage error rather than a CSV file under that name; no extension is CSV.
fn format_from_extension(path: &Path) -> Result<Format, UsageError> {
    let Some(ext) = path.extension() else {
        return Ok(Format::Csv);
    };
    let ext = ext.to_string_lossy().to_ascii_lowercase();
    [
        Format::Csv,
        Format::Tsv,
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
        Format::Html,
    ]
    .into_iter()
    .find(|f| {
        f.extension() == ext
            || (ext == "htm" && *f == Format::Html)
            || (ext == "markdown" && *f == Format::Markdown)
            || (ext == "txt" && *f == Format::Csv)
    })
    .ok_or_else(|| {
        UsageError(format!(
            "councildb does not write .{ext} files; give --format (csv, tsv, json, jsonl, markdown, html, table) or another extension"
        ))
    })
}

fn list(reports: &[Report]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let width = reports.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in reports {
        let params: Vec<String> = r
            .params
            .iter()
            .map(|p| {
                if p.optional {
                    format!("[{}]", p.name)
                } else {
                    p.name.clone()
                }
            })
            .collect();
        let params = if params.is_empty() {
            String::new()
        } else {
            format!(" (param {})", params.join(", "))
        };
        writeln!(out, "{:width$}  {}{params}", r.name, r.description)?;
    }
    out.flush()?;
    Ok(())
}

/// Renders a report's rows in `format`. `full_data` names the file beside an html page, in a
/// folder of reports, that holds every row.
fn render(
    report: &Report,
    rows: &ResultSet,
    format: Format,
    full_data: Option<&str>,
) -> anyhow::Result<Vec<u8>> {
    let chart = if format == Format::Html {
        report.chart_svg(rows)?
    } else {
        None
    };
    let mut buf = Vec::new();
    format::write(
        &mut buf,
        format,
        rows,
        &Page {
            title: &report.title,
            description: &report.description,
            chart,
            full_data,
            in_folder: full_data.is_some(),
        },
    )?;
    Ok(buf)
}

/// Writes one report of `report --all` into `dir`: an html page comes with a CSV of every row
/// beside it, which the page links (the page shows the first rows only).
fn write_into_folder(
    report: &Report,
    conn: &rusqlite::Connection,
    dir: &Path,
    file: &str,
    format: Format,
    protected: &Protected,
) -> anyhow::Result<()> {
    let rows = report.run(conn, &[])?;
    let data_file = format!("{}.csv", report.name);
    let full_data = (format == Format::Html).then_some(data_file.as_str());
    if full_data.is_some() {
        let csv = render(report, &rows, Format::Csv, None)?;
        safe_write::write_file(&dir.join(&data_file), &csv, protected)?;
    }
    let page = render(report, &rows, format, full_data)?;
    safe_write::write_file(&dir.join(file), &page, protected)?;
    Ok(())
}

/// The page of `report --all` that links the others.
const INDEX_PAGE: &str = "index.html";

fn run_all(
    quiet: bool,
    db_path: &Path,
    reports: &[Report],
    broken: usize,
    dir: &Path,
    format: Format,
) -> anyhow::Result<Outcome> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "--out {} is a file; --all writes one file per report into a folder",
            dir.display()
        );
    }
    // The database first: a mistyped --db must not leave an empty folder behind.
    let conn = store::open_read_only(db_path)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let protected = Protected::around(db_path);
    let mut entries = Vec::new();
    let mut failed = broken;
    for report in reports.iter().filter(|r| r.needs_no_params()) {
        let file = format!("{}.{}", report.name, format.extension());
        let outcome = if file == INDEX_PAGE {
            Err(anyhow::anyhow!(
                "a report named {} would overwrite the index page; rename it",
                report.name
            ))
        } else {
            write_into_folder(report, &conn, dir, &file, format, &protected)
        };
        match outcome {
            Ok(()) => entries.push((report, Ok(file))),
            Err(e) => {
                eprintln!("councildb: error: report {} failed: {e:#}", report.name);
                failed += 1;
                entries.push((report, Err(format!("{e:#}"))));
            }
        }
    }
    safe_write::write_file(
        &dir.join(INDEX_PAGE),
        &html::index_page(&db_path.display().to_string(), &entries),
        &protected,
    )?;
    if !quiet {
        eprintln!(
            "councildb: wrote {} reports to {}{}",
            entries.len() - (failed - broken),
            dir.display(),
            if failed > 0 {
                format!(", {failed} failed")
            } else {
                String::new()
            }
        );
    }
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
