//! Prints what councildb reads from each file given: metadata, body, clauses, citations and the
//! official record. For looking at what the parser makes of one document.
//!
//!     cargo run --release --example akn_show -- FILE...

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // --text: what the text parser reads in each file's printed text instead.
    let as_text = args.iter().any(|a| a == "--text");
    for p in args.iter().filter(|a| *a != "--text") {
        let bytes = std::fs::read(p).unwrap();
        let mut parsed = councildb::parse::parse_file(&bytes, &Default::default());
        if as_text {
            if let Ok(f) = &parsed {
                let printed = format!("%%%\n\n{}\n", f.documents[0].body);
                parsed = councildb::parse::parse_file(printed.as_bytes(), &Default::default());
            }
        }
        match parsed {
            Err(e) => println!("{p}: {e}"),
            Ok(f) => {
                for d in f.documents {
                    println!("== {p}\nsymbol={:?} type={:?} lang={:?} date={:?} meeting={:?} title={:?}\ntags={:?}", d.symbol, d.doc_type, d.language, d.issued_on, d.meeting, d.title, d.tags);
                    println!("--- body\n{}\n---", d.body);
                    for (k, c) in d.clauses.iter().enumerate() {
                        println!(
                            "clause {k} parent={:?} marker={:?} {:?}",
                            c.parent,
                            c.marker,
                            &c.text.chars().take(60).collect::<String>()
                        );
                    }
                    for (k, c) in &d.citations {
                        println!(
                            "cite clause={k} {:?} {} raw={:?} {:?}",
                            c.kind, c.symbol, c.raw, c.origin
                        );
                    }
                    println!("record={:?}", d.record);
                }
            }
        }
    }
}
