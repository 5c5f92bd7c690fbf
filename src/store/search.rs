//! The search index: clause text folded as people type it, in the FTS5 table `clauses_search`
//! (V9). Any SQLite reads it with its built-in tokenizer; only the folding of the text put in
//! is done here, because SQL cannot do it in bulk. The `search` report folds the query the
//! same way in SQL (reports/search.sql), and the tests below hold the two to each other.
//!
//! The folding: every Chinese character (and kana, hangul) stands apart as a token of its own,
//! so 维持和平 and 维持 和平 are the same four tokens; combining marks (Arabic harakat, stress
//! marks, decomposed accents) and the Arabic tatweel are dropped; ё is е; full-width letters
//! and digits are ASCII. Case and the accents of precomposed Latin letters are left to the
//! tokenizer (`unicode61 remove_diacritics 2`), which folds them in text and query alike.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use super::Result;

/// The SQL function the writer folds clause text with. Registered only on councildb's own
/// connections: nothing a reader needs.
pub const FOLD_FUNCTION: &str = "councildb_search_text";

/// Put between two characters where one stands apart: a separator for `unicode61`, one byte
/// long (a zero-width space, three bytes in UTF-8, made the stored text of an all-Chinese
/// archive 20% bigger), which texts do not use and reports/search.sql removes from snippets.
const STAND_APART: char = '\u{1F}';

/// Characters dropped from text and query. reports/search.sql lists the same ranges.
const DROPPED: &[(u32, u32)] = &[
    (0x0300, 0x036F), // combining diacritical marks
    (0x0483, 0x0489), // Cyrillic combining marks
    (0x0610, 0x061A), // Arabic marks
    (0x0640, 0x0640), // Arabic tatweel
    (0x064B, 0x065F), // Arabic harakat
    (0x0670, 0x0670), // Arabic superscript alef
    (0x06D6, 0x06ED), // Arabic Quranic marks
    (0x1AB0, 0x1AFF), // combining marks, extended
    (0x1DC0, 0x1DFF), // combining marks, supplement
    (0x20D0, 0x20FF), // combining marks for symbols
    (0xFE20, 0xFE2F), // combining half marks
];

/// Characters that are each a token of their own. reports/search.sql lists the same ranges.
const APART: &[(u32, u32)] = &[
    (0x3040, 0x30FF),   // hiragana, katakana
    (0x3400, 0x4DBF),   // CJK extension A
    (0x4E00, 0x9FFF),   // CJK unified ideographs
    (0xAC00, 0xD7AF),   // hangul syllables
    (0xF900, 0xFAFF),   // CJK compatibility ideographs
    (0x20000, 0x3FFFF), // CJK extensions B and after
];

fn within(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = u32::from(c);
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Below the first range dropped, `fold_char` changes nothing (what else it changes is above):
/// most text (Latin script, digits, punctuation) skips the range lookups.
const FIRST_FOLDED: u32 = DROPPED[0].0;

/// True for a character that is a token of its own.
fn stands_apart(c: char) -> bool {
    u32::from(c) >= APART[0].0 && within(c, APART)
}

/// One character as folded, or None when it is dropped.
fn fold_char(c: char) -> Option<char> {
    match u32::from(c) {
        u if u < FIRST_FOLDED => Some(c),
        // CJK unified ideographs, the bulk of Chinese text, are kept as they are.
        0x4E00..=0x9FFF => Some(c),
        _ if within(c, DROPPED) => None,
        0x0451 => Some('е'),
        0x0401 => Some('Е'),
        0x3000 => Some(' '),
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0),
        _ => Some(c),
    }
}

/// Clause text as the search index holds it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    // What the character before was; white space before the first one keeps it from a
    // separator.
    let (mut previous_space, mut previous_apart) = (true, false);
    for c in text.chars().filter_map(fold_char) {
        let (space, apart) = (c.is_whitespace(), stands_apart(c));
        if !previous_space && !space && (previous_apart || apart) {
            out.push(STAND_APART);
        }
        out.push(c);
        (previous_space, previous_apart) = (space, apart);
    }
    out
}

/// Registers the folding function on a connection that writes.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        FOLD_FUNCTION,
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text = ctx.get_raw(0);
            Ok(match text.as_str_or_null() {
                Ok(Some(text)) => Some(fold(text)),
                _ => None,
            })
        },
    )
}

/// Indexes the clauses the search index does not hold yet: those added since it was last
/// brought up to date (all of them, the first time). Call inside a write transaction.
pub(super) fn index_missing(conn: &Connection) -> Result<()> {
    let indexed: i64 = conn.query_row(
        "SELECT coalesce((SELECT rowid FROM clauses_search ORDER BY rowid DESC LIMIT 1), 0)",
        [],
        |r| r.get(0),
    )?;
    conn.execute(
        &format!(
            "INSERT INTO clauses_search (rowid, text) SELECT id, {FOLD_FUNCTION}(text) FROM clauses WHERE id > ?1"
        ),
        [indexed],
    )?;
    Ok(())
}

/// Indexes every clause again.
pub(super) fn reindex_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM clauses_search", [])?;
    index_missing(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::open_in_memory;
    use proptest::prelude::*;

    #[test]
    fn folding_as_people_type() {
        let z = STAND_APART;
        for (text, folded) in [
            ("维持和平", format!("维{z}持{z}和{z}平")),
            ("维持 和平", format!("维{z}持 和{z}平")),
            ("第1325号", format!("第{z}1325{z}号")),
            ("第１３２５号", format!("第{z}1325{z}号")),
            ("كَتَبَ", "كتب".to_string()),
            ("عـــربي", "عربي".to_string()),
            ("Ёлка", "Елка".to_string()),
            ("Café", "Café".to_string()),
            ("e\u{301}", "e".to_string()),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    /// Runs the search report's SQL for `query` on a database holding `texts` as clauses.
    fn found(texts: &[&str], query: &str) -> Vec<String> {
        let conn = open_in_memory().unwrap();
        conn.execute_batch(
            "INSERT INTO imports (started_at, inputs) VALUES ('2026-01-01T00:00:00Z', '[]');
             INSERT INTO statements (sha256, doc_type, body, import_id) VALUES ('x', 'other', 'text', 1);",
        )
        .unwrap();
        for (i, text) in texts.iter().enumerate() {
            conn.execute(
                "INSERT INTO clauses (statement_id, position, text) VALUES (1, ?1, ?2)",
                rusqlite::params![i as i64 + 1, text],
            )
            .unwrap();
        }
        index_missing(&conn).unwrap();
        let sql = include_str!("../../reports/search.sql");
        let mut stmt = conn.prepare(sql).unwrap();
        let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":q", &query)];
        for name in [":language", ":type", ":from", ":to"] {
            params.push((name, &rusqlite::types::Null));
        }
        let column = stmt.column_index("snippet").unwrap();
        stmt.query_map(params.as_slice(), |r| r.get(column))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn the_report_finds_what_people_type() {
        for (text, query, snippet) in [
            (
                "联合国 维持 和平 行动",
                "维持和平",
                "联合国 [维持 和平] 行动",
            ),
            ("联合国维持和平行动", "维持 和平", "联合国[维持和平]行动"),
            (
                "安理会第1325(2000)号决议",
                "1325",
                "安理会第[1325](2000)号决议",
            ),
            (
                "Resolution 1325 (2000)",
                "１３２５",
                "Resolution [1325] (2000)",
            ),
            (
                "Opérations de MAINTIEN",
                "operations maintien",
                "[Opérations] de [MAINTIEN]",
            ),
            ("Ёлка и ель", "елка", "[Елка] и ель"),
            ("يَدعو مجلس الأمن", "يدعو", "[يدعو] مجلس الأمن"),
            ("يدعو مجلس الأمن", "يَدعو", "[يدعو] مجلس الأمن"),
            ("he said \"yes\"", "\"yes", "he said \"[yes]\""),
        ] {
            assert_eq!(
                found(&[text], query),
                vec![snippet.to_string()],
                "{query} in {text}"
            );
        }
        assert!(found(&["维持 和平"], "和平维持").is_empty());
        assert!(found(&["peacekeeping"], "peace").is_empty());
        assert!(
            found(&["peace"], "َ").is_empty(),
            "a query of marks only finds nothing"
        );
    }

    proptest! {
        /// Whatever text is indexed, searching for it finds it: the report's folding in SQL
        /// and the index's folding here agree.
        #[test]
        fn text_finds_itself(text in "[a-zÉé维持和平１２ёЁَُ\u{0640}\u{0301} 　]{1,24}") {
            prop_assume!(text.split_whitespace().any(|w| !fold(w).trim_matches(STAND_APART).is_empty()));
            prop_assert_eq!(found(&[&text], &text).len(), 1, "{:?}", text);
        }
    }
}
