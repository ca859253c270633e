//! The per-codec functions of `_codecs` (`utf_8_encode`, `utf_16_ex_decode`,
//! `charmap_decode`, `unicode_escape_decode`...), returning `(result, consumed)`
//! and stopping before an incomplete sequence when not `final`, plus the
//! standard error handlers (`strict_errors`, `replace_errors`...).
//!
//! Approximations: strings cannot hold lone surrogates, so `surrogateescape`
//! and `surrogatepass` raise the error; `namereplace` and `\N{...}` have no
//! character name database; UTF-7 is absent.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::codecs::error_parts;
use crate::builtins::args;
use crate::object::function::NativeFn;
use crate::object::{bytes, dict, exception, int, module, str as pystr, tuple};
use crate::text::codecs;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The standard error handlers: (registered name, function name, function).
pub const HANDLERS: &[(&str, &str, NativeFn)] = &[
    ("strict", "strict_errors", strict_errors),
    ("ignore", "ignore_errors", ignore_errors),
    ("replace", "replace_errors", replace_errors),
    (
        "xmlcharrefreplace",
        "xmlcharrefreplace_errors",
        xmlcharrefreplace_errors,
    ),
    (
        "backslashreplace",
        "backslashreplace_errors",
        backslashreplace_errors,
    ),
    ("namereplace", "namereplace_errors", backslashreplace_errors),
    ("surrogateescape", "surrogateescape", strict_errors),
    ("surrogatepass", "surrogatepass", strict_errors),
];

pub fn add(vm: &mut Vm, m: Value) {
    super::util::add_fns(
        vm,
        m,
        &[
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
            ("charmap_build", charmap_build),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("readbuffer_encode", readbuffer_encode),
        ],
    );
    let _ = module::get;
}

// ---- arguments ----

fn str_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<&'static str> {
    match pystr::text_of(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The bytes of a bytes-like argument.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v.is_kind(Kind::Bytes) {
        return Ok(bytes::data(v).to_vec());
    }
    if let Some(b) = bytes::native(v) {
        return Ok(bytes::data(b).to_vec());
    }
    let t = vm.type_of(v);
    if t == vm.types.bytearray
        || pystr::text_of(v).is_none() && vm.lookup_special(v, vm.names.bytes).is_some()
    {
        let bt = vm.types.bytes;
        let b = vm.call(bt, &[v])?;
        return Ok(bytes::data(b).to_vec());
    }
    Err(vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

fn errors_of(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.is_null() || v.is_none() {
        return Ok("strict".to_string());
    }
    match pystr::text_of(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "argument 2 must be str or None, not {}",
            vm.type_name(v)
        ))),
    }
}

fn pair(vm: &mut Vm, a: Value, n: usize) -> Value {
    let nv = int::from_i64(vm, n as i64);
    tuple::new(vm, &[a, nv])
}

fn enc_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(&'static str, String)> {
    args::count(vm, a, name, 1, 2)?;
    let s = str_arg(vm, a.pos[0], name)?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    Ok((s, e))
}

fn dec_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, String, bool)> {
    args::count(vm, a, name, 1, 3)?;
    let b = bytes_arg(vm, a.pos[0])?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    let f = match a.pos.get(2) {
        Some(&v) => vm.truth(v)?,
        None => false,
    };
    Ok((b, e, f))
}

fn encoded(vm: &mut Vm, s: &str, enc: &str, errors: &str) -> PyResult<Value> {
    let out = codecs::encode(vm, s, enc, errors)?;
    let b = bytes::new(vm, &out);
    Ok(pair(vm, b, s.chars().count()))
}

fn decoded(vm: &mut Vm, b: &[u8], enc: &str, errors: &str, consumed: usize) -> PyResult<Value> {
    let s = codecs::decode(vm, &b[..consumed], enc, errors)?;
    let v = pystr::new(vm, &s);
    Ok(pair(vm, v, consumed))
}

// ---- UTF-8, ASCII, Latin-1 ----

/// Where an incomplete (but so far valid) UTF-8 sequence starts at the end.
fn utf8_complete(b: &[u8]) -> usize {
    let n = b.len();
    for k in 1..=n.min(3) {
        let i = n - k;
        let c = b[i];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = match c {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return n,
        };
        if need <= k {
            return n;
        }
        if let Some(&second) = b.get(i + 1) {
            let ok = match c {
                0xe0 => (0xa0..=0xbf).contains(&second),
                0xed => (0x80..=0x9f).contains(&second),
                0xf0 => (0x90..=0xbf).contains(&second),
                0xf4 => (0x80..=0x8f).contains(&second),
                _ => true,
            };
            if !ok {
                return n;
            }
        }
        return i;
    }
    n
}

fn utf_8_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, e) = enc_args(vm, a, "utf_8_encode")?;
    encoded(vm, s, "utf-8", &e)
}

fn utf_8_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, e, f) = dec_args(vm, a, "utf_8_decode")?;
    let n = if f { b.len() } else { utf8_complete(&b) };
    decoded(vm, &b, "utf-8", &e, n)
}

fn ascii_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, e) = enc_args(vm, a, "ascii_encode")?;
    encoded(vm, s, "ascii", &e)
}

fn ascii_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, e, _) = dec_args(vm, a, "ascii_decode")?;
    decoded(vm, &b, "ascii", &e, b.len())
}

fn latin_1_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, e) = enc_args(vm, a, "latin_1_encode")?;
    encoded(vm, s, "latin-1", &e)
}

fn latin_1_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, e, _) = dec_args(vm, a, "latin_1_decode")?;
    decoded(vm, &b, "latin-1", &e, b.len())
}

// ---- UTF-16 and UTF-32 ----

/// Encodes with an explicit byte order argument (0: native with BOM).
fn wide_encode(vm: &mut Vm, a: &Args, name: &str, base: &str) -> PyResult<Value> {
    args::count(vm, a, name, 1, 3)?;
    let s = str_arg(vm, a.pos[0], name)?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    let order = match a.pos.get(2) {
        Some(&v) => vm.index_value(v)?,
        None => 0,
    };
    let enc = match order {
        0 => base.to_string(),
        o if o < 0 => format!("{base}-le"),
        _ => format!("{base}-be"),
    };
    encoded(vm, s, &enc, &e)
}

fn fixed_encode(vm: &mut Vm, a: &Args, name: &str, enc: &str) -> PyResult<Value> {
    let (s, e) = enc_args(vm, a, name)?;
    encoded(vm, s, enc, &e)
}

/// Complete units for UTF-16 (not ending inside a surrogate pair) or UTF-32.
fn wide_complete(b: &[u8], unit: usize, be: bool) -> usize {
    let n = b.len() - b.len() % unit;
    if unit == 2 && n >= 2 {
        let p = [b[n - 2], b[n - 1]];
        let u = if be {
            u16::from_be_bytes(p)
        } else {
            u16::from_le_bytes(p)
        };
        if (0xd800..0xdc00).contains(&u) {
            return n - 2;
        }
    }
    n
}

/// The byte order a BOM at the start announces: Some(big endian), and its length.
fn bom(b: &[u8], unit: usize) -> Option<(bool, usize)> {
    if unit == 2 {
        match b {
            [0xff, 0xfe, ..] => Some((false, 2)),
            [0xfe, 0xff, ..] => Some((true, 2)),
            _ => None,
        }
    } else {
        match b {
            [0xff, 0xfe, 0, 0, ..] => Some((false, 4)),
            [0, 0, 0xfe, 0xff, ..] => Some((true, 4)),
            _ => None,
        }
    }
}

/// Decodes UTF-16/32 data; `order`: 0 detect (BOM), -1 little, 1 big endian.
/// Returns (text, consumed, detected order).
fn wide_decode(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    unit: usize,
    order: i64,
    ex: bool,
) -> PyResult<Value> {
    args::count(vm, a, name, 1, if ex { 4 } else { 3 })?;
    let b = bytes_arg(vm, a.pos[0])?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    let mut order = order;
    let final_idx = if ex { 3 } else { 2 };
    if ex && let Some(&o) = a.pos.get(2) {
        order = vm.index_value(o)?;
    }
    let fin = match a.pos.get(final_idx) {
        Some(&v) => vm.truth(v)?,
        None => false,
    };
    let mut start = 0;
    if order == 0 {
        if let Some((be, len)) = bom(&b, unit) {
            order = if be { 1 } else { -1 };
            start = len;
        } else if !fin && b.len() < unit {
            let empty = vm.empty_str;
            return result(vm, empty, 0, 0, ex);
        }
    }
    let be = order > 0;
    let body = &b[start..];
    let n = if fin {
        body.len()
    } else {
        wide_complete(body, unit, be)
    };
    let base = if unit == 2 { "utf-16" } else { "utf-32" };
    let enc = format!("{base}-{}", if be { "be" } else { "le" });
    let s = codecs::decode(vm, &body[..n], &enc, &e)?;
    let v = pystr::new(vm, &s);
    result(vm, v, start + n, if ex { order } else { 0 }, ex)
}

fn result(vm: &mut Vm, s: Value, consumed: usize, order: i64, ex: bool) -> PyResult<Value> {
    let c = int::from_i64(vm, consumed as i64);
    if ex {
        Ok(tuple::new(vm, &[s, c, Value::small(order)]))
    } else {
        Ok(tuple::new(vm, &[s, c]))
    }
}

fn utf_16_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_encode(vm, a, "utf_16_encode", "utf-16")
}
fn utf_16_le_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fixed_encode(vm, a, "utf_16_le_encode", "utf-16-le")
}
fn utf_16_be_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fixed_encode(vm, a, "utf_16_be_encode", "utf-16-be")
}
fn utf_16_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_decode", 2, 0, false)
}
fn utf_16_le_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_le_decode", 2, -1, false)
}
fn utf_16_be_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_be_decode", 2, 1, false)
}
fn utf_16_ex_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_16_ex_decode", 2, 0, true)
}
fn utf_32_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_encode(vm, a, "utf_32_encode", "utf-32")
}
fn utf_32_le_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fixed_encode(vm, a, "utf_32_le_encode", "utf-32-le")
}
fn utf_32_be_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fixed_encode(vm, a, "utf_32_be_encode", "utf-32-be")
}
fn utf_32_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_decode", 4, 0, false)
}
fn utf_32_le_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_le_decode", 4, -1, false)
}
fn utf_32_be_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_be_decode", 4, 1, false)
}
fn utf_32_ex_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_decode(vm, a, "utf_32_ex_decode", 4, 0, true)
}

// ---- errors raised by these codecs ----

/// A UnicodeDecodeError with CPython's message and attributes.
pub fn decode_error(
    vm: &mut Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let what = if end - start == 1 {
        format!(
            "byte 0x{:02x} in position {start}",
            data.get(start).copied().unwrap_or(0)
        )
    } else {
        format!("bytes in position {}-{}", start, end - 1)
    };
    let e = vm.new_error(
        vm.exc.unicode_decode_error,
        format!("'{enc}' codec can't decode {what}: {reason}"),
    );
    let obj = bytes::new(vm, data);
    set_parts(vm, e.0, enc, obj, start, end, reason);
    e
}

/// A UnicodeEncodeError with CPython's message and attributes.
fn encode_error(vm: &mut Vm, enc: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        let c = s.chars().nth(start).map(|c| c as u32).unwrap_or(0);
        let esc = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("character '{esc}' in position {start}")
    } else {
        format!("characters in position {}-{}", start, end - 1)
    };
    let e = vm.new_error(
        vm.exc.unicode_encode_error,
        format!("'{enc}' codec can't encode {what}: {reason}"),
    );
    let obj = pystr::new(vm, s);
    set_parts(vm, e.0, enc, obj, start, end, reason);
    e
}

fn set_parts(vm: &mut Vm, e: Value, enc: &str, obj: Value, start: usize, end: usize, reason: &str) {
    let ev = pystr::new(vm, enc);
    exception::set_attr(vm, e, "encoding", ev);
    exception::set_attr(vm, e, "object", obj);
    exception::set_attr(vm, e, "start", Value::small(start as i64));
    exception::set_attr(vm, e, "end", Value::small(end as i64));
    let rv = pystr::new(vm, reason);
    exception::set_attr(vm, e, "reason", rv);
}

// ---- charmap ----

fn charmap_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "charmap_decode", 1, 3)?;
    let b = bytes_arg(vm, a.pos[0])?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    let mapping = a.pos.get(2).copied().unwrap_or(Value::NONE);
    if mapping.is_none() {
        return decoded(vm, &b, "latin-1", &e, b.len());
    }
    let table: Option<Vec<char>> = pystr::text_of(mapping).map(|s| s.chars().collect());
    let mut out = String::with_capacity(b.len());
    for (i, &byte) in b.iter().enumerate() {
        let got: Option<String> = match &table {
            Some(t) => t
                .get(byte as usize)
                .filter(|c| **c != '\u{fffe}')
                .map(|c| c.to_string()),
            None => {
                let v = match vm.getitem(mapping, Value::small(byte as i64)) {
                    Ok(v) => v,
                    Err(err) if vm.is_instance_of(err.0, vm.exc.lookup_error) => Value::NONE,
                    Err(err) => return Err(err),
                };
                if v.is_none() {
                    None
                } else if let Some(s) = pystr::text_of(v) {
                    if s == "\u{fffe}" {
                        None
                    } else {
                        Some(s.to_string())
                    }
                } else if int::is_int(v) {
                    let n = int::to_i64(v).unwrap_or(-1);
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(c) => Some(c.to_string()),
                        None => {
                            return Err(
                                vm.type_error("character mapping must be in range(0x110000)")
                            );
                        }
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        };
        match got {
            Some(s) => out.push_str(&s),
            None => match e.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                "backslashreplace" => out.push_str(&format!("\\x{byte:02x}")),
                _ => {
                    return Err(decode_error(
                        vm,
                        "charmap",
                        &b,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ));
                }
            },
        }
    }
    let s = pystr::new(vm, &out);
    Ok(pair(vm, s, b.len()))
}

fn charmap_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "charmap_encode", 1, 3)?;
    let s = str_arg(vm, a.pos[0], "charmap_encode")?;
    let e = errors_of(vm, a.pos.get(1).copied().unwrap_or(Value::NULL))?;
    let mapping = a.pos.get(2).copied().unwrap_or(Value::NONE);
    if mapping.is_none() {
        return encoded(vm, s, "latin-1", &e);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        let v = match vm.getitem(mapping, Value::small(*c as i64)) {
            Ok(v) => v,
            Err(err) if vm.is_instance_of(err.0, vm.exc.lookup_error) => Value::NONE,
            Err(err) => return Err(err),
        };
        if v.is_none() {
            match e.as_str() {
                "ignore" => continue,
                "replace" => {
                    out.push(b'?');
                    continue;
                }
                "xmlcharrefreplace" => {
                    out.extend(format!("&#{};", *c as u32).bytes());
                    continue;
                }
                _ => {
                    return Err(encode_error(
                        vm,
                        "charmap",
                        s,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ));
                }
            }
        }
        if int::is_int(v) {
            match int::to_i64(v).filter(|n| (0..256).contains(n)) {
                Some(n) => out.push(n as u8),
                None => return Err(vm.type_error("character mapping must be in range(256)")),
            }
        } else if v.is_kind(Kind::Bytes) {
            out.extend_from_slice(bytes::data(v));
        } else {
            return Err(
                vm.type_error("character mapping must return integer, bytes or None, not str")
            );
        }
    }
    let b = bytes::new(vm, &out);
    Ok(pair(vm, b, chars.len()))
}

fn charmap_build(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "charmap_build", 1, 1)?;
    let s = str_arg(vm, a.pos[0], "charmap_build")?;
    let d = dict::new(vm);
    for (i, c) in s.chars().enumerate() {
        dict::set(vm, d, Value::small(c as i64), Value::small(i as i64))?;
    }
    Ok(d)
}

// ---- escapes ----

fn escape_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "escape_encode", 1, 2)?;
    if !a.pos[0].is_kind(Kind::Bytes) {
        return Err(vm.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            vm.type_name(a.pos[0])
        )));
    }
    let b = bytes::data(a.pos[0]);
    let mut out = Vec::with_capacity(b.len());
    for &c in b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend(format!("\\x{c:02x}").bytes()),
        }
    }
    let n = b.len();
    let r = bytes::new(vm, &out);
    Ok(pair(vm, r, n))
}

fn hex_val(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

fn escape_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "escape_decode", 1, 2)?;
    let data: Vec<u8> = match pystr::text_of(a.pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(vm, a.pos[0])?,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = data.get(i) else {
            return Err(vm.value_error("Trailing \\ in string"));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => match (
                data.get(i).and_then(|c| hex_val(*c)),
                data.get(i + 1).and_then(|c| hex_val(*c)),
            ) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => {
                    return Err(vm.value_error(format!("invalid \\x escape at position {}", i - 2)));
                }
            },
            other => {
                out.push(b'\\');
                out.push(other);
                invalid_escape(vm, other)?;
            }
        }
    }
    let n = data.len();
    let r = bytes::new(vm, &out);
    Ok(pair(vm, r, n))
}

/// CPython's DeprecationWarning for an unknown escape.
fn invalid_escape(vm: &mut Vm, c: u8) -> PyResult<()> {
    let shown = if (0x20..0x7f).contains(&c) {
        format!("\\{}", c as char)
    } else {
        format!("\\x{c:02x}")
    };
    let cat = vm.exc.deprecation_warning;
    super::util::warn(vm, cat, &format!("invalid escape sequence '{shown}'"), 1)
}

fn push_escape(out: &mut String, c: char) {
    let u = c as u32;
    if u < 0x100 {
        out.push_str(&format!("\\x{u:02x}"));
    } else if u < 0x10000 {
        out.push_str(&format!("\\u{u:04x}"));
    } else {
        out.push_str(&format!("\\U{u:08x}"));
    }
}

fn unicode_escape_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, _) = enc_args(vm, a, "unicode_escape_encode")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ => push_escape(&mut out, c),
        }
    }
    let b = bytes::new(vm, out.as_bytes());
    Ok(pair(vm, b, s.chars().count()))
}

fn raw_unicode_escape_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, _) = enc_args(vm, a, "raw_unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x100 {
            out.push(u as u8);
        } else if u < 0x10000 {
            out.extend(format!("\\u{u:04x}").bytes());
        } else {
            out.extend(format!("\\U{u:08x}").bytes());
        }
    }
    let b = bytes::new(vm, &out);
    Ok(pair(vm, b, s.chars().count()))
}

/// Reads `n` hex digits at `i` as a code point.
fn hex_digits(data: &[u8], i: usize, n: usize) -> Option<u32> {
    let mut v = 0u32;
    for k in 0..n {
        v = v * 16 + hex_val(*data.get(i + k)?)?;
    }
    Some(v)
}

/// Decodes `\x`, `\u`, `\U` (and, unless raw, the other escapes) to text.
fn unescape(vm: &mut Vm, data: &[u8], errors: &str, raw: bool) -> PyResult<String> {
    let enc = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            let slashes = data[i..].iter().take_while(|b| **b == b'\\').count();
            let after = data.get(i + slashes).copied();
            if slashes % 2 == 0 || !matches!(after, Some(b'u') | Some(b'U')) {
                for _ in 0..slashes {
                    out.push('\\');
                }
                i += slashes;
                continue;
            }
            for _ in 0..slashes - 1 {
                out.push('\\');
            }
            i += slashes - 1;
        }
        let Some(&e) = data.get(i + 1) else {
            if raw {
                out.push('\\');
                break;
            }
            return Err(decode_error(
                vm,
                enc,
                data,
                start,
                data.len(),
                "\\ at end of string",
            ));
        };
        i += 2;
        let (width, name) = match e {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => (0, ""),
        };
        if width > 0 {
            let avail = data[i..]
                .iter()
                .take(width)
                .take_while(|b| hex_val(**b).is_some())
                .count();
            match hex_digits(data, i, width).filter(|_| avail == width) {
                Some(v) => match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        let reason = if v > 0x10ffff {
                            "illegal Unicode character"
                        } else {
                            "surrogates not allowed"
                        };
                        if errors == "strict" {
                            return Err(decode_error(vm, enc, data, start, i + width, reason));
                        }
                        if errors == "replace" {
                            out.push('\u{fffd}');
                        }
                    }
                },
                None => {
                    if errors == "strict" {
                        return Err(decode_error(vm, enc, data, start, i + avail, name));
                    }
                    if errors == "replace" {
                        out.push('\u{fffd}');
                    }
                    i += avail;
                    continue;
                }
            }
            i += width;
            continue;
        }
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\u{7}'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\u{b}'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'N' => {
                let reason = if data.get(i) == Some(&b'{') {
                    "unknown Unicode character name"
                } else {
                    "malformed \\N character escape"
                };
                let end = data[i..]
                    .iter()
                    .position(|b| *b == b'}')
                    .map_or(data.len(), |p| i + p + 1);
                if errors == "strict" {
                    return Err(decode_error(vm, enc, data, start, end, reason));
                }
                if errors == "replace" {
                    out.push('\u{fffd}');
                }
                i = end;
            }
            other => {
                out.push('\\');
                out.push(other as char);
                invalid_escape(vm, other)?;
            }
        }
    }
    Ok(out)
}

fn unicode_escape_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, e, _) = dec_args(vm, a, "unicode_escape_decode")?;
    let s = unescape(vm, &b, &e, false)?;
    let v = pystr::new(vm, &s);
    Ok(pair(vm, v, b.len()))
}

fn raw_unicode_escape_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, e, _) = dec_args(vm, a, "raw_unicode_escape_decode")?;
    let s = unescape(vm, &b, &e, true)?;
    let v = pystr::new(vm, &s);
    Ok(pair(vm, v, b.len()))
}

fn readbuffer_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "readbuffer_encode", 1, 2)?;
    let data = match pystr::text_of(a.pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(vm, a.pos[0])?,
    };
    let b = bytes::new(vm, &data);
    Ok(pair(vm, b, data.len()))
}

// ---- error handlers ----

enum Which {
    Encode,
    Decode,
    Translate,
}

fn which(vm: &mut Vm, exc: Value) -> PyResult<Which> {
    if vm.is_instance_of(exc, vm.exc.unicode_encode_error) {
        Ok(Which::Encode)
    } else if vm.is_instance_of(exc, vm.exc.unicode_decode_error) {
        Ok(Which::Decode)
    } else if vm.is_instance_of(exc, vm.exc.unicode_translate_error) {
        Ok(Which::Translate)
    } else {
        let tn = vm.type_name(exc);
        Err(vm.type_error(format!("don't know how to handle {tn} in error callback")))
    }
}

fn handler_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    args::count(vm, a, name, 1, 1)?;
    Ok(a.pos[0])
}

fn strict_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = handler_arg(vm, a, "strict_errors")?;
    if vm.is_instance_of(exc, vm.exc.base_exception) {
        return Err(PyErr(exc));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

fn chars_between(vm: &mut Vm, obj: Value, start: i64, end: i64) -> PyResult<Vec<char>> {
    let Some(s) = pystr::text_of(obj) else {
        return Err(vm.type_error("object attribute must be unicode"));
    };
    Ok(s.chars()
        .skip(start.max(0) as usize)
        .take((end - start).max(0) as usize)
        .collect())
}

fn handler_result(vm: &mut Vm, text: &str, end: i64) -> PyResult<Value> {
    let s = pystr::new(vm, text);
    let e = int::from_i64(vm, end);
    Ok(tuple::new(vm, &[s, e]))
}

fn ignore_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = handler_arg(vm, a, "ignore_errors")?;
    which(vm, exc)?;
    let (_, _, end) = error_parts(vm, exc)?;
    handler_result(vm, "", end)
}

fn replace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = handler_arg(vm, a, "replace_errors")?;
    let w = which(vm, exc)?;
    let (_, start, end) = error_parts(vm, exc)?;
    let n = (end - start).max(0) as usize;
    let text = match w {
        Which::Encode => "?".repeat(n),
        Which::Decode => "\u{fffd}".to_string(),
        Which::Translate => "\u{fffd}".repeat(n),
    };
    handler_result(vm, &text, end)
}

fn xmlcharrefreplace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = handler_arg(vm, a, "xmlcharrefreplace_errors")?;
    if !matches!(which(vm, exc)?, Which::Encode) {
        let tn = vm.type_name(exc);
        return Err(vm.type_error(format!("don't know how to handle {tn} in error callback")));
    }
    let (obj, start, end) = error_parts(vm, exc)?;
    let chars = chars_between(vm, obj, start, end)?;
    let text: String = chars.iter().map(|c| format!("&#{};", *c as u32)).collect();
    handler_result(vm, &text, end)
}

fn backslashreplace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = handler_arg(vm, a, "backslashreplace_errors")?;
    let w = which(vm, exc)?;
    let (obj, start, end) = error_parts(vm, exc)?;
    let mut text = String::new();
    match w {
        Which::Decode => {
            let data = bytes_arg(vm, obj)?;
            for b in data
                .iter()
                .skip(start.max(0) as usize)
                .take((end - start).max(0) as usize)
            {
                text.push_str(&format!("\\x{b:02x}"));
            }
        }
        _ => {
            for c in chars_between(vm, obj, start, end)? {
                push_escape(&mut text, c);
            }
        }
    }
    handler_result(vm, &text, end)
}
