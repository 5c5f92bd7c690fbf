//! Statement metadata read from the text itself, in each of the six UN languages: language,
//! agenda item title, and the dates and meeting numbers as they are written (where to look for
//! the ones of adoption is `heading`'s to say).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::norm::{collapse_spaces, is_cjk, unsegment, Folded};
use super::numerals;

const LANGUAGE_SAMPLE_CHARS: usize = 4000;
/// Letters after which a script holding nine in ten of them decides the matter.
const LANGUAGE_CLEAR_LETTERS: usize = 400;

/// ISO 639-1 code of the body's language, from its script and, for Latin script, its commonest
/// function words. None when the text has no letters to judge by.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let (mut han, mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    // The first few thousand characters tell the script as well as the whole text.
    for (k, c) in text.chars().take(LANGUAGE_SAMPLE_CHARS).enumerate() {
        if k % 100 == 99 {
            let letters = han + arabic + cyrillic + latin;
            if letters >= LANGUAGE_CLEAR_LETTERS
                && [han, arabic, cyrillic, latin]
                    .iter()
                    .any(|&n| n * 10 >= letters * 9)
            {
                break;
            }
        }
        match c {
            // Most characters of most texts: ASCII letters, spaces, digits, punctuation.
            c if c.is_ascii() => latin += usize::from(c.is_ascii_alphabetic()),
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            c if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    // A Chinese character carries about as much as a two- or three-letter word.
    let scores = [
        (han * 3, "zh"),
        (arabic, "ar"),
        (cyrillic, "ru"),
        (latin, "latin"),
    ];
    let (best, script) = scores.iter().copied().max_by_key(|s| s.0)?;
    if best == 0 {
        return None;
    }
    if script != "latin" {
        return Some(script);
    }
    Some(latin_language(text))
}

/// Which of English, French and Spanish (0, 1, 2) a lower-case word is one of the commonest
/// function words of. A `match`, not lists searched in turn: it runs for every word read.
fn function_word_language(word: &str) -> Option<usize> {
    match word {
        "the" | "of" | "and" | "to" | "its" | "that" | "with" | "council" | "security" | "is"
        | "on" => Some(0),
        "le" | "les" | "des" | "du" | "et" | "au" | "aux" | "conseil" | "sécurité" | "est"
        | "sur" | "une" => Some(1),
        "el" | "los" | "las" | "del" | "y" | "consejo" | "seguridad" | "por" | "con" | "una"
        | "al" => Some(2),
        _ => None,
    }
}

/// Words read to tell English, French and Spanish apart: function words make up about a
/// third of any text, so a few hundred words decide it.
const LATIN_SAMPLE_WORDS: usize = 300;

fn latin_language(text: &str) -> &'static str {
    let mut score = [0usize; 3];
    let mut count = |word: &str| {
        if let Some(i) = function_word_language(word) {
            score[i] += 1;
        }
    };
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(LATIN_SAMPLE_WORDS)
    {
        // Function words are short: skip the rest without lower-casing them.
        if word.len() > 10 {
            continue;
        }
        if word.is_ascii() {
            // Lower-cased on the stack: this runs for every word of every Latin-script text.
            let mut buf = [0u8; 10];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII lower-cased is ASCII.
            count(std::str::from_utf8(lower).unwrap_or(""));
        } else {
            count(&word.to_lowercase());
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    ["en", "fr", "es"][best]
}

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["“«„]\s*[^"“”«»„]{1,300}?\s*["”»]"#).expect("title pattern"));

/// The agenda item: the first quoted span of the preamble; Chinese without segmentation spaces.
pub fn find_title(preamble: &str) -> Option<String> {
    // The title is the span between the quotes, trimmed. No capture group: finding the match
    // alone spares the regex engine its slower search for groups.
    let quoted = QUOTED.find(preamble)?.as_str();
    let mut chars = quoted.chars();
    chars.next();
    chars.next_back();
    let inner = chars.as_str().trim();
    let title = if inner.chars().any(is_cjk) {
        unsegment(inner)
    } else {
        collapse_spaces(inner)
    };
    let title = title
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '，')
        .to_string();
    (!title.is_empty()).then_some(title)
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // The Levantine names, which Arabic texts give beside (or instead of) the others.
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

/// The Levantine month names of two words.
const TWO_WORD_MONTHS: &[(&str, u32)] = &[
    ("كانون الثاني", 1),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
}

/// The month named somewhere in a few words: "تشرين الثاني (نوفمبر)", "أكتوبر/تشرين الأول".
fn month_in_words(words: &str) -> Option<u32> {
    let words: Vec<&str> = words
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 4 {
        return None;
    }
    let pairs = words.windows(2).filter_map(|pair| {
        let name = format!("{} {}", pair[0], pair[1]);
        TWO_WORD_MONTHS
            .iter()
            .find(|(m, _)| *m == name)
            .map(|&(_, n)| n)
    });
    pairs
        .chain(words.iter().filter_map(|w| month_number(w)))
        .next()
}

/// A number written in digits or in Chinese numerals.
fn number(s: &str) -> Option<u32> {
    numerals::chinese(s)
}

/// The date forms of the six languages, each with the places of (year, month, day) among its
/// three groups.
const DATE_FORMS: [(&str, [usize; 3]); 5] = [
    (
        r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日",
        [0, 1, 2],
    ),
    // The day may carry a stray full stop from OCR ("14 . December 1955"), or have lost the
    // space before it ("on29 June 2021").
    (
        r"(?:^|[^\d])(\d{1,2})(?:er|º|°)?(?:\s*\.)?\s+(?:de\s+)?([A-Za-zéûÉÛ]+)\s+(?:de(?:l)?\s+)?(\d{4})",
        [2, 1, 0],
    ),
    (
        r"(?:^|\W)([A-Za-zéûÉÛ]+)\s+(\d{1,2}),?\s+(\d{4})",
        [2, 0, 1],
    ),
    (r"(\d{1,2})\s+([а-яА-Я]+)\s+(\d{4})", [2, 1, 0]),
    // Arabic: the month in one to four words, Levantine, Egyptian or both, as in 12
    // آذار/مارس 2010, 30 تشرين الثاني (نوفمبر) 1975, 22 أكتوبر/تشرين الأول 1973.
    (
        r"(\d{1,2})\s+(\p{Arabic}[\p{Arabic}\s/()]{1,40}?)\s+(\d{4})",
        [2, 1, 0],
    ),
];

/// All the date forms as one pattern, so that one pass finds the first date.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<&str> = DATE_FORMS.iter().map(|(p, _)| *p).collect();
    Regex::new(&alternatives.join("|")).expect("date pattern")
});

/// The first valid date in `text`, in any of the six languages.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    find_date_in_folded(&Folded::new(text).text)
}

/// The word that introduces a document's own date in Arabic headings ("dated"): a date after
/// it wins over one before it ("على أثر الإجتياح … في 14 آذار 1978، صدر … بتاريخ 19 آذار 1978").
const DATED: &str = "بتاريخ";

/// `find_date` on text already folded (`norm::Folded`).
pub fn find_date_in_folded(text: &str) -> Option<NaiveDate> {
    let mut dates = DATE.captures_iter(text).filter_map(|c| {
        let form = (0..DATE_FORMS.len()).find(|k| c.get(3 * k + 1).is_some())?;
        let [y, m, d] = DATE_FORMS[form].1.map(|g| &c[3 * form + 1 + g]);
        let month = number(m)
            .or_else(|| month_number(m))
            .or_else(|| month_in_words(m))?;
        let date = NaiveDate::from_ymd_opt(number(y)? as i32, month, number(d)?)?;
        let start = c.get(0).map_or(0, |m| m.start());
        Some((date, text[..start].trim_end().ends_with(DATED)))
    });
    let first = dates.next()?;
    if first.1 || !text.contains(DATED) {
        return Some(first.0);
    }
    Some(dates.find(|(_, dated)| *dated).unwrap_or(first).0)
}

/// The meeting forms of the six languages as one pattern, so that one pass finds the first;
/// each alternative has one group, the number.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"第\s*(\d{1,5}|[〇○零一二三四五六七八九十百千]+)\s*次\s*会议",
        r"|(?:^|[^\d年月日])(\d{3,5})\s*次\s*会议",
        r"|(?i:(?:^|\W)(\d{1,5})\s*(?:st|nd|rd|th)\s+meeting)",
        r"|(?i:(?:^|\W)(\d{1,5})\s*(?:e|ème|eme|re|')\s+séance)",
        r"|(?i:(?:^|\W)(\d{1,5})\.?\s*[ªºa]\.?\s+sesión)",
        r"|(?i:(?:^|\W)(\d{1,5})\s*(?:-?\s*(?:м|й|е|го)\s+|-)заседани)",
        r"|جلست\S*\s+(?:رقم\s+)?(\d{1,5})",
        r"|الجلسة\s+(?:رقم\s+)?(\d{1,5})",
    ))
    .expect("meeting pattern")
});

/// The number of the meeting named first in `text`.
pub fn find_meeting(text: &str) -> Option<i64> {
    find_meeting_in_folded(&Folded::new(text).text)
}

/// `find_meeting` on text already folded (`norm::Folded`).
pub fn find_meeting_in_folded(text: &str) -> Option<i64> {
    MEETING.captures_iter(text).find_map(|c| {
        let n = c.iter().skip(1).flatten().next()?;
        number(n.as_str()).map(i64::from)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn language_cases() {
        let cases = [
            ("安全 理事会 主席 的 声明", Some("zh")),
            (
                "Statement by the President of the Security Council",
                Some("en"),
            ),
            (
                "Déclaration du Président du Conseil de sécurité",
                Some("fr"),
            ),
            (
                "Declaración de la Presidencia del Consejo de Seguridad",
                Some("es"),
            ),
            ("Заявление Председателя Совета Безопасности", Some("ru")),
            ("بيان من رئيس مجلس الأمن", Some("ar")),
            ("安理会 重申 PRST/2004/16 and S/2002/56", Some("zh")),
            ("1234 (5678)", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language(text), want, "{text}");
        }
    }

    #[test]
    fn title_cases() {
        let cases = [
            ("就 安理会 审议 的 题 为 \" 联合国 维持 和平 行动 \" 的 项目", Some("联合国维持和平行动")),
            ("under the agenda item “Maintenance of international peace and security”,", Some("Maintenance of international peace and security")),
            ("au titre de la question intitulée « Opérations de maintien de la paix des Nations Unies »", Some("Opérations de maintien de la paix des Nations Unies")),
            ("no quotes here", None),
        ];
        for (text, want) in cases {
            assert_eq!(find_title(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn date_cases() {
        let cases = [
            ("主席 在 2009年 8月 5日 安全 理事会 第6178 次 会议 上", "2009-08-05"),
            ("2010 年 3 月 12 日", "2010-03-12"),
            ("At the 6178th meeting, held on 5 August 2009, in connection", "2009-08-05"),
            ("on August 5, 2009", "2009-08-05"),
            ("lors de sa 6285e séance, le 12 mars 2010", "2010-03-12"),
            ("le 1er juillet 2010", "2010-07-01"),
            ("en su 6285ª sesión, celebrada el 12 de marzo de 2010", "2010-03-12"),
            ("на своем 6285-м заседании 12 марта 2010 года", "2010-03-12"),
            ("في جلسته 6285 المعقودة في 12 آذار/مارس 2010", "2010-03-12"),
            ("في ١٢ آذار/مارس ٢٠١٠", "2010-03-12"),
            ("على أثر الإجتياح في 14 آذار 1978، صدر بتاريخ 19 آذار 1978 القرار 425", "1978-03-19"),
            ("Adopted at its 6195th meeting, on 30 September 2009 Recalling its resolution 1820 (2008) of 19 June 2008", "2009-09-30"),
            ("一九七七年五月二十六日", "1977-05-26"),
            ("一九四六年四月二十九日决议案", "1946-04-29"),
            ("14 . December 1955", "1955-12-14"),
            ("بتاريخ 30 تشرين الثاني (نوفمبر) 1975", "1975-11-30"),
            ("بتاريخ 22 أكتوبر/تشرين الأول 1973", "1973-10-22"),
            ("في 2 آذار/مارس 2005", "2005-03-02"),
            ("ОТ 12 СЕНТЯБРЯ 2001 ГОДА", "2001-09-12"),
            ("MAY 31, 1974", "1974-05-31"),
            ("at its 8810th meeting, on29 June 2021", "2021-06-29"),
        ];
        for (text, want) in cases {
            assert_eq!(find_date(text), date(want), "{text}");
        }
        assert_eq!(find_date("on 31 February 2009"), None);
        assert_eq!(find_date("resolution 1325 (2000)"), None);
    }

    #[test]
    fn meeting_cases() {
        let cases = [
            ("安全 理事会 第6178 次 会议 上", Some(6178)),
            ("at its 6178th meeting", Some(6178)),
            ("At the 6181st meeting", Some(6181)),
            ("à sa 6285e séance", Some(6285)),
            ("en su 6285ª sesión", Some(6285)),
            ("на своем 6285-м заседании", Some(6285)),
            ("في جلسته 6285 المعقودة", Some(6285)),
            ("في الجلسة 6285", Some(6285)),
            ("第二〇一〇次会议以十二票对零票通过", Some(2010)),
            ("第三十九次会议", Some(39)),
            (
                "aprobada por el Consejo de Seguridad en su 1328.ª sesión",
                Some(1328),
            ),
            ("Adoptée à la 3157' séance", Some(3157)),
            ("on 5 August 2009", None),
        ];
        for (text, want) in cases {
            assert_eq!(find_meeting(text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The title is the span between the quotes, trimmed: the same as the capture group of
        /// the pattern it had before, for any text of quotes, spaces, words and Chinese.
        #[test]
        fn title_is_the_quoted_span_trimmed(text in "[\"“”«»„ 　a-c联合国,，]{0,40}") {
            let with_group = Regex::new(r#"["“«„]\s*([^"“”«»„]{1,300}?)\s*["”»]"#).unwrap();
            let before = with_group.captures(&text).map(|c| {
                let inner = &c[1];
                let title = if inner.chars().any(is_cjk) { unsegment(inner) } else { collapse_spaces(inner) };
                title.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '，').to_string()
            }).filter(|t| !t.is_empty());
            proptest::prop_assert_eq!(find_title(&text), before, "{:?}", text);
        }
    }
}
