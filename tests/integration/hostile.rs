//! Hostile and careless input: each case is a failure that was found by trying, and the test
//! that would have caught it. Nothing given is lost, and nothing is written outside the place
//! the user named.

use std::io::Write;
use std::process::Stdio;

use crate::archives::{doc, gzip, zip_of};
use crate::common::*;

/// Runs `import -` with `stdin` and the other `args`, and returns the output.
fn import_stdin(env: &Env, stdin: &[u8], args: &[&str]) -> std::process::Output {
    let mut all = vec!["import", "-"];
    all.extend_from_slice(args);
    let mut child = env
        .command(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The importer may stop reading early; a closed pipe here is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}

/// A zip as `zip -` writes it to a pipe: stored members whose sizes and checksums come in a
/// data descriptor after their data, so a reader of the stream cannot know where they end.
fn streamed_zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in members {
        let offset = out.len() as u32;
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let crc = crc.sum();
        let size = data.len() as u32;
        // Local header: flag bit 3 (sizes in a data descriptor), method 0 (stored).
        out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(&0x08074b50u32.to_le_bytes());
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&8u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&[0; 4]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn a_zip_streamed_on_stdin_imports() {
    let env = Env::new();
    let zip = streamed_zip(&[
        ("a.txt", doc("A", "The Security Council, one.").as_bytes()),
        ("b.txt", doc("B", "The Security Council, two.").as_bytes()),
    ]);
    let out = import_stdin(&env, &zip, &[]);
    assert_exit(&out, 0, &["import", "-"]);
    assert_eq!(
        env.scalar("SELECT group_concat(path, ' ') FROM (SELECT path FROM sources ORDER BY path)"),
        "-/a.txt -/b.txt"
    );
}

#[test]
fn nested_gzip_on_stdin_is_refused_and_the_rest_imports() {
    let env = Env::new();
    let mut layers = doc("A", "The Security Council, deep.").into_bytes();
    for _ in 0..3000 {
        layers = gzip(&layers);
    }
    let folder = env.path("folder");
    env.write("folder/b.txt", doc("B", "The Security Council, beside."));
    let out = import_stdin(&env, &layers, &[p(&folder)]);
    assert_exit(&out, 3, &["import", "-", "folder"]);
    assert!(
        stderr(&out).contains("archives inside archives are not expanded"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
    assert_eq!(env.scalar("SELECT status FROM imports"), "partial");
}

#[test]
fn an_archive_inside_an_archive_is_named_as_such() {
    let env = Env::new();
    let inner = gzip(doc("A", "The Security Council, inner.").as_bytes());
    let outer = env.write("outer.txt.gz", gzip(&inner));
    let out = env.expect(&["import", p(&outer)], 3);
    assert!(
        stderr(&out).contains("archives inside archives are not expanded"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("UTF-8"), "{}", stderr(&out));
}

#[test]
fn files_joined_with_their_byte_order_marks_stay_two_documents() {
    let env = Env::new();
    let mut joined = "\u{FEFF}".as_bytes().to_vec();
    joined.extend_from_slice(doc("FIRST", "The Security Council, one.").as_bytes());
    joined.extend_from_slice("\u{FEFF}".as_bytes());
    joined.extend_from_slice(doc("SECOND|THIRD", "The Security Council, two.").as_bytes());
    let file = env.write("joined.txt", joined);
    env.expect(&["import", p(&file)], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "2");
    assert_eq!(
        env.scalar("SELECT group_concat(name, ' ') FROM (SELECT name FROM tags ORDER BY name)"),
        "FIRST SECOND THIRD"
    );
}

/// Files left behind by an interrupted write (councildb's temporary files) in `dir`.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    walk(dir)
        .into_iter()
        .filter(|name| name.contains(".councildb-"))
        .collect()
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        out.push(path.display().to_string());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            out.extend(walk(&path));
        }
    }
    out
}

#[test]
fn export_never_writes_over_the_live_database() {
    let env = Env::new();
    // Another collection's database files, imported from a folder, so stored as test.db and
    // test.db-wal: exported into this database's folder they would land on it.
    env.write("in/test.db", b"not a database");
    env.write("in/test.db-wal", b"nor this");
    env.write("in/doc.txt", doc("A", "The Security Council, kept."));
    env.expect(&["import", p(&env.path("in"))], 3);
    let before = std::fs::read(env.db()).unwrap();
    let out = env.expect(&["export", "--out", p(env.dir.path())], 3);
    assert!(
        stderr(&out).contains("never writes over it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert!(env.path("doc.txt").exists());
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
}

#[test]
fn a_report_is_never_written_over_the_database() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let before = std::fs::read(env.db()).unwrap();
    for target in [
        env.db(),
        env.path("test.db-shm"),
        env.dir.path().join("x/../test.db"),
    ] {
        std::fs::create_dir_all(env.path("x")).unwrap();
        let out = env.expect(
            &["report", "tags", "--format", "csv", "--out", p(&target)],
            1,
        );
        assert!(
            stderr(&out).contains("never writes over it"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn import_star_in_the_database_folder_passes_over_the_database() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let doc_path = env.write("new.txt", doc("NEW", "The Security Council, new."));
    let companions: Vec<std::path::PathBuf> =
        ["test.db", "test.db-wal", "test.db-shm", "test.db.lock"]
            .iter()
            .map(|n| env.path(n))
            .filter(|p| p.exists())
            .collect();
    let mut args = vec!["import"];
    args.extend(companions.iter().map(|c| p(c)));
    args.push(p(&doc_path));
    let out = env.expect(&args, 0);
    assert!(stderr(&out).contains("passed over"), "{}", stderr(&out));
    assert_eq!(
        env.scalar("SELECT count(*) FROM file_paths WHERE path LIKE 'test.db%'"),
        "0"
    );
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "2");
}

#[test]
fn export_skips_what_it_cannot_write_and_writes_the_rest() {
    let env = Env::new();
    let long = format!("{}.txt", "n".repeat(300));
    let zip = env.write(
        "in/a.zip",
        zip_of(&[
            (
                "x",
                doc("A", "The Security Council, a file named x.").as_bytes(),
            ),
            (
                "x/y.txt",
                doc("B", "The Security Council, a file under x.").as_bytes(),
            ),
            (
                long.as_str(),
                doc("C", "The Security Council, a long name.").as_bytes(),
            ),
            ("z.txt", doc("D", "The Security Council, fine.").as_bytes()),
        ]),
    );
    env.expect(&["import", p(&zip)], 0);
    let out_dir = env.path("out");
    let out = env.expect(&["export", "--out", p(&out_dir)], 3);
    assert!(stderr(&out).contains("2 skipped"), "{}", stderr(&out));
    assert!(out_dir.join("a.zip/z.txt").exists());
    assert!(out_dir.join("a.zip/x").is_file());
    assert!(leftovers(&out_dir).is_empty(), "{:?}", leftovers(&out_dir));
}

#[test]
fn export_follows_no_link_already_in_the_output_folder() {
    let env = Env::new();
    env.write("in/ok/new.txt", doc("A", "The Security Council, one."));
    env.write("in/out.txt", doc("B", "The Security Council, two."));
    env.expect(&["import", p(&env.path("in"))], 0);
    let out_dir = env.path("out");
    let victim = env.path("victim");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("theirs.txt"), "theirs").unwrap();
    std::os::unix::fs::symlink(&victim, out_dir.join("ok")).unwrap();
    std::os::unix::fs::symlink(victim.join("theirs.txt"), out_dir.join("out.txt")).unwrap();
    env.expect(&["export", "--out", p(&out_dir)], 3);
    assert!(!victim.join("new.txt").exists());
    assert_eq!(
        std::fs::read_to_string(victim.join("theirs.txt")).unwrap(),
        "theirs"
    );
}

#[test]
fn a_report_into_a_fifo_leaves_the_fifo() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let fifo = env.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    env.expect(&["report", "tags", "--format", "csv", "--out", p(&fifo)], 0);
    let got = reader.join().unwrap();
    assert!(got.starts_with("tag,"), "{got}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn report_files_are_readable_by_others_as_the_umask_says() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let site = env.path("site");
    for _ in 0..2 {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 022; exec \"$0\" --db \"$1\" report --all --out \"$2\"")
            .arg(env!("CARGO_BIN_EXE_councildb"))
            .arg(env.db())
            .arg(&site)
            .status()
            .unwrap();
        assert!(status.success());
        use std::os::unix::fs::PermissionsExt;
        for page in ["index.html", "tags.html"] {
            let mode = std::fs::metadata(site.join(page))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o644, "{page}");
        }
    }
}

#[test]
fn control_characters_in_names_do_not_reach_the_terminal() {
    let env = Env::new();
    let zip = env.write(
        "in/a.zip",
        zip_of(&[("evil\u{1b}[2J.txt", b"no header here")]),
    );
    let out = env.expect(&["import", p(&zip)], 3);
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("evil\\u{1b}[2J.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn commands_on_a_mistyped_database_create_nothing() {
    let env = Env::new();
    let site = env.path("site");
    let mut cmd = env.command(&["report", "--all", "--out", p(&site)]);
    cmd.arg("--db").arg(env.path("typo.db"));
    assert_exit(&cmd.output().unwrap(), 1, &["report", "--all"]);
    assert!(!site.exists());
    let mut cmd = env.command(&["sql", "--write", "CREATE TABLE t (x)"]);
    cmd.arg("--db").arg(env.path("typo.db"));
    assert_exit(&cmd.output().unwrap(), 1, &["sql", "--write"]);
    assert!(!env.path("typo.db").exists());
}

#[test]
fn a_user_report_named_index_does_not_replace_the_index_page() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    env.write(
        "mine/index.sql",
        "-- name: index\n-- title: Index\n-- description: A report named index.\nSELECT 1 AS one\n",
    );
    let site = env.path("site");
    let out = env.expect(
        &[
            "report",
            "--all",
            "--out",
            p(&site),
            "--reports-dir",
            p(&env.path("mine")),
        ],
        3,
    );
    assert!(
        stderr(&out).contains("would overwrite the index page"),
        "{}",
        stderr(&out)
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("councildb reports"), "{index}");
}

#[test]
fn every_writer_waits_for_the_write_lock() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.path("test.db.lock"))
        .unwrap();
    for args in [
        vec!["sql", "--write", "DELETE FROM tags WHERE 0"],
        vec!["reparse"],
        vec!["init"],
    ] {
        lock.lock().unwrap();
        let mut child = env
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The writer says it waits, and waits while the lock is held: its first line is read
        // before the lock is freed, so no timing is assumed.
        let mut stderr_lines =
            std::io::BufRead::lines(std::io::BufReader::new(child.stderr.take().unwrap()));
        let first = stderr_lines.next().unwrap().unwrap();
        assert!(
            first.contains("waiting for it to finish"),
            "{args:?}: {first}"
        );
        lock.unlock().unwrap();
        let rest: Vec<String> = stderr_lines.map(|l| l.unwrap()).collect();
        let status = child.wait().unwrap();
        assert!(status.success(), "{args:?}: {rest:?}");
    }
}

#[test]
fn size_options_as_people_write_them() {
    let env = Env::new();
    let seed = seeds().join(SEED);
    // The largest number there is: no overflow, so no file is "over the limit" or empty.
    env.expect(
        &[
            "import",
            "--max-file-size",
            "18446744073709551615",
            p(&seed),
        ],
        0,
    );
    env.expect(&["import", "--max-doc-size", "1.5M", p(&seed)], 0);
    // A gzip that expands past the limit says the limit, not a made-up size.
    let bomb = env.write("bomb.txt.gz", gzip(&vec![b'x'; 64 * 1024]));
    let out = env.expect(&["import", "--max-file-size", "1K", p(&bomb)], 3);
    assert!(
        stderr(&out).contains("over the limit of 1.0 KiB"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("is 1.0 KiB"), "{}", stderr(&out));
}

#[test]
fn reparse_counts_documents_over_its_limit_as_such() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let out = env.expect(&["reparse", "--max-doc-size", "100"], 0);
    assert!(
        stderr(&out)
            .contains("1 over --max-doc-size and left as they were, 0 not in any stored file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn datasette_metadata_keeps_what_a_string_literal_holds() {
    let env = Env::new();
    env.write(
        "mine/dashes.sql",
        "-- name: dashes\n-- title: Dashes\n-- description: A literal with dashes.\nSELECT 'a\n-- b' AS a\n",
    );
    let out = env.expect(
        &["datasette-metadata", "--reports-dir", p(&env.path("mine"))],
        0,
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sql = metadata["databases"]["test"]["queries"]["dashes"]["sql"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sql, "SELECT 'a\n-- b' AS a");
}

#[test]
fn a_stray_windows_1252_byte_is_repaired_and_said() {
    let env = Env::new();
    let mut bytes = "%%%A|\n\nRésolution 1889 (2009) Le Conseil de sécurité, rappelant l"
        .as_bytes()
        .to_vec();
    bytes.push(0x92);
    bytes.extend_from_slice("Assemblée, 1. Décide de rester saisi.\n".as_bytes());
    let file = env.write("stray.txt", bytes);
    let out = env.expect(&["import", p(&file)], 0);
    assert!(
        stderr(&out).contains("warning: stray.txt: 1 byte is not UTF-8"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        env.query("SELECT language, doc_type, symbol, body LIKE '%l’Assemblée%' FROM statements"),
        [["fr", "resolution", "S/RES/1889 (2009)", "1"]]
    );
    let report = stdout(&env.expect(&["report", "imports", "--format", "csv"], 0));
    assert!(report.contains("repaired,stray.txt"), "{report}");
}

#[test]
fn files_of_one_name_in_different_places_are_all_exported() {
    let env = Env::new();
    env.write(
        "in/2009/doc.txt.gz",
        gzip(doc("A", "The Security Council, 2009.").as_bytes()),
    );
    env.write(
        "in/2010/doc.txt.gz",
        gzip(doc("B", "The Security Council, 2010.").as_bytes()),
    );
    env.write(
        "in/a.zip",
        zip_of(&[("doc.txt", doc("C", "The Security Council, a.").as_bytes())]),
    );
    env.write(
        "in/b.zip",
        zip_of(&[("doc.txt", doc("D", "The Security Council, b.").as_bytes())]),
    );
    env.expect(&["import", p(&env.path("in"))], 0);
    assert_eq!(
        env.scalar("SELECT group_concat(path, ' ') FROM (SELECT path FROM sources ORDER BY path)"),
        "2009/doc.txt 2010/doc.txt a.zip/doc.txt b.zip/doc.txt"
    );
    let out_dir = env.path("out");
    env.expect(&["export", "--out", p(&out_dir)], 0);
    for (place, tag) in [
        ("2009/doc.txt", "A"),
        ("2010/doc.txt", "B"),
        ("a.zip/doc.txt", "C"),
        ("b.zip/doc.txt", "D"),
    ] {
        let text = std::fs::read_to_string(out_dir.join(place)).unwrap();
        assert!(text.starts_with(&format!("%%%{tag}|")), "{place}: {text}");
    }
}

#[test]
fn an_output_extension_councildb_does_not_write_is_a_usage_error() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let out = env.expect(&["report", "tags", "--out", p(&env.path("t.xlsx"))], 2);
    assert!(
        stderr(&out).contains("does not write .xlsx"),
        "{}",
        stderr(&out)
    );
    assert!(!env.path("t.xlsx").exists());
    env.expect(
        &[
            "report",
            "tags",
            "--out",
            p(&env.path("t.xlsx")),
            "--format",
            "csv",
        ],
        0,
    );
    env.expect(&["report", "tags", "--out", p(&env.path("t.json"))], 0);
    assert!(std::fs::read_to_string(env.path("t.json"))
        .unwrap()
        .starts_with('['));
}

#[test]
fn a_broken_user_report_does_not_hide_the_others() {
    let env = Env::new();
    env.write("mine/broken.sql", "-- title: no name line\nSELECT 1;\n");
    env.write(
        "mine/tags.sql",
        "-- name: tags\n-- title: Mine\n-- description: My own tags report.\nSELECT 1 AS one\n",
    );
    let out = env.expect(&["report", "--reports-dir", p(&env.path("mine"))], 3);
    assert!(stdout(&out).contains("overview"), "{}", stdout(&out));
    assert!(stderr(&out).contains("broken.sql"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("takes the place of the built-in one"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn names_that_are_not_utf8_stay_apart_and_come_back_as_they_were() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let folder = env.path("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (byte, tag) in [(0xFFu8, "A"), (0xFE, "B")] {
        let name = std::ffi::OsStr::from_bytes(&[b'a', byte, b'.', b't', b'x', b't']).to_owned();
        std::fs::write(
            folder.join(name),
            doc(tag, "The Security Council, named oddly."),
        )
        .unwrap();
    }
    env.expect(&["import", p(&folder)], 0);
    assert_eq!(
        env.scalar("SELECT group_concat(path, ' ') FROM (SELECT path FROM sources ORDER BY path)"),
        "a%FE.txt a%FF.txt"
    );
    let out_dir = env.path("out");
    env.expect(&["export", "--out", p(&out_dir)], 0);
    let mut names: Vec<Vec<u8>> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().as_bytes().to_vec())
        .collect();
    names.sort();
    assert_eq!(names, [b"a\xFE.txt".to_vec(), b"a\xFF.txt".to_vec()]);
}

#[test]
fn a_file_that_is_no_database_is_named_and_nothing_is_left_beside_it() {
    let env = Env::new();
    let junk = env.write(
        "junk.db",
        b"this is not a database at all, just text".repeat(100),
    );
    let before = std::fs::read(&junk).unwrap();
    for args in [
        vec!["import", "-"],
        vec!["init"],
        vec!["reparse"],
        vec!["sql", "SELECT 1"],
        vec!["sql", "--write", "SELECT 1"],
    ] {
        let mut cmd = env.command(&args);
        cmd.arg("--db").arg(&junk);
        let out = cmd.output().unwrap();
        assert_exit(&out, 1, &args);
        let message = stderr(&out);
        assert!(
            message.contains("junk.db") && message.contains("not a database"),
            "{args:?}: {message}"
        );
        assert!(
            !env.path("junk.db.lock").exists(),
            "{args:?} left a lock file"
        );
    }
    assert_eq!(std::fs::read(&junk).unwrap(), before);
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let out = env.expect(&["sql", ""], 2);
    assert!(
        stderr(&out).contains("the query is empty"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_big_binary_file_in_the_folder_is_refused_without_being_read_or_kept() {
    let env = Env::new();
    let folder = env.path("mixed");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(seeds().join(SEED), folder.join("doc.txt")).unwrap();
    // Five megabytes of bytes that hold no header line: a video dropped in the folder.
    let junk: Vec<u8> = (0..5u32 << 20)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(folder.join("clip.mp4"), &junk).unwrap();
    let out = env.expect(&["import", p(&folder)], 3);
    assert!(
        stderr(&out).contains("clip.mp4") && stderr(&out).contains("not an archive of documents"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
    assert_eq!(
        env.scalar("SELECT count(*) FROM files WHERE size > 1000000"),
        "0"
    );
    assert_eq!(env.scalar("SELECT count(*) FROM file_chunks"), "0");
}
