//! Records where the build machine's CPython 3.11 keeps its standard library, as a
//! fallback for finding the pure-Python modules at run time (see `stdlib.rs`).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=STITCH_STDLIB");
    let path = Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    println!("cargo:rustc-env=STITCH_BUILD_STDLIB={path}");
}
