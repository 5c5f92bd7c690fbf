//! The text parser measured against the UN's own markup. Each AKN file gives two things: the
//! document as printed (rendered from the markup, as a `%%%` archive would hold it) and the
//! truth about it (the markup's symbol, date, meeting, numbered paragraphs and sub-items, and a
//! link on every cited document). The text parser reads the printed text alone, and each of its
//! answers is scored against the markup's. The simplest baseline stands beside it: the one-line
//! pattern `[0-9]{1,4}\s*\([0-9]{4}\)` for resolutions.
//!
//! Used by `examples/akn_eval.rs` over a whole snapshot and by the test suite over the sample in
//! `tests/fixtures/akn/`.

use std::collections::{BTreeMap, HashMap};

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::{self, akn, CitationKind, Document, Origin};

/// Kinds of citation the markup links, and so the kinds scored.
const LINKED_KINDS: [CitationKind; 4] = [
    CitationKind::Resolution,
    CitationKind::PresidentialStatement,
    CitationKind::Document,
    CitationKind::GeneralAssemblyResolution,
];

static BASELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,4})\s*\(([0-9]{4})\)").expect("baseline pattern"));

/// Right answers out of those asked, for one field.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub right: u64,
    pub asked: u64,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.asked += 1;
        self.right += u64::from(right);
    }

    pub fn share(&self) -> Option<f64> {
        (self.asked > 0).then(|| self.right as f64 / self.asked as f64)
    }
}

/// Citations found against citations marked up.
#[derive(Debug, Default, Clone, Copy)]
pub struct Matches {
    pub found: u64,
    pub truth: u64,
    pub both: u64,
}

impl Matches {
    fn add(&mut self, found: &[String], truth: &[String]) {
        let mut left: HashMap<&str, i64> = HashMap::new();
        for t in truth {
            *left.entry(t).or_default() += 1;
        }
        for f in found {
            if let Some(n) = left.get_mut(f.as_str()).filter(|n| **n > 0) {
                *n -= 1;
                self.both += 1;
            }
        }
        self.found += found.len() as u64;
        self.truth += truth.len() as u64;
    }

    pub fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.both as f64 / self.found as f64)
    }

    pub fn recall(&self) -> Option<f64> {
        (self.truth > 0).then(|| self.both as f64 / self.truth as f64)
    }

    pub fn f1(&self) -> Option<f64> {
        match (self.found + self.truth, self.both) {
            (0, _) => None,
            (n, both) => Some(2.0 * both as f64 / n as f64),
        }
    }
}

/// The scores of a set of documents.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub documents: u64,
    pub doc_type: Tally,
    pub symbol: Tally,
    pub date: Tally,
    /// Meetings scored only where the printed text gives the number: the markup of some
    /// documents knows a meeting their text never names.
    pub meeting: Tally,
    pub meeting_not_printed: u64,
    /// Documents whose paragraphs the parser counts as the markup does.
    pub paragraphs: Tally,
    /// Documents with sub-items (in the markup or the parser's reading) whose sub-items per
    /// paragraph the parser counts as the markup does.
    pub sub_items: Tally,
    /// Documents the markup links at least one citation in: only they score citations.
    pub linked_documents: u64,
    pub citations: BTreeMap<&'static str, Matches>,
    pub all_citations: Matches,
    /// All kinds against this file's links alone.
    pub own_links: Matches,
    pub baseline_resolutions: Matches,
    /// Files that are no AKN document.
    pub unreadable: u64,
}

/// One document's differences, for a person to read.
#[derive(Debug, Default, Clone)]
pub struct Misses {
    pub fields: Vec<String>,
    pub missed_citations: Vec<String>,
    pub extra_citations: Vec<String>,
}

impl Scores {
    /// Scores one AKN file, its citations against its links and those of `others` (another
    /// language version's); gives what the parser got wrong in it.
    pub fn add_file(&mut self, text: &str, others: Option<&Links>) -> Misses {
        match akn::read(text) {
            Ok(read) => self.add_read(&read, others),
            Err(_) => {
                self.unreadable += 1;
                Misses::default()
            }
        }
    }

    /// `add_file` for a file already read.
    pub fn add_read(&mut self, read: &akn::Read, others: Option<&Links>) -> Misses {
        let mut misses = Misses::default();
        self.documents += 1;
        let markup = &read.markup;
        let truth = &read.document;
        let printed = format!("%%%\n\n{}\n", truth.body);
        let limits = parse::Limits {
            max_document_bytes: usize::MAX,
        };
        let Ok(parsed) = parse::parse_document(&printed, 1, &limits) else {
            misses.fields.push("the parser refused the text".into());
            return misses;
        };
        let mut field = |tally: &mut Tally, name: &str, right: bool, got: String, want: String| {
            tally.add(right);
            if !right {
                misses
                    .fields
                    .push(format!("{name}: got {got}, markup {want}"));
            }
        };
        field(
            &mut self.doc_type,
            "doc_type",
            parsed.doc_type == markup.doc_type,
            parsed.doc_type.as_str().into(),
            markup.doc_type.as_str().into(),
        );
        if let Some(want) = &markup.symbol {
            field(
                &mut self.symbol,
                "symbol",
                parsed.symbol.as_ref() == Some(want),
                format!("{:?}", parsed.symbol),
                want.clone(),
            );
        }
        if let Some(want) = markup.issued_on {
            field(
                &mut self.date,
                "date",
                parsed.issued_on == Some(want),
                format!("{:?}", parsed.issued_on),
                want.to_string(),
            );
        }
        let folded_body = parse::norm::Folded::new(&truth.body);
        let printed_meeting = markup
            .meeting
            .filter(|m| folded_body.text.contains(&m.to_string()));
        if markup.meeting.is_some() && printed_meeting.is_none() {
            self.meeting_not_printed += 1;
        }
        if let Some(want) = printed_meeting {
            field(
                &mut self.meeting,
                "meeting",
                parsed.meeting == Some(want),
                format!("{:?}", parsed.meeting),
                want.to_string(),
            );
        }
        let (want_p, want_s) = structure(truth);
        let (got_p, got_s) = structure(&parsed);
        field(
            &mut self.paragraphs,
            "paragraphs",
            got_p == want_p,
            got_p.to_string(),
            want_p.to_string(),
        );
        if want_s.iter().any(|&n| n > 0) || got_s.iter().any(|&n| n > 0) {
            field(
                &mut self.sub_items,
                "sub-items",
                got_s == want_s,
                format!("{got_s:?}"),
                format!("{want_s:?}"),
            );
        }

        let own = links_of(truth);
        if own.is_empty() {
            return misses;
        }
        self.linked_documents += 1;
        let found_keys: Vec<String> = parsed
            .citations
            .iter()
            .filter(|(_, c)| LINKED_KINDS.contains(&c.kind))
            .map(|(_, c)| key(c.kind, &c.symbol))
            .collect();
        let truth_keys = confirmed(&own, others, &found_keys);
        for kind in LINKED_KINDS {
            let of = |keys: &[String]| -> Vec<String> {
                let prefix = format!("{} ", kind.as_str());
                keys.iter()
                    .filter(|k| k.starts_with(&prefix))
                    .cloned()
                    .collect()
            };
            self.citations
                .entry(kind.as_str())
                .or_default()
                .add(&of(&found_keys), &of(&truth_keys));
        }
        self.all_citations.add(&found_keys, &truth_keys);
        self.own_links.add(&found_keys, &expand(&own));
        let mut left = truth_keys.clone();
        for f in &found_keys {
            match left.iter().position(|t| t == f) {
                Some(k) => {
                    left.swap_remove(k);
                }
                None => misses.extra_citations.push(f.clone()),
            }
        }
        misses.missed_citations = left;

        let own_symbol = markup.symbol.clone().unwrap_or_default();
        let baseline: Vec<String> = BASELINE
            .captures_iter(&truth.body)
            .map(|c| format!("S/RES/{} ({})", &c[1], &c[2]))
            .filter(|s| *s != own_symbol)
            .map(|s| key(CitationKind::Resolution, &s))
            .collect();
        let resolutions: Vec<String> = confirmed(&own, others, &baseline)
            .into_iter()
            .filter(|k| k.starts_with("resolution "))
            .collect();
        self.baseline_resolutions.add(&baseline, &resolutions);
        misses
    }
}

/// Linked citations counted by kind and symbol.
pub type Links = BTreeMap<String, u32>;

fn expand(m: &Links) -> Vec<String> {
    m.iter()
        .flat_map(|(k, n)| std::iter::repeat_n(k.clone(), *n as usize))
        .collect()
}

/// The links a reading is scored against: this version's, and each mention the reading found
/// that this version's markup left unlinked where another language version links it as often.
fn confirmed(own: &Links, others: Option<&Links>, found: &[String]) -> Vec<String> {
    let mut found_counts = Links::new();
    for k in found {
        *found_counts.entry(k.clone()).or_default() += 1;
    }
    let mut links = own.clone();
    for (k, n) in others.into_iter().flatten() {
        let confirmed = (*n).min(found_counts.get(k).copied().unwrap_or(0));
        let at = links.entry(k.clone()).or_default();
        *at = (*at).max(confirmed);
    }
    expand(&links)
}

fn key(kind: CitationKind, symbol: &str) -> String {
    format!("{} {symbol}", kind.as_str())
}

fn links_of(doc: &Document) -> Links {
    let mut links = Links::new();
    for (_, c) in &doc.citations {
        if c.origin == Origin::Link && LINKED_KINDS.contains(&c.kind) {
            *links.entry(key(c.kind, &c.symbol)).or_default() += 1;
        }
    }
    links
}

/// The links of every language version of each document, as many of each as the version that
/// links it most: a version whose markup left a mention unlinked is scored against them.
#[derive(Debug, Default)]
pub struct LinkBook(BTreeMap<String, Links>);

impl LinkBook {
    /// Adds the links of one file's document.
    pub fn add(&mut self, read: &akn::Read) {
        let Some(symbol) = read.markup.symbol.clone() else {
            return;
        };
        let all = self.0.entry(symbol).or_default();
        for (k, n) in links_of(&read.document) {
            let at = all.entry(k).or_default();
            *at = (*at).max(n);
        }
    }

    /// The links of the document a file is a version of.
    pub fn of(&self, read: &akn::Read) -> Option<&Links> {
        self.0.get(read.markup.symbol.as_ref()?)
    }
}

/// The number of paragraphs, and the number of sub-items of each.
fn structure(doc: &Document) -> (usize, Vec<usize>) {
    let mut subs: Vec<usize> = Vec::new();
    for (k, c) in doc.clauses.iter().enumerate().skip(1) {
        match c.parent {
            None => subs.push(0),
            Some(p) if p > 0 && p < k => {
                if let Some(last) = subs.last_mut() {
                    *last += 1;
                }
            }
            Some(_) => {}
        }
    }
    (subs.len(), subs)
}

/// Which set of the UN's snapshot a file's path puts it in.
pub fn set_of(path: &str) -> &'static str {
    if path.contains("PRST/") {
        "PRST"
    } else if path.contains("Pre-2020/") {
        "Pre-2020"
    } else if path.contains("Not adopted/") {
        "Not adopted"
    } else {
        "2020-2024"
    }
}
