//! The UN's own markup (AKN4UN XML and data_extract JSON): the committed sample of 375 official
//! documents (tests/fixtures/akn, source: United Nations, DGACM) imported by the binary and read
//! back with SQL, and the text parser scored against the markup of every sample document, with
//! thresholds under which the suite fails.

use std::collections::BTreeMap;
use std::path::Path;

use councildb::eval::{set_of, LinkBook, Scores};

use crate::common::*;

/// Unpacks the sample into `dir`; gives the paths of its files, relative to `dir`.
fn unpack_sample(dir: &Path) -> Vec<String> {
    let packed = std::fs::read(repo().join("tests/fixtures/akn/sample.tar.zst")).unwrap();
    let tar = zstd::decode_all(&packed[..]).unwrap();
    std::fs::create_dir_all(dir).unwrap();
    let mut archive = tar::Archive::new(&tar[..]);
    let mut names = Vec::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().to_string();
        entry.unpack_in(dir).unwrap();
        names.push(name);
    }
    names
}

fn xml_files(names: &[String]) -> Vec<&String> {
    names.iter().filter(|n| n.ends_with(".xml")).collect()
}

#[test]
fn the_text_parser_holds_its_scores_on_the_sample_of_official_documents() {
    let env = Env::new();
    let names = unpack_sample(env.dir.path());
    let texts: Vec<(&String, String)> = xml_files(&names)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(env.path(name)).unwrap();
            let (text, _, _) = councildb::parse::decode::decode(&bytes).unwrap();
            (name, text.into_owned())
        })
        .collect();
    // A mention one language version's markup left unlinked counts where another links it.
    let reads: Vec<(&String, councildb::parse::akn::Read)> = texts
        .iter()
        .map(|(name, text)| {
            let read = councildb::parse::akn::read(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (*name, read)
        })
        .collect();
    let mut book = LinkBook::default();
    for (_, read) in &reads {
        book.add(read);
    }
    let mut by: BTreeMap<(&str, String), Scores> = BTreeMap::new();
    for (name, read) in &reads {
        let language = read.markup.language.unwrap_or("??").to_string();
        by.entry((set_of(name), language))
            .or_default()
            .add_read(read, book.of(read));
    }
    // (set, field, least share): a little under what this version reaches on the sample, so
    // that a regression fails; docs/extraction.md has the figures on the whole snapshot.
    let thresholds: [(&str, &str, f64); 14] = [
        ("2020-2024", "doc_type", 0.99),
        ("2020-2024", "symbol", 0.97),
        ("2020-2024", "date", 0.99),
        ("2020-2024", "meeting", 0.99),
        ("2020-2024", "paragraphs", 0.97),
        ("2020-2024", "sub-items", 0.45),
        ("2020-2024", "S/RES F1", 0.99),
        ("2020-2024", "all kinds F1", 0.985),
        ("Pre-2020", "date", 0.99),
        ("Pre-2020", "meeting", 0.99),
        ("Pre-2020", "paragraphs", 0.97),
        ("PRST", "date", 0.9),
        ("PRST", "meeting", 0.99),
        ("PRST", "paragraphs", 0.85),
    ];
    let mut failed = Vec::new();
    for ((set, language), s) in &by {
        println!(
            "{set} {language}: {} documents; doc_type {:?} symbol {:?} date {:?} meeting {:?} paragraphs {:?} sub-items {:?} S/RES F1 {:?} (regex {:?}) all kinds F1 {:?}",
            s.documents,
            s.doc_type.share(),
            s.symbol.share(),
            s.date.share(),
            s.meeting.share(),
            s.paragraphs.share(),
            s.sub_items.share(),
            s.citations.get("resolution").and_then(|m| m.f1()),
            s.baseline_resolutions.f1(),
            s.all_citations.f1(),
        );
        assert_eq!(s.unreadable, 0, "{set} {language}: unreadable files");
        for (tset, field, least) in thresholds {
            if tset != *set {
                continue;
            }
            let got = match field {
                "doc_type" => s.doc_type.share(),
                "symbol" => s.symbol.share(),
                "date" => s.date.share(),
                "meeting" => s.meeting.share(),
                "paragraphs" => s.paragraphs.share(),
                "sub-items" => s.sub_items.share(),
                "S/RES F1" => s.citations.get("resolution").and_then(|m| m.f1()),
                "all kinds F1" => s.all_citations.f1(),
                _ => unreachable!(),
            };
            if let Some(got) = got.filter(|&g| g < least) {
                failed.push(format!("{set} {language} {field}: {got:.3} < {least}"));
            }
        }
    }
    assert_eq!(
        by.len(),
        14,
        "sets and languages of the sample: {:?}",
        by.keys()
    );
    assert!(failed.is_empty(), "under threshold: {failed:#?}");
}

#[test]
fn official_files_import_with_their_record_and_export_as_they_came() {
    let env = Env::new();
    let names = unpack_sample(&env.path("un"));
    let xml = xml_files(&names).len();
    let out = env.expect(&["import", "un"], 0);
    let err = stderr(&out);
    assert!(err.contains(", 0 rejected,"), "{err}");

    // Every XML file is one statement, found at its path.
    assert_eq!(env.scalar("SELECT count(*) FROM sources"), xml.to_string());
    assert_eq!(env.scalar("SELECT count(*) FROM import_errors"), "0");

    // As the markup of 2023/Russian/S_RES_2676_R.xml gives it.
    let row = env.query(
        "SELECT s.symbol, s.doc_type, s.language, s.issued_on, s.meeting FROM statements s
         JOIN sources so ON so.statement_id = s.id WHERE so.path = '2023/Russian/S_RES_2676_R.xml'",
    );
    assert_eq!(
        row,
        [[
            "S/RES/2676 (2023)",
            "resolution",
            "ru",
            "2023-03-08",
            "9278"
        ]]
    );
    let record = env.query(
        "SELECT r.draft_symbol, r.record_symbol, r.in_favour, r.abstaining, r.outcome FROM decision_records r
         JOIN sources so ON so.statement_id = r.statement_id WHERE so.path = '2023/Russian/S_RES_2676_R.xml'",
    );
    assert_eq!(record, [["S/2023/179", "S/PV.9278", "13", "2", "adopted"]]);
    assert_eq!(
        env.query(
            "SELECT member_state FROM member_votes WHERE symbol = 'S/RES/2676 (2023)' AND vote = 'abstaining' ORDER BY 1"
        ),
        [["CHINA"], ["RUSSIAN FEDERATION"]]
    );
    // A draft vetoed: its own symbol, not adopted, the veto's vote.
    assert_eq!(
        env.query(
            "SELECT outcome, against, (SELECT group_concat(member_state) FROM member_votes v
                                       WHERE v.symbol = d.symbol AND v.vote = 'against')
             FROM decisions d WHERE symbol = 'S/2023/506'"
        ),
        [["not_adopted", "1", "RUSSIAN FEDERATION"]]
    );
    // The data_extract file: one record per line, beside the XML's.
    assert_eq!(
        env.scalar("SELECT count(*) FROM decision_records WHERE origin = 'data_extract'"),
        "50"
    );
    // The view shows the data_extract record; the XML's, as the XML spells the sponsor, stays.
    assert_eq!(
        env.scalar("SELECT origin || ' ' || sponsor FROM decisions JOIN sponsors USING (symbol) WHERE symbol = 'S/RES/2676 (2023)'"),
        "data_extract UNITED STATES"
    );
    assert_eq!(
        env.scalar(
            "SELECT DISTINCT s.name FROM decision_sponsors s JOIN decision_records r ON r.id = s.record_id
             WHERE r.symbol = 'S/RES/2676 (2023)' AND r.origin = 'akn'"
        ),
        "UNITED STATES OF AMERICA"
    );
    // Linked citations stand in their clauses; the text parser adds what no link marks.
    assert_eq!(
        env.scalar("SELECT count(*) FROM citations WHERE origin = 'link' AND clause_id IS NULL"),
        "0"
    );
    let linked: i64 = env
        .scalar("SELECT count(*) FROM citations WHERE origin = 'link'")
        .parse()
        .unwrap();
    assert!(linked > 5000, "{linked} linked citations");
    // The catalogue's subject terms are the tags.
    assert_eq!(
        env.scalar(
            "SELECT group_concat(t.name, '|') FROM statement_tags st JOIN tags t ON t.id = st.tag_id
             JOIN sources so ON so.statement_id = st.statement_id
             WHERE so.path = '2023/Russian/S_RES_2676_R.xml'"
        ),
        env.scalar(
            "SELECT group_concat(t.name, '|') FROM statement_tags st JOIN tags t ON t.id = st.tag_id
             JOIN sources so ON so.statement_id = st.statement_id
             WHERE so.path = '2023/English/S_RES_2676_E.xml'"
        ),
    );
    // A file of the 2000s with stray end tags is read, and the repair is said.
    assert!(
        env.scalar("SELECT count(*) FROM import_warnings WHERE path LIKE 'PRST/%' AND warning LIKE '%not well-formed%'")
            .parse::<i64>()
            .unwrap()
            > 0
    );
    env.assert_foreign_keys_hold();

    // The reports over the votes agree with plain SQL over the tables.
    let out = env.expect(&["report", "votes-by-year", "--format", "csv"], 0);
    let year_2023 = stdout(&out)
        .lines()
        .find(|l| l.starts_with("2023,"))
        .map(str::to_string)
        .unwrap();
    let decisions_2023 = env.scalar(
        "SELECT count(DISTINCT symbol) FROM decision_records
         WHERE adopted_on LIKE '2023-%' AND in_favour IS NOT NULL",
    );
    assert!(
        year_2023.starts_with(&format!("2023,{decisions_2023},")),
        "{year_2023}"
    );
    let out = env.expect(&["report", "member-votes", "--format", "csv"], 0);
    let china = stdout(&out)
        .lines()
        .find(|l| l.starts_with("CHINA,"))
        .map(str::to_string)
        .unwrap();
    let abstained = env.scalar(
        "SELECT count(DISTINCT r.symbol) FROM decision_records r JOIN decision_votes v ON v.record_id = r.id
         WHERE v.member_state = 'CHINA' AND v.vote = 'abstaining'",
    );
    assert_eq!(china.split(',').nth(4), Some(abstained.as_str()), "{china}");
    let out = env.expect(
        &[
            "report",
            "decision",
            "--param",
            "symbol=s/2023/506",
            "--format",
            "tsv",
        ],
        0,
    );
    assert!(
        stdout(&out).contains("\tagainst\tRUSSIAN FEDERATION\n"),
        "{}",
        stdout(&out)
    );

    // Byte for byte back, and a reparse of what this version imported changes nothing.
    env.expect(&["export", "--out", "back"], 0);
    for name in &names {
        let (a, b) = (env.path("un").join(name), env.path("back").join(name));
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{name}"
        );
    }
    let before = env.query("SELECT count(*), sum(in_favour) FROM decision_records");
    let out = env.expect(&["reparse"], 0);
    assert!(
        stderr(&out).contains("(0 with changed metadata"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        env.query("SELECT count(*), sum(in_favour) FROM decision_records"),
        before
    );
    // The same files again: nothing new, no record twice.
    env.expect(&["import", "un"], 0);
    assert_eq!(
        env.query("SELECT count(*), sum(in_favour) FROM decision_records"),
        before
    );
}

#[test]
fn xml_that_is_no_official_document_is_refused_with_its_reason() {
    let env = Env::new();
    env.write(
        "cut.xml",
        "<akomaNtoso><statement name=\"resolution\"><preamble><p>The Security",
    );
    env.write(
        "page.xml",
        "<html><body><p>The Security Council,</p></body></html>",
    );
    env.write(
        "broken.xml",
        "<akomaNtoso><statement a=\"1\" a=2></statement></akomaNtoso>",
    );
    env.write(
        "empty-doc.xml",
        "<akomaNtoso><statement name=\"resolution\"/></akomaNtoso>",
    );
    // An entity bomb: entities past XML's own are never expanded.
    let mut bomb = String::from("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for k in 1..10 {
        bomb.push_str(&format!(
            "<!ENTITY lol{k} \"{}\">",
            format!("&lol{};", k - 1).repeat(10)
        ));
    }
    bomb.push_str("]><akomaNtoso><statement name=\"resolution\"><preamble><p>&lol9;</p></preamble></statement></akomaNtoso>");
    env.write("bomb.xml", bomb);
    env.write(
        "good.txt",
        "%%%PEACE|\n\nThe Security Council, 1. Decides to remain seized.\n",
    );
    let out = env.expect(&["import", "."], 3);
    let err = stderr(&out);
    let reasons: BTreeMap<String, String> = env
        .query("SELECT path, reason FROM import_errors")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert!(reasons["cut.xml"].contains("cut short"), "{reasons:?}");
    assert!(
        reasons["page.xml"].contains("not Akoma Ntoso"),
        "{reasons:?}"
    );
    assert!(
        reasons["broken.xml"].contains("not well-formed"),
        "{reasons:?}"
    );
    assert!(
        reasons["empty-doc.xml"].contains("no document body"),
        "{reasons:?}"
    );
    assert!(err.contains("cut.xml"), "{err}");
    // The bomb is read as the text it holds, unexpanded, and the good file is kept.
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "2");
    let longest: i64 = env
        .scalar("SELECT max(length(body)) FROM statements")
        .parse()
        .unwrap();
    assert!(longest < 1000, "{longest}");
}

#[test]
#[ignore = "runs python3 (on every machine of this kind); run by .ci/run"]
fn the_import_agrees_with_an_independent_reading_of_the_xml() {
    // scripts/akn_check.py reads the sample's XML with ElementTree, code of its own, and fails
    // when the database disagrees on language, votes, drafts, records or dates.
    let env = Env::new();
    unpack_sample(&env.path("un"));
    env.expect(&["import", "un"], 0);
    let out = std::process::Command::new("python3")
        .arg(repo().join("scripts/akn_check.py"))
        .arg(env.db())
        .arg(env.path("un"))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hostile_markup_is_refused_alone_and_archives_that_look_like_it_are_read() {
    let env = Env::new();
    let names = unpack_sample(&env.path("un"));
    let one = names
        .iter()
        .find(|n| n.ends_with("S_RES_2676_E.xml"))
        .unwrap();
    let xml = std::fs::read_to_string(env.path("un").join(one)).unwrap();
    // Nested far deeper than any document: refused, and the import goes on.
    let deep = xml.replacen(
        "<preamble>",
        &format!(
            "<preamble>{}x{}",
            "<span>".repeat(10_000),
            "</span>".repeat(10_000)
        ),
        1,
    );
    env.write("in/deep.xml", deep);
    // Two documents joined end to end: refused, not half read.
    env.write("in/two.xml", format!("{xml}\n{xml}"));
    // An archive whose first line is markup: an archive still.
    env.write(
        "in/archive.txt",
        "<!-- exported by a tool -->\n%%%PEACE|\n\nThe Security Council, 1. Decides to remain seized.\n",
    );
    // JSON of another program: refused with what it is.
    env.write(
        "in/package.json",
        "{\"name\": \"x\", \"version\": \"1.0.0\"}\n",
    );
    let out = env.expect(&["import", "in"], 3);
    let reasons: BTreeMap<String, String> = env
        .query("SELECT path, reason FROM import_errors")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert!(
        reasons["deep.xml"].contains("nested more than"),
        "{reasons:?}"
    );
    assert!(
        reasons["two.xml"].contains("two XML documents joined"),
        "{reasons:?}"
    );
    assert!(
        reasons["package.json"].contains("not a data_extract file"),
        "{reasons:?}"
    );
    // The archive's comment line is text before its first header, and only that is refused.
    assert!(
        reasons["archive.txt"].contains("before the first %%% header"),
        "{reasons:?}"
    );
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements"),
        "1",
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_corrected_data_extract_file_replaces_what_the_old_one_gave() {
    let env = Env::new();
    let names = unpack_sample(&env.path("un"));
    let json = names.iter().find(|n| n.ends_with("2023.json")).unwrap();
    let text = std::fs::read_to_string(env.path("un").join(json)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    env.write("de/2023.json", &text);
    env.expect(&["import", "de"], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM decision_records"), "50");
    // The first line's vote corrected, the last line gone, an empty record first.
    let first = lines[0].replace(
        "\"MS_abstaining_count\": \"0\"",
        "\"MS_abstaining_count\": \"2\"",
    );
    let corrected = format!("{{}}\n{first}\n{}\n", lines[1..lines.len() - 1].join("\n"));
    env.write("de/2023.json", corrected);
    env.expect(&["import", "de"], 3);
    assert_eq!(env.scalar("SELECT count(*) FROM decision_records"), "49");
    assert_eq!(
        env.scalar("SELECT abstaining FROM decisions WHERE symbol = 'S/RES/2672 (2023)'"),
        "2"
    );
    env.expect(&["reparse"], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM decision_records"), "49");
}
