//! Embedded migrations and reports are read at compile time: rebuild when one is added or
//! changed, or a new file would be silently left out of the binary.
use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=reports");
    let mut names: Vec<String> = std::fs::read_dir("reports")
        .expect("reports/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    names.sort();
    let mut code = String::from("/// The built-in reports: (file name, text), embedded from reports/.\npub const BUILTIN: &[(&str, &str)] = &[\n");
    for name in names {
        let _ = writeln!(code, "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/reports/{name}\"))),");
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"))
        .join("builtin_reports.rs");
    std::fs::write(out, code).expect("write builtin_reports.rs");
}
