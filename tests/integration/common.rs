//! The integration-test harness: a temp dir with a database, the built binary run on real
//! files, and the database read back with plain SQL.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const SEED: &str = "000_71ee3118c768fd91.txt";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    repo().join("seeds")
}

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_councildb"));
        cmd.arg("--db")
            .arg(self.db())
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("COUNCILDB_DB");
        cmd.stdin(Stdio::null());
        cmd
    }

    /// Runs the binary and returns its output, whatever the exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run councildb")
    }

    /// Runs the binary and checks its exit code, showing both streams when it differs.
    pub fn expect(&self, args: &[&str], code: i32) -> Output {
        let out = self.run(args);
        assert_exit(&out, code, args);
        out
    }

    /// Plain SQL on the database, every value as text ("" for NULL).
    pub fn query(&self, sql: &str) -> Vec<Vec<String>> {
        let conn = rusqlite::Connection::open(self.db()).expect("open db");
        query(&conn, sql)
    }

    /// Every foreign key points at a row that exists: the writer does not check them per row
    /// (`store::trust_own_rows`), so the tests check what it wrote.
    pub fn assert_foreign_keys_hold(&self) {
        let broken = self.query("PRAGMA foreign_key_check");
        assert!(broken.is_empty(), "foreign keys broken: {broken:?}");
    }

    /// Plain SQL that changes the database, as a person would run it in sqlite3.
    pub fn sql_write(&self, sql: &str) {
        let conn = rusqlite::Connection::open(self.db()).expect("open db");
        conn.execute_batch(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    pub fn scalar(&self, sql: &str) -> String {
        let rows = self.query(sql);
        assert_eq!(rows.len(), 1, "{sql} gave {rows:?}");
        rows[0][0].clone()
    }
}

pub fn query(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let n = stmt.column_count();
    stmt.query_map([], |row| {
        (0..n)
            .map(|i| {
                row.get::<_, rusqlite::types::Value>(i).map(|v| match v {
                    rusqlite::types::Value::Null => String::new(),
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Real(f) => f.to_string(),
                    rusqlite::types::Value::Text(s) => s,
                    rusqlite::types::Value::Blob(b) => format!("<{} bytes>", b.len()),
                })
            })
            .collect::<rusqlite::Result<Vec<_>>>()
    })
    .unwrap()
    .collect::<rusqlite::Result<Vec<_>>>()
    .unwrap()
}

pub fn assert_exit(out: &Output, code: i32, args: &[&str]) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "councildb {args:?}\nexpected exit {code}, got {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Writes `files` files of `per_file` documents each: the seed with a distinct meeting number,
/// so every document is a distinct statement of 22 clauses, 8 tags and 12 citations.
pub fn write_corpus(dir: &Path, files: usize, per_file: usize) -> usize {
    let seed = std::fs::read_to_string(seeds().join(SEED)).unwrap();
    std::fs::create_dir_all(dir).unwrap();
    let mut n = 0;
    for f in 0..files {
        let mut text = String::new();
        for _ in 0..per_file {
            text.push_str(&seed.replace("第6178 次", &format!("第{} 次", 100_000 + n)));
            text.push('\n');
            n += 1;
        }
        std::fs::write(dir.join(format!("{f:05}.txt")), text).unwrap();
    }
    n
}

/// Statements that lack any of their parts (each corpus document has 22 clauses, 8 tags and
/// 12 citations): must always be zero, whatever happened to the import.
pub const PARTIAL_STATEMENTS: &str = "SELECT count(*) FROM statements s WHERE
    (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id) <> 22
    OR (SELECT count(*) FROM statement_tags t WHERE t.statement_id = s.id) <> 8
    OR (SELECT count(*) FROM citations c WHERE c.statement_id = s.id) <> 12";

/// Runs `councildb ARGS`, kills it with SIGKILL after `after`, and checks what any kill must
/// leave: a sound database, its foreign keys holding, and whole statements only. Returns the
/// number of statements held.
pub fn kill_after(env: &Env, args: &[&str], after: std::time::Duration) -> usize {
    let mut child = env
        .command(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        env.scalar("PRAGMA integrity_check"),
        "ok",
        "after a kill at {after:?}"
    );
    env.assert_foreign_keys_hold();
    assert_eq!(
        env.scalar(PARTIAL_STATEMENTS),
        "0",
        "after a kill at {after:?}"
    );
    env.scalar("SELECT count(*) FROM statements")
        .parse()
        .unwrap()
}
