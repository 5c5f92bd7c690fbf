//! The official record of a decision beside its text: how each member state voted, the counts,
//! the sponsors, the draft and the meeting record. It comes from the UN's markup (the AKN
//! workflow and voting elements) or from the UN's `data_extract` files, one JSON object a line
//! per resolution.

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    InFavour,
    Against,
    Abstaining,
}

impl Vote {
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::InFavour => "in_favour",
            Vote::Against => "against",
            Vote::Abstaining => "abstaining",
        }
    }

    /// The markup's `refersTo` of a voting count.
    pub fn from_markup(refers_to: &str) -> Option<Vote> {
        match refers_to.trim_start_matches('#') {
            "inFavour" | "favour" | "for" => Some(Vote::InFavour),
            "against" => Some(Vote::Against),
            "abstaining" | "abstention" | "abstentions" => Some(Vote::Abstaining),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Adopted,
    NotAdopted,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::NotAdopted => "not_adopted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecordOrigin {
    #[default]
    Akn,
    DataExtract,
}

impl RecordOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordOrigin::Akn => "akn",
            RecordOrigin::DataExtract => "data_extract",
        }
    }
}

/// What the official record says of one decision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionRecord {
    /// The decision's symbol, normalized as citations are (`S/RES/2672 (2023)`).
    pub symbol: String,
    pub origin: RecordOrigin,
    pub outcome: Option<Outcome>,
    pub adopted_on: Option<NaiveDate>,
    pub meeting: Option<i64>,
    /// The draft put to the vote (`S/2023/18`).
    pub draft_symbol: Option<String>,
    /// The verbatim record of the meeting (`S/PV.9237`).
    pub record_symbol: Option<String>,
    /// How the record words the adoption: "Adopted unanimously, 9237th meeting".
    pub adoption: Option<String>,
    /// The agenda item, in English.
    pub agenda: Option<String>,
    pub in_favour: Option<u32>,
    pub against: Option<u32>,
    pub abstaining: Option<u32>,
    /// Each member state named with its vote, in the record's order.
    pub votes: Vec<(String, Vote)>,
    /// Each sponsor, and whether it joined after the draft was issued.
    pub sponsors: Vec<(String, bool)>,
}

impl DecisionRecord {
    /// False for a record with nothing in it but a symbol.
    pub fn says_anything(&self) -> bool {
        self.outcome.is_some()
            || self.draft_symbol.is_some()
            || self.record_symbol.is_some()
            || self.in_favour.is_some()
            || !self.votes.is_empty()
            || !self.sponsors.is_empty()
    }
}

/// Member states whose names hold "and": a list of sponsors is not cut inside them.
const NAMES_WITH_AND: [&str; 8] = [
    "ANTIGUA AND BARBUDA",
    "BOSNIA AND HERZEGOVINA",
    "SAINT KITTS AND NEVIS",
    "SAINT VINCENT AND THE GRENADINES",
    "SAO TOME AND PRINCIPE",
    "TRINIDAD AND TOBAGO",
    "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND",
    "HEARD ISLAND AND MCDONALD ISLANDS",
];

/// The sponsors of a workflow step's `by` ("Albania, Brazil and Switzerland"), upper-cased as
/// the voting record writes member states.
pub fn split_sponsors(by: &str) -> impl Iterator<Item = String> {
    let mut names: Vec<String> = Vec::new();
    for part in by.split([',', ';']) {
        let part = super::norm::collapse_spaces(part).to_uppercase();
        let part = part.strip_prefix("AND ").unwrap_or(&part).to_string();
        if part.is_empty() {
            continue;
        }
        // "BRAZIL AND SWITZERLAND": cut at each " AND " that stands inside no name.
        let mut guarded = part.clone();
        for name in NAMES_WITH_AND {
            guarded = guarded.replace(name, &name.replace(" AND ", " \u{1} "));
        }
        for name in guarded.split(" AND ") {
            let name = name.replace(" \u{1} ", " AND ").trim().to_string();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names.into_iter()
}

/// One line of a `data_extract` file.
#[derive(Debug, Deserialize)]
struct ExtractLine {
    symbol: String,
    #[serde(default)]
    adoption_date: Option<String>,
    #[serde(default)]
    adoption_meeting: Option<String>,
    #[serde(default)]
    adoption_type: Option<String>,
    #[serde(default)]
    agenda_item_name: Option<String>,
    #[serde(default)]
    draft_resolution: Option<String>,
    #[serde(default)]
    outcome_letter: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default, rename = "MS_in_favour_count")]
    in_favour_count: Option<String>,
    #[serde(default, rename = "MS_against_count")]
    against_count: Option<String>,
    #[serde(default, rename = "MS_abstaining_count")]
    abstaining_count: Option<String>,
    #[serde(default, rename = "MS_in_favour")]
    in_favour: Vec<String>,
    #[serde(default, rename = "MS_against")]
    against: Vec<String>,
    #[serde(default, rename = "MS_abstaining")]
    abstaining: Vec<String>,
    #[serde(default)]
    sponsors: Vec<String>,
    #[serde(default)]
    additional_sponsors: Vec<String>,
}

/// True when `text` is a `data_extract` file: JSON objects, one a line, each with a symbol and
/// the keys of the record.
pub fn looks_like_data_extract(text: &str) -> bool {
    let text = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    // A bad or empty first line loses nothing: any of the first lines may show the form.
    text.starts_with('{')
        && text
            .lines()
            .take(8)
            .any(|l| l.contains("\"symbol\"") && l.contains("\"adoption_"))
}

/// True when `text` is JSON of some other form (an array, another program's file): refused
/// with that reason rather than read as an archive.
pub fn looks_like_other_json(text: &str) -> bool {
    let text = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    (text.starts_with('{') || text.starts_with('['))
        && !text.lines().any(|l| l.starts_with("%%%"))
        && (serde_json::from_str::<serde::de::IgnoredAny>(text.lines().next().unwrap_or(""))
            .is_ok()
            || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok())
}

/// Reads a `data_extract` file: each line's record, or why the line could not be read (with
/// its 1-based line number).
pub fn parse_data_extract(text: &str) -> Vec<Result<DecisionRecord, (u32, String)>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, line)| {
            let n = k as u32 + 1;
            let line: ExtractLine = serde_json::from_str(line).map_err(|e| {
                (
                    n,
                    format!("line {n} is not a record of the data_extract form: {e}"),
                )
            })?;
            let symbol = super::akn::normalized_symbol(&line.symbol)
                .filter(|s| s.starts_with("S/RES/") && s.ends_with(')'))
                .ok_or_else(|| {
                    let reason = format!(
                        "line {n} has no resolution's symbol with its year ({:?})",
                        line.symbol
                    );
                    (n, reason)
                })?;
            Ok(record_of_line(symbol, line))
        })
        .collect()
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| super::norm::collapse_spaces(&s))
        .filter(|s| !s.is_empty())
}

fn count(s: Option<String>) -> Option<u32> {
    s.and_then(|s| s.trim().parse().ok())
}

fn record_of_line(symbol: String, line: ExtractLine) -> DecisionRecord {
    let votes = [
        (line.in_favour, Vote::InFavour),
        (line.against, Vote::Against),
        (line.abstaining, Vote::Abstaining),
    ]
    .into_iter()
    .flat_map(|(names, vote)| names.into_iter().map(move |n| (n, vote)))
    .map(|(n, vote)| (super::norm::collapse_spaces(&n), vote))
    .filter(|(n, _)| !n.is_empty())
    .collect();
    let sponsors = line
        .sponsors
        .into_iter()
        .map(|s| (s, false))
        .chain(line.additional_sponsors.into_iter().map(|s| (s, true)))
        .map(|(s, extra)| (super::norm::collapse_spaces(&s).to_uppercase(), extra))
        .filter(|(s, _)| !s.is_empty())
        .collect();
    let record_symbol = non_empty(line.outcome_letter);
    let adoption = non_empty(line.adoption_type);
    let adopted_on = line.adoption_date.as_deref().and_then(|d| {
        // "2021-07-09 00:00:00" in some files, "9 January 2023" in most.
        d.get(..10)
            .and_then(|iso| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok())
            .or_else(|| super::meta::find_date(d))
    });
    let outcome = line.outcome.as_deref().unwrap_or("").to_ascii_lowercase();
    let wording = adoption.as_deref().unwrap_or("").to_ascii_lowercase();
    // Adopted without a vote, or by acclamation: there were no counts, whatever zeros stand.
    let no_vote = outcome.contains("withoutvote")
        || outcome.contains("acclamation")
        || wording.contains("without vote")
        || wording.contains("acclamation");
    let counts = |c: Option<u32>| c.filter(|_| !no_vote);
    let meeting = line
        .adoption_meeting
        .as_deref()
        .and_then(|m| m.trim().split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|m| m.parse().ok());
    DecisionRecord {
        symbol,
        origin: RecordOrigin::DataExtract,
        // The data_extract files list adopted resolutions: a line says so by its date or wording.
        outcome: (adopted_on.is_some() || wording.starts_with("adopted"))
            .then_some(Outcome::Adopted),
        adopted_on,
        meeting,
        draft_symbol: non_empty(line.draft_resolution),
        record_symbol,
        adoption,
        agenda: non_empty(line.agenda_item_name).map(|a| a.trim_end_matches('.').to_string()),
        in_favour: counts(count(line.in_favour_count)),
        against: counts(count(line.against_count)),
        abstaining: counts(count(line.abstaining_count)),
        votes,
        sponsors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sponsors_are_cut_at_commas_and_and_but_not_inside_names() {
        let cases: [(&str, &[&str]); 5] = [
            ("Brazil and Switzerland", &["BRAZIL", "SWITZERLAND"]),
            (
                "Albania, France and United States of America",
                &["ALBANIA", "FRANCE", "UNITED STATES OF AMERICA"],
            ),
            (
                "Trinidad and Tobago and Ghana",
                &["TRINIDAD AND TOBAGO", "GHANA"],
            ),
            (
                "Bosnia and Herzegovina, Saint Vincent and the Grenadines",
                &["BOSNIA AND HERZEGOVINA", "SAINT VINCENT AND THE GRENADINES"],
            ),
            ("", &[]),
        ];
        for (by, want) in cases {
            let got: Vec<String> = split_sponsors(by).collect();
            assert_eq!(got, want, "{by}");
        }
    }

    #[test]
    fn a_data_extract_line_gives_its_record() {
        let line = r#"{"symbol": "S/RES/2672 (2023)", "adoption_meeting": "9237th meeting", "adoption_date": "9 January 2023", "agenda_item_name": "The situation in the Middle East", "adoption_type": "Adopted 13-0-2, 9237th meeting", "draft_resolution": "S/2023/18", "outcome_letter": "S/PV.9237", "MS_in_favour_count": "13", "MS_against_count": "0", "MS_abstaining_count": "2", "MS_in_favour": ["ALBANIA"], "MS_against": [], "MS_abstaining": ["CHINA", "RUSSIAN FEDERATION"], "sponsors": ["BRAZIL"], "additional_sponsors": ["JAPAN"]}"#;
        assert!(looks_like_data_extract(line));
        let records = parse_data_extract(&format!("{line}\nnot json\n"));
        let r = records[0].as_ref().unwrap();
        assert_eq!(r.symbol, "S/RES/2672 (2023)");
        assert_eq!(r.meeting, Some(9237));
        assert_eq!(r.adopted_on, NaiveDate::from_ymd_opt(2023, 1, 9));
        assert_eq!(
            (r.in_favour, r.against, r.abstaining),
            (Some(13), Some(0), Some(2))
        );
        assert_eq!(r.votes.len(), 3);
        assert_eq!(
            r.votes[2],
            ("RUSSIAN FEDERATION".to_string(), Vote::Abstaining)
        );
        assert_eq!(
            r.sponsors,
            vec![("BRAZIL".into(), false), ("JAPAN".into(), true)]
        );
        assert_eq!(r.record_symbol.as_deref(), Some("S/PV.9237"));
        assert!(matches!(records[1], Err((2, _))));
    }

    #[test]
    fn data_extract_lines_say_only_what_they_hold() {
        let lines = [
            // Adopted without a vote: zeros that are no vote.
            r#"{"symbol": "S/RES/1326 (2000)", "adoption_date": "31 October 2000", "adoption_type": "Adopted without vote, 4223rd meeting", "outcome": "adoptedWithoutVote", "MS_in_favour_count": "0", "MS_against_count": "0", "MS_abstaining_count": "0"}"#,
            // An ISO date with a time.
            r#"{"symbol": "S/RES/2585 (2021)", "adoption_date": "2021-07-09 00:00:00", "MS_in_favour_count": "15"}"#,
            // No resolution's symbol with its year, no date: no record.
            r#"{"symbol": "Resolution 2674", "adoption_date": "x"}"#,
        ];
        let records = parse_data_extract(&lines.join("\n"));
        let r = records[0].as_ref().unwrap();
        assert_eq!((r.in_favour, r.against, r.abstaining), (None, None, None));
        let r = records[1].as_ref().unwrap();
        assert_eq!(r.adopted_on, NaiveDate::from_ymd_opt(2021, 7, 9));
        assert!(records[2].is_err());
    }
}
