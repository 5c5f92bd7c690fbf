//! Hostile and careless input: each case is a failure that was found by trying, and the test
//! that would have caught it. Nothing given is lost, and nothing is written outside the place
//! the user named.

use std::io::Write;
use std::process::Stdio;

use crate::archives::{doc, gzip};
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
        "a.txt b.txt"
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
