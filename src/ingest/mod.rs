//! Ingest: the paths given to `import` (files, folder trees, archives, stdin) become named byte
//! streams (`sources`), cut at header lines into `pieces` when big, which the `pipeline`
//! decodes and parses on worker threads, bounded by the bytes in flight, and hands in input
//! order to the writer.

mod pieces;
mod pipeline;
mod sources;

pub(crate) use pieces::{FileEnd, Piece};
pub(crate) use pipeline::{run, Item, Options};
#[cfg(test)]
pub(crate) use sources::stored_name;
pub(crate) use sources::{total_size, ReadOptions};

use crate::parse::{FileError, ParsedFile};

/// An entry of the input: a file (as read, or as parsed), an entry that is plainly not a
/// document, or one that could not be read.
#[derive(Debug)]
pub enum Entry<F> {
    File(F),
    /// An archive entry that is plainly not a document (a folder, `__MACOSX/`, `.DS_Store`).
    Skipped {
        path: String,
    },
    /// A file, member or archive that could not be read, and why.
    Failed {
        path: String,
        reason: String,
    },
}

/// One input file, parsed, with its raw bytes ready for storage.
#[derive(Debug)]
pub struct FileItem {
    pub path: String,
    pub archive: Option<String>,
    /// The whole file, or which piece of it.
    pub piece: Piece,
    /// The bytes of the file (or of the piece).
    pub raw: RawFile,
    pub parsed: Result<ParsedFile, FileError>,
}

/// The file's bytes as they came in, compressed, so that `export` can give them back.
#[derive(Debug)]
pub struct RawFile {
    /// Of the whole file; empty for a piece (the last piece's `FileEnd` has the file's).
    pub sha256: String,
    pub size: u64,
    pub zstd: Vec<u8>,
}
