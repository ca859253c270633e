//! `int` and `bool`: constructors, methods, and the special methods (so that
//! subclasses and explicit calls like `int.__add__(1, 2)` work). `float` and
//! `complex` live in `numbers/`, the `divmod`/`pow`/`round` builtins in
//! `numbers/ops.rs`.

mod complex;
mod float;
mod ops;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use stitch_core::instr::{binop, cmpop};
use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_getsets, add_methods, add_static};
use crate::object::{ValueExt, int, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub use float::float_of;
pub use ops::{divmod, pow3, round};

type NativeFn = crate::object::function::NativeFn;

/// Defines slot wrappers `fn(vm, args)` calling `$handler(vm, args, op, reflected, name)`.
macro_rules! binop_slots {
    ($handler:path; $($name:literal => $op:expr, $rev:expr;)*) => {
        &[$(($name, {
            fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> { $handler(vm, a, $op, $rev, $name) }
            f as NativeFn
        })),*]
    };
}
pub(crate) use binop_slots;

/// Defines comparison slot wrappers calling `$handler(vm, args, op, name)`.
macro_rules! cmp_slots {
    ($handler:path) => {
        &[
            ("__lt__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::LT, "__lt__")
                }
                f as NativeFn
            }),
            ("__le__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::LE, "__le__")
                }
                f as NativeFn
            }),
            ("__eq__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::EQ, "__eq__")
                }
                f as NativeFn
            }),
            ("__ne__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::NE, "__ne__")
                }
                f as NativeFn
            }),
            ("__gt__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::GT, "__gt__")
                }
                f as NativeFn
            }),
            ("__ge__", {
                fn f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                    $handler(vm, a, cmpop::GE, "__ge__")
                }
                f as NativeFn
            }),
        ]
    };
}
pub(crate) use cmp_slots;

pub fn init(vm: &mut Vm) {
    let i = vm.types.int;
    let arith: &[(&'static str, NativeFn)] = binop_slots! { int_binop;
        "__add__" => binop::ADD, false; "__radd__" => binop::ADD, true;
        "__sub__" => binop::SUB, false; "__rsub__" => binop::SUB, true;
        "__mul__" => binop::MUL, false; "__rmul__" => binop::MUL, true;
        "__truediv__" => binop::TRUEDIV, false; "__rtruediv__" => binop::TRUEDIV, true;
        "__floordiv__" => binop::FLOORDIV, false; "__rfloordiv__" => binop::FLOORDIV, true;
        "__mod__" => binop::MOD, false; "__rmod__" => binop::MOD, true;
        "__lshift__" => binop::LSHIFT, false; "__rlshift__" => binop::LSHIFT, true;
        "__rshift__" => binop::RSHIFT, false; "__rrshift__" => binop::RSHIFT, true;
        "__and__" => binop::AND, false; "__rand__" => binop::AND, true;
        "__or__" => binop::OR, false; "__ror__" => binop::OR, true;
        "__xor__" => binop::XOR, false; "__rxor__" => binop::XOR, true;
    };
    add_methods(vm, i, arith);
    add_methods(vm, i, cmp_slots!(int_compare));
    add_methods(
        vm,
        i,
        &[
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
            ("__divmod__", int_divmod),
            ("__rdivmod__", int_rdivmod),
            ("__neg__", int_neg),
            ("__pos__", int_pos),
            ("__abs__", int_abs),
            ("__invert__", int_invert),
            ("__bool__", int_bool),
            ("__hash__", int_hash),
            ("__repr__", int_repr),
            ("__int__", int_pos),
            ("__index__", int_pos),
            ("__float__", int_float),
            ("__trunc__", int_pos),
            ("__floor__", int_pos),
            ("__ceil__", int_pos),
            ("__round__", int_round),
            ("__format__", int_format),
            ("__getnewargs__", int_getnewargs),
            ("__sizeof__", int_sizeof),
        ],
    );
    add_methods(
        vm,
        i,
        &[
            ("conjugate", int_conjugate),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("as_integer_ratio", int_as_integer_ratio),
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
    let bool_ops: &[(&'static str, NativeFn)] = binop_slots! { bool_bitop;
        "__and__" => binop::AND, false; "__rand__" => binop::AND, true;
        "__or__" => binop::OR, false; "__ror__" => binop::OR, true;
        "__xor__" => binop::XOR, false; "__rxor__" => binop::XOR, true;
    };
    add_methods(vm, b, bool_ops);
    add_methods(vm, b, &[("__repr__", bool_repr)]);
    float::init(vm);
    complex::init(vm);
}

// ---- shared helpers ----

/// The native number behind `v` (itself, or the base of an int/float/complex
/// subclass instance).
pub(crate) fn num(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

/// `self` of a slot wrapper (`int.__add__` and friends), checked against `ty`.
pub(crate) fn slot_self(vm: &mut Vm, a: &Args, ty: Value, name: &str) -> PyResult<Value> {
    let Some(&s) = a.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            types::name(ty)
        )));
    };
    let t = vm.type_of(s);
    if !types::is_subtype(t, ty) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            types::name(ty),
            vm.type_name(s)
        )));
    }
    Ok(num(s))
}

/// Checks the argument count of a slot wrapper (after self), with CPython's
/// messages ("expected 1 argument, got 0"; `label` prefixes the ranged forms).
pub(crate) fn slot_args(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    label: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{label} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{label} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Err(vm.type_error(msg))
}

/// `self` of a regular method (`int.bit_length` and friends), checked against `ty`.
pub(crate) fn method_self(vm: &mut Vm, a: &Args, ty: Value, name: &str) -> PyResult<Value> {
    let tn = types::name(ty);
    let Some(&s) = a.pos.first() else {
        return Err(vm.type_error(format!("unbound method {tn}.{name}() needs an argument")));
    };
    let t = vm.type_of(s);
    if !types::is_subtype(t, ty) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '{tn}' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        )));
    }
    Ok(num(s))
}

/// A method taking no arguments besides self.
pub(crate) fn no_args_method(vm: &mut Vm, a: &Args, ty: Value, name: &str) -> PyResult<Value> {
    let s = method_self(vm, a, ty, name)?;
    if a.has_kwargs() {
        return Err(vm.type_error(format!(
            "{}.{name}() takes no keyword arguments",
            types::name(ty)
        )));
    }
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "{}.{name}() takes no arguments ({} given)",
            types::name(ty),
            a.pos.len() - 1
        )));
    }
    Ok(s)
}

/// Wraps a native value in an instance of a subclass `cls`.
pub fn subclass_instance(vm: &mut Vm, cls: Value, base: Value) -> Value {
    let inst = crate::object::instance::new(vm, cls);
    unsafe { inst.raw::<InstanceObj>() }.base = base;
    inst
}

// ---- int special methods ----

fn int_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let t = vm.types.int;
    slot_self(vm, a, t, name).map(int::exact)
}

fn int_unary(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let s = int_self(vm, a, name)?;
    slot_args(vm, a, name, "", 0, 0)?;
    Ok(s)
}

fn int_binop(vm: &mut Vm, a: &Args, op: u32, reflected: bool, name: &str) -> PyResult<Value> {
    let x = int_self(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let y = num(a.pos[1]);
    if !int::is_int(y) {
        return Ok(vm.not_implemented);
    }
    let y = int::exact(y);
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    Ok(int::binary(vm, op, l, r)?.unwrap_or(vm.not_implemented))
}

fn int_compare(vm: &mut Vm, a: &Args, op: u32, name: &str) -> PyResult<Value> {
    let x = int_self(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let y = num(a.pos[1]);
    if !int::is_int(y) {
        return Ok(vm.not_implemented);
    }
    Ok(crate::vm::ops::compare_fast(vm, x, y, op)?.unwrap_or(vm.not_implemented))
}

fn int_pow_impl(vm: &mut Vm, a: &Args, reflected: bool, name: &str) -> PyResult<Value> {
    let x = int_self(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 2)?;
    let y = num(a.pos[1]);
    let m = a.pos.get(2).copied().unwrap_or(Value::NONE);
    if !int::is_int(y) {
        return Ok(vm.not_implemented);
    }
    let (l, r) = if reflected {
        (int::exact(y), x)
    } else {
        (x, int::exact(y))
    };
    if m.is_none() {
        return Ok(int::binary(vm, binop::POW, l, r)?.unwrap_or(vm.not_implemented));
    }
    let m = num(m);
    if !int::is_int(m) {
        return Ok(vm.not_implemented);
    }
    ops::int_modpow(vm, l, r, m)
}
fn int_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_pow_impl(vm, a, false, "__pow__")
}
fn int_rpow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_pow_impl(vm, a, true, "__rpow__")
}

fn int_divmod_impl(vm: &mut Vm, a: &Args, reflected: bool, name: &str) -> PyResult<Value> {
    let x = int_self(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let y = num(a.pos[1]);
    if !int::is_int(y) {
        return Ok(vm.not_implemented);
    }
    let (l, r) = if reflected {
        (int::exact(y), x)
    } else {
        (x, int::exact(y))
    };
    ops::int_divmod(vm, l, r)
}
fn int_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_divmod_impl(vm, a, false, "__divmod__")
}
fn int_rdivmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_divmod_impl(vm, a, true, "__rdivmod__")
}

fn int_neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__neg__")?;
    Ok(int::neg(vm, x))
}
fn int_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_unary(vm, a, "__pos__")
}
fn int_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__abs__")?;
    Ok(int::abs(vm, x))
}
fn int_invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__invert__")?;
    Ok(int::invert(vm, x))
}
fn int_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__bool__")?;
    Ok(Value::from_bool(int::signum(x) != 0))
}
fn int_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__hash__")?;
    let h = vm.hash(x)?;
    Ok(int::from_i64(vm, h))
}
fn int_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__repr__")?;
    let s = int::to_decimal(vm, x)?;
    Ok(pystr::new(vm, &s))
}
fn int_float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__float__")?;
    Ok(Value::from_f64(int::to_f64(vm, x)?))
}
fn int_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_self(vm, a, "__round__")?;
    slot_args(vm, a, "__round__", "__round__", 0, 1)?;
    match a.pos.get(1) {
        Some(&n) if !n.is_none() => ops::round_int(vm, x, n),
        _ => Ok(x),
    }
}
fn int_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = slot_self(vm, a, vm.types.int, "__format__")?;
    let Some(spec) = format_spec_arg(vm, a, "int")? else {
        // An empty spec is str(self) (a subclass's __str__ included).
        if vm.type_of(a.pos[0]) == vm.types.int {
            let s = int::to_decimal(vm, x)?;
            return Ok(pystr::new(vm, &s));
        }
        return vm.str(a.pos[0]);
    };
    // The limit on decimal digits applies to formatted output too.
    let b = int::to_bigint(x);
    int::check_str_digits(vm, &b)?;
    match crate::text::format::format_builtin(vm, x, &spec)? {
        Some(s) => Ok(pystr::new(vm, &s)),
        None => vm.str(a.pos[0]),
    }
}

/// The spec argument of `<type>.__format__(spec)`; `None` when it is empty.
pub(crate) fn format_spec_arg(vm: &mut Vm, a: &Args, tname: &str) -> PyResult<Option<String>> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{tname}.__format__() takes no keyword arguments")));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{tname}.__format__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    let Some(spec) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(a.pos[1])
        )));
    };
    Ok(if spec.is_empty() {
        None
    } else {
        Some(spec.to_string())
    })
}

fn int_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__getnewargs__")?;
    Ok(tuple::new(vm, &[x]))
}
fn int_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = int_unary(vm, a, "__sizeof__")?;
    let digits = int::to_bigint(x).bits().div_ceil(30).max(1);
    Ok(int::from_u64(vm, 24 + 4 * digits))
}

// ---- int methods ----

fn int_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.int;
    no_args_method(vm, a, t, "conjugate").map(int::exact)
}
fn int_bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.int;
    let x = no_args_method(vm, a, t, "bit_length")?;
    if let Some(i) = int::to_i64(x) {
        return Ok(Value::small(64 - i.unsigned_abs().leading_zeros() as i64));
    }
    let b = int::to_bigint(x);
    Ok(int::from_u64(vm, b.magnitude().bits()))
}
fn int_bit_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.int;
    let x = no_args_method(vm, a, t, "bit_count")?;
    if let Some(i) = int::to_i64(x) {
        return Ok(Value::small(i.unsigned_abs().count_ones() as i64));
    }
    let b = int::to_bigint(x);
    let n: u64 = b
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(int::from_u64(vm, n))
}
fn int_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.int;
    let x = no_args_method(vm, a, t, "as_integer_ratio").map(int::exact)?;
    Ok(tuple::new(vm, &[x, Value::small(1)]))
}

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

fn int_to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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

fn int_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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
    let mut data: Vec<u8> = match super::bytes::buffer_of(bytes) {
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
fn int_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(int::exact(num(v)))
}
fn int_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(0))
}
fn int_denominator(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(1))
}

// ---- int() ----

fn int_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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
    super::bytes::buffer_of(v).map(|b| b.to_vec())
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

// ---- bool ----

fn bool_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match a.pos.len() {
        0 | 1 => Ok(Value::FALSE),
        2 => vm.truth(a.pos[1]).map(Value::from_bool),
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}
fn bool_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.bool;
    let x = slot_self(vm, a, t, "__repr__")?;
    slot_args(vm, a, "__repr__", "", 0, 0)?;
    Ok(pystr::new(vm, if x.is_true() { "True" } else { "False" }))
}
fn bool_bitop(vm: &mut Vm, a: &Args, op: u32, reflected: bool, name: &str) -> PyResult<Value> {
    let t = vm.types.bool;
    let x = slot_self(vm, a, t, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let y = a.pos[1];
    if x.is_bool() && y.is_bool() {
        return Ok(int::binary(vm, op, x, y)?.unwrap_or(vm.not_implemented));
    }
    int_binop(vm, a, op, reflected, name)
}
