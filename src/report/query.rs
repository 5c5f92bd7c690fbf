//! Running one SQL statement with named parameters (`:name`, `@name`, `$name`) bound from
//! `--param NAME=VALUE`, for `sql` and for reports alike.

use rusqlite::types::Value;
use rusqlite::Connection;

/// A result set: column names and rows of SQLite values.
#[derive(Debug, Clone, Default)]
pub struct ResultSet {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("parameter {name} has no value (give --param {bare}=VALUE)")]
    Missing { name: String, bare: String },
    #[error("--param {0} is not used by the query")]
    Unused(String),
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// Parses `NAME=VALUE` (for clap).
pub fn parse_param(s: &str) -> Result<(String, String), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not NAME=VALUE"))?;
    let name = name.trim().trim_start_matches([':', '@', '$']);
    if name.is_empty() {
        return Err(format!("{s:?} has no parameter name"));
    }
    Ok((name.to_string(), value.to_string()))
}

/// A value as given on the command line: a whole number binds as an integer (so that
/// `LIMIT :n` and integer comparisons work), anything else as text.
fn value_of(s: &str) -> Value {
    let canonical = s.parse::<i64>().ok().filter(|i| i.to_string() == s);
    match canonical {
        Some(i) => Value::Integer(i),
        None => Value::Text(s.to_string()),
    }
}

/// Prepares `sql`, binds `params` by name and collects the rows.
pub fn run(
    conn: &Connection,
    sql: &str,
    params: &[(String, String)],
) -> Result<ResultSet, QueryError> {
    run_with_optional(conn, sql, params, &[])
}

/// Like `run`, binding NULL to the `optional` parameters that were not given.
pub fn run_with_optional(
    conn: &Connection,
    sql: &str,
    params: &[(String, String)],
    optional: &[&str],
) -> Result<ResultSet, QueryError> {
    let mut stmt = conn.prepare(sql)?;
    let mut used = vec![false; params.len()];
    for i in 1..=stmt.parameter_count() {
        let name = stmt.parameter_name(i).unwrap_or("?").to_string();
        let bare = name.trim_start_matches([':', '@', '$']).to_string();
        let Some(k) = params.iter().position(|(n, _)| *n == bare) else {
            if optional.contains(&bare.as_str()) {
                continue;
            }
            return Err(QueryError::Missing { name, bare });
        };
        used[k] = true;
        stmt.raw_bind_parameter(i, value_of(&params[k].1))?;
    }
    if let Some(k) = used.iter().position(|u| !u) {
        return Err(QueryError::Unused(params[k].0.clone()));
    }
    let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let n = columns.len();
    let mut rows = Vec::new();
    let mut raw = stmt.raw_query();
    while let Some(row) = raw.next()? {
        rows.push(
            (0..n)
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
    }
    Ok(ResultSet { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_by_name() {
        let conn = Connection::open_in_memory().unwrap();
        let params = vec![
            ("n".to_string(), "2".to_string()),
            ("s".to_string(), "007".to_string()),
        ];
        let rows = run(
            &conn,
            "SELECT :n + 1 AS a, @s AS b, typeof($s) AS t",
            &params,
        )
        .unwrap();
        assert_eq!(
            rows.rows[0],
            vec![
                Value::Integer(3),
                Value::Text("007".into()),
                Value::Text("text".into())
            ]
        );
    }

    #[test]
    fn missing_and_unused_parameters_are_named() {
        let conn = Connection::open_in_memory().unwrap();
        let err = run(&conn, "SELECT :q", &[]).unwrap_err();
        assert!(err.to_string().contains("--param q=VALUE"), "{err}");
        let err = run(&conn, "SELECT 1", &[("x".into(), "1".into())]).unwrap_err();
        assert!(err.to_string().contains("--param x"), "{err}");
    }

    #[test]
    fn param_syntax() {
        assert_eq!(parse_param("id=5"), Ok(("id".into(), "5".into())));
        assert_eq!(parse_param(":q=a=b"), Ok(("q".into(), "a=b".into())));
        assert!(parse_param("novalue").is_err());
    }
}
