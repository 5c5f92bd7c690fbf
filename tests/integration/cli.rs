//! The command line as scripts use it: exit codes, read-only SQL, formats, parameters, and the
//! refusal of a database made by a newer councildb.

use crate::common::*;

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.expect(&["import"], 2);
    env.expect(&["no-such-command"], 2);
    env.expect(&["sql", "SELECT 1", "--format", "yaml"], 2);
    env.expect(&["init"], 0);
    let out = env.expect(&["report", "no-such-report"], 2);
    assert!(stderr(&out).contains("no report named"), "{}", stderr(&out));
    let out = env.expect(&["sql", "SELECT :x"], 2);
    assert!(stderr(&out).contains("--param x=VALUE"), "{}", stderr(&out));
}

#[test]
fn init_creates_and_sql_reads() {
    let env = Env::new();
    let out = env.expect(&["init"], 0);
    assert!(stdout(&out).contains("schema version"));
    let out = env.expect(
        &[
            "sql",
            "--format",
            "csv",
            "SELECT count(*) AS n FROM statements",
        ],
        0,
    );
    assert_eq!(stdout(&out), "n\n0\n");
}

#[test]
fn sql_is_read_only_unless_write() {
    let env = Env::new();
    env.expect(&["init"], 0);
    let out = env.expect(&["sql", "INSERT INTO tags (name) VALUES ('X')"], 1);
    assert!(
        stderr(&out).contains("readonly")
            || stderr(&out).contains("read-only")
            || stderr(&out).contains("read only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.scalar("SELECT count(*) FROM tags"), "0");
    let out = env.expect(
        &["sql", "--write", "INSERT INTO tags (name) VALUES ('X')"],
        0,
    );
    assert!(stdout(&out).contains("1 rows changed"), "{}", stdout(&out));
    assert_eq!(env.scalar("SELECT count(*) FROM tags"), "1");
}

#[test]
fn sql_binds_params_and_prints_every_format() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let q = "SELECT id, title, meeting FROM statements WHERE meeting = :m";
    let cases: &[(&str, &str)] = &[
        ("csv", "id,title,meeting\n1,联合国维持和平行动,6178\n"),
        ("tsv", "id\ttitle\tmeeting\n1\t联合国维持和平行动\t6178\n"),
        (
            "jsonl",
            "{\"id\":1,\"title\":\"联合国维持和平行动\",\"meeting\":6178}\n",
        ),
        (
            "markdown",
            "| id | title | meeting |\n|---|---|---|\n| 1 | 联合国维持和平行动 | 6178 |\n",
        ),
    ];
    for (format, want) in cases {
        let out = env.expect(&["sql", "--format", format, "--param", "m=6178", q], 0);
        assert_eq!(stdout(&out), *want, "format {format}");
    }
    let out = env.expect(&["sql", "--format", "json", "-p", "m=6178", q], 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v[0]["title"], "联合国维持和平行动");
    let out = env.expect(&["sql", "--format", "html", "-p", "m=6178", q], 0);
    assert!(
        stdout(&out).starts_with("<!DOCTYPE html>")
            && stdout(&out).contains("<td dir=\"auto\">联合国维持和平行动</td>")
    );
    let out = env.expect(&["sql", "--format", "table", "-p", "m=6178", q], 0);
    assert!(stdout(&out).contains("联合国维持和平行动") && stdout(&out).contains("(1 row)"));
}

#[test]
fn default_db_comes_from_the_environment() {
    let env = Env::new();
    let db = env.path("from-env.db");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_councildb"));
    let out = cmd
        .args(["init"])
        .env("COUNCILDB_DB", &db)
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    assert_exit(&out, 0, &["init"]);
    assert!(db.exists());
}

#[test]
fn newer_database_is_refused_by_every_command() {
    let env = Env::new();
    env.expect(&["init"], 0);
    env.expect(&["sql", "--write", "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01', '0')"], 0);
    for args in [
        vec!["init"],
        vec!["sql", "SELECT 1"],
        vec!["report", "overview"],
        vec!["import", p(&seeds().join(SEED))],
        vec!["export", "--out", "x"],
    ] {
        let out = env.expect(&args, 1);
        assert!(
            stderr(&out).contains("newer councildb"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    // A reader that closes its end at once, as `| head -0` does.
    let mut child = env
        .command(&["sql", "--format", "csv", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 200000) SELECT i, 'padding padding padding' FROM n"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_exit(&out, 0, &["sql"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_missing_input_is_a_usage_error_and_writes_nothing() {
    let env = Env::new();
    let out = env.expect(&["import", p(&seeds()), "no/such/archive.zip"], 2);
    assert!(
        stderr(&out).contains("no such file or folder: no/such/archive.zip"),
        "{}",
        stderr(&out)
    );
    assert!(!env.db().exists());
}

#[test]
fn importing_the_folder_that_holds_the_database_skips_the_database() {
    let env = Env::new();
    std::fs::copy(seeds().join(SEED), env.path(SEED)).unwrap();
    env.expect(&["init"], 0);
    // The database, its -wal/-shm and the import lock all sit in the folder being imported.
    env.expect(&["import", p(env.dir.path())], 0);
    env.expect(&["import", p(env.dir.path())], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM import_errors"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
}

#[test]
fn completions_and_man_page_are_printed() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = env.expect(&["completions", shell], 0);
        let script = stdout(&out);
        assert!(
            script.contains("councildb") && script.contains("datasette-metadata"),
            "{shell}"
        );
    }
    let page = stdout(&env.expect(&["man"], 0));
    assert!(
        page.starts_with(".ie") || page.contains(".TH councildb"),
        "{page}"
    );
    assert!(page.contains("import"), "{page}");
    env.expect(&["completions", "tcsh"], 2);
    assert!(!env.db().exists(), "these commands touch no database");
}

#[test]
fn the_help_shows_the_database_default_once() {
    let env = Env::new();
    let help = stdout(&env.expect(&["--help"], 0));
    assert_eq!(help.matches("councildb.db").count(), 1, "{help}");
    assert!(help.contains("$COUNCILDB_DB"), "{help}");
}

#[test]
fn import_json_gives_scripts_the_summary() {
    let env = Env::new();
    let junk = env.write("notes.txt", "no header here\n");
    let out = env.expect(&["import", "--json", "--quiet", p(&seeds()), p(&junk)], 3);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["status"], "partial");
    assert_eq!(
        summary["new_statements"].to_string(),
        env.scalar("SELECT count(*) FROM statements")
    );
    assert_eq!(summary["rejected"], 1);
    assert_eq!(summary["rejections"][0]["path"], "notes.txt");
    assert!(summary["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("%%%"));
    assert!(summary["seconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(summary["import_id"], 1);
}
