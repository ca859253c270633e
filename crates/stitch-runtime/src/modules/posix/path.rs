//! Path and file-descriptor arguments of the `posix` functions (str, bytes,
//! `os.PathLike` or int, with CPython's messages), `os.fspath`, and raising
//! `OSError` subclasses from an errno with `errno`, `strerror` and `filename`.

use std::ffi::{CStr, CString};

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{bytes, int, str as pystr};
use crate::vm::{PyErr, PyResult, Vm};

/// A converted path argument.
pub struct Path {
    /// The str or bytes the path was given as (after `__fspath__`), or the int fd;
    /// `None` when the argument was omitted or None.
    pub obj: Value,
    /// The path was bytes: results are bytes too.
    pub is_bytes: bool,
    /// The path as a C string (for a path, not a descriptor).
    pub c: Option<CString>,
    /// The descriptor, when an int was given.
    pub fd: Option<i32>,
}

impl Path {
    /// The C pointer of the path (empty string when there is none).
    pub fn ptr(&self) -> *const libc::c_char {
        match &self.c {
            Some(c) => c.as_ptr(),
            None => c"".as_ptr(),
        }
    }
    /// The path as Rust text (lossy for invalid UTF-8 bytes).
    pub fn text(&self) -> String {
        match &self.c {
            Some(c) => String::from_utf8_lossy(c.to_bytes()).into_owned(),
            None => String::new(),
        }
    }
    /// The path bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.c {
            Some(c) => c.to_bytes(),
            None => b"",
        }
    }
}

/// What a path argument may also be.
#[derive(Clone, Copy)]
pub struct Allow {
    pub fd: bool,
    pub none: bool,
}

pub const PATH: Allow = Allow {
    fd: false,
    none: false,
};
pub const PATH_FD: Allow = Allow {
    fd: true,
    none: false,
};

fn kinds(allow: Allow) -> &'static str {
    match (allow.fd, allow.none) {
        (false, false) => "string, bytes or os.PathLike",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (true, true) => "string, bytes, os.PathLike, integer or None",
    }
}

/// `os.fspath(v)` without the type error: `Ok(None)` when `v` is not path-like.
pub fn fspath_opt(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if pystr::text_of(v).is_some() || bytes::native(v).is_some() {
        return Ok(Some(v));
    }
    let name = pystr::intern(vm, "__fspath__");
    let Some(f) = vm.lookup_special(v, name) else {
        return Ok(None);
    };
    let r = vm.call(f, &[v])?;
    if pystr::text_of(r).is_some() || bytes::native(r).is_some() {
        return Ok(Some(r));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "expected {tn}.__fspath__() to return str or bytes, not {}",
        vm.type_name(r)
    )))
}

/// `os.fspath(v)`.
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match fspath_opt(vm, v)? {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(v)
        ))),
    }
}

/// A descriptor argument (`fd is greater than maximum` and friends).
pub fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    match int::to_i64(n) {
        Some(i) if i > i32::MAX as i64 => Err(vm.overflow_error("fd is greater than maximum")),
        Some(i) if i < i32::MIN as i64 => Err(vm.overflow_error("fd is less than minimum")),
        Some(i) => Ok(i as i32),
        None if int::signum(n) < 0 => Err(vm.overflow_error("fd is less than minimum")),
        None => Err(vm.overflow_error("fd is greater than maximum")),
    }
}

/// Converts argument `arg` of function `func`.
pub fn path_arg(vm: &mut Vm, func: &str, arg: &str, v: Value, allow: Allow) -> PyResult<Path> {
    if v.is_null() || (v.is_none() && allow.none) {
        return Ok(Path {
            obj: Value::NONE,
            is_bytes: false,
            c: None,
            fd: None,
        });
    }
    if allow.fd
        && !v.is_kind(Kind::Str)
        && !v.is_kind(Kind::Bytes)
        && (v.is_small_int() || v.is_bool() || int::is_int(v))
    {
        let fd = fd_arg(vm, v)?;
        return Ok(Path {
            obj: v,
            is_bytes: false,
            c: None,
            fd: Some(fd),
        });
    }
    let p = match fspath_opt(vm, v)? {
        Some(p) => p,
        None => {
            return Err(vm.type_error(format!(
                "{func}: {arg} should be {}, not {}",
                kinds(allow),
                vm.type_name(v)
            )));
        }
    };
    let (raw, is_bytes): (Vec<u8>, bool) = match pystr::text_of(p) {
        Some(s) => (s.as_bytes().to_vec(), false),
        None => (
            bytes::native(p).map(bytes::data).unwrap_or(&[]).to_vec(),
            true,
        ),
    };
    let c = match CString::new(raw) {
        Ok(c) => c,
        Err(_) => return Err(vm.value_error("embedded null byte")),
    };
    Ok(Path {
        obj: p,
        is_bytes,
        c: Some(c),
        fd: None,
    })
}

/// The current `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `os.strerror(code)`.
pub fn strerror(code: i32) -> String {
    // SAFETY: strerror returns a valid C string.
    unsafe { CStr::from_ptr(libc::strerror(code)) }
        .to_string_lossy()
        .into_owned()
}

/// The `OSError` subclass CPython raises for an errno.
pub fn error_type(vm: &Vm, code: i32) -> Value {
    let e = &vm.exc;
    match code {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.blocking_io_error,
        libc::ECHILD => e.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => e.broken_pipe_error,
        libc::ECONNABORTED => e.connection_aborted_error,
        libc::ECONNREFUSED => e.connection_refused_error,
        libc::ECONNRESET => e.connection_reset_error,
        libc::EEXIST => e.file_exists_error,
        libc::ENOENT => e.file_not_found_error,
        libc::EISDIR => e.is_a_directory_error,
        libc::ENOTDIR => e.not_a_directory_error,
        libc::EINTR => e.interrupted_error,
        libc::EACCES | libc::EPERM => e.permission_error,
        libc::ESRCH => e.process_lookup_error,
        libc::ETIMEDOUT => e.timeout_error,
        _ => e.os_error,
    }
}

/// `OSError(code, strerror(code), filename, None, filename2)` as the right subclass
/// (NULL filenames are left out).
pub fn os_error_with(vm: &mut Vm, code: i32, filename: Value, filename2: Value) -> PyErr {
    let ty = error_type(vm, code);
    let msg = strerror(code);
    let s = pystr::new(vm, &msg);
    let mut args = vec![Value::small(code as i64), s];
    if !filename.is_null() {
        args.push(filename);
        if !filename2.is_null() {
            args.push(Value::NONE);
            args.push(filename2);
        }
    }
    match vm.call(ty, &args) {
        Ok(e) => {
            vm.set_context(e);
            PyErr(e)
        }
        Err(e) => e,
    }
}

/// `OSError` for errno `code` without a filename.
pub fn os_error(vm: &mut Vm, code: i32) -> PyErr {
    os_error_with(vm, code, Value::NULL, Value::NULL)
}

/// `OSError` for the current errno, naming the path (or fd) argument.
pub fn path_error(vm: &mut Vm, p: &Path) -> PyErr {
    let code = errno();
    os_error_with(vm, code, p.obj, Value::NULL)
}

/// `OSError` for the current errno.
pub fn last_error(vm: &mut Vm) -> PyErr {
    let code = errno();
    os_error(vm, code)
}

/// A result path in the type of the argument (bytes in, bytes out).
pub fn path_result(vm: &mut Vm, b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        bytes::new(vm, b)
    } else {
        let s = String::from_utf8_lossy(b);
        pystr::new(vm, &s)
    }
}
