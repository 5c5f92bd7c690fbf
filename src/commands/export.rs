//! `councildb export --out DIR`: every imported file back, byte for byte, at its path. Where
//! one path was imported with different contents, the latest import's bytes win.

use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context};

use super::Outcome;
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the files into
    #[arg(long, short)]
    pub out: PathBuf,
}

/// The place under `root` for a stored path, or None when the path would leave `root`
/// (`../x`, an absolute path: possible in a hostile archive).
fn safe_join(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.as_os_str().is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    Some(root.join(relative))
}

pub fn run(db_path: &Path, args: Args) -> anyhow::Result<Outcome> {
    let conn = store::open_read_only(db_path)?;
    if args.out.exists() && !args.out.is_dir() {
        bail!("--out {} is a file, not a folder", args.out.display());
    }
    let mut stmt = conn.prepare(
        "SELECT path, zstd, size FROM (
             SELECT fp.path, f.zstd, f.size,
                    row_number() OVER (PARTITION BY fp.path ORDER BY fp.import_id DESC, f.id DESC) AS newest
             FROM file_paths fp JOIN files f ON f.id = fp.file_id)
         WHERE newest = 1 ORDER BY path",
    )?;
    let mut rows = stmt.query([])?;
    let (mut files, mut bytes, mut unsafe_paths) = (0u64, 0u64, 0u64);
    while let Some(row) = rows.next()? {
        let path: String = row.get(0)?;
        let compressed: Vec<u8> = row.get(1)?;
        let size: i64 = row.get(2)?;
        let Some(target) = safe_join(&args.out, &path) else {
            eprintln!(
                "councildb: skipped {path:?}: the path would leave {}",
                args.out.display()
            );
            unsafe_paths += 1;
            continue;
        };
        let data = zstd::decode_all(compressed.as_slice())
            .with_context(|| format!("stored bytes of {path} are damaged"))?;
        if data.len() as i64 != size {
            bail!(
                "stored bytes of {path} are damaged: {} bytes, expected {size}",
                data.len()
            );
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&target, &data)
            .with_context(|| format!("cannot write {}", target.display()))?;
        files += 1;
        bytes += data.len() as u64;
    }
    eprintln!(
        "councildb: exported {files} files ({bytes} bytes) to {}",
        args.out.display()
    );
    Ok(if unsafe_paths > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

#[cfg(test)]
mod tests {
    use super::safe_join;
    use std::path::Path;

    #[test]
    fn paths_stay_inside() {
        let root = Path::new("/out");
        assert_eq!(safe_join(root, "a/b.txt"), Some(root.join("a/b.txt")));
        assert_eq!(safe_join(root, "/abs.txt"), Some(root.join("abs.txt")));
        assert_eq!(safe_join(root, "-"), Some(root.join("-")));
        for bad in ["../x", "a/../../x", "", "./"] {
            assert_eq!(safe_join(root, bad), None, "{bad}");
        }
    }
}
