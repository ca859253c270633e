//! float <-> text: `float()` parsing with Python's rules (whitespace, signs,
//! underscores between digits, inf/infinity/nan, Unicode digits) and
//! `float.fromhex` with correct rounding and CPython's error order.

use num_bigint::{BigInt, BigUint};
use num_traits::{One, ToPrimitive, Zero};

use crate::object::int;

/// Removes underscores that sit between two digits; `None` if another underscore
/// is present (Python's rule for numeric strings).
pub fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            let prev = i
                .checked_sub(1)
                .and_then(|j| s.get(j))
                .is_some_and(|p| p.is_ascii_digit());
            let next = s.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(prev && next) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The length of the float literal at the start of `s` (sign, digits with an
/// optional point, optional exponent; or inf/infinity/nan), 0 if none.
pub fn scan_float(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    for word in ["infinity", "inf", "nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            return i + word.len();
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if s.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return 0;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    i
}

/// Parses an ASCII float literal that `scan_float` accepted.
pub fn parse_literal(s: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(s).ok()?;
    text.parse::<f64>().ok()
}

/// `float(text)` parsing with Python's rules; `None` if invalid.
pub fn parse(text: &str) -> Option<f64> {
    parse_ascii(&int::to_ascii(text))
}

/// `float()` of ASCII text (Unicode digits and spaces already mapped).
pub fn parse_ascii(text: &[u8]) -> Option<f64> {
    let s = strip_underscores(text)?;
    let start = s.iter().position(|&c| !int::is_c_space(c))?;
    let end = s.iter().rposition(|&c| !int::is_c_space(c))? + 1;
    let body = &s[start..end];
    if scan_float(body) != body.len() {
        return None;
    }
    parse_literal(body)
}

/// Why `float.fromhex` failed.
pub enum HexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(text)`.
pub fn from_hex(text: &str) -> Result<f64, HexError> {
    let s = text
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .as_bytes();
    let (negative, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |f: f64| if negative { -f } else { f };
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if s.eq_ignore_ascii_case(word.as_bytes()) {
            return Ok(sign(value));
        }
    }
    let s = if s.len() >= 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') {
        &s[2..]
    } else {
        s
    };
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut frac_digits = 0i64;
    let mut i = 0;
    let mut seen_point = false;
    while let Some(&c) = s.get(i) {
        if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4usize) + d;
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(HexError::Invalid);
    }
    let mut exp = BigInt::zero();
    if matches!(s.get(i), Some(b'p' | b'P')) {
        i += 1;
        let start = i;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let digits_start = i;
        while s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == digits_start {
            return Err(HexError::Invalid);
        }
        let t = std::str::from_utf8(&s[start..i]).unwrap_or("0");
        exp = t.parse::<BigInt>().unwrap_or_default();
    }
    // As in CPython, overflow is reported before trailing junk.
    let value = hex_value(mant, exp - BigInt::from(4 * frac_digits))?;
    if i != s.len() {
        return Err(HexError::Invalid);
    }
    Ok(sign(value))
}

/// `mant * 2**e` correctly rounded (non-negative).
fn hex_value(mant: BigUint, e: BigInt) -> Result<f64, HexError> {
    if mant.is_zero() {
        return Ok(0.0);
    }
    let top = BigInt::from(mant.bits()) + &e;
    if top > BigInt::from(1025) {
        return Err(HexError::Overflow);
    }
    if top < BigInt::from(-1080) {
        return Ok(0.0);
    }
    let e = e.to_i64().unwrap_or(0);
    let f = if e >= 0 {
        int::ratio_to_f64(&(mant << e as usize), &BigUint::one())
    } else {
        int::ratio_to_f64(&mant, &(BigUint::one() << (-e) as usize))
    };
    f.ok_or(HexError::Overflow)
}
