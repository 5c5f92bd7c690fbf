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

mod facts;
mod links;
mod render;
mod tree;

use chrono::NaiveDate;

use super::citations;
use super::record::DecisionRecord;
use super::{sha256_hex, DocType, Document};
use facts::{adoption_date, adoption_meeting, own_symbol, record_of, subject_terms};
use links::citations_of;
pub use links::link_target;
use render::{Place, Render};

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

/// A text that opens with '<' and holds `%%%` header lines is an archive whose first line
/// happens to be markup (an exporter's comment, a `<b>batch 7</b>`), unless it is the UN's XML.
pub fn looks_like_xml(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if !head.starts_with('<') {
        return false;
    }
    let near = &head[..floor_char_boundary(head, 64 * 1024)];
    near.contains("<akomaNtoso") || !(head.starts_with("%%%") || head.contains("\n%%%"))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
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
    // The printed symbol outranks the element's name, which is wrong in one file
    // (S/PRST/2020/11 marked up as a resolution).
    let printed = doc
        .descendant("docNumber")
        .and_then(|n| normalized_symbol(&n.text()))
        .unwrap_or_default();
    let doc_type = match kind {
        _ if printed.starts_with("S/PRST/") => DocType::PresidentialStatement,
        _ if printed.starts_with("S/RES/") => DocType::Resolution,
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
    // A file whose markup names no language it knows is read for its language, as a text is.
    let language = language.or_else(|| super::meta::detect_language(&body));

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

    // What the markup does not say (a presidential statement's meeting, date and agenda item,
    // written in its opening; a date or meeting a resolution's markup lacks) is read from the
    // printed text: a second reading, made only where it is needed.
    let needs_text =
        doc_type == DocType::PresidentialStatement || issued_on.is_none() || meeting.is_none();
    let printed = needs_text
        .then(|| {
            let limits = super::Limits {
                max_document_bytes: usize::MAX,
            };
            super::parse_document(&format!("%%%\n\n{body}"), 1, &limits).ok()
        })
        .flatten();
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
    // "eng", "EN", "zh-CN", "ar_SA" alike.
    let code = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Some(match code.as_str() {
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

#[cfg(test)]
mod tests;
