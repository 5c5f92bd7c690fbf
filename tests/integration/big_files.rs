//! Big files: one file, a `.gz` of it or a pipe, cut at header lines into pieces (1 MiB), in
//! bounded memory, numbered and stored so that nothing differs from a folder of small files:
//! every document, its place in the file, the bytes given back by `export`, and `reparse`.
//! A `kill -9` in the middle of a big file leaves whole documents, and the same import run
//! again completes it.

use std::io::Write;
use std::time::Instant;

use crate::archives::gzip;
use crate::common::*;

/// One file of `docs` copies of the seed (each with its own meeting number): about 5.6 KB a
/// document, so 2,000 documents make eleven pieces.
fn one_big_file(env: &Env, name: &str, docs: usize) -> (std::path::PathBuf, Vec<u8>) {
    let folder = env.path(&format!("{name}-parts"));
    write_corpus(&folder, 1, docs);
    let bytes = std::fs::read(folder.join("00000.txt")).unwrap();
    let path = env.write(name, &bytes);
    (path, bytes)
}

fn assert_every_document_in_place(env: &Env, path: &str, docs: usize) {
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements"),
        docs.to_string()
    );
    assert_eq!(env.scalar(PARTIAL_STATEMENTS), "0");
    // Numbered across the pieces: 1 to docs, each once, all under the file's one path.
    assert_eq!(
        env.query(&format!(
            "SELECT count(DISTINCT doc_index), min(doc_index), max(doc_index) FROM sources WHERE path = '{path}'"
        )),
        vec![vec![docs.to_string(), "1".to_string(), docs.to_string()]]
    );
}

fn exported(env: &Env, path: &str) -> Vec<u8> {
    let out = env.path("out");
    let _ = std::fs::remove_dir_all(&out);
    env.expect(&["export", "--out", p(&out)], 0);
    std::fs::read(out.join(path)).unwrap()
}

#[test]
fn a_big_file_imports_in_pieces_and_comes_back_byte_for_byte() {
    let env = Env::new();
    let (path, bytes) = one_big_file(&env, "all.txt", 2000);
    assert!(
        bytes.len() > 8 << 20,
        "{} bytes: not three pieces",
        bytes.len()
    );
    env.expect(&["import", p(&path)], 0);
    assert_every_document_in_place(&env, "all.txt", 2000);
    assert_eq!(env.scalar("SELECT count(*) FROM files"), "1");
    assert!(
        env.scalar("SELECT count(*) FROM file_chunks")
            .parse::<u32>()
            .unwrap()
            >= 3
    );
    assert_eq!(
        env.scalar("SELECT size FROM files"),
        bytes.len().to_string()
    );
    assert_eq!(exported(&env, "all.txt"), bytes);
    // The same file again is the same file: no second copy, no new statement.
    env.expect(&["import", p(&path)], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM files"), "1");
    assert_eq!(
        env.scalar("SELECT count(*) FROM file_chunks WHERE file_id NOT IN (SELECT id FROM files)"),
        "0"
    );
    // reparse reads the pieces again, one at a time.
    let out = env.expect(&["reparse"], 0);
    assert!(stderr(&out).contains("2000 statements"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 not in any stored file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_big_gz_and_a_big_pipe_import_like_the_file() {
    let env = Env::new();
    let (_, bytes) = one_big_file(&env, "all.txt", 1500);
    let gz = env.write("dump.txt.gz", gzip(&bytes));
    env.expect(&["import", p(&gz)], 0);
    assert_every_document_in_place(&env, "dump.txt", 1500);
    assert_eq!(exported(&env, "dump.txt"), bytes);

    let piped = Env::new();
    let mut child = piped
        .command(&["import", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    assert!(child.wait().unwrap().success());
    assert_every_document_in_place(&piped, "-", 1500);
}

#[test]
fn big_files_in_utf16_and_gb18030_are_cut_between_characters() {
    let env = Env::new();
    let (_, bytes) = one_big_file(&env, "all.txt", 1200);
    let text = String::from_utf8(bytes).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let utf16_path = env.write("u16.txt", &utf16);
    let gb_path = env.write("gb.txt", &gb);
    env.expect(&["import", p(&utf16_path), p(&gb_path)], 0);
    // The same documents in two encodings are the same statements, each seen in both files.
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1200");
    for path in ["u16.txt", "gb.txt"] {
        assert_eq!(
            env.scalar(&format!(
                "SELECT count(DISTINCT doc_index) FROM sources WHERE path = '{path}'"
            )),
            "1200"
        );
    }
    assert_eq!(exported(&env, "u16.txt"), utf16);
    assert_eq!(exported(&env, "gb.txt"), gb.into_owned());
    let out = env.expect(&["reparse"], 0);
    assert!(
        stderr(&out).contains("0 not in any stored file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn kill_9_in_the_middle_of_a_big_file_leaves_whole_documents() {
    let env = Env::new();
    let (path, bytes) = one_big_file(&env, "all.txt", 6000);
    let args = ["import", "--batch", "100", p(&path)];
    let probe = Env::new();
    let started = Instant::now();
    probe.expect(&args, 0);
    let full = started.elapsed();

    let mut seen_partial = false;
    for fraction in [0.3, 0.6] {
        let held = kill_after(&env, &args, full.mul_f64(fraction));
        seen_partial |= held > 0 && held < 6000;
    }
    assert!(
        seen_partial,
        "no kill landed in the middle of the file; the test proves nothing"
    );
    env.expect(&args, 0);
    assert_every_document_in_place(&env, "all.txt", 6000);
    // What the killed runs left of the file's pieces is gone; the file is stored once, whole.
    assert_eq!(
        env.scalar("SELECT count(*) FROM files WHERE sha256 LIKE 'partial %'"),
        "0"
    );
    assert_eq!(env.scalar("SELECT count(*) FROM files"), "1");
    assert_eq!(exported(&env, "all.txt"), bytes);
    assert_eq!(env.scalar("SELECT count(*) FROM documents"), "6000");
}

#[test]
fn a_big_gz_cut_short_keeps_the_documents_read_and_no_partial_bytes() {
    // A download that broke off: the gzip stream ends in the middle of the file.
    let env = Env::new();
    let (_, bytes) = one_big_file(&env, "all.txt", 1500);
    let gz = gzip(&bytes);
    let cut = env.write("dump.txt.gz", &gz[..gz.len() * 6 / 10]);
    let out = env.expect(&["import", "--json", p(&cut)], 3);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["files"], 1, "{summary}");
    assert_eq!(summary["rejected"], 1, "{summary}");
    assert!(
        summary["rejections"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("read failed"),
        "{summary}"
    );
    // The whole documents of the pieces read before the break are kept, numbered in place.
    let held: usize = env
        .scalar("SELECT count(*) FROM statements")
        .parse()
        .unwrap();
    assert!(held > 100 && held < 1500, "{held}");
    assert_eq!(env.scalar(PARTIAL_STATEMENTS), "0");
    assert_eq!(
        env.scalar("SELECT max(doc_index) FROM sources"),
        held.to_string()
    );
    // Its bytes cannot be given back whole, so none are kept.
    assert_eq!(env.scalar("SELECT count(*) FROM files"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM file_chunks"), "0");
}

/// Each write transaction leaves one full-text segment per index. Schema version 12 merges
/// them 64 at a time: FTS5's own default merged every 16, so that a big import rewrote what it
/// had just indexed, again and again, and its time per document grew with the database. Forty
/// transactions stay forty segments, and both indexes still answer for every document.
#[test]
fn full_text_segments_are_merged_64_at_a_time() {
    let env = Env::new();
    let folder = env.path("corpus");
    let docs = write_corpus(&folder, 40, 1);
    env.expect(&["import", "--batch", "1", p(&folder)], 0);
    for index in ["clauses_fts", "clauses_search"] {
        assert_eq!(
            env.scalar(&format!("SELECT count(DISTINCT segid) FROM {index}_idx")),
            docs.to_string(),
            "{index}"
        );
        env.sql_write(&format!(
            "INSERT INTO {index} ({index}) VALUES ('integrity-check')"
        ));
    }
    // Every document has 安全 理事会 in its clauses: each one is found, through every segment.
    let found = |index: &str, query: &str| {
        env.scalar(&format!(
            "SELECT count(DISTINCT c.statement_id) FROM {index} f JOIN clauses c ON c.id = f.rowid
             WHERE {index} MATCH '{query}'"
        ))
    };
    assert_eq!(found("clauses_fts", "\"安全 理事会\""), docs.to_string());
    assert_eq!(
        found("clauses_search", "\"安 全 理 事 会\""),
        docs.to_string()
    );
}

/// Part of what a transaction costs does not shrink with its documents, so small documents go
/// on sharing one past 2,000, to 8 MiB of text (up to 32,000); `--batch N` makes it N exactly.
/// A write transaction leaves one full-text segment per index, which tells them apart.
#[test]
fn small_documents_share_a_transaction_unless_the_batch_is_given() {
    let text: String = (1..=5000)
        .map(|k| format!("%%%T|\n\nThe Council {k}.\n\n"))
        .collect();
    for (args, segments) in [(&[][..], "1"), (&["--batch", "2000"][..], "3")] {
        let env = Env::new();
        let path = env.write("tiny.txt", &text);
        let mut import = vec!["import"];
        import.extend_from_slice(args);
        import.push(p(&path));
        env.expect(&import, 0);
        assert_eq!(env.scalar("SELECT count(*) FROM statements"), "5000");
        assert_eq!(
            env.scalar("SELECT count(DISTINCT segid) FROM clauses_search_idx"),
            segments,
            "{args:?}"
        );
    }
}

/// A small file of many tiny documents is cut by count (256 a piece), in every encoding: in
/// UTF-16 between its characters. Each comes back numbered in place and exported as it came.
#[test]
fn many_tiny_documents_are_cut_by_count_in_every_encoding() {
    let text: String = (1..=800)
        .map(|k| format!("%%%T|\n\n安全理事会 {k}.\n\n"))
        .collect();
    let mut utf16_le = vec![0xFF, 0xFE];
    let mut utf16_be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        utf16_le.extend_from_slice(&unit.to_le_bytes());
        utf16_be.extend_from_slice(&unit.to_be_bytes());
    }
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    for (name, bytes) in [
        ("utf8.txt", text.as_bytes().to_vec()),
        ("le.txt", utf16_le),
        ("be.txt", utf16_be),
        ("gb.txt", gb.into_owned()),
    ] {
        let env = Env::new();
        let path = env.write(name, &bytes);
        env.expect(&["import", p(&path)], 0);
        assert_eq!(
            env.query(
                "SELECT count(DISTINCT doc_index), min(doc_index), max(doc_index) FROM sources"
            ),
            vec![vec!["800".to_string(), "1".to_string(), "800".to_string()]],
            "{name}"
        );
        assert_eq!(
            env.scalar("SELECT count(*) FROM file_chunks"),
            "4",
            "{name}"
        );
        assert_eq!(exported(&env, name), bytes, "{name}");
    }
}
