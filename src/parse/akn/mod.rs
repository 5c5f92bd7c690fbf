//! The UN's own markup of Council documents, Akoma Ntoso (AKN4UN) XML, read into the same
//! document records as the text archives. The markup says what the text parser has to guess:
//! the date and meeting of adoption (FRBR identification and the printed heading), the
//! language, the numbered paragraphs and their sub-items, the subject terms, and a link on
//! every cited document. The body is the document as printed, rendered from the markup, so that
//! search, reports and the text parser see one text; clauses and linked citations carry their
//! places in it.
//!
//! The vote, the sponsors, the draft and the meeting record go into a `DecisionRecord` beside
//! the document (`record`).

mod render;
mod tree;

use chrono::NaiveDate;

use super::citations::{self, Citation, CitationKind, Origin};
use super::clauses::Clause;
use super::norm::Folded;
use super::record::{split_sponsors, DecisionRecord, Outcome, RecordOrigin, Vote};
use super::{header, resolution_years, sha256_hex, DocType, Document};
use render::{Link, Place, Render};
use tree::Elem;

/// Why a file that looked like XML could not be read as the UN's markup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknError {
    #[error("not well-formed XML: {0}")]
    Malformed(String),
    #[error("the XML breaks off before its end ({0} never closed): the file is cut short")]
    Cut(String),
    #[error("XML, but not Akoma Ntoso (its root element is <{0}>)")]
    Foreign(String),
    #[error(
        "Akoma Ntoso, but it holds no document body (no <preamble>, <mainBody> or <coverPage>)"
    )]
    NoBody,
}

/// True when `text` opens (after white space) with markup: the caller then reads it as XML, a
/// decision by content, not by the file's name.
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
}

/// What the markup itself says of a document, nothing read from its text: the truth the text
/// parser is measured against.
#[derive(Debug, Clone)]
pub struct Markup {
    pub symbol: Option<String>,
    pub doc_type: DocType,
    pub language: Option<&'static str>,
    pub issued_on: Option<NaiveDate>,
    pub meeting: Option<i64>,
    /// How the file's XML had to be repaired to be read, one line a repair.
    pub repairs: Vec<String>,
}

/// One AKN file read: its document record (the markup's facts, with what the markup lacks read
/// from the printed text) and the markup's facts alone.
#[derive(Debug)]
pub struct Read {
    pub document: Document,
    pub markup: Markup,
}

/// Reads one AKN file.
pub fn read(text: &str) -> Result<Read, AknError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (root, repairs) = tree::build(text)?;
    if root.name != "akomaNtoso" {
        return Err(AknError::Foreign(root.name.clone()));
    }
    let doc = root.elements().next().ok_or(AknError::NoBody)?;
    let meta = doc.child("meta");
    let language = meta
        .and_then(|m| m.descendant("FRBRExpression"))
        .and_then(|e| e.descendant("FRBRlanguage"))
        .and_then(|l| l.attr("language"))
        .and_then(iso_639_1);
    let kind = doc.attr("name").unwrap_or("");
    let doc_type = match kind {
        "resolution" => DocType::Resolution,
        k if k.eq_ignore_ascii_case("presidentialStatement") => DocType::PresidentialStatement,
        _ => DocType::Other,
    };

    let mut r = Render::new(doc_type != DocType::PresidentialStatement);
    let mut heading_end = 0;
    let mut seen_body = false;
    for part in doc.elements() {
        match part.name.as_str() {
            "meta" => {}
            "coverPage" | "preface" => {
                r.block(part, Place::Cover);
                heading_end = r.out.len();
                seen_body = true;
            }
            "preamble" => {
                r.block(part, Place::Preamble);
                seen_body = true;
            }
            "mainBody" | "body" => {
                r.block(part, Place::Main);
                seen_body = true;
            }
            _ => r.block(part, Place::After),
        }
    }
    if !seen_body {
        return Err(AknError::NoBody);
    }
    r.footnotes_at_end();
    let body = r.out.trim_end().to_string();

    let record = meta.map(|m| record_of(m, doc_type));
    let issued_on = match doc_type {
        // A statement's FRBR date is the day it was issued; the day it was made is the date of
        // the meeting its workflow names (else the text says it: "held on 29 November 2000").
        DocType::PresidentialStatement => record
            .as_ref()
            .filter(|r| r.record_symbol.is_some())
            .and_then(|r| r.adopted_on),
        _ => adoption_date(doc, meta, record.as_ref()),
    };
    let symbol = own_symbol(doc, meta, doc_type, issued_on);
    let meeting = adoption_meeting(doc).or_else(|| record.as_ref().and_then(|r| r.meeting));
    let markup = Markup {
        symbol: symbol.clone(),
        doc_type,
        language,
        issued_on,
        meeting,
        repairs,
    };
    let record = record.map(|mut rec| {
        rec.symbol = symbol.clone().unwrap_or_default();
        rec.meeting = rec.meeting.or(meeting);
        rec.adopted_on = rec.adopted_on.or(issued_on);
        rec
    });

    // What the markup does not say (a presidential statement's meeting, written in its
    // opening; the agenda item in the text's own language) is read from the printed text.
    let printed = super::parse_document(
        &format!("%%%\n\n{body}"),
        1,
        &super::Limits {
            max_document_bytes: usize::MAX,
        },
    )
    .ok();
    let issued_on = match doc_type {
        // The opening's "held on 16 January 2002" is the day; the workflow's date is at times
        // the day of a reissue.
        DocType::PresidentialStatement => printed
            .as_ref()
            .and_then(|d| d.issued_on)
            .or(issued_on)
            .or_else(|| adoption_date(doc, meta, None)),
        _ => issued_on.or_else(|| printed.as_ref().and_then(|d| d.issued_on)),
    };
    let meeting = meeting.or_else(|| printed.as_ref().and_then(|d| d.meeting));
    // A statement quotes its agenda item in its opening ("the item entitled “…”"), in its
    // language; a resolution names none, and the markup gives it in English only.
    let title = match (doc_type, language) {
        (DocType::PresidentialStatement, _) => printed.as_ref().and_then(|d| d.title.clone()),
        (_, Some("en")) => record.as_ref().and_then(|r| r.agenda.clone()),
        _ => None,
    };
    let clauses = r.clauses(&body);
    let citations = citations_of(&body, &r.links, &clauses, heading_end, &symbol, meeting);
    let tags = meta.map(subject_terms).unwrap_or_default();
    let document = Document {
        doc_index: 1,
        sha256: sha256_hex(text.as_bytes()),
        tags,
        body,
        doc_type,
        symbol,
        language,
        title,
        issued_on,
        meeting,
        clauses,
        citations,
        record: record.filter(DecisionRecord::says_anything),
    };
    Ok(Read { document, markup })
}

/// ISO 639-1 for the markup's ISO 639-2 language codes.
fn iso_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" | "en" => "en",
        "fra" | "fre" | "fr" => "fr",
        "spa" | "es" => "es",
        "rus" | "ru" => "ru",
        "ara" | "ar" => "ar",
        "zho" | "chi" | "zh" => "zh",
        "deu" | "ger" | "de" => "de",
        _ => return None,
    })
}

/// The symbol as the text parser normalizes it: `S/RES/2672 (2023)`, `S/PRST/2010/1`.
pub(crate) fn normalized_symbol(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let found = citations::extract(raw);
    match found.as_slice() {
        [one] if one.raw.len() * 2 >= raw.len() => Some(one.symbol.clone()),
        _ if raw.starts_with("S/") && !raw.contains(char::is_whitespace) => Some(raw.to_string()),
        _ => None,
    }
}

/// The number and year a symbol gives: S/RES/2672 (2023) and S/PRST/2023/1 alike.
fn number_and_year(symbol: &str) -> Option<(u32, i32)> {
    if let Some(rest) = symbol.strip_prefix("S/RES/") {
        let (n, y) = rest.split_once(" (")?;
        return Some((n.parse().ok()?, y.trim_end_matches(')').parse().ok()?));
    }
    let rest = symbol
        .strip_prefix("S/PRST/")
        .or_else(|| symbol.strip_prefix("S/"))?;
    let (y, n) = rest.split_once('/')?;
    Some((n.parse().ok()?, y.parse().ok()?))
}

/// The document's symbol. The markup gives it three times (the printed title, the masthead's
/// number, the FRBR address), and each is wrong somewhere: copied from another file with the
/// date left right, or a typo. The first that agrees with the year of adoption and with the
/// years resolutions were numbered in is taken.
fn own_symbol(
    doc: &Elem,
    meta: Option<&Elem>,
    doc_type: DocType,
    adopted: Option<NaiveDate>,
) -> Option<String> {
    let all = doc.descendants();
    let title = all
        .iter()
        .find(|e| e.name == "docTitle" && e.attr("refersTo") == Some("#resolutionNumber"))
        .and_then(|t| normalized_symbol(&t.text()))
        .filter(|s| s.starts_with("S/RES/"));
    let number = all
        .iter()
        .find(|e| e.name == "docNumber")
        .and_then(|n| normalized_symbol(&n.text()));
    let uri = meta
        .and_then(|m| m.descendant("FRBRWork"))
        .and_then(|w| w.descendant("FRBRuri"))
        .and_then(|u| u.attr("value"))
        .and_then(|uri| {
            // /akn/un/statement/deliberation/unsc/2023-01-09/2672-2023/
            let last = uri.trim_end_matches('/').rsplit('/').next()?;
            let (a, b) = last.split_once('-')?;
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            Some(match doc_type {
                DocType::Resolution => format!("S/RES/{a} ({b})"),
                DocType::PresidentialStatement => format!("S/PRST/{a}/{b}"),
                DocType::Other => format!("S/{a}/{b}"),
            })
        });
    let candidates: Vec<String> = [title, number, uri].into_iter().flatten().collect();
    let consistent = |s: &&String| {
        let Some((n, y)) = number_and_year(s) else {
            return false;
        };
        let year_ok = adopted.is_none_or(|d| chrono::Datelike::year(&d) == y);
        let numbering_ok =
            !s.starts_with("S/RES/") || resolution_years::year_of(n).is_none_or(|known| known == y);
        year_ok && numbering_ok
    };
    candidates
        .iter()
        .find(consistent)
        .or_else(|| candidates.get(1).or(candidates.first()))
        .cloned()
}

fn adoption_date(
    doc: &Elem,
    meta: Option<&Elem>,
    record: Option<&DecisionRecord>,
) -> Option<NaiveDate> {
    let work = meta
        .and_then(|m| m.descendant("FRBRWork"))
        .and_then(|w| {
            w.elements().find(|e| {
                e.name == "FRBRdate" && matches!(e.attr("name"), Some("adoption" | "voting"))
            })
        })
        .and_then(|d| d.attr("date"))
        .and_then(iso_date);
    work.or_else(|| {
        doc.descendants()
            .into_iter()
            .find(|e| e.name == "docDate" && e.attr("refersTo") == Some("#adoptionDate"))
            .and_then(|d| d.attr("date"))
            .and_then(iso_date)
    })
    .or_else(|| record.and_then(|r| r.adopted_on))
}

fn iso_date(s: &str) -> Option<NaiveDate> {
    // The markup writes an unknown date as 0001-01-01.
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| chrono::Datelike::year(d) >= 1945)
}

fn adoption_meeting(doc: &Elem) -> Option<i64> {
    let inline = doc
        .descendants()
        .into_iter()
        .find(|e| e.name == "inline" && e.attr("name") == Some("adoptionMeeting"))?;
    [
        inline.attr("title").map(str::to_string),
        Some(inline.text()),
    ]
    .into_iter()
    .flatten()
    .find_map(|s| leading_number(&s))
}

fn leading_number(s: &str) -> Option<i64> {
    let digits: String = s
        .trim()
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|&n| n > 0)
}

/// The meeting of a verbatim record's symbol: S/PV.9237, and the markup's typo S/PV9237.
fn meeting_of_record(record: &str) -> Option<i64> {
    let rest = record.trim().strip_prefix("S/PV")?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&n| n > 0)
}

/// The UNBIS Thesaurus terms of the catalogue record, as a `%%%` header would give them.
fn subject_terms(meta: &Elem) -> Vec<String> {
    let terms: Vec<&str> = meta
        .descendants()
        .into_iter()
        .filter(|e| {
            e.name == "keyword"
                && e.attr("dictionary") == Some("UNBIS Thesaurus")
                && e.attr("refersTo").is_none()
        })
        .filter_map(|k| k.attr("value").or(k.attr("showAs")))
        // The catalogue's subjects are upper-case; the lower-case ones are SDG mappings.
        .filter(|v| !v.chars().any(char::is_lowercase))
        .collect();
    header::parse_tags(&terms.join("|"))
}

fn record_of(meta: &Elem, doc_type: DocType) -> DecisionRecord {
    let mut record = DecisionRecord {
        origin: RecordOrigin::Akn,
        ..DecisionRecord::default()
    };
    let all = meta.descendants();
    for k in all.iter().filter(|e| e.name == "keyword") {
        if k.attr("refersTo") == Some("agenda") && k.attr("dictionary") == Some("S/") {
            record.agenda = k
                .attr("showAs")
                .map(|s| s.trim().trim_end_matches('.').trim().to_string())
                .filter(|s| !s.is_empty());
        }
    }
    for step in all.iter().filter(|e| e.name == "step") {
        let attr = |a: &str| {
            step.attr(a)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let outcome = step.attr("outcome").unwrap_or("");
        match outcome {
            "draftResolution" => {
                record.draft_symbol = attr("as");
                if let Some(by) = attr("by") {
                    record
                        .sponsors
                        .extend(split_sponsors(&by).map(|s| (s, false)));
                }
            }
            "draftResolutionAdditionalSponsors" => {
                if let Some(by) = attr("by") {
                    record
                        .sponsors
                        .extend(split_sponsors(&by).map(|s| (s, true)));
                }
            }
            "adopted" | "notAdopted" | "veto" | "vetoed" | "rejected" => {
                record.outcome = Some(if outcome == "adopted" {
                    Outcome::Adopted
                } else {
                    Outcome::NotAdopted
                });
                record.record_symbol = attr("as");
                record.adoption = attr("by");
                record.adopted_on = attr("date").as_deref().and_then(iso_date);
            }
            // A presidential statement's step names the meeting it was made at.
            // A statement's step names the meeting it was made at (S/PV.9263), or the letter of
            // a statement agreed by written procedure (S/2020/340).
            "" if doc_type == DocType::PresidentialStatement => {
                record.record_symbol = attr("as");
                record.adopted_on = attr("date").as_deref().and_then(iso_date);
            }
            _ => {}
        }
    }
    if doc_type == DocType::Other && record.draft_symbol.is_none() {
        // A draft that was not adopted is its own draft.
        record.draft_symbol = None;
    }
    record.meeting = record.record_symbol.as_deref().and_then(meeting_of_record);
    for count in all.iter().filter(|e| e.name == "count") {
        let Some(vote) = count.attr("refersTo").and_then(Vote::from_markup) else {
            continue;
        };
        let n = count
            .attr("value")
            .and_then(|v| v.trim().parse::<u32>().ok());
        match vote {
            Vote::InFavour => record.in_favour = n,
            Vote::Against => record.against = n,
            Vote::Abstaining => record.abstaining = n,
        }
        for voter in count
            .descendants()
            .into_iter()
            .filter(|e| e.name == "organization")
        {
            let name = voter.text();
            if !name.is_empty() {
                record.votes.push((name, vote));
            }
        }
    }
    record
}

/// The citations of the body: one for each link to a document, normalized as the text parser
/// normalizes what it reads, and each citation the text parser finds where no link stands.
fn citations_of(
    body: &str,
    links: &[Link],
    clauses: &[Clause],
    heading_end: usize,
    own: &Option<String>,
    meeting: Option<i64>,
) -> Vec<(usize, Citation)> {
    let own_meeting = meeting.map(|m| format!("S/PV.{m}"));
    let is_own = |s: &str| Some(s) == own.as_deref() || Some(s) == own_meeting.as_deref();
    let clause_at = |offset: usize| clauses.iter().rposition(|c| c.start <= offset).unwrap_or(0);
    let mut found: Vec<(usize, Citation)> = Vec::new();
    for link in links {
        let Some((kind, symbol)) = link_target(&link.href) else {
            continue;
        };
        if is_own(&symbol) {
            continue;
        }
        found.push((
            clause_at(link.range.start),
            Citation {
                kind,
                symbol,
                raw: body[link.range.clone()].to_string(),
                start: link.range.start,
                end: link.range.end,
                origin: Origin::Link,
            },
        ));
    }
    let folded = Folded::new(body);
    for c in citations::extract_folded(body, &folded) {
        let linked = links
            .iter()
            .any(|l| l.range.start < c.end && c.start < l.range.end);
        if linked || c.start < heading_end || is_own(&c.symbol) {
            continue;
        }
        found.push((clause_at(c.start), c));
    }
    found.sort_by_key(|(_, c)| c.start);
    found
}

/// What a link's address names: `https://undocs.org/en/S/RES/2042(2012)` is resolution 2042
/// (2012). Addresses of no UN document give nothing.
pub fn link_target(href: &str) -> Option<(CitationKind, String)> {
    // A search form's address names the document in its query: view_doc.asp?symbol=S/RES/2129(2013).
    let query = href.split_once('?').and_then(|(_, q)| {
        q.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            k.eq_ignore_ascii_case("symbol").then(|| v.to_string())
        })
    });
    let path = match &query {
        Some(symbol) => symbol.as_str(),
        None => href
            .split_once("undocs.org/")
            .map(|(_, p)| p)
            .or_else(|| href.split_once("un.org/").map(|(_, p)| p))?,
    };
    let path = percent_decode(path.split(['?', '#']).next().unwrap_or(path));
    let path = path.trim_start_matches('/');
    // An optional language segment: /en/, /fr/, /ch/, /sp/, /ot/ ...
    let path = match path.split_once('/') {
        Some((lang, rest)) if lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase()) => {
            rest
        }
        _ => path,
    };
    let mut path = path
        .trim()
        .trim_end_matches(['/', '.', ';', ','])
        .replace("//", "/");
    // A joint symbol (A/72/707–S/2018/43) cites the Council's document.
    if let Some(k) = path.find(['–', '—']).filter(|_| !path.starts_with("S/")) {
        path = path[k..].trim_start_matches(['–', '—']).to_string();
    }
    if path.is_empty() {
        return None;
    }
    let found = citations::extract(&path);
    if let [one] = found.as_slice() {
        if one.raw.len() + 2 >= path.len() {
            return Some((one.kind, one.symbol.clone()));
        }
    }
    if path.starts_with("S/") && is_document_symbol(&path) {
        return Some((CitationKind::Document, path.to_string()));
    }
    if path.to_ascii_uppercase().starts_with("A/RES/") {
        return Some((CitationKind::GeneralAssemblyResolution, path.to_string()));
    }
    None
}

/// A Council document's symbol as links write them: S/2019/28, S/2009/398/Add.1, the numbers
/// of before 1994 (S/23500), a body's series (S/AC.51/2017/2, S/Agenda/8979). A link's typo
/// (S/2532, S/20144/461, S/2015801) is none: the text under it is read instead.
fn is_document_symbol(path: &str) -> bool {
    let rest = &path[2..];
    let mut parts = rest.split('/');
    let first = parts.next().unwrap_or("");
    if first.chars().all(|c| c.is_ascii_digit()) {
        return match (first.len(), parts.next()) {
            (4, Some(n)) => !n.is_empty() && n.chars().take_while(char::is_ascii_digit).count() > 0,
            (5, None) => true,
            _ => false,
        };
    }
    first.starts_with(|c: char| c.is_ascii_uppercase()) && parts.next().is_some()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] == b'%' && k + 2 < bytes.len() {
            if let Some(b) = s
                .get(k + 1..k + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                k += 3;
                continue;
            }
        }
        out.push(bytes[k]);
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
