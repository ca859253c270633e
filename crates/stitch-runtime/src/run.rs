//! Running programs: reading source files (with CPython's encoding rules),
//! compiling to code objects (compile errors become SyntaxError), running `__main__`,
//! and turning the outcome into an exit status the way CPython does.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{dict, exception, int, list, module, str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

/// Reads a source file as text: UTF-8 (a BOM is skipped), or Latin-1 when the file
/// declares it in its first two lines.
pub fn read_source(vm: &mut Vm, path: &str) -> PyResult<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let msg = pystr::new(vm, &e.to_string());
            let errno = Value::small(e.raw_os_error().unwrap_or(2) as i64);
            let f = pystr::new(vm, path);
            let ty = if e.kind() == std::io::ErrorKind::NotFound {
                vm.exc.file_not_found_error
            } else {
                vm.exc.os_error
            };
            let err = vm.call(ty, &[errno, msg, f])?;
            return Err(PyErr(err));
        }
    };
    decode_source(vm, &bytes, path)
}

/// CPython's normal name for a declared source encoding: "utf-8" and
/// "iso-8859-1" for their aliases, otherwise the name as written.
fn normal_encoding(enc: &str) -> String {
    let e = enc.to_ascii_lowercase().replace('_', "-");
    if e == "utf-8" || e.starts_with("utf-8-") || e == "utf8" {
        "utf-8".to_string()
    } else if is_latin1_name(&e)
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| e.starts_with(p))
    {
        "iso-8859-1".to_string()
    } else {
        enc.to_string()
    }
}

/// The text of source bytes with a BOM and/or a PEP 263 declaration: Ok(None)
/// means UTF-8 (left to the caller), Err the message of a SyntaxError
/// (`file_input`: CPython's wording for files).
fn decode_declared(vm: &mut Vm, bytes: &[u8], file_input: bool) -> Result<Option<String>, String> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf");
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let Some(enc) = declared_encoding(body) else {
        return Ok(None);
    };
    let normal = normal_encoding(&enc);
    if has_bom && normal != "utf-8" {
        return Err(format!("encoding problem: {normal} with BOM"));
    }
    match normal.as_str() {
        "utf-8" => Ok(None),
        "iso-8859-1" => Ok(Some(body.iter().map(|&b| b as char).collect())),
        _ => match crate::text::codecs::decode(vm, body, &enc, "strict") {
            Ok(s) => Ok(Some(s)),
            Err(_) if file_input => Err(format!("encoding problem: {enc}")),
            Err(e) => Err(vm
                .str_string(e.0)
                .unwrap_or_else(|_| format!("unknown encoding: {enc}"))),
        },
    }
}

/// Decodes source bytes per PEP 263.
pub fn decode_source(vm: &mut Vm, bytes: &[u8], path: &str) -> PyResult<String> {
    match decode_declared(vm, bytes, true) {
        Ok(Some(s)) => return Ok(s),
        Ok(None) => {}
        Err(msg) => return Err(vm.new_error(vm.exc.syntax_error, msg)),
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let pos = e.valid_up_to();
            let line = body[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(vm.new_error(
                vm.exc.syntax_error,
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[pos], path, line
                ),
            ))
        }
    }
}

/// Decodes the bytes given to `compile`/`exec`/`eval` (BOM and PEP 263
/// declaration honoured; invalid UTF-8 is replaced); a decoding problem raises
/// SyntaxError(msg, (filename, 0, -1, None)) as CPython's string tokenizer.
pub fn decode_bytes_source(vm: &mut Vm, bytes: &[u8], filename: &str) -> PyResult<String> {
    match decode_declared(vm, bytes, false) {
        Ok(Some(s)) => Ok(s),
        Ok(None) => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            Ok(String::from_utf8_lossy(body).into_owned())
        }
        Err(msg) => {
            let m = pystr::new(vm, &msg);
            let f = pystr::new(vm, filename);
            let loc = tuple::new(vm, &[f, Value::small(0), Value::small(-1), Value::NONE]);
            let args = [m, loc];
            let err = vm.call(vm.exc.syntax_error, &args)?;
            Err(PyErr(err))
        }
    }
}

fn is_latin1_name(e: &str) -> bool {
    matches!(
        e,
        "latin-1" | "iso-8859-1" | "iso-latin-1" | "l1" | "latin1" | "iso8859-1"
    )
}

/// Source bytes decoded for display (traceback lines): per their declaration,
/// else UTF-8 with replacement.
pub fn decode_for_display(vm: &mut Vm, bytes: &[u8]) -> String {
    match decode_declared(vm, bytes, true) {
        Ok(Some(s)) => s,
        _ => String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
            .into_owned(),
    }
}

/// The encoding declared in a `coding[:=]` comment in the first two lines.
fn declared_encoding(src: &[u8]) -> Option<String> {
    for line in src.split(|&b| b == b'\n').take(2) {
        let l = String::from_utf8_lossy(line);
        let t = l.trim_start();
        if !t.starts_with('#') {
            if !t.is_empty() {
                break;
            }
            continue;
        }
        if let Some(i) = t.find("coding") {
            let rest = &t[i + 6..];
            if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = r
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Compiles source text (a string, as `exec` and `compile` get) to a code object;
/// a compile error raises SyntaxError.
pub fn compile(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: stitch_compiler::Mode,
) -> PyResult<Value> {
    compile_source(vm, source, filename, mode, false)
}

/// Compiles source to a code object (`file_input`: it was read from the file
/// `filename`), printing its SyntaxWarnings; a compile error raises SyntaxError.
pub fn compile_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: stitch_compiler::Mode,
    file_input: bool,
) -> PyResult<Value> {
    let opts = stitch_compiler::Options { file_input };
    let compiled = stitch_compiler::compile_with(source, filename, mode, &opts);
    issue_warnings(vm, source, filename, &compiled.warnings)?;
    match compiled.result {
        Ok(unit) => {
            if vm.options.dis {
                eprint!("{}", unit.disassemble());
            }
            Ok(crate::object::function::new_code(vm, unit))
        }
        Err(e) => Err(compile_error(vm, &e, source, filename)),
    }
}

/// The SyntaxError (or other exception) for a compile error.
fn compile_error(
    vm: &mut Vm,
    e: &stitch_compiler::CompileError,
    source: &str,
    filename: &str,
) -> PyErr {
    let text = match &e.text {
        stitch_compiler::ErrorText::SourceLine if e.lineno > 0 => source
            .lines()
            .nth(e.lineno as usize - 1)
            .map(|l| format!("{l}\n")),
        stitch_compiler::ErrorText::Text(t) => Some(t.clone()),
        _ => None,
    };
    PyErr(crate::builtins::exceptions::syntax_error(
        vm,
        e,
        filename,
        text.as_deref(),
    ))
}

/// Gives compile-time warnings as CPython does: through
/// `warnings.warn_explicit` once the warnings module is imported (where an
/// error filter turns one into the SyntaxError it stands for), else under the
/// default filters (SyntaxWarnings printed, DeprecationWarnings ignored).
fn issue_warnings(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    warnings: &[stitch_compiler::Warning],
) -> PyResult<()> {
    use stitch_compiler::WarningStage as S;
    if warnings.is_empty() {
        return Ok(());
    }
    let key = pystr::new(vm, "warnings");
    let Some(wmod) = dict::get_str(vm.modules, key).filter(|m| !m.is_none()) else {
        for w in warnings.iter().filter(|w| !w.past_error) {
            if w.category == stitch_compiler::WarningCategory::SyntaxWarning {
                print_warning(vm, filename, w);
            }
        }
        return Ok(());
    };
    // A string's warning made an error stops the parser; the tokenizer still
    // reads the rest of the source, giving its own warnings (one made an error
    // is reported instead).
    let mut parse_stopped: Option<&stitch_compiler::Warning> = None;
    for w in warnings {
        let given = match parse_stopped {
            None => !w.past_error,
            Some(_) => w.stage == S::Tokenizer,
        };
        if !given {
            continue;
        }
        if !warn_explicit(vm, wmod, filename, w)? {
            continue;
        }
        if w.stage == S::Parser && parse_stopped.is_none() {
            parse_stopped = Some(w);
            continue;
        }
        return Err(compile_error(vm, &w.error, source, filename));
    }
    match parse_stopped {
        Some(w) => Err(compile_error(vm, &w.error, source, filename)),
        None => Ok(()),
    }
}

/// Gives one compile-time warning through `warnings.warn_explicit`: true when
/// the filters made it an error (its exception is dropped for a SyntaxError).
fn warn_explicit(
    vm: &mut Vm,
    wmod: Value,
    filename: &str,
    w: &stitch_compiler::Warning,
) -> PyResult<bool> {
    use stitch_compiler::WarningCategory as C;
    let cat = match w.category {
        C::SyntaxWarning => vm.exc.syntax_warning,
        C::DeprecationWarning => vm.exc.deprecation_warning,
    };
    let f = vm.getattr_str(wmod, "warn_explicit")?;
    let msg = pystr::new(vm, &w.msg);
    let fname = pystr::new(vm, filename);
    let lineno = Value::small(w.lineno as i64);
    match vm.call(f, &[msg, cat, fname, lineno]) {
        Ok(_) => Ok(false),
        Err(err) if vm.is_instance_of(err.0, cat) => Ok(true),
        Err(err) => Err(err),
    }
}

/// Prints a compile-time warning the way the warnings module shows it.
fn print_warning(vm: &mut Vm, filename: &str, w: &stitch_compiler::Warning) {
    crate::modules::io::flush_stdout(vm);
    let lines = crate::vm::traceback::source_lines(vm, filename);
    let mut out = format!("{filename}:{}: SyntaxWarning: {}\n", w.lineno, w.msg);
    if let Some(l) = lines
        .as_ref()
        .and_then(|ls| ls.get((w.lineno as usize).wrapping_sub(1)))
    {
        let t = l.trim();
        if !t.is_empty() {
            out.push_str(&format!("  {t}\n"));
        }
    }
    let stderr = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
    if crate::builtins::functions::write_to(vm, stderr, &out).is_err() {
        eprint!("{out}");
    }
}

/// Runs `path` as `__main__` with `argv`; returns the exit status.
pub fn run_path(vm: &mut Vm, path: &str, argv: &[String]) -> i32 {
    crate::modules::sys::set_argv(vm, argv);
    let abs = std::fs::canonicalize(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| {
            // A missing file is still named by its absolute path.
            std::env::current_dir()
                .map(|d| d.join(path).display().to_string())
                .unwrap_or_else(|_| path.to_string())
        });
    let dir = std::path::Path::new(&abs)
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    set_path(vm, &dir);
    let r = (|| {
        let source = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let exe = std::env::args().next().unwrap_or_else(|| "stitch".into());
                eprintln!(
                    "{exe}: can't open file '{abs}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(2),
                    crate::run::strerror(e.raw_os_error().unwrap_or(2))
                );
                return Ok(Some(2));
            }
        };
        let text = decode_source(vm, &source, &abs)?;
        let code = compile_source(vm, &text, &abs, stitch_compiler::Mode::Module, true)?;
        let m = main_module(vm);
        let f = pystr::new(vm, &abs);
        module::set(vm, m, "__file__", f);
        let g = module::dict_of(m);
        crate::vm::call::run_code(vm, code, g, g)?;
        Ok(None)
    })();
    finish(vm, r)
}

/// Runs `-c` code; returns the exit status.
pub fn run_command(vm: &mut Vm, code: &str, argv: &[String]) -> i32 {
    crate::modules::sys::set_argv(vm, argv);
    set_path(vm, "");
    let r = (|| {
        let c = compile(vm, code, "<string>", stitch_compiler::Mode::Module)?;
        let m = main_module(vm);
        let g = module::dict_of(m);
        crate::vm::call::run_code(vm, c, g, g)?;
        Ok(None)
    })();
    finish(vm, r)
}

fn set_path(vm: &mut Vm, first: &str) {
    let mut entries = vec![first.to_string()];
    if let Some(lib) = crate::stdlib::location() {
        entries.push(lib);
    }
    let mut vals = crate::gc::Rooted::new();
    for e in entries {
        let s = pystr::new(vm, &e);
        vals.push(s);
    }
    let l = list::new(vm, &vals);
    module::set(vm, vm.sys, "path", l);
}

fn main_module(vm: &mut Vm) -> Value {
    let m = module::new(vm, "__main__");
    let b = vm.builtins;
    module::set(vm, m, "__builtins__", b);
    let k = pystr::intern(vm, "__main__");
    dict::set_str(vm.modules, k, m);
    m
}

/// The message of an errno.
pub fn strerror(errno: i32) -> String {
    std::io::Error::from_raw_os_error(errno)
        .to_string()
        .split(" (os error")
        .next()
        .unwrap_or("")
        .to_string()
}

/// Turns the program's outcome into an exit status, printing an uncaught exception.
fn finish(vm: &mut Vm, r: PyResult<Option<i32>>) -> i32 {
    let mut interrupted = false;
    let status = match r {
        Ok(Some(code)) => code,
        Ok(None) => 0,
        Err(e) => {
            interrupted = vm.is_instance_of(e.0, vm.exc.keyboard_interrupt);
            handle_uncaught(vm, e.0)
        }
    };
    crate::modules::atexit::run_exitfuncs(vm);
    crate::gc::finalize::at_exit(vm);
    crate::modules::io::flush_stdout(vm);
    if let Some(stats) = vm.stats.as_ref() {
        eprint!("{}", stats.report());
    }
    vm.jit.print_stats();
    if interrupted {
        // As CPython: an uncaught KeyboardInterrupt ends the process by SIGINT.
        // SAFETY: restoring the default action and signalling ourselves.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::kill(libc::getpid(), libc::SIGINT);
        }
    }
    status
}

/// Prints an uncaught exception (or handles SystemExit); returns the exit status.
pub fn handle_uncaught(vm: &mut Vm, exc: Value) -> i32 {
    vm.exc_info = Value::NULL;
    if vm.is_instance_of(exc, vm.exc.system_exit) {
        let code = exception::get_attr(vm, exc, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if int::is_int(code) {
            return match int::to_i64(code) {
                Some(c) if i32::try_from(c).is_ok() => c as i32,
                _ => -1,
            };
        }
        crate::modules::io::flush_stdout(vm);
        let text = vm.str_string(code).unwrap_or_default();
        let stderr = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
        let _ = crate::builtins::functions::write_to(vm, stderr, &format!("{text}\n"));
        return 1;
    }
    crate::modules::io::flush_stdout(vm);
    let hook = module::get(vm, vm.sys, "excepthook");
    let ty = vm.type_of(exc);
    let tb = crate::object::exception::obj(exc)
        .map(|o| o.traceback)
        .unwrap_or(Value::NONE);
    let printed = match hook {
        Some(h) if !h.is_kind(Kind::Builtin) => vm.call(h, &[ty, exc, tb]).is_ok(),
        _ => false,
    };
    if !printed {
        let text = crate::vm::traceback::format_exception(vm, exc);
        eprint!("{text}");
    }
    1
}
