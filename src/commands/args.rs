//! Option groups that more than one command takes, declared once and flattened into each.

use std::path::PathBuf;

use crate::parse::Limits;
use crate::report::format::Format;
use crate::report::query;
use crate::units::parse_size;

/// The document size limit of `import` and `reparse`, as written on the command line.
pub const DEFAULT_MAX_DOC_SIZE: &str = "16M";

/// `--max-doc-size`, for every command that parses documents.
#[derive(Debug, Clone, clap::Args)]
pub struct DocLimitArgs {
    /// Largest document accepted; bigger ones are rejected (bytes, or with K, M, G)
    #[arg(long, default_value = DEFAULT_MAX_DOC_SIZE, value_parser = parse_size)]
    pub max_doc_size: u64,
}

impl DocLimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_document_bytes: usize::try_from(self.max_doc_size).unwrap_or(usize::MAX),
        }
    }
}

/// `--param` and `--format`, for every command that runs a query.
#[derive(Debug, Clone, clap::Args)]
pub struct QueryArgs {
    /// Bind a named parameter (:NAME in the query, or a report's parameter); repeatable
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = query::parse_param)]
    pub params: Vec<(String, String)>,
    /// Output format [default: from --out's extension, else table on a terminal and csv
    /// otherwise; html with report --all]
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
}

/// `--reports-dir`, for every command that reads the reports.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportsDirArgs {
    /// A folder of your own reports (*.sql with the same header as the built-in ones)
    #[arg(long, env = "COUNCILDB_REPORTS", hide_env_values = true)]
    pub reports_dir: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_default_matches_the_parser_default() {
        assert_eq!(
            parse_size(DEFAULT_MAX_DOC_SIZE),
            Ok(Limits::default().max_document_bytes as u64)
        );
    }
}
