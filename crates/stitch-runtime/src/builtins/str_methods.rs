//! `str` methods that transform or classify: case conversion, predicates,
//! padding, join, expandtabs, splitlines, encode, format, translate/maketrans.

use stitch_core::value::Value;

use super::args::{self, Sig};
use super::strings::{native_str, no_args, one_arg, ssize_arg, str_arg, this};
use super::{add_methods, add_static};
use crate::object::{bytes, dict, int, str as pystr};
use crate::text::unicode as uni;
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.types.str;
    add_static(vm, s, &[("maketrans", str_maketrans)]);
    add_methods(
        vm,
        s,
        &[
            ("join", str_join),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("isalnum", str_isalnum),
            ("isalpha", str_isalpha),
            ("isascii", str_isascii),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isnumeric", str_isnumeric),
            ("isidentifier", str_isidentifier),
            ("islower", str_islower),
            ("isupper", str_isupper),
            ("istitle", str_istitle),
            ("isprintable", str_isprintable),
            ("isspace", str_isspace),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("splitlines", str_splitlines),
            ("encode", str_encode),
            ("format", str_format),
            ("format_map", str_format_map),
            ("translate", str_translate),
        ],
    );
}

fn str_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arg = one_arg(vm, a, "str.join")?;
    let sep = this(a);
    if arg.is_kind(stitch_core::layout::Kind::List) || arg.is_kind(stitch_core::layout::Kind::Tuple)
    {
        // The items in place: nothing below runs Python code before the result
        // is allocated (and the list keeps them alive).
        let items = if arg.is_kind(stitch_core::layout::Kind::List) {
            crate::object::list::items(arg)
        } else {
            crate::object::tuple::items(arg)
        };
        return join_strs(vm, a, sep, items);
    }
    let items = join_items(vm, arg)?;
    join_strs(vm, a, sep, &items)
}

/// `sep.join(items)` for the collected items.
fn join_strs(vm: &mut Vm, a: &Args, sep: &str, items: &[Value]) -> PyResult<Value> {
    if items.len() == 1
        && let Some(x) = items.first().copied()
        && x.is_kind(stitch_core::layout::Kind::Str)
    {
        return Ok(x);
    }
    let sep_v = native_str(a.pos[0]);
    let (mut bytes, mut chars, mut ascii) = (0usize, 0usize, true);
    for (i, x) in items.iter().enumerate() {
        let Some(t) = pystr::text_of(*x) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(*x)
            )));
        };
        let v = native_str(*x);
        bytes += t.len();
        chars += pystr::char_len(v);
        ascii &= pystr::is_ascii(v);
    }
    if items.len() > 1 {
        let n = items.len() - 1;
        bytes += sep.len() * n;
        chars += pystr::char_len(sep_v) * n;
        ascii &= pystr::is_ascii(sep_v);
    }
    let mut out = String::with_capacity(bytes);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(pystr::text_of(*x).unwrap_or(""));
    }
    Ok(pystr::new_known(vm, &out, chars, ascii))
}

/// The items of a join argument ("can only join an iterable").
pub fn join_items(vm: &mut Vm, arg: Value) -> PyResult<crate::gc::Rooted> {
    if arg.is_kind(stitch_core::layout::Kind::List) || arg.is_kind(stitch_core::layout::Kind::Tuple)
    {
        return vm.collect_iter(arg);
    }
    let it = match vm.iter(arg) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = crate::gc::Rooted::new();
    while let Some(x) = vm.next(it)? {
        out.push(x);
    }
    Ok(out)
}

fn convert(vm: &mut Vm, a: &Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    no_args(vm, a, name)?;
    let s = this(a);
    let r = f(s);
    if s.is_ascii() && r.len() == s.len() && r.is_ascii() {
        // ASCII case mappings stay ASCII and keep the length.
        return Ok(pystr::new_known(vm, &r, r.len(), true));
    }
    Ok(pystr::new(vm, &r))
}
fn str_upper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.upper", uni::upper)
}
fn str_lower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.lower", uni::lower)
}
fn str_casefold(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.casefold", uni::casefold)
}
fn str_swapcase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.swapcase", uni::swapcase)
}
fn str_title(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.title", uni::title)
}
fn str_capitalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "str.capitalize", uni::capitalize)
}

fn pred(vm: &mut Vm, a: &Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    no_args(vm, a, name)?;
    Ok(Value::from_bool(f(this(a))))
}
fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}
fn str_isalnum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isalnum", |s| all_chars(s, uni::is_alnum))
}
fn str_isalpha(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isalpha", |s| all_chars(s, uni::is_alpha))
}
fn str_isascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isascii", |s| s.is_ascii())
}
fn str_isdecimal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isdecimal", |s| all_chars(s, uni::is_decimal))
}
fn str_isdigit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isdigit", |s| all_chars(s, uni::is_digit))
}
fn str_isnumeric(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isnumeric", |s| all_chars(s, uni::is_numeric))
}
fn str_isidentifier(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isidentifier", uni::isidentifier)
}
fn str_islower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.islower", uni::islower)
}
fn str_isupper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isupper", uni::isupper)
}
fn str_istitle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.istitle", uni::istitle)
}
fn str_isprintable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isprintable", |s| {
        s.chars().all(uni::is_printable)
    })
}
fn str_isspace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "str.isspace", |s| all_chars(s, uni::is_space))
}

/// A requested result length, with MemoryError for absurd sizes.
fn checked_width(vm: &mut Vm, w: i64) -> PyResult<usize> {
    if w > (1 << 34) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    Ok(w.max(0) as usize)
}

/// (width, fill) of center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(usize, char)> {
    super::strings::str_pos_args(vm, a, name, 1, 2)?;
    let w = ssize_arg(vm, a.pos[1])?;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(&f) => {
            let Some(t) = pystr::text_of(f) else {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(f)
                )));
            };
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
    };
    if w <= pystr::char_len(native_str(a.pos[0])) as i64 {
        return Ok((0, fill));
    }
    Ok((checked_width(vm, w)?, fill))
}

/// Pads `s` with `left` and `right` fill characters.
pub fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn pad(vm: &mut Vm, a: &Args, name: &str, mode: u8) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, a, name)?;
    let me = native_str(a.pos[0]);
    let n = pystr::char_len(me);
    if w <= n {
        return Ok(me);
    }
    let marg = w - n;
    let (l, r) = match mode {
        0 => {
            // CPython's rounding for center().
            let left = marg / 2 + (marg & w & 1);
            (left, marg - left)
        }
        1 => (0, marg),
        _ => (marg, 0),
    };
    let out = padded(this(a), l, r, fill);
    Ok(pystr::new(vm, &out))
}
fn str_center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "center", 0)
}
fn str_ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "ljust", 1)
}
fn str_rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "rjust", 2)
}

fn str_zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let w = one_arg(vm, a, "str.zfill")?;
    let w = ssize_arg(vm, w)?;
    let me = native_str(a.pos[0]);
    let n = pystr::char_len(me) as i64;
    if w <= n {
        return Ok(me);
    }
    let w = checked_width(vm, w)?;
    let s = this(a);
    let fill = w - n as usize;
    let mut out = String::with_capacity(w);
    let rest = match s.strip_prefix(['+', '-']) {
        Some(r) => {
            out.push_str(&s[..1]);
            r
        }
        None => s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(pystr::new(vm, &out))
}

fn str_expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [tabsize] = args::parse::<1>(vm, &a.tail(), &Sig::new("expandtabs", &["tabsize"], 0))?;
    let ts = if tabsize.is_null() {
        8
    } else {
        c_int_arg(vm, tabsize)?
    };
    let s = this(a);
    if !s.contains('\t') {
        return Ok(native_str(a.pos[0]));
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    if out.len() as i64 + n > (1 << 34) {
                        return Err(vm.overflow_error("new string is too long"));
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(pystr::new(vm, &out))
}

/// `(line, end of line including the break)` pairs of Python's splitlines.
pub fn split_lines(s: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if uni::is_linebreak(c) {
            let mut end = b + c.len_utf8();
            if c == '\r'
                && let Some(&(_, '\n')) = it.peek()
            {
                it.next();
                end += 1;
            }
            out.push((start, b, end));
            start = end;
        }
    }
    if start < s.len() {
        out.push((start, s.len(), s.len()));
    }
    out
}

fn str_splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [keepends] = args::parse::<1>(vm, &a.tail(), &Sig::new("splitlines", &["keepends"], 0))?;
    let keep = !keepends.is_null() && c_int_arg(vm, keepends)? != 0;
    let s = this(a);
    let ascii = super::str_search::self_ascii(a);
    let parts = split_lines(s)
        .into_iter()
        .map(|(st, e, full)| &s[st..if keep { full } else { e }]);
    Ok(super::str_search::str_list_of(vm, parts, ascii))
}

/// A C `int` argument (`__index__`), OverflowError past its range.
pub fn c_int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match int::to_i64(i).filter(|x| i32::try_from(*x).is_ok()) {
        Some(x) => Ok(x),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// (encoding, errors) arguments of encode/decode.
pub fn codec_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(&'static str, &'static str)> {
    let [encoding, errors] =
        args::parse::<2>(vm, &a.tail(), &Sig::new(name, &["encoding", "errors"], 0))?;
    let enc = if encoding.is_null() {
        "utf-8"
    } else {
        str_arg(vm, encoding, &format!("{name}() argument 'encoding'"))?
    };
    let err = if errors.is_null() {
        "strict"
    } else {
        str_arg(vm, errors, &format!("{name}() argument 'errors'"))?
    };
    Ok((enc, err))
}

fn str_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (enc, err) = codec_args(vm, a, "encode")?;
    let b = crate::text::codecs::encode(vm, this(a), enc, err)?;
    Ok(bytes::new(vm, &b))
}

fn str_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = this(a);
    let tail = a.tail();
    let r = crate::text::format::str_format(vm, fmt, &crate::text::format::Source::Args(&tail))?;
    Ok(pystr::new(vm, &r))
}

fn str_format_map(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = one_arg(vm, a, "str.format_map")?;
    let r = crate::text::format::str_format(vm, this(a), &crate::text::format::Source::Map(m))?;
    Ok(pystr::new(vm, &r))
}

/// What `str.translate` does with one character.
enum Mapped {
    Same,
    Drop,
    Text(String),
}

fn str_translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = one_arg(vm, a, "str.translate")?;
    let s = this(a);
    let mut out = String::with_capacity(s.len());
    // Lookups are cached per character: ASCII in an array, the rest in a map.
    let mut ascii: [Option<Mapped>; 128] = std::array::from_fn(|_| None);
    let mut other: std::collections::HashMap<char, Mapped> = std::collections::HashMap::new();
    for c in s.chars() {
        let m = if c.is_ascii() {
            let slot = &mut ascii[c as usize];
            if slot.is_none() {
                *slot = Some(translate_one(vm, table, c)?);
            }
            slot.as_ref()
        } else {
            match other.entry(c) {
                std::collections::hash_map::Entry::Occupied(e) => Some(&*e.into_mut()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    Some(&*e.insert(translate_one(vm, table, c)?))
                }
            }
        };
        match m {
            Some(Mapped::Same) | None => out.push(c),
            Some(Mapped::Drop) => {}
            Some(Mapped::Text(t)) => out.push_str(t),
        }
    }
    Ok(pystr::new(vm, &out))
}

/// `table[ord(c)]` as a translation.
fn translate_one(vm: &mut Vm, table: Value, c: char) -> PyResult<Mapped> {
    let key = Value::small(c as i64);
    let r = match vm.getitem(table, key) {
        Ok(v) => v,
        Err(e) if vm.is_instance_of(e.0, vm.exc.lookup_error) => return Ok(Mapped::Same),
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(Mapped::Drop);
    }
    if let Some(t) = pystr::text_of(r) {
        return Ok(Mapped::Text(t.to_string()));
    }
    if int::is_int(r) || int::native(r).is_some() {
        let code = int::to_i64(int::native(r).unwrap_or(r)).unwrap_or(-1);
        return match u32::try_from(code)
            .ok()
            .filter(|&u| u < 0x110000)
            .map(char::from_u32)
        {
            Some(Some(m)) => Ok(Mapped::Text(m.to_string())),
            Some(None) => Ok(Mapped::Text('\u{fffd}'.to_string())),
            None => Err(vm.value_error("character mapping must be in range(0x110000)")),
        };
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

fn str_maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let n = a.pos.len();
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let d = dict::new(vm);
    if n == 1 {
        let x = a.pos[0];
        if dict::native(x).is_none() {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let items = crate::gc::Rooted::from_vec(
            dict::items(dict::native(x).unwrap_or(x))
                .into_iter()
                .flat_map(|(k, v)| [k, v])
                .collect(),
        );
        for kv in items.chunks(2) {
            let (k, v) = (kv[0], kv[1]);
            let key = if let Some(t) = pystr::text_of(k) {
                let mut cs = t.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Value::small(c as i64),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        );
                    }
                }
            } else if int::is_int(k) || int::native(k).is_some() {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            dict::set(vm, d, key, v)?;
        }
        return Ok(d);
    }
    let y = str_arg(vm, a.pos[1], "maketrans() argument 2")?;
    let z = match a.pos.get(2) {
        Some(&z) => Some(str_arg(vm, z, "maketrans() argument 3")?),
        None => None,
    };
    let Some(x) = pystr::text_of(a.pos[0]) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        dict::set(vm, d, Value::small(cx as i64), Value::small(cy as i64))?;
    }
    for c in z.unwrap_or("").chars() {
        dict::set(vm, d, Value::small(c as i64), Value::NONE)?;
    }
    Ok(d)
}
