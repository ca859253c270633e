//! The `math` module: the C library's functions with CPython's error rules
//! ("math domain error", "math range error"), its own gamma/lgamma, exact `fsum`,
//! `hypot`/`dist` with CPython's vector norm, logarithms of big ints, and
//! `floor`/`ceil`/`trunc` through the special methods. Integer functions
//! (factorial, comb, perm, gcd, lcm, isqrt) are in `math_int.rs`.

use stitch_core::value::Value;

use super::libm;
use super::util::add_fns;
use crate::builtins::args;
use crate::object::{float, int, module, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "math");
    add_fns(
        vm,
        m,
        &[
            ("acos", acos),
            ("acosh", acosh),
            ("asin", asin),
            ("asinh", asinh),
            ("atan", atan),
            ("atan2", atan2),
            ("atanh", atanh),
            ("cbrt", cbrt),
            ("ceil", ceil),
            ("copysign", copysign),
            ("cos", cos),
            ("cosh", cosh),
            ("degrees", degrees),
            ("dist", dist),
            ("erf", erf),
            ("erfc", erfc),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("fabs", fabs),
            ("floor", floor),
            ("fmod", fmod),
            ("frexp", frexp),
            ("fsum", fsum),
            ("gamma", gamma),
            ("hypot", hypot),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("ldexp", ldexp),
            ("lgamma", lgamma),
            ("log", log),
            ("log10", log10),
            ("log1p", log1p),
            ("log2", log2),
            ("modf", modf),
            ("nextafter", nextafter),
            ("pow", pow),
            ("radians", radians),
            ("remainder", remainder),
            ("sin", sin),
            ("sinh", sinh),
            ("sqrt", sqrt),
            ("tan", tan),
            ("tanh", tanh),
            ("trunc", trunc),
            ("ulp", ulp),
        ],
    );
    super::math_int::add(vm, m);
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        module::set(vm, m, name, Value::from_f64(v));
    }
    Ok(m)
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_f64());
    }
    if int::is_int(v) {
        return int::to_f64(vm, v);
    }
    if let Some(r) = vm.call_special(v, vm.names.float, &[])? {
        if r.is_float() {
            return Ok(r.as_f64());
        }
        if let Some(f) = float::as_f64(vm, r)
            .ok()
            .flatten()
            .filter(|_| !int::is_int(r))
        {
            return Ok(f);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "{tn}.__float__ returned non-float (type {})",
            vm.type_name(r)
        )));
    }
    if vm.lookup_special(v, vm.names.index).is_some() {
        let i = vm.index(v)?;
        return int::to_f64(vm, i);
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// The argument of a one-argument function, with CPython's `METH_O` messages.
pub fn meth_o(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos[0])
}

fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let v = meth_o(vm, a, name)?;
    to_f64(vm, v)
}

fn two_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    args::count(vm, a, name, 2, 2)?;
    let x = to_f64(vm, a.pos[0])?;
    let y = to_f64(vm, a.pos[1])?;
    Ok((x, y))
}

fn domain(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("math range error")
}

/// CPython's `math_1`: NaN from non-NaN is a domain error; an infinity from a
/// finite input is a range error (`can_overflow`) or a domain error.
fn math_1(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one_arg(vm, a, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::from_f64(r))
}

/// An error status for functions that report like errno: domain, or range.
#[derive(PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

fn check(vm: &mut Vm, r: f64, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(Value::from_f64(r)),
        Errno::Dom => Err(domain(vm)),
        Errno::Range if r.abs() < 1.5 => Ok(Value::from_f64(r)),
        Errno::Range => Err(range(vm)),
    }
}

/// CPython's `math_2`.
fn math_2(vm: &mut Vm, a: &Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (x, y) = two_args(vm, a, name)?;
    let r = f(x, y);
    let e = if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        }
    } else if r.is_infinite() {
        if x.is_finite() && y.is_finite() {
            Errno::Range
        } else {
            Errno::Ok
        }
    } else {
        Errno::Ok
    };
    check(vm, r, e)
}

macro_rules! func1 {
    ($name:ident, $f:expr, $ovf:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            math_1(vm, a, stringify!($name), $f, $ovf)
        }
    };
}

func1!(acos, libm::acos, false);
func1!(acosh, libm::acosh, false);
func1!(asin, libm::asin, false);
func1!(asinh, libm::asinh, false);
func1!(atan, libm::atan, false);
func1!(atanh, libm::atanh, false);
func1!(cbrt, libm::cbrt, false);
func1!(cos, libm::cos, false);
func1!(cosh, libm::cosh, true);
func1!(exp, libm::exp, true);
func1!(exp2, libm::exp2, true);
func1!(expm1, libm::expm1, true);
func1!(fabs, f64::abs, false);
func1!(log1p, libm::log1p, false);
func1!(sin, libm::sin, false);
func1!(sinh, libm::sinh, true);
func1!(sqrt, f64::sqrt, false);
func1!(tan, libm::tan, false);
func1!(tanh, libm::tanh, false);

fn erf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "erf")?;
    Ok(Value::from_f64(libm::erf(x)))
}

fn erfc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "erfc")?;
    Ok(Value::from_f64(libm::erfc(x)))
}

fn gamma(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "gamma")?;
    let (r, e) = super::math_gamma::tgamma(x);
    check(vm, r, e.into())
}

fn lgamma(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "lgamma")?;
    let (r, e) = super::math_gamma::lgamma(x);
    check(vm, r, e.into())
}

impl From<super::math_gamma::Status> for Errno {
    fn from(s: super::math_gamma::Status) -> Errno {
        match s {
            super::math_gamma::Status::Ok => Errno::Ok,
            super::math_gamma::Status::Domain => Errno::Dom,
            super::math_gamma::Status::Range => Errno::Range,
        }
    }
}

fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    libm::atan2(y, x)
}

fn atan2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    math_2(vm, a, "atan2", m_atan2)
}

fn copysign(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    math_2(vm, a, "copysign", f64::copysign)
}

/// IEEE 754 remainder, exact: x - n*y with n the nearest integer (ties to even).
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = libm::fmod(ax, ay);
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * libm::fmod(0.5 * (ax - m), ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn remainder(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    math_2(vm, a, "remainder", m_remainder)
}

fn fmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, a, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::from_f64(x));
    }
    let r = libm::fmod(x, y);
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else {
        Errno::Ok
    };
    check(vm, r, e)
}

fn pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, a, "pow")?;
    let mut e = Errno::Ok;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = libm::pow(x, y);
        if r.is_nan() {
            e = Errno::Dom;
        } else if r.is_infinite() {
            e = if x == 0.0 { Errno::Dom } else { Errno::Range };
        }
        r
    };
    check(vm, r, e)
}

fn degrees(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "degrees")?;
    Ok(Value::from_f64(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "radians")?;
    Ok(Value::from_f64(x * (std::f64::consts::PI / 180.0)))
}

fn isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "isfinite")?;
    Ok(Value::from_bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "isinf")?;
    Ok(Value::from_bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "isnan")?;
    Ok(Value::from_bool(x.is_nan()))
}

fn isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = args::Sig {
        name: "isclose",
        params: &["a", "b", "rel_tol", "abs_tol"],
        required: 2,
        kwonly_from: 2,
        posonly_until: 0,
    };
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let [x, y, rt, at] = args::parse::<4>(vm, a, &sig)?;
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    let rel = if rt.is_null() { 1e-9 } else { to_f64(vm, rt)? };
    let abs = if at.is_null() { 0.0 } else { to_f64(vm, at)? };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::from_bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

fn frexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "frexp")?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    let mv = Value::from_f64(m);
    Ok(tuple::new(vm, &[mv, Value::small(e as i64)]))
}

fn ldexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "ldexp", 2, 2)?;
    let x = to_f64(vm, a.pos[0])?;
    let i = a.pos[1];
    if !int::is_int(i) && int::native(i).is_none() {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let exp = int::to_i64_clamped(i);
    let (r, e) = if x == 0.0 || !x.is_finite() {
        (x, Errno::Ok)
    } else if exp > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Errno::Range)
    } else if exp < i32::MIN as i64 {
        (0.0f64.copysign(x), Errno::Ok)
    } else {
        let r = libm::ldexp(x, exp as i32);
        (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        )
    };
    check(vm, r, e)
}

fn modf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "modf")?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(tuple::new(vm, &[Value::from_f64(f), Value::from_f64(i)]))
}

fn nextafter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_args(vm, a, "nextafter")?;
    Ok(Value::from_f64(libm::nextafter(x, y)))
}

fn ulp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "ulp")?;
    if x.is_nan() {
        return Ok(Value::from_f64(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::from_f64(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x3 = libm::nextafter(x, f64::NEG_INFINITY);
        return Ok(Value::from_f64(x - x3));
    }
    Ok(Value::from_f64(x2 - x))
}

/// `math.floor`/`math.ceil`: exact floats directly, else `__floor__`/`__ceil__`,
/// else through float.
fn round_fn(vm: &mut Vm, a: &Args, name: &str, up: bool) -> PyResult<Value> {
    let v = meth_o(vm, a, name)?;
    let x = if v.is_float() {
        v.as_f64()
    } else {
        if v.is_small_int() || v.is_kind(stitch_core::layout::Kind::Int) {
            return Ok(v);
        }
        if v.is_bool() {
            return Ok(Value::small(v.is_true() as i64));
        }
        let special = if up { vm.names.ceil } else { vm.names.floor };
        if let Some(r) = vm.call_special(v, special, &[])? {
            return Ok(r);
        }
        to_f64(vm, v)?
    };
    float::to_int(vm, if up { x.ceil() } else { x.floor() })
}

fn floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    round_fn(vm, a, "floor", false)
}

fn ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    round_fn(vm, a, "ceil", true)
}

fn trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = meth_o(vm, a, "trunc")?;
    if v.is_float() {
        return float::to_int(vm, v.as_f64());
    }
    if v.is_small_int() || v.is_kind(stitch_core::layout::Kind::Int) {
        return Ok(v);
    }
    match vm.call_special(v, vm.names.trunc, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

/// A big int's mantissa in [0.5, 1) (correctly rounded) and exponent.
fn big_frexp(b: &num_bigint::BigInt) -> (f64, i64) {
    use num_traits::ToPrimitive;
    let mag = b.magnitude();
    let bits = mag.bits() as i64;
    let shift = bits - 64;
    let top = if shift > 0 {
        let t: num_bigint::BigUint = mag >> (shift as usize);
        let sticky = mag.trailing_zeros().is_some_and(|z| (z as i64) < shift);
        t.to_u64().unwrap_or(u64::MAX) | sticky as u64
    } else {
        mag.to_u64().unwrap_or(0) << (-shift) as u32
    };
    let mut x = top as f64 / 18446744073709551616.0;
    let mut e = bits;
    if x >= 1.0 {
        x *= 0.5;
        e += 1;
    }
    (x, e)
}

/// CPython's `loghelper`: ints of any size, else through float.
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if int::is_int(v) || int::native(v).is_some() {
        let b = int::to_bigint(v);
        if b.sign() != num_bigint::Sign::Plus {
            return Err(domain(vm));
        }
        use num_traits::ToPrimitive;
        return Ok(match b.to_f64().filter(|x| x.is_finite()) {
            Some(x) => f(x),
            None => {
                let (x, e) = big_frexp(&b);
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let x = to_f64(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain(vm));
    }
    Ok(r)
}

fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x > 0.0 {
        libm::log2(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log10(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() || a.pos.len() > 2 || a.has_kwargs() {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, a.pos[0], m_log)?;
    let Some(&base) = a.pos.get(1) else {
        return Ok(Value::from_f64(num));
    };
    let den = loghelper(vm, base, m_log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::from_f64(num / den))
}

fn log2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = meth_o(vm, a, "log2")?;
    loghelper(vm, v, m_log2).map(Value::from_f64)
}

fn log10(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = meth_o(vm, a, "log10")?;
    loghelper(vm, v, m_log10).map(Value::from_f64)
}

/// Exact sum of floats (Shewchuk / Hettinger's msum with CPython's final rounding).
fn fsum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let seq = meth_o(vm, a, "fsum")?;
    let it = vm.iter(seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(it)? {
        let mut x = to_f64(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::from_f64(special));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::from_f64(hi))
}

/// CPython's accurate vector norm (scaling, Dekker splitting, compensated sums
/// and a square-root correction).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    fn add(csum: &mut f64, frac: &mut f64, x: f64) {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    }
    if max_e >= -1023 {
        let scale = libm::ldexp(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn hypot(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "hypot")?;
    let mut coords = Vec::with_capacity(a.pos.len());
    let (mut max, mut nan) = (0.0f64, false);
    for &v in a.pos {
        let x = to_f64(vm, v)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::from_f64(vector_norm(&coords, max, nan)))
}

fn dist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "dist", 2, 2)?;
    let p = vm.collect_iter(a.pos[0])?;
    let q = vm.collect_iter(a.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for i in 0..p.len() {
        let px = to_f64(vm, p[i])?;
        let qx = to_f64(vm, q[i])?;
        let x = (px - qx).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::from_f64(vector_norm(&diffs, max, nan)))
}
