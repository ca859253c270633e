//! `_io.BytesIO`: an in-memory binary stream (`getbuffer` gives a copy when the
//! runtime has no `memoryview`).

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::fileio::offset_arg;
use super::iobase::{self, size_arg};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::modules::util::{new_for_class, payload, this};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytearray, bytes, int, list, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub struct BytesIO {
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl NativeData for BytesIO {
    native_any!();
}

pub fn init(vm: &mut Vm) -> Value {
    let base = vm.registry["_io._BufferedIOBase"];
    let t = super::io_type(vm, "BytesIO", base);
    add_static(vm, t, &[("__new__", bio_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", bio_init),
            ("getvalue", getvalue),
            ("getbuffer", getbuffer),
            ("read", read),
            ("read1", read),
            ("readline", readline),
            ("readlines", readlines),
            ("readinto", readinto),
            ("readinto1", readinto),
            ("write", write),
            ("writelines", writelines),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("readable", readable),
            ("writable", readable),
            ("seekable", readable),
            ("isatty", isatty),
            ("flush", flush),
            ("__next__", next),
            ("__iter__", iter_self),
            ("__getstate__", getstate),
            ("__setstate__", setstate),
        ],
    );
    add_getsets(vm, t, &[("closed", closed_get, None)]);
    t
}

fn bio_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.BytesIO"];
    let b = BytesIO {
        buf: RefCell::new(Vec::new()),
        pos: Cell::new(0),
        closed: Cell::new(false),
    };
    Ok(new_for_class(vm, cls, base, Box::new(b)))
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a BytesIO> {
    this::<BytesIO>(vm, a, "_io.BytesIO", m)
}

fn check(vm: &mut Vm, b: &BytesIO) -> PyResult<()> {
    if b.closed.get() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn open<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a BytesIO> {
    let b = me(vm, a, m)?;
    check(vm, b)?;
    Ok(b)
}

impl BytesIO {
    fn write_bytes(&self, data: &[u8]) {
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, 0);
        }
        let end = pos + data.len();
        let overlap = end.min(buf.len());
        buf.splice(pos..overlap, data.iter().copied());
        self.pos.set(end);
    }

    fn read_n(&self, n: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get();
        if pos >= buf.len() {
            return Vec::new();
        }
        let end = if n < 0 {
            buf.len()
        } else {
            (pos + n as usize).min(buf.len())
        };
        self.pos.set(end);
        buf[pos..end].to_vec()
    }

    fn read_line(&self, limit: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get();
        if pos >= buf.len() {
            return Vec::new();
        }
        let rest = &buf[pos..];
        let mut n = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |i| i + 1);
        if limit >= 0 && n > limit as usize {
            n = limit as usize;
        }
        self.pos.set(pos + n);
        rest[..n].to_vec()
    }
}

fn bio_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "__init__")?;
    let [init] = args::parse::<1>(vm, &a.tail(), &Sig::new("BytesIO", &["initial_bytes"], 0))?;
    let data = if init.is_null() || init.is_none() {
        Vec::new()
    } else {
        crate::modules::posix::fd::buffer_arg(vm, init, "")?
    };
    *b.buf.borrow_mut() = data;
    b.pos.set(0);
    b.closed.set(false);
    Ok(Value::NONE)
}

fn getvalue(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = open(vm, a, "getvalue")?;
    let d = b.buf.borrow().clone();
    Ok(bytes::new(vm, &d))
}

fn getbuffer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = open(vm, a, "getbuffer")?;
    let d = b.buf.borrow().clone();
    let k = pystr::intern(vm, "memoryview");
    let copy = bytearray::new(vm, d);
    match crate::object::dict::get_str(vm.builtins_dict, k) {
        Some(mv) => vm.call(mv, &[copy]),
        None => Ok(copy),
    }
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "read")?;
    args::count(vm, &a.tail(), "read", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    check(vm, b)?;
    let d = b.read_n(n);
    Ok(bytes::new(vm, &d))
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "readline")?;
    args::count(vm, &a.tail(), "readline", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    check(vm, b)?;
    let d = b.read_line(n);
    Ok(bytes::new(vm, &d))
}

fn readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "readlines")?;
    args::count(vm, &a.tail(), "readlines", 0, 1)?;
    let hint = size_arg(vm, a.pos.get(1).copied())?;
    check(vm, b)?;
    let out = list::new(vm, &[]);
    let mut total = 0usize;
    loop {
        let line = b.read_line(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        let v = bytes::new(vm, &line);
        list::push(list::vec(out), v);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(out)
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = open(vm, a, "__next__")?;
    let d = b.read_line(-1);
    if d.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(bytes::new(vm, &d))
}

fn iter_self(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__iter__")?;
    Ok(a.pos[0])
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "readinto")?;
    args::count(vm, &a.tail(), "readinto", 1, 1)?;
    let target = a.pos[1];
    if bytes::native(target).is_some() || pystr::text_of(target).is_some() {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        )));
    }
    check(vm, b)?;
    let n = vm.len(target)?;
    let d = b.read_n(n as i64);
    iobase::fill_buffer(vm, target, &d)?;
    Ok(Value::small(d.len() as i64))
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "write")?;
    args::count(vm, &a.tail(), "write", 1, 1)?;
    check(vm, b)?;
    let d = crate::modules::posix::fd::buffer_arg(vm, a.pos[1], "")?;
    if !d.is_empty() {
        b.write_bytes(&d);
    }
    Ok(Value::small(d.len() as i64))
}

fn writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "writelines")?;
    args::count(vm, &a.tail(), "writelines", 1, 1)?;
    check(vm, b)?;
    let it = vm.iter(a.pos[1])?;
    while let Some(x) = vm.next(it)? {
        let d = crate::modules::posix::fd::buffer_arg(vm, x, "")?;
        b.write_bytes(&d);
    }
    Ok(Value::NONE)
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "seek")?;
    args::count(vm, &a.tail(), "seek", 1, 2)?;
    let pos = offset_arg(vm, a.pos[1])?;
    let whence = match a.pos.get(2) {
        Some(w) => offset_arg(vm, *w)?,
        None => 0,
    };
    check(vm, b)?;
    let base = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.value_error(format!("negative seek value {pos}")));
            }
            0
        }
        1 => b.pos.get() as i64,
        2 => b.buf.borrow().len() as i64,
        w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    let p = (base + pos).max(0);
    b.pos.set(p as usize);
    Ok(int::from_i64(vm, p))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = open(vm, a, "tell")?;
    Ok(int::from_i64(vm, b.pos.get() as i64))
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "truncate")?;
    args::count(vm, &a.tail(), "truncate", 0, 1)?;
    check(vm, b)?;
    let size = match a.pos.get(1) {
        Some(v) if !v.is_none() => offset_arg(vm, *v)?,
        _ => b.pos.get() as i64,
    };
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    let mut buf = b.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    drop(buf);
    Ok(int::from_i64(vm, size))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "close")?;
    b.closed.set(true);
    *b.buf.borrow_mut() = Vec::new();
    Ok(Value::NONE)
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open(vm, a, "readable")?;
    Ok(Value::TRUE)
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open(vm, a, "isatty")?;
    Ok(Value::FALSE)
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open(vm, a, "flush")?;
    Ok(Value::NONE)
}

fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = open(vm, a, "__getstate__")?;
    let d = b.buf.borrow().clone();
    let v = bytes::new(vm, &d);
    let p = int::from_i64(vm, b.pos.get() as i64);
    Ok(tuple::new(vm, &[v, p, Value::NONE]))
}

fn setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "__setstate__")?;
    let st = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if !st.is_kind(stitch_core::layout::Kind::Tuple) || tuple::len(st) < 2 {
        return Err(vm.type_error("__setstate__ argument should be 3-tuple"));
    }
    let items = tuple::items(st).to_vec();
    let d = crate::modules::posix::fd::buffer_arg(vm, items[0], "")?;
    let p = vm.index(items[1])?;
    *b.buf.borrow_mut() = d;
    b.pos.set(int::to_i64_clamped(p).max(0) as usize);
    Ok(Value::NONE)
}

fn closed_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<BytesIO>(v) {
        Some(b) => Ok(Value::from_bool(b.closed.get())),
        None => Err(vm.type_error("descriptor requires a '_io.BytesIO' object")),
    }
}

/// The contents of a BytesIO (for `buffer_bytes`).
pub fn contents(v: Value) -> Option<Vec<u8>> {
    payload::<BytesIO>(v).map(|b| b.buf.borrow().clone())
}
