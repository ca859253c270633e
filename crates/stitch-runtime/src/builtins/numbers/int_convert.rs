//! `int()` (text in any base, `__int__`/`__index__`/`__trunc__`, CPython's error
//! messages and digit limit) and `int.to_bytes` / `int.from_bytes`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{method_self, num, subclass_instance};
use crate::builtins::args::{self, Sig};
use crate::object::{int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

/// "little" or "big" from a `byteorder` argument (default big).
fn byteorder(vm: &mut Vm, v: Value, fname: &str) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    match pystr::text_of(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

pub(super) fn int_to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.int;
    let this = method_self(vm, a, t, "to_bytes")?;
    if a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let [length, order, signed] = args::parse::<3>(
        vm,
        &a.tail(),
        &Sig {
            name: "to_bytes",
            params: &["length", "byteorder", "signed"],
            required: 0,
            kwonly_from: 2,
            posonly_until: 0,
        },
    )?;
    let len = if length.is_null() {
        1
    } else {
        vm.index_value(length)?
    };
    let little = byteorder(vm, order, "to_bytes")?;
    let signed = !signed.is_null() && vm.truth(signed)?;
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let b = int::to_bigint(this);
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // Minimal little-endian forms (two's complement when signed).
    let mut bytes = if b.is_zero() {
        vec![]
    } else if signed {
        b.to_signed_bytes_le()
    } else {
        b.magnitude().to_bytes_le()
    };
    if len > (1 << 31) {
        return Err(int::memory_error(vm));
    }
    let len = len as usize;
    // CPython quirk: -1 fits in zero bytes.
    if len == 0 && signed && b == BigInt::from(-1) {
        bytes.clear();
    }
    if bytes.len() > len {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::object::bytes::new(vm, &bytes))
}

pub(super) fn int_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("from_bytes() needs a class"));
    };
    if a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "from_bytes() takes at most 2 positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let [bytes, order, signed] = args::parse::<3>(
        vm,
        &a.tail(),
        &Sig {
            name: "from_bytes",
            params: &["bytes", "byteorder", "signed"],
            required: 1,
            kwonly_from: 2,
            posonly_until: 0,
        },
    )?;
    let little = byteorder(vm, order, "from_bytes")?;
    let signed = !signed.is_null() && vm.truth(signed)?;
    let mut data: Vec<u8> = match crate::builtins::bytes::buffer_of(bytes) {
        Some(b) => b.to_vec(),
        None => {
            if pystr::text_of(bytes).is_some() || vm.lookup_special(bytes, vm.names.iter).is_none()
            {
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(bytes)
                )));
            }
            let items = vm.collect_iter(bytes)?;
            let mut out = Vec::with_capacity(items.len());
            for x in items.iter() {
                let n = vm.index(*x)?;
                match int::to_i64(n).filter(|n| (0..256).contains(n)) {
                    Some(n) => out.push(n as u8),
                    None => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        data.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    let r = int::from_bigint(vm, v);
    if cls == vm.types.int {
        return Ok(r);
    }
    if cls == vm.types.bool {
        return Ok(Value::from_bool(int::signum(r) != 0));
    }
    vm.call(cls, &[r])
}
pub(super) fn int_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("int.__new__(): not enough arguments"));
    };
    let [x, base] = args::parse::<2>(
        vm,
        &a.tail(),
        &Sig {
            name: "int",
            params: &["x", "base"],
            required: 0,
            kwonly_from: usize::MAX,
            posonly_until: 1,
        },
    )?;
    if cls == vm.types.bool {
        return Err(vm.type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    let v = int_value(vm, x, base)?;
    if cls == vm.types.int {
        return Ok(v);
    }
    Ok(subclass_instance(vm, cls, v))
}

/// The bytes of a str (as CPython's ASCII view) or bytes-like value.
fn number_text(v: Value) -> Option<Vec<u8>> {
    if let Some(s) = pystr::text_of(v) {
        return Some(int::to_ascii(s));
    }
    crate::builtins::bytes::buffer_of(v).map(|b| b.to_vec())
}

/// `int(x, base)`.
pub fn int_value(vm: &mut Vm, x: Value, base: Value) -> PyResult<Value> {
    if x.is_null() {
        if !base.is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::small(0));
    }
    if !base.is_null() {
        let b = vm.index(base)?;
        let b = match int::to_i64(b) {
            Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
            _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
        };
        let Some(text) = number_text(x) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, &text, b, x);
    }
    if x.is_small_int() || x.is_kind(Kind::Int) {
        return Ok(x);
    }
    if x.is_bool() {
        return Ok(Value::small(x.is_true() as i64));
    }
    if x.is_float() {
        return crate::object::float::to_int(vm, x.as_f64());
    }
    if x.is_kind(Kind::Str) {
        let text = int::to_ascii(pystr::as_str(x));
        return parse_int(vm, &text, 10, x);
    }
    if let Some(r) = vm.call_special(x, vm.names.int, &[])? {
        if int::is_int(num(r)) {
            return Ok(int::exact(num(r)));
        }
        return Err(vm.type_error(format!(
            "__int__ returned non-int (type {})",
            vm.type_name(r)
        )));
    }
    if vm.lookup_special(x, vm.names.index).is_some() {
        return vm.index(x).map(int::exact);
    }
    if let Some(r) = vm.call_special(x, vm.names.trunc, &[])? {
        if int::is_int(num(r)) {
            return Ok(int::exact(num(r)));
        }
        if vm.lookup_special(r, vm.names.index).is_some() {
            return vm.index(r).map(int::exact);
        }
        return Err(vm.type_error(format!(
            "__trunc__ returned non-Integral (type {})",
            vm.type_name(r)
        )));
    }
    if let Some(text) = number_text(x) {
        return parse_int(vm, &text, 10, x);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn parse_int(vm: &mut Vm, text: &[u8], base: u32, orig: Value) -> PyResult<Value> {
    let limit = vm.int_max_str_digits;
    match int::parse_with_limit(text, base, limit) {
        Ok(b) => Ok(int::from_bigint(vm, b)),
        Err(int::ParseError::TooLong(n)) => Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(int::ParseError::Invalid) => {
            let r = int::parse_error_repr(vm, orig)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}
