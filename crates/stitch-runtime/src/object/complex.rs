//! `complex` numbers: the boxed value, CPython's arithmetic (Smith's division,
//! integer powers by squaring, the polar form otherwise), repr, hash and parsing.

use stitch_core::layout::InstanceObj;
use stitch_core::value::Value;

use super::ValueExt;
use super::native::{self, NativeData};
use crate::native_any;
use crate::vm::{PyResult, Vm};

pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl NativeData for Complex {
    native_any!();
}

/// A (real, imaginary) pair.
pub type C = (f64, f64);

pub fn new(vm: &mut Vm, re: f64, im: f64) -> Value {
    let ty = vm.types.complex;
    native::new(vm, ty, Box::new(Complex { re, im }))
}

/// A complex of type `ty` (a subclass of complex gets an instance around it).
pub fn new_of_type(vm: &mut Vm, ty: Value, re: f64, im: f64) -> Value {
    let c = new(vm, re, im);
    if ty == vm.types.complex {
        return c;
    }
    let inst = super::instance::new(vm, ty);
    // SAFETY: `instance::new` returns an instance object.
    unsafe { inst.raw::<InstanceObj>() }.base = c;
    inst
}

/// The parts of a complex (or complex-subclass instance).
pub fn parts(v: Value) -> Option<C> {
    if let Some(c) = native::downcast::<Complex>(v) {
        return Some((c.re, c.im));
    }
    let base = v.get::<InstanceObj>()?.base;
    if base.is_null() {
        return None;
    }
    native::downcast::<Complex>(base).map(|c| (c.re, c.im))
}

/// Float text for complex repr: like float repr without an added `.0`.
fn part_repr(x: f64) -> String {
    let r = super::float::repr(x);
    match r.strip_suffix(".0") {
        Some(s) => s.to_string(),
        None => r,
    }
}

/// `repr(z)` as CPython writes it.
pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part_repr(im));
    }
    let sign = if im.is_nan() || !im.is_sign_negative() {
        "+"
    } else {
        "-"
    };
    let im_text = if im.is_nan() {
        "nan".to_string()
    } else {
        part_repr(im.abs())
    };
    format!("({}{}{}j)", part_repr(re), sign, im_text)
}

/// CPython's complex hash: hash(re) + 1000003 * hash(im), wrapping.
pub fn hash(re: f64, im: f64) -> i64 {
    let hr = super::float::hash(re) as u64;
    let hi = super::float::hash(im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 { -2 } else { h }
}

pub fn mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's algorithm; `None` when dividing by zero.
pub fn div(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn pow_unsigned(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask <= n {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// Why a complex power failed.
pub enum PowError {
    ZeroToNegative,
    Overflow,
}

/// `a ** b` with CPython's algorithm choice and error conditions.
pub fn pow(a: C, b: C) -> Result<C, PowError> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            pow_unsigned(a, n as u64)
        } else {
            div((1.0, 0.0), pow_unsigned(a, n.unsigned_abs())).ok_or(PowError::ZeroToNegative)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        if phase.is_infinite() {
            // C's cos and sin of an infinity set errno to EDOM, which CPython
            // reports as this ZeroDivisionError.
            return Err(PowError::ZeroToNegative);
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

/// `a ** b` as a value, raising CPython's errors.
pub fn pow_values(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match pow(a, b) {
        Ok((re, im)) => Ok(new(vm, re, im)),
        Err(PowError::ZeroToNegative) => {
            Err(vm.zero_division("0.0 to a negative or complex power"))
        }
        Err(PowError::Overflow) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// `x ** y` for a negative real base and a fractional exponent.
pub fn pow_real(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    pow_values(vm, (x, 0.0), (y, 0.0))
}

/// `abs(z)`: infinite if either part is, NaN if either part is NaN; `None` on
/// overflow.
pub fn abs(re: f64, im: f64) -> Option<f64> {
    if re.is_infinite() || im.is_infinite() {
        return Some(f64::INFINITY);
    }
    if re.is_nan() || im.is_nan() {
        return Some(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_finite() { Some(r) } else { None }
}

/// `complex(text)` parsing (ASCII text, Unicode digits and spaces already mapped,
/// underscores already checked and removed); `None` if malformed.
pub fn parse(s: &[u8]) -> Option<C> {
    use super::float::{parse_literal, scan_float};
    let space = |c: u8| super::int::is_c_space(c);
    let mut i = 0;
    let skip = |i: &mut usize| {
        while s.get(*i).is_some_and(|&c| space(c)) {
            *i += 1;
        }
    };
    skip(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    let n = scan_float(&s[i..]);
    if n > 0 {
        let z = parse_literal(&s[i..i + n])?;
        i += n;
        match s.get(i) {
            Some(&c) if c == b'+' || c == b'-' => {
                re = z;
                let m = scan_float(&s[i..]);
                if m > 0 {
                    im = parse_literal(&s[i..i + m])?;
                    i += m;
                } else {
                    im = if c == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(s.get(i)) {
                    return None;
                }
                i += 1;
            }
            c if is_j(c) => {
                im = z;
                i += 1;
            }
            _ => re = z,
        }
    } else {
        match s.get(i) {
            Some(&c) if c == b'+' || c == b'-' => {
                im = if c == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            _ => im = 1.0,
        }
        if !is_j(s.get(i)) {
            return None;
        }
        i += 1;
    }
    skip(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip(&mut i);
    }
    if i != s.len() {
        return None;
    }
    Some((re, im))
}
