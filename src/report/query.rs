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
    #[error(
        "the statement is not read-only: it would change the database or write a file \
         (only `councildb sql --write` runs such a statement)"
    )]
    NotReadOnly,
    #[error("the query is empty")]
    Empty,
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// Whether a statement may change anything. Read-only is checked by SQLite on the prepared
/// statement, whatever the connection: a read-only connection still lets `VACUUM INTO` write
/// a new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
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
#[cfg(test)]
pub fn run(
    conn: &Connection,
    sql: &str,
    params: &[(String, String)],
    access: Access,
) -> Result<ResultSet, QueryError> {
    run_with_optional(conn, sql, params, &[], access)
}

/// Prepares `sql` alone, to tell whether it only reads.
pub fn is_read_only(conn: &Connection, sql: &str) -> Result<bool, QueryError> {
    Ok(prepare(conn, sql)?.readonly())
}

fn prepare<'c>(conn: &'c Connection, sql: &str) -> Result<rusqlite::Statement<'c>, QueryError> {
    if sql.trim().is_empty() {
        return Err(QueryError::Empty);
    }
    Ok(conn.prepare(sql)?)
}

/// Like `run`, binding NULL to the `optional` parameters that were not given.
pub fn run_with_optional(
    conn: &Connection,
    sql: &str,
    params: &[(String, String)],
    optional: &[&str],
    access: Access,
) -> Result<ResultSet, QueryError> {
    let mut query = Query::bind(conn, sql, params, optional, access)?;
    let mut rows = Vec::new();
    query.for_each_row(|row| {
        rows.push(row);
        Ok::<(), QueryError>(())
    })?;
    Ok(ResultSet {
        columns: query.columns,
        rows,
    })
}

/// A statement prepared and bound, whose rows can be read one at a time: output that streams
/// (csv, jsonl) holds one row in memory, not the result.
pub struct Query<'c> {
    stmt: rusqlite::Statement<'c>,
    pub columns: Vec<String>,
}

impl<'c> Query<'c> {
    /// Prepares `sql` and binds `params` by name, NULL to the `optional` ones not given.
    pub fn bind(
        conn: &'c Connection,
        sql: &str,
        params: &[(String, String)],
        optional: &[&str],
        access: Access,
    ) -> Result<Query<'c>, QueryError> {
        let mut stmt = prepare(conn, sql)?;
        if access == Access::ReadOnly && !stmt.readonly() {
            return Err(QueryError::NotReadOnly);
        }
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
        let columns = stmt.column_names().into_iter().map(String::from).collect();
        Ok(Query { stmt, columns })
    }

    /// Runs the statement, handing each row to `each` as it comes.
    pub fn for_each_row<E: From<rusqlite::Error>>(
        &mut self,
        mut each: impl FnMut(Vec<Value>) -> Result<(), E>,
    ) -> Result<(), E> {
        let n = self.columns.len();
        let mut raw = self.stmt.raw_query();
        while let Some(row) = raw.next()? {
            let values = (0..n)
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            each(values)?;
        }
        Ok(())
    }
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
            Access::ReadOnly,
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
        let err = run(&conn, "SELECT :q", &[], Access::ReadOnly).unwrap_err();
        assert!(err.to_string().contains("--param q=VALUE"), "{err}");
        let err = run(
            &conn,
            "SELECT 1",
            &[("x".into(), "1".into())],
            Access::ReadOnly,
        )
        .unwrap_err();
        assert!(err.to_string().contains("--param x"), "{err}");
    }

    #[test]
    fn only_read_only_statements_run_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.db");
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        let vacuum = format!("VACUUM INTO '{}'", copy.display());
        for sql in [
            vacuum.as_str(),
            "INSERT INTO t VALUES (1)",
            "DROP TABLE t",
            "PRAGMA user_version = 3",
        ] {
            let err = run(&conn, sql, &[], Access::ReadOnly).unwrap_err();
            assert!(matches!(err, QueryError::NotReadOnly), "{sql}: {err}");
        }
        assert!(!copy.exists());
        for sql in ["SELECT * FROM t", "WITH a AS (SELECT 1) SELECT * FROM a"] {
            run(&conn, sql, &[], Access::ReadOnly).unwrap();
        }
        run(&conn, &vacuum, &[], Access::ReadWrite).unwrap();
        assert!(copy.exists());
        let err = run(&conn, "  ", &[], Access::ReadWrite).unwrap_err();
        assert!(matches!(err, QueryError::Empty), "{err}");
    }

    #[test]
    fn param_syntax() {
        assert_eq!(parse_param("id=5"), Ok(("id".into(), "5".into())));
        assert_eq!(parse_param(":q=a=b"), Ok(("q".into(), "a=b".into())));
        assert!(parse_param("novalue").is_err());
    }
}
