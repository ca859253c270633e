//! Universal newlines: the state machine of `IncrementalNewlineDecoder` (a `\r`
//! at the end of a chunk waits for the next one; `\r\n` and `\r` become `\n`
//! when translating; the kinds seen are recorded for `newlines`), and the
//! `_io.IncrementalNewlineDecoder` type over any decoder object.

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::gc::Tracer;
use crate::modules::util::{new_for_class, payload, this};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytes, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

#[derive(Clone, Default)]
pub struct NlState {
    pub pendingcr: bool,
    pub seennl: u8,
    pub translate: bool,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState {
            pendingcr: false,
            seennl: 0,
            translate,
        }
    }

    /// Processes decoded text.
    pub fn process(&mut self, mut out: String, final_: bool) -> String {
        if self.pendingcr && (!out.is_empty() || final_) {
            out.insert(0, '\r');
            self.pendingcr = false;
        }
        if out.ends_with('\r') && !final_ {
            out.pop();
            self.pendingcr = true;
        }
        let b = out.as_bytes();
        let mut crlf = 0;
        let mut cr = 0;
        let mut lf = 0;
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        crlf += 1;
                        i += 1;
                    } else {
                        cr += 1;
                    }
                }
                b'\n' => lf += 1,
                _ => {}
            }
            i += 1;
        }
        if lf > 0 {
            self.seennl |= SEEN_LF;
        }
        if cr > 0 {
            self.seennl |= SEEN_CR;
        }
        if crlf > 0 {
            self.seennl |= SEEN_CRLF;
        }
        if self.translate && (cr > 0 || crlf > 0) {
            if crlf > 0 {
                out = out.replace("\r\n", "\n");
            }
            if cr > 0 {
                out = out.replace('\r', "\n");
            }
        }
        out
    }

    pub fn reset(&mut self) {
        self.pendingcr = false;
        self.seennl = 0;
    }

    /// The `newlines` attribute.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let names: &[&str] = match self.seennl {
            0 => return Value::NONE,
            SEEN_LF => &["\n"],
            SEEN_CR => &["\r"],
            3 => &["\r", "\n"],
            SEEN_CRLF => &["\r\n"],
            5 => &["\n", "\r\n"],
            6 => &["\r", "\r\n"],
            _ => &["\r", "\n", "\r\n"],
        };
        if names.len() == 1 {
            return pystr::new(vm, names[0]);
        }
        let mut vals = crate::gc::Rooted::new();
        for n in names {
            let s = pystr::new(vm, n);
            vals.push(s);
        }
        tuple::new(vm, &vals)
    }
}

struct NlDecoder {
    decoder: Cell<Value>,
    st: RefCell<NlState>,
    ready: Cell<bool>,
}

impl NativeData for NlDecoder {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.decoder.get());
    }
    native_any!();
}

pub fn init(vm: &mut Vm) -> Value {
    let object = vm.types.object;
    let t = super::io_type(vm, "IncrementalNewlineDecoder", object);
    add_static(vm, t, &[("__new__", nl_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", nl_init),
            ("decode", nl_decode),
            ("getstate", nl_getstate),
            ("setstate", nl_setstate),
            ("reset", nl_reset),
        ],
    );
    add_getsets(vm, t, &[("newlines", nl_newlines, None)]);
    t
}

fn nl_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.IncrementalNewlineDecoder"];
    let d = NlDecoder {
        decoder: Cell::new(Value::NONE),
        st: RefCell::new(NlState::new(false)),
        ready: Cell::new(false),
    };
    Ok(new_for_class(vm, cls, base, Box::new(d)))
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a NlDecoder> {
    let d = this::<NlDecoder>(vm, a, "_io.IncrementalNewlineDecoder", m)?;
    if m != "__init__" && !d.ready.get() {
        return Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(d)
}

fn nl_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__init__")?;
    let sig = Sig::new(
        "IncrementalNewlineDecoder",
        &["decoder", "translate", "errors"],
        2,
    );
    let [dec, tr, _errors] = args::parse::<3>(vm, &a.tail(), &sig)?;
    let translate = vm.truth(tr)?;
    d.decoder.set(dec);
    *d.st.borrow_mut() = NlState::new(translate);
    d.ready.set(true);
    Ok(Value::NONE)
}

fn nl_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "decode")?;
    let sig = Sig::new("decode", &["input", "final"], 1);
    let [input, fin] = args::parse::<2>(vm, &a.tail(), &sig)?;
    let final_ = if fin.is_null() { false } else { vm.truth(fin)? };
    let dec = d.decoder.get();
    let out = if dec.is_none() {
        input
    } else {
        let f = Value::from_bool(final_);
        let k = pystr::intern(vm, "final");
        let m = vm.getattr_str(dec, "decode")?;
        vm.call_kw(
            m,
            &Args {
                pos: &[input],
                kwnames: &[k],
                kwvals: &[f],
            },
        )?
    };
    let Some(text) = pystr::text_of(out) else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(out)
        )));
    };
    let r = d.st.borrow_mut().process(text.to_string(), final_);
    Ok(pystr::new(vm, &r))
}

fn nl_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "getstate")?;
    let dec = d.decoder.get();
    let pending = d.st.borrow().pendingcr as i64;
    if dec.is_none() {
        let e = bytes::new(vm, b"");
        return Ok(tuple::new(vm, &[e, Value::small(pending)]));
    }
    let st = vm.call_method(dec, "getstate", &[])?;
    if !st.is_kind(stitch_core::layout::Kind::Tuple) || tuple::len(st) != 2 {
        return Err(vm.type_error("illegal decoder state"));
    }
    let (buf, flag) = (tuple::items(st)[0], tuple::items(st)[1]);
    let flag = vm.index(flag)?;
    let f = int::to_bigint(flag);
    let f: num_bigint::BigInt = (f << 1usize) | num_bigint::BigInt::from(pending);
    let fv = int::from_bigint(vm, f);
    Ok(tuple::new(vm, &[buf, fv]))
}

fn nl_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "setstate")?;
    args::count(vm, &a.tail(), "setstate", 1, 1)?;
    let st = a.pos[1];
    if !st.is_kind(stitch_core::layout::Kind::Tuple) {
        return Err(vm.type_error("state argument must be a tuple"));
    }
    if tuple::len(st) != 2 {
        return Err(vm.type_error("setstate(): illegal state argument"));
    }
    let (buf, flag) = (tuple::items(st)[0], tuple::items(st)[1]);
    let flag = vm.index(flag)?;
    let f = int::to_bigint(flag);
    d.st.borrow_mut().pendingcr = (&f & num_bigint::BigInt::from(1)) == num_bigint::BigInt::from(1);
    let dec = d.decoder.get();
    if !dec.is_none() {
        let rest = int::from_bigint(vm, f >> 1usize);
        let t = tuple::new(vm, &[buf, rest]);
        vm.call_method(dec, "setstate", &[t])?;
    }
    Ok(Value::NONE)
}

fn nl_reset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "reset")?;
    d.st.borrow_mut().reset();
    let dec = d.decoder.get();
    if !dec.is_none() {
        vm.call_method(dec, "reset", &[])?;
    }
    Ok(Value::NONE)
}

fn nl_newlines(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<NlDecoder>(v) {
        Some(d) => {
            let st = d.st.borrow().clone();
            Ok(st.newlines(vm))
        }
        None => Err(vm.type_error("descriptor requires an IncrementalNewlineDecoder")),
    }
}
