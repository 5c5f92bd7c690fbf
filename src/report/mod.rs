//! Canned reports: `.sql` files with a short header, built in from `reports/` or added by users
//! from a folder. A report is one SELECT over the public schema; this module reads its header,
//! binds its parameters and draws its chart. Reports only read.
//!
//! Header lines (SQL comments at the top of the file):
//! ```text
//! -- name: tag-trend
//! -- title: Tags by year
//! -- description: One sentence on what it shows.
//! -- param: since an ISO date           (repeatable; `since?` marks it optional)
//! -- one-of: id symbol                  (at least one of these optional parameters)
//! -- chart: lines x=year y=statements series=tag limit=8
//! ```

use std::path::{Path, PathBuf};

use rusqlite::Connection;

mod chart;
pub mod format;
pub mod html;
pub mod query;

use chart::ChartSpec;
use query::{QueryError, ResultSet};

include!(concat!(env!("OUT_DIR"), "/builtin_reports.rs"));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub optional: bool,
    pub help: String,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub title: String,
    pub description: String,
    pub params: Vec<Param>,
    pub one_of: Vec<String>,
    pub chart: Option<ChartSpec>,
    pub sql: String,
    /// Where it came from: `built-in` or the user's file.
    pub origin: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("report {origin}: {reason}")]
    Header { origin: String, reason: String },
    #[error("cannot read the reports folder {path}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no report named {0:?} (run `councildb report` for the list)")]
    Unknown(String),
    #[error("report {name} needs one of --param {}", .names.join(" / --param "))]
    NeedsOneOf { name: String, names: Vec<String> },
    #[error("report {name} ({origin}) failed")]
    Query {
        name: String,
        origin: String,
        #[source]
        source: QueryError,
    },
    #[error("report {name}: {reason}")]
    Chart { name: String, reason: String },
}

impl Report {
    /// Reads a report from its text. `origin` names it in errors (file path or `built-in`).
    pub fn parse(text: &str, origin: &str) -> Result<Report, ReportError> {
        let bad = |reason: String| ReportError::Header {
            origin: origin.to_string(),
            reason,
        };
        let (mut name, mut title, mut description, mut chart) = (None, None, None, None);
        let (mut params, mut one_of) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let Some(comment) = line.trim().strip_prefix("--") else {
                if line.trim().is_empty() {
                    continue;
                }
                break;
            };
            let Some((key, value)) = comment.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "name" => name = Some(value.to_string()),
                "title" => title = Some(value.to_string()),
                "description" => description = Some(value.to_string()),
                "param" => {
                    let (pname, help) =
                        value.split_once(char::is_whitespace).unwrap_or((value, ""));
                    let optional = pname.ends_with('?');
                    params.push(Param {
                        name: pname.trim_end_matches('?').to_string(),
                        optional,
                        help: help.trim().to_string(),
                    });
                }
                "one-of" => one_of = value.split_whitespace().map(String::from).collect(),
                "chart" => chart = Some(ChartSpec::parse(value).map_err(&bad)?),
                _ => {}
            }
        }
        let name = name.ok_or_else(|| bad("the header has no `-- name:` line".into()))?;
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(bad(format!(
                "report name {name:?} must be letters, digits, - or _"
            )));
        }
        if let Some(unknown) = one_of
            .iter()
            .find(|o| !params.iter().any(|p| &p.name == *o))
        {
            return Err(bad(format!(
                "one-of names {unknown:?}, which is no `-- param:`"
            )));
        }
        let sql = text.trim().to_string();
        Ok(Report {
            title: title.unwrap_or_else(|| name.clone()),
            description: description.unwrap_or_default(),
            name,
            params,
            one_of,
            chart,
            sql,
            origin: origin.to_string(),
        })
    }

    /// True when the report can run with no parameter given (what `report --all` runs): its
    /// parameters, if any, are all optional, and none of them is required as one of a set.
    pub fn needs_no_params(&self) -> bool {
        self.one_of.is_empty() && self.params.iter().all(|p| p.optional)
    }

    /// Runs the report with `given` parameters; optional ones not given are NULL.
    pub fn run(
        &self,
        conn: &Connection,
        given: &[(String, String)],
    ) -> Result<ResultSet, ReportError> {
        if !self.one_of.is_empty()
            && !self
                .one_of
                .iter()
                .any(|n| given.iter().any(|(g, _)| g == n))
        {
            return Err(ReportError::NeedsOneOf {
                name: self.name.clone(),
                names: self.one_of.clone(),
            });
        }
        let optional: Vec<&str> = self
            .params
            .iter()
            .filter(|p| p.optional)
            .map(|p| p.name.as_str())
            .collect();
        query::run_with_optional(conn, &self.sql, given, &optional, query::Access::ReadOnly)
            .map_err(|source| ReportError::Query {
                name: self.name.clone(),
                origin: self.origin.clone(),
                source,
            })
    }

    /// The chart for the html page, if the report has one.
    pub fn chart_svg(&self, rows: &ResultSet) -> Result<Option<String>, ReportError> {
        match &self.chart {
            None => Ok(None),
            Some(spec) => spec.render(rows).map_err(|reason| ReportError::Chart {
                name: self.name.clone(),
                reason,
            }),
        }
    }
}

/// The built-in reports, in name order.
pub fn builtin() -> Vec<Report> {
    // Built-in reports are checked by the tests; one that does not parse is a bug of ours.
    BUILTIN
        .iter()
        .filter_map(|(file, text)| Report::parse(text, &format!("built-in {file}")).ok())
        .collect()
}

/// The reports of a user's folder (every `*.sql` in it), each checked, in name order.
pub fn load_dir(dir: &Path) -> Result<Vec<Result<Report, ReportError>>, ReportError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ReportError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| {
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| ReportError::Header {
                origin: origin.clone(),
                reason: format!("cannot read it: {e}"),
            })?;
            Report::parse(&text, &origin)
        })
        .collect())
}

/// Every report: built-in ones, then the user's (a user report may replace a built-in one of
/// the same name). Broken user reports come back as errors beside the good ones.
pub fn all(user_dir: Option<&Path>) -> Result<(Vec<Report>, Vec<ReportError>), ReportError> {
    let mut reports = builtin();
    let mut broken = Vec::new();
    if let Some(dir) = user_dir {
        for r in load_dir(dir)? {
            match r {
                Ok(user) => {
                    if reports.iter().any(|b| b.name == user.name) {
                        eprintln!(
                            "councildb: note: report {} ({}) takes the place of the built-in one",
                            user.name, user.origin
                        );
                    }
                    reports.retain(|b| b.name != user.name);
                    reports.push(user);
                }
                Err(e) => broken.push(e),
            }
        }
    }
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((reports, broken))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_report_parses_and_prepares() {
        assert_eq!(builtin().len(), BUILTIN.len());
        let conn = crate::store::open_in_memory().unwrap();
        for (file, text) in BUILTIN {
            let report = Report::parse(text, file).unwrap();
            assert_eq!(format!("{}.sql", report.name), *file);
            assert!(!report.description.is_empty(), "{file} has no description");
            conn.prepare(&report.sql)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
        }
        let names: Vec<String> = builtin().into_iter().map(|r| r.name).collect();
        for required in [
            "overview",
            "tags",
            "tag-pairs",
            "tag-trend",
            "timeline",
            "most-cited",
            "citation-edges",
            "unresolved",
            "statement",
            "search",
            "new-since",
            "imports",
        ] {
            assert!(
                names.contains(&required.to_string()),
                "missing report {required}"
            );
        }
    }

    #[test]
    fn header_cases() {
        let r = Report::parse("-- name: x\n-- title: X\n-- param: id? the id\n-- param: q words\n-- one-of: id\nSELECT :id, :q", "t").unwrap();
        assert_eq!(
            r.params,
            vec![
                Param {
                    name: "id".into(),
                    optional: true,
                    help: "the id".into()
                },
                Param {
                    name: "q".into(),
                    optional: false,
                    help: "words".into()
                }
            ]
        );
        assert!(!r.needs_no_params());
        for (text, want) in [
            ("SELECT 1", "no `-- name:`"),
            ("-- name: a b\nSELECT 1", "must be letters"),
            ("-- name: a\n-- one-of: z\nSELECT 1", "one-of names"),
            ("-- name: a\n-- chart: pie\nSELECT 1", "unknown chart"),
        ] {
            let err = Report::parse(text, "my.sql").unwrap_err().to_string();
            assert!(err.contains("my.sql") && err.contains(want), "{err}");
        }
    }
}
