//! `councildb export --out DIR`: every imported file back, byte for byte, at its path. Where
//! one path was imported with different contents, the latest import's bytes win.

use std::io::Write;
use std::os::unix::ffi::OsStringExt;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context};

use super::Outcome;
use crate::report::format::shown;
use crate::safe_write::{self, Protected};
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the files into
    #[arg(long, short)]
    pub out: PathBuf,
}

/// The place under the output folder for a stored path, or None when the path would leave it
/// (`../x`, an absolute path: possible in a hostile archive).
fn safe_relative(path: &str) -> Option<PathBuf> {
    let restored = restore_name(path.trim_start_matches('/'));
    let relative = restored.as_path();
    if relative.as_os_str().is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    Some(relative.to_path_buf())
}

pub fn run(db_path: &Path, args: Args, quiet: bool) -> anyhow::Result<Outcome> {
    let conn = store::open_read_only(db_path)?;
    if args.out.exists() && !args.out.is_dir() {
        bail!("--out {} is a file, not a folder", args.out.display());
    }
    let mut stmt = conn.prepare(
        "SELECT path, id, size FROM (
             SELECT fp.path, f.id, f.size,
                    row_number() OVER (PARTITION BY fp.path ORDER BY fp.import_id DESC, f.id DESC) AS newest
             FROM file_paths fp JOIN files f ON f.id = fp.file_id)
         WHERE newest = 1 ORDER BY path",
    )?;
    let mut rows = stmt.query([])?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let protected = Protected::around(db_path);
    let (mut files, mut bytes, mut skipped) = (0u64, 0u64, 0u64);
    let mut skip = |path: &str, why: &dyn std::fmt::Display| {
        eprintln!("councildb: skipped {}: {why}", shown(path));
        skipped += 1;
    };
    while let Some(row) = rows.next()? {
        let path: String = row.get(0)?;
        let file_id: i64 = row.get(1)?;
        let size: i64 = row.get(2)?;
        let Some(relative) = safe_relative(&path) else {
            skip(
                &path,
                &format!("the path would leave {}", args.out.display()),
            );
            continue;
        };
        // The file is written a stored piece at a time (a big file is stored in pieces), into
        // a temporary file that replaces the target only when every byte checked out.
        let mut written = 0u64;
        let mut damaged: Option<String> = None;
        let mut fill = |out: &mut dyn Write| -> std::io::Result<()> {
            let mut each = |piece: &[u8], _prefix: &'static [u8]| -> std::io::Result<()> {
                written += piece.len() as u64;
                out.write_all(piece)
            };
            match store::for_each_piece(&conn, file_id, &mut each) {
                Ok(()) if written as i64 == size => Ok(()),
                Ok(()) => Err(damage(
                    &mut damaged,
                    format!("its stored bytes are damaged: {written} bytes, expected {size}"),
                )),
                Err(store::PieceError::Each(e)) => Err(e),
                Err(e) => Err(damage(&mut damaged, e.to_string())),
            }
        };
        // One file that cannot be written (a name the file system refuses, a link on the way,
        // a full disk) is reported and passed over; the others are still written.
        match safe_write::write_under_with(&args.out, &relative, &protected, &mut fill) {
            Ok(_) => {
                files += 1;
                bytes += written;
            }
            Err(_) if damaged.is_some() => skip(&path, &damaged.unwrap_or_default()),
            Err(e) => skip(&path, &format!("{:#}", anyhow::Error::new(e))),
        }
    }
    if !quiet {
        eprintln!(
            "councildb: exported {files} files ({bytes} bytes) to {}{}",
            args.out.display(),
            if skipped > 0 {
                format!(", {skipped} skipped")
            } else {
                String::new()
            }
        );
    }
    Ok(if skipped > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

/// Notes why the stored bytes cannot be exported, and stops the writing of the file.
fn damage(note: &mut Option<String>, why: String) -> std::io::Error {
    *note = Some(why.clone());
    std::io::Error::other(why)
}

/// The bytes of a stored path: a name that was not UTF-8 was stored with `%XX` for each such
/// byte and `%25` for `%` (`ingest::stored_name`); any other path is as it reads.
fn restore_name(path: &str) -> PathBuf {
    let escaped = |at: usize| -> Option<u8> {
        let hex = path.get(at + 1..at + 3)?;
        u8::from_str_radix(hex, 16).ok()
    };
    let escapes_a_byte = path
        .match_indices('%')
        .any(|(at, _)| escaped(at).is_some_and(|b| b >= 0x80));
    if !escapes_a_byte {
        return PathBuf::from(path);
    }
    let mut bytes = Vec::with_capacity(path.len());
    let mut k = 0;
    let raw = path.as_bytes();
    while k < raw.len() {
        match (raw[k], escaped(k)) {
            (b'%', Some(b)) if b >= 0x80 || b == b'%' => {
                bytes.push(b);
                k += 3;
            }
            (b, _) => {
                bytes.push(b);
                k += 1;
            }
        }
    }
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(test)]
mod tests {
    use super::safe_relative;
    use std::path::PathBuf;

    #[test]
    fn paths_stay_inside() {
        assert_eq!(safe_relative("a/b.txt"), Some(PathBuf::from("a/b.txt")));
        assert_eq!(safe_relative("/abs.txt"), Some(PathBuf::from("abs.txt")));
        assert_eq!(safe_relative("-"), Some(PathBuf::from("-")));
        for bad in ["../x", "a/../../x", "", "./"] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_that_were_not_utf8_get_their_bytes_back() {
        use std::os::unix::ffi::OsStrExt;
        for bytes in [&b"a\xFF.txt"[..], b"a\xFE%.txt", b"plain.txt", b"100%.txt"] {
            let stored = crate::ingest::stored_name(bytes);
            let restored = safe_relative(&stored).unwrap();
            assert_eq!(restored.as_os_str().as_bytes(), bytes, "{stored}");
        }
        assert_ne!(
            crate::ingest::stored_name(b"a\xFF.txt"),
            crate::ingest::stored_name(b"a\xFE.txt")
        );
    }
}
