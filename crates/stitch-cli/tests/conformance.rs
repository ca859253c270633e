//! Conformance harness: runs every program under `tests/conformance/` through
//! the built `stitch` binary and compares its exit status, stdout and stderr
//! byte for byte with the results recorded from CPython 3.11 by
//! `tests/record.py` (the `.expected` file next to each program).
//!
//! Each program runs the way the recorder ran `python3`: working directory =
//! the program's directory, argument `<name>.py` plus the lines of
//! `<name>.args`, stdin from `<name>.stdin` or /dev/null, and the environment
//! `PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8`. The program's
//! absolute directory followed by `/` is removed from stderr.
//!
//! One `#[test]` per execution mode (extra `stitch` arguments placed before
//! the script); see `modes!` at the bottom. Environment variables:
//! - `STITCH_CONFORMANCE_FILTER=substring`: only programs whose path relative
//!   to `tests/conformance` contains the substring;
//! - `STITCH_CONFORMANCE_QUICK=1`: slow modes (gc-stress) run every n-th program;
//! - `STITCH_CONFORMANCE_JOBS=n`: parallel programs (default: available parallelism);
//! - `STITCH_CONFORMANCE_TIMEOUT=seconds`: per-program timeout (overrides the mode's).

use std::collections::{BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Captured output beyond this many bytes per stream is dropped (and reported).
const OUTPUT_CAP: usize = 16 << 20;

/// An execution mode: extra arguments placed before the script.
struct Mode {
    name: &'static str,
    args: &'static [&'static str],
    /// With `STITCH_CONFORMANCE_QUICK` set, run only every `quick_stride`-th program.
    quick_stride: usize,
    /// Per-program timeout in seconds.
    timeout_secs: u64,
}

/// One conformance program.
struct Program {
    /// Path relative to `tests/conformance`, with `/` separators (for reports and filters).
    rel: String,
    dir: PathBuf,
    file_name: String,
    expected: Option<PathBuf>,
    args: Vec<String>,
    stdin: Option<PathBuf>,
}

/// The recorded result of a program.
struct Expected {
    status: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// What `stitch` did.
struct Actual {
    /// Exit code, or `-signal` when killed by a signal (as Python's subprocess reports it).
    status: i32,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
    truncated: bool,
    elapsed: Duration,
}

fn conformance_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Lines of an `.args` file: one argument per line, a final newline ends the last line.
fn read_args(path: &Path) -> Vec<String> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(_) => return Vec::new(),
    };
    if text.is_empty() {
        return Vec::new();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Finds all programs, plus the problems of the tree itself (files that belong to no program).
fn discover(root: &Path) -> (Vec<Program>, Vec<String>) {
    let mut files = Vec::new();
    walk(root, &mut files);
    let mut programs = Vec::new();
    let mut problems = Vec::new();
    let stems: BTreeSet<PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| p.with_extension(""))
        .collect();
    for path in &files {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        match path.extension().and_then(|e| e.to_str()) {
            Some("py") => {
                let expected = path.with_extension("expected");
                let args = path.with_extension("args");
                let stdin = path.with_extension("stdin");
                programs.push(Program {
                    rel,
                    dir: path.parent().expect("file has a parent").to_path_buf(),
                    file_name: path
                        .file_name()
                        .expect("file has a name")
                        .to_string_lossy()
                        .into_owned(),
                    expected: expected.is_file().then_some(expected),
                    args: read_args(&args),
                    stdin: stdin.is_file().then_some(stdin),
                });
            }
            Some("expected" | "args" | "stdin") if !stems.contains(&path.with_extension("")) => {
                problems.push(format!("{rel}: belongs to no .py program (stale file?)"));
            }
            _ => {}
        }
    }
    (programs, problems)
}

fn parse_expected(data: &[u8]) -> Result<Expected, String> {
    fn header<'a>(data: &'a [u8], pos: &mut usize, word: &str) -> Result<&'a str, String> {
        let rest = &data[*pos..];
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| format!("missing `{word}` header line"))?;
        let line = std::str::from_utf8(&rest[..end]).map_err(|_| format!("bad `{word}` header"))?;
        *pos += end + 1;
        line.strip_prefix(word)
            .and_then(|l| l.strip_prefix(' '))
            .ok_or_else(|| format!("expected `{word} ...`, found `{line}`"))
    }
    fn block(data: &[u8], pos: &mut usize, spec: &str, word: &str) -> Result<Vec<u8>, String> {
        let n: usize = spec
            .strip_suffix(" bytes")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("bad `{word}` header: `{spec}`"))?;
        let bytes = data
            .get(*pos..*pos + n)
            .ok_or_else(|| format!("{word} block shorter than {n} bytes"))?;
        *pos += n;
        Ok(bytes.to_vec())
    }
    let mut pos = 0;
    let status: i32 = header(data, &mut pos, "status")?
        .parse()
        .map_err(|_| "bad status".to_string())?;
    let spec = header(data, &mut pos, "stdout")?.to_owned();
    let stdout = block(data, &mut pos, &spec, "stdout")?;
    let spec = header(data, &mut pos, "stderr")?.to_owned();
    let stderr = block(data, &mut pos, &spec, "stderr")?;
    if &data[pos..] != b"\n" {
        return Err("trailing data after the stderr block (expected one newline)".into());
    }
    Ok(Expected {
        status,
        stdout,
        stderr,
    })
}

fn remove_all(haystack: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// Removes the program's absolute directory plus `/` from stderr (both spellings of it).
fn normalize(stderr: &[u8], dir: &Path) -> Vec<u8> {
    let mut prefixes = BTreeSet::new();
    if let Ok(canon) = dir.canonicalize() {
        prefixes.insert(format!("{}/", canon.display()));
    }
    let abs = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir().expect("cwd").join(dir)
    };
    prefixes.insert(format!("{}/", abs.display()));
    let mut prefixes: Vec<String> = prefixes.into_iter().collect();
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = stderr.to_vec();
    for p in prefixes {
        out = remove_all(&out, p.as_bytes());
    }
    out
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<(Vec<u8>, bool)> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut truncated = false;
        let mut buf = [0u8; 64 * 1024];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    if n > room {
                        truncated = true;
                    }
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        (kept, truncated)
    })
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> (ExitStatus, bool) {
    let start = Instant::now();
    let mut sleep = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (status, false),
            Ok(None) => {}
            Err(e) => panic!("waiting for stitch: {e}"),
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let status = child.wait().expect("wait after kill");
            return (status, true);
        }
        thread::sleep(sleep);
        sleep = (sleep * 2).min(Duration::from_millis(50));
    }
}

fn exit_status_parts(status: ExitStatus) -> (i32, Option<i32>) {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return (-sig, Some(sig));
        }
    }
    (status.code().unwrap_or(-1), None)
}

fn run_program(program: &Program, mode: &Mode, timeout: Duration) -> Result<Actual, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stitch"));
    cmd.args(mode.args)
        .arg(&program.file_name)
        .args(&program.args)
        .current_dir(&program.dir)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in ["PATH", "RUST_BACKTRACE"] {
        if let Some(v) = std::env::var_os(var) {
            cmd.env(var, v);
        }
    }
    match &program.stdin {
        Some(path) => {
            let f = fs::File::open(path).map_err(|e| format!("open {}: {e}", path.display()))?;
            cmd.stdin(Stdio::from(f));
        }
        None => {
            cmd.stdin(Stdio::null());
        }
    }
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot run stitch: {e}"))?;
    let out = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err = spawn_reader(child.stderr.take().expect("piped stderr"));
    let (status, timed_out) = wait_with_timeout(&mut child, timeout);
    let elapsed = start.elapsed();
    let (stdout, t1) = out.join().expect("stdout reader");
    let (stderr, t2) = err.join().expect("stderr reader");
    let (status, signal) = exit_status_parts(status);
    Ok(Actual {
        status,
        signal,
        stdout,
        stderr: normalize(&stderr, &program.dir),
        timed_out,
        truncated: t1 || t2,
        elapsed,
    })
}

/// Shows a line for a report: lossy UTF-8, control characters escaped, long lines cut.
fn show_line(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i >= 160 {
            out.push_str("...");
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// A short unified-style excerpt around the first differing line.
fn diff_excerpt(expected: &[u8], actual: &[u8], out: &mut String) {
    let split = |b: &[u8]| -> Vec<Vec<u8>> {
        if b.is_empty() {
            return Vec::new();
        }
        let mut lines: Vec<Vec<u8>> = b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
        // A final newline ends the last line; mark its absence so that it shows as a difference.
        if b.ends_with(b"\n") {
            lines.pop();
        } else if let Some(last) = lines.last_mut() {
            last.extend_from_slice("⏎(no newline at end)".as_bytes());
        }
        lines
    };
    let (e, a) = (split(expected), split(actual));
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let _ = writeln!(
        out,
        "    @@ first difference at line {} (expected {} lines, got {}) @@",
        first + 1,
        e.len(),
        a.len()
    );
    for line in &e[first.saturating_sub(2)..first] {
        let _ = writeln!(out, "     {}", show_line(line));
    }
    const SHOWN: usize = 6;
    for line in e.iter().skip(first).take(SHOWN) {
        let _ = writeln!(out, "    -{}", show_line(line));
    }
    if e.len() > first + SHOWN {
        let _ = writeln!(out, "    -... ({} more)", e.len() - first - SHOWN);
    }
    for line in a.iter().skip(first).take(SHOWN) {
        let _ = writeln!(out, "    +{}", show_line(line));
    }
    if a.len() > first + SHOWN {
        let _ = writeln!(out, "    +... ({} more)", a.len() - first - SHOWN);
    }
}

/// Runs one program and returns a failure report, or `None` when it passed.
fn check(program: &Program, mode: &Mode, timeout: Duration) -> Option<String> {
    let mut report = String::new();
    let head = format!("--- {} [{}]", program.rel, mode.name);
    let Some(expected_path) = &program.expected else {
        return Some(format!(
            "{head}: no .expected file: record it with `python3 tests/record.py tests/conformance/{}`\n",
            program.rel
        ));
    };
    let expected = match fs::read(expected_path)
        .map_err(|e| e.to_string())
        .and_then(|d| parse_expected(&d))
    {
        Ok(e) => e,
        Err(e) => return Some(format!("{head}: malformed .expected: {e}\n")),
    };
    let actual = match run_program(program, mode, timeout) {
        Ok(a) => a,
        Err(e) => return Some(format!("{head}: {e}\n")),
    };
    let status_ok = actual.status == expected.status && !actual.timed_out;
    let stdout_ok = actual.stdout == expected.stdout;
    let stderr_ok = actual.stderr == expected.stderr;
    if status_ok && stdout_ok && stderr_ok {
        return None;
    }
    let mut differ = Vec::new();
    if !status_ok {
        differ.push("status");
    }
    if !stdout_ok {
        differ.push("stdout");
    }
    if !stderr_ok {
        differ.push("stderr");
    }
    let _ = writeln!(
        report,
        "{head}: {} differ{}",
        differ.join(", "),
        if differ.len() == 1 { "s" } else { "" }
    );
    if actual.timed_out {
        let _ = writeln!(report, "  TIMED OUT after {} s (killed)", timeout.as_secs());
    }
    if actual.truncated {
        let _ = writeln!(
            report,
            "  output truncated at {OUTPUT_CAP} bytes per stream"
        );
    }
    if !status_ok {
        match actual.signal {
            Some(sig) => {
                let _ = writeln!(
                    report,
                    "  status: expected {}, got killed by signal {sig} after {:.1} s",
                    expected.status,
                    actual.elapsed.as_secs_f64()
                );
            }
            None => {
                let _ = writeln!(
                    report,
                    "  status: expected {}, got {}",
                    expected.status, actual.status
                );
            }
        }
    }
    if !stdout_ok {
        let _ = writeln!(report, "  stdout:");
        diff_excerpt(&expected.stdout, &actual.stdout, &mut report);
    }
    if !stderr_ok {
        let _ = writeln!(report, "  stderr:");
        diff_excerpt(&expected.stderr, &actual.stderr, &mut report);
    }
    Some(report)
}

/// Programs that fail by a documented design limit, from
/// `tests/conformance/known_divergences.txt` (`path  # reason` per line).
fn known_divergences(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("known_divergences.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn run_mode(mode: &Mode) {
    let root = conformance_root();
    let (mut programs, problems) = discover(&root);
    assert!(
        !programs.is_empty(),
        "no conformance programs found under {}",
        root.display()
    );
    if let Ok(filter) = std::env::var("STITCH_CONFORMANCE_FILTER") {
        programs.retain(|p| p.rel.contains(&filter));
        assert!(
            !programs.is_empty(),
            "STITCH_CONFORMANCE_FILTER={filter:?} matches no conformance program"
        );
    }
    if mode.quick_stride > 1 && env_flag("STITCH_CONFORMANCE_QUICK") {
        programs = programs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % mode.quick_stride == 0)
            .map(|(_, p)| p)
            .collect();
    }
    let timeout = std::env::var("STITCH_CONFORMANCE_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(mode.timeout_secs), Duration::from_secs);
    let jobs = std::env::var("STITCH_CONFORMANCE_JOBS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| thread::available_parallelism().map_or(4, |n| n.get()));
    let total = programs.len();

    let queue: Mutex<VecDeque<Program>> = Mutex::new(programs.into());
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..jobs.min(total) {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().expect("queue lock").pop_front();
                    let Some(program) = next else { break };
                    if let Some(report) = check(&program, mode, timeout) {
                        failures
                            .lock()
                            .expect("failures lock")
                            .push((program.rel.clone(), report));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("failures lock");
    failures.sort();
    // Programs listed as known divergences must still fail (the list stays honest:
    // one that starts passing fails the test until it is taken off the list); their
    // failures are reported but do not fail the mode.
    let known = known_divergences(&root);
    let mut fixed = Vec::new();
    if std::env::var("STITCH_CONFORMANCE_FILTER").is_err() && mode.quick_stride == 1 {
        for k in &known {
            if !failures.iter().any(|(rel, _)| rel == k) {
                fixed.push(k.clone());
            }
        }
    }
    let (expected, failures): (Vec<_>, Vec<_>) = failures
        .into_iter()
        .partition(|(rel, _)| known.contains(rel));
    for (rel, _) in &expected {
        eprintln!(
            "--- {rel} [{}]: known divergence (tests/conformance/known_divergences.txt)",
            mode.name
        );
    }
    for k in &fixed {
        eprintln!(
            "--- {k} [{}]: listed as a known divergence but passes: take it off the list",
            mode.name
        );
    }
    assert!(
        fixed.is_empty(),
        "known divergences that now pass: {}",
        fixed.join(" ")
    );
    for (_, report) in &failures {
        eprint!("{report}");
    }
    for p in &problems {
        eprintln!("--- {p}");
    }
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|(rel, _)| rel.as_str()).collect();
        eprintln!("failing programs [{}]: {}", mode.name, names.join(" "));
        eprintln!(
            "rerun one with: STITCH_CONFORMANCE_FILTER={} cargo test -p stitch-cli --test conformance",
            names[0]
        );
    }
    eprintln!(
        "conformance [{}]: {} of {total} programs passed",
        mode.name,
        total - failures.len()
    );
    assert!(
        failures.is_empty() && problems.is_empty(),
        "{} of {total} conformance programs failed in mode {} (stitch {}SCRIPT){}",
        failures.len(),
        mode.name,
        mode.args
            .iter()
            .map(|a| format!("{a} "))
            .collect::<String>(),
        if problems.is_empty() {
            String::new()
        } else {
            format!("; {} stray files under tests/conformance", problems.len())
        }
    );
}

impl Mode {
    const fn new(
        name: &'static str,
        args: &'static [&'static str],
        quick_stride: usize,
        timeout_secs: u64,
    ) -> Self {
        Mode {
            name,
            args,
            quick_stride,
            timeout_secs,
        }
    }
}

/// One line per execution mode: test name, mode name, extra `stitch` arguments,
/// the stride used under `STITCH_CONFORMANCE_QUICK` (1 = all programs), timeout in seconds.
macro_rules! modes {
    ($($test:ident: $name:literal, [$($arg:literal),*], quick_stride $stride:literal, timeout $secs:literal;)*) => {
        $(
            #[test]
            fn $test() {
                run_mode(&Mode::new($name, &[$($arg),*], $stride, $secs));
            }
        )*
    };
}

modes! {
    conformance_default: "default", [], quick_stride 1, timeout 60;
    conformance_gc_stress: "gc-stress", ["-X", "gc-stress"], quick_stride 4, timeout 300;
    conformance_interp_only: "interp-only", ["-X", "jit=off"], quick_stride 1, timeout 60;
    conformance_jit_eager: "jit-eager", ["-X", "jit-threshold=0"], quick_stride 1, timeout 60;
    conformance_uops_eager: "uops-eager", ["-X", "jit=uops", "-X", "jit-threshold=0"], quick_stride 1, timeout 60;
}
