//! Enumerated sub-items of a paragraph: (a) (i) ㈠ (一), the Arabic (أ) and ’1‘, and at a
//! line's start bullets, "a." and "ii.", each the next of its family, so that "(b)" after "(a)"
//! is an item and a stray "(b)" is not.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::numerals;

static SUB_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\x{3220}-\x{3229}]|\(\s?(?:[一二三四五六七八九十]{1,2}|[a-z]{1,2}|[ivxl]{1,5}|[أبجدهوزحطيكلمنسعفصقرشتثخذضظغ]ـ?)\s?\)|[’']\d{1,2}[‘']",
    )
    .expect("sub-item pattern")
});
const ENCLOSED: &str = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩";
/// The Arabic letters in the order that numbers items: (أ) (ب) (ج) (د) (هـ) ...
const ABJAD: &str = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ";
/// Line-start bullets of a list: each item is a sub-item, in no sequence.
const BULLETS: [char; 4] = ['–', '—', '•', '-'];
const CJK_NUMERALS: &str = "一二三四五六七八九十";
/// What may stand before a bracketed marker: a clause end, a colon or dash.
const BEFORE_MARKER: [char; 14] = [
    ':', '：', ';', '；', ',', '，', '.', '。', '、', '—', '-', '–', '"', '“',
];
const CONJUNCTIONS: [&str; 10] = ["and", "or", "et", "ou", "y", "o", "и", "или", "و", "和"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Enclosed,
    CjkBracketed,
    Letter,
    Roman,
    /// (أ) (ب) (ج): Arabic letters in abjad order.
    ArabicLetter,
    /// ’1‘ ’2‘: how Arabic texts write the roman numerals of nested items.
    ArabicNumber,
    /// "a." "b." at a line's start.
    LetterDot,
}

const FAMILIES: usize = 7;

/// The sub-items of `t[start..end]`: (marker start, marker end, marker), each the next of its
/// family, so that "(b)" after "(a)" is an item and a stray "(b)" is not.
pub(super) fn sub_items(t: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let mut next = [1u32; FAMILIES];
    let mut outer_roman: Option<u32> = None;
    let mut items = Vec::new();
    let mut found: Vec<(usize, usize)> = SUB_ITEM
        .find_iter(&t[start..end])
        .map(|m| (start + m.start(), start + m.end()))
        .collect();
    found.extend(bare_markers(t, start, end));
    if start > 0 {
        // Lines of a preamble that open with a bullet are its clauses, not items.
        found.extend(line_start_markers(t, start, end));
    }
    found.sort_unstable();
    found.dedup_by_key(|f| f.0);
    for (ms, me) in found {
        // Segmentation may put spaces inside the brackets: "( a )" is "(a)".
        let marker: String = t[ms..me].chars().filter(|c| !c.is_whitespace()).collect();
        let marker = marker.as_str();
        let at_line_start = starts_line(t, start, ms);
        if marker.chars().count() == 1 && BULLETS.iter().any(|b| marker.starts_with(*b)) {
            items.push((ms, me, marker.to_string()));
            continue;
        }
        let inner: String = marker
            .trim_start_matches(['(', '’', '\''])
            .trim_end_matches([')', '‘', '\'', '.'])
            .trim_end_matches('ـ')
            .chars()
            .map(latin_look_alike)
            .collect();
        let inner = inner.as_str();
        let candidates: Vec<(Family, u32)> =
            if let Some(p) = ENCLOSED.chars().position(|c| marker.starts_with(c)) {
                vec![(Family::Enclosed, p as u32 + 1)]
            } else if marker.starts_with(['’', '\'']) {
                inner
                    .parse()
                    .map(|v| vec![(Family::ArabicNumber, v)])
                    .unwrap_or_default()
            } else if marker.ends_with('.') {
                let mut v = Vec::new();
                if let [b] = inner.as_bytes() {
                    if b.is_ascii_lowercase() {
                        v.push((Family::LetterDot, (b - b'a') as u32 + 1));
                    }
                }
                if let Some(r) = numerals::roman_value(inner).filter(|_| inner.len() > 1) {
                    v.push((Family::Roman, r));
                }
                v
            } else if let Some(p) = ABJAD.chars().position(|c| inner.starts_with(c)) {
                vec![(Family::ArabicLetter, p as u32 + 1)]
            } else if inner.chars().all(|c| CJK_NUMERALS.contains(c)) {
                numerals::chinese(inner)
                    .map(|v| vec![(Family::CjkBracketed, v)])
                    .unwrap_or_default()
            } else {
                let mut v = Vec::new();
                if inner.len() == 1 {
                    v.push((Family::Letter, (inner.as_bytes()[0] - b'a') as u32 + 1));
                }
                if let Some(r) = numerals::roman_value(inner) {
                    v.push((Family::Roman, r));
                }
                v
            };
        // The next of its family; or, at a line's start, a list that starts again under a
        // heading of the paragraph ("II. Political process: (a) ...").
        // An outer roman list goes on after the letters nested in its item ("(i) … (a) (b) …
        // (ii)").
        let resumes = |(f, v): &(Family, u32)| *f == Family::Roman && outer_roman == Some(*v);
        let Some(&(family, value)) = candidates
            .iter()
            .find(|(f, v)| next[*f as usize] == *v)
            .or_else(|| candidates.iter().find(|c| at_line_start && resumes(c)))
            .or_else(|| candidates.iter().find(|(_, v)| at_line_start && *v == 1))
        else {
            continue;
        };
        if resumes(&(family, value)) {
            outer_roman = None;
            next[Family::Letter as usize] = 1;
            next[Family::LetterDot as usize] = 1;
        }
        if family != Family::Enclosed && !at_line_start && !marker_context_ok(t, start, ms) {
            continue;
        }
        next[family as usize] = value + 1;
        // Items nested in a lettered item number afresh under each letter; a list of letters
        // that starts under a roman item leaves that roman list to go on after it.
        if matches!(
            family,
            Family::Letter | Family::ArabicLetter | Family::LetterDot
        ) {
            if value == 1 && next[Family::Roman as usize] > 1 && outer_roman.is_none() {
                outer_roman = Some(next[Family::Roman as usize]);
            }
            next[Family::Roman as usize] = 1;
            next[Family::ArabicNumber as usize] = 1;
        }
        items.push((ms, me, marker.to_string()));
    }
    items
}

/// The Latin letter a Cyrillic one stands for in a list's marker: а с е о р х (U+0430 …).
fn latin_look_alike(c: char) -> char {
    match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        _ => c,
    }
}

/// True when byte `at` of `t` starts a line (after spaces) within the paragraph at `start`.
fn starts_line(t: &str, start: usize, at: usize) -> bool {
    let before = t[start..at].trim_end_matches([' ', '\t']);
    before.ends_with('\n')
}

/// Markers that stand at a line's start only: bullets ("–", "•") and "a." items.
fn line_start_markers(t: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = start;
    for line in t[start..end].split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        if line_start == start {
            continue;
        }
        let content = line.trim_start_matches([' ', '\t']);
        let ms = line_start + (line.len() - content.len());
        let mut chars = content.chars();
        let first = chars.next();
        let second = chars.next();
        match (first, second) {
            (Some(b), Some(' ' | '\t' | '\u{a0}'))
                if BULLETS.contains(&b) && !content[b.len_utf8()..].trim().is_empty() =>
            {
                out.push((ms, ms + b.len_utf8()));
            }
            (Some(l), Some('.'))
                if l.is_ascii_lowercase() && content[2..].starts_with([' ', '\t']) =>
            {
                out.push((ms, ms + 2));
            }
            (Some('i' | 'v' | 'x'), _) => {
                // "ii." "iv." at a line's start.
                let roman = content.bytes().take_while(|b| b"ivx".contains(b)).count();
                if (2..=4).contains(&roman) && content[roman..].starts_with(". ") {
                    out.push((ms, ms + roman + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// Markers closed by a parenthesis alone, as French texts write them: `a)`, `ii)`. Found by
/// hand rather than in `SUB_ITEM`, whose leading "(" lets the regex engine skip ahead.
fn bare_markers(t: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    t[start..end].match_indices(')').filter_map(move |(at, _)| {
        let close = start + at;
        // Russian texts type some letters of a list in Cyrillic: "а)" "с)" beside "b)".
        if let Some(c) = t[..close]
            .chars()
            .next_back()
            .filter(|c| latin_look_alike(*c) != *c)
        {
            let marker_start = close - c.len_utf8();
            let standalone = t[..marker_start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
            return standalone.then_some((marker_start, close + 1));
        }
        let before = &t.as_bytes()[..close];
        let letters = before
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        let marker_start = close - letters;
        let standalone = before[..marker_start]
            .last()
            .is_none_or(|b| b.is_ascii_whitespace());
        ((1..=4).contains(&letters) && standalone).then_some((marker_start, close + 1))
    })
}

fn marker_context_ok(t: &str, paragraph_start: usize, at: usize) -> bool {
    let before = t[paragraph_start..at].trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if BEFORE_MARKER.contains(&last) {
        return true;
    }
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    CONJUNCTIONS.contains(&word)
}
