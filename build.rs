// Embedded migrations are read at compile time: rebuild when one is added or changed, or a new
// migration file would be silently left out of the binary. Likewise for built-in reports.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=reports");
}
