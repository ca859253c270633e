//! The `unicodedata` module (Unicode 14.0, as in CPython 3.11): character
//! properties from `ucd_data.rs`, names through `unicode_names2` (limited to
//! characters assigned in 14.0), and the four normalization forms.

use stitch_core::value::Value;

use super::ucd_data as ucd;
use crate::builtins::args::{self, Sig};
use crate::object::{module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "unicodedata");
    crate::modules::util::add_fns(
        vm,
        m,
        &[
            ("lookup", lookup),
            ("name", name),
            ("decimal", decimal),
            ("digit", digit),
            ("numeric", numeric),
            ("category", category),
            ("bidirectional", bidirectional),
            ("combining", combining),
            ("east_asian_width", east_asian_width),
            ("mirrored", mirrored),
            ("decomposition", decomposition),
            ("normalize", normalize),
            ("is_normalized", is_normalized),
        ],
    );
    crate::modules::util::set_str(vm, m, "unidata_version", "14.0.0");
    // Approximation: the Unicode 3.2 database (for stringprep/idna) is this one.
    module::set(vm, m, "ucd_3_2_0", m);
    Ok(m)
}

/// The record (category, bidirectional, east asian width, mirrored, combining).
fn record(c: char) -> (u8, u8, u8, u8, u8) {
    let u = c as u32;
    let i = ucd::RECORDS.partition_point(|r| r.0 <= u);
    match ucd::RECORDS.get(i.wrapping_sub(1)) {
        Some(r) => (r.1, r.2, r.3, r.4, r.5),
        None => (0, 0, 0, 0, 0),
    }
}

pub fn category_of(c: char) -> &'static str {
    ucd::CATEGORIES
        .get(record(c).0 as usize)
        .copied()
        .unwrap_or("Cn")
}

pub fn combining_of(c: char) -> u8 {
    record(c).4
}

/// The single character argument of a function.
fn char_arg(vm: &mut Vm, v: Value, func: &str, numbered: bool) -> PyResult<char> {
    let what = if numbered { "argument 1" } else { "argument" };
    let Some(s) = pystr::text_of(v) else {
        return Err(vm.type_error(format!(
            "{func}() {what} must be a unicode character, not {}",
            vm.type_name(v)
        )));
    };
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.type_error(format!(
            "{func}() {what} must be a unicode character, not str"
        ))),
    }
}

/// (char, default) of name/decimal/digit/numeric.
fn char_default(vm: &mut Vm, a: &Args, func: &str) -> PyResult<(char, Option<Value>)> {
    let [c, default] = args::parse::<2>(vm, a, &Sig::positional(func, &["chr", "default"], 1))?;
    let ch = char_arg(vm, c, func, true)?;
    Ok((
        ch,
        if default.is_null() {
            None
        } else {
            Some(default)
        },
    ))
}

/// The name of `c` in Unicode 14.0.
pub fn name_of(c: char) -> Option<String> {
    if category_of(c) == "Cn" {
        return None;
    }
    unicode_names2::name(c).map(|n| n.to_string())
}

fn name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (c, default) = char_default(vm, a, "name")?;
    match name_of(c) {
        Some(n) => Ok(pystr::new(vm, &n)),
        None => default.ok_or_else(|| vm.value_error("no such name")),
    }
}

fn lookup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "lookup", 1, 1)?;
    let v = a.pos[0];
    let text: String = if let Some(s) = pystr::text_of(v) {
        s.to_string()
    } else if let Some(b) = crate::builtins::bytes::buffer_of(v) {
        String::from_utf8_lossy(b).into_owned()
    } else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        )));
    };
    if text.len() > 256 {
        let k = pystr::new(vm, "name too long");
        return Err(vm.key_error(k));
    }
    match super::escape_codecs::lookup_name(&text).filter(|&c| category_of(c) != "Cn") {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(pystr::new(vm, c.encode_utf8(&mut buf)))
        }
        None => {
            let k = pystr::new(vm, &format!("undefined character name '{text}'"));
            Err(vm.key_error(k))
        }
    }
}

fn decimal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (c, default) = char_default(vm, a, "decimal")?;
    match super::unicode::decimal_value(c) {
        Some(d) => Ok(Value::small(d as i64)),
        None => default.ok_or_else(|| vm.value_error("not a decimal")),
    }
}

fn numeric_entry(c: char) -> Option<(f64, i8)> {
    let u = c as u32;
    ucd::NUMERIC
        .binary_search_by_key(&u, |e| e.0)
        .ok()
        .map(|i| (ucd::NUMERIC[i].1, ucd::NUMERIC[i].2))
}

fn digit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (c, default) = char_default(vm, a, "digit")?;
    match numeric_entry(c).filter(|e| e.1 >= 0) {
        Some((_, d)) => Ok(Value::small(d as i64)),
        None => default.ok_or_else(|| vm.value_error("not a digit")),
    }
}

fn numeric(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (c, default) = char_default(vm, a, "numeric")?;
    match numeric_entry(c) {
        Some((n, _)) => Ok(Value::from_f64(n)),
        None => default.ok_or_else(|| vm.value_error("not a numeric character")),
    }
}

fn one_char(vm: &mut Vm, a: &Args, func: &str) -> PyResult<char> {
    args::count(vm, a, func, 1, 1)?;
    char_arg(vm, a.pos[0], func, false)
}

fn category(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "category")?;
    Ok(pystr::new(vm, category_of(c)))
}

fn bidirectional(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "bidirectional")?;
    let b = ucd::BIDIRECTIONAL
        .get(record(c).1 as usize)
        .copied()
        .unwrap_or("");
    Ok(pystr::new(vm, b))
}

fn east_asian_width(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "east_asian_width")?;
    let w = ucd::EAST_ASIAN_WIDTHS
        .get(record(c).2 as usize)
        .copied()
        .unwrap_or("N");
    Ok(pystr::new(vm, w))
}

fn mirrored(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "mirrored")?;
    Ok(Value::small(record(c).3 as i64))
}

fn combining(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "combining")?;
    Ok(Value::small(record(c).4 as i64))
}

/// The decomposition string of `c` (empty when none).
pub fn decomposition_of(c: char) -> &'static str {
    let u = c as u32;
    match ucd::DECOMPOSITIONS.binary_search_by_key(&u, |e| e.0) {
        Ok(i) => ucd::DECOMPOSITIONS[i].1,
        Err(_) => "",
    }
}

fn decomposition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "decomposition")?;
    Ok(pystr::new(vm, decomposition_of(c)))
}

// ---- normalization ----

const S_BASE: u32 = 0xac00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11a7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Appends the full (canonical, or compatibility with `compat`) decomposition.
fn decompose_into(c: char, compat: bool, out: &mut Vec<char>) {
    let u = c as u32;
    if (S_BASE..S_BASE + S_COUNT).contains(&u) {
        let s = u - S_BASE;
        let push = |out: &mut Vec<char>, x: u32| out.extend(char::from_u32(x));
        push(out, L_BASE + s / N_COUNT);
        push(out, V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            push(out, T_BASE + s % T_COUNT);
        }
        return;
    }
    let d = decomposition_of(c);
    if d.is_empty() || (!compat && d.starts_with('<')) {
        out.push(c);
        return;
    }
    for part in d.split(' ').filter(|p| !p.starts_with('<')) {
        if let Some(x) = u32::from_str_radix(part, 16).ok().and_then(char::from_u32) {
            decompose_into(x, compat, out);
        }
    }
}

/// Canonical ordering: stable sort of each run of non-starters by combining class.
fn reorder(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if combining_of(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && combining_of(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| combining_of(c));
    }
}

fn compose_pair(a: char, b: char) -> Option<char> {
    let (ua, ub) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&ua) && (V_BASE..V_BASE + V_COUNT).contains(&ub) {
        return char::from_u32(S_BASE + ((ua - L_BASE) * V_COUNT + (ub - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&ua)
        && (ua - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&ub)
    {
        return char::from_u32(ua + (ub - T_BASE));
    }
    let i = ucd::COMPOSITIONS.partition_point(|e| (e.0, e.1) < (ua, ub));
    match ucd::COMPOSITIONS.get(i) {
        Some(&(x, y, z)) if x == ua && y == ub => char::from_u32(z),
        _ => None,
    }
}

/// The canonical composition algorithm over decomposed, reordered text.
fn compose(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: i32 = -1;
    for &c in chars {
        let cc = combining_of(c) as i32;
        if let Some(si) = starter {
            let blocked = last_class != -1 && (last_class >= cc || last_class == 0);
            if !blocked && let Some(comp) = compose_pair(out[si], c) {
                out[si] = comp;
                continue;
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_class = -1;
        } else {
            last_class = cc;
        }
        out.push(c);
    }
    out
}

/// `unicodedata.normalize(form, s)` on text.
pub fn normalize_text(form: &str, s: &str) -> Option<String> {
    let (compat, comp) = match form {
        "NFC" => (false, true),
        "NFD" => (false, false),
        "NFKC" => (true, true),
        "NFKD" => (true, false),
        _ => return None,
    };
    if s.is_ascii() {
        return Some(s.to_string());
    }
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(c, compat, &mut chars);
    }
    reorder(&mut chars);
    let chars = if comp { compose(&chars) } else { chars };
    Some(chars.into_iter().collect())
}

fn form_args(vm: &mut Vm, a: &Args, func: &str) -> PyResult<(&'static str, &'static str)> {
    args::count(vm, a, func, 2, 2)?;
    let Some(form) = pystr::text_of(a.pos[0]) else {
        return Err(vm.type_error(format!(
            "{func}() argument 1 must be str, not {}",
            vm.type_name(a.pos[0])
        )));
    };
    let Some(s) = pystr::text_of(a.pos[1]) else {
        return Err(vm.type_error(format!(
            "{func}() argument 2 must be str, not {}",
            vm.type_name(a.pos[1])
        )));
    };
    if !matches!(form, "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(vm.value_error("invalid normalization form"));
    }
    Ok((form, s))
}

fn normalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (form, s) = form_args(vm, a, "normalize")?;
    let r = normalize_text(form, s).unwrap_or_default();
    if r == s {
        return Ok(crate::builtins::strings::native_str(a.pos[1]));
    }
    Ok(pystr::new(vm, &r))
}

fn is_normalized(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (form, s) = form_args(vm, a, "is_normalized")?;
    Ok(Value::from_bool(
        normalize_text(form, s).is_some_and(|r| r == s),
    ))
}
