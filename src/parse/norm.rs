//! Character folding for extraction: full-width ASCII, Arabic-Indic digits and odd spaces are
//! folded to their plain forms so that one set of patterns serves every language, while every
//! position found in the folded text can be mapped back to the original (for `raw` and clauses).

use std::borrow::Cow;

/// Text prepared for pattern matching, with a way back to the original byte offsets.
pub struct Folded<'a> {
    pub text: Cow<'a, str>,
    /// For each byte of `text`, the byte offset in the original; `None` when nothing was folded.
    origin: Option<Vec<u32>>,
    original_len: usize,
}

fn fold_char(c: char) -> char {
    // Everything folded lies above U+065F; most text is below it or CJK, checked in one compare.
    if (c as u32) < 0x0660 {
        return c;
    }
    match c {
        // Full-width forms of what patterns look for: （ ） ／ ． ０-９ Ａ-Ｚ ａ-ｚ. Full-width
        // commas and colons stay: they are ordinary Chinese punctuation, matched as they are.
        '\u{FF08}'
        | '\u{FF09}'
        | '\u{FF0E}'
        | '\u{FF0F}'
        | '\u{FF10}'..='\u{FF19}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{200B}' => ' ',
        '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + (c as u32 - 0x0660)).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32('0' as u32 + (c as u32 - 0x06F0)).unwrap_or(c),
        '\u{2044}' | '\u{2215}' => '/',
        // The non-breaking hyphen of official texts ("9237‑м заседании", "COVID‑19").
        '\u{2011}' => '-',
        // Bidi marks carry no meaning for matching; turn them into spaces (one char for one char).
        '\u{200E}' | '\u{200F}' | '\u{061C}' => ' ',
        // Texts in traditional characters (Taiwan, Hong Kong, the early years): the characters
        // of the words the patterns look for, folded to their simplified forms.
        '決' => '决',
        '議' => '议',
        '號' => '号',
        '會' => '会',
        '過' => '过',
        '聯' => '联',
        '國' => '国',
        '憲' => '宪',
        '聲' => '声',
        '條' => '条',
        '屆' => '届',
        '後' => '后',
        '項' => '项',
        '〔' => '[',
        '〕' => ']',
        _ => c,
    }
}

/// The byte offset of the first character that folds to another.
fn first_fold(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| fold_char(c) != c)
        .map(|(at, _)| at)
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        let Some(first) = first_fold(original) else {
            return Folded {
                text: Cow::Borrowed(original),
                origin: None,
                original_len: original.len(),
            };
        };
        // What comes before the first folded character is copied as it is.
        let mut text = String::with_capacity(original.len());
        text.push_str(&original[..first]);
        let mut origin: Vec<u32> = Vec::with_capacity(original.len());
        origin.extend(0..first as u32);
        for (at, c) in original[first..].char_indices() {
            let at = (first + at) as u32;
            let folded = fold_char(c);
            text.push(folded);
            origin.extend(std::iter::repeat_n(at, folded.len_utf8()));
        }
        Folded {
            text: Cow::Owned(text),
            origin: Some(origin),
            original_len: original.len(),
        }
    }

    /// The original byte offset of byte `at` of the folded text (`at == len` maps to the end).
    pub fn original_offset(&self, at: usize) -> usize {
        match &self.origin {
            None => at,
            Some(origin) => origin
                .get(at)
                .map(|&o| o as usize)
                .unwrap_or(self.original_len),
        }
    }
}

/// True for the Han ideographs and CJK punctuation that Chinese segmentation puts spaces between.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{3220}'..='\u{3243}'
        | '\u{20000}'..='\u{2A6DF}')
}

/// Removes the spaces that word segmentation put next to Chinese characters, keeping spaces
/// between two non-Chinese words ("联合国 维持 和平" -> "联合国维持和平", "AU 和 UN" -> "AU和UN").
pub fn unsegment(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let before = out.chars().last();
            let after = chars.get(j).copied();
            let glue = match (before, after) {
                (Some(b), Some(a)) => is_cjk(b) || is_cjk(a),
                _ => true,
            };
            if !glue && before.is_some() && after.is_some() {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Collapses runs of white space to one space and trims the ends.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_maps_back() {
        let s = "第１３２７（２０００）号";
        let f = Folded::new(s);
        assert_eq!(f.text, "第1327(2000)号");
        let at = f.text.find('(').unwrap();
        assert_eq!(&s[f.original_offset(at)..f.original_offset(at) + 3], "（");
        assert_eq!(f.original_offset(f.text.len()), s.len());
    }

    #[test]
    fn folds_arabic_indic_digits() {
        assert_eq!(Folded::new("القرار ١٣٢٥ (٢٠٠٠)").text, "القرار 1325 (2000)");
        assert_eq!(Folded::new("۱۲۳").text, "123");
    }

    #[test]
    fn plain_text_is_borrowed() {
        let f = Folded::new("resolution 1325 (2000)");
        assert!(matches!(f.text, Cow::Borrowed(_)));
        assert_eq!(f.original_offset(5), 5);
    }

    #[test]
    fn folds_traditional_characters_of_the_patterns() {
        assert_eq!(Folded::new("第2326(2016)號決議").text, "第2326(2016)号决议");
    }

    #[test]
    fn unsegment_cases() {
        let cases = [
            (" 联合国 维持 和平 行动 ", "联合国维持和平行动"),
            ("Peace and security", "Peace and security"),
            ("AU 和 UN", "AU和UN"),
            ("2009年 8月 5日", "2009年8月5日"),
        ];
        for (input, want) in cases {
            assert_eq!(unsegment(input), want, "input {input:?}");
        }
    }
}
