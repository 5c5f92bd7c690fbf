//! Turns the bytes of an input file into text: detects UTF-8 (with or without BOM), UTF-16 with
//! a BOM and GB18030, and normalizes line ends to LF. Which one is decided by evidence: text
//! that is UTF-8 but for a few bytes (a stray Windows-1252 apostrophe pasted in) is UTF-8, with
//! those bytes read as Windows-1252 and a repair reported; GB18030 only when the bytes read as
//! GB18030 throughout and as Chinese. Nothing is ever replaced with U+FFFD, and nothing
//! repaired is silent.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// UTF-8 but for a few bytes, which were read as Windows-1252.
    Utf8Repaired,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf8Repaired => "utf-8 (repaired)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file has a UTF-16 byte-order mark but is not valid UTF-16")]
    BadUtf16,
    #[error("the file has a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte at offset {0})")]
    BadUtf8Bom(usize),
    #[error("the bytes are not UTF-8 (first bad byte at offset {0}), UTF-16 with a byte-order mark, or GB18030")]
    Undecodable(usize),
}

/// Bytes that were not UTF-8 in a file read as UTF-8, and how they were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub bytes: usize,
    pub first_offset: usize,
    pub first_byte: u8,
    pub first_read_as: char,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} byte{} not UTF-8, read as Windows-1252 (the first at offset {}: 0x{:02X} read as {:?})",
            self.bytes,
            if self.bytes == 1 { " is" } else { "s are" },
            self.first_offset,
            self.first_byte,
            self.first_read_as
        )
    }
}

/// The UTF-16 byte-order marks: they decide a file's encoding.
pub const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
pub const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// The UTF-16 byte-order mark `head` opens with, or nothing: what a later piece of the same
/// file needs before it to decode as the file does.
pub fn utf16_bom(head: &[u8]) -> &'static [u8] {
    [UTF16_LE_BOM, UTF16_BE_BOM]
        .into_iter()
        .find(|bom| head.starts_with(bom))
        .unwrap_or(b"")
}

/// Decodes `bytes` and returns the text with LF line ends, with the repair made if any.
/// UTF-8 input with LF line ends is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding, Option<Repair>), DecodeError> {
    let mut repair = None;
    let (text, encoding): (Cow<str>, Encoding) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            match std::str::from_utf8(rest) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8Bom),
                Err(e) => return Err(DecodeError::BadUtf8Bom(e.valid_up_to() + 3)),
            }
        } else if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
            (
                decode_strict(encoding_rs::UTF_16LE, rest).ok_or(DecodeError::BadUtf16)?,
                Encoding::Utf16Le,
            )
        } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
            (
                decode_strict(encoding_rs::UTF_16BE, rest).ok_or(DecodeError::BadUtf16)?,
                Encoding::Utf16Be,
            )
        } else {
            match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
                Err(e) => match by_evidence(bytes) {
                    Some(Decoded::Gb18030(s)) => (s, Encoding::Gb18030),
                    Some(Decoded::Repaired(s, r)) => {
                        repair = Some(r);
                        (Cow::Owned(s), Encoding::Utf8Repaired)
                    }
                    None => return Err(DecodeError::Undecodable(e.valid_up_to())),
                },
            }
        };
    Ok((normalize_line_ends(text), encoding, repair))
}

enum Decoded<'a> {
    Gb18030(Cow<'a, str>),
    Repaired(String, Repair),
}

/// How many stray bytes a text may hold and still be UTF-8, when nothing else in it shows it is.
fn tolerated_stray_bytes(len: usize) -> usize {
    (len / 200).max(8)
}

/// Bytes that are not valid UTF-8: UTF-8 with a few stray bytes, or GB18030, by what the bytes
/// show. None when neither fits.
fn by_evidence(bytes: &[u8]) -> Option<Decoded<'_>> {
    let (mut utf8_multibyte, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        utf8_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        stray += chunk.invalid().len();
    }
    // Valid multi-byte UTF-8 next to a few stray bytes: a UTF-8 text with a slip in it.
    let clearly_utf8 = utf8_multibyte > 0 && stray * 10 <= utf8_multibyte + 30;
    if !clearly_utf8 {
        if let Some(text) = decode_strict(encoding_rs::GB18030, bytes) {
            // GB18030 decodes almost any bytes; it is the file's encoding only when what it
            // reads is Chinese, not one odd character in a Latin text ("D茅claration").
            let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
            let han = text.chars().filter(|c| is_han(*c)).count();
            if han >= 2 && han * 2 >= non_ascii && mostly_gb2312_pairs(bytes) {
                return Some(Decoded::Gb18030(text));
            }
        }
    }
    if !clearly_utf8 && stray > tolerated_stray_bytes(bytes.len()) {
        return None;
    }
    Some(Decoded::Repaired(
        repair_utf8(bytes),
        first_repair(bytes, stray)?,
    ))
}

/// True when most of the bytes above ASCII pair as GB2312's characters do (both bytes from
/// 0xA1): so Chinese text is written. A Latin text with Windows-1252 punctuation has lone bytes
/// before ASCII letters ("Council\x92s"), which GB18030 would also read, as "Council抯".
fn mostly_gb2312_pairs(bytes: &[u8]) -> bool {
    let (mut pairs, mut leads) = (0usize, 0usize);
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b < 0x80 {
            k += 1;
            continue;
        }
        leads += 1;
        if (0xA1..=0xF7).contains(&b) && bytes.get(k + 1).is_some_and(|&t| t >= 0xA1) {
            pairs += 1;
        }
        k += 2;
    }
    pairs * 2 >= leads
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn windows_1252(byte: u8) -> char {
    let one = [byte];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
    // Windows-1252 maps every byte to a character.
    text.chars().next().unwrap_or(char::from(byte))
}

/// The text with every byte that is not UTF-8 read as Windows-1252.
fn repair_utf8(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + 16);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
    }
    text
}

fn first_repair(bytes: &[u8], stray: usize) -> Option<Repair> {
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        offset += chunk.valid().len();
        if let Some(&byte) = chunk.invalid().first() {
            return Some(Repair {
                bytes: stray,
                first_offset: offset,
                first_byte: byte,
                first_read_as: windows_1252(byte),
            });
        }
    }
    None
}

fn decode_strict<'a>(
    encoding: &'static encoding_rs::Encoding,
    bytes: &'a [u8],
) -> Option<Cow<'a, str>> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes)
}

fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn windows_1252_punctuation_in_english_is_no_chinese() {
        // As text exported from Windows tools has it: GB18030 reads it as "Council抯".
        let bytes = b"%%%A|\n\nThe Security Council reaffirms the Council\x92s role and the Secretary-General\x92s.\n";
        let (text, encoding, repair) = decode(bytes).unwrap();
        assert_eq!(encoding, Encoding::Utf8Repaired);
        assert!(text.contains("Council\u{2019}s role"), "{text}");
        assert!(repair.is_some());
    }

    #[test]
    fn decodes_every_supported_form() {
        let text = "%%%A|\n\n 安全 理事会\n";
        let gb = encoding_rs::GB18030.encode(text).0.into_owned();
        let cases: Vec<(&str, Vec<u8>, Encoding)> = vec![
            ("utf-8", text.as_bytes().to_vec(), Encoding::Utf8),
            (
                "utf-8 bom",
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                Encoding::Utf8Bom,
            ),
            ("utf-16le", utf16(text, false), Encoding::Utf16Le),
            ("utf-16be", utf16(text, true), Encoding::Utf16Be),
            ("gb18030", gb, Encoding::Gb18030),
            (
                "crlf",
                text.replace('\n', "\r\n").into_bytes(),
                Encoding::Utf8,
            ),
        ];
        for (name, bytes, want) in cases {
            let (got, encoding, repair) = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got, text, "{name}");
            assert_eq!(encoding, want, "{name}");
            assert_eq!(repair, None, "{name}");
        }
    }

    #[test]
    fn utf8_with_a_few_stray_bytes_is_utf8_and_says_so() {
        let cases: &[(&str, &[u8], &str)] = &[
            // A Windows-1252 apostrophe pasted into UTF-8 text.
            (
                "apostrophe in UTF-8",
                b"D\xC3\xA9claration du Conseil sur l\x92Assembl\xC3\xA9e",
                "Déclaration du Conseil sur l’Assemblée",
            ),
            // Latin-1 é with no UTF-8 around: GB18030 would read 茅, one Chinese character in a
            // French word, which is no evidence of Chinese.
            (
                "lone Latin-1 letter",
                b"D\xE9claration du Conseil",
                "Déclaration du Conseil",
            ),
        ];
        for (name, bytes, want) in cases {
            let (text, encoding, repair) = decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(text, *want, "{name}");
            assert_eq!(encoding, Encoding::Utf8Repaired, "{name}");
            let repair = repair.expect("a repair");
            assert_eq!(repair.bytes, 1, "{name}");
            assert!(
                repair.to_string().contains("read as Windows-1252"),
                "{repair}"
            );
        }
    }

    #[test]
    fn refuses_undecodable_bytes() {
        // 0xFF is never valid in UTF-8 nor a GB18030 lead byte; too many of them to be a slip.
        let mut bytes = b"%%%A|\n\nabc ".to_vec();
        bytes.extend_from_slice(&[0xFF; 64]);
        assert!(matches!(decode(&bytes), Err(DecodeError::Undecodable(11))));
        assert_eq!(decode(b"\xFF\xFE\x00\xD8"), Err(DecodeError::BadUtf16));
    }
}
