//! The `_json` accelerator module, as CPython 3.11's: `scanstring`,
//! `encode_basestring(_ascii)`, and the `make_scanner`/`make_encoder` types the
//! `json` package uses when present. Decoding lives in `decode.rs`, encoding in
//! `encode.rs`; both keep CPython's error messages and positions (positions in code
//! points).

mod decode;
mod encode;

use stitch_core::value::Value;

use super::util::{add_fns, native_type};
use crate::builtins::{add_methods, add_static};
use crate::object::module;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_json");
    add_fns(
        vm,
        m,
        &[
            ("scanstring", decode::scanstring),
            ("encode_basestring_ascii", encode::encode_basestring_ascii),
            ("encode_basestring", encode::encode_basestring),
        ],
    );
    // The encoder recognises these two as its string encoder (no call needed).
    for (name, key) in [
        ("encode_basestring_ascii", "_json.encode_basestring_ascii"),
        ("encode_basestring", "_json.encode_basestring"),
    ] {
        let f = module::get(vm, m, name).unwrap_or(Value::NONE);
        vm.registry.insert(key, f);
    }
    let t = native_type(vm, "_json", "make_scanner", true);
    super::util::set_c_name(t, "_json", "Scanner");
    add_static(vm, t, &[("__new__", decode::scanner_new)]);
    add_methods(vm, t, &[("__call__", decode::scanner_call)]);
    module::set(vm, m, "make_scanner", t);
    let t = native_type(vm, "_json", "make_encoder", true);
    super::util::set_c_name(t, "_json", "Encoder");
    add_static(vm, t, &[("__new__", encode::encoder_new)]);
    add_methods(vm, t, &[("__call__", encode::encoder_call)]);
    module::set(vm, m, "make_encoder", t);
    Ok(m)
}

/// Raises `json.decoder.JSONDecodeError(msg, doc, pos)`.
fn decode_error(vm: &mut Vm, msg: &str, doc: Value, pos: usize) -> crate::vm::PyErr {
    let cls = match crate::import::import_module(vm, "json.decoder") {
        Ok(m) => vm.getattr_str(m, "JSONDecodeError"),
        Err(e) => return e,
    };
    let cls = match cls {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = crate::object::str::new(vm, msg);
    let p = Value::small(pos as i64);
    match vm.call(cls, &[m, doc, p]) {
        Ok(e) => crate::vm::PyErr(e),
        Err(e) => e,
    }
}
