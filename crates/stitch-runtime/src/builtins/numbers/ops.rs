//! The `divmod`, three-argument `pow` and `round` builtins, and the int and float
//! pieces they share with the special methods.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use stitch_core::instr::binop;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::num;
use crate::object::{complex, float, int, str as pystr, tuple, types};
use crate::vm::{PyResult, Vm};

fn exact_int(v: Value) -> bool {
    v.is_small_int() || v.is_kind(Kind::Int) || v.is_bool()
}

/// `divmod(x, y)` for two ints.
pub fn int_divmod(vm: &mut Vm, x: Value, y: Value) -> PyResult<Value> {
    if let (Some(a), Some(b)) = (int::to_i64(x), int::to_i64(y))
        && Value::try_small(a).is_some()
        && Value::try_small(b).is_some()
    {
        if b == 0 {
            return Err(vm.zero_division("integer division or modulo by zero"));
        }
        let (q, r) = int::floor_divmod_i64(a, b);
        let q = int::from_i64(vm, q);
        return Ok(tuple::new(vm, &[q, Value::small(r)]));
    }
    let (a, b) = (int::view(x), int::view(y));
    if let int::Num::Small(0) = b {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (q, r) = int::big::div_mod_floor(a, b);
    let q = int::from_bigint(vm, q);
    let r = int::from_bigint(vm, r);
    Ok(tuple::new(vm, &[q, r]))
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if exact_int(a) && exact_int(b) {
        return int_divmod(vm, a, b);
    }
    if (a.is_float() || exact_int(a)) && (b.is_float() || exact_int(b)) {
        let x = float::as_f64(vm, a)?.unwrap_or(0.0);
        let y = float::as_f64(vm, b)?.unwrap_or(0.0);
        return super::float::divmod_floats(vm, x, y);
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

/// `pow(b, e, m)` for ints, with CPython's errors.
pub fn int_modpow(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    let (mut base, mut exp, modulus) = (int::to_bigint(b), int::to_bigint(e), int::to_bigint(m));
    if modulus.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = modulus.abs();
    if exp.is_negative() {
        let g = base.mod_floor(&mabs).extended_gcd(&mabs);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&mabs);
        exp = -exp;
    }
    let mut r = base.mod_floor(&mabs).modpow(&exp, &mabs);
    if modulus.is_negative() && !r.is_zero() {
        r -= &mabs;
    }
    Ok(int::from_bigint(vm, r))
}

/// Which builtin numeric type's `__pow__` a type uses, if any.
fn builtin_pow_kind(vm: &mut Vm, t: Value) -> Option<u8> {
    let name = pystr::intern(vm, "__pow__");
    let f = types::lookup(t, name)?;
    let kinds = [
        (vm.types.int, 0),
        (vm.types.float, 1),
        (vm.types.complex, 2),
    ];
    kinds
        .iter()
        .find(|(bt, _)| types::lookup(*bt, name) == Some(f))
        .map(|(_, k)| *k)
}

/// A builtin type's three-argument power: `None` for NotImplemented.
fn builtin_ternary(vm: &mut Vm, kind: u8, v: Value, w: Value, z: Value) -> PyResult<Option<Value>> {
    let (nv, nw, nz) = (num(v), num(w), num(z));
    let real = |x: Value| x.is_float() || int::is_int(x);
    match kind {
        0 if int::is_int(nv) && int::is_int(nw) && int::is_int(nz) => {
            int_modpow(vm, nv, nw, nz).map(Some)
        }
        1 if real(nv) && real(nw) => {
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        2 if (real(nv) || complex::parts(v).is_some())
            && (real(nw) || complex::parts(w).is_some()) =>
        {
            Err(vm.value_error("complex modulo"))
        }
        _ => Ok(None),
    }
}

/// `pow(base, exp, mod)`.
pub fn pow3(vm: &mut Vm, base: Value, exp: Value, m: Value) -> PyResult<Value> {
    if m.is_null() || m.is_none() {
        return crate::vm::ops::binary_op(vm, binop::POW, base, exp);
    }
    if exact_int(base) && exact_int(exp) && exact_int(m) {
        return int_modpow(vm, base, exp, m);
    }
    let mut tried: Vec<Value> = Vec::with_capacity(3);
    for (i, v) in [base, exp, m].into_iter().enumerate() {
        let t = vm.type_of(v);
        if tried.contains(&t) {
            continue;
        }
        tried.push(t);
        if let Some(kind) = builtin_pow_kind(vm, t) {
            if let Some(r) = builtin_ternary(vm, kind, base, exp, m)? {
                return Ok(r);
            }
        } else if i == 0 {
            let name = pystr::intern(vm, "__pow__");
            if let Some(r) = vm.call_special(base, name, &[exp, m])?
                && r != vm.not_implemented
            {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base),
        vm.type_name(exp),
        vm.type_name(m)
    )))
}

/// `round(x, ndigits)` for an int (`ndigits` not None).
pub fn round_int(vm: &mut Vm, x: Value, ndigits: Value) -> PyResult<Value> {
    let n = vm.index(ndigits)?;
    if int::signum(n) >= 0 {
        return Ok(int::exact(x));
    }
    let v = int::to_bigint(x);
    // 10**k exceeds 2|x| once k passes the digit count: the result is 0.
    let k = int::to_bigint(n);
    let digits_bound = BigInt::from(v.bits() / 3 + 2);
    if -&k > digits_bound {
        return Ok(Value::small(0));
    }
    let k = (-k).try_into().unwrap_or(0u32);
    let p = num_traits::pow::Pow::pow(BigInt::from(10), k);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Ok(int::from_bigint(vm, q * p))
}

/// `round(x, ndigits)` for a float (`ndigits` not None).
pub fn round_float(vm: &mut Vm, x: f64, ndigits: Value) -> PyResult<Value> {
    let n = vm.index(ndigits)?;
    let n = int::to_i64_clamped(n);
    float::round_digits(vm, x, n).map(Value::from_f64)
}

/// `round(number, ndigits)`.
pub fn round(vm: &mut Vm, number: Value, ndigits: Value) -> PyResult<Value> {
    let no_digits = ndigits.is_null() || ndigits.is_none();
    if number.is_float() {
        let f = number.as_f64();
        if no_digits {
            return float::to_int(vm, float::round_half_even(f));
        }
        return round_float(vm, f, ndigits);
    }
    if exact_int(number) {
        if no_digits {
            return Ok(int::exact(number));
        }
        return round_int(vm, number, ndigits);
    }
    let args: &[Value] = if no_digits { &[] } else { &[ndigits] };
    match vm.call_special(number, vm.names.round, args)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(number)
        ))),
    }
}
