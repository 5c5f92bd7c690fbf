//! Splits a body into clauses by the schema's rules: the preamble is the first paragraph; in a
//! presidential statement every quotation mark that opens a sentence opens a paragraph; in a
//! resolution every operative number (`1.`, `2.`, ... in sequence) does; enumerated sub-items
//! (㈠, (一), (a), (i)) become children of the paragraph that holds them.
//!
//! Clauses partition the body: a paragraph's text is its lead-in up to its first sub-item, so
//! the clause texts in position order rebuild the body without repeating any part of it.

use std::sync::LazyLock;

use regex::Regex;

use super::norm::Folded;
use super::numerals;
use super::DocType;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Index (in the returned list) of the paragraph holding this sub-item; None for a paragraph.
    pub parent: Option<usize>,
    pub marker: Option<String>,
    pub text: String,
    /// Byte offsets of `text` in the body.
    pub start: usize,
    pub end: usize,
}

/// A paragraph before sub-items are taken out: `start..end` in the folded body.
struct Paragraph {
    marker: Option<String>,
    start: usize,
    end: usize,
}

const OPENING_QUOTES: [char; 4] = ['"', '“', '«', '„'];
const CLOSING_QUOTES: [char; 3] = ['"', '”', '»'];
const SENTENCE_ENDS: [char; 8] = ['.', '。', ';', '；', '!', '?', '！', '？'];
/// What may stand before a quote that opens a paragraph, besides a sentence end and a closing quote.
const COLONS: [char; 2] = [':', '：'];

fn is_quote(c: char) -> bool {
    OPENING_QUOTES.contains(&c) || CLOSING_QUOTES.contains(&c)
}

/// Splits `body` into clauses. The first clause is always the preamble.
pub fn split(body: &str, doc_type: DocType) -> Vec<Clause> {
    split_folded(body, &Folded::new(body), doc_type)
}

/// `split` for a caller that already folded `body` (the parser folds a body once).
pub fn split_folded(body: &str, folded: &Folded, doc_type: DocType) -> Vec<Clause> {
    let t: &str = &folded.text;
    let paragraphs = match doc_type {
        DocType::Resolution => operative_paragraphs(t),
        _ => quoted_paragraphs(t, doc_type == DocType::PresidentialStatement),
    };
    let mut clauses = Vec::new();
    for p in paragraphs {
        // An annex follows the last paragraph: its items are the annex's, not the paragraph's.
        let stretch = &t[p.start..p.end];
        let items_end = match memchr::memchr(b'\n', stretch.as_bytes()) {
            // A heading on a line of its own needs a line break: most texts are one line.
            None => p.end,
            Some(_) => ANNEX.find(stretch).map_or(p.end, |m| p.start + m.start()),
        };
        let items = sub_items(t, p.start, items_end);
        let lead_end = items.first().map(|i| i.0).unwrap_or(p.end);
        let parent = clauses.len();
        clauses.push(clause(body, folded, None, p.marker, p.start, lead_end));
        for (k, (_, marker_end, marker)) in items.iter().enumerate() {
            let end = items.get(k + 1).map(|next| next.0).unwrap_or(p.end);
            clauses.push(clause(
                body,
                folded,
                Some(parent),
                Some(marker.clone()),
                *marker_end,
                end,
            ));
        }
    }
    clauses
}

fn clause(
    body: &str,
    folded: &Folded,
    parent: Option<usize>,
    marker: Option<String>,
    start: usize,
    end: usize,
) -> Clause {
    let (s, e) = (folded.original_offset(start), folded.original_offset(end));
    let raw = &body[s..e];
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    Clause {
        parent,
        marker,
        text: text.to_string(),
        start: s + lead,
        end: s + lead + text.len(),
    }
}

fn prev_non_space(t: &str, at: usize) -> Option<char> {
    t[..at].chars().rev().find(|c| !c.is_whitespace())
}

fn next_non_space(t: &str, at: usize) -> Option<(usize, char)> {
    t[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (at + i, c))
}

/// Presidential statements: the preamble, then one paragraph per opening quote.
fn quoted_paragraphs(t: &str, statement: bool) -> Vec<Paragraph> {
    let mut openers: Vec<(usize, usize)> = Vec::new(); // (quote start, text start)
    for (at, c) in opening_quotes(t) {
        let after = at + c.len_utf8();
        let prev_ok = match prev_non_space(t, at) {
            None => true,
            Some(p) => {
                SENTENCE_ENDS.contains(&p) || COLONS.contains(&p) || CLOSING_QUOTES.contains(&p)
            }
        };
        let next_ok = matches!(next_non_space(t, after), Some((_, n)) if !is_quote(n));
        // Only after a colon may a quote be a title's; a paragraph whose first sentence quotes
        // a word (to “ban”) still opens with its quote.
        let after_colon = prev_non_space(t, at).is_some_and(|p| COLONS.contains(&p));
        let line_start = t[..at].trim_end_matches([' ', '\t']).ends_with('\n');
        let title = after_colon && !line_start && quotes_a_title(t, after);
        if prev_ok && next_ok && !title {
            openers.push((at, after));
        }
    }
    // A statement that quotes none of its paragraphs starts after the line of its opening
    // ("… made the following statement on behalf of the Council:").
    let start = openers.first().map(|o| o.0).or_else(|| {
        statement
            .then(|| {
                t.match_indices([':', '：'])
                    .find(|(at, c)| t[at + c.len()..].starts_with('\n'))
            })
            .flatten()
            .map(|(at, c)| at + c.len())
    });
    openers.extend(line_openers(t, start));
    openers.sort_unstable();
    let mut paragraphs = Vec::with_capacity(openers.len() + 1);
    let preamble_end = openers.first().map(|o| o.0).unwrap_or(t.len());
    paragraphs.push(Paragraph {
        marker: None,
        start: 0,
        end: preamble_end,
    });
    for (k, &(_, text_start)) in openers.iter().enumerate() {
        let end = openers.get(k + 1).map(|o| o.0).unwrap_or(t.len());
        let end = strip_closing_quote(t, text_start, end);
        paragraphs.push(Paragraph {
            marker: None,
            start: text_start,
            end,
        });
    }
    paragraphs
}

/// Lines that open paragraphs of a statement without a quote of their own: older statements
/// quote only their first paragraph, and a text that keeps its line breaks shows the others
/// each on a line, opening a sentence after one has ended. Only between the first quoted
/// paragraph and the quote that closes the statement.
fn line_openers(t: &str, start: Option<usize>) -> Vec<(usize, usize)> {
    // No line after the first paragraph's start: no paragraph opens a line.
    let Some(first) = start.filter(|&f| memchr::memchr(b'\n', &t.as_bytes()[f..]).is_some()) else {
        return Vec::new();
    };
    let end = t
        .char_indices()
        .rev()
        .find(|&(at, c)| {
            CLOSING_QUOTES.contains(&c) && c != '"' && t[at + c.len_utf8()..].starts_with(['\n'])
        })
        .map_or(t.len(), |(at, _)| at);
    let mut out = Vec::new();
    if end <= first {
        return out;
    }
    for (nl, _) in t[first..end].match_indices('\n') {
        let ls = first + nl + 1;
        let Some((at, c)) = next_non_space(t, ls) else {
            continue;
        };
        if at >= end || t[ls..at].contains('\n') || is_quote(c) {
            continue;
        }
        let opens_sentence = c.is_alphabetic() && !c.is_lowercase();
        let after_end = prev_non_space(t, ls).is_some_and(|p| {
            SENTENCE_ENDS.contains(&p) || CLOSING_QUOTES.contains(&p) || COLONS.contains(&p)
        });
        if opens_sentence && after_end {
            out.push((at, at));
        }
    }
    out
}

/// The opening quotes of `t`, with their byte offsets. The text is scanned for the first byte
/// of each quote's UTF-8 form (`"`, and the lead bytes of `“`, `„` and `«`) rather than
/// decoded character by character: most of a text is no quote.
fn opening_quotes(t: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, t.as_bytes()).filter_map(move |at| {
        // Each of these bytes starts a character in UTF-8: `at` is a boundary.
        let c = t.get(at..)?.chars().next()?;
        OPENING_QUOTES.contains(&c).then_some((at, c))
    })
}

/// A quote after a colon may quote a title (`entitled: "Women and peace"` followed by more of the
/// sentence) rather than open a paragraph: the quoted part holds no sentence end and the
/// sentence goes on after the closing quote.
fn quotes_a_title(t: &str, after: usize) -> bool {
    let Some(close_rel) = t[after..].find(is_quote) else {
        return false;
    };
    let close = after + close_rel;
    let quoted = &t[after..close];
    if quoted.contains(SENTENCE_ENDS) {
        return false;
    }
    let close_len = t[close..].chars().next().map(char::len_utf8).unwrap_or(1);
    match next_non_space(t, close + close_len) {
        None => false,
        Some((_, n)) => !(SENTENCE_ENDS.contains(&n) || is_quote(n)),
    }
}

/// Drops the quote that closes the statement (or a paragraph) from the end of a paragraph, when
/// the paragraph holds one closing quote more than it opens.
fn strip_closing_quote(t: &str, start: usize, end: usize) -> usize {
    let trimmed_end = start + t[start..end].trim_end().len();
    let Some(last) = t[start..trimmed_end].chars().next_back() else {
        return end;
    };
    if !CLOSING_QUOTES.contains(&last) {
        return end;
    }
    let inner = &t[start..trimmed_end - last.len_utf8()];
    let unbalanced = match last {
        '"' => inner.matches('"').count().is_multiple_of(2),
        '”' => inner.matches('“').count() <= inner.matches('”').count(),
        _ => inner.matches('«').count() <= inner.matches('»').count(),
    };
    if unbalanced {
        trimmed_end - last.len_utf8()
    } else {
        end
    }
}

/// An operative number as the texts write it: `1.`, `1 .`, `1.Decides`, `1-`, `1 –` and, at
/// the start of a line, `一.` or `一、`.
static OPERATIVE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(\d{1,3}|[一二三四五六七八九十]{1,3})\s?([.．、]|[-–—]\s)")
        .expect("operative pattern")
});
/// What ends the text before an operative number: a sentence end, a comma or a colon.
const BEFORE_OPERATIVE: [char; 12] = [
    '.', '。', ';', '；', ',', '，', ':', '：', '、', '"', '”', '»',
];

/// The last line of `t` opened by a bullet (`-`, `–`, `•`), as (bullet start, text start, 1).
fn last_bullet(t: &str) -> Option<(usize, usize, u32)> {
    let mut at = t.len();
    for line in t.split_inclusive('\n').rev() {
        at -= line.len();
        let content = line.trim_start_matches([' ', '\t']);
        let lead = line.len() - content.len();
        let mut chars = content.chars();
        if let (Some('-' | '–' | '•'), Some(' ')) = (chars.next(), chars.next()) {
            let bullet = at + lead;
            let text = bullet + content[..].chars().next().map_or(1, char::len_utf8) + 1;
            return Some((bullet, text, 1));
        }
    }
    None
}

/// Resolutions: the preamble, then one paragraph per operative number, in sequence.
fn operative_paragraphs(t: &str) -> Vec<Paragraph> {
    // (number start, text start, number)
    let mut marks: Vec<(usize, usize, u32)> = Vec::new();
    // Run-in text ("… In conséquence 1. Le Conseil …"): a "1." after a word counts only once a
    // well-placed "2." confirms it.
    let mut loose_one: Option<(usize, usize, u32)> = None;
    let mut expected = 1u32;
    let mut annex_at: Option<usize> = None;
    let mut from = 0;
    while from < t.len() {
        let Some(c) = OPERATIVE_NUMBER.captures_at(t, from) else {
            break;
        };
        let number = c.get(1).expect("group 1");
        let whole = c.get(0).expect("whole match");
        // An annex after the paragraphs numbers its own: no more paragraphs of the decision.
        if let Some(&(_, first_text, _)) = marks.first() {
            let annex = *annex_at.get_or_insert_with(|| {
                if memchr::memchr(b'\n', &t.as_bytes()[first_text..]).is_none() {
                    return usize::MAX;
                }
                ANNEX
                    .find_at(t, first_text)
                    .map_or(usize::MAX, |m| m.start())
            });
            if number.start() > annex {
                break;
            }
        }
        from = number.end();
        let value = numerals::chinese(number.as_str());
        // A paragraph 1 written as a bullet ("- Decides …", then "2. Decides …").
        if expected == 1 && value == Some(2) && loose_one.is_none() {
            loose_one = last_bullet(&t[..number.start()]);
        }
        let confirms_loose_one = expected == 1 && loose_one.is_some() && value == Some(2);
        if value != Some(expected) && !confirms_loose_one {
            continue;
        }
        // Not a decimal ("1.5"), a range ("1-3") or a number glued to more digits.
        if t[whole.end()..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // A line's start, also after a list bullet ("- 1. Décide").
        let at_line_start = t[..number.start()]
            .trim_end_matches([' ', '\t'])
            .trim_end_matches(['-', '–', '•'])
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n');
        let written_in_digits = number.as_str().starts_with(|c: char| c.is_ascii_digit());
        let prev_ok = at_line_start
            || (written_in_digits
                && match prev_non_space(t, number.start()) {
                    None => true,
                    Some(p) => BEFORE_OPERATIVE.contains(&p),
                });
        if prev_ok {
            if confirms_loose_one {
                marks.extend(loose_one.take());
                expected = 2;
            }
            marks.push((number.start(), whole.end(), expected));
            expected += 1;
        } else if expected == 1
            && written_in_digits
            && t[whole.end()..]
                .trim_start()
                .starts_with(char::is_uppercase)
        {
            loose_one = Some((number.start(), whole.end(), 1));
        }
    }
    let mut paragraphs = vec![Paragraph {
        marker: None,
        start: 0,
        end: marks.first().map(|m| m.0).unwrap_or(t.len()),
    }];
    for (k, &(_, text_start, n)) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map(|m| m.0).unwrap_or(t.len());
        paragraphs.push(Paragraph {
            marker: Some(format!("{n}.")),
            start: text_start,
            end,
        });
    }
    paragraphs
}

/// An annex's heading on a line of its own, in the six languages.
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:(?i:annex|annexe|anexo|приложение)(?:\s+[IVX\d]{1,4}|\s+[A-Z])?|附件[一二三四五六七八九十]?|المرفق(?:\s+\S+)?)[ \t]*[*\d]?[ \t]*$")
        .expect("annex pattern")
});

mod items;
use items::sub_items;

#[cfg(test)]
mod tests;
