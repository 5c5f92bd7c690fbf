//! Numbers written in words or other scripts: Chinese numerals (十二, 二十五, and the
//! digit-by-digit form of years and meetings, 一九七七, 二〇一〇) and Roman numerals (VII, xiv).
//! The one place the parser reads them.

const CJK_DIGITS: &str = "〇一二三四五六七八九";

fn cjk_digit(c: char) -> Option<u32> {
    match c {
        '零' | '○' => Some(0),
        _ => CJK_DIGITS.chars().position(|d| d == c).map(|p| p as u32),
    }
}

/// The value of a Chinese numeral, or of ASCII digits: 十 10, 十二 12, 二十 20, 二十五 25,
/// 三百零五 305, and digit by digit 一九七七 1977, 二〇一〇 2010. None for anything else.
pub fn chinese(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    if s.is_empty() {
        return None;
    }
    // Digit by digit, with no unit characters: years and meeting numbers.
    if s.chars().all(|c| cjk_digit(c).is_some()) {
        if s.chars().count() > 9 {
            return None;
        }
        return s
            .chars()
            .try_fold(0u32, |n, c| Some(n * 10 + cjk_digit(c)?));
    }
    // With units: 千 百 十, each after an optional digit (十二 is 12; 一百零五 is 105).
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        let unit = match c {
            '千' => 1000,
            '百' => 100,
            '十' => 10,
            _ => {
                let d = cjk_digit(c)?;
                if digit.is_some() && d != 0 {
                    return None;
                }
                digit = (d != 0).then_some(d);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += digit.take().unwrap_or(1) * unit;
    }
    Some(total + digit.unwrap_or(0))
}

const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// `n` in Roman numerals, upper case: 7 → VII.
pub fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in ROMAN {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The value of a Roman numeral in its one canonical spelling, in either case: "vii" and
/// "VII" are 7; "IIII", "VX" and "" are None.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 || !s.chars().all(|c| "ivxlcdmIVXLCDM".contains(c)) {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let mut n = 0;
    let mut rest = upper.as_str();
    for (value, letters) in ROMAN {
        while let Some(r) = rest.strip_prefix(letters) {
            n += value;
            rest = r;
        }
    }
    (rest.is_empty() && n > 0 && roman(n) == upper).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (text, value) in [
            ("7", Some(7)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十五", Some(25)),
            ("一百零五", Some(105)),
            ("三百", Some(300)),
            ("一九七七", Some(1977)),
            ("二〇一〇", Some(2010)),
            ("二○一○", Some(2010)),
            ("", None),
            ("十十", None),
            ("二三十", None),
            ("第", None),
        ] {
            assert_eq!(chinese(text), value, "{text}");
        }
    }

    #[test]
    fn roman_numerals() {
        for n in 1..=60 {
            assert_eq!(roman_value(&roman(n)), Some(n));
            assert_eq!(roman_value(&roman(n).to_lowercase()), Some(n));
        }
        assert_eq!(roman(1994), "MCMXCIV");
        for bad in ["", "IIII", "VX", "IC", "abc", "x1"] {
            assert_eq!(roman_value(bad), None, "{bad}");
        }
    }
}
