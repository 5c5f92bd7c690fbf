//! Pieces: a file or member read as a stream and cut at header lines into pieces of about
//! `PIECE_BYTES`, hashed as they go, so that a file of any size is parsed in parallel and
//! held in memory a piece at a time. A small file of few documents goes whole, as it is.

use std::io::{self, Read};

use sha2::{Digest, Sha256};

use super::sources::{archive_kind, nested_archive, Event, InputFile, Sink};
use crate::parse::decode::{utf16_bom, UTF16_BE_BOM, UTF16_LE_BOM};
use crate::units::human_size;

/// Whether an input event holds a whole file or a piece of one.
#[derive(Debug, Clone)]
pub enum Piece {
    Whole,
    /// The `index`-th piece (from 0) of a file cut at header lines; the last one says so with
    /// what is known only at the end.
    Part {
        index: u32,
        /// Bytes to put before the piece to decode it (the file's UTF-16 byte-order mark).
        decode_prefix: &'static [u8],
        end: Option<FileEnd>,
    },
}

/// A file read in pieces, as known at its end.
#[derive(Debug, Clone)]
pub struct FileEnd {
    pub sha256: String,
    pub size: u64,
}

/// A file is read this many bytes at a time and cut at the last header line in them, so that
/// workers parse a big file in parallel and memory holds only the pieces in flight. A piece is
/// longer only when one document is. A file no bigger goes whole.
pub const PIECE_BYTES: usize = 1 << 20;

/// A piece holds at most this many documents, however few bytes they take: what a document
/// takes parsed does not shrink with its text, so that a megabyte of tiny documents (tens of
/// thousands) would take many times its size in memory, in one worker, while the others wait.
pub const PIECE_DOCUMENTS: usize = 256;

/// The most a reader holds without a header line to cut at: a text with no header in 64 MiB is
/// no archive of documents (and such a document is over --max-doc-size unless it was raised).
const MAX_UNCUT: usize = 64 << 20;

/// How a file's bytes are cut: the bytes of a line end followed by a header mark (`\n%%%`) in
/// the file's encoding, where in them the piece after the cut starts, and the alignment a match
/// needs. UTF-16 is told by its byte-order mark, which later pieces are given again to decode.
struct Cut {
    pattern: &'static [u8],
    after_newline: usize,
    align: usize,
    decode_prefix: &'static [u8],
}

impl Cut {
    fn for_head(head: &[u8]) -> Cut {
        let bom = utf16_bom(head);
        let (pattern, after_newline, align): (&'static [u8], usize, usize) = match bom {
            UTF16_LE_BOM => (b"\n\0%\0%\0%\0", 2, 2),
            UTF16_BE_BOM => (b"\0\n\0%\0%\0%", 2, 2),
            // UTF-8 and GB18030: neither has "\n%%%" inside a character.
            _ => (b"\n%%%", 1, 1),
        };
        Cut {
            pattern,
            after_newline,
            align,
            decode_prefix: bom,
        }
    }

    /// True when `buf` holds a header line anywhere, its very start (after a byte-order
    /// mark) included.
    fn has_header(&self, buf: &[u8]) -> bool {
        let mark = &self.pattern[self.after_newline..];
        let body = [self.decode_prefix, b"\xEF\xBB\xBF"]
            .iter()
            .find_map(|bom| buf.strip_prefix(*bom).filter(|_| !bom.is_empty()))
            .unwrap_or(buf);
        body.starts_with(mark) || self.last_header(buf).is_some()
    }

    /// Where the `n`-th header line in `buf` after its very start begins: the bytes before it
    /// hold `n` documents when `buf` starts with one.
    fn nth_header(&self, buf: &[u8], n: usize) -> Option<usize> {
        memchr::memmem::find_iter(buf, self.pattern)
            .filter(|at| at % self.align == 0)
            .nth(n.checked_sub(1)?)
            .map(|at| at + self.after_newline)
    }

    /// Where the last header line in `buf` (other than at its very start) begins.
    fn last_header(&self, buf: &[u8]) -> Option<usize> {
        let mut end = buf.len();
        while let Some(at) = find_last(&buf[..end], self.pattern) {
            if at % self.align == 0 {
                return Some(at + self.after_newline);
            }
            end = at + self.pattern.len() - 1;
        }
        None
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Reads until `buf` holds `target` bytes or the stream ends; true at the end.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, target: usize) -> io::Result<bool> {
    while buf.len() < target {
        let before = buf.len();
        reader
            .by_ref()
            .take((target - before) as u64)
            .read_to_end(buf)?;
        if buf.len() == before {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Reads a file or member as a stream and hands it on: whole when it is small, else in pieces
/// cut at header lines, hashed as they go. `limit` bounds a decompressed stream (the guard
/// against a small archive that expands without end); a file read as it is has none.
pub(super) fn emit_read(
    mut reader: impl Read,
    path: String,
    archive: Option<String>,
    limit: Option<u64>,
    sink: &mut dyn Sink,
) -> bool {
    let mut hasher = Sha256::new();
    let mut before: u64 = 0;
    let mut buf: Vec<u8> = Vec::new();
    let mut index = 0u32;
    let mut cut: Option<Cut> = None;
    let mut target = PIECE_BYTES + 1;
    loop {
        let eof = match fill(&mut reader, &mut buf, target) {
            Ok(eof) => eof,
            Err(e) => {
                let whence = archive.map(|a| format!(" (in {a})")).unwrap_or_default();
                return sink.event(Event::Failed {
                    path,
                    reason: format!(
                        "read failed after {} bytes{whence}: {e}",
                        before + buf.len() as u64
                    ),
                });
            }
        };
        if let Some(limit) = limit.filter(|&l| before + buf.len() as u64 > l) {
            return sink.event(Event::Failed {
                path,
                reason: format!(
                    "the file expands to over the limit of {} (raise it with --max-file-size)",
                    human_size(limit)
                ),
            });
        }
        let cut = cut.get_or_insert_with(|| Cut::for_head(&buf));
        if index == 0 {
            if let (Some(kind), Some(outer)) = (archive_kind(&buf), &archive) {
                return sink.event(Event::Failed {
                    path,
                    reason: nested_archive(kind, outer),
                });
            }
            // The UN's markup is one document a file, with no header lines to cut at: it is
            // read whole, as far as a document may go.
            if !eof && crate::parse::is_markup(&buf) {
                match fill(&mut reader, &mut buf, MAX_UNCUT + 1) {
                    Ok(true) => {
                        return sink.event(Event::File(InputFile {
                            path,
                            archive,
                            bytes: buf,
                            piece: Piece::Whole,
                        }))
                    }
                    Ok(false) => {
                        return sink.event(Event::Failed {
                            path,
                            reason: format!(
                                "an XML or JSON file over {}: too big for one document",
                                human_size(MAX_UNCUT as u64)
                            ),
                        })
                    }
                    Err(e) => {
                        return sink.event(Event::Failed {
                            path,
                            reason: format!("read failed after {} bytes: {e}", buf.len()),
                        })
                    }
                }
            }
            // A big file with no header line in its first piece is no archive of documents (a
            // video or a disk image put in the folder by mistake): it is not read on, nor kept.
            if !eof && before == 0 && !cut.has_header(&buf) {
                return sink.event(Event::Failed {
                    path,
                    reason: format!(
                        "no line starts with %%% in its first {}: not an archive of documents (every document opens with a %%%TAG|TAG| header line)",
                        human_size(buf.len() as u64)
                    ),
                });
            }
        }
        // Too many documents for one piece: cut after the first PIECE_DOCUMENTS, even in a
        // small file, even at the end of the stream.
        let by_count = cut.nth_header(&buf, PIECE_DOCUMENTS);
        if eof && by_count.is_none() {
            if index == 0 {
                return sink.event(Event::File(InputFile {
                    path,
                    archive,
                    bytes: buf,
                    piece: Piece::Whole,
                }));
            }
            hasher.update(&buf);
            let end = FileEnd {
                sha256: crate::parse::hex(&hasher.finalize()),
                size: before + buf.len() as u64,
            };
            return sink.event(Event::File(InputFile {
                path,
                archive,
                bytes: buf,
                piece: Piece::Part {
                    index,
                    decode_prefix: cut.decode_prefix,
                    end: Some(end),
                },
            }));
        }
        // Cut before the last header line read; a document longer than a piece is read on
        // until its end (the parser then refuses it if it is over --max-doc-size), up to
        // MAX_UNCUT, where it is cut anyway: what follows the cut is text before any header.
        let at = match by_count.or_else(|| cut.last_header(&buf)) {
            Some(at) => at,
            None if buf.len() >= MAX_UNCUT => buf.len() - buf.len() % cut.align,
            None => {
                target = buf.len() + PIECE_BYTES;
                continue;
            }
        };
        let rest = buf.split_off(at);
        hasher.update(&buf);
        before += buf.len() as u64;
        let piece = Piece::Part {
            index,
            // The first piece carries the byte-order mark itself.
            decode_prefix: if index == 0 { b"" } else { cut.decode_prefix },
            end: None,
        };
        let bytes = std::mem::replace(&mut buf, rest);
        if !sink.event(Event::File(InputFile {
            path: path.clone(),
            archive: archive.clone(),
            bytes,
            piece,
        })) {
            return false;
        }
        index += 1;
        target = buf.len().max(PIECE_BYTES) + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::sources::{read_inputs, ReadOptions};
    use std::io::Cursor;

    /// Records what the reader hands over, in order.
    #[derive(Default)]
    struct Recorder {
        files: Vec<(String, Vec<u8>, Piece)>,
        failed: Vec<String>,
    }

    impl Sink for Recorder {
        fn event(&mut self, event: Event) -> bool {
            match event {
                Event::File(f) => self.files.push((f.path, f.bytes, f.piece)),
                Event::Skipped { .. } => {}
                Event::Failed { path, .. } => self.failed.push(path),
            }
            true
        }
    }

    /// A file of `docs` documents of about `size` bytes each.
    fn documents(docs: usize, size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for k in 0..docs {
            out.extend_from_slice(format!("%%%TAG{k}|\n\n").as_bytes());
            out.extend(std::iter::repeat_n(b'x', size));
            out.extend_from_slice(b"\n\n");
        }
        out
    }

    #[test]
    fn a_big_file_is_cut_at_header_lines_and_hashed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let small = documents(3, 10);
        let big = documents(40, 300_000);
        std::fs::write(dir.path().join("a.txt"), &small).unwrap();
        std::fs::write(dir.path().join("b.txt"), &big).unwrap();
        let options = ReadOptions {
            max_expanded_bytes: 50,
            ..ReadOptions::default()
        };
        let mut recorder = Recorder::default();
        read_inputs(&[dir.path().to_path_buf()], &options, &mut recorder);
        let files = recorder.files;
        assert_eq!(files[0].0, "a.txt");
        assert!(matches!(files[0].2, Piece::Whole));
        let pieces = &files[1..];
        assert!(pieces.len() >= 2, "{}", pieces.len());
        let mut joined = Vec::new();
        for (k, (path, bytes, piece)) in pieces.iter().enumerate() {
            assert_eq!(path, "b.txt");
            assert!(bytes.starts_with(b"%%%"), "piece {k} starts at a header");
            let Piece::Part { index, end, .. } = piece else {
                panic!("piece {k} is whole")
            };
            assert_eq!(*index as usize, k);
            assert_eq!(end.is_some(), k == pieces.len() - 1);
            if k + 1 < pieces.len() {
                assert!(bytes.len() <= PIECE_BYTES && bytes.len() > PIECE_BYTES - 300_100);
            }
            joined.extend_from_slice(bytes);
        }
        assert_eq!(joined, big);
        let Piece::Part { end: Some(end), .. } = &pieces.last().unwrap().2 else {
            unreachable!()
        };
        assert_eq!(end.size, big.len() as u64);
        assert_eq!(end.sha256, crate::parse::sha256_hex(&big));
        // A plain file has no size limit (the one given is for expanded streams).
        assert!(recorder.failed.is_empty());
    }

    #[test]
    fn many_small_documents_are_cut_by_count_even_in_a_small_file() {
        // What the reader hands over for one file of `bytes`.
        let read = |bytes: &[u8]| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("tiny.txt"), bytes).unwrap();
            let mut recorder = Recorder::default();
            read_inputs(
                &[dir.path().to_path_buf()],
                &ReadOptions::default(),
                &mut recorder,
            );
            recorder
        };
        let small = documents(PIECE_DOCUMENTS * 3 + 10, 5);
        assert!(small.len() < PIECE_BYTES);
        let recorder = read(&small);
        let counts: Vec<usize> = recorder
            .files
            .iter()
            .map(|(_, bytes, _)| memchr::memmem::find_iter(bytes, b"%%%").count())
            .collect();
        assert_eq!(
            counts,
            [PIECE_DOCUMENTS, PIECE_DOCUMENTS, PIECE_DOCUMENTS, 10]
        );
        let joined: Vec<u8> = recorder.files.iter().flat_map(|f| f.1.clone()).collect();
        assert_eq!(joined, small);
        let Piece::Part { end: Some(end), .. } = &recorder.files.last().unwrap().2 else {
            panic!("the last piece closes the file")
        };
        assert_eq!(end.sha256, crate::parse::sha256_hex(&small));
        // Exactly PIECE_DOCUMENTS documents in a small file: one piece, the file whole.
        let recorder = read(&documents(PIECE_DOCUMENTS, 5));
        assert_eq!(recorder.files.len(), 1);
        assert!(matches!(recorder.files[0].2, Piece::Whole));
    }

    #[test]
    fn utf16_is_cut_between_its_characters() {
        let text = String::from_utf8(documents(30, 200_000)).unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let mut recorder = Recorder::default();
        emit_read(
            Cursor::new(bytes.clone()),
            "u.txt".into(),
            None,
            None,
            &mut recorder,
        );
        let mut joined = Vec::new();
        for (_, piece, kind) in &recorder.files {
            assert!(joined.len() % 2 == 0);
            if !joined.is_empty() {
                assert!(piece.starts_with(b"%\0%\0%\0"));
                assert!(matches!(
                    kind,
                    Piece::Part {
                        decode_prefix: b"\xFF\xFE",
                        ..
                    }
                ));
            }
            joined.extend_from_slice(piece);
        }
        assert!(recorder.files.len() >= 2);
        assert_eq!(joined, bytes);
    }

    #[test]
    fn a_big_file_without_a_header_in_its_first_piece_is_not_read_on() {
        let mut recorder = Recorder::default();
        let junk = vec![0x5Au8; 3 * PIECE_BYTES];
        emit_read(
            Cursor::new(junk),
            "video.mp4".into(),
            None,
            None,
            &mut recorder,
        );
        assert!(recorder.files.is_empty());
        assert_eq!(recorder.failed, ["video.mp4"]);
        // A header at the very start, after a byte-order mark, is a header.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(documents(3, PIECE_BYTES));
        let mut recorder = Recorder::default();
        emit_read(Cursor::new(bom), "a.txt".into(), None, None, &mut recorder);
        assert!(recorder.failed.is_empty());
        assert_eq!(recorder.files.len(), 3);
    }

    #[test]
    fn an_expanding_stream_stops_at_its_limit() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &documents(5, 1000)).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt.gz"), gz.finish().unwrap()).unwrap();
        let options = ReadOptions {
            max_expanded_bytes: 100,
            ..ReadOptions::default()
        };
        let mut recorder = Recorder::default();
        read_inputs(&[dir.path().to_path_buf()], &options, &mut recorder);
        assert_eq!(recorder.failed, ["a.txt"]);
    }
}
