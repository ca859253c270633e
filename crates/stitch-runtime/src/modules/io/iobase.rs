//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase`: ordinary classes (their Python subclasses are plain instances)
//! whose methods work on any object through its other methods, as CPython's do;
//! and `UnsupportedOperation`.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::builtins::{add_getsets, add_methods, args};
use crate::object::{bytearray, bytes, dict, int, list, slice, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The `io.UnsupportedOperation` type.
pub fn unsupported_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get("io.UnsupportedOperation") {
        return *t;
    }
    let name = pystr::new(vm, "UnsupportedOperation");
    let (oe, ve) = (vm.exc.os_error, vm.exc.value_error);
    let bases = tuple::new(vm, &[oe, ve]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, "io");
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[name, bases, ns]).unwrap_or(oe);
    vm.registry.insert("io.UnsupportedOperation", t);
    t
}

/// Raises `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = unsupported_type(vm);
    let s = pystr::new(vm, msg);
    match vm.call(t, &[s]) {
        Ok(e) => {
            vm.set_context(e);
            PyErr(e)
        }
        Err(e) => e,
    }
}

/// `ValueError("I/O operation on closed file.")`.
pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `obj.closed` as a bool.
pub fn is_closed(vm: &mut Vm, obj: Value) -> PyResult<bool> {
    let c = vm.getattr_str(obj, "closed")?;
    vm.truth(c)
}

/// Raises ValueError when `obj.closed`.
pub fn check_closed(vm: &mut Vm, obj: Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        Err(closed_error(vm))
    } else {
        Ok(())
    }
}

/// A size argument: None or an int (`argument should be integer or None, not 'float'`).
pub fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_null() || v.is_none() => Ok(-1),
        Some(v) => {
            if !int::is_int(v) && !v.is_bool() && vm.lookup_special(v, vm.names.index).is_none() {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(v)
                )));
            }
            let n = vm.index(v)?;
            Ok(int::to_i64_clamped(n))
        }
    }
}

fn make_base(vm: &mut Vm, name: &str, bases: &[Value]) -> Value {
    let n = pystr::new(vm, name);
    let b = tuple::new(vm, bases);
    let ns = dict::new(vm);
    let m = pystr::new(vm, "_io");
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[n, b, ns]).unwrap_or(vm.types.object);
    crate::modules::util::set_c_name(t, "_io", name);
    t
}

/// Creates the four abstract bases (registered as `_io._IOBase`...).
pub fn init(vm: &mut Vm) {
    let object = vm.types.object;
    let iobase = make_base(vm, "_IOBase", &[object]);
    add_methods(
        vm,
        iobase,
        &[
            ("seek", iobase_seek),
            ("tell", iobase_tell),
            ("truncate", iobase_truncate),
            ("flush", iobase_flush),
            ("close", iobase_close),
            ("seekable", false_fn),
            ("readable", false_fn),
            ("writable", false_fn),
            ("_checkClosed", check_closed_m),
            ("_checkSeekable", check_seekable_m),
            ("_checkReadable", check_readable_m),
            ("_checkWritable", check_writable_m),
            ("fileno", iobase_fileno),
            ("isatty", iobase_isatty),
            ("__enter__", iobase_enter),
            ("__exit__", iobase_exit),
            ("__iter__", iobase_iter),
            ("__next__", iobase_next),
            ("readline", iobase_readline),
            ("readlines", iobase_readlines),
            ("writelines", iobase_writelines),
        ],
    );
    add_getsets(vm, iobase, &[("closed", iobase_closed, None)]);
    vm.registry.insert("_io._IOBase", iobase);
    let raw = make_base(vm, "_RawIOBase", &[iobase]);
    add_methods(vm, raw, &[("read", raw_read), ("readall", raw_readall)]);
    vm.registry.insert("_io._RawIOBase", raw);
    let buffered = make_base(vm, "_BufferedIOBase", &[iobase]);
    add_methods(
        vm,
        buffered,
        &[
            ("detach", buf_detach),
            ("read", buf_read),
            ("read1", buf_read1),
            ("write", buf_write),
            ("readinto", buf_readinto),
            ("readinto1", buf_readinto1),
        ],
    );
    vm.registry.insert("_io._BufferedIOBase", buffered);
    let text = make_base(vm, "_TextIOBase", &[iobase]);
    add_methods(
        vm,
        text,
        &[
            ("detach", buf_detach),
            ("read", text_read),
            ("readline", text_readline),
            ("write", buf_write),
        ],
    );
    add_getsets(
        vm,
        text,
        &[
            ("encoding", none_get, None),
            ("newlines", none_get, None),
            ("errors", none_get, None),
        ],
    );
    vm.registry.insert("_io._TextIOBase", text);
}

fn none_get(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn closed_attr(vm: &mut Vm) -> Value {
    pystr::intern(vm, "__IOBase_closed")
}

fn iobase_closed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = closed_attr(vm);
    Ok(match vm.instance_attr(v, n)? {
        Some(x) => Value::from_bool(vm.truth(x)?),
        None => Value::FALSE,
    })
}

fn iobase_seek(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn iobase_tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.call_method(a.pos[0], "seek", &[Value::small(0), Value::small(1)])
}

fn iobase_truncate(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn iobase_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, a.pos[0])?;
    Ok(Value::NONE)
}

fn iobase_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.pos[0];
    if is_closed(vm, s)? {
        return Ok(Value::NONE);
    }
    let r = vm.call_method(s, "flush", &[]);
    let n = closed_attr(vm);
    vm.setattr(s, n, Value::TRUE)?;
    r.map(|_| Value::NONE)
}

fn false_fn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn check_closed_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, a.pos[0])?;
    Ok(Value::NONE)
}

fn check_with(vm: &mut Vm, a: &Args, method: &str, default: &str) -> PyResult<Value> {
    let r = vm.call_method(a.pos[0], method, &[])?;
    if r != Value::TRUE {
        let msg = match a.pos.get(1) {
            Some(m) if !m.is_none() => vm.str_string(*m)?,
            _ => default.to_string(),
        };
        return Err(unsupported(vm, &msg));
    }
    Ok(r)
}

fn check_seekable_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_with(vm, a, "seekable", "File or stream is not seekable.")
}

fn check_readable_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_with(vm, a, "readable", "File or stream is not readable.")
}

fn check_writable_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_with(vm, a, "writable", "File or stream is not writable.")
}

fn iobase_fileno(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn iobase_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, a.pos[0])?;
    Ok(Value::FALSE)
}

fn iobase_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, a.pos[0])?;
    Ok(a.pos[0])
}

fn iobase_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.call_method(a.pos[0], "close", &[])
}

fn iobase_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, a.pos[0])?;
    Ok(a.pos[0])
}

fn iobase_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let line = vm.call_method(a.pos[0], "readline", &[])?;
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

/// Bytes of a `bytes` result, or CPython's OSError naming the method.
fn bytes_result(vm: &mut Vm, v: Value, method: &str) -> PyResult<Vec<u8>> {
    match bytes::native(v) {
        Some(b) => Ok(bytes::data(b).to_vec()),
        None => Err(vm.new_error(
            vm.exc.os_error,
            format!(
                "{method}() should have returned a bytes object, not '{}'",
                vm.type_name(v)
            ),
        )),
    }
}

fn iobase_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "readline", 1, 2)?;
    let s = a.pos[0];
    let limit = size_arg(vm, a.pos.get(1).copied())?;
    let peek_name = pystr::intern(vm, "peek");
    let has_peek = vm.getattr_opt(s, peek_name)?.is_some();
    let mut res: Vec<u8> = Vec::new();
    while limit < 0 || (res.len() as i64) < limit {
        let mut n = 1i64;
        if has_peek {
            let ahead = vm.call_method(s, "peek", &[Value::small(1)])?;
            let ahead = bytes_result(vm, ahead, "peek")?;
            if !ahead.is_empty() {
                let mut k = ahead
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(ahead.len(), |i| i + 1) as i64;
                if limit >= 0 {
                    k = k.min(limit - res.len() as i64);
                }
                n = k;
            }
        }
        let b = vm.call_method(s, "read", &[Value::small(n)])?;
        let b = bytes_result(vm, b, "read")?;
        if b.is_empty() {
            break;
        }
        res.extend_from_slice(&b);
        if res.ends_with(b"\n") {
            break;
        }
    }
    Ok(bytes::new(vm, &res))
}

fn iobase_readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "readlines", 1, 2)?;
    let s = a.pos[0];
    let hint = size_arg(vm, a.pos.get(1).copied())?;
    let out = list::new(vm, &[]);
    let it = vm.iter(s)?;
    let mut total = 0usize;
    while let Some(line) = vm.next(it)? {
        list::push(list::vec(out), line);
        if hint > 0 {
            total += vm.len(line)?;
            if total as i64 > hint {
                break;
            }
        }
    }
    Ok(out)
}

fn iobase_writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "writelines", 2, 2)?;
    let s = a.pos[0];
    check_closed(vm, s)?;
    let it = vm.iter(a.pos[1])?;
    while let Some(line) = vm.next(it)? {
        vm.call_method(s, "write", &[line])?;
    }
    Ok(Value::NONE)
}

fn raw_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "read", 1, 2)?;
    let s = a.pos[0];
    let n = size_arg(vm, a.pos.get(1).copied())?;
    if n < 0 {
        return vm.call_method(s, "readall", &[]);
    }
    let Some(zeros) = super::fileio::zeroed(n as usize) else {
        return Err(int::memory_error(vm));
    };
    let b = bytearray::new(vm, zeros);
    let r = vm.call_method(s, "readinto", &[b])?;
    if r.is_none() {
        return Ok(Value::NONE);
    }
    let k = vm.index(r)?;
    let k = int::to_i64_clamped(k).clamp(0, n) as usize;
    let data = bytearray::data(b);
    let k = k.min(data.len());
    let out = data[..k].to_vec();
    Ok(bytes::new(vm, &out))
}

fn raw_readall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.pos[0];
    let mut out: Vec<u8> = Vec::new();
    let mut any = false;
    loop {
        let d = vm.call_method(
            s,
            "read",
            &[Value::small(super::DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if d.is_none() {
            if !any {
                return Ok(Value::NONE);
            }
            break;
        }
        let d = bytes_result(vm, d, "read")?;
        if d.is_empty() {
            break;
        }
        any = true;
        out.extend_from_slice(&d);
    }
    Ok(bytes::new(vm, &out))
}

fn buf_detach(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn buf_read(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn buf_read1(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn buf_write(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn text_read(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn text_readline(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

/// Copies `data` to the start of the writable buffer `b`.
pub fn fill_buffer(vm: &mut Vm, b: Value, data: &[u8]) -> PyResult<()> {
    if let Some(ba) = bytearray::native(b)
        && let Some(v) = bytearray::vec_mut(ba)
    {
        let n = data.len().min(v.len());
        v[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if let Some(dst) = crate::modules::array::buffer::bytes_of(b)
        && data.len() <= dst.len()
        && crate::modules::array::buffer::writable_len(vm, b).is_ok()
    {
        return crate::modules::array::buffer::write(vm, b, 0, data);
    }
    let d = bytes::new(vm, data);
    let sl = slice::new(
        vm,
        Value::small(0),
        Value::small(data.len() as i64),
        Value::NONE,
    );
    vm.setitem(b, sl, d)
}

fn readinto_with(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    args::count(vm, a, method, 2, 2)?;
    let (s, b) = (a.pos[0], a.pos[1]);
    let n = vm.len(b)?;
    let name = if method == "readinto1" {
        "read1"
    } else {
        "read"
    };
    let d = vm.call_method(s, name, &[Value::small(n as i64)])?;
    let d = match bytes::native(d) {
        Some(x) => bytes::data(x).to_vec(),
        None => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(d)
            )));
        }
    };
    if d.len() > n {
        return Err(vm.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            d.len()
        )));
    }
    fill_buffer(vm, b, &d)?;
    Ok(Value::small(d.len() as i64))
}

fn buf_readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_with(vm, a, "readinto")
}

fn buf_readinto1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_with(vm, a, "readinto1")
}

/// True for values of `Kind::Native` (exact native io objects).
pub fn is_native(v: Value) -> bool {
    v.is_kind(Kind::Native)
}
