//! Citation extraction: every mention of a Security Council resolution, presidential statement,
//! document, meeting record, General Assembly resolution or the Charter, normalized to one
//! symbol per cited thing. Works on folded text (see `norm`) so that full-width and
//! Arabic-Indic forms and segmentation spaces inside symbols need no patterns of their own.
//! Precision comes first: a form that could be something else is left out.

use std::sync::LazyLock;

use regex::Regex;

use super::norm::{is_cjk, Folded};
use super::numerals;
use super::resolution_years;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CitationKind {
    Resolution,
    PresidentialStatement,
    Document,
    Meeting,
    GeneralAssemblyResolution,
    Charter,
}

impl CitationKind {
    pub const ALL: [CitationKind; 6] = [
        CitationKind::Resolution,
        CitationKind::PresidentialStatement,
        CitationKind::Document,
        CitationKind::Meeting,
        CitationKind::GeneralAssemblyResolution,
        CitationKind::Charter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Resolution => "resolution",
            CitationKind::PresidentialStatement => "presidential_statement",
            CitationKind::Document => "document",
            CitationKind::Meeting => "meeting",
            CitationKind::GeneralAssemblyResolution => "general_assembly_resolution",
            CitationKind::Charter => "charter",
        }
    }
}

/// Where a citation was found: read from the text, or marked up as a link by the document's
/// publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Origin {
    #[default]
    Text,
    Link,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Text => "text",
            Origin::Link => "link",
        }
    }
}

/// One mention of a cited thing. `start..end` are byte offsets in the text given to `extract`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub kind: CitationKind,
    pub symbol: String,
    pub raw: String,
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

/// A match in folded coordinates, before overlaps are settled.
struct Found {
    start: usize,
    end: usize,
    kind: CitationKind,
    symbol: Symbol,
}

enum Symbol {
    Known(String),
    /// A Security Council resolution cited without its year; settled once the whole text is read.
    YearlessResolution(u32),
}

/// A 4-digit year, allowing one space that segmentation put inside it (`200 4`).
const YEAR: &str = r"\d(?:\s?\d){3}";

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module; a bad one is a bug caught by every test.
    Regex::new(&pattern.replace("YEAR", YEAR)).expect("citation pattern")
}

static PRST: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:S\s*/\s*)?PRST\s*/\s*(YEAR)\s*/\s*(\d{1,3})"));
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"S\s*/\s*(YEAR)\s*/\s*(\d{1,5})((?:\s*/\s*(?i:Add|Corr|Rev|Amend)\s*\.\s*\d{1,3})*)")
});
static OLD_DOCUMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"S\s*/\s*(\d{4,5})((?:\s*/\s*(?i:Add|Corr|Rev)\s*\.\s*\d{1,3})*)"));
static MEETING: LazyLock<Regex> = LazyLock::new(|| re(r"S\s*/\s*PV\s*\.\s*(\d{1,5})"));
static SC_RES_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"S\s*/\s*RES\s*/\s*(\d{1,4})(?:\s*\(\s*(YEAR)\s*\))?"));
static GA_RES_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"A\s*/\s*RES\s*/\s*(\d{1,3})\s*/\s*(\d{1,4})"));
/// The word for "resolution" in English, French, Spanish, Russian (any case form) and Arabic
/// (any word built on قرار, with its suffixes; prefixes are taken in by `word_start`). Word
/// boundaries are checked by hand: a Unicode `\b` would push the regex engine off its fast path.
static RESOLUTION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)resolutions?|r[ée]solutions?|resoluci[oó]n(?:es)?|резолюци[а-яё]*|قرار[^\s\d()]*")
});
/// What may stand between the word and the number: "resolution of the General Assembly 60/1"
/// and "Security Council resolution 1325" are written so in Arabic.
static BODY_AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s+(?:الجمعية\s+العامة|مجلس\s+ال[أا]من(?:\s+الدولي)?))?(?:\s+(?:ال)?رقم)?")
});
/// One item of a resolution list: `1325 (2000)`, `1325(2000)`, `60/1` (General Assembly),
/// `181 (II)` (General Assembly, by session), `1325`; captures the number, the General Assembly
/// session part, the year and the Roman session.
const ITEM: &str = r"(\d{1,4})(?:\s*/\s*(\d{1,4}))?(?:\s*\(\s*(?:(YEAR)|([IVXL]{1,6}))\s*\))?";
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| re(&format!("^{ITEM}")));
/// What may stand between two items of a list: commas, and / et / y / e / и / و, or both.
static LIST_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    // Not across a line break: the next line may open with a paragraph's number ("100.").
    re(
        r"^(?:[^\S\n]*[,;،][^\S\n]*(?:(?:and|et|y|e|и)[^\S\n]+|و[^\S\n]*)?|[^\S\n]+(?:and|et|y|e|и)[^\S\n]+|[^\S\n]*و[^\S\n]*)",
    )
});
/// The date of adoption that may follow a list item before the next one: "1261 (1999) of 25
/// August 1999, 1314 (2000) of ...", du 25 août 1999, de 25 de agosto de 1999, от 25 августа
/// 1999 года, المؤرخ 25 آب/أغسطس 1999.
static ITEM_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?\s+(?:of|du|de|del|от|المؤرخ)\s+\d{1,2}(?:er)?\s+(?:de\s+)?[^\s\d,;]+(?:\s+[^\s\d,;/]+)?(?:\s*/\s*[^\s\d,;/]+)?(?:\s+de(?:l)?)?\s+\d{4}(?:\s+года|\s+г\.)?",
    )
});
/// A legal database's own reference left in a copied text, as Ukrainian and Russian databases
/// put after each act they link: "1714 (2006) от 6 октября 2006 года (995_f94) ,".
static EDITOR_CODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\(\s*\d{3}_[0-9a-z]{1,6}\s*\)"));
/// White space, then a list item with its year: how a list goes on when its comma was lost.
static DATED_ITEM_AHEAD: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+\d{1,4}\s*\(\s*YEAR\s*\)"));
/// A resolution given with its number, year and date of adoption, even where no word for
/// resolution stands before it (a list broken by words): "1612 (2005) от 26 июля 2005 года".
/// The date's year must be the item's.
static DATED_RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{1,4})\s*\(\s*(YEAR)\s*\),?\s+(?:of|du|de|del|от|المؤرخ)\s+\d{1,2}(?:er)?\s+(?:de\s+)?[^\s\d,;]+(?:\s+[^\s\d,;/]+)?(?:\s*/\s*[^\s\d,;/]+)?(?:\s+de(?:l)?)?\s+(\d{4})",
    )
});
/// Chinese: 第1327 ( 2000 ) 号 和 第1353 ( 2001 ) 号 决议 — the closing 决议 covers the whole list.
static ZH_RESOLUTION_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let item = r"\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*\(\s*YEAR\s*\))?";
    // Items may carry their date of adoption before them: 1999年8月25日第1261(1999)号.
    let date = r"(?:[\d〇○零一二三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*)?";
    re(&format!(
        r"第\s*{item}\s*号?(?:\s*(?:、|,|和|以及|及|与)\s*{date}第?\s*{item}\s*号?)*(?:\s*(?:和|及|以及)\s*以后各项)?\s*决议"
    ))
});
static ZH_ITEM: LazyLock<Regex> = LazyLock::new(|| re(ITEM));
/// The early Chinese form of a General Assembly resolution, numbered by its session in Chinese
/// numerals: 决议案三十二(一) is 32 (I). (A Council resolution there has a four-digit year.)
static ZH_SESSION_RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"决议案\s*([一二三四五六七八九十百]{1,4})\s*\(\s*([一二三四五六七八九十]{1,3})\s*\)")
});

/// Extracts every citation in `text`, in text order.
pub fn extract(text: &str) -> Vec<Citation> {
    extract_folded(text, &Folded::new(text))
}

/// `extract` for a caller that already folded `text` (the parser folds a body once).
pub fn extract_folded(text: &str, folded: &Folded) -> Vec<Citation> {
    let t: &str = &folded.text;
    let mut found = Vec::new();
    find_symbols(t, &mut found);
    find_resolution_lists(t, &mut found);
    bare::find_bare_resolutions(t, &mut found);
    find_chinese_resolution_lists(t, &mut found);
    find_chinese_session_resolutions(t, &mut found);
    charter::find_charter(t, &mut found);

    // Keep the earliest, then longest, of overlapping matches.
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| f.start >= k.end) {
            kept.push(f);
        }
    }

    let years_in_text = known_resolution_years(&kept);
    kept.into_iter()
        .map(|f| {
            let symbol = match f.symbol {
                Symbol::Known(s) => s,
                Symbol::YearlessResolution(n) => {
                    match years_in_text
                        .get(&n)
                        .copied()
                        .or_else(|| resolution_years::year_of(n))
                    {
                        Some(year) => sc_resolution(n, year),
                        None => format!("S/RES/{n}"),
                    }
                }
            };
            let start = folded.original_offset(f.start);
            let end = folded.original_offset(f.end);
            Citation {
                kind: f.kind,
                symbol,
                raw: text[start..end].to_string(),
                start,
                end,
                origin: Origin::Text,
            }
        })
        .collect()
}

/// Years that the same text gives for resolution numbers, so that a later "resolution 1325"
/// takes the year of an earlier "resolution 1325 (2000)".
fn known_resolution_years(found: &[Found]) -> std::collections::HashMap<u32, i32> {
    let mut years = std::collections::HashMap::new();
    for f in found {
        if let (CitationKind::Resolution, Symbol::Known(s)) = (f.kind, &f.symbol) {
            if let Some((n, y)) = parse_sc_resolution(s) {
                years.entry(n).or_insert(y);
            }
        }
    }
    years
}

fn sc_resolution(number: u32, year: i32) -> String {
    format!("S/RES/{number} ({year})")
}

/// The number and year of `S/RES/N (YYYY)`.
pub(crate) fn parse_sc_resolution(symbol: &str) -> Option<(u32, i32)> {
    let rest = symbol.strip_prefix("S/RES/")?;
    let (n, y) = rest.split_once(" (")?;
    Some((n.parse().ok()?, y.trim_end_matches(')').parse().ok()?))
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

fn plausible_year(year: &str) -> Option<i32> {
    let y: i32 = digits(year).parse().ok()?;
    (1946..=2100).contains(&y).then_some(y)
}

/// Scripts that separate words with spaces (Latin, Cyrillic): a match in them must not start
/// or end inside a word. Chinese has no such boundary, and Arabic prefixes are part of the word.
fn spaced_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{04FF}').contains(&c))
}

fn whole_word(t: &str, start: usize, end: usize) -> bool {
    let first = t[start..end].chars().next();
    let last = t[start..end].chars().next_back();
    let before = t[..start].chars().next_back();
    let after = t[end..].chars().next();
    let starts_ok = !(first.is_some_and(spaced_letter) && before.is_some_and(spaced_letter));
    let ends_ok = !(last.is_some_and(spaced_letter) && after.is_some_and(spaced_letter));
    starts_ok && ends_ok
}

/// Where the word holding byte `at` begins (Arabic clitics such as بـ or و before قرار).
fn word_start(t: &str, at: usize) -> usize {
    t[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() && !spaced_letter(*c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(at)
}

/// A symbol must not be glued to a word before it (`XS/2002/5`) or run into more digits.
fn stands_alone(t: &str, start: usize, end: usize) -> bool {
    // Chinese writes no space before a symbol: 以及S/PRST/2005/16.
    let before_ok = t[..start]
        .chars()
        .next_back()
        .is_none_or(|c| (!c.is_alphanumeric() && c != '/') || is_cjk(c));
    let after_ok = t[end..].chars().next().is_none_or(|c| !c.is_ascii_digit());
    before_ok && after_ok
}

fn find_symbols(t: &str, out: &mut Vec<Found>) {
    for c in PRST.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        if let Some(year) = plausible_year(&c[1]).filter(|_| stands_alone(t, m.start(), m.end())) {
            let n: u32 = c[2].parse().unwrap_or(0);
            out.push(known(
                m,
                CitationKind::PresidentialStatement,
                format!("S/PRST/{year}/{n}"),
            ));
        }
    }
    for c in DOCUMENT.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        if let Some(year) = plausible_year(&c[1]).filter(|_| stands_alone(t, m.start(), m.end())) {
            let suffix: String = c[3].chars().filter(|c| !c.is_whitespace()).collect();
            let symbol = format!("S/{year}/{}{}", digits(&c[2]), suffix);
            push_addenda(t, m.end(), &symbol, out);
            out.push(known(m, CitationKind::Document, symbol));
        }
    }
    for c in OLD_DOCUMENT.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        let next = t[m.end()..].trim_start().chars().next();
        if stands_alone(t, m.start(), m.end())
            && next != Some('/')
            && plausible_year(&c[1]).is_none()
        {
            let suffix: String = c[2].chars().filter(|c| !c.is_whitespace()).collect();
            let symbol = format!("S/{}{}", &c[1], suffix);
            push_addenda(t, m.end(), &symbol, out);
            out.push(known(m, CitationKind::Document, symbol));
        }
    }
    for c in MEETING.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        if stands_alone(t, m.start(), m.end()) {
            out.push(known(m, CitationKind::Meeting, format!("S/PV.{}", &c[1])));
        }
    }
    for c in SC_RES_SYMBOL.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        if !stands_alone(t, m.start(), m.end()) {
            continue;
        }
        let n: u32 = c[1].parse().unwrap_or(0);
        let symbol = match c.get(2).and_then(|y| plausible_year(y.as_str())) {
            Some(year) => Symbol::Known(sc_resolution(n, year)),
            None => Symbol::YearlessResolution(n),
        };
        out.push(Found {
            start: m.start(),
            end: m.end(),
            kind: CitationKind::Resolution,
            symbol,
        });
    }
    for c in GA_RES_SYMBOL.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        if stands_alone(t, m.start(), m.end()) {
            let symbol = format!("A/RES/{}/{}", &c[1], &c[2]);
            out.push(known(m, CitationKind::GeneralAssemblyResolution, symbol));
        }
    }
}

/// "S/11302 and Add.1": the addendum named after a document is a document of its own.
static AND_ADDENDUM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:and|et|y|и|و)\s*((?i:Add|Corr|Rev))\s*\.\s*(\d{1,3})"));

fn push_addenda(t: &str, after: usize, symbol: &str, out: &mut Vec<Found>) {
    if let Some(c) = AND_ADDENDUM.captures(&t[after..]) {
        let part = c.get(1).expect("group 1");
        let mut kind = part.as_str().to_ascii_lowercase();
        kind[..1].make_ascii_uppercase();
        out.push(Found {
            start: after + part.start(),
            end: after + c[0].len(),
            kind: CitationKind::Document,
            symbol: Symbol::Known(format!("{symbol}/{kind}.{}", &c[2])),
        });
    }
}

fn known(m: regex::Match, kind: CitationKind, symbol: String) -> Found {
    Found {
        start: m.start(),
        end: m.end(),
        kind,
        symbol: Symbol::Known(symbol),
    }
}

/// One list item as a citation, or None when the item is not a citation after all.
fn list_item(c: &regex::Captures) -> Option<(CitationKind, Symbol)> {
    let (number, ga_number, year) = (
        &c[1],
        c.get(2).map(|m| m.as_str()),
        c.get(3).map(|m| m.as_str()),
    );
    let n: u32 = number.parse().ok()?;
    if let Some(session) = c.get(4).and_then(|s| numerals::roman_value(s.as_str())) {
        // `N (ROMAN)` numbers a General Assembly resolution by its session, never the Council's.
        return Some((
            CitationKind::GeneralAssemblyResolution,
            Symbol::Known(format!("A/RES/{n} ({})", numerals::roman(session))),
        ));
    }
    if let Some(m) = ga_number {
        // `N/M` after the word for resolution is always a General Assembly resolution.
        return Some((
            CitationKind::GeneralAssemblyResolution,
            Symbol::Known(format!("A/RES/{n}/{m}")),
        ));
    }
    match year {
        Some(y) => Some((
            CitationKind::Resolution,
            Symbol::Known(sc_resolution(n, plausible_year(y)?)),
        )),
        // Below 100 a bare number after "resolution" is more often something else (a draft, a
        // paragraph); those resolutions date from 1946-1952 and are cited with their year.
        None if n >= 100 => Some((CitationKind::Resolution, Symbol::YearlessResolution(n))),
        None => None,
    }
}

fn find_resolution_lists(t: &str, out: &mut Vec<Found>) {
    let mut dated_searched_to = 0;
    for word in RESOLUTION_WORD.find_iter(t) {
        if !whole_word(t, word.start(), word.end()) {
            continue;
        }
        dated_searched_to = find_dated_resolutions(t, word.end(), dated_searched_to, out);
        let word_start = word_start(t, word.start());
        let mut at = word.end();
        if let Some(body) = BODY_AFTER_WORD.find(&t[at..]) {
            at += body.end();
        }
        let mut first = true;
        loop {
            let rest = &t[at..];
            let skipped = rest.len() - rest.trim_start().len();
            // The first item must follow the word closely; later ones follow a separator, on the
            // same line (the next line may open with a paragraph's number, "100.").
            if (first && skipped > 3) || rest[..skipped].contains('\n') {
                break;
            }
            let item_start = at + skipped;
            let Some(c) = LIST_ITEM.captures(&t[item_start..]) else {
                break;
            };
            let item_end = item_start + c[0].len();
            if t[item_end..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '/')
            {
                break;
            }
            let Some((kind, symbol)) = list_item(&c) else {
                break;
            };
            let start = if first { word_start } else { item_start };
            out.push(Found {
                start,
                end: item_end,
                kind,
                symbol,
            });
            first = false;
            let mut after_date = item_end + ITEM_DATE.find(&t[item_end..]).map_or(0, |d| d.end());
            after_date += EDITOR_CODE.find(&t[after_date..]).map_or(0, |c| c.end());
            match LIST_SEPARATOR.find(&t[after_date..]) {
                Some(sep) if !sep.as_str().is_empty() => at = after_date + sep.end(),
                // A separator lost in transcription ("1655 (2006) 1680 (2006)"): only an item
                // with its year, unmistakable, carries the list on.
                _ if DATED_ITEM_AHEAD.is_match(&t[after_date..]) => at = after_date,
                _ => break,
            }
        }
    }
}

fn find_chinese_resolution_lists(t: &str, out: &mut Vec<Found>) {
    for list in ZH_RESOLUTION_LIST.find_iter(t) {
        let items: Vec<_> = ZH_ITEM.captures_iter(list.as_str()).collect();
        let single = items.len() == 1;
        for c in items {
            let m = c.get(0).expect("whole match");
            // The digits of an item's date (1999年8月25日) are no item.
            let next = list.as_str()[m.end()..].trim_start().chars().next();
            if next.is_some_and(|n| "年月日".contains(n)) {
                continue;
            }
            let Some((kind, symbol)) = list_item(&c) else {
                continue;
            };
            let (start, end) = if single {
                (list.start(), list.end())
            } else {
                // Take in the 第 before the item and the 号 after it.
                let before = list.as_str()[..m.start()].trim_end();
                let start = before
                    .strip_suffix('第')
                    .map(|b| b.len())
                    .unwrap_or(m.start());
                let after = &list.as_str()[m.end()..];
                let end = after
                    .trim_start()
                    .strip_prefix('号')
                    .map(|a| list.len() - a.len())
                    .unwrap_or(m.end());
                (list.start() + start, list.start() + end)
            };
            out.push(Found {
                start,
                end,
                kind,
                symbol,
            });
        }
    }
}

/// Resolutions given with their date of adoption in a list that words have broken, looked for
/// only in the sentence after a word for resolution (which is where such lists stand): from
/// `word_end`, or from `searched_to` if the last search reached further. Returns how far this
/// one searched.
fn find_dated_resolutions(
    t: &str,
    word_end: usize,
    searched_to: usize,
    out: &mut Vec<Found>,
) -> usize {
    let from = word_end.max(searched_to);
    let to = t[from..]
        .find(['.', ';', '\n'])
        .map_or(t.len(), |k| from + k);
    for c in DATED_RESOLUTION.captures_iter(&t[from..to]) {
        let (Some(year), Ok(date_year)) = (plausible_year(&c[2]), c[3].parse::<i32>()) else {
            continue;
        };
        let number = c.get(1).expect("group 1");
        let (start, end) = (from + number.start(), from + number.end());
        if year != date_year || !stands_alone(t, start, end) {
            continue;
        }
        let Ok(n) = number.as_str().parse::<u32>() else {
            continue;
        };
        let close = from + c.get(2).map_or(number.end(), |y| y.end());
        let close = t[close..].find(')').map_or(close, |k| close + k + 1);
        out.push(Found {
            start,
            end: close,
            kind: CitationKind::Resolution,
            symbol: Symbol::Known(sc_resolution(n, year)),
        });
    }
    to
}

fn find_chinese_session_resolutions(t: &str, out: &mut Vec<Found>) {
    for c in ZH_SESSION_RESOLUTION.captures_iter(t) {
        let (Some(n), Some(session)) = (numerals::chinese(&c[1]), numerals::chinese(&c[2])) else {
            continue;
        };
        let m = c.get(0).expect("whole match");
        let symbol = format!("A/RES/{n} ({})", numerals::roman(session));
        out.push(known(m, CitationKind::GeneralAssemblyResolution, symbol));
    }
}

mod bare;
mod charter;

#[cfg(test)]
mod tests;
