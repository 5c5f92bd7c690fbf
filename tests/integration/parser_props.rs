//! Property tests: the parser is fed arbitrary bytes and text built from the fragments real
//! documents are made of. It must never panic, and what it returns must point into the text.
//! Raise the case count for a long run: PROPTEST_CASES=200000 cargo test --release --test integration parser_props

use councildb::parse::{parse_document, parse_file, Limits};
use proptest::prelude::*;

/// Fragments of real documents, in every script and form the parser looks for.
const FRAGMENTS: &[&str] = &[
    "%%%",
    "|",
    "\n",
    "\r\n",
    " ",
    "  ",
    "第",
    "1325",
    "2000",
    "200 4",
    "(",
    ")",
    "（",
    "）",
    "２",
    "０",
    "/",
    "／",
    "PRST",
    "S/",
    "S / ",
    "RES/",
    "PV.",
    "A/RES/",
    "/Add.",
    "决议",
    "号",
    "、",
    "和",
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "㈠",
    "㈡",
    "(一)",
    "（二）",
    "(a)",
    "( b )",
    "(i)",
    "(ii)",
    "1.",
    "2.",
    "１．",
    "resolution ",
    "resolutions ",
    "résolution ",
    "resolución ",
    "резолюции ",
    "Резолюция ",
    "قرار ",
    "القرار ",
    "و",
    "، ",
    ", ",
    " and ",
    " et ",
    " y ",
    " и ",
    "Charter",
    "Chapter VII of the ",
    "Article 25 of the ",
    "Charte ",
    "Carta ",
    "Устава ",
    "ميثاق الأمم المتحدة",
    "الفصل السابع من ",
    "宪章",
    "《",
    "》",
    "第八 章",
    "第二十五 条",
    "2009年",
    " 8月",
    " 5日",
    "：",
    "；",
    "。",
    "，",
    ":",
    ";",
    ".",
    "é",
    "\u{200F}",
    "\u{3000}",
    "١٢",
    "٢٠٠٩",
    "安全 理事会 主席 的 声明",
    "Statement by the President of the Security Council",
    "6178th meeting",
    "第6178 次 会议",
    "5 August 2009",
    "12 آذار/مارس 2010",
    "\u{FEFF}",
    "\t",
    "x",
    "中",
];

/// 2,000 cases per property by default; PROPTEST_CASES sets more for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

fn fragment_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|parts| parts.concat())
}

fn check_document_invariants(text: &str) {
    let limits = Limits::default();
    if let Ok(doc) = parse_document(text, 1, &limits) {
        for c in &doc.clauses {
            assert!(
                c.start <= c.end && c.end <= doc.body.len(),
                "clause span out of the body"
            );
            assert_eq!(&doc.body[c.start..c.end], c.text);
            if let Some(p) = c.parent {
                assert!(
                    doc.clauses[p].parent.is_none(),
                    "a sub-item's parent must be a paragraph"
                );
            }
        }
        for (clause, c) in &doc.citations {
            assert!(*clause < doc.clauses.len());
            assert_eq!(&doc.body[c.start..c.end], c.raw);
            assert!(!c.symbol.is_empty());
        }
        assert_eq!(doc.sha256.len(), 64);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_file(&bytes, &Limits::default());
    }

    #[test]
    fn arbitrary_bytes_after_a_header_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut input = b"%%%A|B|\n\n".to_vec();
        input.extend_from_slice(&bytes);
        let _ = parse_file(&input, &Limits::default());
    }

    #[test]
    fn document_like_text_never_panics_and_points_into_the_body(body in fragment_text()) {
        let text = format!("%%%TAG|\n\n{body}\n");
        let _ = parse_file(text.as_bytes(), &Limits::default());
        check_document_invariants(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(body in "\\PC{0,400}") {
        let text = format!("%%%TAG|\n\n{body}\n");
        check_document_invariants(&text);
    }
}
