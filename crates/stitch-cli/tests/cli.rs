//! Command line: `stitch -c CODE [ARGS...]`, `-X` options before the code or
//! script, and a script that does not exist. Each case runs `python3` and
//! `stitch` with the same arguments (CPython ignores unknown `-X` options)
//! and compares exit status, stdout and stderr exactly.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(program: &str, args: &[&str], cwd: &Path) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null());
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn show(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `args` through both interpreters and compares everything.
fn same_as_python(args: &[&str]) {
    let cwd = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let py = run("python3", args, cwd);
    let st = run(env!("CARGO_BIN_EXE_stitch"), args, cwd);
    assert!(
        py.status.code() == st.status.code() && py.stdout == st.stdout && py.stderr == st.stderr,
        "stitch {args:?} differs from python3\n===== python3 =====\n{}\n===== stitch =====\n{}",
        show(&py),
        show(&st)
    );
}

#[test]
fn dash_c_prints() {
    same_as_python(&["-c", "print('hello from -c')\nprint(1 + 2)"]);
}

#[test]
fn dash_c_argv() {
    same_as_python(&["-c", "import sys; print(sys.argv)", "a", "-X", "b c", ""]);
}

#[test]
fn dash_c_empty_code() {
    same_as_python(&["-c", ""]);
}

#[test]
fn dash_c_exit_status() {
    same_as_python(&["-c", "import sys\nprint('bye')\nsys.exit(4)"]);
}

#[test]
fn dash_c_exit_message() {
    same_as_python(&["-c", "import sys; sys.exit('fatal from -c')"]);
}

/// Tracebacks for `<string>` have no source lines (there is no file to read).
#[test]
fn dash_c_traceback_has_no_source_lines() {
    same_as_python(&["-c", "def f(x):\n    return 1 / x\nprint('start')\nf(0)"]);
}

#[test]
fn dash_c_syntax_error() {
    same_as_python(&["-c", "x = (\n"]);
}

#[test]
fn dash_c_syntax_error_second_line() {
    same_as_python(&["-c", "print(1)\nif True print(2)"]);
}

#[test]
fn x_option_before_dash_c() {
    same_as_python(&["-X", "gc-stress", "-c", "print(sum(range(10)))"]);
}

#[test]
fn x_option_before_script() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_x_option");
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("x_option_script.py"),
        "import sys\nprint(sys.argv[1:])\nprint([i * i for i in range(5)])\n",
    )
    .expect("write script");
    let path = dir.join("x_option_script.py");
    let path = path.to_str().expect("utf-8 temp path");
    same_as_python(&["-X", "gc-stress", path, "-X", "arg"]);
}

/// `python3 missing.py` prints `<program>: can't open file '<abs path>': [Errno 2] ...`
/// and exits with status 2. The program name differs, so compare from `: can't open`.
#[test]
fn missing_script() {
    let cwd = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let args = ["no_such_script_for_stitch.py"];
    let py = run("python3", &args, cwd);
    let st = run(env!("CARGO_BIN_EXE_stitch"), &args, cwd);
    let tail = |o: &Output| {
        let s = String::from_utf8_lossy(&o.stderr).into_owned();
        s.find(": can't open file").map(|i| s[i..].to_owned())
    };
    assert!(
        py.status.code() == st.status.code() && py.stdout == st.stdout && tail(&py) == tail(&st),
        "missing script handled differently\n===== python3 =====\n{}\n===== stitch =====\n{}",
        show(&py),
        show(&st)
    );
}
