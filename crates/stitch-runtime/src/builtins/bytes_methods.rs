//! The text-like methods shared by `bytes` and `bytearray` (ASCII semantics):
//! search, split/strip/replace, case and predicates, padding, decode, hex/fromhex,
//! translate/maketrans.

use stitch_core::layout::TupleObj;
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::bytes::{buffer_arg, buffer_of, byte_value, family, find_sub, make, part_list, this};
use super::strings::{
    adjust_indices, no_args, one_arg, pos_args, slice_index, ssize_arg, tuple_args,
};
use super::{add_classmethods, add_methods, add_static};
use crate::object::{ValueExt, bytearray, bytes, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let b = vm.types.bytes;
    let ba = vm.types.bytearray;
    for t in [b, ba] {
        add_static(vm, t, &[("maketrans", b_maketrans)]);
        add_classmethods(vm, t, &[("fromhex", b_fromhex)]);
        add_methods(
            vm,
            t,
            &[
                ("find", b_find),
                ("rfind", b_rfind),
                ("index", b_index),
                ("rindex", b_rindex),
                ("count", b_count),
                ("startswith", b_startswith),
                ("endswith", b_endswith),
                ("replace", b_replace),
                ("split", b_split),
                ("rsplit", b_rsplit),
                ("partition", b_partition),
                ("rpartition", b_rpartition),
                ("strip", b_strip),
                ("lstrip", b_lstrip),
                ("rstrip", b_rstrip),
                ("removeprefix", b_removeprefix),
                ("removesuffix", b_removesuffix),
                ("join", b_join),
                ("upper", b_upper),
                ("lower", b_lower),
                ("swapcase", b_swapcase),
                ("title", b_title),
                ("capitalize", b_capitalize),
                ("isalnum", b_isalnum),
                ("isalpha", b_isalpha),
                ("isascii", b_isascii),
                ("isdigit", b_isdigit),
                ("islower", b_islower),
                ("isupper", b_isupper),
                ("isspace", b_isspace),
                ("istitle", b_istitle),
                ("center", b_center),
                ("ljust", b_ljust),
                ("rjust", b_rjust),
                ("zfill", b_zfill),
                ("expandtabs", b_expandtabs),
                ("splitlines", b_splitlines),
                ("decode", b_decode),
                ("hex", b_hex),
                ("translate", b_translate),
            ],
        );
    }
}

fn qual(a: &Args, m: &str) -> String {
    format!("{}.{m}", family(a.pos[0]))
}

/// Python's `Py_ISSPACE` for bytes.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The needle of find-like methods: a buffer or an int byte.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(v) {
        return Ok(b.to_vec());
    }
    if int::is_int(v)
        || int::native(v).is_some()
        || (!v.is_float() && vm.lookup_special(v, vm.names.index).is_some())
    {
        return Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]);
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

/// (start, end) of find-like methods, after parsing the slice arguments.
fn window(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(i64, i64)> {
    tuple_args(vm, a, name, 1, 3)?;
    let start = slice_index(vm, a.pos.get(2))?;
    let end = slice_index(vm, a.pos.get(3))?;
    Ok(adjust_indices(start, end, this(a).len()))
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    let (start, end) = window(vm, a, name)?;
    let sub = needle(vm, a.pos[1])?;
    let h = this(a);
    let n = h.len() as i64;
    if start > n || end - start < sub.len() as i64 {
        return Ok(-1);
    }
    Ok(
        match find_sub(&h[start as usize..end as usize], &sub, reverse) {
            Some(i) => start + i as i64,
            None => -1,
        },
    )
}
fn b_find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "find", false)?))
}
fn b_rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "rfind", true)?))
}
fn b_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "index", false)?;
    if i < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(Value::small(i))
}
fn b_rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "rindex", true)?;
    if i < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(Value::small(i))
}
fn b_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (start, end) = window(vm, a, "count")?;
    let sub = needle(vm, a.pos[1])?;
    let h = this(a);
    if start > h.len() as i64 || end < start {
        return Ok(Value::small(0));
    }
    if sub.is_empty() {
        return Ok(Value::small(end - start + 1));
    }
    let mut hay = &h[start as usize..end as usize];
    let mut n = 0;
    while let Some(i) = find_sub(hay, &sub, false) {
        n += 1;
        hay = &hay[i + sub.len()..];
    }
    Ok(Value::small(n))
}

fn affix(vm: &mut Vm, a: &Args, name: &str, ends: bool) -> PyResult<Value> {
    let (start, end) = window(vm, a, name)?;
    let h = this(a);
    let test = |p: &[u8]| -> bool {
        if end - (p.len() as i64) < start {
            return false;
        }
        let w = &h[start as usize..end as usize];
        if ends {
            w.ends_with(p)
        } else {
            w.starts_with(p)
        }
    };
    let arg = a.pos[1];
    if let Some(t) = arg.get::<TupleObj>() {
        for x in t.as_slice() {
            let p = buffer_arg(vm, *x)?;
            if test(p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(p) = buffer_of(arg) else {
        return Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(arg)
        )));
    };
    Ok(Value::from_bool(test(p)))
}
fn b_startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "startswith", false)
}
fn b_endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "endswith", true)
}

fn b_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pos_args(vm, a, "replace", &qual(a, "replace"), 2, 3)?;
    let old = buffer_arg(vm, a.pos[1])?.to_vec();
    let new = buffer_arg(vm, a.pos[2])?.to_vec();
    let count = match a.pos.get(3) {
        Some(&c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let h = this(a);
    let mut out = Vec::with_capacity(h.len());
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        for &c in h {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make(vm, a.pos[0], out));
    }
    let mut rest = h;
    while left > 0
        && let Some(i) = find_sub(rest, &old, false)
    {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(&new);
        rest = &rest[i + old.len()..];
        left -= 1;
    }
    out.extend_from_slice(rest);
    Ok(make(vm, a.pos[0], out))
}

fn split_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let [sep, maxsplit] =
        args::parse::<2>(vm, &a.tail(), &Sig::new(name, &["sep", "maxsplit"], 0))?;
    let m = if maxsplit.is_null() {
        -1
    } else {
        ssize_arg(vm, maxsplit)?
    };
    let sep = if sep.is_null() || sep.is_none() {
        None
    } else {
        let s = buffer_arg(vm, sep)?;
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(s.to_vec())
    };
    Ok((sep, if m < 0 { i64::MAX } else { m }))
}

fn trim_start(mut s: &[u8]) -> &[u8] {
    while let [c, rest @ ..] = s
        && is_space(*c)
    {
        s = rest;
    }
    s
}
fn trim_end(mut s: &[u8]) -> &[u8] {
    while let [rest @ .., c] = s
        && is_space(*c)
    {
        s = rest;
    }
    s
}

fn b_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "split")?;
    let h = this(a);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(p) => {
            let mut rest = h;
            let mut n = 0;
            while n < max
                && let Some(i) = find_sub(rest, &p, false)
            {
                parts.push(&rest[..i]);
                rest = &rest[i + p.len()..];
                n += 1;
            }
            parts.push(rest);
        }
        None => {
            let mut rest = trim_start(h);
            let mut n = 0;
            while !rest.is_empty() {
                if n >= max {
                    parts.push(rest);
                    break;
                }
                let end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = trim_start(&rest[end..]);
                n += 1;
            }
        }
    }
    let parts: Vec<Vec<u8>> = parts.into_iter().map(<[u8]>::to_vec).collect();
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    Ok(part_list(vm, a.pos[0], &refs))
}

fn b_rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "rsplit")?;
    let h = this(a);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(p) => {
            let mut rest = h;
            let mut n = 0;
            while n < max
                && let Some(i) = find_sub(rest, &p, true)
            {
                parts.push(&rest[i + p.len()..]);
                rest = &rest[..i];
                n += 1;
            }
            parts.push(rest);
        }
        None => {
            let mut rest = trim_end(h);
            let mut n = 0;
            while !rest.is_empty() {
                if n >= max {
                    parts.push(rest);
                    break;
                }
                let start = rest.iter().rposition(|&c| is_space(c)).map_or(0, |i| i + 1);
                parts.push(&rest[start..]);
                rest = trim_end(&rest[..start]);
                n += 1;
            }
        }
    }
    parts.reverse();
    let parts: Vec<Vec<u8>> = parts.into_iter().map(<[u8]>::to_vec).collect();
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    Ok(part_list(vm, a.pos[0], &refs))
}

fn partition(vm: &mut Vm, a: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let sep_v = one_arg(vm, a, &qual(a, name))?;
    let sep = buffer_arg(vm, sep_v)?.to_vec();
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let h = this(a).to_vec();
    let parts: [Vec<u8>; 3] = match find_sub(&h, &sep, reverse) {
        Some(i) => [h[..i].to_vec(), sep.clone(), h[i + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), h],
        None => [h, Vec::new(), Vec::new()],
    };
    let found = !parts[1].is_empty();
    let mut vals = crate::gc::Rooted::new();
    for (i, p) in parts.into_iter().enumerate() {
        // bytes returns the separator object itself.
        let v = if i == 1 && found && !super::bytes::is_bytearray(a.pos[0]) {
            sep_v
        } else {
            make(vm, a.pos[0], p)
        };
        vals.push(v);
    }
    Ok(tuple::new(vm, &vals))
}
fn b_partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition(vm, a, "partition", false)
}
fn b_rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition(vm, a, "rpartition", true)
}

fn strip(vm: &mut Vm, a: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    pos_args(vm, a, name, &qual(a, name), 0, 1)?;
    let chars: Option<Vec<u8>> = match a.pos.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => Some(buffer_arg(vm, v)?.to_vec()),
    };
    let h = this(a);
    let keep = |c: &u8| match &chars {
        None => !is_space(*c),
        Some(cs) => !cs.contains(c),
    };
    let start = if left {
        h.iter().position(keep).unwrap_or(h.len())
    } else {
        0
    };
    let end = if right {
        h.iter().rposition(keep).map_or(start, |i| i + 1).max(start)
    } else {
        h.len()
    };
    let out = h[start..end].to_vec();
    Ok(make(vm, a.pos[0], out))
}
fn b_strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "rstrip", false, true)
}

fn remove_affix(vm: &mut Vm, a: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let arg = one_arg(vm, a, &qual(a, name))?;
    let p = buffer_arg(vm, arg)?;
    let h = this(a);
    let out = if suffix {
        h.strip_suffix(p).unwrap_or(h)
    } else {
        h.strip_prefix(p).unwrap_or(h)
    };
    let out = out.to_vec();
    Ok(make(vm, a.pos[0], out))
}
fn b_removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    remove_affix(vm, a, "removeprefix", false)
}
fn b_removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    remove_affix(vm, a, "removesuffix", true)
}

fn b_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arg = one_arg(vm, a, &qual(a, "join"))?;
    let items = super::str_methods::join_items(vm, arg)?;
    let sep = this(a).to_vec();
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(b) = buffer_of(*x) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(*x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(b);
    }
    Ok(make(vm, a.pos[0], out))
}

fn convert(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    no_args(vm, a, &qual(a, name))?;
    let out = f(this(a));
    Ok(make(vm, a.pos[0], out))
}
fn b_upper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "upper", |h| h.to_ascii_uppercase())
}
fn b_lower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "lower", |h| h.to_ascii_lowercase())
}
fn b_swapcase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "swapcase", |h| {
        h.iter()
            .map(|&c| {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn b_title(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "title", |h| {
        let mut prev = false;
        h.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}
fn b_capitalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    convert(vm, a, "capitalize", |h| {
        h.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    no_args(vm, a, &qual(a, name))?;
    Ok(Value::from_bool(f(this(a))))
}
fn b_isalnum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isalnum", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn b_isalpha(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isalpha", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphabetic)
    })
}
fn b_isascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isascii", |h| h.is_ascii())
}
fn b_isdigit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isdigit", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_digit)
    })
}
fn b_isspace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isspace", |h| {
        !h.is_empty() && h.iter().all(|&c| is_space(c))
    })
}
fn b_islower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "islower", |h| {
        h.iter().any(u8::is_ascii_lowercase) && !h.iter().any(u8::is_ascii_uppercase)
    })
}
fn b_isupper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isupper", |h| {
        h.iter().any(u8::is_ascii_uppercase) && !h.iter().any(u8::is_ascii_lowercase)
    })
}
fn b_istitle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "istitle", |h| {
        let (mut cased, mut prev) = (false, false);
        for &c in h {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn pad(vm: &mut Vm, a: &Args, name: &str, mode: u8) -> PyResult<Value> {
    pos_args(vm, a, name, &qual(a, name), 1, 2)?;
    let w = ssize_arg(vm, a.pos[1])?;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(&f) => match buffer_of(f) {
            Some([c]) => *c,
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    super::strings::arg_type_name(vm, f)
                )));
            }
        },
    };
    let h = this(a);
    let n = h.len() as i64;
    if w <= n {
        let out = h.to_vec();
        return Ok(make(vm, a.pos[0], out));
    }
    if w > (1 << 34) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    let marg = (w - n) as usize;
    let (l, r) = match mode {
        0 => {
            let left = marg / 2 + (marg & w as usize & 1);
            (left, marg - left)
        }
        1 => (0, marg),
        _ => (marg, 0),
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(h);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(make(vm, a.pos[0], out))
}
fn b_center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "center", 0)
}
fn b_ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "ljust", 1)
}
fn b_rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "rjust", 2)
}

fn b_zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let w = one_arg(vm, a, &qual(a, "zfill"))?;
    let w = ssize_arg(vm, w)?;
    let h = this(a);
    if w <= h.len() as i64 {
        let out = h.to_vec();
        return Ok(make(vm, a.pos[0], out));
    }
    if w > (1 << 34) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    let fill = w as usize - h.len();
    let mut out = Vec::with_capacity(w as usize);
    let rest = match h.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &h[1..]
        }
        _ => h,
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(make(vm, a.pos[0], out))
}

fn b_expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [tabsize] = args::parse::<1>(vm, &a.tail(), &Sig::new("expandtabs", &["tabsize"], 0))?;
    let ts = if tabsize.is_null() {
        8
    } else {
        super::str_methods::c_int_arg(vm, tabsize)?
    };
    let h = this(a);
    let mut out = Vec::with_capacity(h.len());
    let mut col: i64 = 0;
    for &c in h {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    if out.len() as i64 + n > (1 << 34) {
                        return Err(vm.overflow_error("result too long"));
                    }
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make(vm, a.pos[0], out))
}

fn b_splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [keepends] = args::parse::<1>(vm, &a.tail(), &Sig::new("splitlines", &["keepends"], 0))?;
    let keep = !keepends.is_null() && super::str_methods::c_int_arg(vm, keepends)? != 0;
    let h = this(a);
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < h.len() {
        let c = h[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && h.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(&h[start..if keep { end } else { i }]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < h.len() {
        parts.push(&h[start..]);
    }
    let parts: Vec<Vec<u8>> = parts.into_iter().map(<[u8]>::to_vec).collect();
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    Ok(part_list(vm, a.pos[0], &refs))
}

fn b_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (enc, err) = super::str_methods::codec_args(vm, a, "decode")?;
    let s = crate::text::codecs::decode(vm, this(a), enc, err)?;
    Ok(pystr::new(vm, &s))
}

fn b_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [sep, per] = args::parse::<2>(
        vm,
        &a.tail(),
        &Sig::new("hex", &["sep", "bytes_per_sep"], 0),
    )?;
    let per = if per.is_null() {
        1
    } else {
        super::str_methods::c_int_arg(vm, per)?
    };
    let sep: Option<u8> = if sep.is_null() {
        None
    } else {
        if vm.len(sep)? != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        let c = if let Some(s) = pystr::text_of(sep) {
            s.chars().next().map_or(0x80, |c| c as u32)
        } else if let Some(b) = buffer_of(sep) {
            b.first().map_or(0x80, |&c| c as u32)
        } else {
            return Err(vm.type_error("sep must be str or bytes."));
        };
        if c >= 0x80 {
            return Err(vm.value_error("sep must be ASCII."));
        }
        Some(c as u8)
    };
    let h = this(a);
    let out = hex_string(h, sep, per);
    Ok(pystr::new(vm, &out))
}

/// `bytes.hex(sep, bytes_per_sep)`: groups counted from the right for positive
/// `per`, from the left for negative.
pub fn hex_string(h: &[u8], sep: Option<u8>, per: i64) -> String {
    let mut out = String::with_capacity(h.len() * 3);
    let group = per.unsigned_abs() as usize;
    let n = h.len();
    for (i, b) in h.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && group > 0
        {
            let boundary = if per > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s as char);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn b_fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let arg = one_arg(vm, a, "fromhex")?;
    let Some(s) = pystr::text_of(arg) else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(arg)
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let hexval = |c: char| c.to_digit(16);
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = hexval(chars[i]) else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(lo) = chars.get(i + 1).and_then(|&c| hexval(c)) else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let is_ba =
        cls == vm.types.bytearray || crate::object::types::is_subtype(cls, vm.types.bytearray);
    let v = if is_ba {
        bytearray::new(vm, out)
    } else {
        bytes::new(vm, &out)
    };
    if cls == vm.types.bytes || cls == vm.types.bytearray {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

fn b_translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(vm.type_error(format!(
            "translate() takes at least 1 positional argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let [table, delete] = args::parse::<2>(
        vm,
        &a.tail(),
        &Sig {
            kwonly_from: usize::MAX,
            posonly_until: 1,
            ..Sig::new("translate", &["table", "delete"], 1)
        },
    )?;
    let table: Option<Vec<u8>> = if table.is_none() {
        None
    } else {
        let t = buffer_arg(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t.to_vec())
    };
    let del: Vec<u8> = if delete.is_null() {
        Vec::new()
    } else {
        buffer_arg(vm, delete)?.to_vec()
    };
    let out: Vec<u8> = this(a)
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(make(vm, a.pos[0], out))
}

fn b_maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let frm = buffer_arg(vm, a.pos[0])?;
    let to = buffer_arg(vm, a.pos[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (&f, &x) in frm.iter().zip(to) {
        t[f as usize] = x;
    }
    Ok(bytes::new(vm, &t))
}
