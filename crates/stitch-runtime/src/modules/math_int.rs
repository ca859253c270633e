//! The integer functions of `math`: `factorial`, `comb`, `perm`, `gcd`, `lcm`,
//! `isqrt` on ints of any size, and `prod`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_core::value::Value;

use super::util::add_fns;
use crate::builtins::args;
use crate::object::int;
use crate::vm::{Args, PyResult, Vm};

pub fn add(vm: &mut Vm, m: Value) {
    add_fns(
        vm,
        m,
        &[
            ("factorial", factorial),
            ("comb", comb),
            ("perm", perm),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("prod", prod),
        ],
    );
}

/// `operator.index(v)` as a big int.
fn index_big(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let i = vm.index(v)?;
    Ok(int::to_bigint(i))
}

/// The product of lo..hi (exclusive), by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn factorial_of(n: u64) -> BigInt {
    range_product(1, n + 1)
}

fn factorial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = super::math::meth_o(vm, a, "factorial")?;
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(int::from_bigint(vm, factorial_of(n as u64)))
}

/// P(n, k) for k <= n.
fn perm_big(n: &BigInt, k: u64) -> BigInt {
    match n.to_u64() {
        Some(nn) => range_product(nn - k + 1, nn + 1),
        None => {
            let mut acc = BigInt::one();
            let mut x = n.clone();
            for _ in 0..k {
                acc *= &x;
                x -= 1;
            }
            acc
        }
    }
}

fn nonneg(vm: &mut Vm, n: &BigInt, k: &BigInt) -> PyResult<()> {
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok(())
}

fn perm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "perm", 1, 2)?;
    let kv = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if kv.is_none() {
        let n = index_big(vm, a.pos[0])?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let Some(n) = n.to_u64() else {
            return Err(
                vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
            );
        };
        return Ok(int::from_bigint(vm, factorial_of(n)));
    }
    let n = index_big(vm, a.pos[0])?;
    let k = index_big(vm, kv)?;
    nonneg(vm, &n, &k)?;
    if n < k {
        return Ok(Value::small(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(int::from_bigint(vm, perm_big(&n, k as u64)))
}

fn comb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "comb", 2, 2)?;
    let n = index_big(vm, a.pos[0])?;
    let k = index_big(vm, a.pos[1])?;
    nonneg(vm, &n, &k)?;
    if k > n {
        return Ok(Value::small(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let r = perm_big(&n, k as u64) / factorial_of(k as u64);
    Ok(int::from_bigint(vm, r))
}

fn gcd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "gcd")?;
    let mut acc = BigInt::zero();
    for &v in a.pos {
        let x = index_big(vm, v)?;
        if !acc.is_one() {
            acc = acc.gcd(&x);
        }
    }
    Ok(int::from_bigint(vm, acc.abs()))
}

fn lcm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "lcm")?;
    let mut acc = BigInt::one();
    for (i, &v) in a.pos.iter().enumerate() {
        let x = index_big(vm, v)?;
        if i == 0 {
            acc = x.abs();
        } else if !acc.is_zero() {
            acc = if x.is_zero() {
                BigInt::zero()
            } else {
                acc.lcm(&x)
            };
        }
    }
    Ok(int::from_bigint(vm, acc.abs()))
}

fn isqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = super::math::meth_o(vm, a, "isqrt")?;
    let n = index_big(vm, v)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int::from_bigint(vm, n.sqrt()))
}

fn prod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        if a.pos.len() + a.kwnames.len() > 2 {
            return Err(vm.type_error(format!(
                "prod() takes at most 2 arguments ({} given)",
                a.pos.len() + a.kwnames.len()
            )));
        }
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let mut acc = Value::small(1);
    for (i, n) in a.kwnames.iter().enumerate() {
        let name = crate::object::str::as_str(*n);
        if name != "start" {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for prod()"
            )));
        }
        acc = a.kwvals[i];
    }
    let it = vm.iter(a.pos[0])?;
    while let Some(x) = vm.next(it)? {
        acc = crate::vm::ops::binary_op(vm, stitch_core::instr::binop::MUL, acc, x)?;
    }
    Ok(acc)
}
