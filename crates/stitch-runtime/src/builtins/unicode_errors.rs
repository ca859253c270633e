//! UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their
//! constructors (encoding, object, start, end, reason) and CPython's messages,
//! and the helpers the codecs raise them with.

use stitch_core::value::Value;

use super::add_methods;
use crate::object::{exception, int, str as pystr};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let e = vm.exc.unicode_encode_error;
    add_methods(vm, e, &[("__init__", encode_init), ("__str__", encode_str)]);
    let d = vm.exc.unicode_decode_error;
    add_methods(vm, d, &[("__init__", decode_init), ("__str__", decode_str)]);
    let t = vm.exc.unicode_translate_error;
    add_methods(
        vm,
        t,
        &[("__init__", translate_init), ("__str__", translate_str)],
    );
}

/// A raised UnicodeEncodeError for `object[start:end]`.
pub fn encode_error(
    vm: &mut Vm,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let ty = vm.exc.unicode_encode_error;
    make(vm, ty, Some(encoding), object, start, end, reason)
}

/// A raised UnicodeDecodeError for the bytes `object[start:end]`.
pub fn decode_error(
    vm: &mut Vm,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let ty = vm.exc.unicode_decode_error;
    make(vm, ty, Some(encoding), object, start, end, reason)
}

/// The exception object (not raised) for a codec error, for error handlers.
pub fn make_exception(
    vm: &mut Vm,
    decode: bool,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let ty = if decode {
        vm.exc.unicode_decode_error
    } else {
        vm.exc.unicode_encode_error
    };
    make(vm, ty, Some(encoding), object, start, end, reason).0
}

fn make(
    vm: &mut Vm,
    ty: Value,
    encoding: Option<&str>,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let mut vals = crate::gc::Rooted::new();
    if let Some(enc) = encoding {
        let e = pystr::new(vm, enc);
        vals.push(e);
    }
    vals.push(object);
    let s = int::from_u64(vm, start as u64);
    vals.push(s);
    let e = int::from_u64(vm, end as u64);
    vals.push(e);
    let r = pystr::new(vm, reason);
    vals.push(r);
    let exc = vm.new_exception(ty, &vals);
    store(vm, exc, &vals, encoding.is_some());
    vm.set_context(exc);
    PyErr(exc)
}

/// Records the attributes from the constructor arguments.
fn store(vm: &mut Vm, exc: Value, vals: &[Value], has_encoding: bool) {
    let names: &[&str] = if has_encoding {
        &["encoding", "object", "start", "end", "reason"]
    } else {
        exception::set_attr(vm, exc, "encoding", Value::NONE);
        &["object", "start", "end", "reason"]
    };
    for (n, v) in names.iter().zip(vals) {
        exception::set_attr(vm, exc, n, *v);
    }
}

fn arg_count(vm: &mut Vm, a: &Args, n: usize) -> PyResult<()> {
    let given = a.pos.len() - 1;
    if given != n {
        return Err(vm.type_error(format!(
            "function takes exactly {n} arguments ({given} given)"
        )));
    }
    Ok(())
}

fn str_at(vm: &mut Vm, a: &Args, i: usize) -> PyResult<()> {
    let v = a.pos[i];
    if pystr::text_of(v).is_none() {
        return Err(vm.type_error(format!("argument {i} must be str, not {}", vm.type_name(v))));
    }
    Ok(())
}

fn encode_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arg_count(vm, a, 5)?;
    str_at(vm, a, 1)?;
    str_at(vm, a, 2)?;
    vm.index_value(a.pos[3])?;
    vm.index_value(a.pos[4])?;
    str_at(vm, a, 5)?;
    set_args(vm, a.pos[0], &a.pos[1..], true);
    Ok(Value::NONE)
}

fn decode_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arg_count(vm, a, 5)?;
    str_at(vm, a, 1)?;
    let obj = a.pos[2];
    let Some(data) = super::bytes::buffer_of(obj) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(obj)
        )));
    };
    vm.index_value(a.pos[3])?;
    vm.index_value(a.pos[4])?;
    str_at(vm, a, 5)?;
    let b = crate::object::bytes::new(vm, data);
    let mut vals = a.pos[1..].to_vec();
    vals[1] = b;
    let vals = crate::gc::Rooted::from_vec(vals);
    set_args(vm, a.pos[0], &vals, true);
    Ok(Value::NONE)
}

fn translate_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arg_count(vm, a, 4)?;
    str_at(vm, a, 1)?;
    vm.index_value(a.pos[2])?;
    vm.index_value(a.pos[3])?;
    str_at(vm, a, 4)?;
    set_args(vm, a.pos[0], &a.pos[1..], false);
    Ok(Value::NONE)
}

fn set_args(vm: &mut Vm, exc: Value, vals: &[Value], has_encoding: bool) {
    let t = crate::object::tuple::new(vm, vals);
    if let Some(e) = exception::obj(exc) {
        e.args = t;
    }
    store(vm, exc, vals, has_encoding);
}

/// (encoding, object, start, end, reason) as set, or None before __init__ ran.
/// (encoding, object, start, end, reason).
type Parts = (String, Value, i64, i64, String);

fn parts(vm: &mut Vm, exc: Value) -> PyResult<Option<Parts>> {
    let Some(obj) = exception::get_attr(vm, exc, "object") else {
        return Ok(None);
    };
    let enc = match exception::get_attr(vm, exc, "encoding") {
        Some(e) if !e.is_none() => vm.str_string(e)?,
        _ => String::new(),
    };
    let start = match exception::get_attr(vm, exc, "start") {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let end = match exception::get_attr(vm, exc, "end") {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let reason = match exception::get_attr(vm, exc, "reason") {
        Some(v) => vm.str_string(v)?,
        None => String::new(),
    };
    Ok(Some((enc, obj, start, end, reason)))
}

fn char_escape(u: u32) -> String {
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// The message of an encode (`translate` false) or translate error.
fn text_message(vm: &mut Vm, a: &Args, translate: bool) -> PyResult<Value> {
    let Some((enc, obj, start, end, reason)) = parts(vm, a.pos[0])? else {
        return Ok(vm.empty_str);
    };
    let text = pystr::text_of(obj).unwrap_or("");
    let len = text.chars().count() as i64;
    let head = if translate {
        "can't translate".to_string()
    } else {
        format!("'{enc}' codec can't encode")
    };
    let msg = if start >= 0 && start < len && end == start + 1 {
        let c = text.chars().nth(start as usize).map_or(0, |c| c as u32);
        format!(
            "{head} character '{}' in position {start}: {reason}",
            char_escape(c)
        )
    } else {
        format!(
            "{head} characters in position {start}-{}: {reason}",
            end - 1
        )
    };
    Ok(pystr::new(vm, &msg))
}

fn encode_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    text_message(vm, a, false)
}

fn translate_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    text_message(vm, a, true)
}

fn decode_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((enc, obj, start, end, reason)) = parts(vm, a.pos[0])? else {
        return Ok(vm.empty_str);
    };
    let data = super::bytes::buffer_of(obj).unwrap_or(&[]);
    let len = data.len() as i64;
    let msg = if start >= 0 && start < len && end == start + 1 {
        format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start as usize]
        )
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    Ok(pystr::new(vm, &msg))
}
