//! `int`: 48-bit immediates with heap big ints (`num-bigint`) beyond, always
//! normalised (an int that fits is immediate). Arithmetic with Python's semantics
//! (floor division, modulo with the divisor's sign, shifts, bitwise operations on
//! two's complement), CPython's hash, and conversion to and from text.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_core::instr::binop;
use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::{IntObj, ValueExt};
use crate::vm::{PyResult, Vm};

/// 2**61 - 1, CPython's hash modulus.
const MODULUS: u64 = (1 << 61) - 1;

/// True for int values (immediate, big, or bool).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_kind(Kind::Int) || v.is_bool()
}

/// The native int behind an int-subclass instance.
pub fn native(v: Value) -> Option<Value> {
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_small_int() || inst.base.is_kind(Kind::Int) { Some(inst.base) } else { None }
}

/// An int value as a big int (ints, bools).
pub fn to_bigint(v: Value) -> BigInt {
    if v.is_small_int() {
        BigInt::from(v.small_value())
    } else if v.is_bool() {
        BigInt::from(v.is_true() as i64)
    } else if let Some(b) = v.get::<IntObj>() {
        b.value.clone()
    } else if let Some(n) = native(v) {
        to_bigint(n)
    } else {
        BigInt::zero()
    }
}

/// An int as i64 if it fits.
pub fn to_i64(v: Value) -> Option<i64> {
    if v.is_small_int() {
        Some(v.small_value())
    } else if v.is_bool() {
        Some(v.is_true() as i64)
    } else if let Some(b) = v.get::<IntObj>() {
        b.value.to_i64()
    } else {
        native(v).and_then(to_i64)
    }
}

/// An int clamped to the i64 range (for slice bounds).
pub fn to_i64_clamped(v: Value) -> i64 {
    match to_i64(v) {
        Some(x) => x,
        None => {
            if to_bigint(v).is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    }
}

/// The int value of a big int, normalised.
pub fn from_bigint(vm: &mut Vm, b: BigInt) -> Value {
    if let Some(i) = b.to_i64()
        && let Some(v) = Value::try_small(i)
    {
        return v;
    }
    let ty = vm.types.int;
    vm.alloc_obj(
        ty,
        IntObj {
            header: Header::new(Kind::Int),
            value: b,
        },
    )
}

pub fn from_i64(vm: &mut Vm, i: i64) -> Value {
    match Value::try_small(i) {
        Some(v) => v,
        None => from_bigint(vm, BigInt::from(i)),
    }
}

pub fn from_u64(vm: &mut Vm, i: u64) -> Value {
    if i <= i64::MAX as u64 {
        from_i64(vm, i as i64)
    } else {
        from_bigint(vm, BigInt::from(i))
    }
}

/// CPython's hash of an int that fits in i64.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn hash_big(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// Python's floor division and modulo.
pub fn floor_divmod_i64(a: i64, b: i64) -> (i64, i64) {
    let q = a.div_euclid(b);
    let r = a.rem_euclid(b);
    if b < 0 && r != 0 { (q + 1, r + b) } else { (q, r) }
}

/// Binary operator `op` on two ints (values that are ints). `None` when `op` does not
/// apply to ints (e.g. `@`).
pub fn binary(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let op = op % binop::INPLACE;
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        let r = match op {
            binop::ADD => Some(x + y),
            binop::SUB => Some(x - y),
            binop::MUL => x.checked_mul(y),
            binop::FLOORDIV | binop::MOD => {
                if y == 0 {
                    let msg = if op == binop::MOD { "integer modulo by zero" } else { "integer division or modulo by zero" };
                    return Err(vm.zero_division(msg));
                }
                let (q, r) = floor_divmod_i64(x, y);
                Some(if op == binop::FLOORDIV { q } else { r })
            }
            binop::AND => Some(x & y),
            binop::OR => Some(x | y),
            binop::XOR => Some(x ^ y),
            binop::LSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 16 { Some(x << y) } else { None }
            }
            binop::RSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(if y >= 63 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            binop::TRUEDIV => return true_divide(vm, a, b).map(Some),
            binop::POW => {
                if y < 0 {
                    return float_pow_for_negative_exponent(vm, x as f64, y as f64).map(Some);
                }
                match u32::try_from(y).ok().and_then(|e| x.checked_pow(e)) {
                    Some(r) => Some(r),
                    None => None,
                }
            }
            _ => return Ok(None),
        };
        if let Some(r) = r {
            return Ok(Some(from_i64(vm, r)));
        }
    }
    let x = to_bigint(a);
    let y = to_bigint(b);
    let r = match op {
        binop::ADD => x + y,
        binop::SUB => x - y,
        binop::MUL => x * y,
        binop::FLOORDIV | binop::MOD => {
            if y.is_zero() {
                let msg = if op == binop::MOD { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(vm.zero_division(msg));
            }
            let (q, r) = x.div_mod_floor(&y);
            if op == binop::FLOORDIV { q } else { r }
        }
        binop::AND => x & y,
        binop::OR => x | y,
        binop::XOR => x ^ y,
        binop::LSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let Some(s) = y.to_usize().filter(|s| *s < (1 << 32)) else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            x << s
        }
        binop::RSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => floor_shr(&x, s),
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        binop::TRUEDIV => return true_divide(vm, a, b).map(Some),
        binop::POW => {
            if y.is_negative() {
                let (fx, fy) = (to_f64(vm, a)?, to_f64(vm, b)?);
                return float_pow_for_negative_exponent(vm, fx, fy).map(Some);
            }
            let Some(e) = y.to_u32() else {
                if x.is_zero() || x.is_one() {
                    return Ok(Some(a));
                }
                if x == BigInt::from(-1) {
                    return Ok(Some(Value::small(if y.is_even() { 1 } else { -1 })));
                }
                return Err(vm.new_error(vm.exc.memory_error, ""));
            };
            num_traits::pow::Pow::pow(x, e)
        }
        _ => return Ok(None),
    };
    Ok(Some(from_bigint(vm, r)))
}

fn floor_shr(x: &BigInt, s: usize) -> BigInt {
    if x.is_negative() {
        // Floor: -((-x - 1) >> s) - 1
        let t: BigInt = (-x - BigInt::one()) >> s;
        -t - BigInt::one()
    } else {
        x >> s
    }
}

fn float_pow_for_negative_exponent(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    Ok(Value::from_f64(x.powf(y)))
}

#[inline]
fn small_of(v: Value) -> Option<i64> {
    if v.is_small_int() {
        Some(v.small_value())
    } else if v.is_bool() {
        Some(v.is_true() as i64)
    } else {
        None
    }
}

/// An int as a float, with CPython's OverflowError.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = small_of(v) {
        return Ok(x as f64);
    }
    let b = to_bigint(v);
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// `a / b` for ints, correctly rounded.
pub fn true_divide(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        if y == 0 {
            return Err(vm.zero_division("division by zero"));
        }
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(Value::from_f64(x as f64 / y as f64));
        }
    }
    let x = to_bigint(a);
    let y = to_bigint(b);
    if y.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    match big_true_divide(&x, &y) {
        Some(f) => Ok(Value::from_f64(f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// Correctly rounded x / y (round half to even), or None on overflow.
fn big_true_divide(x: &BigInt, y: &BigInt) -> Option<f64> {
    if x.is_zero() {
        return Some(if x.sign() == y.sign() || y.is_positive() { 0.0 } else { -0.0 });
    }
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let a = x.abs();
    let b = y.abs();
    // Scale so that the quotient has 54..=55 significant bits, then round.
    let shift: i64 = a.bits() as i64 - b.bits() as i64 - 55;
    let (n, d) = if shift > 0 { (a.clone(), &b << shift as usize) } else { (&a << (-shift) as usize, b.clone()) };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64()?;
    // Keep 53 bits: q has 54 or 55 bits.
    let extra = 64 - q.leading_zeros() as i64 - 53;
    let mut exp = shift + extra;
    let half = 1u64 << (extra - 1);
    let low = q & ((1u64 << extra) - 1);
    q >>= extra;
    let sticky = !r.is_zero();
    if low > half || (low == half && (sticky || q & 1 == 1)) {
        q += 1;
        if q == 1 << 53 {
            q >>= 1;
            exp += 1;
        }
    }
    let f = (q as f64) * 2f64.powi(exp.clamp(-1100, 1100) as i32);
    if !f.is_finite() || exp > 1024 {
        return None;
    }
    // Subnormal results: fall back to the float quotient of the scaled values.
    let f = if exp < -1074 + 53 {
        let (xf, yf) = (a.to_f64().unwrap_or(f64::INFINITY), b.to_f64().unwrap_or(f64::INFINITY));
        if xf.is_finite() && yf.is_finite() { xf / yf } else { f }
    } else {
        f
    };
    Some(if negative { -f } else { f })
}

/// Unary operators on ints.
pub fn neg(vm: &mut Vm, a: Value) -> Value {
    if let Some(x) = small_of(a) {
        return from_i64(vm, -x);
    }
    let b = -to_bigint(a);
    from_bigint(vm, b)
}

pub fn invert(vm: &mut Vm, a: Value) -> Value {
    if let Some(x) = small_of(a) {
        return from_i64(vm, !x);
    }
    let b = -to_bigint(a) - BigInt::one();
    from_bigint(vm, b)
}

/// Compares two ints.
pub fn cmp(a: Value, b: Value) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        return x.cmp(&y);
    }
    to_bigint(a).cmp(&to_bigint(b))
}

/// Decimal text of an int, honouring `sys.set_int_max_str_digits`.
pub fn to_decimal(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(x) = small_of(v) {
        return Ok(x.to_string());
    }
    let b = to_bigint(v);
    let limit = vm.int_max_str_digits;
    if limit > 0 && b.bits() > 14000 {
        // Estimate digits (bits * log10(2)); CPython checks the size before converting.
        let est = (b.bits() as f64 * std::f64::consts::LOG10_2) as usize;
        if est > limit + 1 {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    let s = b.to_str_radix(10);
    let digits = s.trim_start_matches('-').len();
    if limit > 0 && digits > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// `int(text, base)` parsing with Python's rules; `None` if the text is invalid.
pub fn parse(text: &str, base: u32) -> Option<(BigInt, usize)> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (base, digits) = {
        let prefixed = |p: &str| lower.starts_with(p);
        if (base == 16 || base == 0) && prefixed("0x") {
            (16, &s[2..])
        } else if (base == 8 || base == 0) && prefixed("0o") {
            (8, &s[2..])
        } else if (base == 2 || base == 0) && prefixed("0b") {
            (2, &s[2..])
        } else if base == 0 {
            // Base 0: decimal, and a leading zero only for zero itself.
            if s.len() > 1 && s.starts_with('0') && s.trim_start_matches(['0', '_']).chars().any(|c| c != '0') {
                return None;
            }
            (10, s)
        } else {
            (base, s)
        }
    };
    let digits = if (s.len() != digits.len()) && digits.starts_with('_') { &digits[1..] } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_ascii() && c.to_digit(base).is_some()) {
        // Unicode decimal digits are accepted too.
        let mapped: Option<String> = clean
            .chars()
            .map(|c| c.to_digit(base).map(|d| std::char::from_digit(d, base).unwrap_or('0')).or_else(|| unicode_digit(c).filter(|d| *d < base).map(|d| std::char::from_digit(d, base).unwrap_or('0'))))
            .collect();
        let m = mapped?;
        let b = BigInt::parse_bytes(m.as_bytes(), base)?;
        return Some((if neg { -b } else { b }, m.len()));
    }
    let b = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some((if neg { -b } else { b }, clean.len()))
}

/// The value of a Unicode decimal digit.
fn unicode_digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    // Decimal digit blocks are runs of ten code points starting at a zero.
    const ZEROS: [u32; 8] = [0x660, 0x6F0, 0x966, 0x9E6, 0xFF10, 0x1D7CE, 0xE6, 0x7C0];
    let u = c as u32;
    ZEROS.iter().find(|&&z| u >= z && u < z + 10).map(|z| u - z)
}
