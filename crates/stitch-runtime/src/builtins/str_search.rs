//! `str` methods that search: find/index/count, startswith/endswith, replace,
//! split/rsplit/partition, strip and removeprefix/removesuffix.

use stitch_core::layout::TupleObj;
use stitch_core::value::Value;

use super::add_methods;
use super::args::{self, Sig};
use super::strings::{
    adjust_indices, native_str, one_arg, pos_args, slice_index, ssize_arg, str_arg, this,
    tuple_args,
};
use crate::object::{ValueExt, list, str as pystr, tuple};
use crate::text::unicode::is_space;
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.types.str;
    add_methods(
        vm,
        s,
        &[
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("replace", str_replace),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
        ],
    );
}

/// Byte offsets of code points `start..end` of `self` (both within the length).
fn char_range(a: &Args, start: usize, end: usize) -> (usize, usize) {
    pystr::char_range(native_str(a.pos[0]), start, end)
}

/// Number of code points in `s[..byte]`.
fn chars_before(s: &str, byte: usize) -> usize {
    match s.as_bytes().get(..byte) {
        Some(p) => crate::object::str_index::count_chars(p),
        None => 0,
    }
}

/// The text of `self[start:end]` of find-like methods, as (window, offset in code
/// points), or None when the window is empty past the end.
fn window(vm: &mut Vm, a: &Args) -> PyResult<(&'static str, i64, i64)> {
    let s = this(a);
    let start = slice_index(vm, a.pos.get(2))?;
    let end = slice_index(vm, a.pos.get(3))?;
    let n = pystr::char_len(native_str(a.pos[0]));
    let (st, en) = adjust_indices(start, end, n);
    Ok((s, st, en))
}

/// Index of `sub` in `self[start:end]`, or -1.
fn find_impl(vm: &mut Vm, a: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    tuple_args(vm, a, name, 1, 3)?;
    let (s, start, end) = window(vm, a)?;
    let sub = str_arg(vm, a.pos[1], "")?;
    let n = pystr::char_len(native_str(a.pos[0])) as i64;
    if start > n || end - start < sub.chars().count() as i64 {
        return Ok(-1);
    }
    let (b0, b1) = char_range(a, start as usize, end as usize);
    let hay = &s[b0..b1];
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    Ok(match found {
        Some(b) => start + chars_before(hay, b) as i64,
        None => -1,
    })
}
fn str_find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "find", false)?))
}
fn str_rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(find_impl(vm, a, "rfind", true)?))
}
fn str_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "index", false)?;
    if i < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(Value::small(i))
}
fn str_rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let i = find_impl(vm, a, "rindex", true)?;
    if i < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(Value::small(i))
}
fn str_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    tuple_args(vm, a, "count", 1, 3)?;
    let (s, start, end) = window(vm, a)?;
    let sub = str_arg(vm, a.pos[1], "")?;
    let n = pystr::char_len(native_str(a.pos[0])) as i64;
    if start > n || end < start {
        return Ok(Value::small(0));
    }
    if sub.is_empty() {
        return Ok(Value::small(end - start + 1));
    }
    let (b0, b1) = char_range(a, start as usize, end as usize);
    Ok(Value::small(s[b0..b1].matches(sub).count() as i64))
}

/// startswith/endswith: CPython's tailmatch.
fn affix(vm: &mut Vm, a: &Args, name: &str, ends: bool) -> PyResult<Value> {
    tuple_args(vm, a, name, 1, 3)?;
    let (s, start, end) = window(vm, a)?;
    let test = |p: &str| -> bool {
        let plen = p.chars().count() as i64;
        if end - plen < start {
            return false;
        }
        if p.is_empty() {
            return true;
        }
        let (b0, b1) = char_range(a, start as usize, end as usize);
        let w = &s[b0..b1];
        if ends {
            w.ends_with(p)
        } else {
            w.starts_with(p)
        }
    };
    let arg = a.pos[1];
    if let Some(t) = arg.get::<TupleObj>() {
        for x in t.as_slice() {
            let Some(p) = pystr::text_of(*x) else {
                return Err(vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(*x)
                )));
            };
            if test(p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(p) = pystr::text_of(arg) else {
        return Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        )));
    };
    Ok(Value::from_bool(test(p)))
}
fn str_startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "startswith", false)
}
fn str_endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "endswith", true)
}

fn str_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pos_args(vm, a, "replace", "str.replace", 2, 3)?;
    let old = str_arg(vm, a.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, a.pos[2], "replace() argument 2")?;
    let count = match a.pos.get(3) {
        Some(&c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let s = this(a);
    if count == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(native_str(a.pos[0]));
    }
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(pystr::new(vm, &r))
}

/// (sep, maxsplit) of split/rsplit.
fn split_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<&'static str>, i64)> {
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
        let Some(s) = pystr::text_of(sep) else {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(sep))));
        };
        if s.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(s)
    };
    Ok((sep, if m < 0 { i64::MAX } else { m }))
}

pub fn str_list(vm: &mut Vm, parts: &[&str]) -> Value {
    str_list_of(vm, parts.iter().copied(), false)
}

/// A new list of strs of `parts`, slices of a str that is all ASCII when `ascii`
/// (their lengths are then their code point counts). Each str goes straight into
/// the list, which the native stack keeps alive while the next one is allocated.
pub fn str_list_of<'a>(vm: &mut Vm, parts: impl Iterator<Item = &'a str>, ascii: bool) -> Value {
    let l = list::new(vm, &[]);
    for p in parts {
        let v = if ascii {
            pystr::new_known(vm, p, p.len(), true)
        } else {
            pystr::new(vm, p)
        };
        list::push(list::vec(l), v);
    }
    l
}

/// Whether the str a method is bound to is all ASCII.
pub fn self_ascii(a: &Args) -> bool {
    let v = a.pos.first().map_or(Value::NONE, |&v| native_str(v));
    v.is_kind(stitch_core::layout::Kind::Str) && pystr::is_ascii(v)
}

/// Python's whitespace among ASCII characters (`str.isspace`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f)
}

/// `s.split(None, max)` for an ASCII `s`: the list of its whitespace-separated words.
fn split_ascii_whitespace(vm: &mut Vm, s: &str, max: i64) -> Value {
    let b = s.as_bytes();
    let n = b.len();
    let l = list::new(vm, &[]);
    let mut i = 0;
    let mut count = 0;
    loop {
        while i < n && is_ascii_space(b[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let end = if count >= max {
            n
        } else {
            let mut j = i + 1;
            while j < n && !is_ascii_space(b[j]) {
                j += 1;
            }
            j
        };
        let part = &s[i..end];
        let v = pystr::new_known(vm, part, part.len(), true);
        list::push(list::vec(l), v);
        count += 1;
        i = end;
    }
    l
}

/// Splits on runs of whitespace, at most `max` times, from the left.
pub fn split_whitespace(s: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if n >= max {
            out.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
        n += 1;
    }
    out
}

/// Splits on runs of whitespace, at most `max` times, from the right (in order).
pub fn rsplit_whitespace(s: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if n >= max {
            out.push(rest);
            break;
        }
        let start = rest
            .rfind(is_space)
            .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
        n += 1;
    }
    out.reverse();
    out
}

fn str_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "split")?;
    let s = this(a);
    let ascii = self_ascii(a);
    Ok(match sep {
        Some(p) => str_list_of(
            vm,
            s.splitn(
                usize::try_from(max).unwrap_or(usize::MAX).saturating_add(1),
                p,
            ),
            ascii,
        ),
        None if ascii => split_ascii_whitespace(vm, s, max),
        None => str_list_of(vm, split_whitespace(s, max).into_iter(), false),
    })
}

fn str_rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, a, "rsplit")?;
    let s = this(a);
    let parts: Vec<&str> = match sep {
        Some(p) => {
            let mut v: Vec<&str> = s
                .rsplitn(
                    usize::try_from(max).unwrap_or(usize::MAX).saturating_add(1),
                    p,
                )
                .collect();
            v.reverse();
            v
        }
        None => rsplit_whitespace(s, max),
    };
    let ascii = self_ascii(a);
    Ok(str_list_of(vm, parts.into_iter(), ascii))
}

fn partition(vm: &mut Vm, a: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let sep_v = one_arg(vm, a, name)?;
    let sep = str_arg(vm, sep_v, "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = this(a);
    let me = native_str(a.pos[0]);
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => {
            let x = pystr::new(vm, &s[..i]);
            let y = pystr::new(vm, &s[i + sep.len()..]);
            let sv = if sep_v.is_kind(stitch_core::layout::Kind::Str) {
                sep_v
            } else {
                pystr::new(vm, sep)
            };
            [x, sv, y]
        }
        None if reverse => [vm.empty_str, vm.empty_str, me],
        None => [me, vm.empty_str, vm.empty_str],
    };
    Ok(tuple::new(vm, &parts))
}
fn str_partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition(vm, a, "str.partition", false)
}
fn str_rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition(vm, a, "str.rpartition", true)
}

/// strip/lstrip/rstrip: `which` is 0 both, 1 left, 2 right.
fn strip(vm: &mut Vm, a: &Args, name: &str, which: u8) -> PyResult<Value> {
    super::strings::str_pos_args(vm, a, name, 0, 1)?;
    let chars = match a.pos.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match pystr::text_of(*v) {
            Some(s) => Some(s),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let s = this(a);
    let r = match (chars, which) {
        (None, 0) => s.trim_matches(is_space),
        (None, 1) => s.trim_start_matches(is_space),
        (None, _) => s.trim_end_matches(is_space),
        (Some(c), 0) => s.trim_matches(|x| c.contains(x)),
        (Some(c), 1) => s.trim_start_matches(|x| c.contains(x)),
        (Some(c), _) => s.trim_end_matches(|x| c.contains(x)),
    };
    if r.len() == s.len() {
        return Ok(native_str(a.pos[0]));
    }
    Ok(pystr::new(vm, r))
}
fn str_strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "strip", 0)
}
fn str_lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "lstrip", 1)
}
fn str_rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip(vm, a, "rstrip", 2)
}

fn remove_affix(vm: &mut Vm, a: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let arg = super::strings::str_one_arg(vm, a, name)?;
    let Some(p) = pystr::text_of(arg) else {
        return Err(vm.type_error(format!(
            "{name}() argument must be str, not {}",
            super::strings::arg_type_name(vm, arg)
        )));
    };
    let s = this(a);
    let r = if suffix {
        s.strip_suffix(p)
    } else {
        s.strip_prefix(p)
    };
    match r {
        Some(r) if !p.is_empty() => Ok(pystr::new(vm, r)),
        _ => Ok(native_str(a.pos[0])),
    }
}
fn str_removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    remove_affix(vm, a, "removeprefix", false)
}
fn str_removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    remove_affix(vm, a, "removesuffix", true)
}
