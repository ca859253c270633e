//! The matching methods of `re.Pattern`: `match`, `fullmatch`, `search`,
//! `findall`, `finditer`, `scanner`, `split`, `sub` and `subn`.

use stitch_core::value::Value;

use super::engine::{Char, State};
use super::matchobj::new_match;
use super::pattern::{Pattern, me};
use super::scanner;
use super::subject::{Subject, clamp};
use super::util_args::ssize;
use crate::builtins::bytes as bytes_builtins;
use crate::builtins::args;
use crate::gc::Rooted;
use crate::modules::util::is_callable;
use crate::object::{bytes, int, list, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};
use crate::with_text;

pub fn add_methods(vm: &mut Vm, t: Value) {
    crate::builtins::add_methods(
        vm,
        t,
        &[
            ("match", pmatch),
            ("fullmatch", fullmatch),
            ("search", search),
            ("findall", findall),
            ("finditer", finditer),
            ("scanner", scanner_new),
            ("split", split),
            ("sub", sub),
            ("subn", subn),
        ],
    );
}

/// `(string, pos, endpos)` of a method.
fn string_span(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, i64, i64)> {
    let sig = args::Sig::new(name, &["string", "pos", "endpos"], 1);
    let [s, pos, endpos] = args::parse::<3>(vm, &a.tail(), &sig)?;
    let pos = ssize(vm, pos, 0)?;
    let endpos = ssize(vm, endpos, i64::MAX)?;
    Ok((s, pos, endpos))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn one<C: Char>(
    vm: &mut Vm,
    pv: Value,
    p: &Pattern,
    subj: &Subject,
    t: &[C],
    (start, end): (isize, isize),
    mode: Mode,
) -> PyResult<Value> {
    let mut st = State::new(t, start, end, p.groups);
    let ok = match mode {
        Mode::Match => st.match_here(vm, &p.prog)?,
        Mode::Full => {
            st.match_all = true;
            st.match_here(vm, &p.prog)?
        }
        Mode::Search => st.search(vm, &p.prog)?,
    };
    if ok { new_match(vm, pv, subj, &st, start, end) } else { Ok(Value::NONE) }
}

fn run_one(vm: &mut Vm, a: &Args, name: &str, mode: Mode) -> PyResult<Value> {
    let p = me(vm, a, name)?;
    let (s, pos, endpos) = string_span(vm, a, name)?;
    let subj = p.subject(vm, s)?;
    let span = (clamp(pos, subj.len()), clamp(endpos, subj.len()));
    let pv = a.pos[0];
    with_text!(subj, t => one(vm, pv, p, &subj, t, span, mode))
}

fn pmatch(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    run_one(vm, a, "match", Mode::Match)
}

fn fullmatch(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    run_one(vm, a, "fullmatch", Mode::Full)
}

fn search(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    run_one(vm, a, "search", Mode::Search)
}

/// Group `g` of the current match of `st` (`empty` for a missing one, or None).
fn group_value<C: Char>(vm: &mut Vm, subj: &Subject, st: &State<C>, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((a, b)) if a <= b => subj.slice(vm, a as usize, b as usize),
        _ if empty => subj.empty(vm),
        _ => Value::NONE,
    }
}

fn findall_in<C: Char>(vm: &mut Vm, p: &Pattern, subj: &Subject, t: &[C], span: (isize, isize)) -> PyResult<Value> {
    let out = list::new(vm, &[]);
    let mut st = State::new(t, span.0, span.1, p.groups);
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !st.search(vm, &p.prog)? {
            break;
        }
        let item = match p.groups {
            0 => subj.slice(vm, st.start as usize, st.ptr as usize),
            1 => group_value(vm, subj, &st, 1, true),
            n => {
                let mut parts = Rooted::new();
                for g in 1..=n {
                    let v = group_value(vm, subj, &st, g, true);
                    parts.push(v);
                }
                tuple::new(vm, &parts)
            }
        };
        list::push(list::vec(out), item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(out)
}

fn findall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "findall")?;
    let (s, pos, endpos) = string_span(vm, a, "findall")?;
    let subj = p.subject(vm, s)?;
    let span = (clamp(pos, subj.len()), clamp(endpos, subj.len()));
    with_text!(subj, t => findall_in(vm, p, &subj, t, span))
}

fn scanner_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "scanner")?;
    let (s, pos, endpos) = string_span(vm, a, "scanner")?;
    scanner::new(vm, a.pos[0], p, s, pos, endpos)
}

fn finditer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "finditer")?;
    let (s, pos, endpos) = string_span(vm, a, "finditer")?;
    let sc = scanner::new(vm, a.pos[0], p, s, pos, endpos)?;
    let f = vm.getattr_str(sc, "search")?;
    let ty = vm.registry["callable_iterator"];
    Ok(crate::object::native::new(
        vm,
        ty,
        Box::new(crate::object::iterators::CallIter { func: std::cell::Cell::new(f), sentinel: Value::NONE }),
    ))
}

fn split_in<C: Char>(vm: &mut Vm, p: &Pattern, subj: &Subject, t: &[C], maxsplit: i64) -> PyResult<Value> {
    let out = list::new(vm, &[]);
    let mut st = State::new(t, 0, t.len() as isize, p.groups);
    let mut n = 0i64;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !st.search(vm, &p.prog)? {
            break;
        }
        let v = subj.slice(vm, last as usize, st.start as usize);
        list::push(list::vec(out), v);
        for g in 1..=p.groups {
            let v = group_value(vm, subj, &st, g, false);
            list::push(list::vec(out), v);
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.start;
    }
    let v = subj.slice(vm, last as usize, st.end as usize);
    list::push(list::vec(out), v);
    Ok(out)
}

fn split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "split")?;
    let [s, maxsplit] = args::parse::<2>(vm, &a.tail(), &args::Sig::new("split", &["string", "maxsplit"], 1))?;
    let maxsplit = ssize(vm, maxsplit, 0)?;
    let subj = p.subject(vm, s)?;
    with_text!(subj, t => split_in(vm, p, &subj, t, maxsplit))
}

/// What replaces each match.
enum Filter {
    Literal(Value),
    Callable(Value),
}

/// The pieces of the result.
enum Out {
    Text(String),
    Bytes(Vec<u8>),
    Values(Rooted),
}

impl Out {
    fn segment(&mut self, vm: &mut Vm, subj: &Subject, i: usize, j: usize) {
        match self {
            Out::Text(s) => match &subj.data {
                super::subject::Data::Wide(w) => s.extend(w[i..j].iter().filter_map(|&c| char::from_u32(c))),
                super::subject::Data::Narrow(b) => s.push_str(std::str::from_utf8(&b[i..j]).unwrap_or("")),
                super::subject::Data::Owned(_) => {}
            },
            Out::Bytes(out) => match &subj.data {
                super::subject::Data::Narrow(b) => out.extend_from_slice(&b[i..j]),
                super::subject::Data::Owned(b) => out.extend_from_slice(&b[i..j]),
                super::subject::Data::Wide(_) => {}
            },
            Out::Values(vs) => {
                let v = subj.slice(vm, i, j);
                vs.push(v);
            }
        }
    }
}

fn is_literal_template(t: Value) -> Option<bool> {
    if let Some(s) = pystr::text_of(t) {
        return Some(!s.contains('\\'));
    }
    bytes_builtins::buffer_of(t).map(|b| !b.contains(&b'\\'))
}

fn subx_in<C: Char>(
    vm: &mut Vm,
    pv: Value,
    p: &Pattern,
    subj: &Subject,
    t: &[C],
    filter: &Filter,
    count: i64,
) -> PyResult<(Value, i64)> {
    let end = t.len() as isize;
    let mut out = match filter {
        Filter::Literal(l) if !subj.is_bytes && pystr::text_of(*l).is_some() => Out::Text(String::new()),
        Filter::Literal(l) if subj.is_bytes && bytes_builtins::buffer_of(*l).is_some() => Out::Bytes(Vec::new()),
        _ => Out::Values(Rooted::new()),
    };
    let mut st = State::new(t, 0, end, p.groups);
    let (mut i, mut n) = (0isize, 0i64);
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !st.search(vm, &p.prog)? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            out.segment(vm, subj, i as usize, b as usize);
        }
        match (filter, &mut out) {
            (Filter::Literal(l), Out::Text(s)) => s.push_str(pystr::text_of(*l).unwrap_or("")),
            (Filter::Literal(l), Out::Bytes(o)) => o.extend_from_slice(bytes_builtins::buffer_of(*l).unwrap_or(&[])),
            (Filter::Literal(l), Out::Values(vs)) => {
                if !l.is_none() {
                    vs.push(*l);
                }
            }
            (Filter::Callable(f), _) => {
                let m = new_match(vm, pv, subj, &st, 0, end)?;
                let item = vm.call(*f, &[m])?;
                // A callable filter always collects values.
                if let (false, Out::Values(vs)) = (item.is_none(), &mut out) {
                    vs.push(item);
                }
            }
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < end {
        out.segment(vm, subj, i as usize, end as usize);
    }
    let result = match out {
        Out::Text(s) => pystr::new(vm, &s),
        Out::Bytes(b) => bytes::new(vm, &b),
        Out::Values(vs) => join(vm, subj, &vs)?,
    };
    Ok((result, n))
}

/// `joiner.join(items)` with the messages of str.join and bytes.join.
fn join(vm: &mut Vm, subj: &Subject, items: &[Value]) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(subj.empty(vm));
    }
    if subj.is_bytes {
        let mut out = Vec::new();
        for (k, &v) in items.iter().enumerate() {
            match bytes_builtins::buffer_of(v) {
                Some(b) => out.extend_from_slice(b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {k}: expected a bytes-like object, {} found",
                        vm.type_name(v)
                    )));
                }
            }
        }
        if items.len() == 1 && items[0].is_kind(stitch_core::layout::Kind::Bytes) {
            return Ok(items[0]);
        }
        return Ok(bytes::new(vm, &out));
    }
    let mut out = String::new();
    for (k, &v) in items.iter().enumerate() {
        match pystr::text_of(v) {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {k}: expected str instance, {} found",
                    vm.type_name(v)
                )));
            }
        }
    }
    if items.len() == 1 && items[0].is_kind(stitch_core::layout::Kind::Str) {
        return Ok(items[0]);
    }
    Ok(pystr::new(vm, &out))
}

fn subx(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, i64)> {
    let p = me(vm, a, name)?;
    let sig = args::Sig::new(name, &["repl", "string", "count"], 2);
    let [repl, s, count] = args::parse::<3>(vm, &a.tail(), &sig)?;
    let count = ssize(vm, count, 0)?;
    let pv = a.pos[0];
    let filter = if is_callable(vm, repl) {
        Filter::Callable(repl)
    } else if is_literal_template(repl) == Some(true) {
        Filter::Literal(repl)
    } else {
        let re = crate::import::import_module(vm, "re")?;
        let f = vm.getattr_str(re, "_subx")?;
        let filter = vm.call(f, &[pv, repl])?;
        if is_callable(vm, filter) { Filter::Callable(filter) } else { Filter::Literal(filter) }
    };
    let keep = match &filter {
        Filter::Literal(v) | Filter::Callable(v) => *v,
    };
    let subj = p.subject(vm, s)?;
    let r = with_text!(subj, t => subx_in(vm, pv, p, &subj, t, &filter, count));
    std::hint::black_box(keep);
    r
}

fn sub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    subx(vm, a, "sub").map(|(v, _)| v)
}

fn subn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, n) = subx(vm, a, "subn")?;
    let n = int::from_i64(vm, n);
    Ok(tuple::new(vm, &[v, n]))
}
