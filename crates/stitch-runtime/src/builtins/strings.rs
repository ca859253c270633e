//! The `str` type: constructor, special methods, repr, and the argument-checking
//! helpers (with CPython's messages) shared by the str and bytes methods. The
//! ordinary methods live in `str_methods.rs` and `str_search.rs`.

use stitch_core::instr::cmpop;
use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_methods, add_static};
use crate::object::{ValueExt, int, str as pystr};
use crate::text::unicode;
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.types.str;
    add_static(vm, s, &[("__new__", str_new)]);
    add_methods(
        vm,
        s,
        &[
            ("__repr__", str_repr),
            ("__str__", str_str),
            ("__len__", str_len),
            ("__hash__", str_hash),
            ("__eq__", str_eq),
            ("__ne__", str_ne),
            ("__lt__", str_lt),
            ("__le__", str_le),
            ("__gt__", str_gt),
            ("__ge__", str_ge),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_rmul),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__contains__", str_contains),
            ("__getitem__", str_getitem),
            ("__iter__", str_iter),
            ("__format__", str_format_spec),
            ("__sizeof__", str_sizeof),
            ("__getnewargs__", str_getnewargs),
        ],
    );
    super::str_methods::init(vm);
    super::str_search::init(vm);
}

/// The native str behind a str or str-subclass instance (the caller knows it is one).
pub fn native_str(v: Value) -> Value {
    if v.is_kind(Kind::Str) {
        return v;
    }
    match v.get::<InstanceObj>() {
        Some(inst) if inst.base.is_kind(Kind::Str) => inst.base,
        _ => v,
    }
}

/// The text of `self` of a str method.
pub fn this(a: &Args) -> &'static str {
    pystr::text_of(a.pos[0]).unwrap_or("")
}

/// A str argument, or TypeError "`{what}` must be str, not T" (`what` may be empty).
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match pystr::text_of(v) {
        Some(s) => Ok(s),
        None if what.is_empty() => {
            Err(vm.type_error(format!("must be str, not {}", vm.type_name(v))))
        }
        None => Err(vm.type_error(format!("{what} must be str, not {}", arg_type_name(vm, v)))),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A slot wrapper of one argument (`str.__add__`): "expected 1 argument, got 2".
pub fn wrapper1(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    Ok(a.pos[1])
}

/// A slot wrapper without arguments (`str.__len__`): "expected 0 arguments, got 1".
pub fn wrapper0(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("expected 0 arguments, got {n}")));
    }
    Ok(())
}

/// The type name CPython's argument-clinic errors show ("None" for None).
pub fn arg_type_name(vm: &Vm, v: Value) -> &'static str {
    if v.is_none() { "None" } else { vm.type_name(v) }
}

/// A method without arguments: "str.upper() takes no arguments (1 given)".
pub fn no_args(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A method of exactly one argument: "str.join() takes exactly one argument (0 given)".
pub fn one_arg(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(a.pos[1])
}

/// `pos_args` for a method of str named `name` (its qualified name formatted only
/// for an error).
pub fn str_pos_args(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len().saturating_sub(1);
    if !a.has_kwargs() && n >= min && n <= max {
        return Ok(());
    }
    pos_args(vm, a, name, &format!("str.{name}"), min, max)
}

/// `one_arg` for a method of str named `name` (as `str_pos_args`).
pub fn str_one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if !a.has_kwargs() && a.pos.len() == 2 {
        return Ok(a.pos[1]);
    }
    one_arg(vm, a, &format!("str.{name}"))
}

/// Positional-only arguments checked as Argument Clinic does:
/// "center expected at least 1 argument, got 0", "str.center() takes no keyword arguments".
pub fn pos_args(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    qual: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Positional arguments checked as PyArg_ParseTuple does:
/// "find() takes at least 1 argument (0 given)".
pub fn tuple_args(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if a.has_kwargs() {
        let owner = if super::bytes::is_bytearray(a.pos[0]) {
            "bytearray"
        } else if super::bytes::buffer_of(a.pos[0]).is_some() {
            "bytes"
        } else {
            "str"
        };
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{name}() takes exactly {min} argument{} ({n} given)",
                plural(min)
            )
        } else if n < min {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                plural(max)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A `Py_ssize_t` argument (`__index__`), with OverflowError past the range.
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    vm.index_value(v)
}

/// A slice-index argument of find/count/startswith: None or an `__index__` value
/// (clamped to the ssize_t range).
pub fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(&v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if v.is_small_int() {
        return Ok(Some(v.small_value()));
    }
    let ok = v.is_bool()
        || int::is_int(v)
        || int::native(v).is_some()
        || vm.lookup_special(v, vm.names.index).is_some();
    if !ok {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.index(v)?;
    Ok(Some(int::to_i64_clamped(i)))
}

/// CPython's ADJUST_INDICES: `(start, end)` for a sequence of length `n`; start is
/// not clamped above (callers compare it with `n`).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, n: usize) -> (i64, i64) {
    let n = n as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    if s < 0 {
        s = (s + n).max(0);
    }
    (s, e)
}

/// `repr(s)`: quotes and escapes as CPython does.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if !is_printable(c) => push_escape(&mut out, c as u32),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
fn push_escape(out: &mut String, u: u32) {
    use std::fmt::Write;
    let _ = if u < 0x100 {
        write!(out, "\\x{u:02x}")
    } else if u < 0x10000 {
        write!(out, "\\u{u:04x}")
    } else {
        write!(out, "\\U{u:08x}")
    };
}

/// Python's `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    unicode::is_printable(c)
}

/// `ascii()` of a repr: non-ASCII characters escaped.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c as u32);
        }
    }
    out
}

fn str_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    if cls == vm.types.str && a.pos.len() == 2 && !a.has_kwargs() {
        // str(x): the common case, without argument parsing.
        return vm.str(a.pos[1]);
    }
    let [obj, encoding, errors] = args::parse::<3>(
        vm,
        &a.tail(),
        &Sig::new("str", &["object", "encoding", "errors"], 0),
    )?;
    let v = if obj.is_null() {
        vm.empty_str
    } else if encoding.is_null() && errors.is_null() {
        vm.str(obj)?
    } else {
        let enc = if encoding.is_null() {
            "utf-8"
        } else {
            str_arg(vm, encoding, "str() argument 'encoding'")?
        };
        let err = if errors.is_null() {
            "strict"
        } else {
            str_arg(vm, errors, "str() argument 'errors'")?
        };
        let Some(data) = super::bytes::buffer_of(obj) else {
            if pystr::text_of(obj).is_some() {
                return Err(vm.type_error("decoding str is not supported"));
            }
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(obj)
            )));
        };
        let s = crate::text::codecs::decode(vm, data, enc, err)?;
        pystr::new(vm, &s)
    };
    if cls == vm.types.str {
        return Ok(v);
    }
    Ok(super::numbers::subclass_instance(vm, cls, v))
}

fn str_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__repr__")?;
    let r = repr(this(a));
    Ok(pystr::new(vm, &r))
}
fn str_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__str__")?;
    Ok(native_str(a.pos[0]))
}
fn str_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__len__")?;
    Ok(Value::small(pystr::char_len(native_str(a.pos[0])) as i64))
}
fn str_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__hash__")?;
    let h = pystr::hash(native_str(a.pos[0]));
    Ok(int::from_i64(vm, h))
}
fn str_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "str.__sizeof__")?;
    let s = this(a);
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let n = s.chars().count();
    let size = if max < 0x80 {
        40 + n + 1
    } else if max < 0x100 {
        56 + n + 1
    } else if max < 0x10000 {
        56 + 2 * (n + 1)
    } else {
        56 + 4 * (n + 1)
    };
    Ok(Value::small(size as i64))
}
fn str_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "str.__getnewargs__")?;
    let s = pystr::new(vm, this(a));
    Ok(crate::object::tuple::new(vm, &[s]))
}

fn str_cmp(vm: &mut Vm, a: &Args, op: u32, name: &str) -> PyResult<Value> {
    wrapper1(vm, a, name)?;
    let Some(o) = pystr::text_of(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let ord = this(a).cmp(o);
    Ok(Value::from_bool(match op {
        cmpop::LT => ord.is_lt(),
        cmpop::LE => ord.is_le(),
        cmpop::EQ => ord.is_eq(),
        cmpop::NE => ord.is_ne(),
        cmpop::GT => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}
fn str_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::EQ, "__eq__")
}
fn str_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::NE, "__ne__")
}
fn str_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::LT, "__lt__")
}
fn str_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::LE, "__le__")
}
fn str_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::GT, "__gt__")
}
fn str_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::GE, "__ge__")
}
fn str_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__add__")?;
    let Some(o) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(a.pos[1])
        )));
    };
    let s = this(a);
    if o.is_empty() {
        return Ok(native_str(a.pos[0]));
    }
    let mut r = String::with_capacity(s.len() + o.len());
    r.push_str(s);
    r.push_str(o);
    Ok(pystr::new(vm, &r))
}
fn str_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__mul__")?;
    let n = seq_count(vm, a.pos[1])?;
    let s = native_str(a.pos[0]);
    crate::vm::ops::repeat(vm, s, n, false)
}
/// `n * s`: NotImplemented for a count without `__index__`, so that `[1] * "2"` reports
/// the left operand's repetition error, as CPython's sequence protocol does.
fn str_rmul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__rmul__")?;
    let n = a.pos[1];
    if !n.is_small_int()
        && !n.is_bool()
        && !int::is_int(n)
        && vm.lookup_special(n, vm.names.index).is_none()
    {
        return Ok(vm.not_implemented);
    }
    str_mul(vm, a)
}
fn str_mod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__mod__")?;
    let s = native_str(a.pos[0]);
    crate::text::percent::format(vm, s, a.pos[1])
}
fn str_rmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__rmod__")?;
    Ok(vm.not_implemented)
}
fn str_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__contains__")?;
    let Some(sub) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(a.pos[1])
        )));
    };
    Ok(Value::from_bool(this(a).contains(sub)))
}
fn str_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("str.__getitem__() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.pos.len() - 1)));
    }
    let s = native_str(a.pos[0]);
    getitem(vm, s, a.pos[1])
}
fn str_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__iter__")?;
    let s = native_str(a.pos[0]);
    vm.iter(s)
}
fn str_format_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pos_args(vm, a, "__format__", "str.__format__", 1, 1)?;
    let spec = str_arg(vm, a.pos[1], "__format__() argument")?;
    let s = native_str(a.pos[0]);
    if spec.is_empty() {
        // An empty spec formats like str(), which a subclass may override.
        return if s == a.pos[0] {
            Ok(s)
        } else {
            vm.str(a.pos[0])
        };
    }
    let r = crate::text::format::format_str(vm, pystr::as_str(s), spec)?;
    Ok(pystr::new(vm, &r))
}

/// The count of `seq * n` (reached through the `*` operator, whose message for
/// non-integers this gives).
pub fn seq_count(vm: &mut Vm, n: Value) -> PyResult<Value> {
    let has_index = n.is_small_int()
        || n.is_bool()
        || int::is_int(n)
        || int::native(n).is_some()
        || (!n.is_float() && vm.lookup_special(n, vm.names.index).is_some());
    if !has_index {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    vm.index(n)
}

/// `s[k]` for str values.
pub fn getitem(vm: &mut Vm, s: Value, k: Value) -> PyResult<Value> {
    let text = pystr::as_str(s);
    let n = pystr::char_len(s);
    if let Some(sl) = crate::object::slice::as_slice(k) {
        let (start, _stop, step, len) = crate::object::slice::indices(vm, sl, n)?;
        if len == 0 {
            return Ok(vm.empty_str);
        }
        if step == 1 {
            if len == n {
                return Ok(s);
            }
            let (b0, b1) = pystr::char_range(s, start as usize, start as usize + len);
            let sub = text.get(b0..b1).unwrap_or("");
            let ascii = pystr::is_ascii(s) || sub.is_ascii();
            return Ok(pystr::new_known(vm, sub, len, ascii));
        }
        let out: String = if pystr::is_ascii(s) {
            let b = text.as_bytes();
            (0..len)
                .filter_map(|j| {
                    b.get((start + j as i64 * step) as usize)
                        .map(|&c| c as char)
                })
                .collect()
        } else {
            let chars: Vec<char> = text.chars().collect();
            (0..len)
                .filter_map(|j| chars.get((start + j as i64 * step) as usize))
                .collect()
        };
        return Ok(pystr::new(vm, &out));
    }
    let i = if k.is_small_int() {
        k.small_value()
    } else if k.is_bool()
        || int::is_int(k)
        || int::native(k).is_some()
        || vm.lookup_special(k, vm.names.index).is_some()
    {
        let v = vm.index(k)?;
        match int::to_i64(v) {
            Some(i) => i,
            None => {
                return Err(vm.index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(k)
                )));
            }
        }
    } else {
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(k)
        )));
    };
    let n = n as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("string index out of range"));
    }
    let c = pystr::char_at(s, j as usize);
    let mut buf = [0u8; 4];
    Ok(pystr::new(vm, c.encode_utf8(&mut buf)))
}
