//! Extraction micro-benchmark: parses seed-format text (decode, split, tags, metadata, clauses,
//! citations and hashing) on one thread and reports MB/s per core, median of several rounds.
//!
//!     cargo bench --bench extract [-- DIR]
//!
//! With no DIR it parses the files of seeds/ repeated to about 20 MB.

use std::time::Instant;

use councildb::parse::{parse_file, Limits};

fn load(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).expect("read file"))
        .collect()
}

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let dir = arg
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let mut files = load(&dir);
    let one_round: usize = files.iter().map(Vec::len).sum();
    if one_round < 20_000_000 {
        let copies = 20_000_000 / one_round.max(1);
        files = files
            .iter()
            .cycle()
            .take(files.len() * copies.max(1))
            .cloned()
            .collect();
    }
    let bytes: usize = files.iter().map(Vec::len).sum();
    let limits = Limits::default();
    let mut rates = Vec::new();
    let mut documents = 0;
    let mut citations = 0;
    for _ in 0..5 {
        let start = Instant::now();
        documents = 0;
        citations = 0;
        for f in &files {
            if let Ok(parsed) = parse_file(f, &limits) {
                documents += parsed.documents.len();
                citations += parsed
                    .documents
                    .iter()
                    .map(|d| d.citations.len())
                    .sum::<usize>();
            }
        }
        rates.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    println!(
        "extract: {:.1} MB/s per core (median of {}; min {:.1}, max {:.1}) over {:.1} MB, {documents} documents, {citations} citations from {}",
        rates[rates.len() / 2],
        rates.len(),
        rates[0],
        rates[rates.len() - 1],
        bytes as f64 / 1e6,
        dir.display()
    );
}
