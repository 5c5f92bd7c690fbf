//! The `%%%TAG|TAG|` header line: UNBIS subject terms, normalized as the schema promises
//! (trimmed, inner spaces collapsed, upper-cased, repeats dropped, header order kept).

use super::norm::collapse_spaces;

/// The prefix that opens every document.
pub const HEADER_MARK: &str = "%%%";

/// The tags of a header line (with or without its `%%%`), in header order, without repeats.
pub fn parse_tags(line: &str) -> Vec<String> {
    let line = line.strip_prefix(HEADER_MARK).unwrap_or(line);
    let mut tags: Vec<String> = Vec::new();
    for part in line.split('|') {
        let tag = collapse_spaces(part).to_uppercase();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
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
}
