//! `int`: 48-bit immediates with heap big ints (`num-bigint`) beyond, always
//! normalised (an int that fits is immediate). Arithmetic with Python's semantics
//! (floor division, modulo with the divisor's sign, shifts, bitwise operations on
//! two's complement), correctly rounded conversion and true division to float,
//! and CPython's hash. Text conversion lives in `int/text.rs`.

pub mod big;
mod text;

pub use big::{Num, view};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_core::instr::binop;
use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

pub use text::{
    ParseError, check_str_digits, is_c_space, parse_error_repr, parse_with_limit, to_ascii,
    to_decimal, unicode_digit_value,
};

use super::{IntObj, ValueExt};
use crate::vm::{PyResult, Vm};

/// 2**61 - 1, CPython's hash modulus.
const MODULUS: u64 = (1 << 61) - 1;

/// Largest int result (in bits) Stitch computes before raising `MemoryError`.
pub const MAX_BITS: u64 = 1 << 32;

/// True for int values (immediate, big, or bool).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_kind(Kind::Int) || v.is_bool()
}

/// The native int behind an int-subclass instance.
pub fn native(v: Value) -> Option<Value> {
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_small_int() || inst.base.is_kind(Kind::Int) {
        Some(inst.base)
    } else {
        None
    }
}

/// An int value as a big int (ints, bools).
pub fn to_bigint(v: Value) -> BigInt {
    if v.is_small_int() {
        BigInt::from(v.small_value())
    } else if v.is_bool() {
        BigInt::from(v.is_true() as i64)
    } else if let Some(b) = v.get::<IntObj>() {
        b.to_bigint()
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
        b.to_i64()
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
    if let Some(i) = b.to_i64() {
        return from_i64(vm, i);
    }
    let ty = vm.types.int;
    crate::gc::note_external((b.bits() / 8) as usize);
    vm.alloc_obj(
        ty,
        IntObj {
            header: Header::new(Kind::Int),
            value: b,
            wide: 0,
        },
    )
}

pub fn from_i64(vm: &mut Vm, i: i64) -> Value {
    match Value::try_small(i) {
        Some(v) => v,
        None => {
            let ty = vm.types.int;
            vm.alloc_obj(
                ty,
                IntObj {
                    header: Header::new(Kind::Int),
                    value: BigInt::zero(),
                    wide: i,
                },
            )
        }
    }
}

/// The hash of a heap int.
pub fn hash_obj(b: &IntObj) -> i64 {
    match b.to_i64() {
        Some(i) => hash_i64(i),
        None => hash_big(&b.value),
    }
}

pub fn from_u64(vm: &mut Vm, i: u64) -> Value {
    if i <= i64::MAX as u64 {
        from_i64(vm, i as i64)
    } else {
        from_bigint(vm, BigInt::from(i))
    }
}

/// An int value as a plain int (bools become 0 or 1; subclass instances their base).
pub fn exact(v: Value) -> Value {
    if v.is_bool() {
        Value::small(v.is_true() as i64)
    } else if let Some(n) = native(v) {
        n
    } else {
        v
    }
}

/// CPython's hash of an int that fits in i64.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn hash_big(b: &BigInt) -> i64 {
    let m = (b.magnitude() % BigUint::from(MODULUS))
        .to_i64()
        .unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// Python's floor division and modulo (`b != 0`, no overflow for 48-bit values).
pub fn floor_divmod_i64(a: i64, b: i64) -> (i64, i64) {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// `MemoryError()` for results too large to compute.
pub fn memory_error(vm: &mut Vm) -> crate::vm::PyErr {
    let ty = vm.exc.memory_error;
    vm.new_error_args(ty, &[])
}

fn zero_div_msg(op: u32) -> &'static str {
    if op == binop::MOD {
        "integer modulo by zero"
    } else {
        "integer division or modulo by zero"
    }
}

/// Binary operator `op` on two ints (values that are ints). `None` when `op` does not
/// apply to ints (e.g. `@`).
pub fn binary(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let op = op % binop::INPLACE;
    if a.is_bool() && b.is_bool() && matches!(op, binop::AND | binop::OR | binop::XOR) {
        let (p, q) = (a.is_true(), b.is_true());
        return Ok(Some(Value::from_bool(match op {
            binop::AND => p & q,
            binop::OR => p | q,
            _ => p ^ q,
        })));
    }
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        let r = match op {
            binop::ADD => Some(x + y),
            binop::SUB => Some(x - y),
            binop::MUL => x.checked_mul(y),
            binop::FLOORDIV | binop::MOD => {
                if y == 0 {
                    return Err(vm.zero_division(zero_div_msg(op)));
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
                if x == 0 {
                    Some(0)
                } else if y < 63 && (x << y) >> y == x {
                    Some(x << y)
                } else {
                    None
                }
            }
            binop::RSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(x >> y.min(63))
            }
            binop::TRUEDIV => return true_divide(vm, a, b).map(Some),
            binop::POW => {
                if y < 0 {
                    return super::float::pow(vm, x as f64, y as f64).map(Some);
                }
                u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
            }
            _ => return Ok(None),
        };
        if let Some(r) = r {
            return Ok(Some(from_i64(vm, r)));
        }
    }
    big_binary(vm, op, a, b)
}

/// `op` on two ints that fit in i64, computed in i128 (no big-int arithmetic).
fn wide_binary(op: u32, x: i64, y: i64) -> Option<i128> {
    let (x, y) = (x as i128, y as i128);
    Some(match op {
        binop::ADD => x + y,
        binop::SUB => x - y,
        binop::MUL => x * y,
        binop::AND => x & y,
        binop::OR => x | y,
        binop::XOR => x ^ y,
        binop::FLOORDIV | binop::MOD if y != 0 => {
            let (q, r) = (x / y, x % y);
            let (q, r) = if r != 0 && ((r < 0) != (y < 0)) {
                (q - 1, r + y)
            } else {
                (q, r)
            };
            if op == binop::FLOORDIV { q } else { r }
        }
        _ => return None,
    })
}

fn big_binary(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (na, nb) = (view(a), view(b));
    if let (Num::Small(x), Num::Small(y)) = (na, nb)
        && let Some(r) = wide_binary(op, x, y)
    {
        return Ok(Some(match i64::try_from(r) {
            Ok(i) => from_i64(vm, i),
            Err(_) => from_bigint(vm, BigInt::from(r)),
        }));
    }
    let r = match op {
        binop::ADD => big::add(na, nb),
        binop::SUB => big::sub(na, nb),
        binop::MUL => {
            if na.bits() + nb.bits() > MAX_BITS {
                return Err(memory_error(vm));
            }
            big::mul(na, nb)
        }
        binop::FLOORDIV | binop::MOD => {
            if let Num::Small(0) = nb {
                return Err(vm.zero_division(zero_div_msg(op)));
            }
            if op == binop::FLOORDIV {
                big::floor_div(na, nb)
            } else {
                big::mod_floor(na, nb)
            }
        }
        binop::AND | binop::OR | binop::XOR => big::bitop(op, na, nb),
        _ => return big_binary_rest(vm, op, a, b),
    };
    Ok(Some(from_bigint(vm, r)))
}

/// Shifts and powers.
fn big_binary_rest(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let x = to_bigint(a);
    let y = to_bigint(b);
    let r = match op {
        binop::LSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Some(Value::small(0)));
            }
            // CPython splits the count into 30-bit words held in a C ssize_t.
            if y.bits() > 67 {
                return Err(vm.overflow_error("too many digits in integer"));
            }
            match y
                .to_u64()
                .filter(|s| x.bits().saturating_add(*s) <= MAX_BITS)
            {
                Some(s) => x << s as usize,
                None => return Err(memory_error(vm)),
            }
        }
        binop::RSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64().filter(|s| *s < x.bits() + 1) {
                // BigInt's shift right rounds toward negative infinity.
                Some(s) => x >> s as usize,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        binop::TRUEDIV => return true_divide(vm, a, b).map(Some),
        binop::POW => {
            if y.is_negative() {
                let (fx, fy) = (to_f64(vm, a)?, to_f64(vm, b)?);
                return super::float::pow(vm, fx, fy).map(Some);
            }
            if x.is_zero() || x.is_one() {
                return Ok(Some(if y.is_zero() {
                    Value::small(1)
                } else {
                    exact(a)
                }));
            }
            if x == BigInt::from(-1) {
                return Ok(Some(Value::small(if y.is_even() { 1 } else { -1 })));
            }
            match y
                .to_u64()
                .filter(|e| x.bits().saturating_mul(*e) <= MAX_BITS + 64)
            {
                Some(e) => num_traits::pow::Pow::pow(x, e),
                None => return Err(memory_error(vm)),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(from_bigint(vm, r)))
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

/// An int as a float (correctly rounded), with CPython's OverflowError.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = small_of(v) {
        return Ok(x as f64);
    }
    match bigint_to_f64(&to_bigint(v)) {
        Some(f) => Ok(f),
        None => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// A big int as a correctly rounded float, `None` if it is too large.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(i) = b.to_i64() {
        return Some(i as f64);
    }
    let f = ratio_to_f64(b.magnitude(), &BigUint::one())?;
    Some(if b.is_negative() { -f } else { f })
}

/// `a / b` for ints, correctly rounded.
pub fn true_divide(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        if y == 0 {
            return Err(vm.zero_division("division by zero"));
        }
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(Value::from_f64(x as f64 / y as f64));
        }
    }
    let x = to_bigint(a);
    let y = to_bigint(b);
    if y.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    match ratio_to_f64(x.magnitude(), y.magnitude()) {
        Some(f) => Ok(Value::from_f64(if x.is_negative() != y.is_negative() {
            -f
        } else {
            f
        })),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// `m * 2**e` for an integer-valued `m` below 2**54, exact when representable.
pub fn ldexp(m: f64, e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    let mut x = m;
    let mut e = e.clamp(-2200, 2200);
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        // Stay in the normal range until the last step so that only one rounding
        // (the final, exact one) happens.
        x *= pow2(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * pow2(e)
}

/// The positive ratio `a / b` (`b > 0`) correctly rounded to a float (round half to
/// even, subnormals included); `None` if it overflows.
pub fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    if a.is_zero() {
        return Some(0.0);
    }
    let d = a.bits() as i64 - b.bits() as i64;
    // 2**(l-1) <= a/b < 2**l with l = d or d + 1.
    let ge = if d >= 0 {
        *a >= (b << d as usize)
    } else {
        (a << (-d) as usize) >= *b
    };
    let l = if ge { d + 1 } else { d };
    if l > 1024 {
        return None;
    }
    // The unit of the last place of the result.
    let k = (l - 53).max(-1074);
    let (q, r, den) = if k >= 0 {
        let den = b << k as usize;
        let (q, r) = a.div_rem(&den);
        (q, r, den)
    } else {
        let (q, r) = (a << (-k) as usize).div_rem(b);
        (q, r, b.clone())
    };
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    let twice: BigUint = r << 1usize;
    if twice > den || (twice == den && q & 1 == 1) {
        q += 1;
    }
    let f = ldexp(q as f64, k);
    if f.is_infinite() { None } else { Some(f) }
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

/// `abs(a)` for an int.
pub fn abs(vm: &mut Vm, a: Value) -> Value {
    if let Some(x) = small_of(a) {
        return from_i64(vm, x.abs());
    }
    let b = to_bigint(a);
    if b.is_negative() {
        from_bigint(vm, -b)
    } else {
        exact(a)
    }
}

/// Compares two ints.
pub fn cmp(a: Value, b: Value) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        return x.cmp(&y);
    }
    big::cmp(view(a), view(b))
}

/// Sign of an int value: -1, 0 or 1.
pub fn signum(v: Value) -> i32 {
    if let Some(x) = small_of(v) {
        return x.signum() as i32;
    }
    let Num::Big(b) = view(v) else {
        return to_i64(v).map_or(0, |x| x.signum() as i32);
    };
    match b.sign() {
        Sign::Minus => -1,
        Sign::NoSign => 0,
        Sign::Plus => 1,
    }
}
