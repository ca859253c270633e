//! `list` methods and operators, its iterators' methods, and `list.sort`.

use stitch_core::instr::cmpop;
use stitch_core::layout::{Kind, ListIterObj};
use stitch_core::value::Value;

use super::{class_getitem, for_class, native_of, no_args, one_arg, pos_args, slot_args};
use crate::builtins::{add_classmethods, add_methods, add_static};
use crate::gc::Rooted;
use crate::object::iterators::ListRevIter;
use crate::object::{ValueExt, int, list, native, str as pystr, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let l = vm.types.list;
    add_static(vm, l, &[("__new__", list_new)]);
    add_methods(
        vm,
        l,
        &[
            ("__init__", list_init),
            ("__repr__", list_repr),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__contains__", list_contains),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
            ("__add__", list_add),
            ("__iadd__", list_iadd),
            ("__mul__", list_mul),
            ("__rmul__", list_mul),
            ("__imul__", list_imul),
            ("__sizeof__", list_sizeof),
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_classmethods(vm, l, &[("__class_getitem__", class_getitem)]);
    crate::object::dict::set_str(types::ty(l).dict, vm.names.hash, Value::NONE);
    let li = vm.types.list_iterator;
    add_methods(vm, li, &[("__length_hint__", list_iter_length_hint)]);
    let ri = vm.new_native_type("list_reverseiterator");
    add_methods(
        vm,
        ri,
        &[
            ("__iter__", super::iters::iter_self),
            ("__next__", super::iters::iter_next),
            ("__length_hint__", rev_iter_length_hint),
        ],
    );
}

/// The native list behind `self`.
fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match list::native(v) {
        Some(l) => Ok(l),
        None => Err(super::wrong_self(vm, "list", v)),
    }
}

fn items_of(v: Value) -> &'static [Value] {
    list::items(v)
}

fn list_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a, vm.types.list)?;
    let l = list::new(vm, &[]);
    Ok(for_class(vm, cls, vm.types.list, l))
}

fn list_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = this(vm, a)?;
    let rest = pos_args(vm, a, "list", 0, 1)?;
    list::set_items(list::vec(l), &[]);
    if let Some(&iterable) = rest.first() {
        extend(vm, l, iterable)?;
    }
    Ok(Value::NONE)
}

fn list_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = this(vm, a)?;
    if list::items(l).is_empty() {
        return Ok(pystr::new(vm, "[]"));
    }
    super::repr_guarded(vm, l, "[...]", |vm| {
        let inner = super::join_reprs(vm, || list::items(l))?;
        Ok(format!("[{inner}]"))
    })
}

fn list_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let l = this(vm, a)?;
    Ok(int::from_u64(vm, list::items(l).len() as u64))
}

fn list_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = one_arg(vm, a, "list.__getitem__")?;
    let l = this(vm, a)?;
    list::getitem(vm, l, k)
}

fn list_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 2)?;
    let l = this(vm, a)?;
    list::setitem(vm, l, a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}

fn list_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    list::delitem(vm, l, a.pos[1])?;
    Ok(Value::NONE)
}

/// `x in l`, comparing items while the list may change.
pub fn contains(vm: &mut Vm, l: Value, x: Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(&y) = list::items(l).get(i) {
        if super::same_or_eq(vm, y, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    contains(vm, l, a.pos[1]).map(Value::from_bool)
}

fn list_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let l = this(vm, a)?;
    vm.iter(l)
}

fn list_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list.__reversed__")?;
    let l = this(vm, a)?;
    Ok(reversed(vm, l))
}

/// `reversed(l)` for a list.
pub fn reversed(vm: &mut Vm, l: Value) -> Value {
    let ty = vm.registry["list_reverseiterator"];
    let n = list::items(l).len() as i64;
    native::new(
        vm,
        ty,
        Box::new(ListRevIter {
            list: l,
            index: std::cell::Cell::new(n - 1),
        }),
    )
}

fn compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    let Some(other) = list::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    super::compare_seqs(vm, l, other, items_of, op)
}

fn list_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::EQ)
}
fn list_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::NE)
}
fn list_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LT)
}
fn list_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LE)
}
fn list_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GT)
}
fn list_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GE)
}

fn list_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    let Some(other) = list::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let mut all = list::items(l).to_vec();
    all.extend_from_slice(list::items(other));
    Ok(list::new(vm, &all))
}

fn list_iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    extend(vm, l, a.pos[1])?;
    Ok(a.pos[0])
}

/// The repeat count of `seq * n` (`None` when `n` is not an integer).
pub fn repeat_count(vm: &mut Vm, n: Value, unit: usize) -> PyResult<Option<usize>> {
    if n.is_float() || !(int::is_int(n) || vm.lookup_special(n, vm.names.index).is_some()) {
        return Ok(None);
    }
    let i = vm.index(n)?;
    let count = match int::to_i64(i) {
        Some(c) => c.max(0) as usize,
        None if int::cmp(i, Value::small(0)).is_lt() => 0,
        None => {
            return Err(vm.overflow_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(n)
            )));
        }
    };
    if unit > 0 && count > (isize::MAX as usize / 8) / unit {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    if unit.saturating_mul(count) > (1 << 32) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    Ok(Some(count))
}

fn repeated(items: &[Value], count: usize) -> Vec<Value> {
    let mut all = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        all.extend_from_slice(items);
    }
    all
}

fn list_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    let n = list::items(l).len();
    // NotImplemented lets `seq * x` try `x.__rmul__` and report CPython's message.
    let Some(count) = repeat_count(vm, a.pos[1], n)? else {
        return Ok(vm.not_implemented);
    };
    let all = repeated(list::items(l), count);
    Ok(list::new(vm, &all))
}

fn list_imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let l = this(vm, a)?;
    let n = list::items(l).len();
    // NotImplemented lets `seq * x` try `x.__rmul__` and report CPython's message.
    let Some(count) = repeat_count(vm, a.pos[1], n)? else {
        return Ok(vm.not_implemented);
    };
    let all = repeated(list::items(l), count);
    list::set_items(list::vec(l), &all);
    Ok(a.pos[0])
}

fn list_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list.__sizeof__")?;
    let l = this(vm, a)?;
    let cap = list::vec(l).cap;
    Ok(int::from_u64(vm, 40 + 8 * cap as u64))
}

fn list_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "list.append")?;
    let l = this(vm, a)?;
    list::push(list::vec(l), x);
    Ok(Value::NONE)
}

/// `l.extend(iterable)`: items are appended as the iterable produces them.
pub fn extend(vm: &mut Vm, l: Value, iterable: Value) -> PyResult<()> {
    if iterable.is_kind(Kind::List) || iterable.is_kind(Kind::Tuple) {
        let items = vm.collect_iter(iterable)?;
        let v = list::vec(l);
        list::reserve(v, items.len());
        for x in items.iter() {
            list::push(v, *x);
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(it)? {
        list::push(list::vec(l), x);
    }
    Ok(())
}

fn list_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "list.extend")?;
    let l = this(vm, a)?;
    extend(vm, l, x)?;
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "list.pop", 0, 1)?;
    let l = this(vm, a)?;
    let i = match rest.first() {
        Some(v) => super::ssize_arg(vm, *v)?,
        None => -1,
    };
    let n = list::items(l).len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    match list::position(i, n) {
        Some(j) => Ok(list::remove_at(list::vec(l), j)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn list_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "list.insert", 2, 2)?;
    let l = this(vm, a)?;
    let i = super::ssize_arg(vm, rest[0])?;
    let n = list::items(l).len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    list::insert(list::vec(l), j as usize, rest[1]);
    Ok(Value::NONE)
}

fn list_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "list.remove")?;
    let l = this(vm, a)?;
    let mut i = 0;
    while let Some(&y) = list::items(l).get(i) {
        if super::same_or_eq(vm, y, x)? {
            if i < list::items(l).len() {
                list::remove_at(list::vec(l), i);
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

/// The `start` and `stop` of `index()`, clamped to a sequence of `n` items.
pub fn index_bounds(vm: &mut Vm, rest: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let n = n as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match rest.get(1) {
        Some(v) => clamp(super::slice_index_arg(vm, *v)?),
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => clamp(super::slice_index_arg(vm, *v)?),
        None => n,
    };
    Ok((start as usize, stop as usize))
}

fn list_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "list.index", 1, 3)?;
    let l = this(vm, a)?;
    let x = rest[0];
    let (start, stop) = index_bounds(vm, rest, list::items(l).len())?;
    let mut i = start;
    while i < stop {
        let Some(&y) = list::items(l).get(i) else {
            break;
        };
        if super::same_or_eq(vm, y, x)? {
            return Ok(int::from_u64(vm, i as u64));
        }
        i += 1;
    }
    let r = vm.repr_string(x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "list.count")?;
    let l = this(vm, a)?;
    let (mut i, mut c) = (0, 0u64);
    while let Some(&y) = list::items(l).get(i) {
        if super::same_or_eq(vm, y, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(int::from_u64(vm, c))
}

fn list_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list.reverse")?;
    let l = this(vm, a)?;
    let v = list::vec(l);
    let n = v.len;
    // SAFETY: ptr/len describe the list's initialised buffer.
    unsafe { std::slice::from_raw_parts_mut(v.ptr, n) }.reverse();
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list.copy")?;
    let l = this(vm, a)?;
    let items = list::items(l).to_vec();
    Ok(list::new(vm, &items))
}

fn list_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list.clear")?;
    let l = this(vm, a)?;
    list::free_items(list::vec(l));
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = this(vm, a)?;
    if a.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    if a.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "sort() takes at most 2 keyword arguments ({} given)",
            a.kwnames.len()
        )));
    }
    let (mut key, mut reverse) = (Value::NONE, Value::FALSE);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match pystr::as_str(*k) {
            "key" => key = *v,
            "reverse" => reverse = *v,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )));
            }
        }
    }
    let reverse = if reverse.is_bool() {
        reverse.is_true()
    } else {
        if reverse.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let r = vm.index(reverse)?;
        if int::to_i64(r).and_then(|x| i32::try_from(x).ok()).is_none() {
            return Err(vm.overflow_error("Python int too large to convert to C int"));
        }
        !int::cmp(r, Value::small(0)).is_eq()
    };
    sort_list(vm, l, key, reverse)
}

/// Sorts a native list in place.
pub fn sort_list(vm: &mut Vm, l: Value, key: Value, reverse: bool) -> PyResult<Value> {
    // The list is empty while it is sorted, as in CPython; changes made to it by key
    // functions or comparisons are detected afterwards.
    let saved = Rooted::from_vec(list::items(l).to_vec());
    list::free_items(list::vec(l));
    let keys = if key.is_none() {
        None
    } else {
        let mut k = Rooted::new();
        for x in saved.iter() {
            match vm.call(key, &[*x]) {
                Ok(v) => k.push(v),
                Err(e) => {
                    list::free_items(list::vec(l));
                    list::set_items(list::vec(l), &saved);
                    return Err(e);
                }
            }
        }
        Some(k)
    };
    let keys_ref: &[Value] = match &keys {
        Some(k) => k,
        None => &saved,
    };
    let (out, err) = super::sort::sort_values(vm, &saved, keys_ref, reverse);
    let out = Rooted::from_vec(out);
    let v = list::vec(l);
    let modified = v.cap != 0 || v.len != 0;
    list::free_items(v);
    list::set_items(list::vec(l), &out);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn list_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list_iterator.__length_hint__")?;
    let Some(it) = a.pos[0].get::<ListIterObj>() else {
        return Ok(Value::small(0));
    };
    let n = list::items(it.list).len();
    Ok(Value::small(n.saturating_sub(it.index) as i64))
}

fn rev_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "list_reverseiterator.__length_hint__")?;
    let Some(it) = native::downcast::<ListRevIter>(a.pos[0]) else {
        return Ok(Value::small(0));
    };
    let i = it.index.get();
    let n = list::items(it.list).len() as i64;
    Ok(Value::small(if i >= 0 && i < n { i + 1 } else { 0 }))
}

/// The list behind a value for functions that accept list subclasses.
#[allow(dead_code)]
pub fn native_list(v: Value) -> Option<Value> {
    list::native(native_of(v))
}
