//! `float`: the constructor, special methods (arithmetic accepting ints and floats,
//! comparisons, conversions, rounding) and methods (`hex`, `fromhex`,
//! `as_integer_ratio`, `is_integer`, `conjugate`, `__getformat__`).

use stitch_core::instr::{binop, cmpop};
use stitch_core::value::Value;

use super::{
    NativeFn, binop_slots, cmp_slots, no_args_method, num, slot_args, slot_self, subclass_instance,
};
use crate::builtins::args;
use crate::builtins::{add_classmethods, add_getsets, add_methods, add_static};
use crate::object::{float, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let f = vm.types.float;
    let arith: &[(&'static str, NativeFn)] = binop_slots! { float_binop;
        "__add__" => binop::ADD, false; "__radd__" => binop::ADD, true;
        "__sub__" => binop::SUB, false; "__rsub__" => binop::SUB, true;
        "__mul__" => binop::MUL, false; "__rmul__" => binop::MUL, true;
        "__truediv__" => binop::TRUEDIV, false; "__rtruediv__" => binop::TRUEDIV, true;
        "__floordiv__" => binop::FLOORDIV, false; "__rfloordiv__" => binop::FLOORDIV, true;
        "__mod__" => binop::MOD, false; "__rmod__" => binop::MOD, true;
        "__divmod__" => DIVMOD, false; "__rdivmod__" => DIVMOD, true;
    };
    add_methods(vm, f, arith);
    add_methods(vm, f, cmp_slots!(float_compare));
    add_methods(
        vm,
        f,
        &[
            ("__pow__", float_pow),
            ("__rpow__", float_rpow),
            ("__neg__", float_neg),
            ("__pos__", float_pos),
            ("__abs__", float_abs),
            ("__bool__", float_bool),
            ("__hash__", float_hash),
            ("__repr__", float_repr),
            ("__int__", float_int),
            ("__float__", float_pos),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
            ("__format__", float_format),
            ("__getnewargs__", float_getnewargs),
        ],
    );
    add_methods(
        vm,
        f,
        &[
            ("conjugate", float_conjugate),
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
        ],
    );
    add_static(vm, f, &[("__new__", float_new)]);
    add_classmethods(
        vm,
        f,
        &[
            ("fromhex", float_fromhex),
            ("__getformat__", float_getformat),
        ],
    );
    add_getsets(
        vm,
        f,
        &[("real", float_real, None), ("imag", float_imag, None)],
    );
}

/// Pseudo operator number for `__divmod__`.
const DIVMOD: u32 = 1000;

fn fself(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let t = vm.types.float;
    slot_self(vm, a, t, name).map(|v| v.as_f64())
}

fn unary(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let x = fself(vm, a, name)?;
    slot_args(vm, a, name, "", 0, 0)?;
    Ok(x)
}

/// The other operand as a float: `None` (NotImplemented) unless it is an int or float.
fn other(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    float::as_f64(vm, num(v))
}

fn float_binop(vm: &mut Vm, a: &Args, op: u32, reflected: bool, name: &str) -> PyResult<Value> {
    let x = fself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let Some(y) = other(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    if op == DIVMOD {
        return divmod_floats(vm, l, r);
    }
    Ok(float::binary(vm, op, l, r)?.unwrap_or(vm.not_implemented))
}

/// `divmod(x, y)` for floats.
pub fn divmod_floats(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = float::divmod(x, y);
    Ok(tuple::new(vm, &[Value::from_f64(q), Value::from_f64(r)]))
}

fn float_compare(vm: &mut Vm, a: &Args, op: u32, name: &str) -> PyResult<Value> {
    let x = fself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let y = num(a.pos[1]);
    if !(y.is_float() || int::is_int(y)) {
        return Ok(vm.not_implemented);
    }
    Ok(crate::vm::ops::compare_fast(vm, Value::from_f64(x), y, op)?.unwrap_or(vm.not_implemented))
}

fn pow_impl(vm: &mut Vm, a: &Args, reflected: bool, name: &str) -> PyResult<Value> {
    let x = fself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 2)?;
    let Some(y) = other(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    if a.pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    float::pow(vm, l, r)
}
fn float_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_impl(vm, a, false, "__pow__")
}
fn float_rpow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_impl(vm, a, true, "__rpow__")
}

fn float_neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "__neg__").map(|x| Value::from_f64(-x))
}
fn float_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "__pos__").map(Value::from_f64)
}
fn float_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "__abs__").map(|x| Value::from_f64(x.abs()))
}
fn float_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "__bool__").map(|x| Value::from_bool(x != 0.0))
}
fn float_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__hash__")?;
    Ok(int::from_i64(vm, float::hash(x)))
}
fn float_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__repr__")?;
    Ok(pystr::new(vm, &float::repr(x)))
}
fn float_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__int__")?;
    float::to_int(vm, x)
}
fn float_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__trunc__")?;
    float::to_int(vm, x)
}
fn float_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__floor__")?;
    float::to_int(vm, x.floor())
}
fn float_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__ceil__")?;
    float::to_int(vm, x.ceil())
}
fn float_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = fself(vm, a, "__round__")?;
    slot_args(vm, a, "__round__", "__round__", 0, 1)?;
    match a.pos.get(1) {
        Some(&n) if !n.is_none() => super::ops::round_float(vm, x, n),
        _ => float::to_int(vm, float::round_half_even(x)),
    }
}
fn float_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = fself(vm, a, "__format__")?;
    let Some(spec) = super::format_spec_arg(vm, a, "float")? else {
        if vm.type_of(a.pos[0]) == vm.types.float {
            return Ok(pystr::new(vm, &float::repr(x)));
        }
        return vm.str(a.pos[0]);
    };
    match crate::text::format::format_builtin(vm, Value::from_f64(x), &spec)? {
        Some(s) => Ok(pystr::new(vm, &s)),
        None => vm.str(a.pos[0]),
    }
}
fn float_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = unary(vm, a, "__getnewargs__")?;
    Ok(tuple::new(vm, &[Value::from_f64(x)]))
}

fn method(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let t = vm.types.float;
    no_args_method(vm, a, t, name).map(|v| v.as_f64())
}
fn float_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "conjugate").map(Value::from_f64)
}
fn float_is_integer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "is_integer").map(|x| Value::from_bool(float::is_integer(x)))
}
fn float_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = method(vm, a, "as_integer_ratio")?;
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = float::integer_ratio(x);
    let n = int::from_bigint(vm, n);
    let d = int::from_bigint(vm, d);
    Ok(tuple::new(vm, &[n, d]))
}
fn float_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = method(vm, a, "hex")?;
    Ok(pystr::new(vm, &hex(x)))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (subnormals as `0x0.`).
pub fn hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{frac:013x}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}

fn float_fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("fromhex() needs a class"));
    };
    if a.has_kwargs() {
        return Err(vm.type_error("float.fromhex() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let Some(text) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = match float::from_hex(text) {
        Ok(x) => x,
        Err(float::HexError::Invalid) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string"));
        }
        Err(float::HexError::Overflow) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
    };
    let v = Value::from_f64(x);
    if cls == vm.types.float {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

fn float_getformat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, &a.tail(), "__getformat__", 1, 1)?;
    let Some(t) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(a.pos[1])
        )));
    };
    if t != "double" && t != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    Ok(pystr::new(vm, "IEEE, little-endian"))
}

fn float_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(num(v).as_f64()))
}
fn float_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(0.0))
}

// ---- float() ----

fn float_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("float.__new__(): not enough arguments"));
    };
    let tail = a.tail();
    if tail.has_kwargs() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if tail.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            tail.pos.len()
        )));
    }
    let x = tail.pos.first().copied().unwrap_or(Value::NULL);
    let v = if x.is_null() {
        Value::from_f64(0.0)
    } else {
        Value::from_f64(float_of(vm, x)?)
    };
    if cls == vm.types.float {
        return Ok(v);
    }
    Ok(subclass_instance(vm, cls, v))
}

fn parse_error(vm: &mut Vm, x: Value) -> crate::vm::PyErr {
    match vm.repr_string(x) {
        Ok(r) => vm.value_error(format!("could not convert string to float: {r}")),
        Err(e) => e,
    }
}

/// `float(x)`.
pub fn float_of(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if x.is_float() {
        return Ok(x.as_f64());
    }
    if x.is_small_int() || x.is_bool() || x.is_kind(stitch_core::layout::Kind::Int) {
        return int::to_f64(vm, x);
    }
    if x.is_kind(stitch_core::layout::Kind::Str) {
        return float::parse(pystr::as_str(x)).ok_or_else(|| parse_error(vm, x));
    }
    if let Some(r) = vm.call_special(x, vm.names.float, &[])? {
        let rv = num(r);
        if rv.is_float() {
            return Ok(rv.as_f64());
        }
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(x),
            vm.type_name(r)
        )));
    }
    if vm.lookup_special(x, vm.names.index).is_some() {
        let i = vm.index(x)?;
        return int::to_f64(vm, i);
    }
    if let Some(s) = pystr::text_of(x) {
        return float::parse(s).ok_or_else(|| parse_error(vm, x));
    }
    if let Some(b) = crate::builtins::bytes::buffer_of(x) {
        return float::parse_ascii(b).ok_or_else(|| parse_error(vm, x));
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}
