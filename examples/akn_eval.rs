//! The text parser measured against the UN's markup (AKN4UN XML). Each XML file is rendered as
//! its printed text, the text parser reads that text, and its answers are scored against the
//! markup, per set and language, with the one-line regex baseline for resolutions beside it.
//!
//!     cargo run --release --example akn_eval -- PATH [--misses FIELD]
//!
//! PATH is an unpacked snapshot of the UN's files (`tar --zstd -xf
//! un-scresolutions-akn.tar.zst`) or any folder of AKN XML files. `--misses FIELD` prints each
//! document the parser got FIELD wrong in (doc_type, symbol, date, meeting, paragraphs,
//! sub-items, citations). Source of the files: United Nations (DGACM), UNxml/SCresolutions.

use std::collections::BTreeMap;
use std::path::Path;

use councildb::eval::{set_of, LinkBook, Scores};
use councildb::parse::akn;
use councildb::parse::decode::decode;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.first() else {
        eprintln!("usage: akn_eval PATH [--misses FIELD]");
        std::process::exit(2);
    };
    let misses_of = args
        .iter()
        .position(|a| a == "--misses")
        .and_then(|k| args.get(k + 1))
        .cloned();
    let mut paths: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "xml"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    // Two passes, each reading a file once: the links of every version of each document
    // first (a version is scored against them too), then the scores; memory holds one file.
    let read = |path: &Path| {
        let bytes = std::fs::read(path).ok()?;
        let (text, _, _) = decode(&bytes).ok()?;
        Some(akn::read(&text))
    };
    let mut book = LinkBook::default();
    for path in &paths {
        // German is no UN language, and 19 of its files carry another file's symbol.
        if path.to_string_lossy().contains("/German/") {
            continue;
        }
        if let Some(Ok(r)) = read(path) {
            book.add(&r);
        }
    }
    let mut by: BTreeMap<(&'static str, String), Scores> = BTreeMap::new();
    for path in &paths {
        let Some(file) = read(path) else {
            continue;
        };
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .to_string();
        let language = file
            .as_ref()
            .ok()
            .and_then(|r| r.markup.language)
            .unwrap_or("??")
            .to_string();
        let scores = by
            .entry((set_of(&format!("{rel}/")), language))
            .or_default();
        let misses = match &file {
            Ok(r) => scores.add_read(r, book.of(r)),
            Err(_) => {
                scores.unreadable += 1;
                Default::default()
            }
        };
        if let Some(field) = &misses_of {
            if field == "citations" {
                if !misses.missed_citations.is_empty() || !misses.extra_citations.is_empty() {
                    println!(
                        "{rel}: missed {:?} extra {:?}",
                        misses.missed_citations, misses.extra_citations
                    );
                }
            } else {
                for m in misses
                    .fields
                    .iter()
                    .filter(|m| m.starts_with(field.as_str()))
                {
                    println!("{rel}: {m}");
                }
            }
        }
    }
    if misses_of.is_none() {
        print_tables(&by, Path::new(root));
    }
}

fn fmt(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "–".into())
}

fn print_tables(by: &BTreeMap<(&'static str, String), Scores>, root: &Path) {
    println!("Text parser against the markup of {}\n", root.display());
    let sets: Vec<&str> = {
        let mut s: Vec<&str> = by.keys().map(|(s, _)| *s).collect();
        s.dedup();
        s
    };
    for set in sets {
        let langs: Vec<(&String, &Scores)> = by
            .iter()
            .filter(|((s, _), _)| *s == set)
            .map(|((_, l), sc)| (l, sc))
            .collect();
        println!("### {set}\n");
        let head: Vec<String> = langs.iter().map(|(l, _)| l.to_string()).collect();
        println!("| | {} |", head.join(" | "));
        println!("|---|{}", "---|".repeat(langs.len()));
        let row = |name: &str, f: &dyn Fn(&Scores) -> String| {
            let cells: Vec<String> = langs.iter().map(|(_, s)| f(s)).collect();
            println!("| {name} | {} |", cells.join(" | "));
        };
        row("documents", &|s| s.documents.to_string());
        row("doc_type", &|s| fmt(s.doc_type.share()));
        row("symbol", &|s| fmt(s.symbol.share()));
        row("date", &|s| fmt(s.date.share()));
        row("meeting", &|s| fmt(s.meeting.share()));
        row("meeting not in the text", &|s| {
            s.meeting_not_printed.to_string()
        });
        row("paragraphs", &|s| fmt(s.paragraphs.share()));
        row("sub-items", &|s| {
            format!("{} ({})", fmt(s.sub_items.share()), s.sub_items.asked)
        });
        row("documents with links", &|s| s.linked_documents.to_string());
        row("S/RES F1", &|s| {
            fmt(s.citations.get("resolution").and_then(|m| m.f1()))
        });
        row("S/RES F1, regex baseline", &|s| {
            fmt(s.baseline_resolutions.f1())
        });
        for kind in [
            "presidential_statement",
            "document",
            "general_assembly_resolution",
        ] {
            row(&format!("{kind} P/R"), &|s| {
                s.citations
                    .get(kind)
                    .map(|m| format!("{}/{}", fmt(m.precision()), fmt(m.recall())))
                    .unwrap_or_default()
            });
        }
        row("all kinds P/R/F1", &|s| {
            let m = &s.all_citations;
            format!("{}/{}/{}", fmt(m.precision()), fmt(m.recall()), fmt(m.f1()))
        });
        row("all kinds F1, this file's links alone", &|s| {
            fmt(s.own_links.f1())
        });
        println!();
    }
}
