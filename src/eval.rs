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
    /// Scores one AKN file; gives what the parser got wrong in it.
    pub fn add_file(&mut self, text: &str) -> Misses {
        let mut misses = Misses::default();
        let Ok(read) = akn::read(text) else {
            self.unreadable += 1;
            return misses;
        };
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

        let linked: Vec<_> = truth
            .citations
            .iter()
            .filter(|(_, c)| c.origin == Origin::Link && LINKED_KINDS.contains(&c.kind))
            .map(|(_, c)| c)
            .collect();
        if linked.is_empty() {
            return misses;
        }
        self.linked_documents += 1;
        let found: Vec<_> = parsed
            .citations
            .iter()
            .filter(|(_, c)| LINKED_KINDS.contains(&c.kind))
            .map(|(_, c)| c)
            .collect();
        for kind in LINKED_KINDS {
            let of = |cs: &[&parse::Citation]| -> Vec<String> {
                cs.iter()
                    .filter(|c| c.kind == kind)
                    .map(|c| c.symbol.clone())
                    .collect()
            };
            self.citations
                .entry(kind.as_str())
                .or_default()
                .add(&of(&found), &of(&linked));
        }
        let key = |c: &&parse::Citation| format!("{} {}", c.kind.as_str(), c.symbol);
        let found_keys: Vec<String> = found.iter().map(key).collect();
        let truth_keys: Vec<String> = linked.iter().map(key).collect();
        self.all_citations.add(&found_keys, &truth_keys);
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

        let own = markup.symbol.clone().unwrap_or_default();
        let baseline: Vec<String> = BASELINE
            .captures_iter(&truth.body)
            .map(|c| format!("S/RES/{} ({})", &c[1], &c[2]))
            .filter(|s| *s != own)
            .collect();
        let truth_resolutions: Vec<String> = linked
            .iter()
            .filter(|c| c.kind == CitationKind::Resolution)
            .map(|c| c.symbol.clone())
            .collect();
        self.baseline_resolutions.add(&baseline, &truth_resolutions);
        misses
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
