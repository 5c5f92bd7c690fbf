//! Citations from the markup's links: each `<a href>` to a UN document, normalized as the text
//! parser normalizes what it reads, and what the text parser finds where no link stands.

use super::render::Link;
use crate::parse::citations::{self, Citation, CitationKind, Origin};
use crate::parse::clauses::Clause;
use crate::parse::norm::Folded;

/// The citations of the body: one for each link to a document, normalized as the text parser
/// normalizes what it reads, and each citation the text parser finds where no link stands.
pub(super) fn citations_of(
    body: &str,
    links: &[Link],
    clauses: &[Clause],
    heading_end: usize,
    own: &Option<String>,
    meeting: Option<i64>,
) -> Vec<(usize, Citation)> {
    let own_meeting = meeting.map(|m| format!("S/PV.{m}"));
    let is_own = |s: &str| Some(s) == own.as_deref() || Some(s) == own_meeting.as_deref();
    let clause_at = |offset: usize| {
        clauses
            .partition_point(|c| c.start <= offset)
            .saturating_sub(1)
    };
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
    // Links come in body order and do not overlap: the one that may overlap a citation is the
    // last starting before its end.
    for c in citations::extract_folded(body, &folded) {
        let k = links.partition_point(|l| l.range.start < c.end);
        let linked = k > 0 && links[k - 1].range.end > c.start;
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
        let typo = one.kind == CitationKind::Document && !is_document_symbol(&one.symbol);
        if one.raw.len() + 2 >= path.len() && !typo {
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
