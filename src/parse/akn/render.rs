//! The printed text of an AKN document, rendered from its markup: each paragraph, heading and
//! item on a line of its own, XML's layout white space folded, footnotes at the end. While it
//! prints, it notes where each paragraph and item of the operative part starts and the span of
//! every link, so that clauses and linked citations carry their places in the body.

use std::ops::Range;

use super::tree::{Child, Elem};
use crate::parse::clauses::Clause;

/// Where in the document an element stands: it decides what a numbered element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Cover,
    Preamble,
    Main,
    /// Annexes and whatever follows the operative part: printed, but no paragraphs of the
    /// decision.
    After,
}

/// A clause boundary met while rendering: a paragraph of the operative part, or an enumerated
/// item inside one.
#[derive(Debug)]
struct Mark {
    at: usize,
    marker: Option<String>,
    sub_item: bool,
}

#[derive(Debug)]
pub(super) struct Link {
    pub range: Range<usize>,
    pub href: String,
}

#[derive(Default)]
pub(super) struct Render<'a> {
    pub out: String,
    marks: Vec<Mark>,
    pub links: Vec<Link>,
    footnotes: Vec<&'a Elem>,
    /// Depth of paragraphs and items of the operative part we are inside.
    depth: usize,
    /// A number was just printed: its text follows on the same line.
    after_num: bool,
    /// A resolution's paragraphs are its numbered ones (the schema's rule); in a presidential
    /// statement every paragraph of text is one.
    numbered_only: bool,
}

/// Elements whose content starts a line of its own in print.
fn is_line(name: &str) -> bool {
    matches!(
        name,
        "p" | "heading"
            | "subheading"
            | "tr"
            | "listIntroduction"
            | "listWrapUp"
            | "intro"
            | "wrapUp"
            | "item"
            | "blockList"
            | "formula"
            | "crossHeading"
            | "alinea"
            | "container"
            | "point"
            | "sublist"
            | "list"
            | "section"
            | "block"
            | "table"
            | "paragraph"
            | "doc"
    )
}

/// A paragraph number of the operative part: "1.", and "1 -" in Arabic.
fn is_paragraph_number(num: &str) -> bool {
    let num = num.trim();
    let digits = num.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && num[digits..]
            .trim()
            .chars()
            .all(|c| matches!(c, '.' | '-' | '–' | '‒' | '—'))
}

/// The number typed at the start of a paragraph's text: "33 –" of "33 –\tيقرر ...".
fn typed_number(e: &Elem) -> Option<String> {
    let text = e.text();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &text[digits..];
    let dash = rest.trim_start().chars().next()?;
    matches!(dash, '-' | '–' | '.')
        .then(|| format!("{} {dash}", &text[..digits]))
        .filter(|_| rest.trim_start()[dash.len_utf8()..].starts_with(char::is_whitespace))
}

/// A paragraph of the markup that holds text, not only a heading.
fn holds_text(e: &Elem) -> bool {
    e.elements().any(|c| {
        matches!(
            c.name.as_str(),
            "content" | "list" | "intro" | "blockList" | "p"
        )
    })
}

impl<'a> Render<'a> {
    pub(super) fn new(numbered_only: bool) -> Render<'a> {
        Render {
            numbered_only,
            ..Render::default()
        }
    }

    fn newline(&mut self) {
        if self.after_num {
            return;
        }
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn text(&mut self, s: &str) {
        if self.after_num && !s.trim_matches(XML_SPACE).is_empty() {
            self.after_num = false;
        }
        // XML white space (spaces, tabs, line ends of the markup) folds to one space; no-break
        // and other Unicode spaces are the printed text's own and stay.
        for (k, word) in s.split(XML_SPACE).enumerate() {
            if k > 0 && !self.out.is_empty() && !self.out.ends_with([' ', '\n']) {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
    }

    pub(super) fn block(&mut self, e: &'a Elem, place: Place) {
        self.newline();
        self.children(e, place);
        self.newline();
    }

    fn children(&mut self, e: &'a Elem, place: Place) {
        for c in &e.children {
            match c {
                Child::Text(t) => self.text(t),
                Child::Elem(e) => self.element(e, place),
            }
        }
    }

    fn mark(&mut self, e: &'a Elem, place: Place, marker: Option<String>, sub_item: bool) {
        self.newline();
        self.marks.push(Mark {
            at: self.out.len(),
            marker,
            sub_item,
        });
        self.depth += 1;
        self.children(e, place);
        self.depth -= 1;
        self.after_num = false;
        self.newline();
    }

    fn element(&mut self, e: &'a Elem, place: Place) {
        let name = e.name.as_str();
        match name {
            "meta" | "img" | "noteRef" => {}
            // A footnote prints at the foot of the page: its text goes to the end of the body.
            "authorialNote" | "note" | "footnote" => self.footnotes.push(e),
            "num" => {
                self.text(&e.text());
                self.out.push(' ');
                self.after_num = true;
            }
            "a" | "ref" => {
                let start = self.out.len();
                self.children(e, place);
                let href = e.attr("href").unwrap_or("").to_string();
                let end = self.out.trim_end().len().max(start);
                // One symbol set in several runs of type is several links to one address.
                if let Some(last) = self.links.last_mut() {
                    let gap = &self.out[last.range.end..start];
                    if last.href == href && gap.trim().is_empty() && !gap.contains('\n') {
                        last.range.end = end.max(last.range.end);
                        return;
                    }
                }
                if end > start && !href.is_empty() {
                    self.links.push(Link {
                        range: start..end,
                        href,
                    });
                }
            }
            "attachments" | "attachment" | "annex" | "components" => self.block(e, Place::After),
            "paragraph" if place == Place::Main && self.depth == 0 && holds_text(e) => {
                // Some Arabic files type the number into the text ("33 –\tيقرر") instead of
                // marking it up.
                let num = e
                    .child("num")
                    .map(Elem::text)
                    .filter(|m| !m.is_empty())
                    .or_else(|| typed_number(e));
                let has_paragraph = self.marks.iter().any(|m| !m.sub_item);
                let numbered = num.as_deref().is_some_and(is_paragraph_number);
                if self.numbered_only && num.is_none() {
                    // A heading of the operative part ("Political process"), or text that runs
                    // on from the paragraph before: no paragraph of its own.
                    self.block(e, place);
                    return;
                }
                // An item the markup set as a paragraph of its own ("(a)" after "2.") is an
                // item of the paragraph before it.
                let sub_item = num.is_some() && !numbered && has_paragraph;
                if self.numbered_only && !numbered && !has_paragraph {
                    self.block(e, place);
                    return;
                }
                self.mark(e, place, num, sub_item);
            }
            _ if place == Place::Main && self.depth > 0 && e.child("num").is_some() => {
                let num = e.child("num").map(Elem::text).filter(|m| !m.is_empty());
                self.mark(e, place, num, true);
            }
            _ if is_line(name) => self.block(e, place),
            _ => self.children(e, place),
        }
    }

    pub(super) fn footnotes_at_end(&mut self) {
        let notes = std::mem::take(&mut self.footnotes);
        for note in notes {
            self.newline();
            if let Some(mark) = note.attr("marker") {
                self.text(mark.trim());
                self.out.push(' ');
                self.after_num = true;
            }
            self.children(note, Place::After);
            self.after_num = false;
            self.newline();
        }
    }

    /// Clauses from the marks: the preamble is all before the first paragraph; each paragraph
    /// runs to its first sub-item or the next paragraph, and so does each sub-item.
    pub(super) fn clauses(&self, body: &str) -> Vec<Clause> {
        let mut starts: Vec<(usize, Option<&Mark>)> = vec![(0, None)];
        for m in self.marks.iter().filter(|m| m.at > 0 && m.at < body.len()) {
            if starts.last().is_some_and(|(at, _)| *at == m.at) {
                continue;
            }
            starts.push((m.at, Some(m)));
        }
        let mut clauses = Vec::with_capacity(starts.len());
        let mut paragraph: Option<usize> = None;
        for (k, &(start, mark)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map(|s| s.0).unwrap_or(body.len());
            // A clause's text starts after its number, as the text parser has it.
            let start = start
                + mark
                    .and_then(|m| m.marker.as_deref())
                    .map_or(0, |m| marker_len(&body[start..end], m));
            let text = body[start..end].trim_end();
            let sub_item = mark.is_some_and(|m| m.sub_item) && paragraph.is_some();
            if !sub_item && mark.is_some() {
                paragraph = Some(clauses.len());
            }
            // "1 -" of Arabic texts is paragraph 1., as the text parser writes it.
            let marker = mark.and_then(|m| m.marker.as_deref()).map(|m| {
                if is_paragraph_number(m) {
                    format!(
                        "{}.",
                        m.trim().trim_end_matches(['.', '-', '–', '‒', '—', ' '])
                    )
                } else {
                    m.to_string()
                }
            });
            clauses.push(Clause {
                parent: if sub_item { paragraph } else { None },
                marker,
                text: text.to_string(),
                start,
                end: start + text.len(),
            });
        }
        clauses
    }
}

/// How many bytes at the start of `text` print `marker` (white space aside), with the white
/// space after it; 0 when `text` does not start with it.
fn marker_len(text: &str, marker: &str) -> usize {
    let mut rest = text;
    for m in marker.chars().filter(|c| !c.is_whitespace()) {
        rest = rest.trim_start();
        match rest.strip_prefix(m) {
            Some(r) => rest = r,
            None => return 0,
        }
    }
    text.len() - rest.trim_start().len()
}

const XML_SPACE: [char; 4] = ['\u{20}', '\t', '\n', '\r'];
