//! Turns the bytes of an input file into text: detects UTF-8 (with or without BOM), UTF-16 with
//! a BOM and GB18030, and normalizes line ends to LF. Nothing here guesses beyond that list:
//! bytes that none of them decodes cleanly are refused, never replaced with U+FFFD.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
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

/// Decodes `bytes` and returns the text with LF line ends.
/// UTF-8 input with LF line ends is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    let (text, encoding): (Cow<str>, Encoding) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            match std::str::from_utf8(rest) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8Bom),
                Err(e) => return Err(DecodeError::BadUtf8Bom(e.valid_up_to() + 3)),
            }
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            (
                decode_strict(encoding_rs::UTF_16LE, rest).ok_or(DecodeError::BadUtf16)?,
                Encoding::Utf16Le,
            )
        } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            (
                decode_strict(encoding_rs::UTF_16BE, rest).ok_or(DecodeError::BadUtf16)?,
                Encoding::Utf16Be,
            )
        } else {
            match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
                Err(e) => match decode_strict(encoding_rs::GB18030, bytes) {
                    Some(s) => (s, Encoding::Gb18030),
                    None => return Err(DecodeError::Undecodable(e.valid_up_to())),
                },
            }
        };
    Ok((normalize_line_ends(text), encoding))
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
            let (got, encoding) = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got, text, "{name}");
            assert_eq!(encoding, want, "{name}");
        }
    }

    #[test]
    fn refuses_undecodable_bytes() {
        // 0xFF is never valid in UTF-8 nor a GB18030 lead byte.
        assert!(matches!(
            decode(b"%%%A|\n\nabc \xFF\xFF"),
            Err(DecodeError::Undecodable(11))
        ));
        assert_eq!(decode(b"\xFF\xFE\x00\xD8"), Err(DecodeError::BadUtf16));
    }
}
