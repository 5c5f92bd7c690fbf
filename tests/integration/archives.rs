//! Archives in, nothing lost: every input form and encoding built inside the test, rejects
//! recorded with reasons, exports byte for byte, reparse, and re-imports that change nothing.

use crate::common::*;

use std::io::Write;

fn seed_bytes() -> Vec<u8> {
    std::fs::read(seeds().join(SEED)).unwrap()
}

pub(crate) fn doc(tag: &str, body: &str) -> String {
    format!("%%%{tag}|\n\n{body}\n\n")
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

fn tar_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, name, *data).unwrap();
    }
    builder.into_inner().unwrap()
}

pub(crate) fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

pub(crate) fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in members {
        if name.ends_with('/') {
            zip.add_directory(
                name.trim_end_matches('/'),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        } else {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

fn statements(env: &Env) -> String {
    env.scalar("SELECT count(*) FROM statements")
}

#[test]
fn every_input_form_in_one_command() {
    let env = Env::new();
    let en = doc("A", "Statement by the President of the Security Council At its 6178th meeting, on 5 August 2009: \"The Council recalls resolution 1325 (2000).\"");
    let fr = doc("B", "Déclaration du Président du Conseil de sécurité à sa 6285e séance, le 12 mars 2010 : « Le Conseil rappelle sa résolution 1820 (2008). »");
    let zh = "%%%C|\n\n安全 理事会 主席 的 声明 安全 理事会 主席 在 2010年 3月 12日 安全 理事会 第6286 次 会议 上 ： \" 安理会 重申 第1888 ( 2009 ) 号 决议 。 \"\n";
    let ru = doc("D", "Резолюция 1897 (2009) принятая Советом Безопасности на его 6226-м заседании 30 ноября 2009 года 1. вновь осуждает;");
    let ar = doc("E", "بيان من رئيس مجلس الأمن في الجلسة 6061 المعقودة في 8 كانون الثاني/يناير 2009: \"يشير المجلس إلى القرار 1850 (2008).\"");
    let es = doc("F", "Declaración de la Presidencia del Consejo de Seguridad en la 6066ª sesión, celebrada el 14 de enero de 2009: “El Consejo reafirma la resolución 1674 (2006).”");

    let tgz = env.write(
        "in/batch.tar.gz",
        gzip(&tar_of(&[
            ("docs/en.txt", en.as_bytes()),
            ("docs/sub/", b""),
            ("__MACOSX/docs/._en.txt", b"junk"),
        ])),
    );
    let tar = env.write("in/batch.tar", tar_of(&[("fr.txt", fr.as_bytes())]));
    let zip = env.write(
        "in/batch.zip",
        zip_of(&[
            ("zh/", b""),
            ("zh/gb18030.txt", &encoding_rs::GB18030.encode(zh).0),
            (".DS_Store", b"\0\0"),
        ]),
    );
    let gz = env.write("in/ru.txt.gz", gzip(&utf16le(&ru)));
    let be = env.write("in/ar.txt", utf16be(&ar.replace('\n', "\r\n")));
    let mut child = env
        .command(&["import", p(&tgz), p(&tar), p(&zip), p(&gz), p(&be), "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(es.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_exit(&out, 0, &["import", "..."]);
    assert!(stderr(&out).contains("4 skipped"), "{}", stderr(&out));

    assert_eq!(
        env.scalar(
            "SELECT group_concat(language) FROM (SELECT language FROM statements ORDER BY id)"
        ),
        "en,fr,zh,ru,ar,es"
    );
    assert_eq!(
        env.scalar(
            "SELECT group_concat(path, ' ') FROM (SELECT path FROM sources ORDER BY statement_id)"
        ),
        // An archive member's path starts with the archive's: doc.txt in a.zip and in b.zip
        // stay two files.
        "batch.tar.gz/docs/en.txt batch.tar/fr.txt batch.zip/zh/gb18030.txt ru.txt ar.txt -"
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements WHERE issued_on IS NULL OR meeting IS NULL"),
        "0"
    );
    assert_eq!(
        env.scalar(
            "SELECT group_concat(symbol) FROM (SELECT symbol FROM citations ORDER BY statement_id)"
        ),
        "S/RES/1325 (2000),S/RES/1820 (2008),S/RES/1888 (2009),S/RES/1850 (2008),S/RES/1674 (2006)"
    );
    assert_eq!(env.scalar("SELECT group_concat(archive, ' ') FROM (SELECT coalesce(archive, '') AS archive FROM file_paths ORDER BY file_id)").trim(), "batch.tar.gz batch.tar batch.zip ru.txt.gz");

    // The same archives again change nothing but the imports log.
    let before = env.query("SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM sources), (SELECT count(*) FROM clauses), (SELECT count(*) FROM citations), (SELECT count(*) FROM files), (SELECT count(*) FROM file_paths)");
    env.expect(&["import", p(&tgz), p(&tar), p(&zip), p(&gz), p(&be)], 0);
    let after = env.query("SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM sources), (SELECT count(*) FROM clauses), (SELECT count(*) FROM citations), (SELECT count(*) FROM files), (SELECT count(*) FROM file_paths)");
    assert_eq!(before, after);
    assert_eq!(env.scalar("SELECT count(*) FROM imports"), "2");
    env.assert_foreign_keys_hold();
}

#[test]
fn rejects_are_recorded_and_good_documents_committed() {
    let env = Env::new();
    let dir = env.path("mixed");
    env.write("mixed/01_good.txt", seed_bytes());
    env.write("mixed/02_empty.txt", b"");
    env.write("mixed/03_no_header.txt", "just a letter, no header\n");
    env.write(
        "mixed/04_header_no_body.txt",
        "%%%A|\n\n%%%B|\n\nStatement by the President of the Security Council.\n",
    );
    env.write("mixed/05_binary.txt", [0xFFu8, 0xFE, 0x00, 0xD8, 0x41]);
    // Too many bytes that are neither UTF-8 nor GB18030 to be a slip in a UTF-8 text.
    env.write(
        "mixed/06_undecodable.txt",
        [&b"%%%A|\n\nabc "[..], &[0xFF; 32], b"\n"].concat(),
    );
    env.write(
        "mixed/07_big.txt",
        format!("%%%A|\n\n{}\n", "word ".repeat(4000)),
    );
    let mut truncated = gzip(&tar_of(&[
        ("a.txt", doc("A", "First document.").as_bytes()),
        ("b.txt", &vec![b'x'; 200_000]),
    ]));
    truncated.truncate(truncated.len() / 2 + 60);
    env.write("mixed/08_truncated.tar.gz", truncated);
    let mut bad_zip = zip_of(&[("m.txt", doc("A", "Zip member.").as_bytes())]);
    bad_zip[40] ^= 0xFF;
    env.write("mixed/09_corrupt.zip", bad_zip);

    let out = env.expect(&["import", "--max-doc-size", "10K", p(&dir)], 3);
    let err = stderr(&out);
    for want in [
        "02_empty.txt",
        "03_no_header.txt",
        "04_header_no_body.txt (document 1)",
        "05_binary.txt",
        "06_undecodable.txt",
        "07_big.txt (document 1)",
        "08_truncated.tar.gz",
        "09_corrupt.zip",
    ] {
        assert!(err.contains(want), "summary lacks {want}:\n{err}");
    }
    let reasons =
        env.query("SELECT path, coalesce(doc_index, ''), reason FROM import_errors ORDER BY id");
    let reason_of = |path: &str| {
        reasons
            .iter()
            .find(|r| r[0].contains(path))
            .map(|r| r[2].clone())
            .unwrap_or_default()
    };
    assert!(reason_of("02_empty").contains("empty"));
    assert!(reason_of("03_no_header").contains("%%%"));
    assert!(reason_of("04_header").contains("no body"));
    assert!(reason_of("05_binary").contains("UTF-16"));
    assert!(reason_of("06_undecodable").contains("GB18030"));
    assert!(reason_of("07_big").contains("limit"));
    assert!(
        reason_of("08_truncated").contains("truncated")
            || reason_of("b.txt").contains("read failed"),
        "{reasons:?}"
    );
    // The good document, the second document of 04, and the first member of the broken tar are in.
    assert_eq!(statements(&env), "3", "{reasons:?}");
    assert_eq!(env.scalar("SELECT status FROM imports"), "partial");
    assert_eq!(
        env.scalar("SELECT rejected FROM imports"),
        reasons.len().to_string()
    );
    env.assert_foreign_keys_hold();
}

#[test]
fn export_gives_every_file_back_byte_for_byte() {
    let env = Env::new();
    let src = env.path("src");
    let two_docs = [
        seed_bytes(),
        doc("B", "Resolution 1889 (2009) 1. Decides.").into_bytes(),
    ]
    .concat();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a/two_documents.txt", two_docs),
        (
            "a/utf16.txt",
            utf16le(&doc(
                "C",
                "Statement by the President of the Security Council.",
            )),
        ),
        (
            "b/gb18030.txt",
            encoding_rs::GB18030
                .encode(&doc("D", "安全 理事会 主席 的 声明"))
                .0
                .into_owned(),
        ),
        ("b/same_as_seed_under_another_name.txt", seed_bytes()),
        (
            "crlf.txt",
            doc("E", "Crlf body.").replace('\n', "\r\n").into_bytes(),
        ),
    ];
    for (name, bytes) in &files {
        env.write(&format!("src/{name}"), bytes);
    }
    env.expect(&["import", p(&src)], 0);
    let out = env.path("exported");
    env.expect(&["export", "--out", p(&out)], 0);
    for (name, bytes) in &files {
        assert_eq!(&std::fs::read(out.join(name)).unwrap(), bytes, "{name}");
    }
    // A file imported under the same path with new contents: the newest comes back.
    env.write("src/crlf.txt", b"%%%E|\n\nNewer body.\n");
    env.expect(&["import", p(&src)], 0);
    env.expect(&["export", "--out", p(&out)], 0);
    assert_eq!(
        std::fs::read(out.join("crlf.txt")).unwrap(),
        b"%%%E|\n\nNewer body.\n"
    );
}

#[test]
fn reparse_rebuilds_derived_rows_and_keeps_ids() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    let snapshot = |env: &Env| {
        env.query(
            "SELECT s.id, s.sha256, s.symbol, s.title, s.issued_on,
                    (SELECT group_concat(position || ':' || coalesce(marker, '') || ':' || text, '\n') FROM clauses c WHERE c.statement_id = s.id),
                    (SELECT group_concat(symbol || '@' || coalesce(target_statement_id, ''), ',') FROM citations c WHERE c.statement_id = s.id)
             FROM statements s ORDER BY s.id",
        )
    };
    let before = snapshot(&env);
    // Damage what a parser derives, as an older parser might have left it.
    env.expect(
        &[
            "sql",
            "--write",
            "UPDATE statements SET title = 'wrong', symbol = NULL",
        ],
        0,
    );
    env.expect(
        &["sql", "--write", "DELETE FROM citations WHERE id % 2 = 0"],
        0,
    );
    env.expect(&["sql", "--write", "DELETE FROM clauses WHERE parent_id IS NOT NULL AND id NOT IN (SELECT clause_id FROM citations WHERE clause_id IS NOT NULL)"], 0);
    let out = env.expect(&["reparse"], 0);
    assert!(
        stderr(&out).contains("12 of 12 statements reparsed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&env), before);
    env.assert_foreign_keys_hold();
    // The full-text index follows the clauses.
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH '\"维持\"'"),
        env.scalar("SELECT count(*) FROM clauses WHERE text LIKE '%维持%'")
    );
    env.expect(
        &[
            "sql",
            "--write",
            "INSERT INTO clauses_fts (clauses_fts) VALUES ('integrity-check')",
        ],
        0,
    );
}

#[test]
fn full_text_index_stays_in_step_with_clauses() {
    let env = Env::new();
    env.expect(&["import", "--batch", "2", p(&seeds())], 0);
    env.expect(
        &[
            "sql",
            "--write",
            "INSERT INTO clauses_fts (clauses_fts) VALUES ('integrity-check')",
        ],
        0,
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_fts"),
        env.scalar("SELECT count(*) FROM clauses")
    );
    // The schema's triggers are back in place after the import, for people who edit by hand.
    assert_eq!(env.scalar("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)"), "clauses_fts_delete,clauses_fts_insert,clauses_fts_update,clauses_search_delete,clauses_search_update");
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_search"),
        env.scalar("SELECT count(*) FROM clauses")
    );
    env.expect(
        &[
            "sql",
            "--write",
            "UPDATE clauses SET text = 'zzyzx' WHERE id = 1",
        ],
        0,
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH 'zzyzx'"),
        "1"
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_search WHERE clauses_search MATCH 'zzyzx'"),
        "1"
    );
    for sql in [
        "DELETE FROM citations WHERE clause_id = 1",
        "UPDATE clauses SET parent_id = NULL WHERE parent_id = 1",
        "DELETE FROM clauses WHERE id = 1",
    ] {
        env.expect(&["sql", "--write", sql], 0);
    }
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_search WHERE clauses_search MATCH 'zzyzx'"),
        "0"
    );
}

#[test]
fn archives_on_stdin_are_recognized_by_their_first_bytes() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "zip",
            zip_of(&[
                ("z/one.txt", doc("A", "Zip from stdin.").as_bytes()),
                ("z/", b""),
            ]),
        ),
        (
            "tar.gz",
            gzip(&tar_of(&[(
                "t/one.txt",
                doc("A", "Tar from stdin.").as_bytes(),
            )])),
        ),
        (
            "tar",
            tar_of(&[("t/two.txt", doc("A", "Plain tar from stdin.").as_bytes())]),
        ),
        ("gz", gzip(doc("A", "Gzip from stdin.").as_bytes())),
    ];
    for (name, bytes) in cases {
        let env = Env::new();
        let mut child = env
            .command(&["import", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_exit(&out, 0, &["import", "-", name]);
        assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1", "{name}");
        let path = env.scalar("SELECT path FROM sources");
        let want = match name {
            "zip" => "-/z/one.txt",
            "tar.gz" => "-/t/one.txt",
            "tar" => "-/t/two.txt",
            _ => "-",
        };
        assert_eq!(path, want, "{name}");
    }
}
