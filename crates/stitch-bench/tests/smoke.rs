//! Smoke test for CI: runs the harness on one program, once, in short mode,
//! against python3 only, into a temporary directory, and checks that it wrote
//! a Markdown table and an SVG chart and that the output check passed. It
//! never looks at timings.

use std::path::PathBuf;
use std::process::Command;

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stitch-bench-smoke-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn one_program_short_against_python3() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: smoke test skipped");
        return;
    }
    let out_dir = temp_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_stitch-bench"))
        .args([
            "--programs",
            "nbody",
            "--runs",
            "1",
            "--short",
            "--steady",
            "1",
            "--warmup",
            "0",
            "--startup-runs",
            "1",
            "--only",
            "python3",
            "--quiet",
            "--out",
        ])
        .arg(&out_dir)
        .output()
        .expect("run stitch-bench");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stitch-bench failed: {}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let find = |ext: &str| {
        files
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} file in {files:?}"))
            .clone()
    };
    let md = std::fs::read_to_string(find("md")).unwrap();
    let svg = std::fs::read_to_string(find("svg")).unwrap();
    std::fs::read_to_string(find("tsv")).unwrap();

    assert!(md.contains("| program | python3 |"), "no table:\n{md}");
    assert!(md.contains("| nbody |"), "no nbody row:\n{md}");
    let check = md
        .split("## Output check")
        .nth(1)
        .expect("output check section");
    assert!(
        check.contains("| nbody | ✓ ok |"),
        "checksum did not match:\n{md}"
    );
    assert!(!md.contains("## Failures"), "failures reported:\n{md}");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains(">nbody</text>"));
    let _ = std::fs::remove_dir_all(&out_dir);
}
