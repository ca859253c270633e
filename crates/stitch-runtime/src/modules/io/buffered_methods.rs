//! The Python methods of `BufferedReader`, `BufferedWriter` and
//! `BufferedRandom` (with CPython's checks and messages), and `BufferedRWPair`.

use std::cell::Cell;

use stitch_core::value::Value;

use super::buffered::{BKind, Buffered, new_empty};
use super::fileio::offset_arg;
use super::iobase::{self, size_arg, unsupported};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::gc::Tracer;
use crate::modules::util::{new_for_class, payload, this};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytes, int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let base = vm.registry["_io._BufferedIOBase"];
    for (name, kind) in [
        ("BufferedReader", BKind::Reader),
        ("BufferedWriter", BKind::Writer),
        ("BufferedRandom", BKind::Random),
    ] {
        let t = super::io_type(vm, name, base);
        let new: crate::object::function::NativeFn = match kind {
            BKind::Reader => new_reader,
            BKind::Writer => new_writer,
            BKind::Random => new_random,
        };
        add_static(vm, t, &[("__new__", new)]);
        add_methods(
            vm,
            t,
            &[
                ("__init__", init_m),
                ("seek", seek),
                ("tell", tell),
                ("truncate", truncate),
                ("close", close),
                ("detach", detach),
                ("fileno", fileno),
                ("isatty", isatty),
                ("seekable", seekable),
                ("_dealloc_warn", dealloc_warn),
                ("__repr__", repr),
                ("__getstate__", super::getstate),
            ],
        );
        if kind != BKind::Writer {
            add_methods(
                vm,
                t,
                &[
                    ("read", read),
                    ("read1", read1),
                    ("peek", peek),
                    ("readline", readline),
                    ("readinto", readinto),
                    ("readinto1", readinto1),
                    ("readable", readable),
                    ("__next__", next),
                ],
            );
        }
        if kind != BKind::Reader {
            add_methods(vm, t, &[("write", write), ("writable", writable)]);
        }
        let flush_fn: crate::object::function::NativeFn = if kind == BKind::Reader {
            simple_flush
        } else {
            flush
        };
        add_methods(vm, t, &[("flush", flush_fn)]);
        add_getsets(
            vm,
            t,
            &[
                ("raw", raw_get, None),
                ("closed", closed_get, None),
                ("name", name_get, None),
                ("mode", mode_get, None),
                ("_finalizing", finalizing_get, None),
            ],
        );
    }
    init_rwpair(vm, base);
}

fn new_kind(vm: &mut Vm, a: &Args, key: &'static str, kind: BKind) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry[key];
    Ok(new_for_class(vm, cls, base, Box::new(new_empty(kind))))
}

fn new_reader(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    new_kind(vm, a, "_io.BufferedReader", BKind::Reader)
}

fn new_writer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    new_kind(vm, a, "_io.BufferedWriter", BKind::Writer)
}

fn new_random(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    new_kind(vm, a, "_io.BufferedRandom", BKind::Random)
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a Buffered> {
    match a.pos.first().and_then(|s| payload::<Buffered>(*s)) {
        Some(b) => Ok(b),
        None => this::<Buffered>(vm, a, "_io._Buffered", m),
    }
}

/// A ready stream and its raw object.
fn ready<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<(&'a Buffered, Value)> {
    let b = me(vm, a, m)?;
    let raw = b.check_ready(vm)?;
    Ok((b, raw))
}

fn check_raw(vm: &mut Vm, raw: Value, method: &str, msg: &str) -> PyResult<()> {
    let r = vm.call_method(raw, method, &[])?;
    if r != Value::TRUE {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

fn init_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "__init__")?;
    let name = match b.kind {
        BKind::Reader => "BufferedReader",
        BKind::Writer => "BufferedWriter",
        BKind::Random => "BufferedRandom",
    };
    let [raw, size] = args::parse::<2>(vm, &a.tail(), &Sig::new(name, &["raw", "buffer_size"], 1))?;
    if b.kind == BKind::Random {
        check_raw(vm, raw, "seekable", "File or stream is not seekable.")?;
    }
    if b.kind != BKind::Writer {
        check_raw(vm, raw, "readable", "File or stream is not readable.")?;
    }
    if b.kind != BKind::Reader {
        check_raw(vm, raw, "writable", "File or stream is not writable.")?;
    }
    let size = if size.is_null() {
        super::DEFAULT_BUFFER_SIZE as i64
    } else {
        offset_arg(vm, size)?
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    b.setup(raw, size as usize);
    Ok(Value::NONE)
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "read")?;
    args::count(vm, &a.tail(), "read", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    b.check_closed(vm, "read of closed file")?;
    match b.read(vm, n)? {
        Some(d) => Ok(bytes::new(vm, &d)),
        None => Ok(Value::NONE),
    }
}

fn read1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "read1")?;
    args::count(vm, &a.tail(), "read1", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    b.check_closed(vm, "read of closed file")?;
    let n = if n < 0 {
        b.core.borrow().size
    } else {
        n as usize
    };
    let d = b.read1(vm, n)?;
    Ok(bytes::new(vm, &d))
}

fn peek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "peek")?;
    args::count(vm, &a.tail(), "peek", 0, 1)?;
    b.check_closed(vm, "peek of closed file")?;
    let d = b.peek(vm)?;
    Ok(bytes::new(vm, &d))
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "readline")?;
    args::count(vm, &a.tail(), "readline", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    b.check_closed(vm, "readline of closed file")?;
    let d = b.readline(vm, n)?;
    Ok(bytes::new(vm, &d))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "__next__")?;
    b.check_closed(vm, "readline of closed file")?;
    let d = b.readline(vm, -1)?;
    if d.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(bytes::new(vm, &d))
}

fn readinto_impl(vm: &mut Vm, a: &Args, one: bool) -> PyResult<Value> {
    let m = if one { "readinto1" } else { "readinto" };
    let (b, _) = ready(vm, a, m)?;
    args::count(vm, &a.tail(), m, 1, 1)?;
    let buf = a.pos[1];
    if bytes::native(buf).is_some() || pystr::text_of(buf).is_some() {
        return Err(vm.type_error(format!(
            "{m}() argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        )));
    }
    b.check_closed(vm, &format!("{m} of closed file"))?;
    let n = vm.len(buf)?;
    let d = if one {
        b.read1(vm, n)?
    } else {
        b.read(vm, n as i64)?.unwrap_or_default()
    };
    iobase::fill_buffer(vm, buf, &d)?;
    Ok(Value::small(d.len() as i64))
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_impl(vm, a, false)
}

fn readinto1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_impl(vm, a, true)
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "write")?;
    args::count(vm, &a.tail(), "write", 1, 1)?;
    let data = crate::modules::posix::fd::buffer_arg(vm, a.pos[1], "")?;
    b.check_closed(vm, "write to closed file")?;
    let n = b.write(vm, &data)?;
    Ok(Value::small(n as i64))
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "flush")?;
    b.check_closed(vm, "flush of closed file")?;
    b.flush_and_rewind(vm)?;
    Ok(Value::NONE)
}

fn simple_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, raw) = ready(vm, a, "flush")?;
    vm.call_method(raw, "flush", &[])
}

fn whence_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i32> {
    let w = match v {
        Some(w) => offset_arg(vm, w)?,
        None => 0,
    };
    if !(0..=4).contains(&w) {
        return Err(vm.value_error(format!("whence value {w} unsupported")));
    }
    Ok(w as i32)
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "seek")?;
    args::count(vm, &a.tail(), "seek", 1, 2)?;
    let whence = whence_arg(vm, a.pos.get(2).copied())?;
    b.check_closed(vm, "seek of closed file")?;
    let pos = offset_arg(vm, a.pos[1])?;
    let n = b.seek(vm, pos, whence)?;
    Ok(int::from_i64(vm, n))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = ready(vm, a, "tell")?;
    let n = b.tell(vm)?;
    Ok(int::from_i64(vm, n))
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, raw) = ready(vm, a, "truncate")?;
    args::count(vm, &a.tail(), "truncate", 0, 1)?;
    b.check_closed(vm, "truncate of closed file")?;
    if !b.writable() {
        return Err(unsupported(vm, "truncate"));
    }
    b.flush_and_rewind(vm)?;
    let pos = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let r = vm.call_method(raw, "truncate", &[pos])?;
    Ok(r)
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, raw) = ready(vm, a, "close")?;
    if b.closed(vm)? {
        return Ok(Value::NONE);
    }
    let flushed = vm.call_method(a.pos[0], "flush", &[]);
    {
        let mut c = b.core.borrow_mut();
        c.rbuf.clear();
        c.rpos = 0;
    }
    let closed = vm.call_method(raw, "close", &[]);
    match (flushed, closed) {
        (Err(e), Err(e2)) => {
            if let Some(o) = crate::object::exception::obj(e2.0) {
                o.context = e.0;
            }
            Err(e2)
        }
        (Err(e), Ok(_)) => Err(e),
        (Ok(_), r) => r.map(|_| Value::NONE),
    }
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, raw) = ready(vm, a, "detach")?;
    vm.call_method(a.pos[0], "flush", &[])?;
    b.core.borrow_mut().file = None;
    b.raw.set(Value::NONE);
    b.state.set(2);
    Ok(raw)
}

fn delegate(vm: &mut Vm, a: &Args, m: &str) -> PyResult<Value> {
    let (_, raw) = ready(vm, a, m)?;
    vm.call_method(raw, m, &[])
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "fileno")
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}

fn seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "seekable")
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "readable")
}

fn writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "writable")
}

fn dealloc_warn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = me(vm, a, "__repr__")?;
    let tn = super::qualified_type_name(vm, a.pos[0]);
    let raw = b.raw.get();
    if b.state.get() != 1 {
        return Ok(pystr::new(vm, &format!("<{tn}>")));
    }
    let k = pystr::intern(vm, "name");
    let name = match vm.getattr_opt(raw, k) {
        Ok(n) => n,
        Err(e)
            if vm.is_instance_of(e.0, vm.exc.value_error)
                || vm.is_instance_of(e.0, vm.exc.attribute_error) =>
        {
            None
        }
        Err(e) => return Err(e),
    };
    let s = match name {
        Some(n) => {
            let r = super::repr_guarded(vm, a.pos[0], n)?;
            format!("<{tn} name={r}>")
        }
        None => format!("<{tn}>"),
    };
    Ok(pystr::new(vm, &s))
}

fn get<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a Buffered> {
    match payload::<Buffered>(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a buffered object")),
    }
}

fn raw_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = get(vm, v)?;
    if b.state.get() == 0 {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(b.raw.get())
}

fn closed_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = get(vm, v)?;
    Ok(Value::from_bool(b.closed(vm)?))
}

fn name_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let raw = get(vm, v)?.check_ready(vm)?;
    vm.getattr_str(raw, "name")
}

fn mode_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let raw = get(vm, v)?.check_ready(vm)?;
    vm.getattr_str(raw, "mode")
}

fn finalizing_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    get(vm, v)?;
    Ok(Value::FALSE)
}

// ---- BufferedRWPair ----

struct RWPair {
    reader: Cell<Value>,
    writer: Cell<Value>,
}

impl NativeData for RWPair {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.reader.get());
        t.mark(self.writer.get());
    }
    native_any!();
}

fn init_rwpair(vm: &mut Vm, base: Value) {
    let t = super::io_type(vm, "BufferedRWPair", base);
    add_static(vm, t, &[("__new__", pair_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", pair_init),
            ("read", pair_read),
            ("peek", pair_peek),
            ("read1", pair_read1),
            ("readinto", pair_readinto),
            ("readinto1", pair_readinto1),
            ("write", pair_write),
            ("flush", pair_flush),
            ("readable", pair_readable),
            ("writable", pair_writable),
            ("isatty", pair_isatty),
            ("close", pair_close),
        ],
    );
    add_getsets(vm, t, &[("closed", pair_closed, None)]);
}

fn pair_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.BufferedRWPair"];
    Ok(new_for_class(
        vm,
        cls,
        base,
        Box::new(RWPair {
            reader: Cell::new(Value::NULL),
            writer: Cell::new(Value::NULL),
        }),
    ))
}

fn pair<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a RWPair> {
    let p = this::<RWPair>(vm, a, "_io.BufferedRWPair", m)?;
    if p.reader.get().is_null() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(p)
}

fn pair_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = this::<RWPair>(vm, a, "_io.BufferedRWPair", "__init__")?;
    let [r, w, size] = args::parse::<3>(
        vm,
        &a.tail(),
        &Sig::positional("BufferedRWPair", &["reader", "writer", "buffer_size"], 2),
    )?;
    check_raw(vm, r, "readable", "File or stream is not readable.")?;
    check_raw(vm, w, "writable", "File or stream is not writable.")?;
    let size = if size.is_null() {
        Value::small(super::DEFAULT_BUFFER_SIZE as i64)
    } else {
        size
    };
    let rt = vm.registry["_io.BufferedReader"];
    let reader = vm.call(rt, &[r, size])?;
    let wt = vm.registry["_io.BufferedWriter"];
    let writer = vm.call(wt, &[w, size])?;
    p.reader.set(reader);
    p.writer.set(writer);
    Ok(Value::NONE)
}

fn forward(vm: &mut Vm, a: &Args, m: &str, to_writer: bool) -> PyResult<Value> {
    let p = pair(vm, a, m)?;
    let target = if to_writer {
        p.writer.get()
    } else {
        p.reader.get()
    };
    vm.call_method(target, m, &a.pos[1..])
}

fn pair_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "read", false)
}
fn pair_peek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "peek", false)
}
fn pair_read1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "read1", false)
}
fn pair_readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "readinto", false)
}
fn pair_readinto1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "readinto1", false)
}
fn pair_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "write", true)
}
fn pair_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "flush", true)
}
fn pair_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "readable", false)
}
fn pair_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "writable", true)
}

fn pair_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = pair(vm, a, "isatty")?;
    let (r, w) = (p.reader.get(), p.writer.get());
    let x = vm.call_method(w, "isatty", &[])?;
    if vm.truth(x)? {
        return Ok(x);
    }
    vm.call_method(r, "isatty", &[])
}

fn pair_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = pair(vm, a, "close")?;
    let (r, w) = (p.reader.get(), p.writer.get());
    let e1 = vm.call_method(w, "close", &[]);
    let e2 = vm.call_method(r, "close", &[]);
    e1?;
    e2
}

fn pair_closed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let Some(p) = payload::<RWPair>(v) else {
        return Err(vm.type_error("descriptor requires a BufferedRWPair"));
    };
    let w = p.writer.get();
    if w.is_null() {
        return Err(vm.runtime_error("the BufferedRWPair object is being garbage-collected"));
    }
    vm.getattr_str(w, "closed")
}
