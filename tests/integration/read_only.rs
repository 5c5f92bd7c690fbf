//! Read-only means read-only: a SQLite file councildb did not make is neither created into,
//! migrated nor switched to WAL by any command, and no statement that writes runs without
//! `sql --write`, whether typed, in a user report, or offered to Datasette.

use std::path::Path;

use crate::common::*;

/// A person's own database: a table of notes, and one named like a councildb table.
fn their_database(path: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');
         CREATE TABLE files (y TEXT);",
    )
    .unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

#[test]
fn a_database_councildb_did_not_make_is_left_byte_for_byte() {
    let env = Env::new();
    let theirs = env.path("theirs.db");
    let before = their_database(&theirs);
    let seed = seeds().join(SEED);
    let out_dir = env.path("out");
    let commands: [&[&str]; 7] = [
        &["sql", "SELECT * FROM notes"],
        &["sql", "--write", "INSERT INTO notes VALUES ('x')"],
        &["report", "overview"],
        &["report", "--all", "--out", p(&out_dir)],
        &["export", "--out", p(&out_dir)],
        &["init"],
        &["import", p(&seed)],
    ];
    for args in commands {
        let mut cmd = env.command(args);
        cmd.arg("--db").arg(&theirs);
        let out = cmd.output().unwrap();
        assert_exit(&out, 1, args);
        let message = stderr(&out);
        assert!(
            message.contains("theirs.db") && message.contains("not a councildb database"),
            "{args:?}: {message}"
        );
        assert!(
            !message.contains("CREATE TABLE"),
            "{args:?} printed SQL: {message}"
        );
        assert_eq!(
            std::fs::read(&theirs).unwrap(),
            before,
            "{args:?} changed it"
        );
        for companion in ["theirs.db-wal", "theirs.db-shm", "theirs.db.lock"] {
            assert!(!env.path(companion).exists(), "{args:?} left {companion}");
        }
    }
}

#[test]
fn an_empty_file_may_become_a_database() {
    let env = Env::new();
    std::fs::write(env.db(), b"").unwrap();
    env.expect(&["init"], 0);
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
}

#[test]
fn a_statement_that_writes_needs_write() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let copy = env.path("copy.db");
    let vacuum = format!("VACUUM INTO '{}'", p(&copy));
    let out = env.expect(&["sql", &vacuum], 1);
    assert!(stderr(&out).contains("not read-only"), "{}", stderr(&out));
    assert!(!copy.exists(), "VACUUM INTO wrote a copy without --write");
    env.expect(&["sql", "--write", &vacuum], 0);
    assert!(copy.exists());
}

#[test]
fn a_report_that_writes_never_runs_and_is_not_offered_to_datasette() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let copy = env.path("stolen.db");
    env.write(
        "mine/steal.sql",
        format!(
            "-- name: steal\n-- title: Steal\n-- description: Copies the database.\nVACUUM INTO '{}'\n",
            p(&copy)
        ),
    );
    env.write(
        "mine/languages.sql",
        "-- name: languages\n-- title: Languages\n-- description: Statements by language.\nSELECT language, count(*) AS n FROM statements GROUP BY 1\n",
    );
    let dir = env.path("mine");
    let site = env.path("site");
    env.expect(&["report", "steal", "--reports-dir", p(&dir)], 1);
    let out = env.expect(
        &[
            "report",
            "--all",
            "--out",
            p(&site),
            "--reports-dir",
            p(&dir),
        ],
        3,
    );
    assert!(stderr(&out).contains("steal"), "{}", stderr(&out));
    assert!(!copy.exists(), "a report wrote a copy of the database");
    assert!(site.join("languages.html").exists());

    let out = env.expect(&["datasette-metadata", "--reports-dir", p(&dir)], 0);
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let queries = metadata["databases"]["test"]["queries"]
        .as_object()
        .expect("queries");
    assert!(queries.contains_key("languages"), "{queries:?}");
    assert!(!queries.contains_key("steal"), "{queries:?}");
    assert!(
        stderr(&out).contains("left out report steal"),
        "{}",
        stderr(&out)
    );
}
