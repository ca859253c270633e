//! `int`, `bool`, `float` and `complex`: constructors, methods, and the special
//! methods (so that subclasses and explicit calls like `int.__add__(1, 2)` work).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use stitch_core::instr::{binop, cmpop};
use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_getsets, add_methods, add_static};
use crate::object::{ValueExt, complex, float, int, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

macro_rules! binop_methods {
    ($($name:literal => $op:expr, $rev:expr;)*) => {
        &[$(($name, {
            fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> { numeric_dunder(vm, a, $op, $rev) }
            f as crate::object::function::NativeFn
        })),*]
    };
}

macro_rules! cmp_methods {
    ($($name:literal => $op:expr;)*) => {
        &[$(($name, {
            fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> { numeric_compare(vm, a, $op) }
            f as crate::object::function::NativeFn
        })),*]
    };
}

pub fn init(vm: &mut Vm) {
    let arith: &[(&'static str, crate::object::function::NativeFn)] = binop_methods! {
        "__add__" => binop::ADD, false; "__radd__" => binop::ADD, true;
        "__sub__" => binop::SUB, false; "__rsub__" => binop::SUB, true;
        "__mul__" => binop::MUL, false; "__rmul__" => binop::MUL, true;
        "__truediv__" => binop::TRUEDIV, false; "__rtruediv__" => binop::TRUEDIV, true;
        "__floordiv__" => binop::FLOORDIV, false; "__rfloordiv__" => binop::FLOORDIV, true;
        "__mod__" => binop::MOD, false; "__rmod__" => binop::MOD, true;
        "__pow__" => binop::POW, false; "__rpow__" => binop::POW, true;
    };
    let bitwise: &[(&'static str, crate::object::function::NativeFn)] = binop_methods! {
        "__lshift__" => binop::LSHIFT, false; "__rlshift__" => binop::LSHIFT, true;
        "__rshift__" => binop::RSHIFT, false; "__rrshift__" => binop::RSHIFT, true;
        "__and__" => binop::AND, false; "__rand__" => binop::AND, true;
        "__or__" => binop::OR, false; "__ror__" => binop::OR, true;
        "__xor__" => binop::XOR, false; "__rxor__" => binop::XOR, true;
    };
    let cmps: &[(&'static str, crate::object::function::NativeFn)] = cmp_methods! {
        "__lt__" => cmpop::LT; "__le__" => cmpop::LE; "__eq__" => cmpop::EQ;
        "__ne__" => cmpop::NE; "__gt__" => cmpop::GT; "__ge__" => cmpop::GE;
    };
    for t in [vm.types.int, vm.types.float] {
        add_methods(vm, t, arith);
        add_methods(vm, t, cmps);
        add_methods(
            vm,
            t,
            &[
                ("__neg__", num_neg),
                ("__pos__", num_pos),
                ("__abs__", num_abs),
                ("__bool__", num_bool),
                ("__hash__", num_hash),
                ("__repr__", num_repr),
                ("__int__", num_int),
                ("__float__", num_float),
                ("__trunc__", num_int),
                ("__round__", num_round),
                ("__divmod__", num_divmod),
                ("__format__", num_format),
                ("conjugate", num_pos),
                ("__getnewargs__", num_getnewargs),
            ],
        );
    }
    let i = vm.types.int;
    add_methods(vm, i, bitwise);
    add_methods(
        vm,
        i,
        &[
            ("__invert__", int_invert),
            ("__index__", num_index),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("as_integer_ratio", int_as_integer_ratio),
            ("is_integer", int_is_integer),
            ("__floor__", num_int),
            ("__ceil__", num_int),
        ],
    );
    add_static(vm, i, &[("__new__", int_new)]);
    super::add_classmethods(vm, i, &[("from_bytes", int_from_bytes)]);
    add_getsets(
        vm,
        i,
        &[
            ("real", int_real, None),
            ("imag", int_imag, None),
            ("numerator", int_real, None),
            ("denominator", int_denominator, None),
        ],
    );
    let b = vm.types.bool;
    add_static(vm, b, &[("__new__", bool_new)]);
    add_methods(vm, b, &[("__repr__", bool_repr), ("__and__", bool_and), ("__or__", bool_or), ("__xor__", bool_xor), ("__rand__", bool_and), ("__ror__", bool_or), ("__rxor__", bool_xor)]);
    let f = vm.types.float;
    add_static(vm, f, &[("__new__", float_new)]);
    add_methods(
        vm,
        f,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
        ],
    );
    add_getsets(vm, f, &[("real", float_real, None), ("imag", float_imag, None)]);
    let c = vm.types.complex;
    add_static(vm, c, &[("__new__", complex_new)]);
    add_methods(vm, c, &[("__repr__", complex_repr), ("conjugate", complex_conjugate), ("__abs__", complex_abs)]);
}

/// The native number behind `v` (itself, or the base of an int/float subclass).
fn num(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

fn is_number(v: Value) -> bool {
    v.is_float() || int::is_int(v)
}

fn numeric_dunder(vm: &mut Vm, a: &Args, op: u32, reflected: bool) -> PyResult<Value> {
    args::count(vm, a, "binary operator", 2, 2)?;
    let (x, y) = (num(a.pos[0]), num(a.pos[1]));
    if !is_number(y) {
        return Ok(vm.not_implemented);
    }
    // int methods do not handle floats: `(1).__add__(1.5)` is NotImplemented.
    if int::is_int(x) && y.is_float() {
        return Ok(vm.not_implemented);
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    match crate::vm::ops::binary_fast(vm, op, l, r)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented),
    }
}

fn numeric_compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    args::count(vm, a, "comparison", 2, 2)?;
    let (x, y) = (num(a.pos[0]), num(a.pos[1]));
    if !is_number(y) {
        return Ok(vm.not_implemented);
    }
    match crate::vm::ops::compare_fast(vm, x, y, op)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented),
    }
}

fn num_neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::vm::ops::unary_op(vm, stitch_core::instr::unaryop::NEG, num(a.pos[0]))
}
fn num_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    Ok(if v.is_bool() { Value::small(v.is_true() as i64) } else { v })
}
fn num_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    if v.is_float() {
        return Ok(Value::from_f64(v.as_f64().abs()));
    }
    if int::cmp(v, Value::small(0)).is_lt() { Ok(int::neg(vm, v)) } else { num_pos(vm, a) }
}
fn num_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.truth(num(a.pos[0])).map(Value::from_bool)
}
fn num_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = vm.hash(num(a.pos[0]))?;
    Ok(int::from_i64(vm, h))
}
fn num_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    if v.is_float() {
        return Ok(pystr::new(vm, &float::repr(v.as_f64())));
    }
    let s = int::to_decimal(vm, if v.is_bool() { Value::small(v.is_true() as i64) } else { v })?;
    Ok(pystr::new(vm, &s))
}
fn num_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    if v.is_float() {
        return float::to_int(vm, v.as_f64());
    }
    Ok(if v.is_bool() { Value::small(v.is_true() as i64) } else { v })
}
fn num_float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    if v.is_float() {
        return Ok(v);
    }
    Ok(Value::from_f64(int::to_f64(vm, v)?))
}
fn num_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    num_int(vm, a)
}
fn num_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    round(vm, num(a.pos[0]), a.pos.get(1).copied().unwrap_or(Value::NULL))
}
fn num_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__divmod__", 2, 2)?;
    if !is_number(num(a.pos[1])) {
        return Ok(vm.not_implemented);
    }
    divmod(vm, num(a.pos[0]), num(a.pos[1]))
}
fn num_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__format__", 2, 2)?;
    let spec = pystr::text_of(a.pos[1]).unwrap_or("").to_string();
    match crate::text::format::format_builtin(vm, num(a.pos[0]), &spec)? {
        Some(s) => Ok(pystr::new(vm, &s)),
        None => vm.str(a.pos[0]),
    }
}
fn num_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num(a.pos[0]);
    Ok(tuple::new(vm, &[v]))
}

fn int_invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::invert(vm, num(a.pos[0])))
}
fn int_bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = int::to_bigint(num(a.pos[0]));
    Ok(int::from_u64(vm, b.magnitude().bits()))
}
fn int_bit_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = int::to_bigint(num(a.pos[0]));
    let n: u64 = b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(int::from_u64(vm, n))
}
fn int_to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [this, length, byteorder, signed] = args::parse::<4>(
        vm,
        a,
        &Sig {
            name: "to_bytes",
            params: &["self", "length", "byteorder", "signed"],
            required: 1,
            kwonly_from: 3,
            posonly_until: 0,
        },
    )?;
    let b = int::to_bigint(num(this));
    let len = if length.is_null() { 1 } else { vm.index_value(length)? };
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = if byteorder.is_null() {
        false
    } else {
        match pystr::text_of(byteorder) {
            Some("little") => true,
            Some("big") => false,
            _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        }
    };
    let signed = !signed.is_null() && vm.truth(signed)?;
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.magnitude().to_bytes_le() };
    if b.is_zero() {
        bytes = vec![];
    }
    let len = len as usize;
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
fn int_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [cls, bytes, byteorder, signed] = args::parse::<4>(
        vm,
        a,
        &Sig {
            name: "from_bytes",
            params: &["cls", "bytes", "byteorder", "signed"],
            required: 2,
            kwonly_from: 3,
            posonly_until: 0,
        },
    )?;
    let data: Vec<u8> = match crate::object::bytes::native(bytes) {
        Some(b) => crate::object::bytes::data(b).to_vec(),
        None => {
            let items = vm.collect_iter(bytes)?;
            let mut out = Vec::new();
            for x in items.iter() {
                out.push(vm.index_value(*x)? as u8);
            }
            out
        }
    };
    let little = if byteorder.is_null() {
        false
    } else {
        matches!(pystr::text_of(byteorder), Some("little"))
    };
    let signed = !signed.is_null() && vm.truth(signed)?;
    let mut d = data;
    if !little {
        d.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&d) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &d) };
    let r = int::from_bigint(vm, v);
    if cls != vm.types.int {
        return vm.call(cls, &[r]);
    }
    Ok(r)
}
fn int_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = num_int(vm, a)?;
    Ok(tuple::new(vm, &[v, Value::small(1)]))
}
fn int_is_integer(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::TRUE)
}
fn int_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    num_int(vm, &Args::new(&[v]))
}
fn int_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(0))
}
fn int_denominator(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(1))
}

/// Wraps a native value in an instance of a subclass `cls`.
pub fn subclass_instance(vm: &mut Vm, cls: Value, base: Value) -> Value {
    let inst = crate::object::instance::new(vm, cls);
    unsafe { inst.raw::<InstanceObj>() }.base = base;
    inst
}

fn int_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
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
    let v = int_value(vm, x, base)?;
    if cls == vm.types.int {
        return Ok(v);
    }
    if cls == vm.types.bool {
        return Ok(Value::from_bool(vm.truth(v)?));
    }
    Ok(subclass_instance(vm, cls, v))
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
        let b = vm.index_value(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = if let Some(s) = pystr::text_of(x) {
            s.to_string()
        } else if let Some(bb) = crate::object::bytes::native(x) {
            String::from_utf8_lossy(crate::object::bytes::data(bb)).into_owned()
        } else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, &text, b as u32, x);
    }
    let xv = num(x);
    if xv.is_small_int() || xv.is_kind(Kind::Int) {
        return Ok(xv);
    }
    if xv.is_bool() {
        return Ok(Value::small(xv.is_true() as i64));
    }
    if xv.is_float() {
        return float::to_int(vm, xv.as_f64());
    }
    if let Some(s) = pystr::text_of(x) {
        let s = s.to_string();
        return parse_int(vm, &s, 10, x);
    }
    if let Some(bb) = crate::object::bytes::native(x) {
        let s = String::from_utf8_lossy(crate::object::bytes::data(bb)).into_owned();
        return parse_int(vm, &s, 10, x);
    }
    for name in [vm.names.int, vm.names.index, vm.names.trunc] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            if int::is_int(num(r)) {
                return Ok(num(r));
            }
            let what = pystr::as_str(name);
            return Err(vm.type_error(format!("{what} returned non-int (type {})", vm.type_name(r))));
        }
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn parse_int(vm: &mut Vm, text: &str, base: u32, orig: Value) -> PyResult<Value> {
    match int::parse(text, base) {
        Some((b, ndigits)) => {
            let limit = vm.int_max_str_digits;
            let pow2 = matches!(base, 2 | 4 | 8 | 16 | 32);
            if limit > 0 && !pow2 && ndigits > limit {
                return Err(vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {ndigits} digits; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(int::from_bigint(vm, b))
        }
        None => {
            let r = vm.repr_string(orig)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

fn bool_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match a.pos.len() {
        1 => Ok(Value::FALSE),
        2 => vm.truth(a.pos[1]).map(Value::from_bool),
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}
fn bool_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = if a.pos[0].is_true() { "True" } else { "False" };
    Ok(pystr::new(vm, s))
}
fn bool_bitop(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    let (x, y) = (a.pos[0], a.pos[1]);
    if x.is_bool() && y.is_bool() {
        let (p, q) = (x.is_true(), y.is_true());
        return Ok(Value::from_bool(match op {
            binop::AND => p & q,
            binop::OR => p | q,
            _ => p ^ q,
        }));
    }
    numeric_dunder(vm, a, op, false)
}
fn bool_and(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bool_bitop(vm, a, binop::AND)
}
fn bool_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bool_bitop(vm, a, binop::OR)
}
fn bool_xor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bool_bitop(vm, a, binop::XOR)
}

fn float_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [x] = args::parse::<1>(vm, &a.tail(), &Sig::positional("float", &["x"], 0))?;
    let v = if x.is_null() { Value::from_f64(0.0) } else { Value::from_f64(float_of(vm, x)?) };
    if cls == vm.types.float {
        return Ok(v);
    }
    Ok(subclass_instance(vm, cls, v))
}

/// `float(x)`.
pub fn float_of(vm: &mut Vm, x: Value) -> PyResult<f64> {
    let xv = num(x);
    if xv.is_float() {
        return Ok(xv.as_f64());
    }
    if int::is_int(xv) {
        return int::to_f64(vm, xv);
    }
    if let Some(s) = pystr::text_of(x) {
        return match float::parse(s) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(b) = crate::object::bytes::native(x) {
        let s = String::from_utf8_lossy(crate::object::bytes::data(b)).into_owned();
        return match float::parse(&s) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = vm.call_special(x, vm.names.float, &[])? {
        if r.is_float() {
            return Ok(r.as_f64());
        }
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(x),
            vm.type_name(r)
        )));
    }
    if let Some(r) = vm.call_special(x, vm.names.index, &[])? {
        return int::to_f64(vm, num(r));
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn fval(a: &Args) -> f64 {
    num(a.pos[0]).as_f64()
}
fn float_is_integer(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::from_bool(float::is_integer(fval(a))))
}
fn float_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = fval(a);
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = float::frexp(x);
    let mut mant = m;
    let mut exp = e;
    while mant != mant.floor() {
        mant *= 2.0;
        exp -= 1;
    }
    let n = BigInt::from(mant as i64);
    let (num_, den) = if exp > 0 { (n << exp as usize, BigInt::from(1)) } else { (n, BigInt::from(1) << (-exp) as usize) };
    let g = num_.gcd(&den);
    let (p, q) = (&num_ / &g, &den / &g);
    let p = int::from_bigint(vm, p);
    let q = int::from_bigint(vm, q);
    Ok(tuple::new(vm, &[p, q]))
}
fn float_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = fval(a);
    let s = crate::text::format::float_hex(x);
    Ok(pystr::new(vm, &s))
}
fn float_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    float::to_int(vm, fval(a).floor())
}
fn float_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    float::to_int(vm, fval(a).ceil())
}
fn float_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(num(v))
}
fn float_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(0.0))
}

fn complex_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [re, im] = args::parse::<2>(vm, &a.tail(), &Sig::new("complex", &["real", "imag"], 0))?;
    let r = if re.is_null() { 0.0 } else if let Some((x, _)) = complex::parts(re) { x } else { float_of(vm, re)? };
    let extra_im = if let Some((_, y)) = complex::parts(re) { y } else { 0.0 };
    let i = if im.is_null() { 0.0 } else { float_of(vm, im)? };
    Ok(complex::new(vm, r, i + extra_im))
}
fn complex_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = complex::parts(a.pos[0]).unwrap_or((0.0, 0.0));
    Ok(pystr::new(vm, &complex::repr(re, im)))
}
fn complex_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = complex::parts(a.pos[0]).unwrap_or((0.0, 0.0));
    Ok(complex::new(vm, re, -im))
}
fn complex_abs(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = complex::parts(a.pos[0]).unwrap_or((0.0, 0.0));
    Ok(Value::from_f64(re.hypot(im)))
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (x, y) = (num(a), num(b));
    if int::is_int(x) && int::is_int(y) {
        let q = int::binary(vm, binop::FLOORDIV, x, y)?.unwrap_or(Value::NONE);
        let r = int::binary(vm, binop::MOD, x, y)?.unwrap_or(Value::NONE);
        return Ok(tuple::new(vm, &[q, r]));
    }
    if is_number(x) && is_number(y) {
        let fx = float::as_f64(vm, x)?.unwrap_or(0.0);
        let fy = float::as_f64(vm, y)?.unwrap_or(0.0);
        if fy == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let (q, r) = float::divmod(fx, fy);
        return Ok(tuple::new(vm, &[Value::from_f64(q), Value::from_f64(r)]));
    }
    let divmod_n = pystr::intern(vm, "__divmod__");
    let rdivmod_n = pystr::intern(vm, "__rdivmod__");
    if let Some(r) = crate::vm::ops::binary_dispatch(vm, a, b, divmod_n, rdivmod_n)? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

/// `pow(base, exp, mod)`.
pub fn pow3(vm: &mut Vm, base: Value, exp: Value, m: Value) -> PyResult<Value> {
    let (b, e, md) = (num(base), num(exp), num(m));
    if !(int::is_int(b) && int::is_int(e) && int::is_int(md)) {
        if is_number(b) && is_number(e) && is_number(md) {
            return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        }
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            vm.type_name(base),
            vm.type_name(exp),
            vm.type_name(m)
        )));
    }
    let (bb, mut eb, mb) = (int::to_bigint(b), int::to_bigint(e), int::to_bigint(md));
    if mb.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mut base_b = bb;
    if eb.is_negative() {
        // Modular inverse.
        let inv = mod_inverse(&base_b, &mb.abs());
        let Some(inv) = inv else {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        };
        base_b = inv;
        eb = -eb;
    }
    let mabs = mb.abs();
    let mut r = base_b.modpow(&eb, &mabs);
    if mb.is_negative() && !r.is_zero() {
        r += &mb;
    } else if !mb.is_negative() && r.is_negative() {
        r += &mabs;
    }
    Ok(int::from_bigint(vm, r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// `round(number, ndigits)`.
pub fn round(vm: &mut Vm, number: Value, ndigits: Value) -> PyResult<Value> {
    let x = num(number);
    if x.is_float() {
        let f = x.as_f64();
        if ndigits.is_null() || ndigits.is_none() {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            return float::to_int(vm, float::round_half_even(f));
        }
        let n = vm.index_value(ndigits)?;
        return Ok(Value::from_f64(float::round_digits(f, n)));
    }
    if int::is_int(x) {
        if ndigits.is_null() || ndigits.is_none() {
            return Ok(if x.is_bool() { Value::small(x.is_true() as i64) } else { x });
        }
        let n = vm.index_value(ndigits)?;
        if n >= 0 {
            return Ok(if x.is_bool() { Value::small(x.is_true() as i64) } else { x });
        }
        // Round to a multiple of 10**-n, half to even.
        let p = num_traits::pow::Pow::pow(BigInt::from(10), (-n).min(10_000) as u32);
        let v = int::to_bigint(x);
        let (q, r) = v.div_mod_floor(&p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
        return Ok(int::from_bigint(vm, q * p));
    }
    let args: Vec<Value> = if ndigits.is_null() { vec![] } else { vec![ndigits] };
    match vm.call_special(number, vm.names.round, &args)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(number)
        ))),
    }
}

#[allow(dead_code)]
fn _used(_: &BigInt) -> Option<i64> {
    BigInt::from(0).to_i64().map(|_| types::name(Value::NONE).len() as i64)
}
