//! `collections.deque`: a double-ended queue with an optional `maxlen`, every
//! method of CPython's, its iterators (which detect mutation), comparisons,
//! concatenation and repetition, and CPython's error messages.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::util::{iterator_methods, native_type, new_for_class, payload, this};
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::{self, NativeData};
use crate::object::{dict, int, list, str as pystr, tuple, types};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every mutation (iterators compare it).
    state: Cell<u64>,
}

impl NativeData for Deque {
    fn trace(&self, t: &mut Tracer) {
        for v in self.items.borrow().iter() {
            t.mark(*v);
        }
    }
    native_any!();
}

impl Deque {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).copied()
    }
    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn push_back(&self, v: Value) {
        let mut it = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        it.push_back(v);
        if let Some(m) = self.maxlen.get()
            && it.len() > m
        {
            it.pop_front();
        }
        drop(it);
        self.touch();
    }
    fn push_front(&self, v: Value) {
        let mut it = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        it.push_front(v);
        if let Some(m) = self.maxlen.get()
            && it.len() > m
        {
            it.pop_back();
        }
        drop(it);
        self.touch();
    }
    fn snapshot(&self) -> Rooted {
        Rooted::from_vec(self.items.borrow().iter().copied().collect())
    }
}

const TYPE: &str = "collections.deque";

pub fn deque_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get(TYPE) {
        return *t;
    }
    let t = native_type(vm, "collections", "deque", true);
    add_static(vm, t, &[("__new__", deque_new)]);
    let defs: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__len__", len),
        ("__bool__", bool_),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__repr__", repr),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__reduce__", reduce),
    ];
    add_methods(vm, t, defs);
    add_getsets(vm, t, &[("maxlen", maxlen_get, None)]);
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(t).dict, k, Value::NONE);
    super::util::add_class_getitem(vm, t);
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let it = native_type(vm, "_collections", name, false);
        iterator_methods(vm, it);
        add_methods(vm, it, &[("__length_hint__", iter_length_hint)]);
    }
    t
}

fn me(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'static Deque> {
    this::<Deque>(vm, a, TYPE, m)
}

fn mutated(vm: &mut Vm) -> PyErr {
    vm.runtime_error("deque mutated during iteration")
}

fn deque_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = deque_type(vm);
    let cls = super::util::new_cls(vm, a, base)?;
    let d = Deque {
        items: RefCell::new(VecDeque::new()),
        maxlen: Cell::new(None),
        state: Cell::new(0),
    };
    Ok(new_for_class(vm, cls, base, Box::new(d)))
}

fn deque_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__init__")?;
    let given = a.pos.len() - 1 + a.kwnames.len();
    if given > 2 {
        return Err(vm.type_error(format!("deque() takes at most 2 arguments ({given} given)")));
    }
    let [iterable, maxlen] = args::parse::<2>(
        vm,
        &a.tail(),
        &args::Sig::new("deque", &["iterable", "maxlen"], 0),
    )?;
    let m = if maxlen.is_null() || maxlen.is_none() {
        None
    } else {
        if !int::is_int(maxlen) && int::native(maxlen).is_none() {
            return Err(vm.type_error("an integer is required"));
        }
        let n = int::to_i64_clamped(maxlen);
        if n < 0 {
            return Err(vm.value_error("maxlen must be non-negative"));
        }
        Some(n as usize)
    };
    d.maxlen.set(m);
    if d.len() > 0 {
        d.items.borrow_mut().clear();
        d.touch();
    }
    if !iterable.is_null() {
        extend_from(vm, d, a.pos[0], iterable, false)?;
    }
    Ok(Value::NONE)
}

fn extend_from(vm: &mut Vm, d: &Deque, this: Value, iterable: Value, left: bool) -> PyResult<()> {
    if iterable == this || payload::<Deque>(iterable).is_some_and(|o| std::ptr::eq(o, d)) {
        let items = d.snapshot();
        for v in items.iter() {
            if left {
                d.push_front(*v)
            } else {
                d.push_back(*v)
            }
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(it)? {
        if left {
            d.push_front(v)
        } else {
            d.push_back(v)
        }
    }
    Ok(())
}

fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("deque.{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "deque.{name}() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    Ok(a.pos[1])
}

fn no_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.pos.len() != 1 || a.has_kwargs() {
        return Err(vm.type_error(format!(
            "deque.{name}() takes no arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    Ok(())
}

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "append")?;
    let v = one_arg(vm, a, "append")?;
    d.push_back(v);
    Ok(Value::NONE)
}

fn appendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "appendleft")?;
    let v = one_arg(vm, a, "appendleft")?;
    d.push_front(v);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "pop")?;
    no_arg(vm, a, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.touch();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn popleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "popleft")?;
    no_arg(vm, a, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.touch();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "extend")?;
    let v = one_arg(vm, a, "extend")?;
    extend_from(vm, d, a.pos[0], v, false)?;
    Ok(Value::NONE)
}

fn extendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "extendleft")?;
    let v = one_arg(vm, a, "extendleft")?;
    extend_from(vm, d, a.pos[0], v, true)?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "clear")?;
    no_arg(vm, a, "clear")?;
    d.items.borrow_mut().clear();
    d.touch();
    Ok(Value::NONE)
}

/// A new deque of the same type with the same maxlen and `items`.
fn same_kind(vm: &mut Vm, this: Value, d: &Deque, items: &[Value]) -> PyResult<Value> {
    let t = vm.type_of(this);
    let base = deque_type(vm);
    if t == base {
        let nd = Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(d.maxlen.get()),
            state: Cell::new(0),
        };
        for v in items {
            nd.push_back(*v);
        }
        return Ok(native::new(vm, base, Box::new(nd)));
    }
    let l = list::new(vm, items);
    match d.maxlen.get() {
        Some(m) => {
            let mv = int::from_u64(vm, m as u64);
            vm.call(t, &[l, mv])
        }
        None => vm.call(t, &[l]),
    }
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "copy")?;
    let items = d.snapshot();
    same_kind(vm, a.pos[0], d, &items)
}

/// Iterates with mutation checks, calling `f` on each item until it says stop.
fn scan(
    vm: &mut Vm,
    d: &Deque,
    mut f: impl FnMut(&mut Vm, usize, Value) -> PyResult<bool>,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let n = d.len();
    for i in 0..n {
        let Some(v) = d.get(i) else {
            return Err(mutated(vm));
        };
        let stop = f(vm, i, v)?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if stop {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "count")?;
    let x = one_arg(vm, a, "count")?;
    let mut n = 0i64;
    scan(vm, d, |vm, _, v| {
        if v == x || vm.eq_bool(v, x)? {
            n += 1;
        }
        Ok(false)
    })?;
    Ok(Value::small(n))
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__contains__")?;
    let x = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let found = scan(vm, d, |vm, _, v| Ok(v == x || vm.eq_bool(v, x)?))?;
    Ok(Value::from_bool(found.is_some()))
}

fn not_in(vm: &mut Vm, x: Value) -> PyErr {
    match vm.repr_string(x) {
        Ok(r) => vm.value_error(format!("{r} is not in deque")),
        Err(e) => e,
    }
}

/// A slice bound for index(): negative counts from the end, clamped.
fn bound(vm: &mut Vm, v: Option<Value>, n: usize, default: i64) -> PyResult<usize> {
    let i = match v {
        None => default,
        Some(v) => {
            let iv = vm.index(v)?;
            int::to_i64_clamped(iv)
        }
    };
    let i = if i < 0 { (i + n as i64).max(0) } else { i };
    Ok((i as u64).min(n as u64) as usize)
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "index")?;
    args::count(vm, &a.tail(), "index", 1, 3)?;
    let x = a.pos[1];
    let n = d.len();
    let start = bound(vm, a.pos.get(2).copied(), n, 0)?;
    let stop = bound(vm, a.pos.get(3).copied(), n, i64::MAX)?;
    let state = d.state.get();
    for i in start..stop {
        let Some(v) = d.get(i) else { break };
        let hit = v == x || vm.eq_bool(v, x)?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if hit {
            return Ok(Value::small(i as i64));
        }
    }
    Err(not_in(vm, x))
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "insert")?;
    args::count(vm, &a.tail(), "insert", 2, 2)?;
    let iv = vm.index(a.pos[1])?;
    let i = int::to_i64_clamped(iv);
    let n = d.len();
    if d.maxlen.get() == Some(n) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let pos = if i < 0 {
        (i + n as i64).max(0) as usize
    } else {
        (i as u64).min(n as u64) as usize
    };
    d.items.borrow_mut().insert(pos, a.pos[2]);
    d.touch();
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "remove")?;
    let x = one_arg(vm, a, "remove")?;
    let state = d.state.get();
    let n = d.len();
    for i in 0..n {
        let Some(v) = d.get(i) else { break };
        let hit = v == x || vm.eq_bool(v, x)?;
        if d.state.get() != state {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if hit {
            d.items.borrow_mut().remove(i);
            d.touch();
            return Ok(Value::NONE);
        }
    }
    Err(not_in(vm, x))
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "reverse")?;
    no_arg(vm, a, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    d.touch();
    Ok(Value::NONE)
}

fn rotate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "rotate")?;
    args::count(vm, &a.tail(), "rotate", 0, 1)?;
    let k = match a.pos.get(1) {
        Some(&v) => {
            if v.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let iv = vm.index(v)?;
            int::to_i64_clamped(iv)
        }
        None => 1,
    };
    let n = d.len();
    if n > 1 {
        let r = k.rem_euclid(n as i64) as usize;
        d.items.borrow_mut().rotate_right(r);
    }
    d.touch();
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__len__")?;
    Ok(Value::small(d.len() as i64))
}

fn bool_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__bool__")?;
    Ok(Value::from_bool(d.len() > 0))
}

/// A position from an index argument (negative from the end).
fn position(vm: &mut Vm, d: &Deque, k: Value) -> PyResult<usize> {
    if k.is_float() || (!int::is_int(k) && vm.lookup_special(k, vm.names.index).is_none()) {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(k)
        )));
    }
    let iv = vm.index(k)?;
    let i = int::to_i64_clamped(iv);
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__getitem__")?;
    let k = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let i = position(vm, d, k)?;
    d.get(i)
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__setitem__")?;
    args::count(vm, &a.tail(), "__setitem__", 2, 2)?;
    let i = position(vm, d, a.pos[1])?;
    if let Some(slot) = d.items.borrow_mut().get_mut(i) {
        *slot = a.pos[2];
    }
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__delitem__")?;
    let k = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let i = position(vm, d, k)?;
    d.items.borrow_mut().remove(i);
    d.touch();
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__repr__")?;
    let this = a.pos[0];
    let name = super::util::short_name(vm.type_of(this)).to_string();
    if vm.repr_guard.contains(&this) {
        return Ok(pystr::new(vm, "[...]"));
    }
    vm.repr_guard.push(this);
    let items = d.snapshot();
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for v in items.iter() {
            parts.push(vm.repr_string(*v)?);
        }
        Ok(parts.join(", "))
    })();
    if let Some(i) = vm.repr_guard.iter().rposition(|x| *x == this) {
        vm.repr_guard.remove(i);
    }
    let inner = r?;
    let s = match d.maxlen.get() {
        Some(m) => format!("{name}([{inner}], maxlen={m})"),
        None => format!("{name}([{inner}])"),
    };
    Ok(pystr::new(vm, &s))
}

fn compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    let d = me(vm, a, "__eq__")?;
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let base = deque_type(vm);
    let Some(o) = payload::<Deque>(other).filter(|_| vm.is_instance_of(other, base)) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = (d.snapshot(), o.snapshot());
    if (op == cmpop::EQ || op == cmpop::NE) && x.len() != y.len() {
        return Ok(Value::from_bool(op == cmpop::NE));
    }
    for i in 0..x.len().min(y.len()) {
        if x[i] == y[i] {
            continue;
        }
        if !vm.eq_bool(x[i], y[i])? {
            return match op {
                cmpop::EQ => Ok(Value::FALSE),
                cmpop::NE => Ok(Value::TRUE),
                _ => vm.compare(x[i], y[i], op),
            };
        }
    }
    let (n, m) = (x.len(), y.len());
    Ok(Value::from_bool(match op {
        cmpop::LT => n < m,
        cmpop::LE => n <= m,
        cmpop::EQ => n == m,
        cmpop::NE => n != m,
        cmpop::GT => n > m,
        _ => n >= m,
    }))
}

macro_rules! cmp_fns {
    ($($f:ident => $op:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> { compare(vm, a, $op) })*
    };
}
cmp_fns!(lt => cmpop::LT, le => cmpop::LE, eq => cmpop::EQ, ne => cmpop::NE, gt => cmpop::GT, ge => cmpop::GE);

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__add__")?;
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let base = deque_type(vm);
    let Some(o) = payload::<Deque>(other).filter(|_| vm.is_instance_of(other, base)) else {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(other)
        )));
    };
    let mut items = d.snapshot();
    items.extend(o.snapshot().iter());
    let r = same_kind(vm, a.pos[0], d, &[])?;
    if let Some(rd) = payload::<Deque>(r) {
        for v in items.iter() {
            rd.push_back(*v);
        }
    }
    Ok(r)
}

fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__iadd__")?;
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    extend_from(vm, d, a.pos[0], other, false)?;
    Ok(a.pos[0])
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_float() || (!int::is_int(v) && vm.lookup_special(v, vm.names.index).is_none()) {
        return Ok(None);
    }
    let iv = vm.index(v)?;
    Ok(Some(int::to_i64_clamped(iv)))
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__mul__")?;
    let nv = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_count(vm, nv)? else {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(nv)
        )));
    };
    let items = d.snapshot();
    let r = same_kind(vm, a.pos[0], d, &[])?;
    if let Some(rd) = payload::<Deque>(r) {
        for _ in 0..reps(rd, n, items.len()) {
            for v in items.iter() {
                rd.push_back(*v);
            }
        }
    }
    Ok(r)
}

/// How many repetitions matter: with a maxlen, only the last few cycles stay.
fn reps(d: &Deque, n: i64, len: usize) -> i64 {
    match d.maxlen.get() {
        Some(m) if len > 0 => n.max(0).min((m / len + 2) as i64),
        _ => n.max(0),
    }
}

fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__imul__")?;
    let nv = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let Some(n) = repeat_count(vm, nv)? else {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(nv)
        )));
    };
    let items = d.snapshot();
    if n <= 0 {
        d.items.borrow_mut().clear();
    } else {
        for _ in 1..reps(d, n, items.len()) {
            for v in items.iter() {
                d.push_back(*v);
            }
        }
    }
    d.touch();
    Ok(a.pos[0])
}

fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__reduce__")?;
    let t = vm.type_of(a.pos[0]);
    let empty = vm.empty_tuple;
    let args = match d.maxlen.get() {
        Some(m) => {
            let mv = int::from_u64(vm, m as u64);
            tuple::new(vm, &[empty, mv])
        }
        None => empty,
    };
    let state = if a.pos[0].is_kind(stitch_core::layout::Kind::Instance) {
        vm.getattr(a.pos[0], vm.names.dict)?
    } else {
        Value::NONE
    };
    let it = iter(vm, &Args::new(&a.pos[..1]))?;
    Ok(tuple::new(vm, &[t, args, state, it]))
}

fn maxlen_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<Deque>(v).and_then(|d| d.maxlen.get()) {
        Some(m) => Ok(int::from_u64(vm, m as u64)),
        None => Ok(Value::NONE),
    }
}

// ---- iterators ----

struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    reversed: bool,
}

impl NativeData for DequeIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.deque);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let Some(d) = payload::<Deque>(self.deque) else {
            return Some(Ok(None));
        };
        if d.state.get() != self.state {
            self.index.set(usize::MAX);
            return Some(Err(mutated(vm)));
        }
        let i = self.index.get();
        let n = d.len();
        if i >= n {
            return Some(Ok(None));
        }
        self.index.set(i + 1);
        let at = if self.reversed { n - 1 - i } else { i };
        Some(Ok(d.get(at)))
    }
    native_any!();
}

fn make_iter(vm: &mut Vm, a: &Args, reversed: bool) -> PyResult<Value> {
    let d = me(vm, a, "__iter__")?;
    let name = if reversed {
        "_collections._deque_reverse_iterator"
    } else {
        "_collections._deque_iterator"
    };
    deque_type(vm);
    let ty = vm.registry[name];
    let data = DequeIter {
        deque: a.pos[0],
        index: Cell::new(0),
        state: d.state.get(),
        reversed,
    };
    Ok(native::new(vm, ty, Box::new(data)))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make_iter(vm, a, false)
}

fn reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make_iter(vm, a, true)
}

fn iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = a.pos[0];
    let Some(di) = payload::<DequeIter>(it) else {
        return Ok(Value::small(0));
    };
    let n = payload::<Deque>(di.deque).map(|d| d.len()).unwrap_or(0);
    let _ = vm;
    Ok(Value::small(n.saturating_sub(di.index.get()) as i64))
}
