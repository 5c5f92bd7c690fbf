//! Faults: an import killed with SIGKILL at several moments, readers during an import, and two
//! imports into one database at once. The database must stay sound and hold whole documents.

use crate::common::*;

use std::time::{Duration, Instant};

#[test]
fn kill_9_at_any_moment_leaves_whole_documents() {
    let env = Env::new();
    let corpus = env.path("corpus");
    let total = write_corpus(&corpus, 60, 25);
    // Time a full import once to know where "several moments" fall.
    let probe = Env::new();
    let started = Instant::now();
    probe.expect(&["import", "--batch", "40", p(&corpus)], 0);
    let full = started.elapsed();

    let mut seen_partial_import = false;
    for fraction in [0.05, 0.2, 0.4, 0.6, 0.8] {
        let args = ["import", "--batch", "40", p(&corpus)];
        let held = kill_after(&env, &args, full.mul_f64(fraction));
        seen_partial_import |= held > 0 && held < total;
    }
    assert!(
        seen_partial_import,
        "no kill landed in the middle of an import; the test proves nothing"
    );
    // Running the same import again completes it.
    env.expect(&["import", p(&corpus)], 0);
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements"),
        total.to_string()
    );
    assert_eq!(env.scalar(PARTIAL_STATEMENTS), "0");
    assert_eq!(
        env.scalar("SELECT count(*) FROM sources"),
        total.to_string()
    );
    env.expect(
        &[
            "sql",
            "--write",
            "INSERT INTO clauses_fts (clauses_fts) VALUES ('integrity-check')",
        ],
        0,
    );
    // Killed runs stay in the log as unfinished.
    assert!(
        env.scalar("SELECT count(*) FROM imports WHERE finished_at IS NULL")
            .parse::<i32>()
            .unwrap()
            >= 1
    );
}

#[test]
fn readers_are_never_locked_out() {
    let env = Env::new();
    let corpus = env.path("corpus");
    let total = write_corpus(&corpus, 40, 25);
    env.expect(&["init"], 0);
    let mut child = env
        .command(&["import", "--batch", "25", p(&corpus)])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let conn =
        rusqlite::Connection::open_with_flags(env.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    // No busy timeout: a reader that had to wait for the writer would fail at once.
    let mut last = 0i64;
    let mut reads = 0;
    let mut values = std::collections::BTreeSet::new();
    loop {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM statements", [], |r| r.get(0))
            .expect("a read during the import");
        let partial: i64 = conn
            .query_row(PARTIAL_STATEMENTS, [], |r| r.get(0))
            .expect("a read during the import");
        assert_eq!(partial, 0);
        assert!(n >= last, "counts went back from {last} to {n}");
        last = n;
        values.insert(n);
        reads += 1;
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        reads > 5 && values.len() > 2,
        "{reads} reads saw {values:?}: too few to prove anything"
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements"),
        total.to_string()
    );
}

#[test]
fn a_second_import_waits_for_the_first() {
    let env = Env::new();
    let first = env.path("first");
    let second = env.path("second");
    let n1 = write_corpus(&first, 30, 25);
    let seed = std::fs::read_to_string(seeds().join(SEED)).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    std::fs::write(
        second.join("other.txt"),
        seed.replace("第6178 次", "第999999 次"),
    )
    .unwrap();
    env.expect(&["init"], 0);
    let a = env
        .command(&["import", "--batch", "20", p(&first)])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let b = env.run(&["import", p(&second)]);
    let a = a.wait_with_output().unwrap();
    assert_exit(&a, 0, &["import", "first"]);
    assert_exit(&b, 0, &["import", "second"]);
    assert!(stderr(&b).contains("waiting"), "{}", stderr(&b));
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements"),
        (n1 + 1).to_string()
    );
    assert_eq!(env.scalar(PARTIAL_STATEMENTS), "0");
    // The second import's statements all come after the first's: no interleaving.
    assert_eq!(env.scalar("SELECT (SELECT max(id) FROM statements WHERE import_id = 1) < (SELECT min(id) FROM statements WHERE import_id = 2)"), "1");
}

/// A small filesystem of its own for the test; unmounted when dropped.
struct SmallFs(std::path::PathBuf);

impl SmallFs {
    fn mount(dir: &std::path::Path, size: &str) -> SmallFs {
        std::fs::create_dir_all(dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "tmpfs",
                p(dir),
            ])
            .status()
            .unwrap()
            .success();
        assert!(
            ok,
            "cannot mount a tmpfs at {} (this test needs root)",
            dir.display()
        );
        SmallFs(dir.to_path_buf())
    }

    fn remount_read_only(&self) {
        let ok = std::process::Command::new("mount")
            .args(["-o", "remount,ro", p(&self.0)])
            .status()
            .unwrap()
            .success();
        assert!(ok, "cannot remount {} read-only", self.0.display());
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

fn command_on(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_councildb"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

#[test]
#[ignore = "needs root to mount a small filesystem; run by .ci/run"]
fn a_full_disk_gives_a_clear_error_and_a_sound_database() {
    let env = Env::new();
    let corpus = env.path("corpus");
    write_corpus(&corpus, 20, 10);
    // Room for the empty schema (1.7 MB with 32 KiB pages, twice that while its log is
    // checkpointed) but not for the 7 MB the import needs.
    let fs = SmallFs::mount(&env.path("small"), "6m");
    let db = fs.0.join("full.db");
    let out = command_on(&db, &["import", "--batch", "20", p(&corpus)]);
    assert_exit(&out, 1, &["import"]);
    assert!(stderr(&out).contains("disk is full"), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(query(&conn, "PRAGMA integrity_check"), [["ok"]]);
    assert_eq!(query(&conn, PARTIAL_STATEMENTS), [["0"]]);
    // The disk filled in the middle of the import: the batches before it are kept.
    let held = query(&conn, "SELECT count(*) FROM statements");
    assert_ne!(held, [["0"]], "the disk was full before the import began");
    // The log tells what was committed, not what was rolled back (its status may stay
    // `running`: the full disk may refuse even that last word).
    let log = query(
        &conn,
        "SELECT status, new_statements, documents FROM imports",
    );
    assert!(
        ["failed", "running"].contains(&log[0][0].as_str()),
        "{log:?}"
    );
    assert_eq!(
        log[0][1..],
        [held[0][0].clone(), held[0][0].clone()],
        "{log:?}"
    );
}

#[test]
#[ignore = "needs root to mount a small filesystem; run by .ci/run"]
fn a_read_only_database_gives_a_clear_error() {
    let env = Env::new();
    // Room enough for the seeds and the log of every migration: the point here is read-only.
    let fs = SmallFs::mount(&env.path("ro"), "16m");
    let db = fs.0.join("ro.db");
    assert_exit(&command_on(&db, &["import", p(&seeds())]), 0, &["import"]);
    fs.remount_read_only();
    let out = command_on(&db, &["import", p(&seeds().join(SEED))]);
    assert_exit(&out, 1, &["import"]);
    assert!(
        stderr(&out).contains("Read-only file system"),
        "{}",
        stderr(&out)
    );
    // Reading still works, and the database is sound.
    let out = command_on(&db, &["sql", "--format", "csv", "PRAGMA integrity_check"]);
    assert_exit(&out, 0, &["sql"]);
    assert_eq!(stdout(&out), "integrity_check\nok\n");
}

#[test]
#[ignore = "needs root to mount a small filesystem; run by .ci/run"]
fn export_onto_a_full_disk_writes_what_fits_and_leaves_no_partial_file() {
    let env = Env::new();
    // Four files of 300 KB that do not compress away: 1 MB of room holds three at most.
    for k in 0..4u32 {
        let filler: String = (0..300_000u32)
            .map(|i| char::from(b'a' + ((i.wrapping_mul(2654435761) ^ k) % 26) as u8))
            .collect();
        env.write(
            &format!("in/{k}.txt"),
            format!("%%%A|\n\nThe Security Council, {k}. {filler}\n"),
        );
    }
    env.expect(&["import", p(&env.path("in"))], 0);
    let fs = SmallFs::mount(&env.path("small"), "1m");
    let out = env.expect(&["export", "--out", p(&fs.0)], 3);
    assert!(stderr(&out).contains("skipped"), "{}", stderr(&out));
    let written: Vec<(String, u64)> = std::fs::read_dir(&fs.0)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().len(),
            )
        })
        .collect();
    assert!(!written.is_empty(), "nothing fitted");
    for (name, len) in &written {
        assert!(
            !name.starts_with(".councildb-"),
            "a temporary file is left: {name}"
        );
        let whole = std::fs::metadata(env.path("in").join(name)).unwrap().len();
        assert_eq!(*len, whole, "{name} is partial");
    }
}
