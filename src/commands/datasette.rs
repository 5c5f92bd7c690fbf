//! `councildb datasette-metadata`: a Datasette 0.65 `metadata.json` that offers every report
//! as a canned query, so the same reports answer in Datasette's web UI.

use std::io::Write;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::args::ReportsDirArgs;
use super::Outcome;
use crate::report::{self, query, Report};
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub reports: ReportsDirArgs,
}

/// The report's SQL without its header, the comment lines that open the file (Datasette wants
/// the bare query). Lines further down stay as written: one may be inside a string literal.
fn bare_sql(report: &Report) -> String {
    let mut lines = report.sql.lines().peekable();
    while lines
        .peek()
        .is_some_and(|l| l.trim().is_empty() || l.trim_start().starts_with("--"))
    {
        lines.next();
    }
    lines
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .trim_end_matches(';')
        .to_string()
}

/// What Datasette should know of the tables: where the clauses' full-text index is, and the
/// facets people reach for first.
fn tables() -> Value {
    json!({
        "clauses": {
            "fts_table": "clauses_fts",
            "fts_pk": "id",
            "description": "Paragraphs and sub-items of every statement; the search box searches their text."
        },
        "documents": { "facets": ["doc_type"] },
        "statements": { "facets": ["doc_type", "language"] },
        "statement_overview": { "facets": ["doc_type", "language", { "array": "tag_list" }] },
        "citations": { "facets": ["kind"] }
    })
}

pub fn metadata(db_path: &Path, reports: &[Report]) -> Value {
    let mut queries = Map::new();
    for r in reports {
        let mut q = Map::new();
        q.insert("sql".into(), Value::String(bare_sql(r)));
        q.insert("title".into(), Value::String(r.title.clone()));
        q.insert("description".into(), Value::String(r.description.clone()));
        if !r.params.is_empty() {
            q.insert(
                "params".into(),
                Value::Array(
                    r.params
                        .iter()
                        .map(|p| Value::String(p.name.clone()))
                        .collect(),
                ),
            );
        }
        queries.insert(r.name.clone(), Value::Object(q));
    }
    // Datasette names a database after its file name without the extension.
    let name = db_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "councildb".into());
    json!({
        "title": "councildb",
        "description": "UN Security Council statements, clauses, tags and citations",
        "databases": { name: { "queries": queries, "tables": tables() } }
    })
}

/// The reports that only read, checked against an empty database at this version's schema:
/// Datasette runs a canned query at every visit to its page, so one that writes is left out,
/// and said so on stderr.
fn read_only_reports(reports: Vec<Report>) -> anyhow::Result<Vec<Report>> {
    let schema = store::open_in_memory()?;
    Ok(reports
        .into_iter()
        .filter(|r| match query::is_read_only(&schema, &r.sql) {
            Ok(true) => true,
            Ok(false) => {
                eprintln!(
                    "councildb: left out report {} ({}): it would change the database or write a file",
                    r.name, r.origin
                );
                false
            }
            Err(e) => {
                eprintln!("councildb: left out report {} ({}): {e}", r.name, r.origin);
                false
            }
        })
        .collect())
}

pub fn run(db_path: &Path, args: Args) -> anyhow::Result<Outcome> {
    let (reports, broken) = report::all(args.reports.reports_dir.as_deref())?;
    if let Some(e) = broken.into_iter().next() {
        return Err(e.into());
    }
    let reports = read_only_reports(reports)?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &metadata(db_path, &reports))?;
    writeln!(out)?;
    out.flush()?;
    Ok(Outcome::Done)
}
