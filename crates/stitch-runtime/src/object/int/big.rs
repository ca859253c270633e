//! Big-int arithmetic on borrowed operands: the heap int's `BigInt` is read in
//! place (never cloned to compute with it), small operands stay machine words, and
//! the common shapes get direct routines — remainder by a word without a quotient,
//! and floor division whose quotient is small (one estimate from the top bits and at
//! most a few corrections instead of long division).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};
use stitch_core::value::Value;

use super::super::{IntObj, ValueExt};

/// An int operand: a machine word or a borrowed big int.
#[derive(Clone, Copy)]
pub enum Num<'a> {
    Small(i64),
    Big(&'a BigInt),
}

/// The int operand of an int value (ints, bools, int-subclass instances).
pub fn view(v: Value) -> Num<'static> {
    if v.is_small_int() {
        Num::Small(v.small_value())
    } else if v.is_bool() {
        Num::Small(v.is_true() as i64)
    } else if let Some(b) = v.get::<IntObj>() {
        match b.to_i64() {
            Some(i) => Num::Small(i),
            None => Num::Big(&b.value),
        }
    } else if let Some(n) = super::native(v) {
        view(n)
    } else {
        Num::Small(0)
    }
}

impl Num<'_> {
    pub fn bits(self) -> u64 {
        match self {
            Num::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
            Num::Big(b) => b.bits(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            Num::Small(i) => i < 0,
            Num::Big(b) => b.is_negative(),
        }
    }

    pub fn to_big(self) -> BigInt {
        match self {
            Num::Small(i) => BigInt::from(i),
            Num::Big(b) => b.clone(),
        }
    }
}

/// Compares two int operands.
pub fn cmp(a: Num, b: Num) -> Ordering {
    match (a, b) {
        (Num::Small(x), Num::Small(y)) => x.cmp(&y),
        // A big operand never fits in i64.
        (Num::Big(x), Num::Small(_)) => {
            if x.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Num::Small(_), Num::Big(y)) => {
            if y.is_negative() {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Num::Big(x), Num::Big(y)) => x.cmp(y),
    }
}

pub fn add(a: Num, b: Num) -> BigInt {
    match (a, b) {
        (Num::Big(x), Num::Big(y)) => x + y,
        (Num::Big(x), Num::Small(y)) | (Num::Small(y), Num::Big(x)) => x + y,
        (Num::Small(x), Num::Small(y)) => BigInt::from(x as i128 + y as i128),
    }
}

pub fn sub(a: Num, b: Num) -> BigInt {
    match (a, b) {
        (Num::Big(x), Num::Big(y)) => x - y,
        (Num::Big(x), Num::Small(y)) => x - y,
        (Num::Small(x), Num::Big(y)) => -(y - x),
        (Num::Small(x), Num::Small(y)) => BigInt::from(x as i128 - y as i128),
    }
}

pub fn mul(a: Num, b: Num) -> BigInt {
    match (a, b) {
        (Num::Big(x), Num::Big(y)) => x * y,
        (Num::Big(x), Num::Small(y)) | (Num::Small(y), Num::Big(x)) => x * y,
        (Num::Small(x), Num::Small(y)) => BigInt::from(x as i128 * y as i128),
    }
}

/// `m mod d` for a word `d > 0`, without computing the quotient.
fn rem_word(m: &BigUint, d: u64) -> u64 {
    let mut r: u128 = 0;
    for digit in m.iter_u64_digits().rev() {
        r = ((r << 64) | digit as u128) % d as u128;
    }
    r as u64
}

/// Bits `s..s + 128` of `m`, for an `m` below `2**(s + 128)`.
fn window(m: &BigUint, s: u64) -> u128 {
    let k = (s / 64) as usize;
    let sh = (s % 64) as u32;
    let mut it = m.iter_u64_digits();
    let d0 = it.nth(k).unwrap_or(0) as u128;
    let d1 = it.next().unwrap_or(0) as u128;
    let d2 = it.next().unwrap_or(0) as u128;
    let mut w = (d0 >> sh) | (d1 << (64 - sh));
    if sh > 0 {
        w |= d2 << (128 - sh);
    }
    w
}

/// Truncated `(|x| / |y|, |x| mod |y|)` for `|x| >= |y| > 2**64` and a quotient below
/// `2**62`: estimated from the top bits, then corrected.
fn divrem_small_quotient(x: &BigUint, y: &BigUint) -> (u64, BigUint) {
    let s = y.bits() - 64;
    let xt = window(x, s);
    let yt = window(y, s) as u64;
    // yt * 2**s <= y < (yt + 1) * 2**s, so the estimate is at most 2 above the
    // quotient and at most 1 below it.
    let mut q = (xt / yt as u128) as u64;
    let mut p = y * q;
    while p > *x {
        q -= 1;
        p -= y;
    }
    let mut r = x - p;
    while r >= *y {
        q += 1;
        r -= y;
    }
    (q, r)
}

/// Python's floor division and modulo of `x` by a non-zero `y`.
pub fn div_mod_floor(x: Num, y: Num) -> (BigInt, BigInt) {
    match (x, y) {
        (Num::Small(a), Num::Small(b)) => {
            let (a, b) = (a as i128, b as i128);
            let (q, r) = (a / b, a % b);
            if r != 0 && ((r < 0) != (b < 0)) {
                (BigInt::from(q - 1), BigInt::from(r + b))
            } else {
                (BigInt::from(q), BigInt::from(r))
            }
        }
        (Num::Small(a), Num::Big(b)) => {
            // |a| < |b|: the quotient is 0 or -1.
            if a == 0 || (a < 0) == b.is_negative() {
                (BigInt::zero(), BigInt::from(a))
            } else {
                (BigInt::from(-1), b + a)
            }
        }
        (Num::Big(a), Num::Small(b)) => a.div_mod_floor(&BigInt::from(b)),
        (Num::Big(a), Num::Big(b)) => {
            let (xb, yb) = (a.bits(), b.bits());
            if xb < yb {
                return if a.is_negative() == b.is_negative() {
                    (BigInt::zero(), a.clone())
                } else {
                    (BigInt::from(-1), a + b)
                };
            }
            if yb <= 64 || xb - yb >= 61 {
                return a.div_mod_floor(b);
            }
            let (q, r) = divrem_small_quotient(a.magnitude(), b.magnitude());
            let q = q as i64;
            let same = a.is_negative() == b.is_negative();
            if r.is_zero() {
                return (BigInt::from(if same { q } else { -q }), BigInt::zero());
            }
            let ysign = if b.is_negative() {
                Sign::Minus
            } else {
                Sign::Plus
            };
            if same {
                (BigInt::from(q), BigInt::from_biguint(ysign, r))
            } else {
                (
                    BigInt::from(-q - 1),
                    BigInt::from_biguint(ysign, b.magnitude() - r),
                )
            }
        }
    }
}

/// Python's `x % y` for a non-zero `y`, without the quotient when `y` is a word.
pub fn mod_floor(x: Num, y: Num) -> BigInt {
    if let (Num::Big(a), Num::Small(b)) = (x, y) {
        let r = rem_word(a.magnitude(), b.unsigned_abs()) as i128;
        // The truncated remainder has x's sign; floor moves it to y's.
        let r = if a.is_negative() { -r } else { r };
        let b = b as i128;
        return BigInt::from(if r != 0 && ((r < 0) != (b < 0)) {
            r + b
        } else {
            r
        });
    }
    div_mod_floor(x, y).1
}

/// Python's `x // y` for a non-zero `y`.
pub fn floor_div(x: Num, y: Num) -> BigInt {
    div_mod_floor(x, y).0
}

pub fn bitop(op: u32, a: Num, b: Num) -> BigInt {
    use stitch_core::instr::binop;
    let (x, y) = (a.to_big(), b);
    let y = match y {
        Num::Big(y) => std::borrow::Cow::Borrowed(y),
        Num::Small(i) => std::borrow::Cow::Owned(BigInt::from(i)),
    };
    match op {
        binop::AND => x & y.as_ref(),
        binop::OR => x | y.as_ref(),
        _ => x ^ y.as_ref(),
    }
}
