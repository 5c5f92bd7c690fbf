//! The year of a Security Council resolution from its number alone, for year-less mentions
//! ("resolution 1325", 第1325 号 决议, a heading "Résolution 107 du Conseil de sécurité").
//! Resolutions are numbered in one sequence since 1946, so the first number adopted each year
//! fixes the year of every number. The table below holds those first numbers from 1946 on.
//! Those up to 1995 were read off the dated texts of every resolution from 1 to 902 (the
//! hand-checked English texts of the public corpus SeanFobbe/cr-unsc) and the texts of
//! resolutions 969, 970, 1035 and 1036: they are exact. From 1996 on, numbers close to a year
//! boundary, or past the table, get no year, because a wrong year is worse than an unknown one.

/// (year, first resolution number adopted in that year).
const FIRST_OF_YEAR: &[(i32, u32)] = &[
    (1946, 1),
    (1947, 16),
    (1948, 38),
    (1949, 67),
    (1950, 79),
    (1951, 90),
    (1952, 97),
    (1953, 99),
    (1954, 104),
    (1955, 106),
    (1956, 111),
    (1957, 122),
    (1958, 127),
    (1959, 132),
    (1960, 133),
    (1961, 161),
    (1962, 171),
    (1963, 178),
    (1964, 186),
    (1965, 200),
    (1966, 220),
    (1967, 233),
    (1968, 245),
    (1969, 263),
    (1970, 276),
    (1971, 292),
    (1972, 308),
    (1973, 325),
    (1974, 345),
    (1975, 367),
    (1976, 385),
    (1977, 403),
    (1978, 423),
    (1979, 444),
    (1980, 462),
    (1981, 485),
    (1982, 500),
    (1983, 529),
    (1984, 546),
    (1985, 560),
    (1986, 581),
    (1987, 594),
    (1988, 607),
    (1989, 627),
    (1990, 647),
    (1991, 684),
    (1992, 726),
    (1993, 800),
    (1994, 893),
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

/// How far from a year boundary a number must lie to be trusted: the boundaries up to 1995 are
/// exact; later ones are trusted less, and most before 2000.
fn margin(year: i32) -> u32 {
    match year {
        ..1996 => 0,
        1996..2000 => 6,
        _ => 3,
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

/// True when resolution `number` can be of `year`: it lies in that year's stretch of numbers,
/// give or take the margin of the year's boundaries. A year after the table's takes numbers
/// past its end.
pub fn fits(number: u32, year: i32) -> bool {
    let Some(i) = FIRST_OF_YEAR.iter().position(|&(y, _)| y == year) else {
        let last = FIRST_OF_YEAR.last().map_or(0, |&(y, _)| y);
        return year > last && year <= last + 3 && number + margin(year) >= END_OF_TABLE;
    };
    let first = FIRST_OF_YEAR[i].1;
    let next = FIRST_OF_YEAR.get(i + 1).map_or(END_OF_TABLE, |&(_, f)| f);
    let m = margin(year);
    number + m >= first && number < next + m
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
            // The exact years up to 1995, boundaries included.
            (1, Some(1946)),
            (15, Some(1946)),
            (16, Some(1947)),
            (107, Some(1955)),
            (132, Some(1959)),
            (242, Some(1967)),
            (425, Some(1978)),
            (969, Some(1994)),
            (970, Some(1995)),
            // Too close to a later boundary to be sure, or outside the table.
            (1738, None),
            (1860, None),
            (9999, None),
        ];
        for (number, want) in cases {
            assert_eq!(year_of(number), want, "resolution {number}");
        }
    }
}
