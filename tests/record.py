#!/usr/bin/env python3
"""Record the expected results of the conformance programs from CPython 3.11.

Usage:
    python3 tests/record.py                 # re-record every tests/conformance/**/*.py
    python3 tests/record.py PATH...         # re-record the given programs or directories
    python3 tests/record.py --check [PATH...]  # compare instead of writing; exit 1 on a difference

Each program `tests/conformance/<area>/<name>.py` is run as `python3 <name>.py`
with the working directory set to the program's directory, stdin from
`<name>.stdin` (or /dev/null), extra arguments from the lines of `<name>.args`,
and a small fixed environment (PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8,
LC_ALL=C.UTF-8). The result goes to `<name>.expected`:

    status <exit status>
    stdout <N> bytes
    <exactly N bytes of stdout>stderr <M> bytes
    <exactly M bytes of stderr>
    <one final newline>

CPython prints absolute paths in tracebacks; every occurrence of the
program's absolute directory followed by `/` is removed from stderr, so that
the expected text says `File "name.py", line 3, in f`. The Rust harness
(crates/stitch-cli/tests/conformance.rs) runs `stitch` the same way and
applies the same normalization. Only the standard library is used, and the
output is deterministic: recording twice gives no difference.
"""

import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conformance")
TIMEOUT = 60
PYTHON = "python3"


def child_env():
    """The environment of a recorded program (the harness builds the same one)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "C.UTF-8",
    }
    return env


def read_args(path):
    """Arguments from a `.args` file: one per line; a final newline ends the last line."""
    if not os.path.exists(path):
        return []
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    if text == "":
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def normalize(stderr, directory):
    """Remove the test's absolute directory (both real and as-given spellings) plus '/'."""
    prefixes = {os.path.realpath(directory) + "/", os.path.abspath(directory) + "/"}
    for prefix in sorted(prefixes, key=len, reverse=True):
        stderr = stderr.replace(prefix.encode("utf-8"), b"")
    return stderr


def run(py_path):
    directory = os.path.dirname(os.path.abspath(py_path))
    name = os.path.basename(py_path)
    stem = name[:-3]
    args = read_args(os.path.join(directory, stem + ".args"))
    stdin_path = os.path.join(directory, stem + ".stdin")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        proc = subprocess.run(
            [PYTHON, name] + args,
            cwd=directory,
            env=child_env(),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    stderr = normalize(proc.stderr, directory)
    return (
        b"status %d\n" % proc.returncode
        + b"stdout %d bytes\n" % len(proc.stdout)
        + proc.stdout
        + b"stderr %d bytes\n" % len(stderr)
        + stderr
        + b"\n"
    )


def collect(paths):
    found = []
    for path in paths:
        path = os.path.abspath(path)
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames.sort()
                for f in sorted(filenames):
                    if f.endswith(".py"):
                        found.append(os.path.join(dirpath, f))
        elif path.endswith(".py") and os.path.isfile(path):
            found.append(path)
        elif os.path.isfile(path[: -len(".expected")] + ".py") and path.endswith(".expected"):
            found.append(path[: -len(".expected")] + ".py")
        else:
            sys.exit("record.py: not a .py program or directory: %s" % path)
    return sorted(set(found))


def check_python():
    out = subprocess.run(
        [PYTHON, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        stdout=subprocess.PIPE,
        check=True,
    ).stdout.decode().strip()
    if out != "3.11":
        sys.exit("record.py: %s is Python %s; expected results must come from CPython 3.11" % (PYTHON, out))


def main(argv):
    check = False
    if argv and argv[0] == "--check":
        check = True
        argv = argv[1:]
    check_python()
    programs = collect(argv or [ROOT])
    if not programs:
        sys.exit("record.py: no programs found")
    changed = 0
    for py in programs:
        expected_path = py[:-3] + ".expected"
        data = run(py)
        old = None
        if os.path.exists(expected_path):
            with open(expected_path, "rb") as f:
                old = f.read()
        rel = os.path.relpath(py, ROOT)
        if old != data:
            changed += 1
            if check:
                print("differs: %s" % rel)
            else:
                with open(expected_path, "wb") as f:
                    f.write(data)
                print("recorded: %s" % rel)
    verb = "differ" if check else "changed"
    print("%d programs, %d %s" % (len(programs), changed, verb))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
