//! Interpreters under test: the default set (stitch, python3, pypy3 when on
//! PATH), `--interp NAME=COMMAND` additions, and version discovery.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::measure;

/// A named interpreter: the command line that precedes the script path.
#[derive(Debug, Clone)]
pub struct Interp {
    pub name: String,
    pub argv: Vec<String>,
}

impl Interp {
    pub fn new(name: &str, argv: Vec<String>) -> Self {
        Interp {
            name: name.to_string(),
            argv,
        }
    }

    /// Parse `NAME=COMMAND ARGS...` (the command is split on whitespace).
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (name, cmd) = spec
            .split_once('=')
            .ok_or_else(|| format!("--interp wants NAME=COMMAND, got {spec:?}"))?;
        let argv: Vec<String> = cmd.split_whitespace().map(String::from).collect();
        if name.is_empty() || argv.is_empty() {
            return Err(format!("--interp wants NAME=COMMAND, got {spec:?}"));
        }
        Ok(Interp::new(name, argv))
    }

    /// First line(s) of `COMMAND --version`, or why it could not be had.
    pub fn version(&self, cwd: &Path) -> String {
        let mut argv = self.argv.clone();
        argv.push("--version".into());
        let out = measure::run(&argv, cwd, Duration::from_secs(20));
        let text = format!("{}\n{}", out.stdout, out.stderr);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(2)
            .collect();
        match (&out.failure, lines.is_empty()) {
            (None, false) => lines.join(" "),
            (Some(why), _) => format!("unknown ({why})"),
            (None, true) => "unknown (no output)".into(),
        }
    }
}

/// Look a bare command name up on PATH.
pub fn which(cmd: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(cmd))
        .find(|p| p.is_file())
}

/// The real executable behind a command (`sys.executable`), so that a
/// wrapper such as a pyenv shim does not add its own start-up to every run.
fn resolve_python(cmd: &str) -> String {
    let argv = vec![
        cmd.to_string(),
        "-c".into(),
        "import sys; print(sys.executable)".into(),
    ];
    let out = measure::run(&argv, Path::new("."), Duration::from_secs(20));
    let exe = out.stdout.trim();
    if out.failure.is_none() && !exe.is_empty() && Path::new(exe).is_file() {
        exe.to_string()
    } else {
        cmd.to_string()
    }
}

/// The default interpreters: stitch at `stitch`, python3, and pypy3 if found
/// (both resolved to the executables they really run).
pub fn defaults(stitch: &Path) -> Vec<Interp> {
    let mut v = vec![
        Interp::new("stitch", vec![stitch.display().to_string()]),
        Interp::new("python3", vec![resolve_python("python3")]),
    ];
    if which("pypy3").is_some() {
        v.push(Interp::new("pypy3", vec![resolve_python("pypy3")]));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spec() {
        let i = Interp::parse("nojit=target/release/stitch -X jit=off").unwrap();
        assert_eq!(i.name, "nojit");
        assert_eq!(i.argv, vec!["target/release/stitch", "-X", "jit=off"]);
        assert!(Interp::parse("nojit").is_err());
        assert!(Interp::parse("x=").is_err());
    }
}
