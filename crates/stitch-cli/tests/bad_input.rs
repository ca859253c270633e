//! Bad input: hostile or extreme source texts (invalid UTF-8, null bytes,
//! 100,000-deep nesting, a 10 MB string literal, a 100,000-digit integer
//! literal, a 10 MB program, ...) and deep runtime structures.
//!
//! Each input is generated into a temporary directory (never committed) and
//! run through both `python3` (CPython 3.11, the specification) and `stitch`,
//! the way the conformance harness runs programs (cwd = the file's directory,
//! argument `<name>.py`, the same environment). Each test checks that Stitch
//! - finishes before its timeout and is not killed by a signal (no stack overflow);
//! - never prints a Rust panic (`panicked`, `RUST_BACKTRACE`, `overflowed its stack`);
//! - exits with CPython's status;
//! - prints CPython's last line of stderr (the exception line, e.g. `SyntaxError: ...`),
//!   after removing the temporary directory from both;
//! - prints CPython's stdout, when CPython's stdout is small.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Nesting depth and size used by the "100,000" cases.
const N: usize = 100_000;
/// A depth that CPython 3.11 compiles and runs (its compiler gives up near 3,000).
const DEEP_OK: usize = 2_500;
/// Stdout is compared only when CPython's is at most this long.
const STDOUT_COMPARE_LIMIT: usize = 1 << 20;

struct Outcome {
    status: Option<i32>,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    timed_out: bool,
    elapsed: Duration,
}

fn read_all<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn signal_of(status: ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal()
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

fn run(program: &str, dir: &Path, file_name: &str, timeout: Duration) -> Outcome {
    let mut cmd = Command::new(program);
    cmd.arg(file_name)
        .current_dir(dir)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let out = read_all(child.stdout.take().expect("piped stdout"));
    let err = read_all(child.stderr.take().expect("piped stderr"));
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    Outcome {
        status: status.code(),
        signal: signal_of(status),
        stdout,
        stderr: normalize(&String::from_utf8_lossy(&stderr), dir),
        timed_out,
        elapsed,
    }
}

/// Removes the temporary directory (both spellings) plus `/` from stderr.
fn normalize(stderr: &str, dir: &Path) -> String {
    let mut out = stderr.to_owned();
    let mut prefixes = vec![format!("{}/", dir.display())];
    if let Ok(canon) = dir.canonicalize() {
        prefixes.push(format!("{}/", canon.display()));
    }
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in prefixes {
        out = out.replace(&p, "");
    }
    out
}

fn last_line(stderr: &str) -> &str {
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

fn tail(text: &str, max: usize) -> String {
    let start = text.len().saturating_sub(max);
    let start = (start..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let prefix = if start > 0 { "..." } else { "" };
    format!("{prefix}{}", &text[start..])
}

fn case_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad_input")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Runs one generated source through CPython and Stitch and compares.
fn check(name: &str, source: &[u8], timeout: Duration) {
    let dir = case_dir(name);
    let file_name = format!("{name}.py");
    fs::write(dir.join(&file_name), source).expect("write source");

    let py = run("python3", &dir, &file_name, Duration::from_secs(300));
    assert!(
        !py.timed_out && py.signal.is_none(),
        "{name}: python3 itself did not finish normally (a broken test)"
    );
    let st = run(env!("CARGO_BIN_EXE_stitch"), &dir, &file_name, timeout);

    let mut problems = Vec::new();
    if st.timed_out {
        problems.push(format!(
            "stitch did not finish within {} s (killed)",
            timeout.as_secs()
        ));
    } else if let Some(sig) = st.signal {
        problems.push(format!(
            "stitch was killed by signal {sig} (stack overflow or abort?)"
        ));
    }
    for marker in ["panicked", "RUST_BACKTRACE", "overflowed its stack"] {
        if st.stderr.contains(marker) {
            problems.push(format!("stitch stderr contains {marker:?} (a Rust panic)"));
        }
    }
    if !st.timed_out && st.status != py.status {
        problems.push(format!(
            "exit status: python3 {:?}, stitch {:?}",
            py.status, st.status
        ));
    }
    let (want, got) = (last_line(&py.stderr), last_line(&st.stderr));
    if want != got {
        problems.push(format!(
            "last line of stderr differs:\n    python3: {}\n    stitch:  {}",
            tail(want, 300),
            tail(got, 300)
        ));
    }
    if py.stdout.len() <= STDOUT_COMPARE_LIMIT && py.stdout != st.stdout {
        problems.push(format!(
            "stdout differs:\n    python3: {}\n    stitch:  {}",
            tail(&String::from_utf8_lossy(&py.stdout), 300),
            tail(&String::from_utf8_lossy(&st.stdout), 300)
        ));
    }
    if !problems.is_empty() {
        panic!(
            "bad input `{name}` ({} bytes of source; python3 {:.1} s, stitch {:.1} s):\n  - {}\n  stitch stderr (end): {}",
            source.len(),
            py.elapsed.as_secs_f64(),
            st.elapsed.as_secs_f64(),
            problems.join("\n  - "),
            tail(&st.stderr, 600)
        );
    }
}

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

fn joined(item: &str, sep: &str, n: usize) -> String {
    vec![item; n].join(sep)
}

/// One `#[test]` per case: `name => source expression (bytes), timeout seconds;`.
macro_rules! bad_input_tests {
    ($($(#[$attr:meta])* $name:ident => $source:expr, $secs:expr;)*) => {
        $(
            #[test]
            $(#[$attr])*
            fn $name() {
                let source: Vec<u8> = $source;
                check(stringify!($name), &source, Duration::from_secs($secs));
            }
        )*
    };
}

bad_input_tests! {
    // --- encoding: invalid UTF-8, BOMs, line endings ---
    invalid_utf8_in_string => b"x = 1\nprint(\"a\xff\xfeb\")\n".to_vec(), 60;
    invalid_utf8_in_comment => b"# caf\xe9\nprint(1)\n".to_vec(), 60;
    invalid_utf8_encoded_surrogate => b"x = \"\xed\xa0\x80\"\n".to_vec(), 60;
    invalid_utf8_overlong => b"x = \"\xc0\xaf\"\n".to_vec(), 60;
    invalid_utf8_truncated_at_eof => b"print(1)\nx = \"\xe2\x82".to_vec(), 60;
    latin1_coding_declaration => b"# -*- coding: latin-1 -*-\nprint(\"caf\xe9\")\n".to_vec(), 60;
    bom_at_start => b"\xef\xbb\xbfprint(\"bom ok\")\n".to_vec(), 60;
    bom_only => b"\xef\xbb\xbf".to_vec(), 60;
    bom_in_middle => b"x = 1\n\xef\xbb\xbfprint(x)\n".to_vec(), 60;
    crlf_line_endings => b"x = 1\r\nif x:\r\n    print(\"crlf\", x)\r\nprint(\"\"\"a\r\nb\"\"\" == \"a\\nb\")\r\n".to_vec(), 60;
    cr_only_line_endings => b"x = 1\rprint(x)\rprint(x + 1)\r".to_vec(), 60;
    mixed_line_endings => b"x = 1\r\nprint(x)\ny = 2\rprint(y)\n".to_vec(), 60;
    empty_file => Vec::new(), 60;

    // --- null bytes ---
    null_byte_end_of_line => b"print(1)\x00\nprint(2)\n".to_vec(), 60;
    null_byte_in_string => b"print(1)\nx = \"a\x00b\"\nprint(2)\n".to_vec(), 60;
    null_byte_middle_of_file => {
        let mut s = b"print(1)\n".repeat(1000);
        s.extend_from_slice(b"x = 1\x00 + 2\n");
        s.extend_from_slice(&b"print(2)\n".repeat(1000));
        s
    }, 60;
    null_byte_only => b"\x00".to_vec(), 60;

    // --- tokenizer errors ---
    unterminated_string => b"print(1)\nx = \"abc\nprint(2)\n".to_vec(), 60;
    unterminated_triple_quoted_string => b"print(1)\nx = \"\"\"abc\nprint(2)\n".to_vec(), 60;
    eof_after_backslash => b"x = 1 + \\".to_vec(), 60;
    // Known divergence: strings are UTF-8, so a lone surrogate becomes U+FFFD (ARCHITECTURE.md, "Strings").
    #[ignore = "lone surrogates cannot be represented in UTF-8 strings"]
    lone_surrogate_escape => b"x = \"\\ud800\"\nprint(len(x))\nprint(ascii(x))\nprint(x)\n".to_vec(), 60;
    tab_space_inconsistency => b"if True:\n        x = 1\n\ty = 2\nprint(x)\n".to_vec(), 60;
    nested_if_1000_deep => {
        let mut s = String::new();
        for i in 0..1000 {
            s += &format!("{}if True:\n", "    ".repeat(i));
        }
        s += &format!("{}print(1)\n", "    ".repeat(1000));
        s.into_bytes()
    }, 60;
    nested_for_25_deep => {
        let mut s = String::new();
        for i in 0..25 {
            s += &format!("{}for i{i} in range(1):\n", " ".repeat(i));
        }
        s += &format!("{}print(1)\n", " ".repeat(25));
        s.into_bytes()
    }, 60;

    // --- 100,000-deep nesting in the source ---
    nested_parens_100k => format!("x = {}1{}\nprint(x)\n", repeat("(", N), repeat(")", N)).into_bytes(), 60;
    nested_lists_100k => format!("x = {}{}\nprint(x)\n", repeat("[", N), repeat("]", N)).into_bytes(), 60;
    nested_dicts_100k => format!("x = {}1{}\n", repeat("{1:", N), repeat("}", N)).into_bytes(), 60;
    nested_calls_100k => format!("def f(x):\n    return x\nx = {}1{}\nprint(x)\n", repeat("f(", N), repeat(")", N)).into_bytes(), 60;
    nested_unary_minus_100k => format!("x = {}1\nprint(x)\n", repeat("-", N)).into_bytes(), 60;
    nested_not_100k => format!("x = {}1\nprint(x)\n", repeat("not ", N)).into_bytes(), 60;
    nested_conditional_100k => format!("c = 1\nx = {}0\nprint(x)\n", repeat("1 if c else ", N)).into_bytes(), 60;
    nested_lambda_100k => format!("f = {}1\nprint(f)\n", repeat("lambda: ", N)).into_bytes(), 60;
    power_chain_100k => format!("x = {}\nprint(x)\n", joined("1", "**", N)).into_bytes(), 60;
    elif_chain_100k => {
        let mut s = String::from("x = 5\nif x == -1:\n    pass\n");
        for i in 0..N {
            s += &format!("elif x == {i}:\n    print({i})\n");
        }
        s.into_bytes()
    }, 120;
    plus_chain_100k => format!("x = {}\nprint(x)\n", joined("1", "+", N)).into_bytes(), 60;
    subscript_chain_100k => format!("a = [0]\na[0] = a\nx = a{}\nprint(len(x))\n", repeat("[0]", N)).into_bytes(), 60;
    attribute_chain_100k => format!("x = a{}\n", repeat(".b", N)).into_bytes(), 60;

    // --- deep, but within CPython's limits: must run (native stack use in parser/compiler) ---
    deep_ok_plus_chain => format!("x = {}\nprint(x)\n", joined("1", "+", DEEP_OK)).into_bytes(), 60;
    deep_ok_unary_minus => format!("x = {}1\nprint(x)\n", repeat("-", DEEP_OK)).into_bytes(), 60;
    deep_ok_not => format!("x = {}1\nprint(x)\n", repeat("not ", DEEP_OK)).into_bytes(), 60;
    deep_ok_conditional => format!("c = 1\nx = {}0\nprint(x)\n", repeat("1 if c else ", DEEP_OK)).into_bytes(), 60;
    deep_ok_subscript_chain => format!("a = [0]\na[0] = a\nx = a{}\nprint(len(x))\n", repeat("[0]", DEEP_OK)).into_bytes(), 60;
    deep_ok_lambda => format!("f = {}1\nfor _ in range({}):\n    f = f()\nprint(f)\n", repeat("lambda: ", 2_000), 2_000).into_bytes(), 60;
    deep_ok_power_chain => format!("x = {}\nprint(x)\n", joined("1", "**", 2_000)).into_bytes(), 60;
    deep_ok_elif_chain => {
        let mut s = String::from("x = 2400\nif x == -1:\n    pass\n");
        for i in 0..DEEP_OK {
            s += &format!("elif x == {i}:\n    print({i})\n");
        }
        s.into_bytes()
    }, 60;
    deep_ok_parens_200 => format!("x = {}1{}\nprint(x)\n", repeat("(", 200), repeat(")", 200)).into_bytes(), 60;

    // --- huge literals and files ---
    string_literal_10mb => format!("x = \"{}\"\nprint(len(x), x[:3], x[-3:])\n", repeat("a", 10_000_000)).into_bytes(), 120;
    int_literal_100k_digits => format!("x = {}\nprint(x % 10)\n", repeat("7", N)).into_bytes(), 60;
    int_literal_4300_digits => format!("x = {}\nprint(x % 1000)\n", repeat("9", 4300)).into_bytes(), 60;
    int_literal_4301_digits => format!("x = {}\nprint(x % 1000)\n", repeat("9", 4301)).into_bytes(), 60;
    hex_literal_100k_digits => format!("x = 0x{}\nprint(x.bit_length(), x % 1000)\n", repeat("f", N)).into_bytes(), 60;
    many_statements_10mb => {
        let mut s = String::from("x = 0\n");
        s += &repeat("x += 1\n", 10_000_000 / 7);
        s += "print(x)\n";
        s.into_bytes()
    }, 300;
    comment_10mb => format!("# {}\nprint(\"ok\")\n", repeat("c", 10_000_000)).into_bytes(), 120;
    trailing_blank_lines_1m => format!("print(\"ok\")\n{}{}", repeat("\n", 1_000_000), repeat(" ", 1_000_000)).into_bytes(), 120;
    list_literal_100k_elements => format!("x = [{}]\nprint(len(x), sum(x))\n", repeat("1,", N)).into_bytes(), 60;
    call_with_100k_arguments => format!("def f(*a):\n    return len(a)\nprint(f({}))\n", repeat("1,", N)).into_bytes(), 60;
    implicit_concatenation_100k => format!("x = {}\nprint(len(x))\n", joined("\"ab\"", " ", N)).into_bytes(), 60;
    function_with_100k_locals => {
        let mut s = String::from("def f():\n");
        for i in 0..N {
            s += &format!("    v{i} = {i}\n");
        }
        s += "    return v99999 + v0\nprint(f())\n";
        s.into_bytes()
    }, 120;
    unpack_into_100k_targets => {
        let targets: Vec<String> = (0..N).map(|i| format!("a{i}")).collect();
        format!("{} = range({N})\nprint(a99999, a0)\n", targets.join(", ")).into_bytes()
    }, 60;

    // --- deep structures at run time: no native recursion without a limit ---
    runtime_recursion_limit_1m => b"import sys\nsys.setrecursionlimit(1000000)\ndef f(n):\n    return f(n + 1)\nf(0)\n".to_vec(), 300;
    runtime_repr_nested_list_100k => b"x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n".to_vec(), 60;
    runtime_repr_nested_tuple_100k => b"t = ()\nfor i in range(100000):\n    t = (t,)\nprint(t)\n".to_vec(), 60;
    runtime_eq_nested_lists_100k => b"a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n".to_vec(), 60;
    runtime_lt_nested_lists_100k => b"a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a < b)\n".to_vec(), 60;
    runtime_hash_nested_tuple_100k => b"t = ()\nfor i in range(100000):\n    t = (t,)\nprint(hash(t) == hash(t))\n".to_vec(), 60;
    runtime_drop_nested_list_1m => b"x = []\nfor i in range(1000000):\n    x = [x]\nx = None\ny = [[i] for i in range(100000)]\nprint(len(y))\n".to_vec(), 120;
    runtime_nested_dict_identity => b"d = {}\nfor i in range(100000):\n    d = {\"k\": d}\nd2 = d\nprint(d == d2, len(d))\n".to_vec(), 60;
}
