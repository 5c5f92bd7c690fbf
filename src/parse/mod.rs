//! The pure parser: the bytes of one input file in, document records out. It knows nothing of
//! files, archives or the database, so it can run on any thread and be fed arbitrary bytes.
//!
//! A file holds documents, each a `%%%TAG|TAG|` header line followed by its body; every line
//! that starts with `%%%` opens the next document.

pub mod akn;
pub mod citations;
pub mod clauses;
pub mod decode;
pub mod header;
pub mod heading;
pub mod meta;
pub mod norm;
pub mod numerals;
pub mod record;
pub mod resolution_years;

use std::borrow::Cow;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::units::human_size;
pub use citations::{Citation, CitationKind, Origin};
pub use clauses::Clause;
use decode::{decode, DecodeError, Encoding};
use header::HEADER_MARK;
pub use record::{DecisionRecord, Outcome, RecordOrigin, Vote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocType {
    PresidentialStatement,
    Resolution,
    Other,
}

impl DocType {
    pub const ALL: [DocType; 3] = [
        DocType::PresidentialStatement,
        DocType::Resolution,
        DocType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocType::PresidentialStatement => "presidential_statement",
            DocType::Resolution => "resolution",
            DocType::Other => "other",
        }
    }
}

/// Everything the store needs to know about one document.
#[derive(Debug, Clone)]
pub struct Document {
    /// 1-based place of the document in its file.
    pub doc_index: u32,
    /// SHA-256 of the document's text as UTF-8 with LF line ends, from its `%%%` line to its
    /// last non-blank line, plus one LF. The text itself is not kept: the file's raw bytes are.
    pub sha256: String,
    pub tags: Vec<String>,
    pub body: String,
    pub doc_type: DocType,
    pub symbol: Option<String>,
    pub language: Option<&'static str>,
    pub title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub meeting: Option<i64>,
    pub clauses: Vec<Clause>,
    /// Each citation with the index (in `clauses`) of the clause it stands in.
    pub citations: Vec<(usize, Citation)>,
    /// The official record of the decision, where the input gives one (the UN's markup).
    pub record: Option<DecisionRecord>,
}

/// A document (or a stretch of a file) that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// 1-based place of the document in its file; None for a problem with the file as a whole
    /// or with text that belongs to no document.
    pub doc_index: Option<u32>,
    pub reason: String,
    /// True when the document was refused only for its size (`Limits`).
    pub over_limit: bool,
}

/// Why one document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error(
        "document {doc_index} is {size}, over the limit of {limit} (raise it with --max-doc-size)"
    )]
    OverLimit {
        doc_index: u32,
        size: String,
        limit: String,
    },
    #[error("document {doc_index} has a header line but no body")]
    NoBody { doc_index: u32 },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no line starts with %%% (every document opens with a %%%TAG|TAG| header line)")]
    NoHeader,
    #[error(transparent)]
    Akn(#[from] akn::AknError),
    #[error("JSON, but not a data_extract file (one JSON object a line, each with a symbol and an adoption_date)")]
    OtherJson,
}

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 16 * 1024 * 1024,
        }
    }
}

/// The outcome of parsing one file: good documents and rejected ones, in file order.
#[derive(Debug)]
pub struct ParsedFile {
    pub encoding: Encoding,
    pub documents: Vec<Document>,
    pub rejections: Vec<Rejection>,
    /// What had to be repaired to read the file (bytes that were not UTF-8), for the user to see.
    pub warnings: Vec<String>,
    /// Official records of decisions the file gives apart from any document (`data_extract`).
    pub records: Vec<DecisionRecord>,
}

impl ParsedFile {
    /// A file read, with nothing in it yet.
    fn empty(encoding: Encoding, warnings: Vec<String>) -> ParsedFile {
        ParsedFile {
            encoding,
            documents: Vec::new(),
            rejections: Vec::new(),
            warnings,
            records: Vec::new(),
        }
    }
}

/// True when a file's first bytes show markup (the UN's AKN XML, a data_extract file of JSON
/// lines) rather than a `%%%` archive: such a file is one whole, never cut at header lines.
pub fn is_markup(head: &[u8]) -> bool {
    // White space before the first tag does not count against the look.
    let blank = head
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .count();
    let head = &head[blank..];
    if head.is_empty() {
        return false;
    }
    let head = &head[..head.len().min(64 * 1024)];
    let text: Cow<str> = match decode::utf16_bom(head) {
        b"" => String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head)),
        bom => {
            let encoding = if bom == decode::UTF16_LE_BOM {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            encoding.decode_without_bom_handling(&head[2..]).0
        }
    };
    akn::looks_like_xml(&text) || record::looks_like_data_extract(&text)
}

/// Parses one input file. Fails only when nothing in it can be read as documents.
pub fn parse_file(bytes: &[u8], limits: &Limits) -> Result<ParsedFile, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    let (text, encoding, repair) = decode(bytes)?;
    let warnings = repair.iter().map(|r| r.to_string()).collect();
    if akn::looks_like_xml(&text) {
        return parse_markup(&text, encoding, warnings, limits);
    }
    if record::looks_like_data_extract(&text) {
        let mut parsed = ParsedFile::empty(encoding, warnings);
        for line in record::parse_data_extract(&text) {
            match line {
                Ok(r) => parsed.records.push(r),
                Err((_, reason)) => parsed.rejections.push(Rejection {
                    doc_index: None,
                    reason,
                    over_limit: false,
                }),
            }
        }
        return Ok(parsed);
    }
    if record::looks_like_other_json(&text) {
        return Err(FileError::OtherJson);
    }
    let mut documents = Vec::new();
    let mut rejections = Vec::new();
    let (leading, pieces) = split_documents(&text);
    if pieces.is_empty() {
        return Err(FileError::NoHeader);
    }
    for (k, piece) in pieces.into_iter().enumerate() {
        let doc_index = k as u32 + 1;
        match parse_document(piece, doc_index, limits) {
            Ok(doc) => documents.push(doc),
            Err(e) => rejections.push(Rejection {
                doc_index: Some(doc_index),
                reason: e.to_string(),
                over_limit: matches!(e, DocumentError::OverLimit { .. }),
            }),
        }
    }
    if !leading.trim().is_empty() {
        rejections.insert(
            0,
            Rejection {
                doc_index: None,
                reason: format!(
                    "{} bytes of text stand before the first %%% header line and belong to no document",
                    leading.trim().len()
                ),
                over_limit: false,
            },
        );
    }
    Ok(ParsedFile {
        encoding,
        documents,
        rejections,
        warnings,
        records: Vec::new(),
    })
}

/// A file of the UN's markup: one document.
fn parse_markup(
    text: &str,
    encoding: Encoding,
    warnings: Vec<String>,
    limits: &Limits,
) -> Result<ParsedFile, FileError> {
    let mut parsed = ParsedFile::empty(encoding, warnings);
    if text.len() > limits.max_document_bytes {
        parsed.rejections.push(Rejection {
            doc_index: Some(1),
            reason: DocumentError::OverLimit {
                doc_index: 1,
                size: human_size(text.len() as u64),
                limit: human_size(limits.max_document_bytes as u64),
            }
            .to_string(),
            over_limit: true,
        });
        return Ok(parsed);
    }
    let read = akn::read(text)?;
    if !read.markup.repairs.is_empty() {
        parsed.warnings.push(format!(
            "the XML is not well-formed and was read with {} repair(s): {}",
            read.markup.repairs.len(),
            read.markup.repairs.join("; ")
        ));
    }
    parsed.documents.push(read.document);
    Ok(parsed)
}

/// The text before the first header, and each document's text (from its `%%%` line on).
fn split_documents(text: &str) -> (&str, Vec<&str>) {
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        // Files joined end to end (`cat a.txt b.txt`) bring a byte-order mark to the start of
        // a line: it belongs to the header, and the document starts after it.
        let bom = if line.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        if line[bom..].starts_with(HEADER_MARK) {
            starts.push(at + bom);
        }
        at += line.len();
    }
    let Some(&first) = starts.first() else {
        return (text, Vec::new());
    };
    let documents = starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            // The mark before the next header is not part of this document.
            let end = if text[..end].ends_with('\u{FEFF}') {
                end - '\u{FEFF}'.len_utf8()
            } else {
                end
            };
            &text[start..end]
        })
        .collect();
    (&text[..first], documents)
}

/// Parses the text of one document (its header line and body).
pub fn parse_document(
    piece: &str,
    doc_index: u32,
    limits: &Limits,
) -> Result<Document, DocumentError> {
    let text = format!("{}\n", piece.trim_end());
    if text.len() > limits.max_document_bytes {
        return Err(DocumentError::OverLimit {
            doc_index,
            size: human_size(text.len() as u64),
            limit: human_size(limits.max_document_bytes as u64),
        });
    }
    let (header_line, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let body = rest.trim().to_string();
    if body.is_empty() {
        return Err(DocumentError::NoBody { doc_index });
    }
    let tags = header::parse_tags(header_line);
    let sha256 = sha256_hex(text.as_bytes());
    let language = meta::detect_language(&body);
    // The heading, clauses and citations all match on the folded body: fold it once.
    let folded = norm::Folded::new(&body);
    let heading = heading::read_folded(&folded);
    let (doc_type, symbol) = (heading.doc_type, heading.symbol);
    // A draft resolution's paragraphs are numbered as a resolution's.
    let shape = if heading.draft {
        DocType::Resolution
    } else {
        doc_type
    };
    let clauses = clauses::split_folded(&body, &folded, shape);
    let preamble_end = clauses.get(1).map(|c| c.start).unwrap_or(body.len());
    // The preamble proper: up to the first paragraph or sub-item.
    let preamble = &body[..preamble_end.min(body.len())];
    let title = meta::find_title(preamble);
    // The date and meeting of adoption stand where the heading, the opening or an adoption
    // line puts them; a text with none of these gives the preamble's first ones. A masthead's
    // date is the date of issue, taken last: a text with no adoption line was issued the day it
    // was adopted, but for a vote by written procedure.
    let masthead_end = heading.masthead_end.min(preamble.len());
    let (masthead, after_masthead) = preamble.split_at(masthead_end);
    let (issued_on, meeting) = if heading.adoption.is_empty() {
        (
            meta::find_date(after_masthead).or_else(|| meta::find_date(masthead)),
            meta::find_meeting(after_masthead),
        )
    } else {
        let places = || heading.adoption.iter().map(|r| &folded.text[r.clone()]);
        (
            places()
                .find_map(meta::find_date_in_folded)
                .or_else(|| meta::find_date(masthead)),
            places().find_map(meta::find_meeting_in_folded),
        )
    };
    let own_meeting = meeting.map(|m| format!("S/PV.{m}"));
    // What names the document (its heading, the opening of a statement) cites nothing.
    let citations = citations::extract_folded(&body, &folded)
        .into_iter()
        .filter(|c| c.start >= heading.names_end)
        .filter(|c| {
            !heading
                .catalogue
                .as_ref()
                .is_some_and(|r| r.contains(&c.start))
        })
        .filter(|c| Some(&c.symbol) != symbol.as_ref() && Some(&c.symbol) != own_meeting.as_ref())
        .map(|c| (clause_at(&clauses, c.start), c))
        .collect();
    Ok(Document {
        doc_index,
        sha256,
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
        record: None,
    })
}

/// The clause that holds byte `offset` of the body: the last one starting at or before it.
fn clause_at(clauses: &[Clause], offset: usize) -> usize {
    clauses.iter().rposition(|c| c.start <= offset).unwrap_or(0)
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xF)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ParsedFile, FileError> {
        parse_file(text.as_bytes(), &Limits::default())
    }

    #[test]
    fn file_cases() {
        // (name, input, documents, rejections)
        let cases: &[(&str, &str, usize, &[Option<u32>])] = &[
            ("one document", "%%%A|\n\nThe Security Council.\n", 1, &[]),
            ("two documents", "%%%A|\n\nOne.\n\n%%%B|\n\nTwo.\n", 2, &[]),
            ("no trailing newline", "%%%A|\n\nOne.", 1, &[]),
            (
                "header without body",
                "%%%A|\n\n%%%B|\n\nTwo.\n",
                1,
                &[Some(1)],
            ),
            (
                "text before the first header",
                "junk\n%%%A|\n\nOne.\n",
                1,
                &[None],
            ),
            (
                "blank lines before the first header",
                "\n\n%%%A|\n\nOne.\n",
                1,
                &[],
            ),
            ("multi-line body", "%%%A|\n\nline one\nline two\n\n", 1, &[]),
            (
                "two files with byte-order marks, joined",
                "%%%A|\n\nOne.\n\u{FEFF}%%%B|\n\nTwo.\n",
                2,
                &[],
            ),
        ];
        for (name, input, docs, rejected) in cases {
            let parsed = parse(input).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(parsed.documents.len(), *docs, "{name}");
            let got: Vec<Option<u32>> = parsed.rejections.iter().map(|r| r.doc_index).collect();
            assert_eq!(got, *rejected, "{name}");
        }
    }

    #[test]
    fn a_joined_files_second_header_keeps_its_tags() {
        let mut bytes = "\u{FEFF}%%%A|\n\nOne.\n".as_bytes().to_vec();
        bytes.extend_from_slice("\u{FEFF}%%%B|C|\n\nTwo.\n".as_bytes());
        let parsed = parse_file(&bytes, &Limits::default()).unwrap();
        assert_eq!(parsed.documents.len(), 2);
        assert_eq!(parsed.documents[0].body, "One.");
        assert_eq!(parsed.documents[1].tags, ["B", "C"]);
        let alone = parse_file("%%%B|C|\n\nTwo.\n".as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.documents[1].sha256, alone.documents[0].sha256);
    }

    #[test]
    fn whole_file_errors() {
        assert_eq!(parse("").unwrap_err(), FileError::Empty);
        assert_eq!(parse(" \n\n").unwrap_err(), FileError::Empty);
        assert_eq!(parse("just some text\n").unwrap_err(), FileError::NoHeader);
    }

    #[test]
    fn size_limit_rejects_big_documents() {
        let limits = Limits {
            max_document_bytes: 64,
        };
        let input = format!("%%%A|\n\n{}\n%%%B|\n\nsmall\n", "x".repeat(100));
        let parsed = parse_file(input.as_bytes(), &limits).unwrap();
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.rejections[0].doc_index, Some(1));
        assert!(parsed.rejections[0].reason.contains("over the limit"));
    }

    #[test]
    fn same_text_same_hash_whatever_the_encoding() {
        let lf = parse("%%%A|\n\n安理会\n").unwrap();
        let crlf_bom = parse_file(
            "\u{FEFF}%%%A|\r\n\r\n安理会\r\n\r\n".as_bytes(),
            &Limits::default(),
        )
        .unwrap();
        let gb = parse_file(
            &encoding_rs::GB18030.encode("%%%A|\n\n安理会\n").0,
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(lf.documents[0].sha256, crlf_bom.documents[0].sha256);
        assert_eq!(lf.documents[0].sha256, gb.documents[0].sha256);
    }

    #[test]
    fn the_seed_document() {
        let bytes = include_bytes!("../../seeds/000_71ee3118c768fd91.txt");
        let parsed = parse_file(bytes, &Limits::default()).unwrap();
        assert!(parsed.rejections.is_empty());
        let doc = &parsed.documents[0];
        assert_eq!(doc.tags.len(), 8);
        assert_eq!(doc.tags[0], "PEACEKEEPING OPERATIONS");
        assert_eq!(doc.doc_type, DocType::PresidentialStatement);
        assert_eq!(doc.language, Some("zh"));
        assert_eq!(doc.title.as_deref(), Some("联合国维持和平行动"));
        assert_eq!(doc.issued_on, NaiveDate::from_ymd_opt(2009, 8, 5));
        assert_eq!(doc.meeting, Some(6178));
        assert_eq!(doc.symbol, None);
        let paragraphs = doc.clauses.iter().filter(|c| c.parent.is_none()).count();
        let items = doc.clauses.iter().filter(|c| c.parent.is_some()).count();
        assert_eq!((paragraphs, items), (11, 11));
        let mut symbols: Vec<&str> = doc
            .citations
            .iter()
            .filter(|(_, c)| c.kind != CitationKind::Charter)
            .map(|(_, c)| c.symbol.as_str())
            .collect();
        symbols.sort();
        symbols.dedup();
        assert_eq!(
            symbols,
            [
                "S/2002/56",
                "S/2009/398",
                "S/PRST/1994/22",
                "S/PRST/1994/62",
                "S/PRST/1996/13",
                "S/PRST/2001/3",
                "S/PRST/2004/16",
                "S/PRST/2009/23",
                "S/RES/1327 (2000)",
                "S/RES/1353 (2001)",
                "S/RES/1674 (2006)"
            ]
        );
        let charter: Vec<&str> = doc
            .citations
            .iter()
            .filter(|(_, c)| c.kind == CitationKind::Charter)
            .map(|(_, c)| c.symbol.as_str())
            .collect();
        assert_eq!(charter, ["Charter, Chapter VIII"]);
        // Every citation stands in the clause it is assigned to.
        for (clause, c) in &doc.citations {
            let cl = &doc.clauses[*clause];
            assert!(
                cl.start <= c.start && c.end <= cl.end,
                "{c:?} not inside clause {clause}"
            );
        }
    }
}
