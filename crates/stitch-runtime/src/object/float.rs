//! `float`: NaN-boxed doubles. CPython's repr (shortest round-trip digits, ties to
//! the even digit, exponent outside 1e-4..1e16), hash, arithmetic with Python's
//! floor-division, modulo and power rules and error messages, exact rounding to
//! decimal digits and comparison with ints of any size. Text parsing (`float()`,
//! `float.fromhex`) lives in `float/text.rs`.

mod text;

pub use text::{
    HexError, from_hex, parse, parse_ascii, parse_literal, scan_float, strip_underscores,
};

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, ToPrimitive, Zero};
use stitch_core::instr::binop;
use stitch_core::value::Value;

use super::int;
use crate::vm::{PyResult, Vm};

/// The shortest digits that round-trip to `x` (finite, non-zero, positive) and the
/// decimal exponent of the first digit, choosing the even last digit on a tie as
/// David Gay's algorithm (CPython's repr) does.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let sci = format!("{:e}", x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 15 {
        return (digits, exp);
    }
    // A tie: x lies exactly halfway between two candidates of the same length. Its
    // exact expansion then has one more digit, a 5.
    let exact = format!("{:.*e}", digits.len(), x);
    let (em, ee) = exact.split_once('e').unwrap_or((&exact, "0"));
    let ed: String = em.chars().filter(|c| c.is_ascii_digit()).collect();
    if ee.parse::<i32>().ok() != Some(exp) || !ed.ends_with('5') {
        return (digits, exp);
    }
    let exact_full = format!("{:.800e}", x);
    let full: String = exact_full
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    let full = full.trim_end_matches('0');
    if full.len() != digits.len() + 1 {
        return (digits, exp);
    }
    let mut cand = full.as_bytes()[..digits.len()].to_vec();
    let last = cand.len() - 1;
    if cand[last] % 2 == 1 {
        // Odd truncation: the even neighbour is one up (no carry from an odd digit).
        cand[last] += 1;
    }
    let cand = String::from_utf8(cand).unwrap_or_default();
    let text = format!("{}.{}e{}", &cand[..1], &cand[1..], exp);
    if text.parse::<f64>().ok() == Some(x) {
        (cand, exp)
    } else {
        (digits, exp)
    }
}

/// `repr(x)` as CPython writes it.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, exp) = shortest_digits(x.abs());
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        // Fixed notation.
        if exp >= 0 {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                out.push_str(&"0".repeat(point - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// CPython's hash of a float (equal to the hash of an equal int).
pub fn hash(x: f64) -> i64 {
    if x.is_nan() {
        // CPython 3.10+ hashes NaN by identity; a fixed value keeps this stable.
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << 61) - 1;
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let mut r = h as i64;
    if x < 0.0 {
        r = -r;
    }
    if r == -1 { -2 } else { r }
}

/// `frexp`: x = m * 2**e with 0.5 <= m < 1.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// A finite float as `m * 2**e` with an integer mantissa (`|m| < 2**53`).
pub fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    (if x.is_sign_negative() { -m } else { m }, e)
}

/// Equality of two immediates (ints, floats, bools) by numeric value.
pub fn numeric_eq_immediate(a: Value, b: Value) -> bool {
    let num = |v: Value| -> Option<f64> {
        if v.is_float() {
            Some(v.as_f64())
        } else if v.is_small_int() {
            Some(v.small_value() as f64)
        } else if v.is_bool() {
            Some(v.is_true() as i64 as f64)
        } else {
            None
        }
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => {
            if a.is_float() || b.is_float() {
                x == y
            } else {
                // Two ints (or bools): exact comparison.
                let i = |v: Value| {
                    if v.is_bool() {
                        v.is_true() as i64
                    } else {
                        v.small_value()
                    }
                };
                i(a) == i(b)
            }
        }
        _ => false,
    }
}

/// Compares a float with an int exactly (no rounding of big ints).
pub fn cmp_float_int(x: f64, i: Value) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    if i.is_small_int() {
        // 48-bit immediates convert to floats exactly.
        return x.partial_cmp(&(i.small_value() as f64));
    }
    if i.is_bool() {
        return x.partial_cmp(&(i.is_true() as i64 as f64));
    }
    let b = int::to_bigint(i);
    // Compare the integer part exactly, then the fraction.
    let t = x.trunc();
    let tb = BigInt::from_f64(t).unwrap_or_else(BigInt::zero);
    match tb.cmp(&b) {
        std::cmp::Ordering::Equal => (x - t).partial_cmp(&0.0),
        o => Some(o),
    }
}

/// A float from any real number value (int or float), for mixed arithmetic.
pub fn as_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if v.is_float() {
        return Ok(Some(v.as_f64()));
    }
    if int::is_int(v) {
        return int::to_f64(vm, v).map(Some);
    }
    Ok(None)
}

/// Binary operator on two floats (already converted).
pub fn binary(vm: &mut Vm, op: u32, x: f64, y: f64) -> PyResult<Option<Value>> {
    let op = op % binop::INPLACE;
    let r = match op {
        binop::ADD => x + y,
        binop::SUB => x - y,
        binop::MUL => x * y,
        binop::TRUEDIV => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        binop::FLOORDIV => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            divmod(x, y).0
        }
        binop::MOD => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            divmod(x, y).1
        }
        binop::POW => return pow(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(Value::from_f64(r)))
}

/// Python's float divmod: (floor quotient, remainder with the divisor's sign).
pub fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && (y % 2.0).abs() == 1.0
}

/// `x ** y` for floats with CPython's special cases and errors.
pub fn pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let v = |f: f64| Ok(Value::from_f64(f));
    if y == 0.0 {
        return v(1.0);
    }
    if x.is_nan() {
        return v(x);
    }
    if y.is_nan() {
        return v(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return v(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return v(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return v(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            // A negative base with a fractional exponent gives a complex result.
            return super::complex::pow_values(vm, (x, 0.0), (y, 0.0));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return v(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    v(if negate { -r } else { r })
}

/// `OverflowError(34, 'Numerical result out of range')` (C's ERANGE).
pub fn range_error(vm: &mut Vm) -> crate::vm::PyErr {
    let msg = super::str::new(vm, "Numerical result out of range");
    let ty = vm.exc.overflow_error;
    vm.new_error_args(ty, &[Value::small(34), msg])
}

/// `round(x, ndigits)`: the exact value rounded half to even at the decimal digit,
/// as CPython does through correctly rounded strings.
pub fn round_digits(vm: &mut Vm, x: f64, ndigits: i64) -> PyResult<f64> {
    // CPython's bounds: beyond them the result is x itself or a zero.
    if ndigits > 323 || !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let (m, e) = decompose(x.abs());
    if ndigits >= 0 && e >= 0 {
        return Ok(x);
    }
    let m = BigUint::from(m as u64);
    let p = num_traits::pow::Pow::pow(BigUint::from(10u32), ndigits.unsigned_abs() as u32);
    // q = round(|x| * 10**ndigits); result = q / 10**ndigits.
    let (num, den) = match (ndigits >= 0, e >= 0) {
        (true, _) => (&m * &p, BigUint::one() << (-e) as usize),
        (false, true) => (m << e as usize, p.clone()),
        (false, false) => (m, &p << (-e) as usize),
    };
    let (q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1usize;
    let q = if twice > den || (twice == den && q.is_odd()) {
        q + 1u32
    } else {
        q
    };
    let f = if ndigits >= 0 {
        int::ratio_to_f64(&q, &p)
    } else {
        int::ratio_to_f64(&(q * p), &BigUint::one())
    };
    match f {
        Some(f) => Ok(f.copysign(x)),
        None => Err(vm.overflow_error("rounded value too large to represent")),
    }
}

/// Round half to even to an integer value.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// An exact int from a float (for `int(x)`), or the error CPython raises.
pub fn to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9e15 {
        return Ok(int::from_i64(vm, t as i64));
    }
    let b = BigInt::from_f64(t).unwrap_or_else(BigInt::zero);
    Ok(int::from_bigint(vm, b))
}

/// `float.as_integer_ratio()` for a finite float, in lowest terms.
pub fn integer_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = decompose(x);
    if m == 0 {
        return (BigInt::zero(), BigInt::one());
    }
    let tz = m.unsigned_abs().trailing_zeros() as i32;
    let (m, e) = (m >> tz, e + tz);
    if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    }
}

/// Whether a float is an integer value (`float.is_integer`).
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `int(x)` if `x` is integral and small enough for an exact i64.
pub fn exact_i64(x: f64) -> Option<i64> {
    if is_integer(x) && x.abs() < 9.2e18 {
        x.to_i64()
    } else {
        None
    }
}
