//! `_io.StringIO`: an in-memory text stream over a buffer of code points, with
//! CPython's newline handling (translation on write, the three read modes) and
//! its messages.

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::fileio::offset_arg;
use super::iobase::size_arg;
use super::newline::NlState;
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::modules::util::{new_for_class, payload, this};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

#[derive(Default)]
struct State {
    buf: Vec<char>,
    pos: usize,
    nl: Option<NlState>,
    readtranslate: bool,
    readuniversal: bool,
    readnl: Option<String>,
    writenl: Option<String>,
}

pub struct StringIO {
    st: RefCell<State>,
    ok: Cell<bool>,
    closed: Cell<bool>,
}

impl NativeData for StringIO {
    native_any!();
}

pub fn init(vm: &mut Vm) -> Value {
    let base = vm.registry["_io._TextIOBase"];
    let t = super::io_type(vm, "StringIO", base);
    add_static(vm, t, &[("__new__", sio_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", sio_init),
            ("getvalue", getvalue),
            ("read", read),
            ("readline", readline),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("readable", readable),
            ("writable", readable),
            ("seekable", readable),
            ("flush", flush),
            ("__next__", next),
            ("__getstate__", getstate),
            ("__setstate__", setstate),
        ],
    );
    add_getsets(
        vm,
        t,
        &[
            ("closed", closed_get, None),
            ("line_buffering", line_buffering_get, None),
            ("newlines", newlines_get, None),
        ],
    );
    t
}

fn sio_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.StringIO"];
    let s = StringIO {
        st: RefCell::new(State::default()),
        ok: Cell::new(false),
        closed: Cell::new(false),
    };
    Ok(new_for_class(vm, cls, base, Box::new(s)))
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a StringIO> {
    this::<StringIO>(vm, a, "_io.StringIO", m)
}

/// An open, initialized StringIO.
fn open<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a StringIO> {
    let s = me(vm, a, m)?;
    check(vm, s)?;
    Ok(s)
}

fn check(vm: &mut Vm, s: &StringIO) -> PyResult<()> {
    if !s.ok.get() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(())
}

impl StringIO {
    /// Writes text at the position (padding with NULs past the end).
    fn write_str(&self, text: &str) {
        let mut st = self.st.borrow_mut();
        let mut t = text.to_string();
        if let Some(nl) = st.nl.as_mut() {
            t = nl.process(t, true);
        }
        if let Some(w) = st.writenl.clone() {
            t = t.replace('\n', &w);
        }
        let chars: Vec<char> = t.chars().collect();
        let pos = st.pos;
        if pos > st.buf.len() {
            st.buf.resize(pos, '\0');
        }
        let end = pos + chars.len();
        let overlap = end.min(st.buf.len());
        st.buf.splice(pos..overlap, chars);
        st.pos = end;
    }
}

fn sio_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "__init__")?;
    let sig = Sig::new("StringIO", &["initial_value", "newline"], 0);
    let [init, nl] = args::parse::<2>(vm, &a.tail(), &sig)?;
    let newline: Option<String> = if nl.is_null() {
        Some("\n".to_string())
    } else if nl.is_none() {
        None
    } else {
        match pystr::text_of(nl) {
            Some(n) => Some(n.to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "newline must be str or None, not {}",
                    vm.type_name(nl)
                )));
            }
        }
    };
    if let Some(n) = &newline
        && !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        let r = vm.repr_string(nl)?;
        return Err(vm.value_error(format!("illegal newline value: {r}")));
    }
    let text = if init.is_null() || init.is_none() {
        String::new()
    } else {
        match pystr::text_of(init) {
            Some(t) => t.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(init)
                )));
            }
        }
    };
    let readuniversal = newline.as_deref().is_none_or(str::is_empty);
    let readtranslate = newline.is_none();
    let writenl = match newline.as_deref() {
        Some(n) if n.starts_with('\r') => Some(n.to_string()),
        _ => None,
    };
    *s.st.borrow_mut() = State {
        buf: Vec::new(),
        pos: 0,
        nl: readuniversal.then(|| NlState::new(readtranslate)),
        readtranslate,
        readuniversal,
        readnl: newline,
        writenl,
    };
    s.ok.set(true);
    s.closed.set(false);
    if !text.is_empty() {
        s.write_str(&text);
        s.st.borrow_mut().pos = 0;
    }
    Ok(Value::NONE)
}

fn getvalue(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = open(vm, a, "getvalue")?;
    let text: String = s.st.borrow().buf.iter().collect();
    Ok(pystr::new(vm, &text))
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "read")?;
    args::count(vm, &a.tail(), "read", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    check(vm, s)?;
    let text: String = {
        let mut st = s.st.borrow_mut();
        let len = st.buf.len();
        let start = st.pos.min(len);
        let end = if n < 0 {
            len
        } else {
            (start + n as usize).min(len)
        };
        if end > start {
            st.pos = end;
        }
        st.buf[start..end].iter().collect()
    };
    Ok(pystr::new(vm, &text))
}

/// The end of the line starting at `buf[0]` (CPython's line-ending search on code points).
fn line_end(buf: &[char], translated: bool, universal: bool, readnl: Option<&str>) -> usize {
    if translated {
        return buf
            .iter()
            .position(|&c| c == '\n')
            .map_or(buf.len(), |i| i + 1);
    }
    if universal {
        for (i, &c) in buf.iter().enumerate() {
            if c == '\n' {
                return i + 1;
            }
            if c == '\r' {
                return if buf.get(i + 1) == Some(&'\n') {
                    i + 2
                } else {
                    i + 1
                };
            }
        }
        return buf.len();
    }
    let nl: Vec<char> = readnl.unwrap_or("\n").chars().collect();
    if nl.is_empty() {
        return buf.len();
    }
    buf.windows(nl.len())
        .position(|w| w == nl.as_slice())
        .map_or(buf.len(), |i| i + nl.len())
}

fn read_line(s: &StringIO, limit: i64) -> String {
    let mut st = s.st.borrow_mut();
    let len = st.buf.len();
    if st.pos >= len {
        return String::new();
    }
    let start = st.pos;
    let mut n = line_end(
        &st.buf[start..],
        st.readtranslate,
        st.readuniversal,
        st.readnl.as_deref(),
    );
    if limit >= 0 && n > limit as usize {
        n = limit as usize;
    }
    st.pos = start + n;
    st.buf[start..start + n].iter().collect()
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "readline")?;
    args::count(vm, &a.tail(), "readline", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    check(vm, s)?;
    let line = read_line(s, n);
    Ok(pystr::new(vm, &line))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = open(vm, a, "__next__")?;
    let line = read_line(s, -1);
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(pystr::new(vm, &line))
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "write")?;
    args::count(vm, &a.tail(), "write", 1, 1)?;
    check(vm, s)?;
    let v = a.pos[1];
    let Some(text) = pystr::text_of(v) else {
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(v)
        )));
    };
    let n = super::textio::char_count(text);
    if n > 0 {
        s.write_str(text);
    }
    Ok(Value::small(n as i64))
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "seek")?;
    args::count(vm, &a.tail(), "seek", 1, 2)?;
    let pos = offset_arg(vm, a.pos[1])?;
    let whence = match a.pos.get(2) {
        Some(w) => offset_arg(vm, *w)?,
        None => 0,
    };
    check(vm, s)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_error(vm.exc.os_error, "Can't do nonzero cur-relative seeks"));
    }
    let mut st = s.st.borrow_mut();
    st.pos = match whence {
        0 => pos as usize,
        1 => st.pos,
        _ => st.buf.len(),
    };
    let p = st.pos as i64;
    drop(st);
    Ok(int::from_i64(vm, p))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = open(vm, a, "tell")?;
    let p = s.st.borrow().pos as i64;
    Ok(int::from_i64(vm, p))
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "truncate")?;
    args::count(vm, &a.tail(), "truncate", 0, 1)?;
    check(vm, s)?;
    let size = match a.pos.get(1) {
        Some(v) if !v.is_none() => offset_arg(vm, *v)?,
        _ => s.st.borrow().pos as i64,
    };
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let mut st = s.st.borrow_mut();
    if (size as usize) < st.buf.len() {
        st.buf.truncate(size as usize);
    }
    drop(st);
    Ok(int::from_i64(vm, size))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "close")?;
    s.closed.set(true);
    s.st.borrow_mut().buf = Vec::new();
    Ok(Value::NONE)
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open(vm, a, "readable")?;
    Ok(Value::TRUE)
}

fn flush(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = open(vm, a, "__getstate__")?;
    let (text, pos, nl) = {
        let st = s.st.borrow();
        let t: String = st.buf.iter().collect();
        (t, st.pos, st.readnl.clone())
    };
    let t = pystr::new(vm, &text);
    let n = match nl {
        Some(n) => pystr::new(vm, &n),
        None => Value::NONE,
    };
    let p = int::from_i64(vm, pos as i64);
    Ok(crate::object::tuple::new(vm, &[t, n, p, Value::NONE]))
}

fn setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "__setstate__")?;
    let st = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if !st.is_kind(stitch_core::layout::Kind::Tuple) || crate::object::tuple::len(st) < 3 {
        return Err(vm.type_error("__setstate__ argument should be 4-tuple"));
    }
    let items = crate::object::tuple::items(st).to_vec();
    let text = pystr::text_of(items[0]).unwrap_or("").to_string();
    let pos = vm.index(items[2])?;
    let mut b = s.st.borrow_mut();
    b.buf = text.chars().collect();
    b.pos = int::to_i64_clamped(pos).max(0) as usize;
    Ok(Value::NONE)
}

fn get<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a StringIO> {
    match payload::<StringIO>(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_io.StringIO' object")),
    }
}

fn closed_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = get(vm, v)?;
    if !s.ok.get() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(Value::from_bool(s.closed.get()))
}

fn line_buffering_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = get(vm, v)?;
    check(vm, s)?;
    Ok(Value::FALSE)
}

fn newlines_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = get(vm, v)?;
    check(vm, s)?;
    let nl = s.st.borrow().nl.clone();
    Ok(match nl {
        Some(n) => n.newlines(vm),
        None => Value::NONE,
    })
}
