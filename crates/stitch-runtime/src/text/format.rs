//! The format-spec mini-language (`format(x, spec)`, f-strings, `str.format`) for
//! int, float and str, and `str.format` itself.

use num_traits::Signed;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{float, int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

/// A parsed format spec.
#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec; `what` names the type for error messages.
pub fn parse_spec(vm: &mut Vm, s: &str) -> PyResult<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        sp.fill = Some(chars[0]);
        sp.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        sp.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        sp.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        sp.width = Some(w.parse().map_err(|_| vm.value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        sp.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        sp.precision = Some(p.parse().map_err(|_| vm.value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() {
        sp.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(sp)
}

/// Pads `body` (with sign/prefix `head`) to the spec's width.
fn pad(sp: &Spec, head: &str, body: &str, default_align: char) -> String {
    let width = sp.width.unwrap_or(0);
    let len = head.chars().count() + body.chars().count();
    let zero_pad = sp.zero && sp.align.is_none();
    let fill = sp.fill.unwrap_or(if zero_pad { '0' } else { ' ' });
    let align = sp.align.unwrap_or(if zero_pad { '=' } else { default_align });
    if len >= width {
        return format!("{head}{body}");
    }
    let n = width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{head}{body}{}", f(n)),
        '>' => format!("{}{head}{body}", f(n)),
        '^' => format!("{}{head}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{head}{}{body}", f(n)),
    }
}

/// Inserts a grouping separator every `every` digits of an integer part.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Formats builtin values natively; `None` for types without a native formatter.
pub fn format_builtin(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Option<String>> {
    if v.is_kind(Kind::Str) {
        return format_str(vm, pystr::as_str(v), spec).map(Some);
    }
    if v.is_float() {
        return format_float(vm, v.as_f64(), spec).map(Some);
    }
    if v.is_small_int() || v.is_kind(Kind::Int) {
        return format_int(vm, v, spec).map(Some);
    }
    if v.is_bool() {
        if spec.is_empty() {
            return Ok(Some(if v.is_true() { "True".into() } else { "False".into() }));
        }
        return format_int(vm, Value::small(v.is_true() as i64), spec).map(Some);
    }
    Ok(None)
}

pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    if let Some(t) = sp.ty
        && t != 's'
    {
        return Err(vm.value_error(format!("Unknown format code '{t}' for object of type 'str'")));
    }
    if sp.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if let Some(g) = sp.grouping {
        return Err(vm.value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&sp, "", &body, '<'))
}

pub fn format_int(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    match sp.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = int::to_f64(vm, v)?;
            return format_float(vm, f, spec);
        }
        _ => {}
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let b = int::to_bigint(v);
    let neg = b.is_negative();
    let mag = b.abs();
    let (digits, prefix) = match sp.ty {
        None | Some('d') | Some('n') => (mag.to_str_radix(10), ""),
        Some('x') => (mag.to_str_radix(16), "0x"),
        Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
        Some('o') => (mag.to_str_radix(8), "0o"),
        Some('b') => (mag.to_str_radix(2), "0b"),
        Some('c') => {
            if sp.sign.is_some() {
                return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            let code = num_traits::ToPrimitive::to_u32(&b).filter(|c| *c <= 0x10ffff);
            let Some(c) = code.and_then(char::from_u32) else {
                return Err(vm.overflow_error("%c arg not in range(0x110000)"));
            };
            return Ok(pad(&sp, "", &c.to_string(), '<'));
        }
        Some(t) => {
            return Err(vm.value_error(format!("Unknown format code '{t}' for object of type 'int'")));
        }
    };
    let digits = match sp.grouping {
        Some(g) => {
            let every = if matches!(sp.ty, Some('x' | 'X' | 'o' | 'b')) { 4 } else { 3 };
            if g == ',' && every == 4 {
                return Err(vm.value_error(format!("Cannot specify ',' with '{}'.", sp.ty.unwrap_or('d'))));
            }
            group(&digits, g, every)
        }
        None => digits,
    };
    let head = format!("{}{}", sign_str(neg, &sp), if sp.alt { prefix } else { "" });
    if sp.zero && sp.align.is_none() && sp.grouping.is_some() {
        // Zero padding also groups the padding.
        let width = sp.width.unwrap_or(0).saturating_sub(head.len());
        let mut d = digits.replace(sp.grouping.unwrap_or(','), "");
        while d.len() < width {
            d.insert(0, '0');
            let g = group(&d, sp.grouping.unwrap_or(','), 3);
            if g.len() >= width {
                return Ok(format!("{head}{g}"));
            }
        }
        return Ok(format!("{head}{}", group(&d, sp.grouping.unwrap_or(','), 3)));
    }
    Ok(pad(&sp, &head, &digits, '>'))
}

/// Exponent notation as Python writes it (`1.5e+10`).
fn exp_notation(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').expect("exponent");
    let e: i32 = e.parse().expect("exponent digits");
    let sign = if e < 0 { '-' } else { '+' };
    format!("{m}{}{sign}{:02}", if upper { 'E' } else { 'e' }, e.abs())
}

/// The 'g' format of a finite non-negative float.
fn general(x: f64, prec: usize, alt: bool, upper: bool, keep_point: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let mut s = if alt { format!("{:.*}", p - 1, 0.0) } else { "0".to_string() };
        if keep_point && !s.contains('.') {
            s.push_str(".0");
        }
        return s;
    }
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let mut s = if exp < -4 || exp >= p as i32 {
        let e = exp_notation(x, p - 1, upper);
        if alt {
            e
        } else {
            let (m, rest) = e.split_once(if upper { 'E' } else { 'e' }).expect("exponent");
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            format!("{m}{}{rest}", if upper { 'E' } else { 'e' })
        }
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let f = format!("{:.*}", decimals, x);
        if alt || !f.contains('.') { f } else { f.trim_end_matches('0').trim_end_matches('.').to_string() }
    };
    if keep_point && !s.contains(['.', 'e', 'E']) {
        s.push_str(".0");
    }
    s
}

pub fn format_float(vm: &mut Vm, x: f64, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    if let Some(t) = sp.ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(vm.value_error(format!("Unknown format code '{t}' for object of type 'float'")));
    }
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(sp.ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if upper { s.to_uppercase() } else { s.to_string() }
    } else {
        match sp.ty {
            Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_notation(a, sp.precision.unwrap_or(6), upper),
            Some('g' | 'G' | 'n') => general(a, sp.precision.unwrap_or(6), sp.alt, upper, false),
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            _ => match sp.precision {
                None => float::repr(a),
                Some(p) => general(a, p, sp.alt, false, true),
            },
        }
    };
    if sp.alt && !body.contains('.') && a.is_finite() && matches!(sp.ty, Some('f' | 'F' | 'e' | 'E' | '%')) {
        if let Some(pos) = body.find(['e', 'E', '%']) {
            body.insert(pos, '.');
        } else {
            body.push('.');
        }
    }
    if sp.z && neg && body.chars().all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-' | '%')) {
        neg = false;
    }
    if let Some(g) = sp.grouping {
        let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let (ip, rest) = body.split_at(end);
        body = format!("{}{}", group(ip, g, 3), rest);
    }
    let head = sign_str(neg, &sp);
    if !a.is_finite() && sp.zero && sp.align.is_none() {
        let sp2 = Spec { zero: false, fill: Some(' '), align: Some('>'), ..sp };
        return Ok(pad(&sp2, head, &body, '>'));
    }
    Ok(pad(&sp, head, &body, '>'))
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
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let mut hex = format!("{mant:013x}");
    while hex.len() > 1 && hex.ends_with('0') {
        hex.pop();
    }
    format!("{sign}0x{lead}.{hex}p{}{}", if e < 0 { "-" } else { "+" }, e.abs())
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, a: &Args) -> PyResult<String> {
    let mut auto = 0usize;
    let mut mode = 0u8; // 0 unknown, 1 auto, 2 manual
    format_into(vm, fmt, a, &mut auto, &mut mode, 2)
}

fn format_into(vm: &mut Vm, fmt: &str, a: &Args, auto: &mut usize, mode: &mut u8, depth: u32) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching '}' (nested braces in the spec).
            let mut j = i + 1;
            let mut level = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    level += 1;
                } else if chars[j] == '}' {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&replacement(vm, &field, a, auto, mode, depth)?);
            i = j + 1;
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn replacement(vm: &mut Vm, field: &str, a: &Args, auto: &mut usize, mode: &mut u8, depth: u32) -> PyResult<String> {
    // field_name[!conv][:spec]
    let (name_part, spec) = match field.find(':') {
        Some(k) if !field[..k].contains('[') || field[..k].contains(']') => (&field[..k], &field[k + 1..]),
        _ => (field, ""),
    };
    let (name, conv) = match name_part.find('!') {
        Some(k) => (&name_part[..k], Some(&name_part[k + 1..])),
        None => (name_part, None),
    };
    // The first part of the field name: an index, a keyword, or empty (automatic).
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if first.is_empty() {
        if *mode == 2 {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        *mode = 1;
        let i = *auto;
        *auto += 1;
        match a.pos.get(i) {
            Some(v) => *v,
            None => {
                return Err(vm.index_error(format!("Replacement index {i} out of range for positional args tuple")));
            }
        }
    } else if let Ok(i) = first.parse::<usize>() {
        if *mode == 1 {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *mode = 2;
        match a.pos.get(i) {
            Some(v) => *v,
            None => {
                return Err(vm.index_error(format!("Replacement index {i} out of range for positional args tuple")));
            }
        }
    } else {
        match a.kw(first) {
            Some(v) => v,
            None => {
                let k = pystr::new(vm, first);
                return Err(vm.key_error(k));
            }
        }
    };
    // Attribute and index lookups.
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut k = 0;
    while k < rest.len() {
        if rest[k] == '.' {
            let start = k + 1;
            k = start;
            while k < rest.len() && rest[k] != '.' && rest[k] != '[' {
                k += 1;
            }
            let attr: String = rest[start..k].iter().collect();
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            v = vm.getattr_str(v, &attr)?;
        } else if rest[k] == '[' {
            let start = k + 1;
            while k < rest.len() && rest[k] != ']' {
                k += 1;
            }
            if k >= rest.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            let key: String = rest[start..k].iter().collect();
            k += 1;
            let kv = match key.parse::<i64>() {
                Ok(n) => Value::small(n),
                Err(_) => pystr::new(vm, &key),
            };
            v = vm.getitem(v, kv)?;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let v = match conv {
        None => v,
        Some("r") => vm.repr(v)?,
        Some("s") => vm.str(v)?,
        Some("a") => crate::builtins::ascii(vm, v)?,
        Some(c) if c.is_empty() => {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        }
        Some(c) => {
            return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
        }
    };
    let spec = if spec.contains('{') {
        if depth == 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        format_into(vm, spec, a, auto, mode, depth - 1)?
    } else {
        spec.to_string()
    };
    let sv = pystr::new(vm, &spec);
    let r = crate::builtins::format(vm, v, sv)?;
    Ok(pystr::text_of(r).unwrap_or("").to_string())
}
