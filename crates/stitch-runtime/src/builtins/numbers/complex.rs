//! `complex`: the constructor (numbers, strings, `__complex__`), arithmetic with
//! ints, floats and complexes, equality, hashing and the attributes and methods.

use stitch_core::instr::{binop, cmpop};
use stitch_core::value::Value;

use super::{NativeFn, binop_slots, cmp_slots, no_args_method, num, slot_args, slot_self};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::object::complex::{self, C};
use crate::object::{float, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let c = vm.types.complex;
    let arith: &[(&'static str, NativeFn)] = binop_slots! { complex_binop;
        "__add__" => binop::ADD, false; "__radd__" => binop::ADD, true;
        "__sub__" => binop::SUB, false; "__rsub__" => binop::SUB, true;
        "__mul__" => binop::MUL, false; "__rmul__" => binop::MUL, true;
        "__truediv__" => binop::TRUEDIV, false; "__rtruediv__" => binop::TRUEDIV, true;
    };
    add_methods(vm, c, arith);
    add_methods(vm, c, cmp_slots!(complex_compare));
    add_methods(
        vm,
        c,
        &[
            ("__pow__", complex_pow),
            ("__rpow__", complex_rpow),
            ("__neg__", complex_neg),
            ("__pos__", complex_pos),
            ("__abs__", complex_abs),
            ("__bool__", complex_bool),
            ("__hash__", complex_hash),
            ("__repr__", complex_repr),
            ("__format__", complex_format),
            ("__getnewargs__", complex_getnewargs),
            ("__complex__", complex_complex),
            ("conjugate", complex_conjugate),
        ],
    );
    add_static(vm, c, &[("__new__", complex_new)]);
    add_getsets(
        vm,
        c,
        &[("real", complex_real, None), ("imag", complex_imag, None)],
    );
}

fn cself(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    let t = vm.types.complex;
    let v = slot_self(vm, a, t, name)?;
    Ok(complex::parts(v).unwrap_or((0.0, 0.0)))
}

fn unary(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    let z = cself(vm, a, name)?;
    slot_args(vm, a, name, "", 0, 0)?;
    Ok(z)
}

/// An int, float or complex operand as a complex; `None` for NotImplemented.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<C>> {
    if let Some(z) = complex::parts(v) {
        return Ok(Some(z));
    }
    Ok(float::as_f64(vm, num(v))?.map(|x| (x, 0.0)))
}

fn binary(vm: &mut Vm, op: u32, x: C, y: C) -> PyResult<Value> {
    let (re, im) = match op {
        binop::ADD => (x.0 + y.0, x.1 + y.1),
        binop::SUB => (x.0 - y.0, x.1 - y.1),
        binop::MUL => complex::mul(x, y),
        _ => match complex::div(x, y) {
            Some(z) => z,
            None => return Err(vm.zero_division("complex division by zero")),
        },
    };
    Ok(complex::new(vm, re, im))
}

fn complex_binop(vm: &mut Vm, a: &Args, op: u32, reflected: bool, name: &str) -> PyResult<Value> {
    let x = cself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    let Some(y) = operand(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    binary(vm, op, l, r)
}

fn pow_impl(vm: &mut Vm, a: &Args, reflected: bool, name: &str) -> PyResult<Value> {
    let x = cself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 2)?;
    let Some(y) = operand(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    if a.pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    complex::pow_values(vm, l, r)
}
fn complex_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_impl(vm, a, false, "__pow__")
}
fn complex_rpow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_impl(vm, a, true, "__rpow__")
}

fn complex_compare(vm: &mut Vm, a: &Args, op: u32, name: &str) -> PyResult<Value> {
    let x = cself(vm, a, name)?;
    slot_args(vm, a, name, "", 1, 1)?;
    if op != cmpop::EQ && op != cmpop::NE {
        return Ok(vm.not_implemented);
    }
    let w = a.pos[1];
    let nw = num(w);
    let equal = if let Some(y) = complex::parts(w) {
        x == y
    } else if nw.is_float() {
        x.0 == nw.as_f64() && x.1 == 0.0
    } else if int::is_int(nw) {
        x.1 == 0.0 && float::cmp_float_int(x.0, nw) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(vm.not_implemented);
    };
    Ok(Value::from_bool(equal == (op == cmpop::EQ)))
}

fn complex_neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__neg__")?;
    Ok(complex::new(vm, -re, -im))
}
fn complex_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__pos__")?;
    if vm.type_of(a.pos[0]) == vm.types.complex {
        return Ok(a.pos[0]);
    }
    Ok(complex::new(vm, re, im))
}
fn complex_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__abs__")?;
    match complex::abs(re, im) {
        Some(r) => Ok(Value::from_f64(r)),
        None => Err(vm.overflow_error("absolute value too large")),
    }
}
fn complex_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__bool__")?;
    Ok(Value::from_bool(re != 0.0 || im != 0.0))
}
fn complex_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__hash__")?;
    Ok(int::from_i64(vm, complex::hash(re, im)))
}
fn complex_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__repr__")?;
    Ok(pystr::new(vm, &complex::repr(re, im)))
}
fn complex_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = cself(vm, a, "__format__")?;
    let Some(spec) = super::format_spec_arg(vm, a, "complex")? else {
        return vm.str(a.pos[0]);
    };
    let z = complex::new(vm, re, im);
    match crate::text::format::format_builtin(vm, z, &spec)? {
        Some(s) => Ok(pystr::new(vm, &s)),
        None => vm.str(a.pos[0]),
    }
}
fn complex_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__getnewargs__")?;
    Ok(tuple::new(vm, &[Value::from_f64(re), Value::from_f64(im)]))
}
fn complex_complex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (re, im) = unary(vm, a, "__complex__")?;
    if vm.type_of(a.pos[0]) == vm.types.complex {
        return Ok(a.pos[0]);
    }
    Ok(complex::new(vm, re, im))
}
fn complex_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.types.complex;
    let v = no_args_method(vm, a, t, "conjugate")?;
    let (re, im) = complex::parts(v).unwrap_or((0.0, 0.0));
    Ok(complex::new(vm, re, -im))
}
fn complex_real(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(complex::parts(v).map_or(0.0, |z| z.0)))
}
fn complex_imag(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(complex::parts(v).map_or(0.0, |z| z.1)))
}

// ---- complex() ----

/// `x.__complex__()` if defined: `Some(parts)`.
fn try_dunder_complex(vm: &mut Vm, x: Value) -> PyResult<Option<C>> {
    if complex::parts(x).is_some() && vm.type_of(x) == vm.types.complex {
        return Ok(complex::parts(x));
    }
    let name = pystr::intern(vm, "__complex__");
    match vm.call_special(x, name, &[])? {
        None => Ok(None),
        Some(r) => match complex::parts(r) {
            Some(z) => Ok(Some(z)),
            None => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(r)
            ))),
        },
    }
}

/// Whether `v` can be converted with `float()` or `__index__` (or is a complex).
fn is_number_like(vm: &mut Vm, v: Value) -> bool {
    let n = num(v);
    n.is_float()
        || int::is_int(n)
        || complex::parts(v).is_some()
        || vm.lookup_special(v, vm.names.float).is_some()
        || vm.lookup_special(v, vm.names.index).is_some()
}

fn from_string(vm: &mut Vm, x: Value, text: &str) -> PyResult<C> {
    let ascii = int::to_ascii(text);
    let Some(clean) = float::strip_underscores(&ascii) else {
        let r = vm.repr_string(x)?;
        return Err(vm.value_error(format!("could not convert string to complex: {r}")));
    };
    complex::parse(&clean).ok_or_else(|| vm.value_error("complex() arg is a malformed string"))
}

fn complex_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("complex.__new__(): not enough arguments"));
    };
    let [r, i] = args::parse::<2>(vm, &a.tail(), &Sig::new("complex", &["real", "imag"], 0))?;
    let r = if r.is_null() { Value::small(0) } else { r };
    if i.is_null() && cls == vm.types.complex && vm.type_of(r) == vm.types.complex {
        return Ok(r);
    }
    if let Some(s) = pystr::text_of(r) {
        if !i.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = s.to_string();
        let (re, im) = from_string(vm, r, &s)?;
        return Ok(complex::new_of_type(vm, cls, re, im));
    }
    if !i.is_null() && pystr::text_of(i).is_some() {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let (cr, cr_is_complex) = match try_dunder_complex(vm, r)? {
        Some(z) => (z, true),
        None => {
            if !is_number_like(vm, r) {
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    vm.type_name(r)
                )));
            }
            match complex::parts(r) {
                Some(z) => (z, true),
                None => ((super::float_of(vm, r)?, 0.0), false),
            }
        }
    };
    let mut ci_is_complex = false;
    let ci = if i.is_null() {
        (cr.1, 0.0)
    } else {
        if !is_number_like(vm, i) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(i)
            )));
        }
        match complex::parts(i) {
            Some(z) => {
                ci_is_complex = true;
                z
            }
            None => (super::float_of(vm, i)?, 0.0),
        }
    };
    let mut re = cr.0;
    let mut im = ci.0;
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex && !i.is_null() {
        im += cr.1;
    }
    Ok(complex::new_of_type(vm, cls, re, im))
}
