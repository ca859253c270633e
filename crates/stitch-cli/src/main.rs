//! The `stitch` command line (placeholder while the runtime lands).
fn main() {
    eprintln!("stitch: runtime not built yet");
    std::process::exit(2);
}
