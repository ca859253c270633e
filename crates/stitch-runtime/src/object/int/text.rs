//! int <-> text: `int(str, base)` parsing with Python's rules (whitespace, sign,
//! prefixes, underscores, Unicode decimal digits, base 0) and decimal output, both
//! honouring `sys.set_int_max_str_digits`.

use num_bigint::{BigInt, BigUint};
use num_traits::{Num, Zero};
use stitch_core::value::Value;

use crate::vm::{PyResult, Vm};

/// CPython's threshold below which the digit limit never applies.
const LIMIT_THRESHOLD: usize = 640;

/// Why `parse` rejected a text.
pub enum ParseError {
    /// Not a valid literal for the base.
    Invalid,
    /// More decimal digits than `sys.get_int_max_str_digits()` (the count).
    TooLong(usize),
}

/// The decimal value of a Unicode decimal digit (category Nd), else `None`.
pub fn unicode_digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    if c.is_ascii() || !crate::text::unicode::is_decimal(c) {
        return None;
    }
    // Decimal digits come in contiguous runs of ten starting at a zero (runs may
    // follow each other, as for the mathematical digits).
    let mut start = c as u32;
    while start > 0 {
        match char::from_u32(start - 1) {
            Some(p) if crate::text::unicode::is_decimal(p) => start -= 1,
            _ => break,
        }
    }
    Some((c as u32 - start) % 10)
}

/// CPython's view of a number's text: ASCII kept, other whitespace as a space, other
/// decimal digits as ASCII digits, anything else as `?`.
pub fn to_ascii(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if crate::text::unicode::is_space(c) {
                b' '
            } else if let Some(d) = unicode_digit_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

/// C's `isspace` on ASCII.
pub fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Parses `text` as an int in `base` (0 or 2..=36) with Python's rules, counting
/// digits against `limit` (0: no limit; powers of two are never limited).
pub fn parse_with_limit(text: &[u8], base: u32, limit: usize) -> Result<BigInt, ParseError> {
    let mut s = text;
    while let Some((&c, rest)) = s.split_first()
        && is_c_space(c)
    {
        s = rest;
    }
    let mut negative = false;
    if let Some((&c, rest)) = s.split_first()
        && (c == b'+' || c == b'-')
    {
        negative = c == b'-';
        s = rest;
    }
    let lower_at = |s: &[u8], i: usize| s.get(i).map(|c| c.to_ascii_lowercase());
    let mut base = base;
    let mut prefixed = false;
    if s.first() == Some(&b'0') {
        let p = lower_at(s, 1);
        let pbase = match p {
            Some(b'x') => 16,
            Some(b'o') => 8,
            Some(b'b') => 2,
            _ => 0,
        };
        if pbase != 0 && (base == 0 || base == pbase) {
            base = pbase;
            s = &s[2..];
            prefixed = true;
        }
    }
    let zeros_only = base == 0;
    if base == 0 {
        base = 10;
    }
    // Digits with single underscores between them (one may follow a prefix).
    let mut digits = Vec::with_capacity(s.len());
    let mut i = 0;
    if prefixed && s.first() == Some(&b'_') {
        i = 1;
    }
    let digit = |c: u8| (c as char).to_digit(base);
    loop {
        match s.get(i) {
            Some(&c) if digit(c).is_some() => {
                digits.push(c);
                i += 1;
            }
            Some(b'_') if !digits.is_empty() && s.get(i + 1).and_then(|&c| digit(c)).is_some() => {
                i += 1
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return Err(ParseError::Invalid);
    }
    if limit > 0
        && !base.is_power_of_two()
        && digits.len() > LIMIT_THRESHOLD
        && digits.len() > limit
    {
        return Err(ParseError::TooLong(digits.len()));
    }
    if s[i..].iter().any(|&c| !is_c_space(c)) {
        return Err(ParseError::Invalid);
    }
    if zeros_only && digits.iter().any(|&c| c != b'0') && digits[0] == b'0' {
        // Base 0: a leading zero is only allowed for zero itself.
        return Err(ParseError::Invalid);
    }
    let text = std::str::from_utf8(&digits).map_err(|_| ParseError::Invalid)?;
    let mag = BigUint::from_str_radix(text, base).map_err(|_| ParseError::Invalid)?;
    let v = BigInt::from(mag);
    Ok(if negative { -v } else { v })
}

/// `repr(obj)` cut to 200 characters, as CPython's `%.200R`.
pub fn parse_error_repr(vm: &mut Vm, obj: Value) -> PyResult<String> {
    let r = vm.repr_string(obj)?;
    Ok(match r.char_indices().nth(200) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    })
}

fn limit_message(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// Raises CPython's ValueError if converting `b` to decimal text exceeds
/// `sys.get_int_max_str_digits()` (the sign is not counted).
pub fn check_str_digits(vm: &mut Vm, b: &BigInt) -> PyResult<()> {
    let limit = vm.int_max_str_digits;
    let bits = b.bits();
    // Fewer than 2**11 bits always means at most 617 digits: under the threshold.
    if limit == 0 || bits < 2048 {
        return Ok(());
    }
    // A lower bound on the digit count avoids converting huge values.
    let lower = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as usize + 1;
    if lower > limit + 1 {
        return Err(vm.value_error(limit_message(limit)));
    }
    let digits = b.magnitude().to_str_radix(10).len();
    if digits > LIMIT_THRESHOLD && digits > limit {
        return Err(vm.value_error(limit_message(limit)));
    }
    Ok(())
}

/// Decimal text of an int, honouring `sys.set_int_max_str_digits`.
pub fn to_decimal(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(x) = super::small_of(v) {
        return Ok(x.to_string());
    }
    let b = super::to_bigint(v);
    if b.is_zero() {
        return Ok("0".into());
    }
    if vm.int_max_str_digits > 0 && b.bits() >= 2048 {
        let lower = ((b.bits() - 1) as f64 * std::f64::consts::LOG10_2).floor() as usize + 1;
        let limit = vm.int_max_str_digits;
        if lower > limit + 1 {
            return Err(vm.value_error(limit_message(limit)));
        }
        let s = b.to_str_radix(10);
        let digits = s.trim_start_matches('-').len();
        if digits > LIMIT_THRESHOLD && digits > limit {
            return Err(vm.value_error(limit_message(limit)));
        }
        return Ok(s);
    }
    Ok(b.to_str_radix(10))
}
