//! The `%%%TAG|TAG|` header line: UNBIS subject terms, normalized as the schema promises
//! (trimmed, inner spaces collapsed, upper-cased, repeats dropped, header order kept), and in
//! one Unicode spelling: NFC, without zero-width and bidi control characters, so that one term
//! typed two ways is one tag. The raw header stays in the stored file.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::norm::collapse_spaces;

/// The prefix that opens every document.
pub const HEADER_MARK: &str = "%%%";

/// The tags of a header line (with or without its `%%%`), in header order, without repeats.
pub fn parse_tags(line: &str) -> Vec<String> {
    let line = line.strip_prefix(HEADER_MARK).unwrap_or(line);
    let mut tags: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for part in line.split('|') {
        // Most headers are plain ASCII, which is NFC with nothing invisible in it.
        let tag = if part.is_ascii() {
            collapse_spaces(part).to_ascii_uppercase()
        } else {
            let visible: String = part.chars().filter(|&c| !is_invisible(c)).nfc().collect();
            collapse_spaces(&visible).to_uppercase()
        };
        if !tag.is_empty() && seen.insert(tag.clone()) {
            tags.push(tag);
        }
    }
    tags
}

/// Zero-width characters and bidi controls: they change how a tag is stored, not how it reads.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "%%%PEACEKEEPING OPERATIONS|PEACEBUILDING|",
                &["PEACEKEEPING OPERATIONS", "PEACEBUILDING"],
            ),
            ("%%%A|B", &["A", "B"]),
            (
                "%%%  troop-contributing   states |",
                &["TROOP-CONTRIBUTING STATES"],
            ),
            ("%%%A|B|A|", &["A", "B"]),
            ("%%%a|A|", &["A"]),
            ("%%%|||", &[]),
            // NFD and NFC spellings of one term are one tag; invisible characters go.
            (
                "%%%DE\u{0301}VELOPPEMENT|DÉVELOPPEMENT|",
                &["DÉVELOPPEMENT"],
            ),
            (
                "%%%PEACE\u{200B}BUILDING|\u{202B}PEACEBUILDING\u{202C}|",
                &["PEACEBUILDING"],
            ),
            ("%%%", &[]),
            (
                "%%%COORDINATION WITHIN UN SYSTEM|\t",
                &["COORDINATION WITHIN UN SYSTEM"],
            ),
            ("%%%CÔTE D'IVOIRE|", &["CÔTE D'IVOIRE"]),
        ];
        for (line, want) in cases {
            assert_eq!(parse_tags(line), *want, "line {line:?}");
        }
    }

    #[test]
    fn many_tags_are_deduplicated() {
        // 100,000 distinct tags, each twice: de-duplication by scanning the list made this take
        // minutes (5 billion comparisons); with a set it takes moments.
        let header: String = (0..200_000).map(|k| format!("T{}|", k % 100_000)).collect();
        let tags = parse_tags(&header);
        assert_eq!(tags.len(), 100_000);
        assert_eq!(tags[99_999], "T99999");
    }
}
