//! The facts the markup states outright: the document's symbol (cross-checked between the
//! three places that give it), its date and meeting of adoption, its subject terms, and the
//! official record of the decision (the workflow and the vote).

use chrono::NaiveDate;

use super::tree::Elem;
use crate::parse::record::{split_sponsors, DecisionRecord, Outcome, RecordOrigin, Vote};
use crate::parse::{header, resolution_years, DocType};

use super::normalized_symbol;

/// The number and year a symbol gives: S/RES/2672 (2023) and S/PRST/2023/1 alike.
pub(super) fn number_and_year(symbol: &str) -> Option<(u32, i32)> {
    if symbol.starts_with("S/RES/") {
        return crate::parse::citations::parse_sc_resolution(symbol);
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
pub(super) fn own_symbol(
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

pub(super) fn adoption_date(
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

pub(super) fn iso_date(s: &str) -> Option<NaiveDate> {
    // The markup writes an unknown date as 0001-01-01.
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| chrono::Datelike::year(d) >= 1945)
}

pub(super) fn adoption_meeting(doc: &Elem) -> Option<i64> {
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
pub(super) fn meeting_of_record(record: &str) -> Option<i64> {
    let rest = record.trim().strip_prefix("S/PV")?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&n| n > 0)
}

/// The UNBIS Thesaurus terms of the catalogue record, as a `%%%` header would give them.
pub(super) fn subject_terms(meta: &Elem) -> Vec<String> {
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

pub(super) fn record_of(meta: &Elem, doc_type: DocType) -> DecisionRecord {
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
