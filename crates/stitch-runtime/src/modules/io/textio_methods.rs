//! The Python methods and attributes of `_io.TextIOWrapper` (construction,
//! `reconfigure`, reading, writing, closing, delegation to the buffer), with
//! CPython's argument checks and messages.

use stitch_core::value::Value;

use super::codec::{self, Decoder, Encoder};
use super::iobase::size_arg;
use super::newline::NlState;
use super::textio::{self, TextDecoder, TextIO};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::modules::util::{new_for_class, payload, this};
use crate::object::{int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> Value {
    let base = vm.registry["_io._TextIOBase"];
    let t = super::io_type(vm, "TextIOWrapper", base);
    add_static(vm, t, &[("__new__", text_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", text_init),
            ("detach", detach),
            ("reconfigure", reconfigure),
            ("write", write),
            ("read", read),
            ("readline", readline),
            ("__next__", next),
            ("flush", flush),
            ("close", close),
            ("fileno", fileno),
            ("seekable", seekable),
            ("readable", readable),
            ("writable", writable),
            ("isatty", isatty),
            ("tell", tell),
            ("seek", seek),
            ("truncate", truncate),
            ("__repr__", repr),
            ("__getstate__", super::getstate),
        ],
    );
    add_getsets(
        vm,
        t,
        &[
            ("encoding", encoding_get, None),
            ("errors", errors_get, None),
            ("newlines", newlines_get, None),
            ("line_buffering", line_buffering_get, None),
            ("write_through", write_through_get, None),
            ("buffer", buffer_get, None),
            ("name", name_get, None),
            ("closed", closed_get, None),
            ("mode", mode_get, Some(mode_set)),
            ("_CHUNK_SIZE", chunk_get, Some(chunk_set)),
            ("_finalizing", finalizing_get, None),
        ],
    );
    t
}

fn text_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.TextIOWrapper"];
    Ok(new_for_class(vm, cls, base, Box::new(textio::empty())))
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a TextIO> {
    this::<TextIO>(vm, a, "_io.TextIOWrapper", m)
}

/// An optional str argument (`TextIOWrapper() argument 'x' must be str or None`).
fn opt_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match pystr::text_of(v) {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(vm.type_error(format!(
            "TextIOWrapper() argument '{what}' must be str or None, not {}",
            vm.type_name(v)
        ))),
    }
}

fn check_newline(vm: &mut Vm, nl: &Option<String>) -> PyResult<()> {
    if let Some(n) = nl
        && !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(vm.value_error(format!("illegal newline value: {n}")));
    }
    Ok(())
}

fn bool_arg(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    if v.is_bool() {
        return Ok(v == Value::TRUE);
    }
    let n = vm.index(v)?;
    Ok(!int::to_bigint(n).eq(&num_bigint::BigInt::from(0)))
}

/// Sets the newline fields of a configuration.
fn apply_newline(c: &mut textio::Config, nl: &Option<String>) {
    c.readuniversal = nl.as_deref().is_none_or(str::is_empty);
    c.readtranslate = nl.is_none();
    c.readnl = nl.clone();
    c.writetranslate = nl.as_deref() != Some("");
    c.writenl = match nl.as_deref() {
        Some(n) if !c.readuniversal && n != "\n" => Some(n.to_string()),
        _ => None,
    };
}

/// The encoding a None or "locale" argument means.
pub fn default_encoding(enc: Option<String>) -> String {
    match enc {
        None => "UTF-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    }
}

/// The codec for an encoding: one the runtime knows, or the `codecs` registry's
/// incremental decoder and encoder (NULL when not wanted).
fn find_codec(
    vm: &mut Vm,
    encoding: &str,
    errors: &str,
    read: bool,
    write: bool,
) -> PyResult<(codec::Kind, Value, Value)> {
    match codec::lookup(vm, encoding) {
        Ok(k) => return Ok((k, Value::NULL, Value::NULL)),
        Err(e) if !vm.is_instance_of(e.0, vm.exc.lookup_error) => return Err(e),
        Err(_) => {}
    }
    let codecs = crate::import::import_module(vm, "codecs")?;
    let enc = pystr::new(vm, encoding);
    let info = vm.call_method(codecs, "lookup", &[enc])?;
    let k = pystr::intern(vm, "_is_text_encoding");
    if let Some(flag) = vm.getattr_opt(info, k)?
        && !vm.truth(flag)?
    {
        return Err(vm.new_error(
            vm.exc.lookup_error,
            format!(
                "'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"
            ),
        ));
    }
    let err = pystr::new(vm, errors);
    let dec = if read {
        vm.call_method(info, "incrementaldecoder", &[err])?
    } else {
        Value::NULL
    };
    let enc = if write {
        vm.call_method(info, "incrementalencoder", &[err])?
    } else {
        Value::NULL
    };
    Ok((codec::Kind::Python, dec, enc))
}

fn make_decoder(cfg: &textio::Config, py: Value) -> TextDecoder {
    TextDecoder {
        codec: Decoder::new(cfg.kind, &cfg.errors),
        nl: cfg.readuniversal.then(|| NlState::new(cfg.readtranslate)),
        py,
    }
}

fn make_encoder(cfg: &textio::Config, py: Value) -> Encoder {
    let mut e = Encoder::new(cfg.kind, &cfg.errors);
    e.py = py;
    e
}

/// Sets up a wrapper (the body of `__init__`, also used for the standard streams).
#[allow(clippy::too_many_arguments)]
pub fn setup(
    vm: &mut Vm,
    t: &TextIO,
    buffer: Value,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    check_newline(vm, &newline)?;
    let encoding = default_encoding(encoding);
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    t.state.set(0);
    let readable = {
        let r = vm.call_method(buffer, "readable", &[])?;
        vm.truth(r)?
    };
    let writable = {
        let r = vm.call_method(buffer, "writable", &[])?;
        vm.truth(r)?
    };
    let seekable = {
        let r = vm.call_method(buffer, "seekable", &[])?;
        vm.truth(r)?
    };
    let k = pystr::intern(vm, "read1");
    let has_read1 = vm.getattr_opt(buffer, k)?.is_some();
    let (kind, pyd, pye) = find_codec(vm, &encoding, &errors, readable, writable)?;
    t.py_decoder.set(pyd);
    t.py_encoder.set(pye);
    let mut cfg = textio::Config {
        encoding,
        errors: errors.clone(),
        kind,
        readuniversal: false,
        readtranslate: false,
        readnl: None,
        writetranslate: false,
        writenl: None,
        line_buffering,
        write_through,
        seekable,
        has_read1,
        chunk_size: 8192,
    };
    apply_newline(&mut cfg, &newline);
    let decoder = readable.then(|| make_decoder(&cfg, pyd));
    let mut encoder = writable.then(|| make_encoder(&cfg, pye));
    t.buffer.set(buffer);
    *t.cfg.borrow_mut() = cfg;
    t.pending.borrow_mut().clear();
    if seekable && writable {
        let r = vm.call_method(buffer, "tell", &[])?;
        let n = vm.index(r)?;
        if int::to_i64_clamped(n) != 0
            && let Some(e) = encoder.as_mut()
        {
            e.set_start(vm, false)?;
        }
    }
    {
        let mut rs = t.rs.borrow_mut();
        rs.decoder = decoder;
        rs.encoder = encoder;
        rs.decoded.clear();
        rs.dpos = 0;
        rs.snapshot = None;
        rs.telling = seekable;
        rs.b2cratio = 0.0;
    }
    t.state.set(1);
    Ok(())
}

fn text_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "__init__")?;
    let sig = Sig::new(
        "TextIOWrapper",
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
    );
    let [buffer, enc, err, nl, lb, wt] = args::parse::<6>(vm, &a.tail(), &sig)?;
    let enc = opt_str(vm, enc, "encoding")?;
    let err = opt_str(vm, err, "errors")?;
    let nl = opt_str(vm, nl, "newline")?;
    let lb = bool_arg(vm, lb)?;
    let wt = bool_arg(vm, wt)?;
    setup(vm, t, buffer, enc, err, nl, lb, wt)?;
    Ok(Value::NONE)
}

fn reconfigure(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "reconfigure")?;
    let sig = Sig {
        name: "reconfigure",
        params: &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        required: 0,
        kwonly_from: 0,
        posonly_until: 0,
    };
    let [enc, err, nl, lb, wt] = args::parse::<5>(vm, &a.tail(), &sig)?;
    t.attached(vm)?;
    let enc = opt_str(vm, enc, "encoding")?;
    let err = opt_str(vm, err, "errors")?;
    let nl_given = !nl.is_null() && nl != vm.ellipsis;
    let newline = if nl_given {
        opt_str(vm, nl, "newline")?
    } else {
        None
    };
    if nl_given {
        check_newline(vm, &newline)?;
    }
    let has_read = {
        let rs = t.rs.borrow();
        rs.decoder.is_some() && (rs.dpos > 0 || rs.snapshot.is_some())
    };
    if (enc.is_some() || err.is_some() || nl_given) && has_read {
        return Err(super::iobase::unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    t.flush(vm)?;
    let mut cfg = t.cfg.borrow().clone();
    if enc.is_some() || err.is_some() {
        let (encoding, errors) = match &enc {
            Some(e) => (
                default_encoding(Some(e.clone())),
                err.clone().unwrap_or_else(|| "strict".to_string()),
            ),
            None => (
                cfg.encoding.clone(),
                err.clone().unwrap_or_else(|| cfg.errors.clone()),
            ),
        };
        let (read, write) = {
            let rs = t.rs.borrow();
            (rs.decoder.is_some(), rs.encoder.is_some())
        };
        let (kind, pyd, pye) = find_codec(vm, &encoding, &errors, read, write)?;
        t.py_decoder.set(pyd);
        t.py_encoder.set(pye);
        cfg.encoding = encoding;
        cfg.errors = errors;
        cfg.kind = kind;
    }
    if nl_given {
        apply_newline(&mut cfg, &newline);
    }
    if !lb.is_null() && !lb.is_none() {
        cfg.line_buffering = vm.truth(lb)?;
    }
    if !wt.is_null() && !wt.is_none() {
        cfg.write_through = vm.truth(wt)?;
    }
    let (pyd, pye) = (t.py_decoder.get(), t.py_encoder.get());
    let at_start = {
        let mut rs = t.rs.borrow_mut();
        if let Some(d) = rs.decoder.as_mut() {
            *d = make_decoder(&cfg, pyd);
        }
        let at_start = rs.encoder.as_ref().map(|e| e.at_start);
        if let Some(e) = rs.encoder.as_mut() {
            *e = make_encoder(&cfg, pye);
        }
        at_start
    };
    if let Some(s) = at_start {
        t.with_encoder(vm, |vm, e| e.set_start(vm, s))?;
    }
    *t.cfg.borrow_mut() = cfg;
    Ok(Value::NONE)
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "detach")?;
    let buf = t.attached(vm)?;
    vm.call_method(a.pos[0], "flush", &[])?;
    t.flush_pending(vm)?;
    t.state.set(2);
    t.buffer.set(vm_none());
    Ok(buf)
}

fn vm_none() -> Value {
    Value::NONE
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "write")?;
    args::count(vm, &a.tail(), "write", 1, 1)?;
    let s = a.pos[1];
    let Some(text) = pystr::text_of(s) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(s)
        )));
    };
    t.check_open(vm)?;
    t.write_checked(vm, text)?;
    Ok(Value::small(textio::char_count(text) as i64))
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "read")?;
    args::count(vm, &a.tail(), "read", 0, 1)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    t.check_open(vm)?;
    let s = t.read(vm, n)?;
    Ok(pystr::new(vm, &s))
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "readline")?;
    args::count(vm, &a.tail(), "readline", 0, 1)?;
    let n = match a.pos.get(1) {
        Some(v) => {
            if !int::is_int(*v) && !v.is_bool() && vm.lookup_special(*v, vm.names.index).is_none() {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(*v)
                )));
            }
            let i = vm.index(*v)?;
            int::to_i64_clamped(i)
        }
        None => -1,
    };
    t.check_open(vm)?;
    let s = t.readline(vm, n)?;
    Ok(pystr::new(vm, &s))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "__next__")?;
    t.check_open(vm)?;
    t.rs.borrow_mut().telling = false;
    let s = t.readline(vm, -1)?;
    if s.is_empty() {
        let seekable = t.cfg.borrow().seekable;
        let mut rs = t.rs.borrow_mut();
        rs.snapshot = None;
        rs.telling = seekable;
        drop(rs);
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(pystr::new(vm, &s))
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "flush")?.flush(vm)?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "close")?;
    let buf = t.attached(vm)?;
    if t.is_closed(vm)? {
        return Ok(Value::NONE);
    }
    let flushed = vm.call_method(a.pos[0], "flush", &[]);
    let closed = vm.call_method(buf, "close", &[]);
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

fn delegate(vm: &mut Vm, a: &Args, m: &str) -> PyResult<Value> {
    let buf = me(vm, a, m)?.attached(vm)?;
    vm.call_method(buf, m, &[])
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "fileno")
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

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "tell")?;
    args::count(vm, &a.tail(), "tell", 0, 0)?;
    t.tell(vm, a.pos[0])
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "seek")?;
    args::count(vm, &a.tail(), "seek", 1, 2)?;
    let whence = match a.pos.get(2) {
        Some(w) => {
            if w.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = vm.index(*w)?;
            int::to_i64_clamped(n)
        }
        None => 0,
    };
    t.seek(vm, a.pos[0], a.pos[1], whence)
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "truncate")?;
    args::count(vm, &a.tail(), "truncate", 0, 1)?;
    let buf = t.attached(vm)?;
    vm.call_method(a.pos[0], "flush", &[])?;
    let pos = a.pos.get(1).copied().unwrap_or(Value::NONE);
    vm.call_method(buf, "truncate", &[pos])
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = me(vm, a, "__repr__")?;
    let tn = super::qualified_type_name(vm, a.pos[0]);
    if t.state.get() == 0 {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    let mut out = format!("<{tn}");
    let k = pystr::intern(vm, "name");
    match vm.getattr_opt(a.pos[0], k) {
        Ok(Some(n)) => {
            let r = super::repr_guarded(vm, a.pos[0], n)?;
            out.push_str(&format!(" name={r}"));
        }
        Ok(None) => {}
        Err(e)
            if vm.is_instance_of(e.0, vm.exc.value_error)
                || vm.is_instance_of(e.0, vm.exc.attribute_error) => {}
        Err(e) => return Err(e),
    }
    let k = pystr::intern(vm, "mode");
    match vm.getattr_opt(a.pos[0], k) {
        Ok(Some(m)) => {
            let r = vm.repr_string(m)?;
            out.push_str(&format!(" mode={r}"));
        }
        Ok(None) => {}
        Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => {}
        Err(e) => return Err(e),
    }
    let enc = t.cfg.borrow().encoding.clone();
    let e = pystr::new(vm, &enc);
    let r = vm.repr_string(e)?;
    out.push_str(&format!(" encoding={r}>"));
    Ok(pystr::new(vm, &out))
}

fn get<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a TextIO> {
    match payload::<TextIO>(v) {
        Some(t) => Ok(t),
        None => Err(vm.type_error("descriptor requires a '_io.TextIOWrapper' object")),
    }
}

fn initialized<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a TextIO> {
    let t = get(vm, v)?;
    if t.state.get() == 0 {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(t)
}

fn encoding_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = get(vm, v)?;
    if t.state.get() == 0 {
        return Ok(Value::NONE);
    }
    let e = t.cfg.borrow().encoding.clone();
    Ok(pystr::new(vm, &e))
}

fn errors_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = get(vm, v)?;
    if t.state.get() == 0 {
        return Ok(Value::NONE);
    }
    let e = t.cfg.borrow().errors.clone();
    Ok(pystr::new(vm, &e))
}

fn newlines_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = initialized(vm, v)?;
    let nl = t.rs.borrow().decoder.as_ref().and_then(|d| d.nl.clone());
    Ok(match nl {
        Some(n) => n.newlines(vm),
        None => Value::NONE,
    })
}

fn line_buffering_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        initialized(vm, v)?.cfg.borrow().line_buffering,
    ))
}

fn write_through_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        initialized(vm, v)?.cfg.borrow().write_through,
    ))
}

fn buffer_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(initialized(vm, v)?.buffer.get())
}

fn name_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let buf = get(vm, v)?.attached(vm)?;
    vm.getattr_str(buf, "name")
}

fn closed_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = get(vm, v)?;
    Ok(Value::from_bool(t.is_closed(vm)?))
}

fn mode_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = get(vm, v)?.mode.get();
    if m.is_null() {
        let k = pystr::intern(vm, "mode");
        return Err(vm.attribute_error(v, k));
    }
    Ok(m)
}

fn mode_set(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    get(vm, v)?.mode.set(x);
    Ok(())
}

fn chunk_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(
        initialized(vm, v)?.cfg.borrow().chunk_size as i64,
    ))
}

fn chunk_set(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let t = initialized(vm, v)?;
    if x.is_null() {
        return Err(vm.new_error(vm.exc.attribute_error, "cannot delete attribute"));
    }
    let n = vm.index(x)?;
    let n = int::to_i64_clamped(n);
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    t.cfg.borrow_mut().chunk_size = n as usize;
    Ok(())
}

fn finalizing_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    get(vm, v)?;
    Ok(Value::FALSE)
}
