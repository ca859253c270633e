//! The format-spec mini-language (`format(x, spec)`, f-strings, `str.format`) for
//! str, int, float and complex, following CPython's `formatter_unicode.c`: spec
//! parsing and its errors, and the number layout (sign, prefix, zero padding,
//! grouping, alignment).

use num_traits::{Signed, ToPrimitive};
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::floatfmt::{Flags, double_to_string};
use crate::object::{int, str as pystr};
use crate::vm::{PyResult, Vm};

pub use super::fields::{Source, str_format};
pub use super::floatfmt::float_hex;

/// A parsed format spec.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// ',' or '_' (with `every` digits per group).
    pub grouping: Option<char>,
    pub every: usize,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a digit run as CPython's get_integer does.
fn integer(vm: &mut Vm, chars: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut v: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        v = match v
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
        {
            Some(x) => x,
            None => return Err(vm.value_error("Too many decimal digits in format string")),
        };
        *i += 1;
    }
    Ok(if *i > start { Some(v) } else { None })
}

/// The `'\x..'` or `'c'` rendering of a type character in messages.
fn code_repr(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

/// Parses `spec` for an object of type `tname` whose default alignment is
/// `default_align` ('<' for str, '>' for numbers).
pub fn parse_spec(vm: &mut Vm, spec: &str, tname: &str, default_align: char) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut sp = Spec {
        fill: ' ',
        align: None,
        sign: None,
        z: false,
        alt: false,
        width: None,
        grouping: None,
        every: 3,
        precision: None,
        ty: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        sp.fill = chars[0];
        sp.align = Some(chars[1]);
        fill_given = true;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        sp.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        sp.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        sp.z = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        sp.alt = true;
        i += 1;
    }
    if !fill_given && chars.get(i) == Some(&'0') {
        sp.fill = '0';
        if sp.align.is_none() && default_align == '>' {
            sp.align = Some('=');
        }
        i += 1;
    }
    sp.width = integer(vm, &chars, &mut i)?;
    if chars.get(i) == Some(&',') {
        sp.grouping = Some(',');
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if sp.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        sp.grouping = Some('_');
        i += 1;
    }
    if chars.get(i) == Some(&',') && sp.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        sp.precision = integer(vm, &chars, &mut i)?;
        if sp.precision.is_none() {
            return Err(vm.value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - i > 1 {
        return Err(vm.value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{tname}'"
        )));
    }
    sp.ty = chars.get(i).copied();
    if let Some(g) = sp.grouping {
        let t = sp
            .ty
            .unwrap_or(if default_align == '<' { 's' } else { '\0' });
        match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if g == '_' => sp.every = 4,
            t => {
                return Err(
                    vm.value_error(format!("Cannot specify '{g}' with '{}'.", code_repr(t)))
                );
            }
        }
    }
    Ok(sp)
}

fn unknown_code(vm: &mut Vm, t: char, tname: &str) -> crate::vm::PyErr {
    vm.value_error(format!(
        "Unknown format code '{}' for object of type '{tname}'",
        code_repr(t)
    ))
}

/// Pads already-formatted text to the spec's width (str layout).
fn pad_text(sp: &Spec, body: &str, default_align: char) -> String {
    let n = body.chars().count();
    let w = sp.width.unwrap_or(0);
    if n >= w {
        return body.to_string();
    }
    let total = w - n;
    let left = match sp.align.unwrap_or(default_align) {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + total * sp.fill.len_utf8());
    out.extend(std::iter::repeat_n(sp.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(sp.fill, total - left));
    out
}

/// Groups `digits` (ASCII) from the right with `sep` every `every` digits, zero
/// filling to `min_width` characters as CPython's InsertThousandsGrouping does.
pub fn group_digits(digits: &str, sep: Option<char>, every: usize, min_width: i64) -> String {
    let d = digits.as_bytes();
    let Some(sep) = sep else {
        let zeros = (min_width - d.len() as i64).max(0) as usize;
        return "0".repeat(zeros) + digits;
    };
    let mut groups: Vec<String> = Vec::new();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    let every = every as i64;
    loop {
        let l = every.min(remaining.max(min_width).max(1));
        let zeros = (l - remaining).max(0);
        let n = remaining.min(l).max(0);
        let end = remaining as usize;
        let start = (remaining - n) as usize;
        let mut g = "0".repeat(zeros as usize);
        g.push_str(&digits[start..end]);
        groups.push(g);
        remaining -= n;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Lays out a number: `digits` is the integer part, `rest` the decimal point and
/// remainder (fraction, exponent, '%'), `prefix` e.g. "0x".
fn layout_number(sp: &Spec, neg: bool, prefix: &str, digits: &str, rest: &str) -> String {
    let sign = match (neg, sp.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let align = sp.align.unwrap_or('>');
    let width = sp.width.map(|w| w as i64).unwrap_or(-1);
    let fixed = (sign.len() + prefix.len() + rest.chars().count()) as i64;
    let min_width = if sp.fill == '0' && align == '=' {
        width - fixed
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, sp.grouping, sp.every, min_width)
    };
    let pad = (width - fixed - grouped.chars().count() as i64).max(0) as usize;
    let (l, s, r) = match align {
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(sp.fill, l));
    out.push_str(sign);
    out.push_str(prefix);
    out.extend(std::iter::repeat_n(sp.fill, s));
    out.push_str(&grouped);
    out.push_str(rest);
    out.extend(std::iter::repeat_n(sp.fill, r));
    out
}

/// Formats builtin values natively; `None` for types without a native formatter.
pub fn format_builtin(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Option<String>> {
    if v.is_kind(Kind::Str) {
        return format_str(vm, pystr::as_str(v), spec).map(Some);
    }
    if v.is_float() {
        if spec.is_empty() {
            return Ok(Some(crate::object::float::repr(v.as_f64())));
        }
        return format_float(vm, v.as_f64(), spec, "float").map(Some);
    }
    if v.is_small_int() || v.is_kind(Kind::Int) {
        if spec.is_empty() {
            return int::to_decimal(vm, v).map(Some);
        }
        return format_int(vm, v, spec, "int").map(Some);
    }
    if v.is_bool() {
        if spec.is_empty() {
            return Ok(Some(if v.is_true() {
                "True".into()
            } else {
                "False".into()
            }));
        }
        return format_int(vm, Value::small(v.is_true() as i64), spec, "bool").map(Some);
    }
    if vm.type_of(v) == vm.types.complex
        && let Some((re, im)) = crate::object::complex::parts(v)
    {
        return format_complex(vm, re, im, spec).map(Some);
    }
    Ok(None)
}

/// `format(s, spec)` for str.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(vm, spec, "str", '<')?;
    if let Some(t) = sp.ty
        && t != 's'
    {
        return Err(unknown_code(vm, t, "str"));
    }
    if sp.sign == Some(' ') {
        return Err(vm.value_error("Space not allowed in string format specifier"));
    }
    if sp.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if sp.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if sp.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: &str = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((b, _)) => &s[..b],
            None => s,
        },
        None => s,
    };
    Ok(pad_text(&sp, body, '<'))
}

/// `format(n, spec)` for int (`tname` is the type named in errors).
pub fn format_int(vm: &mut Vm, v: Value, spec: &str, tname: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec, tname, '>')?;
    match sp.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = int::to_f64(vm, v)?;
            return float_with_spec(vm, f, &sp);
        }
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some(t) => return Err(unknown_code(vm, t, tname)),
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if sp.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    let b = int::to_bigint(v);
    if sp.ty == Some('c') {
        if sp.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alt {
            return Err(
                vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'")
            );
        }
        let code = b.to_i64();
        let Some(c) = code
            .filter(|c| (0..=0x10ffff).contains(c))
            .and_then(|c| char::from_u32(c as u32))
        else {
            if code.is_none() {
                return Err(vm.overflow_error("Python int too large to convert to C long"));
            }
            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
        };
        return Ok(layout_number(&sp, false, "", "", &c.to_string()));
    }
    let (neg, digits, prefix) = if let Some(x) = b.to_i64() {
        let m = x.unsigned_abs();
        let (d, p) = match sp.ty {
            Some('x') => (format!("{m:x}"), "0x"),
            Some('X') => (format!("{m:X}"), "0X"),
            Some('o') => (format!("{m:o}"), "0o"),
            Some('b') => (format!("{m:b}"), "0b"),
            _ => (m.to_string(), ""),
        };
        (x < 0, d, p)
    } else {
        if matches!(sp.ty, None | Some('d' | 'n')) {
            int::check_str_digits(vm, &b)?;
        }
        let mag = b.abs();
        let (d, p) = match sp.ty {
            Some('x') => (mag.to_str_radix(16), "0x"),
            Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
            Some('o') => (mag.to_str_radix(8), "0o"),
            Some('b') => (mag.to_str_radix(2), "0b"),
            _ => (mag.to_str_radix(10), ""),
        };
        (b.is_negative(), d, p)
    };
    let prefix = if sp.alt { prefix } else { "" };
    Ok(layout_number(&sp, neg, prefix, &digits, ""))
}

/// `format(x, spec)` for float.
pub fn format_float(vm: &mut Vm, x: f64, spec: &str, tname: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::object::float::repr(x));
    }
    let sp = parse_spec(vm, spec, tname, '>')?;
    match sp.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(vm, t, tname)),
    }
    float_with_spec(vm, x, &sp)
}

/// The float text of `x` (sign included) for a spec's type and precision.
fn float_text(vm: &mut Vm, x: f64, sp: &Spec, default_ty: char) -> PyResult<(String, bool)> {
    let mut fl = Flags {
        alt: sp.alt,
        no_neg_0: sp.z,
        add_dot_0: false,
    };
    let mut ty = sp.ty.unwrap_or(default_ty);
    let mut default_prec = 6;
    if ty == 'r' {
        fl.add_dot_0 = true;
        default_prec = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut x = x;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        x *= 100.0;
        pct = true;
    }
    let prec = match sp.precision {
        Some(p) if p > i32::MAX as usize => return Err(vm.value_error("precision too big")),
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => default_prec,
    };
    let mut s = double_to_string(x, ty, prec, fl);
    if pct {
        s.push('%');
    }
    Ok((s, pct))
}

fn float_with_spec(vm: &mut Vm, x: f64, sp: &Spec) -> PyResult<String> {
    let (s, _) = float_text(vm, x, sp, 'r')?;
    Ok(layout_float(sp, &s))
}

/// Lays out formatted float text (with its own '-' sign).
fn layout_float(sp: &Spec, s: &str) -> String {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    layout_number(sp, neg, "", digits, rest)
}

/// `format(z, spec)` for complex.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::object::complex::repr(re, im));
    }
    let sp = parse_spec(vm, spec, "complex", '>')?;
    match sp.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(vm, t, "complex")),
    }
    if sp.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let fl = Flags {
        alt: sp.alt,
        no_neg_0: sp.z,
        add_dot_0: false,
    };
    let (mut ty, mut default_prec) = (sp.ty.unwrap_or('r'), 6);
    let (mut skip_re, mut parens) = (false, false);
    if sp.ty.is_none() {
        default_prec = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let prec = match sp.precision {
        Some(p) if p > i32::MAX as usize => return Err(vm.value_error("precision too big")),
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => default_prec,
    };
    let tmp = Spec {
        width: None,
        align: Some('<'),
        ..sp.clone()
    };
    let part = |x: f64, spec: &Spec| {
        let s = double_to_string(x, ty, prec, fl);
        layout_float(spec, &s)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, &tmp));
    }
    let im_spec = if skip_re {
        tmp.clone()
    } else {
        Spec {
            sign: Some('+'),
            ..tmp.clone()
        }
    };
    body.push_str(&part(im, &im_spec));
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad_text(&sp, &body, '>'))
}
