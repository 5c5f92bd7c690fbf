//! Mentions of the Charter of the United Nations in the six languages, with the chapter or
//! article cited when there is one; other charters (of the African Union, a state's) are not it.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::{known, re, whole_word, CitationKind, Found};
use crate::parse::numerals;

/// The Charter in each language, optionally with the chapter or article cited, each pattern
/// with a word that every match of it holds: a text without that word skips the pattern (most
/// texts hold the words of one language only, and looking for a word costs far less).
static CHARTER: LazyLock<Vec<(Finder<'static>, Regex)>> = LazyLock::new(|| {
    [
        ("Charter", r"(?:(?:Chapter\s+(?P<ch>[IVXL]+)|Articles?\s+(?P<art>\d+))\s+of\s+the\s+)?(?P<name>Charter\s+of\s+the\s+United\s+Nations|United\s+Nations\s+Charter|Charter)"),
        ("Chapter", r"Chapter\s+(?P<ch>VIII|VII|VI)"),
        ("Charte", r"(?:(?:[Cc]hapitre\s+(?P<ch>[IVXL]+)|[Aa]rticles?\s+(?P<art>\d+))\s+de\s+la\s+)?(?P<name>Charte\s+des\s+Nations\s+Unies|Charte)"),
        ("Carta", r"(?:(?:[Cc]ap[íi]tulo\s+(?P<ch>[IVXL]+)|[Aa]rt[íi]culos?\s+(?P<art>\d+))\s+de\s+la\s+)?(?P<name>Carta\s+de\s+las\s+Naciones\s+Unidas|Carta)"),
        ("Устав", r"(?:(?:[Гг]лав[а-я]*\s+(?P<ch>[IVXL]+)|[Сс]тать[а-я]*\s+(?P<art>\d+))\s+)?(?P<name>Устав[а-я]*\s+Организации\s+Объединенных\s+Наций|Устав[а-я]*)"),
        ("ميثاق", r"(?:(?:[وبفك]?(?:ال|لل)فصل\s+(?P<chw>[^\s\d]+)|[وبفك]?(?:ال|لل)مادة\s+(?P<art>\d+))\s+من\s+)?(?P<name>[وبلفك]{0,2}ميثاق\s+الأمم\s+المتحدة|[وبلفك]{0,2}الميثاق)"),
        ("宪章", r"(?:《\s*(?P<qual>[^》]{0,20}?)\s*)?(?P<name>宪章)(?:\s*》)?(?:\s*第\s*(?P<zhnum>[一二三四五六七八九十\d]+)\s*(?P<unit>章|条))?"),
    ]
    .into_iter()
    .map(|(word, p)| (Finder::new(word), re(p)))
    .collect()
});
/// What follows a bare "Charter" when it is some other charter (of the African Union, ...).
static OTHER_CHARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s+of\s|\s+africaine|\s+de\s+l['’]|\s+[Aa]fricana|\s+de\s+la\s+Uni|\s+de\s+fecha|\s+(?:Federal|federal|Magna|Constitucional|constitucional)|\s+Африканск|\s+الاتحاد)",
    )
});

pub(super) fn find_charter(t: &str, out: &mut Vec<Found>) {
    for (word, pattern) in CHARTER.iter() {
        if word.find(t.as_bytes()).is_none() {
            continue;
        }
        for c in pattern.captures_iter(t) {
            let m = c.get(0).expect("whole match");
            if !whole_word(t, m.start(), m.end()) {
                continue;
            }
            let name = c.name("name").map(|n| n.as_str()).unwrap_or("");
            let bare = matches!(name, "Charter" | "Charte" | "Carta")
                || name.starts_with("Устав") && !name.contains(' ');
            if bare && OTHER_CHARTER.is_match(&t[m.end()..]) {
                continue;
            }
            if let Some(q) = c.name("qual") {
                // 《非洲联盟宪章》 and the like are other charters.
                if !q.as_str().trim().is_empty() && q.as_str().trim() != "联合国" {
                    continue;
                }
            }
            let chapter = c
                .name("ch")
                .map(|r| r.as_str().to_string())
                .or_else(|| {
                    c.name("chw")
                        .and_then(|w| arabic_ordinal(w.as_str()))
                        .map(numerals::roman)
                })
                .or_else(|| match (c.name("zhnum"), c.name("unit")) {
                    (Some(n), Some(u)) if u.as_str() == "章" => {
                        numerals::chinese(n.as_str()).map(numerals::roman)
                    }
                    _ => None,
                });
            let article = c.name("art").map(|a| a.as_str().to_string()).or_else(|| {
                match (c.name("zhnum"), c.name("unit")) {
                    (Some(n), Some(u)) if u.as_str() == "条" => {
                        numerals::chinese(n.as_str()).map(|n| n.to_string())
                    }
                    _ => None,
                }
            });
            let symbol = match (chapter, article) {
                (Some(ch), _) => format!("Charter, Chapter {ch}"),
                (None, Some(art)) => format!("Charter, Article {art}"),
                (None, None) => "Charter".to_string(),
            };
            out.push(known(m, CitationKind::Charter, symbol));
        }
    }
}

fn arabic_ordinal(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 12] = [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "الحادي عشر",
        "الثاني عشر",
    ];
    ORDINALS
        .iter()
        .position(|o| *o == word)
        .map(|p| p as u32 + 1)
}
