//! `int` and `bool`: methods and the special methods (so that
//! subclasses and explicit calls like `int.__add__(1, 2)` work). `float` and
//! `complex` live in `numbers/`, the `divmod`/`pow`/`round` builtins in
//! `numbers/ops.rs`, `int()` and the byte conversions in `numbers/int_convert.rs`.

mod complex;
mod float;
mod int_convert;
mod ops;

use stitch_core::instr::{binop, cmpop};
use stitch_core::layout::InstanceObj;
use stitch_core::value::Value;

use super::{add_getsets, add_methods, add_static};
use crate::object::{ValueExt, int, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub use float::float_of;
pub use int_convert::int_value;
use int_convert::{int_from_bytes, int_new, int_to_bytes};
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

fn int_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(int::exact(num(v)))
}
fn int_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(0))
}
fn int_denominator(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(1))
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
