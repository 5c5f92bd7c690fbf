//! Opening the database: the one place that applies connection settings and runs the embedded
//! migrations (`migrations/V{n}__*.sql`, through refinery). Every command opens the database
//! through here, so a database is always at this binary's schema version; one made by a newer
//! councildb is refused instead of being misread, and a SQLite file councildb did not make is
//! refused instead of being changed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::lock::{LockError, WriteLock};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// Page size of a new database file.
const PAGE_SIZE: i64 = 32768;

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open database {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("no database at {0} (create one with `councildb init` or `councildb import`)")]
    Missing(PathBuf),
    #[error(
        "{0} is not a councildb database: it is a SQLite file that councildb did not make. \
         councildb leaves it as it is; give --db the path of a councildb database, or a new file"
    )]
    Foreign(PathBuf),
    #[error(
        "database {path} has schema version {found}, made by a newer councildb; this one knows up to \
         version {known}. Upgrade councildb to use this database"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("cannot migrate database {path} to schema version {known}")]
    Migrate {
        path: PathBuf,
        known: i64,
        #[source]
        source: refinery::Error,
    },
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Store(#[from] super::StoreError),
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// The newest schema version this binary knows.
pub fn known_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

/// The schema version recorded in a database, or None for a database councildb never touched.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    let has_history: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history'",
        [],
        |r| r.get(0),
    )?;
    if !has_history {
        return Ok(None);
    }
    conn.query_row(
        "SELECT max(version) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )
}

/// Process-wide SQLite settings. Memory statistics take a global mutex on every allocation,
/// and nothing here reads them, so they are turned off. Only a speed-up: a failure changes
/// nothing else.
#[allow(unsafe_code)]
pub fn configure_sqlite() -> rusqlite::Result<()> {
    // SAFETY: SQLITE_CONFIG_MEMSTATUS takes exactly one int argument. sqlite3_config must not
    // run while another thread uses SQLite; the binary calls this first thing in `main`, before
    // it starts a thread or opens a connection, and nothing else calls it.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int)
    };
    if rc == rusqlite::ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rc),
            None,
        ))
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The writer keeps about a dozen statements prepared; rusqlite's default cache holds 16,
    // so leave room before statements start being re-prepared for every document.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<(), DbError> {
    let known = known_version();
    if let Some(found) = schema_version(conn)? {
        if found > known {
            return Err(DbError::Newer {
                path: path.to_path_buf(),
                found,
                known,
            });
        }
        if found == known {
            return Ok(());
        }
    }
    embedded::migrations::runner()
        .run(conn)
        .map_err(|source| DbError::Migrate {
            path: path.to_path_buf(),
            known,
            source,
        })?;
    Ok(())
}

/// Takes the write lock of the database at `path` and opens it for writing. A file that is no
/// database, or a SQLite file councildb did not make, is refused before the lock is taken, so
/// that nothing is left beside it.
pub fn open_for_writing(path: &Path) -> Result<(WriteLock, Connection), DbError> {
    if path.exists() {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open_error = |source| DbError::Open {
            path: path.to_path_buf(),
            source,
        };
        let probe = Connection::open_with_flags(path, flags).and_then(|probe| {
            let found = schema_version(&probe)?;
            let objects: i64 =
                probe.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            Ok(found.is_none() && objects > 0)
        });
        match probe {
            Ok(true) => return Err(DbError::Foreign(path.to_path_buf())),
            Ok(false) => {}
            // A WAL database on a read-only file system cannot be read without its -shm: the
            // lock below then says what is wrong (the file system is read-only).
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {}
            Err(e) => return Err(open_error(e)),
        }
    }
    let lock = WriteLock::take(path)?;
    let conn = open(path)?;
    Ok((lock, conn))
}

/// Opens (creating it if need be) the database at `path` for writing, migrated to this
/// binary's schema. WAL mode lets readers query it while an import writes. A non-empty SQLite
/// file that councildb did not make is refused before anything is written to it.
pub fn open(path: &Path) -> Result<Connection, DbError> {
    let open_error = |source| DbError::Open {
        path: path.to_path_buf(),
        source,
    };
    let mut conn = Connection::open(path).map_err(open_error)?;
    configure(&conn).map_err(open_error)?;
    super::search::register(&conn).map_err(open_error)?;
    if schema_version(&conn).map_err(open_error)?.is_none() {
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(open_error)?;
        if objects > 0 {
            return Err(DbError::Foreign(path.to_path_buf()));
        }
        // Only a new, empty file takes a page size: bigger pages suit long text rows and the
        // full-text index, and mean fewer log frames per commit (docs/performance.md).
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
    }
    // WAL is a property of the file, set once; readers and writers then never block each other.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    migrate(&mut conn, path)?;
    catch_up(&conn)?;
    Ok(conn)
}

/// Derives in Rust what a migration's SQL cannot: the documents of statements a older
/// councildb stored (V8). Cheap when there is nothing to do; a catch-up cut short by a kill is
/// finished at the next open.
fn catch_up(conn: &Connection) -> Result<(), DbError> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let done = super::documents::group_new(conn).and_then(|()| super::search::index_missing(conn));
    match done {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
    }
    Ok(())
}

/// Opens an existing councildb database read-only (by the connection's flags). One made by an
/// older councildb is migrated forward first; any other file is refused and left untouched.
pub fn open_read_only(path: &Path) -> Result<Connection, DbError> {
    if !path.exists() {
        return Err(DbError::Missing(path.to_path_buf()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let open_error = |source| DbError::Open {
        path: path.to_path_buf(),
        source,
    };
    let probe = |conn: &Connection| configure(conn).and_then(|()| schema_version(conn));
    let mut conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
    let found = match probe(&conn) {
        Ok(found) => found,
        // A WAL database on a read-only filesystem (a mounted archive, a CD) cannot create its
        // -wal and -shm files; nobody can write there either, so reading it as immutable is safe.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {
            conn = Connection::open_with_flags(immutable_uri(path), flags).map_err(open_error)?;
            probe(&conn).map_err(open_error)?
        }
        Err(e) => return Err(open_error(e)),
    };
    let known = known_version();
    match found {
        None => Err(DbError::Foreign(path.to_path_buf())),
        Some(found) if found > known => Err(DbError::Newer {
            path: path.to_path_buf(),
            found,
            known,
        }),
        Some(found) if found == known => Ok(conn),
        Some(_) => {
            drop(conn);
            drop(open(path)?);
            open_read_only(path)
        }
    }
}

fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '?' => uri.push_str("%3F"),
            '#' => uri.push_str("%23"),
            '%' => uri.push_str("%25"),
            c => uri.push(c),
        }
    }
    uri + "?immutable=1"
}

/// An in-memory database at this binary's schema: for tests, and to check queries against
/// the schema without touching a database file.
pub fn open_in_memory() -> Result<Connection, DbError> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    super::search::register(&conn)?;
    migrate(&mut conn, Path::new(":memory:"))?;
    catch_up(&conn)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user_tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn fresh_database_has_the_public_schema() {
        let conn = open_in_memory().unwrap();
        let tables = user_tables(&conn);
        for name in [
            "statements",
            "sources",
            "clauses",
            "tags",
            "statement_tags",
            "citations",
            "imports",
            "import_errors",
            "clauses_fts",
        ] {
            assert!(
                tables.contains(&name.to_string()),
                "missing {name} in {tables:?}"
            );
        }
        assert_eq!(schema_version(&conn).unwrap(), Some(known_version()));
    }

    fn schema_snapshot(conn: &Connection) -> (Vec<String>, i64) {
        let schema = conn
            .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let applied = conn
            .query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
                r.get(0)
            })
            .unwrap();
        (schema, applied)
    }

    #[test]
    fn second_open_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let first = schema_snapshot(&open(&path).unwrap());
        assert_eq!(schema_snapshot(&open(&path).unwrap()), first);
    }

    #[test]
    fn newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let conn = open(&path).unwrap();
        conn.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (?1, 'from_the_future', '2030-01-01T00:00:00Z', '0')",
            [known_version() + 1],
        )
        .unwrap();
        drop(conn);
        for result in [open(&path).map(drop), open_read_only(&path).map(drop)] {
            let err = result.unwrap_err();
            assert!(matches!(err, DbError::Newer { .. }), "{err}");
            assert!(err.to_string().contains("newer councildb"), "{err}");
        }
    }

    /// A database as the councildb of schema version `version` left it.
    fn database_at_version(path: &Path, version: i32) -> Connection {
        let mut conn = Connection::open(path).unwrap();
        embedded::migrations::runner()
            .set_target(refinery::Target::Version(version))
            .run(&mut conn)
            .unwrap();
        conn
    }

    #[test]
    fn old_database_migrates_forward_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            // A database as councildb with schema version 1 left it.
            let conn = database_at_version(&path, 1);
            conn.execute_batch(
                "INSERT INTO imports (started_at, inputs) VALUES ('2026-01-01T00:00:00Z', '[]');
                 INSERT INTO statements (sha256, doc_type, body, import_id) VALUES ('x', 'other', 'text', 1);",
            )
            .unwrap();
            assert_eq!(schema_version(&conn).unwrap(), Some(1));
        }
        let conn = open_read_only(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), Some(known_version()));
        let n: i64 = conn
            .query_row("SELECT count(*) FROM statement_overview", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn the_full_text_index_survives_its_new_declaration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v5.db");
        {
            // A database as councildb with schema version 5 left it, with a clause indexed.
            let conn = database_at_version(&path, 5);
            conn.execute_batch(
                "INSERT INTO imports (started_at, inputs) VALUES ('2026-01-01T00:00:00Z', '[]');
                 INSERT INTO statements (sha256, doc_type, body, import_id) VALUES ('x', 'other', 'text', 1);
                 INSERT INTO clauses (statement_id, position, text) VALUES (1, 1, 'peacekeeping operations');",
            )
            .unwrap();
        }
        let conn = open_read_only(&path).unwrap();
        let declared: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'clauses_fts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(declared.contains("content=\"clauses\""), "{declared}");
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH 'peacekeeping'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1);
    }

    #[test]
    fn an_older_database_gets_its_documents_and_search_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v7.db");
        {
            // A database as councildb with schema version 7 left it: two versions of one
            // resolution, one of them without a symbol.
            let conn = database_at_version(&path, 7);
            conn.execute_batch(
                "INSERT INTO imports (started_at, inputs) VALUES ('2026-01-01T00:00:00Z', '[]');
                 INSERT INTO statements (sha256, symbol, doc_type, language, issued_on, meeting, body, import_id)
                 VALUES ('a', 'S/RES/1889 (2009)', 'resolution', 'en', '2009-10-05', 6196, 'text', 1),
                        ('b', NULL, 'resolution', 'zh', '2009-10-05', 6196, 'text', 1);
                 INSERT INTO clauses (statement_id, position, text) VALUES (2, 1, '联合国维持和平行动');",
            )
            .unwrap();
        }
        let conn = open_read_only(&path).unwrap();
        let grouped: (i64, i64) = conn
            .query_row(
                "SELECT count(DISTINCT document_id), count(*) FROM statements WHERE document_id IS NOT NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(grouped, (1, 2));
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM clauses_search WHERE clauses_search MATCH '\"维 持 和 平\"'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1);
    }

    #[test]
    fn read_only_connection_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        drop(open(&path).unwrap());
        let conn = open_read_only(&path).unwrap();
        assert!(conn.execute("DELETE FROM tags", []).is_err());
    }

    #[test]
    fn missing_database_is_named() {
        let err = open_read_only(Path::new("/nonexistent/councildb.db")).unwrap_err();
        assert!(
            err.to_string().contains("/nonexistent/councildb.db"),
            "{err}"
        );
    }
}
