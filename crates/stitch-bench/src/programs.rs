//! The benchmark programs: discovery in `bench/programs/`, their expected
//! outputs in `bench/programs/expected/`, and parsing of the `#stitch-bench`
//! timing lines they write to stderr (format documented in `_harness.py`).

use std::fs;
use std::path::{Path, PathBuf};

/// One benchmark program.
#[derive(Debug, Clone)]
pub struct Program {
    /// File stem, e.g. `nbody`.
    pub name: String,
    pub path: PathBuf,
    /// Expected stdout for the chosen mode, if it was recorded.
    pub expected: Option<String>,
}

/// Every `bench/programs/[a-z]*.py` (helpers start with `_`), sorted by name,
/// kept if `filter` is empty or any comma-separated part is a substring of
/// the name. `short` picks which expected file is loaded.
pub fn discover(dir: &Path, filter: &[String], short: bool) -> Result<Vec<Program>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        let Some(name) = file.strip_suffix(".py") else {
            continue;
        };
        if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let suffix = if short { ".short.out" } else { ".out" };
        let expected =
            fs::read_to_string(dir.join("expected").join(format!("{name}{suffix}"))).ok();
        out.push(Program {
            name: name.to_string(),
            path: path.clone(),
            expected,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Seconds of every `#stitch-bench iter <i> <seconds>` line, in order.
pub fn iter_times(stderr: &str) -> Vec<f64> {
    stderr
        .lines()
        .filter_map(|line| {
            let mut f = line.split_whitespace();
            if f.next()? != "#stitch-bench" || f.next()? != "iter" {
                return None;
            }
            f.next()?;
            f.next()?.parse().ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iter_lines() {
        let err = "#stitch-bench mode normal size 3 warmup 1 steady 2\n\
                   #stitch-bench warmup 1 0.5\n#stitch-bench iter 1 0.25\n\
                   noise\n#stitch-bench iter 2 0.125\n#stitch-bench total 1.0\n";
        assert_eq!(iter_times(err), vec![0.25, 0.125]);
    }
}
