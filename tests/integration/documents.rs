//! Documents: language versions of one decision grouped into one `documents` row, and the
//! reports that count documents, on real texts of resolution 425 (1978) in three languages
//! and on the seeds.

use crate::common::*;

fn real(name: &str) -> String {
    repo()
        .join("tests/fixtures/real")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn report_csv(env: &Env, args: &[&str]) -> Vec<Vec<String>> {
    let mut full = vec!["report"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--format", "csv"]);
    let out = env.expect(&full, 0);
    csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Resolution 425 (1978) as Wikisource (en), RFI (fr) and a Lebanese site (ar) give it. The
/// French text gives no date of its own that councildb reads (it closes with "(19 mars
/// 1978)" after the vote) and the Arabic no meeting: the document takes them from the others.
fn resolution_425_in_three_languages() -> Env {
    let env = Env::new();
    let files = [
        real("en_1978_res0425.txt"),
        real("fr_1978_res0425.txt"),
        real("ar_1978_res0425.txt"),
    ];
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    env.expect(&args, 0);
    env
}

#[test]
fn one_document_in_three_languages_is_one_document() {
    let env = resolution_425_in_three_languages();
    assert_eq!(
        env.query("SELECT symbol, doc_type, issued_on, meeting FROM documents"),
        vec![vec!["S/RES/425 (1978)", "resolution", "1978-03-19", "2074"]]
    );
    assert_eq!(
        env.scalar("SELECT group_concat(language, ' ') FROM (SELECT language FROM statements WHERE document_id = (SELECT id FROM documents) ORDER BY language)"),
        "ar en fr"
    );

    // Counts: one document, three versions.
    let timeline = report_csv(&env, &["timeline"]);
    assert_eq!(timeline, vec![vec!["1978", "0", "1", "0", "1", "3"]]);
    let overview = report_csv(&env, &["overview"]);
    let value = |section: &str, item: &str| {
        overview
            .iter()
            .find(|r| r[0] == section && r[1] == item)
            .map(|r| r[2].clone())
            .unwrap_or_default()
    };
    assert_eq!(value("documents", "documents"), "1");
    assert_eq!(value("documents by languages held", "3 languages"), "1");
    assert_eq!(value("statements", "total"), "3");
    let tags = report_csv(&env, &["tags"]);
    assert!(
        tags.iter().all(|r| r[1] == "1" && r[2] == "3"),
        "every tag: 1 document, 3 statements: {tags:?}"
    );
    let trend = report_csv(&env, &["tag-trend"]);
    assert!(trend.iter().all(|r| r[2] == "1"), "{trend:?}");

    let translations = report_csv(&env, &["translations"]);
    assert_eq!(translations.len(), 1);
    assert_eq!(&translations[0][5..], ["ar en fr", "3", "es ru zh"]);

    // The statement report: the version asked for, every version held, by symbol as typed.
    let french = report_csv(
        &env,
        &[
            "statement",
            "--param",
            "symbol=s/res/425(1978)",
            "--param",
            "language=fr",
        ],
    );
    let field = |rows: &[Vec<String>], label: &str| {
        rows.iter()
            .find(|r| r[0] == "statement" && r[2] == label)
            .map(|r| r[3].clone())
            .unwrap()
    };
    assert_eq!(field(&french, "language"), "fr");
    let versions: Vec<&str> = french
        .iter()
        .filter(|r| r[0] == "version")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(versions, ["ar", "en", "fr"]);
    assert!(french
        .iter()
        .any(|r| r[0] == "version" && r[2] == "fr" && r[3].contains("(shown)")));
    let arabic = report_csv(
        &env,
        &[
            "statement",
            "--param",
            "symbol=S/RES/425 (1978)",
            "--param",
            "language=ar",
        ],
    );
    assert_eq!(field(&arabic, "language"), "ar");
    // No version in a language not held.
    assert!(report_csv(
        &env,
        &[
            "statement",
            "--param",
            "symbol=S/RES/425 (1978)",
            "--param",
            "language=zh"
        ]
    )
    .is_empty());

    // Arabic searched without its tanween finds the text that has it ("أخذ علمًا").
    let hits = report_csv(&env, &["search", "--param", "q=علما"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0][5], "ar");
}

#[test]
fn a_document_lists_the_documents_that_cite_it() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    // S/RES/1888 (2009) is held (in English) and cited by resolution 1889 in two languages.
    let report = report_csv(&env, &["statement", "--param", "symbol=S/RES/1888 (2009)"]);
    let cited_by: Vec<&Vec<String>> = report.iter().filter(|r| r[0] == "cited-by").collect();
    let expected = env.query(
        "SELECT DISTINCT coalesce(d.symbol, 'document ' || d.id) FROM citations c
         JOIN statements s ON s.id = c.statement_id JOIN documents d ON d.id = s.document_id
         WHERE c.symbol = 'S/RES/1888 (2009)' AND d.symbol IS NOT 'S/RES/1888 (2009)' ORDER BY d.issued_on, d.id",
    );
    let got: Vec<Vec<String>> = cited_by.iter().map(|r| vec![r[2].clone()]).collect();
    assert_eq!(got, expected);
    assert!(
        got.contains(&vec!["S/RES/1889 (2009)".to_string()]),
        "{report:?}"
    );
}

#[test]
fn the_order_of_imports_does_not_change_the_documents() {
    let forward = resolution_425_in_three_languages();
    let backward = Env::new();
    for file in [
        "ar_1978_res0425.txt",
        "fr_1978_res0425.txt",
        "en_1978_res0425.txt",
    ] {
        backward.expect(&["import", &real(file)], 0);
    }
    let documents = "SELECT grouping_key, symbol, doc_type, issued_on, meeting FROM documents ORDER BY grouping_key";
    assert_eq!(forward.query(documents), backward.query(documents));
}

#[test]
fn seeds_count_documents_not_versions() {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    // The figure: 11 statements of 2009 in the seeds, 9 documents.
    let timeline = report_csv(&env, &["timeline"]);
    let year_2009 = timeline.iter().find(|r| r[0] == "2009").unwrap();
    assert_eq!((year_2009[4].as_str(), year_2009[5].as_str()), ("9", "11"));
    // Every statement has its document, and no document is empty.
    assert_eq!(
        env.scalar("SELECT count(*) FROM statements WHERE document_id IS NULL"),
        "0"
    );
    assert_eq!(
        env.scalar(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM statements)"
        ),
        "0"
    );
    env.assert_foreign_keys_hold();
}

#[test]
fn reparse_keeps_the_documents() {
    let env = resolution_425_in_three_languages();
    let before = env.query("SELECT * FROM documents");
    env.expect(&["reparse"], 0);
    assert_eq!(env.query("SELECT * FROM documents"), before);
    assert_eq!(
        env.scalar("SELECT count(*) FROM clauses_search"),
        env.scalar("SELECT count(*) FROM clauses")
    );
}
