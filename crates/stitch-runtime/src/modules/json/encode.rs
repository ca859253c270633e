//! JSON encoding: `encode_basestring(_ascii)` and the `make_encoder` type
//! (CPython 3.11's one-shot encoder: `None`/bools, str, int, float, list/tuple and
//! dict with their subclasses, `default()` for the rest, circular-reference
//! markers, `sort_keys`/`skipkeys`/`allow_nan`). The whole document is written to
//! one buffer and returned as a one-item list of chunks.

use std::collections::HashSet;
use std::fmt::Write;

use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::super::util::{new_cls, new_for_class, this};
use crate::builtins::args::{self, Sig};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{ValueExt, dict, float, int, list, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u_escape(out: &mut String, c: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((c >> shift) & 0xf) as usize] as char);
    }
}

/// `"..."` with non-ASCII and control characters as `\uXXXX` (surrogate pairs
/// beyond the BMP).
fn escape_ascii(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(ch),
            _ => {
                let c = ch as u32;
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_u_escape(out, 0xd800 | (v >> 10));
                    push_u_escape(out, 0xdc00 | (v & 0x3ff));
                } else {
                    push_u_escape(out, c);
                }
            }
        }
    }
    out.push('"');
}

/// `"..."` escaping only quotes, backslashes and control characters.
fn escape_unicode(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some(i) = rest
        .bytes()
        .position(|b| b == b'"' || b == b'\\' || b < 0x20)
    {
        out.push_str(&rest[..i]);
        match rest.as_bytes()[i] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            8 => out.push_str("\\b"),
            12 => out.push_str("\\f"),
            b => push_u_escape(out, b as u32),
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

fn str_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<&'static str> {
    args::no_kwargs(vm, a, name)?;
    args::count(vm, a, name, 1, 1)?;
    match pystr::text_of(a.pos[0]) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(a.pos[0])
        ))),
    }
}

pub fn encode_basestring_ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_arg(vm, a, "encode_basestring_ascii")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_ascii(&mut out, s);
    Ok(pystr::new(vm, &out))
}

pub fn encode_basestring(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_arg(vm, a, "encode_basestring")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_unicode(&mut out, s);
    Ok(pystr::new(vm, &out))
}

/// How the encoder writes strings.
#[derive(Clone, Copy, PartialEq)]
enum StrMode {
    Ascii,
    Unicode,
    /// Through the `encoder` callable.
    Call,
}

pub struct Encoder {
    markers: Value,
    default: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    mode: StrMode,
}

impl NativeData for Encoder {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[
            self.markers,
            self.default,
            self.encoder,
            self.indent,
            self.key_separator,
            self.item_separator,
        ]);
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "markers" => Some(self.markers),
            "default" => Some(self.default),
            "encoder" => Some(self.encoder),
            "indent" => Some(self.indent),
            "key_separator" => Some(self.key_separator),
            "item_separator" => Some(self.item_separator),
            "sort_keys" => Some(Value::from_bool(self.sort_keys)),
            "skipkeys" => Some(Value::from_bool(self.skipkeys)),
            _ => None,
        })
    }
    native_any!();
}

const ENCODER_PARAMS: &[&str] = &[
    "markers",
    "default",
    "encoder",
    "indent",
    "key_separator",
    "item_separator",
    "sort_keys",
    "skipkeys",
    "allow_nan",
];

/// `make_encoder(markers, default, encoder, indent, key_separator, item_separator,
/// sort_keys, skipkeys, allow_nan)`.
pub fn encoder_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["_json.make_encoder"];
    let cls = new_cls(vm, a, base)?;
    let p = args::parse::<9>(vm, &a.tail(), &Sig::new("make_encoder", ENCODER_PARAMS, 9))?;
    let [
        markers,
        default,
        encoder,
        indent,
        key_sep,
        item_sep,
        sort_keys,
        skipkeys,
        allow_nan,
    ] = p;
    if !markers.is_none() && dict::native(markers).is_none() {
        return Err(vm.type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            vm.type_name(markers)
        )));
    }
    for (i, v) in [(5, key_sep), (6, item_sep)] {
        if pystr::text_of(v).is_none() {
            return Err(vm.type_error(format!(
                "make_encoder() argument {i} must be str, not {}",
                vm.type_name(v)
            )));
        }
    }
    let sort_keys = vm.truth(sort_keys)?;
    let skipkeys = vm.truth(skipkeys)?;
    let allow_nan = vm.truth(allow_nan)?;
    let mode = if Some(&encoder) == vm.registry.get("_json.encode_basestring_ascii") {
        StrMode::Ascii
    } else if Some(&encoder) == vm.registry.get("_json.encode_basestring") {
        StrMode::Unicode
    } else {
        StrMode::Call
    };
    let e = Encoder {
        markers,
        default,
        encoder,
        indent,
        key_separator: key_sep,
        item_separator: item_sep,
        sort_keys,
        skipkeys,
        allow_nan,
        mode,
    };
    Ok(new_for_class(vm, cls, base, Box::new(e)))
}

/// `encoder(obj, _current_indent_level)`: a list holding the encoded text.
pub fn encoder_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e: &Encoder = this(vm, a, "_json.Encoder", "__call__")?;
    let [obj, level] = args::parse::<2>(
        vm,
        &a.tail(),
        &Sig::new("_iterencode", &["obj", "_current_indent_level"], 2),
    )?;
    vm.index(level)?;
    let mut w = Writer {
        e,
        out: String::new(),
        markers: HashSet::new(),
    };
    w.obj(vm, obj)?;
    let s = pystr::new(vm, &w.out);
    Ok(list::new(vm, &[s]))
}

struct Writer<'a> {
    e: &'a Encoder,
    out: String,
    /// Ids of the containers being encoded (when `markers` is not None).
    markers: HashSet<u64>,
}

/// The float value of a float or float-subclass instance.
fn float_of(v: Value) -> Option<f64> {
    if v.is_float() {
        return Some(v.as_f64());
    }
    let b = v.get::<InstanceObj>()?.base;
    b.is_float().then(|| b.as_f64())
}

/// The int value of an int or int-subclass instance (not a bool).
fn int_of(v: Value) -> Option<Value> {
    if v.is_bool() {
        return None;
    }
    if v.is_small_int() || v.is_kind(Kind::Int) {
        return Some(v);
    }
    int::native(v)
}

impl Writer<'_> {
    fn enter(&mut self, vm: &mut Vm, v: Value) -> PyResult<Option<u64>> {
        if self.e.markers.is_none() {
            return Ok(None);
        }
        let id = vm.id_of(v);
        if !self.markers.insert(id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn leave(&mut self, id: Option<u64>) {
        if let Some(id) = id {
            self.markers.remove(&id);
        }
    }

    fn obj(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if v.is_none() {
            self.out.push_str("null");
        } else if v.is_bool() {
            self.out
                .push_str(if v.is_true() { "true" } else { "false" });
        } else if let Some(s) = pystr::text_of(v) {
            self.string(vm, v, s)?;
        } else if let Some(i) = int_of(v) {
            let t = int::to_decimal(vm, i)?;
            self.out.push_str(&t);
        } else if let Some(x) = float_of(v) {
            self.float(vm, x)?;
        } else if list::native(v).is_some() || tuple::native(v).is_some() {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.list(vm, v);
            vm.leave_recursion();
            r?;
        } else if let Some(d) = dict::native(v) {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.dict(vm, v, d);
            vm.leave_recursion();
            r?;
        } else {
            let id = self.enter(vm, v)?;
            let new = vm.call(self.e.default, &[v])?;
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.obj(vm, new);
            vm.leave_recursion();
            r?;
            self.leave(id);
        }
        Ok(())
    }

    fn string(&mut self, vm: &mut Vm, v: Value, s: &str) -> PyResult<()> {
        match self.e.mode {
            StrMode::Ascii => escape_ascii(&mut self.out, s),
            StrMode::Unicode => escape_unicode(&mut self.out, s),
            StrMode::Call => {
                let r = vm.call(self.e.encoder, &[v])?;
                match pystr::text_of(r) {
                    Some(t) => self.out.push_str(t),
                    None => {
                        return Err(vm.type_error(format!(
                            "encoder() must return a string, not {}",
                            vm.type_name(r)
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    fn float(&mut self, vm: &mut Vm, x: f64) -> PyResult<()> {
        if !x.is_finite() {
            if !self.e.allow_nan {
                return Err(vm.value_error("Out of range float values are not JSON compliant"));
            }
            self.out.push_str(if x > 0.0 {
                "Infinity"
            } else if x < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            });
            return Ok(());
        }
        let _ = write!(self.out, "{}", float::repr(x));
        Ok(())
    }

    fn sep(&mut self, v: Value) {
        self.out.push_str(pystr::text_of(v).unwrap_or(""));
    }

    fn list(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let seq = list::native(v).or_else(|| tuple::native(v)).unwrap_or(v);
        let items = |s: Value| -> &'static [Value] {
            if s.is_kind(Kind::List) {
                list::items(s)
            } else {
                tuple::items(s)
            }
        };
        if items(seq).is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        let mut i = 0;
        while let Some(&x) = items(seq).get(i) {
            if i > 0 {
                self.sep(self.e.item_separator);
            }
            self.obj(vm, x)?;
            i += 1;
        }
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
        if dict::len(d) == 0 {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('{');
        // The items as [k0, v0, k1, v1, ...].
        let mut kv = Rooted::new();
        if v.is_kind(Kind::Dict) {
            for (k, x) in dict::items(d) {
                kv.push(k);
                kv.push(x);
            }
        } else {
            let items = vm.call_method(v, "items", &[])?;
            let it = vm.iter(items)?;
            while let Some(item) = vm.next(it)? {
                match tuple::native(item).map(tuple::items) {
                    Some(&[k, x]) => {
                        kv.push(k);
                        kv.push(x);
                    }
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            }
        }
        let n = kv.len() / 2;
        let mut order: Vec<usize> = (0..n).collect();
        if self.e.sort_keys {
            // As list.sort() of the (key, value) tuples.
            let all_str = (0..n).all(|i| kv[2 * i].is_kind(Kind::Str));
            let mut keys = Rooted::new();
            for i in 0..n {
                let k = if all_str {
                    kv[2 * i]
                } else {
                    tuple::new(vm, &[kv[2 * i], kv[2 * i + 1]])
                };
                keys.push(k);
            }
            crate::builtins::containers::sort::sort_indices(vm, &keys, &mut order)?;
        }
        let mut first = true;
        for i in order {
            let (k, x) = (kv[2 * i], kv[2 * i + 1]);
            // The key as text: str keys as they are, the others converted first.
            let converted: String;
            let (kv_str, ktext) = if let Some(s) = pystr::text_of(k) {
                (k, s)
            } else {
                converted = if let Some(f) = float_of(k) {
                    let mut t = String::new();
                    std::mem::swap(&mut t, &mut self.out);
                    let r = self.float(vm, f);
                    std::mem::swap(&mut t, &mut self.out);
                    r?;
                    t
                } else if k.is_none() {
                    "null".into()
                } else if k.is_bool() {
                    (if k.is_true() { "true" } else { "false" }).into()
                } else if let Some(iv) = int_of(k) {
                    int::to_decimal(vm, iv)?
                } else if self.e.skipkeys {
                    continue;
                } else {
                    return Err(vm.type_error(format!(
                        "keys must be str, int, float, bool or None, not {}",
                        vm.type_name(k)
                    )));
                };
                let v = if self.e.mode == StrMode::Call {
                    pystr::new(vm, &converted)
                } else {
                    Value::NONE
                };
                (v, converted.as_str())
            };
            let mut key_text = String::new();
            std::mem::swap(&mut key_text, &mut self.out);
            let r = self.string(vm, kv_str, ktext);
            std::mem::swap(&mut key_text, &mut self.out);
            r?;
            if !first {
                self.sep(self.e.item_separator);
            }
            first = false;
            self.out.push_str(&key_text);
            self.sep(self.e.key_separator);
            self.obj(vm, x)?;
        }
        self.out.push('}');
        self.leave(id);
        Ok(())
    }
}
