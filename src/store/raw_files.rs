//! The raw bytes of every imported file, kept so that `export` gives each file back byte for
//! byte and `reparse` reads it again: a file read whole is one zstd blob (`files.zstd`), a file
//! read in pieces is one blob per piece (`file_chunks`, V10), written as the pieces come, so
//! that no file is ever held whole in memory. Files are stored once per content (SHA-256 of
//! the bytes), under every path they were imported from (`file_paths`).

use rusqlite::{params, Connection, OptionalExtension};

use super::Result;
use crate::ingest::{FileEnd, FileItem};
use crate::parse::decode::utf16_bom;

/// A file whose pieces are being written.
struct OpenFile {
    path: String,
    file_id: i64,
    /// Documents in the pieces written so far: the next piece numbers its documents on.
    docs_before: u32,
}

/// The raw-bytes side of one import.
pub(super) struct RawFiles {
    import_id: i64,
    open: Option<OpenFile>,
    partials: u64,
}

/// The mark of a file whose pieces are not all written: its SHA-256 is known only at its end.
const PARTIAL: &str = "partial ";

impl RawFiles {
    /// Removes what an import killed in the middle of a file left: the pieces of a file whose
    /// end never came. Its documents stay; importing the file again stores it whole.
    pub(super) fn begin(conn: &Connection, import_id: i64) -> Result<RawFiles> {
        conn.execute_batch(&format!(
            "DELETE FROM file_chunks WHERE file_id IN (SELECT id FROM files WHERE sha256 LIKE '{PARTIAL}%');
             DELETE FROM file_paths WHERE file_id IN (SELECT id FROM files WHERE sha256 LIKE '{PARTIAL}%');
             DELETE FROM files WHERE sha256 LIKE '{PARTIAL}%';"
        ))?;
        Ok(RawFiles {
            import_id,
            open: None,
            partials: 0,
        })
    }

    /// Stores a file read whole; gives its id.
    pub(super) fn store_whole(&mut self, conn: &Connection, file: &FileItem) -> Result<i64> {
        let raw = &file.raw;
        let inserted = conn
            .prepare_cached("INSERT INTO files (sha256, size, zstd) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING")?
            .execute(params![raw.sha256, raw.size as i64, raw.zstd])?;
        let file_id: i64 = if inserted == 1 {
            conn.last_insert_rowid()
        } else {
            conn.prepare_cached("SELECT id FROM files WHERE sha256 = ?1")?
                .query_row([&raw.sha256], |r| r.get(0))?
        };
        self.add_path(conn, file_id, file)?;
        Ok(file_id)
    }

    fn add_path(&self, conn: &Connection, file_id: i64, file: &FileItem) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO file_paths (file_id, path, archive, import_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (file_id, path) DO NOTHING",
        )?
        .execute(params![file_id, file.path, file.archive, self.import_id])?;
        Ok(())
    }

    /// Stores piece `index` of a file; returns the number of documents in the pieces before it.
    pub(super) fn store_piece(
        &mut self,
        conn: &Connection,
        file: &FileItem,
        index: u32,
    ) -> Result<u32> {
        if index == 0 {
            self.abandon(conn)?;
            self.partials += 1;
            conn.prepare_cached("INSERT INTO files (sha256, size, zstd) VALUES (?1, 0, x'')")?
                .execute([format!("{PARTIAL}{} {}", self.import_id, self.partials)])?;
            self.open = Some(OpenFile {
                path: file.path.clone(),
                file_id: conn.last_insert_rowid(),
                docs_before: 0,
            });
        }
        let Some(open) = self.open.as_ref().filter(|o| o.path == file.path) else {
            // A piece whose file was abandoned (a read error came between): nothing to add to.
            return Ok(0);
        };
        conn.prepare_cached("INSERT INTO file_chunks (file_id, seq, zstd) VALUES (?1, ?2, ?3)")?
            .execute(params![open.file_id, index, file.raw.zstd])?;
        Ok(open.docs_before)
    }

    /// Counts the documents of the piece just written.
    pub(super) fn counted(&mut self, documents: u32) {
        if let Some(open) = &mut self.open {
            open.docs_before += documents;
        }
    }

    /// Closes the open file at its last piece: it takes its real SHA-256, or, when the same
    /// bytes are already stored, its pieces go and the stored file gets the path.
    pub(super) fn finish_file(
        &mut self,
        conn: &Connection,
        file: &FileItem,
        end: &FileEnd,
    ) -> Result<()> {
        let Some(open) = self.open.take().filter(|o| o.path == file.path) else {
            return Ok(());
        };
        let stored: Option<i64> = conn
            .prepare_cached("SELECT id FROM files WHERE sha256 = ?1")?
            .query_row([&end.sha256], |r| r.get(0))
            .optional()?;
        let file_id = match stored {
            Some(id) => {
                drop_file(conn, open.file_id)?;
                id
            }
            None => {
                conn.prepare_cached("UPDATE files SET sha256 = ?1, size = ?2 WHERE id = ?3")?
                    .execute(params![end.sha256, end.size as i64, open.file_id])?;
                open.file_id
            }
        };
        self.add_path(conn, file_id, file)
    }

    /// Drops the pieces of `path` if it is the file being written: it broke off (a read error
    /// in the middle); its documents stay, its bytes cannot be given back whole.
    /// True when it was: the file is counted already.
    pub(super) fn abandon_path(&mut self, conn: &Connection, path: &str) -> Result<bool> {
        let open = self.open.as_ref().is_some_and(|o| o.path == path);
        if open {
            self.abandon(conn)?;
        }
        Ok(open)
    }

    /// Drops the pieces of the file being written, if any.
    pub(super) fn abandon(&mut self, conn: &Connection) -> Result<()> {
        if let Some(open) = self.open.take() {
            drop_file(conn, open.file_id)?;
        }
        Ok(())
    }
}

fn drop_file(conn: &Connection, file_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM file_chunks WHERE file_id = ?1")?
        .execute([file_id])?;
    conn.prepare_cached("DELETE FROM files WHERE id = ?1")?
        .execute([file_id])?;
    Ok(())
}

/// What `for_each_piece` calls with each piece and the bytes that go before it to decode it.
pub(crate) type EachPiece<'a, E> =
    dyn FnMut(&[u8], &'static [u8]) -> std::result::Result<(), E> + 'a;

/// Hands the stored bytes of file `file_id` to `each`, piece by piece, decompressed, with the
/// bytes to put before a piece to decode it (a UTF-16 file's byte-order mark, for the pieces
/// after its first). Memory holds one piece at a time.
pub(crate) fn for_each_piece<E>(
    conn: &Connection,
    file_id: i64,
    each: &mut EachPiece<'_, E>,
) -> std::result::Result<(), PieceError<E>> {
    let whole: Vec<u8> =
        conn.query_row("SELECT zstd FROM files WHERE id = ?1", [file_id], |r| {
            r.get(0)
        })?;
    if !whole.is_empty() {
        let bytes = zstd::decode_all(whole.as_slice()).map_err(PieceError::Damaged)?;
        return each(&bytes, b"").map_err(PieceError::Each);
    }
    let mut stmt =
        conn.prepare_cached("SELECT zstd FROM file_chunks WHERE file_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([file_id])?;
    let mut prefix: Option<&'static [u8]> = None;
    while let Some(row) = rows.next()? {
        let compressed: Vec<u8> = row.get(0)?;
        let bytes = zstd::decode_all(compressed.as_slice()).map_err(PieceError::Damaged)?;
        each(&bytes, prefix.unwrap_or(b"")).map_err(PieceError::Each)?;
        prefix.get_or_insert(utf16_bom(&bytes));
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum PieceError<E> {
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
    #[error("its stored bytes are damaged: {0}")]
    Damaged(#[source] std::io::Error),
    #[error("{0}")]
    Each(E),
}
