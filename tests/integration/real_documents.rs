//! Real Security Council documents as found in public sources (`tests/fixtures/real/`, each
//! source named in its `.json` and in SOURCES.md), imported by the built binary and read back
//! with plain SQL. The expectations were written by reading the texts, never by running the
//! parser. The test prints per-field accuracy and fails below the targets: citation F1 0.98,
//! metadata 0.97, paragraph counts 0.97.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;

use crate::common::*;

#[derive(Debug, Deserialize)]
struct Expected {
    language: String,
    doc_type: String,
    symbol: Option<String>,
    issued_on: Option<String>,
    meeting: Option<i64>,
    paragraphs: Option<i64>,
    citations: Vec<String>,
}

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/real")
}

fn cases() -> Vec<(String, Expected)> {
    let mut cases: Vec<(String, Expected)> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let expected = serde_json::from_slice(&std::fs::read(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p.with_extension("txt");
            (
                name.file_name().unwrap().to_string_lossy().into_owned(),
                expected,
            )
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

#[derive(Default)]
struct Score {
    metadata_right: usize,
    metadata_fields: usize,
    paragraphs_right: usize,
    paragraphs_known: usize,
    citations_found: usize,
    citations_right: usize,
    citations_expected: usize,
}

#[test]
fn real_documents_meet_the_extraction_targets() {
    let env = Env::new();
    let cases = cases();
    let texts: Vec<PathBuf> = cases
        .iter()
        .map(|(file, _)| fixtures().join(file))
        .collect();
    let mut args = vec!["import"];
    args.extend(texts.iter().map(|t| p(t)));
    env.expect(&args, 0);
    assert!(cases.len() >= 30, "only {} real documents", cases.len());
    let mut score = Score::default();
    let mut misses = Vec::new();
    for (file, want) in &cases {
        let rows = env.query(&format!(
            "SELECT s.id, s.language, s.doc_type, coalesce(s.symbol, ''), coalesce(s.issued_on, ''),
                    coalesce(s.meeting, ''),
                    (SELECT count(*) FROM clauses c WHERE c.statement_id = s.id AND c.parent_id IS NULL)
             FROM statements s JOIN sources src ON src.statement_id = s.id
             WHERE src.path = '{file}'"
        ));
        assert_eq!(rows.len(), 1, "{file}: {rows:?}");
        let got = &rows[0];
        let fields = [
            ("language", want.language.clone(), &got[1]),
            ("doc_type", want.doc_type.clone(), &got[2]),
            ("symbol", want.symbol.clone().unwrap_or_default(), &got[3]),
            (
                "issued_on",
                want.issued_on.clone().unwrap_or_default(),
                &got[4],
            ),
            (
                "meeting",
                want.meeting.map(|m| m.to_string()).unwrap_or_default(),
                &got[5],
            ),
        ];
        for (field, want, got) in fields {
            score.metadata_fields += 1;
            if &want == got {
                score.metadata_right += 1;
            } else {
                misses.push(format!("{file}: {field} {got:?}, expected {want:?}"));
            }
        }
        if let Some(paragraphs) = want.paragraphs {
            score.paragraphs_known += 1;
            if got[6] == paragraphs.to_string() {
                score.paragraphs_right += 1;
            } else {
                misses.push(format!(
                    "{file}: {} paragraphs, expected {paragraphs}",
                    got[6]
                ));
            }
        }
        let found: BTreeSet<String> = env
            .query(&format!(
                "SELECT DISTINCT symbol FROM citations WHERE statement_id = {}",
                got[0]
            ))
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
        let expected: BTreeSet<String> = want.citations.iter().cloned().collect();
        score.citations_found += found.len();
        score.citations_expected += expected.len();
        score.citations_right += found.intersection(&expected).count();
        for extra in found.difference(&expected) {
            misses.push(format!("{file}: cites {extra}, which it does not"));
        }
        for missed in expected.difference(&found) {
            misses.push(format!("{file}: misses the citation {missed}"));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(score.citations_right, score.citations_found);
    let recall = ratio(score.citations_right, score.citations_expected);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let metadata = ratio(score.metadata_right, score.metadata_fields);
    let paragraphs = ratio(score.paragraphs_right, score.paragraphs_known);
    for miss in &misses {
        println!("{miss}");
    }
    println!(
        "{} real documents: citations precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}; \
         metadata {metadata:.3} ({} of {} fields); paragraph counts {paragraphs:.3} ({} of {})",
        cases.len(),
        score.metadata_right,
        score.metadata_fields,
        score.paragraphs_right,
        score.paragraphs_known
    );
    assert!(
        f1 >= 0.98 && metadata >= 0.97 && paragraphs >= 0.97,
        "below the targets (F1 0.98, metadata 0.97, paragraphs 0.97): see the lines above"
    );
}
