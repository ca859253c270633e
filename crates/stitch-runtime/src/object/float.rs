//! `float`: NaN-boxed doubles. CPython's repr (shortest round-trip digits, exponent
//! outside 1e-4..1e16), hash, arithmetic with Python's floor-division and modulo
//! rules and error messages, and comparison with ints of any size.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive, Zero};
use stitch_core::instr::binop;
use stitch_core::value::Value;

use super::int;
use crate::vm::{PyResult, Vm};

/// `repr(x)` as CPython writes it.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Shortest round-trip digits and decimal exponent from Rust's formatter.
    let sci = format!("{:e}", x);
    let (mantissa, exp) = sci.split_once('e').expect("scientific notation");
    let exp: i32 = exp.parse().expect("exponent");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if negative {
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
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
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
                let i = |v: Value| if v.is_bool() { v.is_true() as i64 } else { v.small_value() };
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
        return Some(if x > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less });
    }
    if i.is_small_int() {
        let y = i.small_value();
        if y.unsigned_abs() < (1 << 53) {
            return x.partial_cmp(&(y as f64));
        }
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

/// `x ** y` for floats with CPython's special cases and errors.
pub fn pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::from_f64(1.0));
    }
    if x.is_nan() {
        return Ok(Value::from_f64(if y == 0.0 { 1.0 } else { x }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        // A negative base with a fractional exponent gives a complex result.
        return crate::object::complex_pow_real(vm, x, y);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::from_f64(r))
}

/// `round(x, ndigits)` with round-half-even on the exact decimal value.
pub fn round_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 308 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Correctly rounded decimal string, then parse back.
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if r == 0.0 { 0.0f64.copysign(x) } else { r }
    } else {
        let p = 10f64.powi((-ndigits) as i32);
        let y = x / p;
        let r = round_half_even(y) * p;
        if r.is_infinite() { x } else if r == 0.0 { 0.0f64.copysign(x) } else { r }
    }
}

pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
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

/// `float(text)` parsing with Python's rules; `None` if invalid.
pub fn parse(text: &str) -> Option<f64> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return None;
    }
    let neg = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    // Underscores only between digits.
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
        }
    }
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    if !clean.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return None;
    }
    if !clean.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// Whether a float is an integer value (`float.is_integer`).
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `int(x)` if `x` is integral and small enough for an exact i64.
pub fn exact_i64(x: f64) -> Option<i64> {
    if is_integer(x) && x.abs() < 9.2e18 { x.to_i64() } else { None }
}
