//! Input sources: turns the paths given to `import` into a stream of named files: plain files,
//! folder trees, `.zip`, `.tar`, `.tar.gz`/`.tgz`, `.gz` and stdin (`-`). Archives are read as
//! streams, one member at a time, never unpacked to disk. What cannot be read is reported as
//! an event, and reading goes on with the next member or path.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use super::pieces::emit_read;
pub use super::pieces::Piece;
use super::Entry;
use crate::safe_write::Protected;

/// One file to parse: its bytes and where it came from.
#[derive(Debug)]
pub struct InputFile {
    /// The path recorded in `sources`: relative to the folder given, the file's name for a
    /// single file, `-` for stdin, and for an archive member the archive's path then the
    /// member's.
    pub path: String,
    /// The archive the file came from, as given on the command line (or found in a folder).
    pub archive: Option<String>,
    pub bytes: Vec<u8>,
    pub piece: Piece,
}

/// What the reader hands on for each entry it meets.
pub type Event = Entry<InputFile>;

#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// A stream that expands (gzip, a member of a compressed archive) to more than this is
    /// refused: the guard against a small archive that expands without end.
    pub max_expanded_bytes: u64,
    /// Files never read as input: the database being written and its companions, which a
    /// folder given to `import` (often `.`) may hold.
    pub exclude: Option<Protected>,
    /// Counts the bytes read from files and stdin as they are (compressed, for an archive),
    /// for a progress bar to set against the inputs' total size.
    pub bytes_read: Arc<AtomicU64>,
}

/// A reader that adds what it reads to a shared count.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: io::Seek> io::Seek for Counted<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

impl ReadOptions {
    fn counted<R: Read>(&self, inner: R) -> Counted<R> {
        Counted {
            inner,
            count: Arc::clone(&self.bytes_read),
        }
    }
}

/// The bytes of the files `read_inputs` reads, on disk, as `bytes_read` will count them; None
/// when an input is stdin, whose size is not known.
pub fn total_size(inputs: &[PathBuf], options: &ReadOptions) -> Option<u64> {
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let mut total = 0u64;
    for input in inputs {
        if input.as_os_str() == "-" {
            return None;
        }
        if input.is_dir() {
            total += folder_files(input, options)
                .filter_map(Result::ok)
                .map(|(entry, _)| size(entry.path()))
                .sum::<u64>();
        } else if !options.excludes(input) {
            total += size(input);
        }
    }
    Some(total)
}

impl ReadOptions {
    fn excludes(&self, path: &Path) -> bool {
        self.exclude.as_ref().is_some_and(|p| p.contains(path))
    }
}

/// Where `read_inputs` hands what it reads. The consumer holds the reader back by not
/// returning from `event` until it has room.
pub trait Sink {
    /// A file or piece read, skipped or failed; false to stop reading.
    fn event(&mut self, event: Event) -> bool;
}

/// Reads every input in order, handing each file (or failure) to `sink`.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions, sink: &mut dyn Sink) {
    for input in inputs {
        let go_on = if input.as_os_str() == "-" {
            let stdin = options.counted(io::stdin().lock());
            read_stream(Box::new(stdin), "-", None, options, sink)
        } else if options.excludes(input) {
            // `import *` in the database's folder names the database itself.
            eprintln!(
                "councildb: passed over {}: it is the database being written, or a file SQLite keeps beside it",
                display(input)
            );
            sink.event(Event::Skipped {
                path: display(input),
            })
        } else if input.is_dir() {
            read_folder(input, options, sink)
        } else {
            let name = input
                .file_name()
                .map(|n| stored_name(n.as_bytes()))
                .unwrap_or_else(|| display(input));
            read_path(input, &name, options, sink)
        };
        if !go_on {
            return;
        }
    }
}

/// A file name as stored in `sources.path`: as it is when it is UTF-8; otherwise each byte
/// that is not UTF-8 is written `%XX` (and `%` itself `%25`), so that `a\xFF.txt` and
/// `a\xFE.txt` stay two names and `export` gives each back its own bytes
/// (`commands::export::restore_name`).
pub fn stored_name(bytes: &[u8]) -> String {
    if let Ok(name) = std::str::from_utf8(bytes) {
        return name.to_string();
    }
    let mut name = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        name.push_str(&chunk.valid().replace('%', "%25"));
        for b in chunk.invalid() {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    name
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zip,
    Tar,
    TarGz,
    Gz,
    Plain,
}

fn kind_of(name: &str) -> Kind {
    let lower = name.to_lowercase();
    if lower.ends_with(".zip") {
        Kind::Zip
    } else if lower.ends_with(".tar") {
        Kind::Tar
    } else if lower.ends_with(".tar.gz") || lower.ends_with(".tgz") {
        Kind::TarGz
    } else if lower.ends_with(".gz") {
        Kind::Gz
    } else {
        Kind::Plain
    }
}

/// Entries of archives and folders that are not documents and are not worth a rejection.
fn is_clutter(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path.starts_with("__MACOSX/")
        || path.contains("/__MACOSX/")
        || name == ".DS_Store"
        || name == "Thumbs.db"
        || name.starts_with("._")
        || name.is_empty()
}

/// The files of a folder tree that `import` reads, in the order it reads them, each with the
/// path it is recorded under: hidden files, clutter and the database itself are passed over.
/// An entry that cannot be read comes as an error, to be reported.
fn folder_files<'a>(
    root: &'a Path,
    options: &'a ReadOptions,
) -> impl Iterator<Item = Result<(walkdir::DirEntry, String), walkdir::Error>> + 'a {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => return Some(Err(e)),
            };
            if !entry.file_type().is_file() {
                return None;
            }
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let relative = relative
                .components()
                .map(|c| stored_name(c.as_os_str().as_bytes()))
                .collect::<Vec<_>>()
                .join("/");
            let hidden = relative.split('/').any(|part| part.starts_with('.'));
            if hidden || is_clutter(&relative) || options.excludes(entry.path()) {
                return None;
            }
            Some(Ok((entry, relative)))
        })
}

fn read_folder(root: &Path, options: &ReadOptions, sink: &mut dyn Sink) -> bool {
    for file in folder_files(root, options) {
        let go_on = match file {
            Ok((entry, relative)) => read_path(entry.path(), &relative, options, sink),
            Err(e) => sink.event(Event::Failed {
                path: e.path().map(display).unwrap_or_else(|| display(root)),
                reason: format!("cannot read: {e}"),
            }),
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Reads one file on disk, recorded under `name`, expanding it if it is an archive.
fn read_path(path: &Path, name: &str, options: &ReadOptions, sink: &mut dyn Sink) -> bool {
    let file = match File::open(path) {
        Ok(f) => options.counted(f),
        Err(e) => {
            return sink.event(Event::Failed {
                path: name.to_string(),
                reason: format!("cannot open {}: {e}", display(path)),
            })
        }
    };
    match kind_of(name) {
        Kind::Zip => read_zip_file(file, name, options, sink),
        Kind::Tar => read_tar(Box::new(BufReader::new(file)), name, false, options, sink),
        Kind::TarGz => read_tar(
            Box::new(MultiGzDecoder::new(BufReader::new(file))),
            name,
            true,
            options,
            sink,
        ),
        Kind::Gz => {
            // The folder stays: 2009/doc.txt.gz and 2010/doc.txt.gz are two files.
            let inner = name
                .strip_suffix(".gz")
                .or_else(|| name.strip_suffix(".GZ"))
                .unwrap_or(name)
                .to_string();
            let reader = MultiGzDecoder::new(BufReader::new(file));
            let limit = Some(options.max_expanded_bytes);
            emit_read(reader, inner, Some(name.to_string()), limit, sink)
        }
        Kind::Plain => emit_read(BufReader::new(file), name.to_string(), None, None, sink),
    }
}

fn read_tar(
    reader: Box<dyn Read + '_>,
    archive: &str,
    expanded: bool,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let mut tar = tar::Archive::new(reader);
    let entries = match tar.entries() {
        Ok(e) => e,
        Err(e) => {
            return sink.event(Event::Failed {
                path: archive.to_string(),
                reason: format!("not a readable tar archive: {e}"),
            })
        }
    };
    for (members_before, entry) in entries.enumerate() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return sink.event(damaged(archive, "tar archive", members_before, e)),
        };
        let member = stored_name(&entry.path_bytes())
            .trim_start_matches("./")
            .to_string();
        let go_on = if !entry.header().entry_type().is_file() || is_clutter(&member) {
            sink.event(Event::Skipped {
                path: member_path(archive, &member),
            })
        } else {
            let path = member_path(archive, &member);
            let limit = expanded.then_some(options.max_expanded_bytes);
            emit_read(entry, path, Some(archive.to_string()), limit, sink)
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn read_zip_file(
    file: impl Read + io::Seek,
    archive: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let mut zip = match zip::ZipArchive::new(BufReader::new(file)) {
        Ok(z) => z,
        Err(e) => {
            return sink.event(Event::Failed {
                path: archive.to_string(),
                reason: format!("not a readable zip archive: {e}"),
            })
        }
    };
    for i in 0..zip.len() {
        let go_on = match zip.by_index(i) {
            Ok(member) => emit_zip_member(member, archive, options, sink),
            Err(e) => sink.event(Event::Failed {
                path: archive.to_string(),
                reason: format!("zip member {} cannot be read: {e}", i + 1),
            }),
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn emit_zip_member(
    member: zip::read::ZipFile<'_, impl Read>,
    archive: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let name = member.name().trim_start_matches("./").to_string();
    let path = member_path(archive, &name);
    if member.is_dir() || is_clutter(&name) {
        return sink.event(Event::Skipped { path });
    }
    let limit = Some(options.max_expanded_bytes);
    emit_read(member, path, Some(archive.to_string()), limit, sink)
}

/// Reads a stream whose kind is known only by its first bytes (stdin): gzip, zip, tar or a
/// plain document file.
fn read_stream(
    reader: Box<dyn Read + '_>,
    name: &str,
    archive: Option<String>,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let (head, reader) = match peek(reader, 512) {
        Ok(x) => x,
        Err(e) => {
            return sink.event(Event::Failed {
                path: name.to_string(),
                reason: format!("cannot read: {e}"),
            })
        }
    };
    // Inside the one gzip that may wrap a stream (a .tar.gz), another gzip is an archive
    // inside an archive: unwrapping on would have no end.
    if let (Some("gzip"), Some(outer)) = (archive_kind(&head), &archive) {
        return sink.event(Event::Failed {
            path: name.to_string(),
            reason: nested_archive("gzip", outer),
        });
    }
    if head.starts_with(&[0x1F, 0x8B]) {
        let decoder: Box<dyn Read + '_> = Box::new(MultiGzDecoder::new(reader));
        return read_stream(
            decoder,
            name,
            archive.or_else(|| Some(format!("{name} (gzip)"))),
            options,
            sink,
        );
    }
    if head.starts_with(b"PK\x03\x04") {
        return spool_zip(reader, name, options, sink);
    }
    if head.len() >= 262 && &head[257..262] == b"ustar" {
        return read_tar(reader, name, archive.is_some(), options, sink);
    }
    let limit = archive.is_some().then_some(options.max_expanded_bytes);
    emit_read(reader, name.to_string(), archive, limit, sink)
}

/// A zip read from a stream: its members may carry their sizes only after their data (as
/// `zip -` writes them), so it is copied to an unnamed temporary file and read from there.
fn spool_zip(
    mut reader: Box<dyn Read + '_>,
    archive: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let spooled = tempfile::tempfile().and_then(|mut file| {
        io::copy(&mut reader, &mut file)?;
        io::Seek::rewind(&mut file)?;
        Ok(file)
    });
    match spooled {
        Ok(file) => read_zip_file(file, archive, options, sink),
        Err(e) => sink.event(Event::Failed {
            path: archive.to_string(),
            reason: format!("cannot copy the zip archive to a temporary file to read it: {e}"),
        }),
    }
}

/// The path recorded for an archive member: the archive's own path, then the member's, so
/// that `doc.txt` in `a.zip` and in `b.zip` stay two files.
fn member_path(archive: &str, member: &str) -> String {
    format!("{archive}/{member}")
}

/// The kind of archive `head` opens, if it opens one.
pub(super) fn archive_kind(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(&[0x1F, 0x8B]) {
        Some("gzip")
    } else if head.starts_with(b"PK\x03\x04") {
        Some("zip")
    } else if head.len() >= 262 && &head[257..262] == b"ustar" {
        Some("tar")
    } else {
        None
    }
}

pub(super) fn nested_archive(kind: &str, outer: &str) -> String {
    format!("archives inside archives are not expanded: this is a {kind} archive inside {outer}")
}

/// The event for an archive that breaks off: what was read before stays imported.
fn damaged(archive: &str, what: &str, members: usize, e: impl std::fmt::Display) -> Event {
    let reason = format!("{what} is truncated or corrupt after {members} members: {e}");
    Event::Failed {
        path: archive.to_string(),
        reason,
    }
}

/// Reads up to `n` bytes and gives them back along with a reader that yields them again.
fn peek<'a>(mut reader: Box<dyn Read + 'a>, n: usize) -> io::Result<(Vec<u8>, Box<dyn Read + 'a>)> {
    let mut head = Vec::with_capacity(n);
    (&mut reader).take(n as u64).read_to_end(&mut head)?;
    let replay: Box<dyn Read + 'a> = Box::new(Cursor::new(head.clone()).chain(reader));
    Ok((head, replay))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts what it is handed; reads nothing itself.
    struct Count(usize);

    impl Sink for Count {
        fn event(&mut self, _: Event) -> bool {
            self.0 += 1;
            true
        }
    }

    #[test]
    fn the_progress_total_is_what_the_reader_reads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), b"%%%A|\n\nbody\n").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &[b'x'; 5000]).unwrap();
        std::fs::write(dir.path().join("sub/b.txt.gz"), gz.finish().unwrap()).unwrap();
        // Passed over by the reader, so left out of the total too.
        std::fs::write(dir.path().join(".hidden.txt"), [b'y'; 3000]).unwrap();
        std::fs::write(dir.path().join(".DS_Store"), [b'z'; 3000]).unwrap();
        let options = ReadOptions::default();
        let inputs = [dir.path().to_path_buf()];
        let total = total_size(&inputs, &options).unwrap();
        let mut count = Count(0);
        read_inputs(&inputs, &options, &mut count);
        assert_eq!(count.0, 2);
        assert_eq!(options.bytes_read.load(Ordering::Relaxed), total);
        assert!(total > 0 && total < 3000, "{total}");
        assert_eq!(total_size(&[PathBuf::from("-")], &options), None);
    }

    #[test]
    fn kinds_by_name() {
        let cases = [
            ("a.zip", Kind::Zip),
            ("a.ZIP", Kind::Zip),
            ("a.tar", Kind::Tar),
            ("a.tar.gz", Kind::TarGz),
            ("a.tgz", Kind::TarGz),
            ("a.txt.gz", Kind::Gz),
            ("a.txt", Kind::Plain),
            ("gz", Kind::Plain),
        ];
        for (name, want) in cases {
            assert_eq!(kind_of(name), want, "{name}");
        }
    }

    #[test]
    fn clutter() {
        for path in [
            "__MACOSX/a.txt",
            "x/__MACOSX/._a.txt",
            ".DS_Store",
            "x/.DS_Store",
            "x/._a.txt",
            "x/",
        ] {
            assert!(is_clutter(path), "{path}");
        }
        for path in ["a.txt", "x/a.txt", "MACOSX.txt"] {
            assert!(!is_clutter(path), "{path}");
        }
    }
}
