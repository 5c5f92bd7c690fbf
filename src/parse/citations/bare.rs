//! Resolutions cited by number and year alone, wherever they stand.

use std::sync::LazyLock;

use regex::Regex;

use super::{re, sc_resolution, CitationKind, Found, Symbol};
use crate::parse::resolution_years;

/// "1591 (2005)" wherever it stands: a list interrupted by words ("resolutions concerning the
/// Sudan, in particular 1591 (2005), 1651 (2005)") loses the resolution word before its items.
/// A number with a year in brackets is taken for a Council resolution only where the number
/// falls in the year's stretch of resolution numbers.
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\(\s?\d{4}\s?\)"));

pub(super) fn find_bare_resolutions(t: &str, out: &mut Vec<Found>) {
    // The bracketed year first (its "(" is a literal the search runs fast on), then the number
    // before it.
    // Most such mentions stand in a list already found: those are passed over before any
    // symbol is made for them.
    let mut covered: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    covered.sort_unstable();
    let is_covered = |at: usize| {
        let k = covered.partition_point(|&(s, _)| s <= at);
        covered[..k].iter().rev().take(4).any(|&(_, e)| e > at)
    };
    // find_iter, not captures: the year is read off the match, sparing the slower engine
    // that captures need.
    for whole in BARE_YEAR.find_iter(t) {
        let year: String = whole
            .as_str()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let before = &t[..whole.start()];
        let before = before.strip_suffix(char::is_whitespace).unwrap_or(before);
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            continue;
        }
        let start = before.len() - digits;
        if is_covered(start) {
            continue;
        }
        // Not the end of a symbol or of a decimal: "S/2020/1234 (2020)", "1.5 (2019)".
        if t[..start].ends_with(['/', '.', '-']) {
            continue;
        }
        let (Ok(number), Ok(year)) = (before[start..].parse::<u32>(), year.parse::<i32>()) else {
            continue;
        };
        if number == 0 || !resolution_years::fits(number, year) {
            continue;
        }
        out.push(Found {
            start,
            end: whole.end(),
            kind: CitationKind::Resolution,
            symbol: Symbol::Known(sc_resolution(number, year)),
        });
    }
}
