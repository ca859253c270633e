//! `str` methods and the `str` constructor.

use stitch_core::instr::cmpop;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_methods, add_static};
use crate::object::{ValueExt, bytes, int, list, str as pystr, tuple};
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
            ("__rmul__", str_mul),
            ("__mod__", str_mod),
            ("__contains__", str_contains),
            ("__getitem__", str_getitem),
            ("__iter__", str_iter),
            ("__format__", str_format_spec),
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("upper", str_upper),
            ("lower", str_lower),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("format", str_format),
            ("encode", str_encode),
            ("isdigit", str_isdigit),
            ("isalpha", str_isalpha),
            ("isspace", str_isspace),
            ("isalnum", str_isalnum),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("isidentifier", str_isidentifier),
            ("splitlines", str_splitlines),
        ],
    );
}

/// The text of a str argument.
fn text(v: Value) -> &'static str {
    pystr::text_of(v).unwrap_or("")
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match pystr::text_of(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
    }
}

/// `repr(s)`: quotes and escapes as CPython does.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
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
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if !is_printable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's notion of a printable character (approximated by Unicode categories).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..0xa0).contains(&u) {
        return false;
    }
    if c == ' ' {
        return true;
    }
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    // Format characters, separators and unassigned/private areas are not printable.
    !matches!(u, 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e
        | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xd800..=0xf8ff | 0xe0001 | 0xe0020..=0xe007f
        | 0xf0000..=0x10ffff)
}

/// `ascii()` of a repr: non-ASCII characters escaped.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

fn str_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [obj, encoding, errors] = args::parse::<3>(vm, &a.tail(), &Sig::new("str", &["object", "encoding", "errors"], 0))?;
    let v = if obj.is_null() {
        vm.empty_str
    } else if encoding.is_null() && errors.is_null() {
        vm.str(obj)?
    } else {
        let Some(b) = bytes::native(obj) else {
            return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(obj))));
        };
        let enc = if encoding.is_null() { "utf-8".to_string() } else { str_arg(vm, encoding, "str() argument 'encoding'")?.to_lowercase() };
        let data = bytes::data(b);
        let s = crate::text::codecs::decode(vm, data, &enc, if errors.is_null() { "strict" } else { text(errors) })?;
        pystr::new(vm, &s)
    };
    if cls == vm.types.str {
        return Ok(v);
    }
    Ok(super::numbers::subclass_instance(vm, cls, v))
}

fn this(a: &Args) -> &'static str {
    text(a.pos[0])
}

fn str_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = repr(this(a));
    Ok(pystr::new(vm, &r))
}
fn str_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(a);
    Ok(pystr::new(vm, s))
}
fn str_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, this(a).chars().count() as u64))
}
fn str_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(a);
    let h = pystr::hash_text(s, s.is_ascii());
    Ok(int::from_i64(vm, h))
}
fn str_cmp(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    let Some(o) = pystr::text_of(a.pos[1]) else { return Ok(vm.not_implemented) };
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
    str_cmp(vm, a, cmpop::EQ)
}
fn str_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::NE)
}
fn str_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::LT)
}
fn str_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::LE)
}
fn str_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::GT)
}
fn str_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    str_cmp(vm, a, cmpop::GE)
}
fn str_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(o) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(a.pos[1]))));
    };
    let s = format!("{}{}", this(a), o);
    Ok(pystr::new(vm, &s))
}
fn str_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !int::is_int(a.pos[1]) && vm.lookup_special(a.pos[1], vm.names.index).is_none() {
        return Ok(vm.not_implemented);
    }
    let n = vm.index(a.pos[1])?;
    let s = pystr::new(vm, this(a));
    crate::vm::ops::repeat(vm, s, n, false)
}
fn str_mod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = pystr::new(vm, this(a));
    crate::text::percent::format(vm, s, a.pos[1])
}
fn str_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = pystr::new(vm, this(a));
    vm.contains(s, a.pos[1]).map(Value::from_bool)
}
fn str_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = pystr::new(vm, this(a));
    getitem(vm, s, a.pos[1])
}
fn str_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = pystr::new(vm, this(a));
    vm.iter(s)
}
fn str_format_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__format__", 2, 2)?;
    let spec = str_arg(vm, a.pos[1], "format spec")?;
    let s = pystr::new(vm, this(a));
    match crate::text::format::format_builtin(vm, s, spec)? {
        Some(r) => Ok(pystr::new(vm, &r)),
        None => Ok(s),
    }
}

/// `s[k]` for str values.
pub fn getitem(vm: &mut Vm, s: Value, k: Value) -> PyResult<Value> {
    let text = pystr::as_str(s);
    let n = pystr::char_len(s) as i64;
    if let Some(sl) = crate::object::slice::as_slice(k) {
        let (start, _stop, step, len) = crate::object::slice::indices(vm, sl, n as usize)?;
        if step == 1 {
            let b0 = pystr::byte_offset(s, start as usize);
            let b1 = pystr::byte_offset(s, start as usize + len);
            return Ok(pystr::new(vm, &text[b0..b1]));
        }
        let chars: Vec<char> = text.chars().collect();
        let out: String = (0..len).map(|j| chars[(start + j as i64 * step) as usize]).collect();
        return Ok(pystr::new(vm, &out));
    }
    let i = crate::object::list::index_arg(vm, k, "string")?;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("string index out of range"));
    }
    let c = pystr::char_at(s, j as usize);
    let mut buf = [0u8; 4];
    Ok(pystr::new(vm, c.encode_utf8(&mut buf)))
}

fn str_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "join", 2, 2).map_err(|_| vm.type_error(format!("str.join() takes exactly one argument ({} given)", a.pos.len() - 1)))?;
    let sep = this(a);
    let items = vm.collect_iter(a.pos[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(t) = pystr::text_of(*x) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(*x)
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    Ok(pystr::new(vm, &out))
}

fn split_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<&'static str>, i64)> {
    let [sep, maxsplit] = args::parse::<2>(vm, &a.tail(), &Sig::new(name, &["sep", "maxsplit"], 0))?;
    let sep = if sep.is_null() || sep.is_none() {
        None
    } else {
        let s = str_arg(vm, sep, "must be str or None").map_err(|_| vm.type_error(format!("must be str or None, not {}", vm.type_name(sep))))?;
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(s)
    };
    let m = if maxsplit.is_null() { -1 } else { vm.index_value(maxsplit)? };
    Ok((sep, m))
}

fn make_list(vm: &mut Vm, parts: Vec<&str>) -> Value {
    let mut vals = crate::gc::Rooted::new();
    for p in parts {
        let v = pystr::new(vm, p);
        vals.push(v);
    }
    list::new(vm, &vals)
}

fn str_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "split")?;
    let s = this(a);
    let parts: Vec<&str> = match sep {
        Some(p) => {
            if max < 0 {
                s.split(p).collect()
            } else {
                s.splitn(max as usize + 1, p).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start();
                n += 1;
            }
            out
        }
    };
    Ok(make_list(vm, parts))
}

fn str_rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "rsplit")?;
    let s = this(a);
    let mut parts: Vec<&str> = match sep {
        Some(p) => {
            if max < 0 {
                s.rsplit(p).collect()
            } else {
                s.rsplitn(max as usize + 1, p).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest);
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map(|i| i + rest[i..].chars().next().map(char::len_utf8).unwrap_or(1)).unwrap_or(0);
                out.push(&rest[start..]);
                rest = rest[..start].trim_end();
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    Ok(make_list(vm, parts))
}

fn strip_chars(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Option<&'static str>> {
    args::count(vm, a, name, 1, 2)?;
    match a.pos.get(1) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match pystr::text_of(*v) {
            Some(s) => Ok(Some(s)),
            None => Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    }
}

fn str_strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let chars = strip_chars(vm, a, "strip")?;
    let s = this(a);
    let r = match chars {
        None => s.trim(),
        Some(c) => s.trim_matches(|x| c.contains(x)),
    };
    Ok(pystr::new(vm, r))
}
fn str_lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let chars = strip_chars(vm, a, "lstrip")?;
    let s = this(a);
    let r = match chars {
        None => s.trim_start(),
        Some(c) => s.trim_start_matches(|x| c.contains(x)),
    };
    Ok(pystr::new(vm, r))
}
fn str_rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let chars = strip_chars(vm, a, "rstrip")?;
    let s = this(a);
    let r = match chars {
        None => s.trim_end(),
        Some(c) => s.trim_end_matches(|x| c.contains(x)),
    };
    Ok(pystr::new(vm, r))
}

fn str_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "replace", 3, 4)?;
    let old = str_arg(vm, a.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, a.pos[2], "replace() argument 2")?;
    let count = if a.pos.len() == 4 { vm.index_value(a.pos[3])? } else { -1 };
    let s = this(a);
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(pystr::new(vm, &r))
}

fn affix(vm: &mut Vm, a: &Args, name: &str, starts: bool) -> PyResult<Value> {
    args::count(vm, a, name, 2, 4)?;
    let s = this(a);
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match a.pos.get(2) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => 0,
    };
    let end = match a.pos.get(3) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => n,
    };
    if start > end {
        return Ok(Value::FALSE);
    }
    let sub: String = chars[start as usize..end as usize].iter().collect();
    let test = |p: &str| if starts { sub.starts_with(p) } else { sub.ends_with(p) };
    let arg = a.pos[1];
    if let Some(t) = arg.get::<stitch_core::layout::TupleObj>() {
        for x in t.as_slice() {
            let Some(p) = pystr::text_of(*x) else {
                return Err(vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(*x)
                )));
            };
            if test(p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(p) = pystr::text_of(arg) else {
        return Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        )));
    };
    Ok(Value::from_bool(test(p)))
}
fn str_startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "startswith", true)
}
fn str_endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "endswith", false)
}
fn str_upper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = this(a).to_uppercase();
    Ok(pystr::new(vm, &r))
}
fn str_lower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = this(a).to_lowercase();
    Ok(pystr::new(vm, &r))
}

/// (char index range) of `sub` in `s[start:end]`, for find/index/count.
fn find_impl(vm: &mut Vm, a: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    args::count(vm, a, name, 2, 4)?;
    let sub = str_arg(vm, a.pos[1], "must be str").map_err(|_| vm.type_error(format!("must be str, not {}", vm.type_name(a.pos[1]))))?;
    let s = this(a);
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match a.pos.get(2) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => 0,
    };
    let end = match a.pos.get(3) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => n,
    };
    if start > end {
        return Ok(-1);
    }
    let hay: String = chars[start as usize..end as usize].iter().collect();
    let found = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match found {
        Some(b) => start + hay[..b].chars().count() as i64,
        None => -1,
    })
}
fn str_find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "find", false)?))
}
fn str_rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "rfind", true)?))
}
fn str_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "index", false)?;
    if i < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(Value::small(i))
}
fn str_rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "rindex", true)?;
    if i < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(Value::small(i))
}
fn str_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "count", 2, 4)?;
    let sub = str_arg(vm, a.pos[1], "must be str")?;
    let s = this(a);
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match a.pos.get(2) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => 0,
    };
    let end = match a.pos.get(3) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => n,
    };
    if start > end {
        return Ok(Value::small(0));
    }
    let hay: String = chars[start as usize..end as usize].iter().collect();
    let c = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(Value::small(c as i64))
}
fn str_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(a).to_string();
    let r = crate::text::format::str_format(vm, &s, &a.tail())?;
    Ok(pystr::new(vm, &r))
}
fn str_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [_, encoding, errors] = args::parse::<3>(vm, a, &Sig::new("encode", &["self", "encoding", "errors"], 1))?;
    let enc = if encoding.is_null() { "utf-8".to_string() } else { text(encoding).to_lowercase() };
    let errors = if errors.is_null() { "strict" } else { text(errors) };
    let b = crate::text::codecs::encode(vm, this(a), &enc, errors)?;
    Ok(bytes::new(vm, &b))
}
fn pred(a: &Args, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    Ok(Value::from_bool(f(this(a))))
}
fn str_isdigit(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c.to_digit(10).is_some() || matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070..=0x2079 | 0x2080..=0x2089 | 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0xff10..=0xff19)))
}
fn str_isalpha(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| !s.is_empty() && s.chars().all(char::is_alphabetic))
}
fn str_isspace(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| !s.is_empty() && s.chars().all(char::is_whitespace))
}
fn str_isalnum(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| !s.is_empty() && s.chars().all(char::is_alphanumeric))
}
fn str_isupper(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()))
}
fn str_islower(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()))
}
fn str_isidentifier(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(a, |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}
fn str_splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [_, keepends] = args::parse::<2>(vm, a, &Sig::new("splitlines", &["self", "keepends"], 1))?;
    let keep = !keepends.is_null() && vm.truth(keepends)?;
    let s = this(a);
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (b, c) = bytes[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = b + c.len_utf8();
            if c == '\r' && i + 1 < bytes.len() && bytes[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            parts.push(if keep { &s[start..end] } else { &s[start..b] });
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    Ok(make_list(vm, parts))
}

#[allow(dead_code)]
fn _kinds(v: Value) -> bool {
    v.is_kind(Kind::Str) && tuple::len(v) == 0
}
