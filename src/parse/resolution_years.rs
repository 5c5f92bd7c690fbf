//! The year of a Security Council resolution from its number alone, for year-less mentions
//! ("resolution 1325", 第1325 号 决议). Resolutions are numbered in one sequence since 1946, so
//! the first number adopted each year fixes the year of every number. The table below holds
//! those first numbers from 1995 on; numbers close to a year boundary, or outside the table,
//! get no year, because a wrong year is worse than an unknown one.

/// (year, first resolution number adopted in that year).
const FIRST_OF_YEAR: &[(i32, u32)] = &[
    (1995, 970),
    (1996, 1036),
    (1997, 1090),
    (1998, 1146),
    (1999, 1220),
    (2000, 1285),
    (2001, 1335),
    (2002, 1387),
    (2003, 1455),
    (2004, 1522),
    (2005, 1581),
    (2006, 1652),
    (2007, 1739),
    (2008, 1795),
    (2009, 1860),
    (2010, 1908),
    (2011, 1967),
    (2012, 2033),
    (2013, 2086),
    (2014, 2133),
    (2015, 2196),
    (2016, 2261),
    (2017, 2337),
    (2018, 2398),
    (2019, 2452),
    (2020, 2506),
    (2021, 2561),
    (2022, 2616),
    (2023, 2672),
    (2024, 2722),
];

/// The first number past the table's last year (approximate, so guarded by the margin).
const END_OF_TABLE: u32 = 2766;

/// How far from a year boundary a number must lie to be trusted; wider before 2000, where the
/// boundaries in the table are less certain.
fn margin(year: i32) -> u32 {
    if year < 2000 {
        6
    } else {
        3
    }
}

/// The year of resolution `number`, when the table fixes it with certainty.
pub fn year_of(number: u32) -> Option<i32> {
    for (i, &(year, first)) in FIRST_OF_YEAR.iter().enumerate() {
        let next_first = FIRST_OF_YEAR
            .get(i + 1)
            .map(|&(_, f)| f)
            .unwrap_or(END_OF_TABLE);
        if number >= first && number < next_first {
            let m = margin(year);
            let safe = number >= first + m && number + m < next_first;
            return safe.then_some(year);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn known_resolutions() {
        let cases = [
            (1325, Some(2000)),
            (1327, Some(2000)),
            (1353, Some(2001)),
            (1674, Some(2006)),
            (1820, Some(2008)),
            (1888, Some(2009)),
            (2250, Some(2015)),
            (2417, Some(2018)),
            // Too close to a boundary to be sure, or outside the table.
            (1738, None),
            (1860, None),
            (242, None),
            (9999, None),
        ];
        for (number, want) in cases {
            assert_eq!(year_of(number), want, "resolution {number}");
        }
    }
}
