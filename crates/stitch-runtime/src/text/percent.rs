//! `%`-formatting (`"%d items" % n` and `b"%s" % x`), following CPython's
//! PyUnicode_Format / bytes formatting: argument consumption order, flags, `*`
//! widths, mapping keys, sign and zero-padding layout, and error messages.
//!
//! Bytes formatting shares the engine: its text is carried as chars U+0000..U+00FF
//! (one per byte) and converted back at the end.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::floatfmt::{Flags, double_to_string};
use crate::object::{int, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Str,
    Bytes,
}

/// `fmt % args` for str.
pub fn format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f: Vec<char> = pystr::as_str(fmt).chars().collect();
    let out = run(vm, &f, args, Mode::Str)?;
    Ok(pystr::new(vm, &out))
}

/// `fmt % args` for bytes: the formatted bytes.
pub fn format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let f: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = run(vm, &f, args, Mode::Bytes)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The argument cursor, as CPython keeps it (arglen -1 for a single argument).
struct ArgState {
    args: Value,
    arglen: i64,
    argidx: i64,
}

impl ArgState {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args);
            }
            return Ok(tuple::items(self.args)
                .get(i as usize)
                .copied()
                .unwrap_or(Value::NONE));
        }
        Err(vm.type_error("not enough arguments for format string"))
    }

    /// The argument `next` would return, if there is one (nothing consumed).
    fn peek(&self) -> Option<Value> {
        if self.argidx >= self.arglen {
            return None;
        }
        if self.arglen < 0 {
            return Some(self.args);
        }
        tuple::items(self.args).get(self.argidx as usize).copied()
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

fn run(vm: &mut Vm, f: &[char], args: Value, mode: Mode) -> PyResult<String> {
    let is_tuple = tuple::native(args).is_some() || args.is_kind(Kind::Tuple);
    let targs = if args.is_kind(Kind::Tuple) {
        args
    } else {
        tuple::native(args).unwrap_or(args)
    };
    let excluded = match mode {
        Mode::Str => pystr::text_of(args).is_some(),
        Mode::Bytes => {
            crate::builtins::bytes::buffer_of(args).is_some() || pystr::text_of(args).is_some()
        }
    };
    let dict = if !is_tuple && !excluded && vm.lookup_special(args, vm.names.getitem).is_some() {
        Some(args)
    } else {
        None
    };
    let mut st = if is_tuple {
        ArgState {
            args: targs,
            arglen: tuple::len(targs) as i64,
            argidx: 0,
        }
    } else {
        ArgState {
            args,
            arglen: -1,
            argidx: -2,
        }
    };
    let mut out = String::with_capacity(f.len() + 16);
    let n = f.len();
    let mut pos = 0;
    while pos < n {
        if f[pos] != '%' {
            let end = f[pos..]
                .iter()
                .position(|&c| c == '%')
                .map_or(n, |k| pos + k);
            out.extend(&f[pos..end]);
            pos = end;
            continue;
        }
        pos += 1;
        if f.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        // Plain `%s` of a str and `%d`/`%i` of a small int, the common cases: the
        // text goes straight into the output.
        if mode == Mode::Str
            && let Some(&ch @ ('s' | 'd' | 'i')) = f.get(pos)
            && let Some(v) = st.peek()
        {
            if ch == 's' && v.is_kind(Kind::Str) {
                st.next(vm)?;
                out.push_str(pystr::as_str(v));
                pos += 1;
                continue;
            }
            if ch != 's' && v.is_small_int() {
                st.next(vm)?;
                use std::fmt::Write;
                let _ = write!(out, "{}", v.small_value());
                pos += 1;
                continue;
            }
        }
        // `%5d` / `%05d` / `%04x` (at most a zero flag and a width) of a small int.
        if mode == Mode::Str
            && let Some((end, zero, width, conv)) = plain_width_spec(f, pos)
            && let Some(v) = st.peek()
            && v.is_small_int()
        {
            st.next(vm)?;
            push_padded_int(&mut out, v.small_value(), zero, width, conv);
            pos = end;
            continue;
        }
        one_spec(vm, f, &mut pos, &mut st, dict, mode, &mut out)?;
    }
    if st.argidx < st.arglen && dict.is_none() {
        let what = if mode == Mode::Str { "string" } else { "bytes" };
        return Err(vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

/// A spec at `pos` (after the '%') of the form `[0][<width>]` then one of `d i x X o`:
/// (the position after it, zero flag, width, conversion).
fn plain_width_spec(f: &[char], pos: usize) -> Option<(usize, bool, usize, char)> {
    let mut k = pos;
    let zero = f.get(k) == Some(&'0');
    if zero {
        k += 1;
    }
    let mut width = 0usize;
    while let Some(d) = f.get(k).and_then(|c| c.to_digit(10)) {
        width = width * 10 + d as usize;
        if width > 4096 {
            return None;
        }
        k += 1;
    }
    match f.get(k) {
        Some(&c @ ('d' | 'i' | 'x' | 'X' | 'o')) => Some((k + 1, zero, width, c)),
        _ => None,
    }
}

/// `x` in conversion `conv` (`d i x X o`, no alternate form), right-aligned in
/// `width` columns, padded with zeros after the sign when `zero`, else with spaces
/// before it.
fn push_padded_int(out: &mut String, x: i64, zero: bool, width: usize, conv: char) {
    let m = x.unsigned_abs();
    let digits = match conv {
        'x' => format!("{m:x}"),
        'X' => format!("{m:X}"),
        'o' => format!("{m:o}"),
        _ => m.to_string(),
    };
    let len = digits.len() + (x < 0) as usize;
    let pad = width.saturating_sub(len);
    if !zero {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    if x < 0 {
        out.push('-');
    }
    if zero {
        out.extend(std::iter::repeat_n('0', pad));
    }
    out.push_str(&digits);
}

/// A parsed conversion spec.
struct Conv {
    flags: u8,
    width: i64,
    prec: i64,
    ch: char,
}

/// Parses and formats one `%...` spec starting at `*pos` (after the '%').
fn one_spec(
    vm: &mut Vm,
    f: &[char],
    pos: &mut usize,
    st: &mut ArgState,
    dict: Option<Value>,
    mode: Mode,
    out: &mut String,
) -> PyResult<()> {
    let n = f.len();
    let incomplete = |vm: &mut Vm| vm.value_error("incomplete format");
    if *pos >= n {
        return Err(incomplete(vm));
    }
    // Mapping key.
    if f[*pos] == '(' {
        let Some(d) = dict else {
            return Err(vm.type_error("format requires a mapping"));
        };
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while *pos < n && depth > 0 {
            match f[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(vm.value_error("incomplete format key"));
        }
        let key: String = f[start..*pos - 1].iter().collect();
        let k = match mode {
            Mode::Str => pystr::new(vm, &key),
            Mode::Bytes => {
                let b: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                crate::object::bytes::new(vm, &b)
            }
        };
        let v = vm.getitem(d, k)?;
        *st = ArgState {
            args: v,
            arglen: -1,
            argidx: -2,
        };
    }
    let mut c = Conv {
        flags: 0,
        width: -1,
        prec: -1,
        ch: '\0',
    };
    // Flags; `ch` ends as the first char after them.
    let read = |pos: &mut usize| -> Option<char> {
        let ch = f.get(*pos).copied();
        if ch.is_some() {
            *pos += 1;
        }
        ch
    };
    let mut cur = read(pos);
    while let Some(ch) = cur {
        let fl = match ch {
            '-' => F_LJUST,
            '+' => F_SIGN,
            ' ' => F_BLANK,
            '#' => F_ALT,
            '0' => F_ZERO,
            _ => break,
        };
        c.flags |= fl;
        cur = read(pos);
    }
    // Width.
    if cur == Some('*') {
        let v = st.next(vm)?;
        let w = star_arg(vm, v, false)?;
        if w < 0 {
            c.flags |= F_LJUST;
            c.width = -w;
        } else {
            c.width = w;
        }
        cur = read(pos);
    } else if let Some(d) = cur.and_then(|ch| ch.to_digit(10)) {
        let mut w = d as i64;
        cur = read(pos);
        while let Some(d) = cur.and_then(|ch| ch.to_digit(10)) {
            w = match w.checked_mul(10).and_then(|x| x.checked_add(d as i64)) {
                Some(x) => x,
                None => return Err(vm.value_error("width too big")),
            };
            cur = read(pos);
        }
        c.width = w;
    }
    // Precision.
    if cur == Some('.') {
        c.prec = 0;
        cur = read(pos);
        if cur == Some('*') {
            let v = st.next(vm)?;
            c.prec = star_arg(vm, v, true)?.max(0);
            cur = read(pos);
        } else if let Some(d) = cur.and_then(|ch| ch.to_digit(10)) {
            let mut p = d as i64;
            cur = read(pos);
            while let Some(d) = cur.and_then(|ch| ch.to_digit(10)) {
                p = p * 10 + d as i64;
                if p > i32::MAX as i64 {
                    return Err(vm.value_error("precision too big"));
                }
                cur = read(pos);
            }
            c.prec = p;
        }
    }
    if matches!(cur, Some('h' | 'l' | 'L')) {
        cur = read(pos);
    }
    let Some(ch) = cur else {
        return Err(incomplete(vm));
    };
    c.ch = ch;
    let v = st.next(vm)?;
    let (text, numeric) = convert(vm, v, &c, mode, *pos - 1)?;
    output(&c, &text, numeric, out);
    Ok(())
}

/// The int of a `*` width or precision.
fn star_arg(vm: &mut Vm, v: Value, prec: bool) -> PyResult<i64> {
    if !(int::is_int(v) || v.is_bool() || int::native(v).is_some()) {
        return Err(vm.type_error("* wants int"));
    }
    let b = int::to_bigint(int::native(v).unwrap_or(if v.is_bool() {
        Value::small(v.is_true() as i64)
    } else {
        v
    }));
    let lim = if prec { i32::MAX as i64 } else { i64::MAX };
    match num_traits::ToPrimitive::to_i64(&b).filter(|x| *x <= lim && *x >= -lim - 1) {
        Some(x) => Ok(x),
        None if prec => Err(vm.overflow_error("Python int too large to convert to C int")),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// The converted text of one argument, and whether it is numeric (sign handling).
fn convert(vm: &mut Vm, v: Value, c: &Conv, mode: Mode, index: usize) -> PyResult<(String, bool)> {
    match c.ch {
        's' | 'r' | 'a' | 'b' if mode == Mode::Bytes => bytes_text(vm, v, c.ch).map(|s| (s, false)),
        's' => Ok((vm.str_string(v)?, false)),
        'r' => Ok((vm.repr_string(v)?, false)),
        'a' => {
            let a = crate::builtins::ascii(vm, v)?;
            Ok((pystr::as_str(a).to_string(), false))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => format_long(vm, v, c, mode).map(|s| (s, true)),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, v, mode)?;
            let fl = Flags {
                alt: c.flags & F_ALT != 0,
                ..Flags::default()
            };
            let prec = if c.prec < 0 { 6 } else { c.prec as usize };
            Ok((double_to_string(x, c.ch, prec, fl), true))
        }
        'c' => char_arg(vm, v, mode).map(|ch| (ch.to_string(), false)),
        ch => {
            let u = ch as u32;
            let shown = if (31..=126).contains(&u) { ch } else { '?' };
            Err(vm.value_error(format!(
                "unsupported format character '{shown}' (0x{u:x}) at index {index}"
            )))
        }
    }
}

/// `PyFloat_AsDouble` of a `%f`-style argument.
fn float_arg(vm: &mut Vm, v: Value, mode: Mode) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_f64());
    }
    if let Some(x) = crate::object::float::as_f64(vm, int::native(v).unwrap_or(v))? {
        return Ok(x);
    }
    if vm.lookup_special(v, vm.names.float).is_some()
        || vm.lookup_special(v, vm.names.index).is_some()
    {
        return crate::builtins::numbers::float_of(vm, v);
    }
    if mode == Mode::Bytes {
        return Err(vm.type_error(format!("float argument required, not {}", vm.type_name(v))));
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `%d`/`%x`/`%o` of an argument, with precision zero-padding and `#` prefixes.
fn format_long(vm: &mut Vm, v: Value, c: &Conv, mode: Mode) -> PyResult<String> {
    let hexoct = matches!(c.ch, 'o' | 'x' | 'X');
    let shown = if mode == Mode::Bytes && c.ch == 'i' {
        'd'
    } else {
        c.ch
    };
    let wrong = |vm: &mut Vm| {
        let what = if hexoct {
            "an integer"
        } else {
            "a real number"
        };
        vm.type_error(format!(
            "%{shown} format: {what} is required, not {}",
            vm.type_name(v)
        ))
    };
    let n = if int::is_int(v) || v.is_bool() {
        if v.is_bool() {
            Value::small(v.is_true() as i64)
        } else {
            v
        }
    } else if let Some(n) = int::native(v) {
        n
    } else {
        let is_number = v.is_float()
            || vm.lookup_special(v, vm.names.index).is_some()
            || vm.lookup_special(v, vm.names.int).is_some()
            || vm.lookup_special(v, vm.names.float).is_some()
            || vm.type_of(v) == vm.types.complex;
        if !is_number {
            return Err(wrong(vm));
        }
        let r = if hexoct {
            if v.is_float() || vm.lookup_special(v, vm.names.index).is_none() {
                return Err(wrong(vm));
            }
            vm.index(v)
        } else if v.is_float() {
            crate::object::float::to_int(vm, v.as_f64())
        } else if vm.lookup_special(v, vm.names.int).is_some()
            || vm.lookup_special(v, vm.names.index).is_some()
        {
            crate::builtins::numbers::int_value(vm, v, Value::NULL)
        } else {
            return Err(wrong(vm));
        };
        match r {
            Ok(n) => n,
            Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => return Err(wrong(vm)),
            Err(e) => return Err(e),
        }
    };
    let (neg, mut digits) = if let Some(x) = int::to_i64(n) {
        let m = x.unsigned_abs();
        let d = match c.ch {
            'x' => format!("{m:x}"),
            'X' => format!("{m:X}"),
            'o' => format!("{m:o}"),
            _ => m.to_string(),
        };
        (x < 0, d)
    } else {
        let b = int::to_bigint(n);
        if !matches!(c.ch, 'x' | 'X' | 'o') {
            int::check_str_digits(vm, &b)?;
        }
        let neg = b.sign() == num_bigint::Sign::Minus;
        let mag = if neg { -b } else { b };
        let d = match c.ch {
            'x' => mag.to_str_radix(16),
            'X' => mag.to_str_radix(16).to_uppercase(),
            'o' => mag.to_str_radix(8),
            _ => mag.to_str_radix(10),
        };
        (neg, d)
    };
    if c.prec > digits.len() as i64 {
        digits = "0".repeat(c.prec as usize - digits.len()) + &digits;
    }
    let prefix = match c.ch {
        'x' if c.flags & F_ALT != 0 => "0x",
        'X' if c.flags & F_ALT != 0 => "0X",
        'o' if c.flags & F_ALT != 0 => "0o",
        _ => "",
    };
    Ok(format!("{}{prefix}{digits}", if neg { "-" } else { "" }))
}

/// The character of `%c`.
fn char_arg(vm: &mut Vm, v: Value, mode: Mode) -> PyResult<char> {
    if mode == Mode::Bytes {
        let msg = "%c requires an integer in range(256) or a single byte";
        if let Some(b) = crate::builtins::bytes::buffer_of(v) {
            return match b {
                [x] => Ok(*x as char),
                _ => Err(vm.type_error(msg)),
            };
        }
        if !(int::is_int(v) || v.is_bool() || vm.lookup_special(v, vm.names.index).is_some()) {
            return Err(vm.type_error(msg));
        }
        let i = vm.index(v)?;
        return match int::to_i64(i).filter(|x| (0..256).contains(x)) {
            Some(x) => Ok(x as u8 as char),
            None => Err(vm.overflow_error("%c arg not in range(256)")),
        };
    }
    if let Some(s) = pystr::text_of(v) {
        let mut cs = s.chars();
        return match (cs.next(), cs.next()) {
            (Some(ch), None) => Ok(ch),
            _ => Err(vm.type_error("%c requires int or char")),
        };
    }
    if !(int::is_int(v)
        || v.is_bool()
        || int::native(v).is_some()
        || vm.lookup_special(v, vm.names.index).is_some())
    {
        return Err(vm.type_error("%c requires int or char"));
    }
    let i = vm.index(v)?;
    match int::to_i64(i).filter(|x| (0..0x110000).contains(x)) {
        Some(x) => Ok(char::from_u32(x as u32).unwrap_or('\u{fffd}')),
        None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

/// `%s`/`%b`/`%r`/`%a` of bytes formatting, as latin-1 chars.
fn bytes_text(vm: &mut Vm, v: Value, ch: char) -> PyResult<String> {
    if ch == 'r' || ch == 'a' {
        let a = crate::builtins::ascii(vm, v)?;
        return Ok(pystr::as_str(a).to_string());
    }
    if let Some(b) = crate::builtins::bytes::buffer_of(v) {
        return Ok(b.iter().map(|&x| x as char).collect());
    }
    let name = pystr::intern(vm, "__bytes__");
    if let Some(r) = vm.call_special(v, name, &[])? {
        if let Some(b) = crate::object::bytes::native(r) {
            return Ok(crate::object::bytes::data(b)
                .iter()
                .map(|&x| x as char)
                .collect());
        }
        return Err(vm.type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(r)
        )));
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

/// Pads `text` to the spec's width with CPython's sign/prefix/zero rules.
fn output(c: &Conv, text: &str, numeric: bool, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    if matches!(c.ch, 's' | 'r' | 'a' | 'b') && c.prec >= 0 && len > c.prec {
        len = c.prec;
    }
    let fill = if numeric && c.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut start = 0usize;
    let mut sign: Option<char> = None;
    if numeric {
        match chars.first() {
            Some(&s @ ('-' | '+')) => {
                sign = Some(s);
                start = 1;
                len -= 1;
            }
            _ if c.flags & F_SIGN != 0 => sign = Some('+'),
            _ if c.flags & F_BLANK != 0 => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = c.width.max(len);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = c.flags & F_ALT != 0 && matches!(c.ch, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.extend(&chars[start..start + 2]);
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && c.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefixed {
            out.extend(&chars[start..start + 2]);
        }
    }
    let body_start = if prefixed { start + 2 } else { start };
    out.extend(&chars[body_start..body_start + len.max(0) as usize]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}
