//! Writing the files users ask for (reports, their index, exports) so that nothing is lost:
//! never over the database or the files SQLite and the import lock keep beside it, never
//! through a link that stands on the way of an export, atomically over a regular file or where
//! there is none (a reader never sees half a file, a full disk leaves no partial one), directly
//! into anything else the user named (a FIFO, `/dev/stdout`), and with the permissions the
//! umask gives, as any other program's files.

use std::fs::{OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} is the database or a file SQLite keeps beside it; councildb never writes over it"
    )]
    Protected(PathBuf),
    #[error("{path}: {link} is a link, and councildb does not write through links on the way")]
    Link { path: PathBuf, link: PathBuf },
    #[error("{path}: {what} stands where a folder is needed")]
    NotAFolder { path: PathBuf, what: PathBuf },
    #[error("{0} is a folder")]
    Folder(PathBuf),
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The database and its companions: `DB`, `DB-wal`, `DB-shm`, `DB-journal`, `DB.lock`.
#[derive(Debug, Clone)]
pub struct Protected {
    /// Each file's resolved path, and its device and inode when it exists (a hard link or
    /// another spelling of the same file is the same file).
    files: Vec<(PathBuf, Option<(u64, u64)>)>,
}

impl Protected {
    pub fn around(db_path: &Path) -> Protected {
        let files = ["", "-wal", "-shm", "-journal", ".lock"]
            .iter()
            .map(|suffix| {
                let mut name = db_path.as_os_str().to_owned();
                name.push(suffix);
                let path = PathBuf::from(name);
                (resolve(&path), identity(&path))
            })
            .collect();
        Protected { files }
    }

    /// True when `path`, however it is spelled, is one of the protected files.
    pub fn contains(&self, path: &Path) -> bool {
        let resolved = resolve(path);
        let id = identity(path);
        self.files
            .iter()
            .any(|(p, i)| *p == resolved || (id.is_some() && *i == id))
    }

    fn check(&self, path: &Path) -> Result<(), WriteError> {
        if self.contains(path) {
            Err(WriteError::Protected(path.to_path_buf()))
        } else {
            Ok(())
        }
    }
}

/// The path with its folder resolved (links and `..` followed), and the file itself resolved
/// when it exists.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(full) = path.canonicalize() {
        return full;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Writes `bytes` to `path`, which the user named: atomically when it is a regular file or
/// nothing, directly when it is something else (a FIFO, a device, a link to one).
pub fn write_file(path: &Path, bytes: &[u8], protected: &Protected) -> Result<(), WriteError> {
    protected.check(path)?;
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(WriteError::Folder(path.to_path_buf())),
        Ok(meta) if !meta.is_file() => {
            let target = std::fs::metadata(path).map_err(io_error(path))?;
            if target.is_file() {
                // A link to a regular file: replace that file, where it is.
                let real = path.canonicalize().map_err(io_error(path))?;
                protected.check(&real)?;
                return replace(&real, &mut |out| out.write_all(bytes));
            }
            let mut out = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_error(path))?;
            out.write_all(bytes).map_err(io_error(path))
        }
        _ => replace(path, &mut |out| out.write_all(bytes)),
    }
}

/// Writes `bytes` at `relative` under the folder `root`, creating the folders between, and
/// following no link on the way: neither a folder nor the file may be a link.
#[cfg(test)]
pub fn write_under(
    root: &Path,
    relative: &Path,
    bytes: &[u8],
    protected: &Protected,
) -> Result<PathBuf, WriteError> {
    write_under_with(root, relative, protected, &mut |out| out.write_all(bytes))
}

/// `write_under` for contents written a part at a time by `fill`, so that a big file never
/// has to be in memory whole.
pub fn write_under_with(
    root: &Path,
    relative: &Path,
    protected: &Protected,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<PathBuf, WriteError> {
    let target = root.join(relative);
    let mut at = root.to_path_buf();
    let parts: Vec<Component> = relative.components().collect();
    for (k, part) in parts.iter().enumerate() {
        at.push(part);
        let last = k + 1 == parts.len();
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(WriteError::Link {
                    path: target,
                    link: at,
                })
            }
            Ok(meta) if !last && !meta.is_dir() => {
                return Err(WriteError::NotAFolder {
                    path: target,
                    what: at,
                })
            }
            Ok(meta) if last && meta.is_dir() => return Err(WriteError::Folder(target)),
            Ok(_) => {}
            Err(_) if !last => match std::fs::create_dir(&at) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(source) => return Err(WriteError::Io { path: at, source }),
            },
            Err(_) => {}
        }
    }
    protected.check(&target)?;
    replace(&target, fill)?;
    Ok(target)
}

/// Writes a temporary file beside `path` and renames it over `path`: a reader sees the old
/// file or the new one, and a failure (a full disk) leaves no partial file.
fn replace(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // 0666 before the umask, as a file made by `>` in a shell: a web server run as another
    // user can then read the reports. tempfile's own default is 0600.
    let mut tmp = tempfile::Builder::new()
        .prefix(".councildb-")
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(io_error(path))?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out).map_err(io_error(path))?;
        out.flush().map_err(io_error(path))?;
    }
    tmp.as_file().sync_all().map_err(io_error(path))?;
    tmp.persist(path).map_err(|e| WriteError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_companions_are_protected_however_spelled() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        std::fs::write(&db, b"db").unwrap();
        let protected = Protected::around(&db);
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for path in [
            db.clone(),
            sub.join("../c.db"),
            dir.path().join("c.db-wal"),
            dir.path().join("c.db.lock"),
        ] {
            assert!(protected.contains(&path), "{}", path.display());
            assert!(matches!(
                write_file(&path, b"x", &protected),
                Err(WriteError::Protected(_))
            ));
        }
        let hard = dir.path().join("hard");
        std::fs::hard_link(&db, &hard).unwrap();
        assert!(protected.contains(&hard));
        assert_eq!(std::fs::read(&db).unwrap(), b"db");
        assert!(!protected.contains(&dir.path().join("other.db")));
    }

    #[test]
    fn links_on_the_way_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let victim = dir.path().join("victim");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&victim).unwrap();
        std::os::unix::fs::symlink(&victim, out.join("ok")).unwrap();
        std::fs::write(victim.join("target.txt"), b"theirs").unwrap();
        std::os::unix::fs::symlink(victim.join("target.txt"), out.join("out.txt")).unwrap();
        let none = Protected::around(&dir.path().join("none.db"));
        for relative in ["ok/new.txt", "out.txt"] {
            let err = write_under(&out, Path::new(relative), b"x", &none).unwrap_err();
            assert!(matches!(err, WriteError::Link { .. }), "{relative}: {err}");
        }
        assert!(!victim.join("new.txt").exists());
        assert_eq!(std::fs::read(victim.join("target.txt")).unwrap(), b"theirs");
    }

    #[test]
    fn new_files_take_their_mode_from_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        let none = Protected::around(&dir.path().join("none.db"));
        write_file(&path, b"a", &none).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !read_umask());
    }

    #[allow(unsafe_code)]
    fn read_umask() -> u32 {
        // SAFETY: umask only swaps the process's file mode mask; it is set back at once, and
        // the tests that create files only compare against the value read here.
        unsafe {
            let mask = libc::umask(0o022);
            libc::umask(mask);
            mask as u32
        }
    }
}
