//! `re.Match`: the spans of a successful match and the methods reading them
//! (`group`, `groups`, `groupdict`, `start`, `end`, `span`, `expand`, `regs`,
//! `lastindex`, `lastgroup`, ...), with CPython's messages.

use std::cell::Cell;
use std::rc::Rc;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::engine::{Char, State};
use super::pattern::Pattern;
use super::subject::{Data, Subject};
use super::util_args::{group_index, no_such_group};
use crate::builtins::bytes as bytes_builtins;
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::modules::util::{native_type, payload, this};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{bytes, dict, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub const TYPE: &str = "re.Match";

pub struct MatchObj {
    pub pattern: Value,
    pub string: Value,
    /// The code points of a non-ASCII str subject.
    wide: Option<Rc<[u32]>>,
    /// Start and end of every group, group 0 first; -1 when it did not take part.
    pub marks: Marks,
    pub pos: isize,
    pub endpos: isize,
    pub lastindex: isize,
    regs: Cell<Value>,
}

const INLINE: usize = 8;

/// The spans of a match, inline when there are few groups.
pub enum Marks {
    Inline(u8, [isize; INLINE]),
    Heap(Box<[isize]>),
}

impl std::ops::Deref for Marks {
    type Target = [isize];
    fn deref(&self) -> &[isize] {
        match self {
            Marks::Inline(n, a) => &a[..*n as usize],
            Marks::Heap(b) => b,
        }
    }
}

impl Marks {
    fn new(n: usize) -> Marks {
        if n <= INLINE {
            Marks::Inline(n as u8, [-1; INLINE])
        } else {
            Marks::Heap(vec![-1; n].into_boxed_slice())
        }
    }
    fn set(&mut self, i: usize, v: isize) {
        match self {
            Marks::Inline(_, a) => a[i] = v,
            Marks::Heap(b) => b[i] = v,
        }
    }
}

impl NativeData for MatchObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark(self.string);
        t.mark(self.regs.get());
    }
    native_any!();
}

impl MatchObj {
    pub fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    pub fn span(&self, g: usize) -> (isize, isize) {
        (self.marks[2 * g], self.marks[2 * g + 1])
    }

    /// The value of group `g`, or `default` when it did not take part.
    pub fn group(&self, vm: &mut Vm, g: usize, default: Value) -> PyResult<Value> {
        let (i, j) = self.span(g);
        if i < 0 || self.string.is_none() {
            return Ok(default);
        }
        Ok(slice_of(
            vm,
            self.string,
            self.wide.as_deref(),
            i as usize,
            j as usize,
        ))
    }
}

/// `string[i:j]` clamped to the current length (a bytearray may have shrunk).
fn slice_of(vm: &mut Vm, string: Value, wide: Option<&[u32]>, i: usize, j: usize) -> Value {
    if let Some(w) = wide {
        let (i, j) = (i.min(w.len()), j.min(w.len()));
        if i == 0 && j == w.len() && string.is_kind(Kind::Str) {
            return string;
        }
        let s: String = w[i..j].iter().filter_map(|&c| char::from_u32(c)).collect();
        return pystr::new(vm, &s);
    }
    if let Some(s) = pystr::text_of(string) {
        let b = s.as_bytes();
        let (i, j) = (i.min(b.len()), j.min(b.len()));
        if i == 0 && j == b.len() && string.is_kind(Kind::Str) {
            return string;
        }
        // The text is ASCII (otherwise `wide` is set).
        return pystr::new(vm, s.get(i..j).unwrap_or(""));
    }
    let b = bytes_builtins::buffer_of(string).unwrap_or(&[]);
    let (i, j) = (i.min(b.len()), j.min(b.len()));
    if i == 0 && j == b.len() && string.is_kind(Kind::Bytes) {
        return string;
    }
    let part = b[i..j].to_vec();
    bytes::new(vm, &part)
}

pub fn match_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get(TYPE) {
        return *t;
    }
    let t = native_type(vm, "re", "Match", false);
    add_static(vm, t, &[("__new__", no_new)]);
    add_methods(
        vm,
        t,
        &[
            ("group", group),
            ("__getitem__", getitem),
            ("groups", groups),
            ("groupdict", groupdict),
            ("start", start),
            ("end", end),
            ("span", span),
            ("expand", expand),
            ("__repr__", repr),
            ("__copy__", copy),
            ("__deepcopy__", deepcopy),
        ],
    );
    add_getsets(
        vm,
        t,
        &[
            ("lastindex", lastindex, None),
            ("lastgroup", lastgroup, None),
            ("regs", regs, None),
            ("string", string, Some(readonly)),
            ("re", re, Some(readonly)),
            ("pos", pos, Some(readonly)),
            ("endpos", endpos, Some(readonly)),
        ],
    );
    crate::modules::util::add_class_getitem(vm, t);
    t
}

fn no_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 're.Match' instances"))
}

/// The setter of a read-only member (CPython's `READONLY` members).
pub fn readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.new_error(vm.exc.attribute_error, "readonly attribute"))
}

/// Rejects keywords with the `Match.name()` wording of METH_VARARGS methods.
fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("Match.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// A match object for the successful attempt of `st`.
pub fn new_match<C: Char>(
    vm: &mut Vm,
    pattern: Value,
    subj: &Subject,
    st: &State<C>,
    pos: isize,
    endpos: isize,
) -> PyResult<Value> {
    let (groups, ty) = match payload::<Pattern>(pattern) {
        Some(p) => (p.groups, p.match_type),
        None => (0, match_type(vm)),
    };
    let mut marks = Marks::new(2 * (groups + 1));
    marks.set(0, st.start);
    marks.set(1, st.ptr);
    for g in 1..=groups {
        if let Some((a, b)) = st.group_span(g) {
            if a > b {
                return Err(vm.new_error(
                    vm.exc.system_error,
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            marks.set(2 * g, a);
            marks.set(2 * g + 1, b);
        }
    }
    let wide = match &subj.data {
        Data::Wide(w) => Some(w.clone()),
        _ => None,
    };
    let m = MatchObj {
        pattern,
        string: subj.obj,
        wide,
        marks,
        pos,
        endpos,
        lastindex: st.lastindex,
        regs: Cell::new(Value::NULL),
    };
    // The payload lives outside the heap: let it pace the collector.
    let heap_marks = if groups + 1 > INLINE / 2 {
        16 * (groups + 1)
    } else {
        0
    };
    crate::gc::note_external(std::mem::size_of::<MatchObj>() + heap_marks);
    Ok(native::new(vm, ty, Box::new(m)))
}

fn me(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'static MatchObj> {
    this::<MatchObj>(vm, a, TYPE, m)
}

fn index_of(vm: &mut Vm, m: &MatchObj, g: Value) -> PyResult<usize> {
    let gi = payload::<Pattern>(m.pattern).map_or(Value::NULL, |p| p.groupindex);
    match group_index(vm, gi, g)? {
        Some(i) if i < m.groups() => Ok(i),
        _ => Err(no_such_group(vm)),
    }
}

fn group(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "group")?;
    no_kw(vm, a, "group")?;
    let rest = &a.pos[1..];
    match rest.len() {
        0 => m.group(vm, 0, Value::NONE),
        1 => {
            let i = index_of(vm, m, rest[0])?;
            m.group(vm, i, Value::NONE)
        }
        _ => {
            let mut out = Rooted::new();
            for &g in rest {
                let i = index_of(vm, m, g)?;
                let v = m.group(vm, i, Value::NONE)?;
                out.push(v);
            }
            Ok(tuple::new(vm, &out))
        }
    }
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "__getitem__")?;
    if a.pos.len() != 2 || a.has_kwargs() {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.pos.len() - 1)));
    }
    let i = index_of(vm, m, a.pos[1])?;
    m.group(vm, i, Value::NONE)
}

fn default_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let [d] = args::parse::<1>(vm, &a.tail(), &args::Sig::new(name, &["default"], 0))?;
    Ok(if d.is_null() { Value::NONE } else { d })
}

fn groups(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "groups")?;
    let d = default_arg(vm, a, "groups")?;
    let mut out = Rooted::new();
    for g in 1..m.groups() {
        let v = m.group(vm, g, d)?;
        out.push(v);
    }
    Ok(tuple::new(vm, &out))
}

fn groupdict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "groupdict")?;
    let d = default_arg(vm, a, "groupdict")?;
    let result = dict::new(vm);
    let gi = payload::<Pattern>(m.pattern).map_or(Value::NULL, |p| p.groupindex);
    if gi.is_null() {
        return Ok(result);
    }
    let items = Rooted::from_vec(
        dict::items(gi)
            .into_iter()
            .flat_map(|(k, v)| [k, v])
            .collect(),
    );
    for pair in items.chunks(2) {
        let (k, n) = (pair[0], pair[1]);
        // The number the name maps to (looked up again only if it is not an int).
        let i = match int::to_i64(n) {
            Some(i) if i >= 0 && (i as usize) < m.groups() => i as usize,
            _ => index_of(vm, m, k)?,
        };
        let v = m.group(vm, i, d)?;
        dict::set(vm, result, k, v)?;
    }
    Ok(result)
}

fn group_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(&'static MatchObj, usize)> {
    let m = me(vm, a, name)?;
    no_kw(vm, a, name)?;
    args::count(vm, &a.tail(), name, 0, 1)?;
    let i = match a.pos.get(1) {
        Some(&g) => index_of(vm, m, g)?,
        None => 0,
    };
    Ok((m, i))
}

fn start(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (m, i) = group_arg(vm, a, "start")?;
    Ok(int::from_i64(vm, m.span(i).0 as i64))
}

fn end(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (m, i) = group_arg(vm, a, "end")?;
    Ok(int::from_i64(vm, m.span(i).1 as i64))
}

fn pair(vm: &mut Vm, (x, y): (isize, isize)) -> Value {
    let (x, y) = (int::from_i64(vm, x as i64), int::from_i64(vm, y as i64));
    tuple::new(vm, &[x, y])
}

fn span(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (m, i) = group_arg(vm, a, "span")?;
    Ok(pair(vm, m.span(i)))
}

fn expand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "expand")?;
    let [template] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("expand", &["template"], 1))?;
    let re = crate::import::import_module(vm, "re")?;
    let f = vm.getattr_str(re, "_expand")?;
    vm.call(f, &[m.pattern, a.pos[0], template])
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a, "__repr__")?;
    let g0 = m.group(vm, 0, Value::NONE)?;
    let r = vm.repr_string(g0)?;
    let r: String = r.chars().take(50).collect();
    let name = vm.type_name(a.pos[0]);
    let (s, e) = m.span(0);
    Ok(pystr::new(
        vm,
        &format!("<{name} object; span=({s}, {e}), match={r}>"),
    ))
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__copy__")?;
    Ok(a.pos[0])
}

fn deepcopy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__deepcopy__")?;
    args::count(vm, &a.tail(), "__deepcopy__", 1, 1)?;
    Ok(a.pos[0])
}

fn get(vm: &mut Vm, v: Value) -> PyResult<&'static MatchObj> {
    match payload::<MatchObj>(v) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor for 're.Match' objects doesn't apply")),
    }
}

fn lastindex(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = get(vm, v)?;
    Ok(if m.lastindex >= 0 {
        Value::small(m.lastindex as i64)
    } else {
        Value::NONE
    })
}

fn lastgroup(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = get(vm, v)?;
    let ig = payload::<Pattern>(m.pattern).map_or(Value::NULL, |p| p.indexgroup);
    if !ig.is_null() && m.lastindex >= 0 {
        let items = tuple::items(ig);
        if let Some(&name) = items.get(m.lastindex as usize) {
            return Ok(name);
        }
    }
    Ok(Value::NONE)
}

fn regs(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = get(vm, v)?;
    let cached = m.regs.get();
    if !cached.is_null() {
        return Ok(cached);
    }
    let mut out = Rooted::new();
    for g in 0..m.groups() {
        let p = pair(vm, m.span(g));
        out.push(p);
    }
    let t = tuple::new(vm, &out);
    m.regs.set(t);
    Ok(t)
}

fn string(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(get(vm, v)?.string)
}

fn re(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(get(vm, v)?.pattern)
}

fn pos(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let p = get(vm, v)?.pos;
    Ok(int::from_i64(vm, p as i64))
}

fn endpos(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let p = get(vm, v)?.endpos;
    Ok(int::from_i64(vm, p as i64))
}
