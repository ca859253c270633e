//! The `_io` module: its types (abstract bases in `io/iobase.rs`, `FileIO`, the
//! buffered streams, `TextIOWrapper`, `StringIO`, `BytesIO`,
//! `IncrementalNewlineDecoder`), `open()` (also the builtin), and the standard
//! streams: `TextIOWrapper`s over `BufferedWriter`/`BufferedReader` over
//! `FileIO(0..2)`. `print` writes to a native stream without a method call
//! ([`native_stream`]); stdout is block-buffered unless it is a terminal, stderr
//! line-buffered; everything pending is written at exit.

pub mod buffered;
pub mod buffered_methods;
pub mod bytesio;
pub mod codec;
pub mod fileio;
pub mod iobase;
pub mod newline;
pub mod stringio;
pub mod textio;
pub mod textio_methods;
pub mod textio_seek;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::builtins::args::{self, Sig};
use crate::object::native::{self};
use crate::object::types::{self, flags};
use crate::object::{dict, function::new_builtin, int, module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub use textio::TextIO;

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Buffer size of stdout when it is not a terminal (bench programs print a lot).
const STDOUT_BUFFER: usize = 64 * 1024;

/// A native `_io` type `name` deriving from `base`.
pub fn io_type(vm: &mut Vm, name: &'static str, base: Value) -> Value {
    let t = types::alloc_type(vm, vm.types.type_, name, Kind::Native, flags::BASETYPE);
    let _ = types::set_bases(vm, t, vec![base]);
    types::ty(t).native_base = t;
    let m = pystr::intern(vm, "_io");
    dict::set_str(types::ty(t).dict, vm.names.module, m);
    dict::set_str(types::ty(t).dict, vm.names.doc, Value::NONE);
    let key: &'static str = Box::leak(format!("_io.{name}").into_boxed_str());
    vm.registry.insert(key, t);
    crate::modules::util::set_c_name(t, "_io", name);
    t
}

/// The type name CPython shows in reprs (`_io.FileIO`, or a subclass's name).
pub fn qualified_type_name(vm: &mut Vm, v: Value) -> String {
    vm.type_name(v).to_string()
}

/// `repr(x)` for a repr of `owner` (CPython refuses reentrant reprs).
pub fn repr_guarded(vm: &mut Vm, owner: Value, x: Value) -> PyResult<String> {
    if vm.repr_guard.contains(&owner) {
        let tn = qualified_type_name(vm, owner);
        return Err(vm.runtime_error(format!("reentrant call inside {tn}.__repr__")));
    }
    vm.repr_guard.push(owner);
    let r = vm.repr_string(x);
    vm.repr_guard.retain(|v| *v != owner);
    r
}

/// `__getstate__` of the file types: they cannot be pickled.
pub fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tn = qualified_type_name(vm, a.pos[0]);
    Err(vm.type_error(format!("cannot pickle '{tn}' object")))
}

/// Creates the `_io` types (once) and makes `open` the builtin.
pub fn init(vm: &mut Vm) {
    if vm.registry.contains_key("_io.TextIOWrapper") {
        return;
    }
    iobase::unsupported_type(vm);
    iobase::init(vm);
    fileio::init(vm);
    buffered_methods::init(vm);
    textio_methods::init(vm);
    stringio::init(vm);
    bytesio::init(vm);
    newline::init(vm);
    let m = module::new(vm, "io");
    vm.registry.insert("_io", m);
    let f = new_builtin(vm, "open", open, m, 0);
    vm.registry.insert("_io.open", f);
    let b = vm.builtins;
    module::set(vm, b, "open", f);
}

/// The `_io` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Value> {
    init(vm);
    let m = vm.registry["_io"];
    if module::get(vm, m, "FileIO").is_some() {
        return Ok(m);
    }
    for name in [
        "_IOBase",
        "_RawIOBase",
        "_BufferedIOBase",
        "_TextIOBase",
        "FileIO",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
        "BufferedRWPair",
        "TextIOWrapper",
        "StringIO",
        "BytesIO",
        "IncrementalNewlineDecoder",
    ] {
        let key: &'static str = Box::leak(format!("_io.{name}").into_boxed_str());
        let t = vm.registry[key];
        module::set(vm, m, name, t);
    }
    let f = vm.registry["_io.open"];
    module::set(vm, m, "open", f);
    crate::modules::util::add_fns(
        vm,
        m,
        &[("open_code", open_code), ("text_encoding", text_encoding)],
    );
    let u = iobase::unsupported_type(vm);
    module::set(vm, m, "UnsupportedOperation", u);
    let b = vm.exc.blocking_io_error;
    module::set(vm, m, "BlockingIOError", b);
    let n = int::from_i64(vm, DEFAULT_BUFFER_SIZE as i64);
    module::set(vm, m, "DEFAULT_BUFFER_SIZE", n);
    Ok(m)
}

fn opt_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match pystr::text_of(v) {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(vm.type_error(format!(
            "open() argument '{what}' must be str or None, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = Sig::new(
        "open",
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    );
    let [
        file,
        mode,
        buffering,
        encoding,
        errors,
        newline,
        closefd,
        opener,
    ] = args::parse::<8>(vm, a, &sig)?;
    let mode_s = if mode.is_null() {
        "r".to_string()
    } else {
        match pystr::text_of(mode) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(mode)
                )));
            }
        }
    };
    let mut buffering = if buffering.is_null() {
        -1
    } else {
        if buffering.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = vm.index(buffering)?;
        int::to_i64_clamped(n)
    };
    let encoding = opt_str(vm, encoding, "encoding")?;
    let errors = opt_str(vm, errors, "errors")?;
    let newline = opt_str(vm, newline, "newline")?;
    let closefd = if closefd.is_null() {
        true
    } else {
        vm.truth(closefd)?
    };
    let is_number = file.is_float() || int::is_int(file) || file.is_bool();
    let path_or_fd = if is_number {
        file
    } else {
        crate::modules::posix::path::fspath(vm, file)?
    };
    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) =
        (false, false, false, false, false, false, false);
    for (i, c) in mode_s.char_indices() {
        let flag = match c {
            'x' => &mut creating,
            'r' => &mut reading,
            'w' => &mut writing,
            'a' => &mut appending,
            '+' => &mut updating,
            't' => &mut text,
            'b' => &mut binary,
            _ => return Err(vm.value_error(format!("invalid mode: '{mode_s}'"))),
        };
        *flag = true;
        if mode_s[i + c.len_utf8()..].contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode_s}'")));
        }
    }
    let mut rawmode = String::new();
    for (on, ch) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if on {
            rawmode.push(ch);
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if !binary
        && let Some(n) = &newline
        && !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(vm.value_error(format!("illegal newline value: {n}")));
    }
    if let Some(p) = pystr::text_of(path_or_fd)
        .map(|s| s.as_bytes().to_vec())
        .or_else(|| {
            crate::object::bytes::native(path_or_fd).map(|b| crate::object::bytes::data(b).to_vec())
        })
        && let Ok(c) = std::ffi::CString::new(p)
    {
        settle_unclosed(&c);
    }
    let fio = vm.registry["_io.FileIO"];
    let rm = pystr::new(vm, &rawmode);
    let opener = if opener.is_null() {
        Value::NONE
    } else {
        opener
    };
    let raw = vm.call(fio, &[path_or_fd, rm, Value::from_bool(closefd), opener])?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        let isatty = if buffering < 0 {
            let r = vm.call_method(raw, "isatty", &[])?;
            vm.truth(r)?
        } else {
            false
        };
        if buffering == 1 || isatty {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let b = vm.getattr_str(raw, "_blksize")?;
            let b = vm.index(b)?;
            buffering = int::to_i64_clamped(b);
        }
        if buffering < 0 {
            return Err(vm.value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !binary {
                return Err(vm.value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw);
        }
        let key = if updating {
            "_io.BufferedRandom"
        } else if creating || writing || appending {
            "_io.BufferedWriter"
        } else if reading {
            "_io.BufferedReader"
        } else {
            return Err(vm.value_error(format!("unknown mode: '{mode_s}'")));
        };
        let bt = vm.registry[key];
        let buffer = vm.call(bt, &[raw, Value::small(buffering)])?;
        if binary {
            return Ok(buffer);
        }
        let tt = vm.registry["_io.TextIOWrapper"];
        let enc = encoding
            .as_deref()
            .map(|e| pystr::new(vm, e))
            .unwrap_or(Value::NONE);
        let err = errors
            .as_deref()
            .map(|e| pystr::new(vm, e))
            .unwrap_or(Value::NONE);
        let nl = newline
            .as_deref()
            .map(|e| pystr::new(vm, e))
            .unwrap_or(Value::NONE);
        let w = vm.call(
            tt,
            &[buffer, enc, err, nl, Value::from_bool(line_buffering)],
        )?;
        let m = pystr::new(vm, &mode_s);
        match native::downcast::<TextIO>(w) {
            Some(t) => t.mode.set(m),
            None => {
                let k = pystr::intern(vm, "mode");
                vm.setattr(w, k, m)?;
            }
        }
        Ok(w)
    })();
    if result.is_err() {
        let saved = vm.exc_info;
        let _ = vm.call_method(raw, "close", &[]);
        vm.exc_info = saved;
    }
    result
}

/// `_io.open_code(path)`.
fn open_code(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("open_code", &["path"], 1))?;
    if pystr::text_of(p).is_none() {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(p)
        )));
    }
    let m = pystr::new(vm, "rb");
    open(vm, &Args::new(&[p, m]))
}

/// `_io.text_encoding(encoding, stacklevel=2)`.
fn text_encoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [e, _level] = args::parse::<2>(
        vm,
        a,
        &Sig::positional("text_encoding", &["encoding", "stacklevel"], 1),
    )?;
    if e.is_none() {
        return Ok(pystr::new(vm, "locale"));
    }
    Ok(e)
}

/// Before a file is opened or stat'ed by path: writes the pending output of the
/// program's unclosed writers of that same file. CPython's reference counting
/// closes (and so writes) a file object as soon as it is dropped, so that
/// `open(p, "w").write(s)` followed by `open(p).read()` sees `s`; a tracing
/// collector frees it later. Writers the program still holds are written early
/// too: the one difference with CPython.
pub fn settle_unclosed(path: &std::ffi::CStr) {
    if !buffered::any_dirty() {
        return;
    }
    // SAFETY: an all-zero stat is a valid out-buffer; path is a C string.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::stat(path.as_ptr(), &mut st) } == 0 {
        buffered::flush_writers_of(st.st_dev, st.st_ino);
    }
}

/// The bytes of a buffer-protocol object other than bytes and bytearray
/// (arrays, contiguous memoryviews).
pub fn buffer_bytes(_vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    Ok(crate::modules::array::buffer::bytes_of(v).map(|b| b.to_vec()))
}

// ---- the standard streams ----

/// How a standard stream is set up (CPython's `create_stdio`).
struct StdSpec {
    fd: i32,
    name: &'static str,
    write: bool,
    /// stderr: the text layer writes straight to the raw file.
    unbuffered: bool,
    errors: &'static str,
    line_buffering: bool,
    write_through: bool,
}

fn std_stream(vm: &mut Vm, s: &StdSpec) -> PyResult<Value> {
    let fio_ty = vm.registry["_io.FileIO"];
    let f = fileio::empty();
    f.st.fd.set(s.fd);
    f.st.closefd.set(false);
    f.readable.set(!s.write);
    f.writable.set(s.write);
    let n = pystr::new(vm, s.name);
    f.name.set(n);
    let raw = native::new(vm, fio_ty, Box::new(f));
    let buf = if s.unbuffered {
        raw
    } else {
        let kind = if s.write {
            buffered::BKind::Writer
        } else {
            buffered::BKind::Reader
        };
        let key = if s.write {
            "_io.BufferedWriter"
        } else {
            "_io.BufferedReader"
        };
        let bty = vm.registry[key];
        let b = buffered::new_empty(kind);
        let size = if s.fd == 1 && !s.line_buffering {
            STDOUT_BUFFER
        } else {
            DEFAULT_BUFFER_SIZE
        };
        b.setup(raw, size);
        native::new(vm, bty, Box::new(b))
    };
    let tty = vm.registry["_io.TextIOWrapper"];
    let t = native::new(vm, tty, Box::new(textio::empty()));
    let Some(tio) = native::downcast::<TextIO>(t) else {
        return Ok(Value::NONE);
    };
    let (enc, err) = io_encoding(s.errors);
    textio_methods::setup(
        vm,
        tio,
        buf,
        Some(enc),
        Some(err),
        Some("\n".to_string()),
        s.line_buffering,
        s.write_through,
    )?;
    let m = pystr::new(vm, if s.write { "w" } else { "r" });
    tio.mode.set(m);
    Ok(t)
}

/// The encoding and error handler from `PYTHONIOENCODING` (`utf-8` by default).
fn io_encoding(default_errors: &str) -> (String, String) {
    let env = std::env::var("PYTHONIOENCODING").unwrap_or_default();
    let (e, r) = match env.split_once(':') {
        Some((e, r)) => (e.to_string(), r.to_string()),
        None => (env.clone(), String::new()),
    };
    let enc = if e.is_empty() { "utf-8".to_string() } else { e };
    let err = if r.is_empty() {
        default_errors.to_string()
    } else {
        r
    };
    (enc, err)
}

/// Creates the three standard streams, as CPython does: stdin buffered; stdout
/// block-buffered (line-buffered on a terminal); stderr line-buffered; with
/// `PYTHONUNBUFFERED`, stdout and stderr write through to their files.
pub fn std_streams(vm: &mut Vm) -> [Value; 3] {
    init(vm);
    let tty = |fd: i32| unsafe { libc::isatty(fd) } == 1;
    let unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    let specs = [
        StdSpec {
            fd: 0,
            name: "<stdin>",
            write: false,
            unbuffered: false,
            errors: "strict",
            line_buffering: false,
            write_through: unbuffered,
        },
        StdSpec {
            fd: 1,
            name: "<stdout>",
            write: true,
            unbuffered,
            errors: "strict",
            line_buffering: !unbuffered && tty(1),
            write_through: unbuffered,
        },
        StdSpec {
            fd: 2,
            name: "<stderr>",
            write: true,
            unbuffered,
            errors: "backslashreplace",
            line_buffering: !unbuffered,
            write_through: unbuffered,
        },
    ];
    let mut out = [Value::NONE; 3];
    for (i, s) in specs.iter().enumerate() {
        out[i] = std_stream(vm, s).unwrap_or(Value::NONE);
    }
    out
}

/// The native text stream behind `v` (an exact `TextIOWrapper`), for `print`.
pub fn native_stream(v: Value) -> Option<&'static TextIO> {
    let t = native::downcast::<TextIO>(v)?;
    if t.state.get() == 1 { Some(t) } else { None }
}

/// Writes pending output of the standard streams (before tracebacks and at exit)
/// and of every other buffered file.
pub fn flush_stdout(vm: &mut Vm) {
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        if let Some(s) = module::get(vm, vm.sys, name) {
            if let Some(t) = native_stream(s) {
                let _ = t.flush_pending(vm);
                if let Some(b) = t.fast() {
                    let _ = b.flush_writes(vm);
                }
            } else if !s.is_none() {
                let saved = vm.exc_info;
                let _ = vm.call_method(s, "flush", &[]);
                vm.exc_info = saved;
            }
        }
    }
    buffered::flush_all_at_exit();
}
