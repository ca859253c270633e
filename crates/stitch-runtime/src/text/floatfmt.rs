//! Float to text with a presentation type and precision, as CPython's
//! `PyOS_double_to_string` does (the core of `%`-formatting and format specs for
//! floats). Digits come from Rust's exactly rounded (ties-to-even) formatter.

/// Options of [`double_to_string`].
#[derive(Clone, Copy, Default)]
pub struct Flags {
    /// `#`: keep trailing zeros and the decimal point.
    pub alt: bool,
    /// Add `.0` to results that look like integers (format specs without a type).
    pub add_dot_0: bool,
    /// `z`: drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Formats `x` with `code` in `e E f F g G r` (`r`: the shortest repr).
pub fn double_to_string(x: f64, code: char, precision: usize, fl: Flags) -> String {
    let upper = code.is_ascii_uppercase();
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let mut body = match code.to_ascii_lowercase() {
        'f' => fixed(a, precision, fl.alt),
        'e' => exponent(a, precision, fl.alt, upper),
        'g' => general(a, precision, fl.alt, upper, fl.add_dot_0),
        _ => {
            let mut r = crate::object::float::repr(a);
            if !fl.add_dot_0
                && let Some(t) = r.strip_suffix(".0")
            {
                r = t.to_string();
            }
            let e = r.find('e').unwrap_or(r.len());
            if fl.alt && !r[..e].contains('.') {
                r.insert(e, '.');
            }
            r
        }
    };
    if fl.add_dot_0 && !body.contains(['.', 'e', 'E']) {
        body.push_str(".0");
    }
    if neg && !(fl.no_neg_0 && is_zero_text(&body)) {
        body.insert(0, '-');
    }
    body
}

/// True when the digits of a formatted number (before any exponent) are all zero.
fn is_zero_text(s: &str) -> bool {
    let mant = s.split(['e', 'E']).next().unwrap_or(s);
    mant.bytes().all(|b| b == b'0' || b == b'.')
}

fn fixed(a: f64, p: usize, alt: bool) -> String {
    let mut s = format!("{a:.p$}");
    if alt && p == 0 {
        s.push('.');
    }
    s
}

/// (mantissa, exponent) of `a` rounded to `p` digits after the point.
fn sci_parts(a: f64, p: usize) -> (String, i32) {
    let s = format!("{a:.p$e}");
    match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse().unwrap_or(0)),
        None => (s, 0),
    }
}

fn exp_suffix(e: i32, upper: bool) -> String {
    format!(
        "{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

fn exponent(a: f64, p: usize, alt: bool, upper: bool) -> String {
    let (mut m, e) = sci_parts(a, p);
    if alt && p == 0 {
        m.push('.');
    }
    m + &exp_suffix(e, upper)
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// `%g`; with `add_dot_0` (format specs without a type) the exponent form starts one
/// digit earlier, as CPython's format_float_short does.
fn general(a: f64, p: usize, alt: bool, upper: bool, add_dot_0: bool) -> String {
    let p = p.max(1);
    let (m, e) = sci_parts(a, p - 1);
    let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
    if e < -4 || e >= limit {
        let m = if alt {
            if m.contains('.') { m } else { m + "." }
        } else {
            strip_zeros(&m).to_string()
        };
        return m + &exp_suffix(e, upper);
    }
    let decimals = (p as i32 - 1 - e).max(0) as usize;
    let f = format!("{a:.decimals$}");
    if alt {
        if f.contains('.') { f } else { f + "." }
    } else {
        strip_zeros(&f).to_string()
    }
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let mut hex = format!("{mant:013x}");
    while hex.len() > 1 && hex.ends_with('0') {
        hex.pop();
    }
    format!(
        "{sign}0x{lead}.{hex}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}
