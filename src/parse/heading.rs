//! The parts of a document that name it rather than say anything: the heading region before
//! the opening formula ("The Security Council," and its equivalents in the six languages), the
//! opening of a presidential statement ("At the 4490th meeting …, the President of the Security
//! Council made the following statement …:"), and the adoption lines, at the head or at the
//! end ("Adopted by the Security Council at its 5014th meeting", "Adopted unanimously at the
//! 2502nd meeting."). From them come the document type, its own symbol, and the places where
//! its date and meeting of adoption are written. Headings of every era are met: "Resolution
//! 1325 (2000)", "United Nations Security Council Resolution 470", "35 (1947). Résolution du 10
//! avril 1947", "第408(1977)号决议", "决议案二三七(一九六七)", "قرار مجلس الأمن رقم 338 (1973)".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::meta::find_date_in_folded;
use super::norm::{is_cjk, Folded};
use super::{numerals, resolution_years, DocType};

/// What the heading, the opening and the adoption lines say of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub doc_type: DocType,
    /// The document's own symbol: `S/RES/N (YYYY)`, `S/PRST/YYYY/N`, or a leading `S/YYYY/N`.
    pub symbol: Option<String>,
    /// Byte offset in the body where the part that names the document ends: nothing before it
    /// is a citation.
    pub names_end: usize,
    /// Byte ranges of the folded body (`norm::Folded`) where the date and meeting of adoption
    /// are written, the most trusted first. Empty when the text shows none of the structure above: the caller then
    /// reads them from the preamble.
    pub adoption: Vec<Range<usize>>,
    /// A catalogue record's line naming the document ("Document symbol: S/PRST/2001/15", as
    /// web archives append): it cites nothing. Body offsets.
    pub catalogue: Option<Range<usize>>,
    /// Byte offset in the body where an official masthead ("United Nations / S/RES/2672 (2023)
    /// / Security Council / Distr.: General / 9 January 2023") ends; 0 without one.
    pub masthead_end: usize,
    /// A draft resolution put to the vote: no resolution, but numbered as one.
    pub draft: bool,
}

/// How much of the head the heading, opening and adoption line may take, in characters.
const HEAD_CHARS: usize = 1000;
/// How much of the end an adoption line closing the text may take, in characters.
const TAIL_CHARS: usize = 1200;
/// How far back into the head the stretch past it starts, in characters.
const BORDER_CHARS: usize = 200;
/// How far after an adoption line its date may stand, in bytes.
const ADOPTION_DATE_BYTES: usize = 160;

/// A pattern that also matches Chinese segmented with spaces ("安全 理事会"): white space is
/// allowed between any two Chinese characters of its literals (not inside a character class).
fn spaced(pattern: &str) -> Regex {
    let mut out = String::with_capacity(pattern.len() * 2);
    let (mut in_class, mut escaped, mut prev_cjk) = (false, false, false);
    for c in pattern.chars() {
        let cjk = !in_class && !escaped && is_cjk(c);
        if cjk && prev_cjk {
            out.push_str(r"\s*");
        }
        out.push(c);
        // "的?" leaves the next character as close as the 的 was.
        prev_cjk = cjk || (prev_cjk && c == '?');
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
    }
    // The patterns are constants of this module; a bad one is a bug caught by every test.
    Regex::new(&out).expect("heading pattern")
}

/// The opening formula of a resolution: the Council named, then a comma or colon.
static OPENING_FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    spaced(concat!(
        r"(?:إن\s+)?(?:(?:The|THE)\s+(?i:security\s+council)|(?:Le|LE)\s+(?i:conseil\s+de\s+s[ée]curit[ée])",
        r"|(?:El|EL)\s+(?i:consejo\s+de\s+seguridad)|(?:Совет|СОВЕТ)\s+(?i:безопасности)",
        r"|安全理事会|مجلس\s+ال[أا]من(?:\s+الدولي)?)(?:\s*[,，،:：]|[ \t]*(?:\n|$))",
        // "إن" before the Council's name opens the text even where the comma is lost ("إن
        // مجلس الأمن بعدما أخذ علمًا …").
        r"|إن\s+مجلس\s+ال[أا]من(?:\s+الدولي)?[ \t]",
    ))
});

/// The opening sentence of a presidential statement, up to the colon that precedes the text.
static STATEMENT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    spaced(concat!(
        r"(?i)President\s+(?:of\s+the\s+Security\s+Council\s+)?(?:made|issued|read\s+out|delivered)[^:]*?statement[^:]*:",
        r"|Pr[ée]sidente?\s+(?:du\s+Conseil\s+de\s+s[ée]curit[ée]\s+)?a\s+(?:fait|donn[ée])[^:]*?d[ée]claration\s+suivante[^:]*:",
        r"|(?:President[ae]|Presidencia)\s+del\s+Consejo\s+de\s+Seguridad\s+(?:formul[oó]|hizo|dio\s+lectura)[^:]*?declaraci[oó]n[^:]*:",
        r"|Председател\w*\s+Совета\s+Безопасности\s+(?:сделал|выступил|зачитал)\w*[^:]*?заявлени\w*[^:]*:",
        r"|主席[^。:：]*?(?:发表|宣读)[^。:：]*?声明[^。:：]{0,8}[:：]",
        r"|(?:أدلى|ادلى|أدلت)\s+(?:رئيس|رئيسة)\s+مجلس\s+ال[أا]من[^:]*?(?:بالبيان|ببيان)[^:]*:",
    ))
});

/// The heading of a presidential statement.
static STATEMENT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    spaced(concat!(
        r"(?i)理事会主席的?声明|statement\s+by\s+the\s+president\s+of\s+the\s+security\s+council",
        r"|d[ée]claration\s+d[ue]\s+(?:la\s+)?pr[ée]sidente?\s+du\s+conseil\s+de\s+s[ée]curit[ée]",
        r"|declaraci[oó]n\s+de(?:l|\s+la)\s+(?:president[ae]|presidencia)\s+del\s+consejo\s+de\s+seguridad",
        r"|заявление\s+председателя\s+совета\s+безопасности",
        r"|بيان\s+(?:من\s+)?رئيس[ةه]?\s+مجلس\s+ال[أا]من",
    ))
});

/// An adoption line; group 1 is the meeting (digits, or Chinese numerals).
static ADOPTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    spaced(concat!(
        r"(?i)adopted\s+(?:[^.;]*?\s)?(?:at|in)\s+(?:its|the)\s+(\d{1,5})\s*(?:st|nd|rd|th|d)\s+meeting",
        r"|adopt[ée]e\s+(?:[^.;]*?\s)?à\s+(?:sa|la)\s+(\d{1,5})\s*(?:e|ème|eme|re|')\.?\s+s[ée]ance",
        r"|aprobad[ao]\s+(?:[^.;]*?\s)?en\s+(?:su|la)\s+(\d{1,5})\.?\s*[ªºa]\.?\s+sesi[oó]n",
        r"|приня[а-яё]*\s+(?:[^.;]*?\s)?на\s+(?:его\s+|своем\s+)?(\d{1,5})\s*-?\s*(?:м|й)?\s*заседани",
        r"|第\s*(\d{1,5}|[〇○零一二三四五六七八九十百千]+)\s*次\s*会议[^。;]*?通过",
        // Official Chinese texts may leave out 第: "2023年1月9日9237次会议通过".
        r"|(?:^|[^\d])(\d{1,5})\s*次\s*会议[^。;]*?通过",
        r"|(?:اتخذه|اتخذ|اعتمده|اعتمد|تبنى|تبنّى)[^.;]*?جلست\S*\s+(?:رقم\s+)?(\d{1,5})",
    ))
});

/// The document's own resolution number (and year, when written) in its heading.
static OWN_RESOLUTION: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let zh_number = "[〇○零一二三四五六七八九十百]+";
    let zh_year = "[〇○零一二三四五六七八九]{4}";
    [
        r"S\s*/\s*RES\s*/\s*(\d{1,4})\s*\(\s*(\d{4})\s*\)".to_string(),
        concat!(
            r"(?i)(?:resolution|r[ée]solution|resoluci[oó]n|резолюци[яи]|القرار|قرار(?:\s+مجلس\s+ال[أا]من(?:\s+الدولي)?)?)",
            r"\s*(?:(?:(?:ال)?رقم|No\.?|n[°º]\.?|№)\s*)?(\d{1,4})(?:\s*\(\s*(\d{4})\s*\))?(?:[^\d/]|$)",
        )
        .to_string(),
        r"(?m)(?:^|\s)(\d{1,4})\s*\(\s*(\d{4})\s*\)\s*[.．]?\s*(?i:r[ée]solution|resolution|resoluci[oó]n|резолюция|决议)".to_string(),
        r"第\s*(\d{1,4})\s*\(\s*(\d{4})\s*\)\s*号\s*决议".to_string(),
        format!(r"决议案?\s*({zh_number})\s*\(\s*({zh_year})\s*\)"),
        format!(r"(?m)^\s*({zh_number})\s*\(\s*({zh_year})\s*\)\s*[.．]"),
    ]
    .iter()
    .map(|p| spaced(p))
    .collect()
});

static PRST_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"S\s*/\s*PRST\s*/\s*(\d{4})\s*/\s*(\d{1,3})").expect("PRST symbol pattern")
});
/// A document's own symbol at the very start: `S/PRST/2009/24` or `S/2009/398`.
static LEADING_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(S\s*/\s*PRST\s*/\s*\d{4}\s*/\s*\d{1,3}|S\s*/\s*\d{4}\s*/\s*\d{1,5})(?:[^\d]|$)",
    )
    .expect("leading symbol pattern")
});

/// What may stand before a resolution's number at the very start of a text with no opening
/// formula: nothing, its symbol, or the Council's name.
static UNTITLED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:S\s*/\s*RES\s*/\s*\d{1,4}\s*\(\s*\d{4}\s*\)|(?:united\s+nations\s+)?security\s+council)?$")
        .expect("untitled prefix pattern")
});

/// The yearbooks' heading, "35 (1947). Résolution du 10 avril 1947", distinct enough to be
/// taken wherever it stands in the first line.
static YEARBOOK_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\d{1,4}\s*\(\s*\d{4}\s*\)\s*[.．]").expect("yearbook heading pattern")
});

/// A stretch of the folded body, with a way back to body offsets.
struct Stretch<'f> {
    folded: &'f Folded<'f>,
    start: usize,
    end: usize,
}

impl<'f> Stretch<'f> {
    fn new(folded: &'f Folded<'f>, range: Range<usize>) -> Stretch<'f> {
        Stretch {
            folded,
            start: range.start,
            end: range.end,
        }
    }

    fn text(&self) -> &str {
        &self.folded.text[self.start..self.end]
    }

    /// The first byte of this stretch's text at or after `folded_at` in the folded body.
    fn index_of(&self, folded_at: usize) -> usize {
        floor_boundary(self.text(), folded_at.saturating_sub(self.start))
    }

    /// The offset in the folded body of byte `at` of this stretch's text.
    fn folded_offset(&self, at: usize) -> usize {
        self.start + at
    }

    /// The offset in the body of byte `at` of this stretch's text.
    fn offset(&self, at: usize) -> usize {
        self.folded.original_offset(self.folded_offset(at))
    }
}

/// `at`, or the end of `s` if sooner, moved back to a character boundary.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_boundary_after(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

fn char_boundary_before_end(s: &str, chars: usize) -> usize {
    s.char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The first opening formula that can be one: not inside a quotation, and not run on from a
/// word before it (a line break, punctuation, a number, or an adoption line's 通过 may precede
/// it).
fn opening_formula(t: &str, from: usize) -> Option<Range<usize>> {
    OPENING_FORMULA
        .find_iter(t)
        .filter(|m| m.start() >= from)
        .find_map(|m| {
            let before = &t[..m.start()];
            let trimmed = before.trim_end_matches([' ', '\t']);
            // The Council's name alone on its line, with its comma lost, opens the text only
            // after a heading: at the top of a page it is the masthead.
            if !m.as_str().trim_end().ends_with([',', '，', '،', ':', '：'])
                && (!before.is_empty() && !before.ends_with('\n')
                    || (own_resolution(before).is_none() && !ADOPTION_LINE.is_match(before)))
            {
                return None;
            }
            let ok = match trimmed.chars().next_back() {
                None | Some('\n') => true,
                Some(c) if "\"“«„'‘".contains(c) => false,
                Some(c) => {
                    !c.is_alphabetic() || trimmed.ends_with("通过") || m.as_str().starts_with("إن")
                }
            };
            ok.then(|| m.range())
        })
}

/// Where the masthead of an official document ends: the lines down to its distribution line
/// ("Distr.: General", "Distr. générale") and the date, original language and job number
/// after it. Text copied from the UN's files starts so, and its "Security Council" alone on a
/// line is the issuing body, not the opening formula. 0 when the text has no masthead.
fn masthead_end(t: &str) -> usize {
    let mut at = 0;
    for line in t.split_inclusive('\n').take(MASTHEAD_LINES) {
        at += line.len();
        if !line.trim_start().starts_with("Distr") {
            continue;
        }
        for next in t[at..].split_inclusive('\n').take(4) {
            let n = next.trim();
            let date =
                n.chars().count() <= 40 && !n.contains('(') && find_date_in_folded(n).is_some();
            let original = n.starts_with("Original") || n.starts_with("Orig.");
            let job = n.len() >= 8
                && n.chars()
                    .all(|c| c.is_ascii_digit() || " -*()ACEFRSX".contains(c))
                && n.chars().filter(char::is_ascii_digit).count() >= 7;
            if !(date || original || job || n.is_empty()) {
                break;
            }
            at += next.len();
        }
        return at;
    }
    0
}

/// How many lines a masthead may take before its distribution line.
const MASTHEAD_LINES: usize = 8;

/// Where a preamble clause set before the opening formula begins ("查联合国一会员国…, 因此,
/// 安全理事会,"): the first long line of the heading region that ends like a clause. Else `end`.
fn preamble_before(t: &str, end: usize) -> usize {
    let mut at = 0;
    for line in t[..end].split_inclusive('\n') {
        let content = line.trim();
        if content.chars().count() >= 60 && content.ends_with([',', '，', '،', ';', '；']) {
            return at;
        }
        at += line.len();
    }
    end
}

fn number(s: &str) -> Option<u32> {
    numerals::chinese(s.trim())
}

/// The own resolution number, and year if written, from the part that names the document.
fn own_resolution(t: &str) -> Option<(Range<usize>, u32, Option<i32>)> {
    OWN_RESOLUTION
        .iter()
        .filter_map(|p| p.captures(t))
        .filter_map(|c| {
            let n = number(c.get(1)?.as_str()).filter(|&n| n > 0)?;
            let year = c
                .get(2)
                .and_then(|y| number(y.as_str()))
                .map(|y| y as i32)
                .filter(|y| (1946..=2100).contains(y));
            Some((c.get(0)?.range(), n, year))
        })
        .min_by_key(|(r, _, _)| r.start)
}

/// Reads the heading, opening and adoption lines of `body`.
pub fn read(body: &str) -> Heading {
    read_folded(&Folded::new(body))
}

/// A catalogue record's line giving the document's symbol.
static CATALOGUE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*[Dd]ocument\s+[Ss]ymbol:[ \t]*(S/[^\s,;]+)[ \t]*$")
        .expect("catalogue pattern")
});

/// `read` for a caller that already folded the body (the parser folds a body once).
pub fn read_folded(folded: &Folded) -> Heading {
    let mut heading = read_structure(folded);
    let ft: &str = &folded.text;
    let tail = Stretch::new(folded, char_boundary_before_end(ft, TAIL_CHARS)..ft.len());
    // Most texts have no catalogue record: a plain search for its words spares the pattern.
    if !tail.text().contains("ocument symbol") && !tail.text().contains("ocument Symbol") {
        return heading;
    }
    if let Some(c) = CATALOGUE_SYMBOL.captures(tail.text()) {
        let line = c.get(0).expect("whole match");
        heading.catalogue = Some(tail.offset(line.start())..tail.offset(line.end()));
        if heading.symbol.is_none() && heading.doc_type != DocType::Resolution {
            heading.symbol = Some(c[1].to_string());
        }
    }
    heading
}

fn read_structure(folded: &Folded) -> Heading {
    let ft: &str = &folded.text;
    // An official masthead is the issuing body's, not the heading: the heading starts after
    // it, and the symbol it prints is the document's own when the heading gives none.
    let skip = masthead_end(ft);
    let masthead_symbol = masthead_symbol(&ft[..skip]);
    let mut heading = read_heading(folded, skip);
    heading.masthead_end = folded.original_offset(skip);
    // A draft put to the vote ("Brazil and Switzerland: draft resolution") is no resolution
    // of the Council; its symbol is the masthead's (S/2023/506).
    let head_end = skip + char_boundary_after(&ft[skip..], HEAD_CHARS);
    if let Some(draft) = DRAFT_LINE.find(&ft[skip..head_end]) {
        let at = folded.original_offset(skip + draft.start());
        if heading.names_end == 0 || at < heading.names_end {
            heading.doc_type = DocType::Other;
            heading.draft = true;
            heading.symbol = MASTHEAD_DOCUMENT
                .find(&ft[..skip])
                .map(|m| m.as_str().split_whitespace().collect());
            return heading;
        }
    }
    // A heading's typo ("Résolution 2574 (2024)" for 2754): where its number cannot be of its
    // year and the masthead's can, the masthead's is the symbol.
    let fits = |s: &str| {
        super::citations::parse_sc_resolution(s).is_some_and(|(n, y)| resolution_years::fits(n, y))
    };
    if let (Some(own), Some(printed)) = (&heading.symbol, &masthead_symbol) {
        if own != printed && !fits(own) && fits(printed) {
            heading.symbol = Some(printed.clone());
        }
    }
    if heading.symbol.is_none() {
        heading.symbol = masthead_symbol.filter(|s| match heading.doc_type {
            DocType::Resolution => s.starts_with("S/RES/"),
            DocType::PresidentialStatement => s.starts_with("S/PRST/"),
            DocType::Other => false,
        });
    }
    heading
}

/// The line that presents a draft resolution, after its sponsors' names, in six languages.
static DRAFT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)[:：]\s*(?:draft\s+resolution|projet\s+de\s+r[ée]solution|proyecto\s+de\s+resoluci[oó]n|проект\s+резолюции|决议草案|مشروع\s+قرار)\s*$")
        .expect("draft pattern")
});

/// A document's symbol on a masthead line of its own: S/2023/506.
static MASTHEAD_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*S\s*/\s*\d{4}\s*/\s*\d{1,5}[ \t]*$").expect("masthead symbol pattern")
});

/// The symbol a masthead prints: `S/RES/2672 (2023)`, `S/PRST/2023/1`.
fn masthead_symbol(masthead: &str) -> Option<String> {
    if masthead.is_empty() {
        return None;
    }
    if let Some(c) = OWN_RESOLUTION[0].captures(masthead) {
        return Some(format!("S/RES/{} ({})", &c[1], &c[2]));
    }
    PRST_SYMBOL
        .captures(masthead)
        .map(|c| format!("S/PRST/{}/{}", &c[1], c[2].parse::<u32>().unwrap_or(0)))
}

/// The heading of a text whose first `skip` bytes (folded) are a masthead.
fn read_heading(folded: &Folded, skip: usize) -> Heading {
    let ft: &str = &folded.text;
    let head_end = skip + char_boundary_after(&ft[skip..], HEAD_CHARS);
    let head = Stretch::new(folded, skip..head_end);
    let h = head.text();
    // The adoption line closing the text is looked for in its last TAIL_CHARS: in the part of
    // the head that falls there, and in a stretch of its own past the head (reaching a little
    // back into it, so that a line across the border is whole in one of them).
    let tail_start = char_boundary_before_end(ft, TAIL_CHARS);
    let past_head = (head.end < ft.len()).then(|| {
        let back = char_boundary_before_end(&ft[..head.end], BORDER_CHARS);
        Stretch::new(folded, back.max(tail_start)..ft.len())
    });
    let last_adoption = |stretch: &Stretch, from: usize| {
        ADOPTION_LINE
            .find_iter(&stretch.text()[from..])
            .last()
            .map(|m| {
                let text = stretch.text();
                let end = floor_boundary(text, from + m.end() + ADOPTION_DATE_BYTES);
                stretch.folded_offset(from + m.start())..stretch.folded_offset(end)
            })
    };
    let tail_adoption = past_head
        .as_ref()
        .and_then(|rest| last_adoption(rest, 0))
        .or_else(|| {
            (tail_start < head.end)
                .then(|| last_adoption(&head, head.index_of(tail_start)))
                .flatten()
        });

    // Each search stops at its first match: the formula is early in a resolution, and the
    // opening of a statement is looked for only before it.
    let formula = opening_formula(h, 0);
    let opening = STATEMENT_OPENING
        .find(&h[..formula.as_ref().map_or(h.len(), |f| f.start)])
        .map(|m| m.range());
    let statement_first = match (&opening, &formula) {
        (Some(o), Some(f)) => o.start < f.start,
        (Some(_), None) => true,
        _ => false,
    };

    if let (true, Some(opening)) = (statement_first, &opening) {
        let end = opening.end;
        let names = &h[..end];
        // The opening sentence itself may cite ("following the adoption of resolution 398
        // (1976), the President made the following statement"): only what stands before its
        // line names the document.
        let sentence_start = h[..opening.start].rfind('\n').map_or(0, |k| k + 1);
        let symbol = PRST_SYMBOL
            .captures(names)
            .map(|c| format!("S/PRST/{}/{}", &c[1], c[2].parse::<u32>().unwrap_or(0)));
        return Heading {
            doc_type: DocType::PresidentialStatement,
            symbol,
            names_end: head.offset(sentence_start),
            // The opening's own date and meeting first (a masthead may carry the date the
            // document was issued), then anything before it.
            adoption: vec![
                head.folded_offset(opening.start)..head.folded_offset(end),
                head.folded_offset(0)..head.folded_offset(end),
            ],
            catalogue: None,
            masthead_end: 0,
            draft: false,
        };
    }

    // Without an opening formula, only the first line may carry the heading.
    let region_end = match &formula {
        Some(f) => f.start,
        None => h
            .find('\n')
            .unwrap_or(h.len())
            .min(char_boundary_after(h, 200)),
    };
    let names = &h[..region_end];
    let head_adoption = ADOPTION_LINE.find(&h[..formula.as_ref().map_or(h.len(), |f| f.start)]);
    // Without an opening formula to end the heading, the number must open the text, so that
    // "Recalling its resolution 1889 (2009)" in a first line is not taken for a heading.
    let own = own_resolution(names).filter(|(at, _, _)| {
        formula.is_some()
            || UNTITLED_PREFIX.is_match(names[..at.start].trim())
            || YEARBOOK_HEADING.is_match(&names[at.clone()])
    });
    let statement_heading =
        STATEMENT_HEADING.find(&h[..region_end.max(char_boundary_after(h, 400))]);
    // What names the document: all before the opening formula; without one, the heading alone.
    let names_end = match (&formula, &own, &statement_heading) {
        (Some(f), _, _) => preamble_before(h, f.start),
        (None, Some((at, _, _)), _) => at.end,
        (None, None, Some(m)) if m.start() < region_end => m.end().min(region_end),
        _ => 0,
    };
    let statement_heading = statement_heading.is_some();
    let leading_symbol = LEADING_SYMBOL
        .captures(h)
        .map(|c| c[1].split_whitespace().collect::<String>());

    let mut adoption = Vec::new();
    if let Some(m) = head_adoption {
        let limit = formula.as_ref().map_or(h.len(), |f| f.start);
        let end = floor_boundary(&h[..limit], m.end() + ADOPTION_DATE_BYTES);
        adoption.push(head.folded_offset(m.start())..head.folded_offset(end));
    }
    if formula.is_some() || own.is_some() {
        adoption.push(head.folded_offset(0)..head.folded_offset(region_end));
    }
    adoption.extend(tail_adoption.clone());

    let is_resolution = own.is_some()
        || head_adoption.is_some()
        || tail_adoption.is_some()
        || (formula.is_some() && !statement_heading);
    let prst_symbol = leading_symbol
        .clone()
        .filter(|s| s.starts_with("S/PRST/"))
        .or_else(|| {
            PRST_SYMBOL
                .captures(names)
                .map(|c| format!("S/PRST/{}/{}", &c[1], c[2].parse::<u32>().unwrap_or(0)))
        });
    if !is_resolution && (statement_heading || prst_symbol.is_some()) {
        return Heading {
            doc_type: DocType::PresidentialStatement,
            symbol: prst_symbol,
            names_end: head.offset(names_end),
            adoption,
            catalogue: None,
            masthead_end: 0,
            draft: false,
        };
    }
    if !is_resolution {
        return Heading {
            doc_type: DocType::Other,
            symbol: leading_symbol,
            names_end: 0,
            adoption,
            catalogue: None,
            masthead_end: 0,
            draft: false,
        };
    }
    let symbol = own.map(|(_, n, year)| {
        let year = year
            .or_else(|| {
                // The heading's date, else one in the adoption line, else the number's year.
                adoption
                    .iter()
                    .find_map(|r| find_date_in_folded(&folded.text[r.clone()]))
                    .map(|d| chrono::Datelike::year(&d))
            })
            .or_else(|| resolution_years::year_of(n));
        match year {
            Some(y) => format!("S/RES/{n} ({y})"),
            None => format!("S/RES/{n}"),
        }
    });
    Heading {
        doc_type: DocType::Resolution,
        symbol,
        names_end: head.offset(names_end),
        adoption,
        catalogue: None,
        masthead_end: 0,
        draft: false,
    }
}

#[cfg(test)]
mod tests;
