//! The examples of docs/schema.md must run: every SQL block in the real sqlite3 shell (and
//! through rusqlite), every Python block in python3, against the bundled seeds.

use crate::common::*;

fn blocks(language: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/schema.md")).unwrap();
    let fence = format!("```{language}\n");
    doc.split(&fence)
        .skip(1)
        .map(|rest| rest.split("\n```").next().unwrap().to_string())
        .collect()
}

#[test]
fn sql_examples_run_and_return_rows() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    let sql = blocks("sql");
    assert!(sql.len() >= 5);
    for block in sql {
        let rows = env.query(&block);
        assert!(!rows.is_empty(), "no rows from\n{block}");
    }
}

#[test]
fn python_examples_run() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    for block in blocks("python") {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(&block)
            .env("COUNCILDB_DB", env.db())
            .output()
            .unwrap();
        assert_exit(&out, 0, &["python3", &block]);
        assert!(!stdout(&out).trim().is_empty(), "{block}");
    }
}

#[test]
#[ignore = "needs the sqlite3 shell (apt-get install sqlite3); run by .ci/run"]
fn sql_examples_run_in_the_sqlite3_shell() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    for block in blocks("sql") {
        let out = std::process::Command::new("sqlite3")
            .arg("-readonly")
            .arg(env.db())
            .arg(&block)
            .output()
            .unwrap();
        assert_exit(&out, 0, &["sqlite3", &block]);
        assert!(!stdout(&out).trim().is_empty(), "no rows from\n{block}");
    }
    // The seed's figures, straight from the shell.
    let out = std::process::Command::new("sqlite3")
        .arg(env.db())
        .arg("SELECT count(*) FROM clauses c JOIN sources s ON s.statement_id = c.statement_id WHERE s.path = '000_71ee3118c768fd91.txt' AND c.parent_id IS NULL")
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "11");
}

#[test]
fn every_table_view_and_column_is_in_the_schema_doc() {
    let env = Env::new();
    env.expect(&["init"], 0);
    let doc = std::fs::read_to_string(repo().join("docs/schema.md")).unwrap();
    // FTS5 keeps its index in shadow tables of its own; they are SQLite's, not ours.
    let objects = env.query(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clauses_fts_%' AND name NOT LIKE 'clauses_search_%'
         AND name <> 'refinery_schema_history' ORDER BY name",
    );
    let mut missing = Vec::new();
    for row in objects {
        let name = &row[0];
        if !doc.contains(&format!("`{name}`")) {
            missing.push(name.clone());
        }
        for column in env.query(&format!("SELECT name FROM pragma_table_info('{name}')")) {
            let column = &column[0];
            if !doc.contains(&format!("`{column}`")) {
                missing.push(format!("{name}.{column}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in docs/schema.md: {missing:?}");
}

#[test]
fn every_command_is_in_the_readme() {
    use clap::CommandFactory;
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let cli = councildb::cli::Cli::command();
    let missing: Vec<&str> = cli
        .get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| !readme.contains(&format!("| `{name}")))
        .collect();
    assert!(
        missing.is_empty(),
        "commands not in the README's table: {missing:?}"
    );
}

#[test]
fn the_report_in_docs_reports_md_runs() {
    let doc = std::fs::read_to_string(repo().join("docs/reports.md")).unwrap();
    let sql = doc
        .split("```sql\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("an sql block");
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    env.write("mine/by-language.sql", sql);
    let mine = env.path("mine");
    let out = env.expect(
        &[
            "report",
            "by-language",
            "--reports-dir",
            p(&mine),
            "--format",
            "csv",
        ],
        0,
    );
    assert!(
        stdout(&out).starts_with("language,statements,newest\n"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("zh,"), "{}", stdout(&out));
    let out = env.expect(
        &[
            "report",
            "by-language",
            "--reports-dir",
            p(&mine),
            "--param",
            "since=2999-01-01",
            "--format",
            "csv",
        ],
        0,
    );
    assert_eq!(stdout(&out), "language,statements,newest\n");
    let site = env.path("site");
    env.expect(
        &[
            "report",
            "--all",
            "--out",
            p(&site),
            "--reports-dir",
            p(&mine),
        ],
        0,
    );
    assert!(std::fs::read_to_string(site.join("by-language.html"))
        .unwrap()
        .contains("<svg"));
}

/// The README's commands, as a person would type them after set-up step 1, with
/// `cargo run --release --` standing for the built binary, run in a copy of the repository's
/// seeds. The `sqlite3` line needs the sqlite3 shell, which .ci/run installs.
#[test]
#[ignore = "needs the sqlite3 shell (apt-get install sqlite3); run by .ci/run"]
fn the_readme_commands_run() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let env = Env::new();
    copy_dir(&seeds(), &env.path("seeds"));
    let commands: Vec<String> = readme
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .flat_map(|block| block.lines().map(String::from).collect::<Vec<_>>())
        .filter(|l| l.starts_with("cargo run --release -- ") || l.starts_with("sqlite3 "))
        .collect();
    assert!(commands.len() >= 4, "{commands:?}");
    for command in commands {
        let line = command.replace("cargo run --release --", env!("CARGO_BIN_EXE_councildb"));
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(&line)
            .current_dir(env.dir.path())
            .env_remove("COUNCILDB_DB")
            .output()
            .unwrap();
        assert_exit(&out, 0, &[command.as_str()]);
        assert!(!stdout(&out).trim().is_empty(), "{command} printed nothing");
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn no_source_file_is_over_600_lines_and_the_top_stays_small() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo().join("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(f, n)| format!("{} ({n} lines)", f.display()))
        .collect();
    assert!(long.is_empty(), "split these by job: {long:?}");
    let top = files
        .iter()
        .filter(|f| f.parent() == Some(repo().join("src").as_path()))
        .count();
    assert!(
        top <= 6,
        "{top} files at the top of src/: the layers belong in folders"
    );
}
