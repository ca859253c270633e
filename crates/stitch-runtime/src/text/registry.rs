//! How `str.encode` / `bytes.decode` reach the codec registry (the `_codecs`
//! module) for encodings and error handlers the runtime does not implement
//! natively, with CPython's checks on what the codec returns.

use stitch_core::value::Value;

use crate::object::{bytes, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// The CodecInfo for `encoding` from the registry.
fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let e = pystr::new(vm, encoding);
    crate::modules::codecs::lookup(vm, e)
}

/// The error handler registered under `name` (`codecs.lookup_error`).
pub fn lookup_error(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = crate::import::import_module(vm, "_codecs")?;
    let f = vm.getattr_str(m, "lookup_error")?;
    let n = pystr::new(vm, name);
    vm.call(f, &[n])
}

/// Rejects codecs that are not text encodings (rot13, base64...).
fn check_text_encoding(vm: &mut Vm, info: Value, encoding: &str, what: &str) -> PyResult<()> {
    let attr = pystr::intern(vm, "_is_text_encoding");
    if let Some(v) = vm.getattr_opt(info, attr)?
        && !vm.truth(v)?
    {
        return Err(vm.new_error(
            vm.exc.lookup_error,
            format!("'{encoding}' is not a text encoding; use codecs.{what}() to handle arbitrary codecs"),
        ));
    }
    Ok(())
}

/// Item `i` of the CodecInfo tuple.
fn codec_item(vm: &mut Vm, info: Value, i: i64) -> PyResult<Value> {
    vm.getitem(info, Value::small(i))
}

fn result_first(vm: &mut Vm, r: Value, what: &str) -> PyResult<Value> {
    match tuple::native(r) {
        Some(t) if tuple::len(t) == 2 => Ok(tuple::items(t)[0]),
        _ => Err(vm.type_error(format!("{what} must return a tuple (object, integer)"))),
    }
}

/// `s.encode(encoding, errors)` through the registry.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let info = lookup(vm, encoding)?;
    check_text_encoding(vm, info, encoding, "encode")?;
    let enc = codec_item(vm, info, 0)?;
    let sv = pystr::new(vm, s);
    let ev = pystr::new(vm, errors);
    let r = vm.call(enc, &[sv, ev])?;
    let first = result_first(vm, r, "encoder")?;
    if let Some(b) = bytes::native(first) {
        return Ok(bytes::data(b).to_vec());
    }
    if let Some(b) = crate::object::bytearray::native(first) {
        return Ok(crate::object::bytearray::data(b).to_vec());
    }
    Err(vm.type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        vm.type_name(first)
    )))
}

/// `b.decode(encoding, errors)` through the registry.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let info = lookup(vm, encoding)?;
    check_text_encoding(vm, info, encoding, "decode")?;
    let dec = codec_item(vm, info, 1)?;
    let bv = bytes::new(vm, b);
    let ev = pystr::new(vm, errors);
    let r = vm.call(dec, &[bv, ev])?;
    let first = result_first(vm, r, "decoder")?;
    match pystr::text_of(first) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(first)
        ))),
    }
}
