//! Container types: `list`, `tuple`, `dict` (and its views), `set`, `frozenset`,
//! `range`, `slice`, and the iterator types `enumerate`, `zip`, `map`, `filter` and
//! `reversed`.

use std::cell::Cell;

use stitch_core::layout::{InstanceObj, Kind, ListObj};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_methods, add_static};
use crate::gc::Rooted;
use crate::object::iterators::{self, DictPart, DictView};
use crate::object::native;
use crate::object::{ValueExt, dict, int, list, range, set, slice, str as pystr, tuple, types};
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
            ("__len__", seq_len),
            ("__getitem__", seq_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
            ("__eq__", seq_eq),
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", seq_index),
            ("count", seq_count),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    dict::set_str(types::ty(l).dict, vm.names.hash, Value::NONE);
    let t = vm.types.tuple;
    add_static(vm, t, &[("__new__", tuple_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__repr__", tuple_repr),
            ("__len__", seq_len),
            ("__getitem__", seq_getitem),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
            ("__hash__", tuple_hash),
            ("__eq__", seq_eq),
            ("index", seq_index),
            ("count", seq_count),
        ],
    );
    let d = vm.types.dict;
    add_static(vm, d, &[("__new__", dict_new)]);
    add_methods(
        vm,
        d,
        &[
            ("__init__", dict_init),
            ("__repr__", dict_repr),
            ("__len__", dict_len),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__iter__", dict_iter),
            ("__eq__", dict_eq),
            ("get", dict_get),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
        ],
    );
    super::add_classmethods(vm, d, &[("fromkeys", dict_fromkeys)]);
    dict::set_str(types::ty(d).dict, vm.names.hash, Value::NONE);
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let vt = vm.registry[name];
        add_methods(vm, vt, &[("__len__", view_len), ("__iter__", view_iter), ("__repr__", view_repr), ("__contains__", view_contains)]);
    }
    let mp = vm.types.mappingproxy;
    add_methods(
        vm,
        mp,
        &[
            ("__getitem__", proxy_getitem),
            ("__contains__", proxy_contains),
            ("__iter__", proxy_iter),
            ("__len__", proxy_len),
            ("keys", proxy_keys),
            ("values", proxy_values),
            ("items", proxy_items),
            ("get", proxy_get),
            ("__repr__", proxy_repr),
        ],
    );
    for s in [vm.types.set, vm.types.frozenset] {
        add_methods(
            vm,
            s,
            &[
                ("__repr__", set_repr),
                ("__len__", set_len),
                ("__contains__", set_contains),
                ("__iter__", seq_iter),
                ("add", set_add),
                ("discard", set_discard),
                ("remove", set_remove),
                ("update", set_update),
            ],
        );
    }
    add_static(vm, vm.types.set, &[("__new__", set_new)]);
    add_static(vm, vm.types.frozenset, &[("__new__", frozenset_new)]);
    add_methods(vm, vm.types.frozenset, &[("__hash__", frozenset_hash)]);
    dict::set_str(types::ty(vm.types.set).dict, vm.names.hash, Value::NONE);
    let r = vm.types.range;
    add_static(vm, r, &[("__new__", range_new)]);
    add_methods(
        vm,
        r,
        &[
            ("__repr__", range_repr),
            ("__len__", range_len),
            ("__getitem__", range_getitem),
            ("__iter__", seq_iter),
            ("__contains__", range_contains),
        ],
    );
    let sl = vm.types.slice;
    add_static(vm, sl, &[("__new__", slice_new)]);
    add_methods(vm, sl, &[("__repr__", slice_repr), ("indices", slice_indices)]);
    for (name, new) in [
        ("enumerate", enumerate_new as crate::object::function::NativeFn),
        ("zip", zip_new),
        ("map", map_new),
        ("filter", filter_new),
        ("reversed", reversed_new),
    ] {
        let ty = vm.new_native_type(name);
        types::ty(ty).prefix.flags |= types::flags::BASETYPE;
        add_static(vm, ty, &[("__new__", new)]);
        add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
    for name in [
        "str_ascii_iterator",
        "str_iterator",
        "bytes_iterator",
        "set_iterator",
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "callable_iterator",
        "iterator",
        "longrange_iterator",
    ] {
        let ty = vm.registry[name];
        add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
    for ty in [vm.types.list_iterator, vm.types.tuple_iterator, vm.types.range_iterator] {
        add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
}

fn iter_self(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0])
}

fn iter_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match native::next_fast(vm, a.pos[0])? {
        Some(Some(v)) => Ok(v),
        _ => Err(vm.stop_iteration(Value::NONE)),
    }
}

/// The native object behind `self` (for subclass instances).
fn native_of(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

/// Wraps a new native value for a subclass `cls`.
fn for_class(vm: &mut Vm, cls: Value, base_ty: Value, v: Value) -> Value {
    if cls == base_ty {
        v
    } else {
        super::numbers::subclass_instance(vm, cls, v)
    }
}

// ---- repr of containers ----

/// repr of a container with a recursion guard (`[...]` for self-reference).
fn container_repr(vm: &mut Vm, obj: Value, open: &str, close: &str, items: &[Value], name: &str) -> PyResult<Value> {
    if vm.repr_guard.contains(&obj) {
        return Ok(pystr::new(vm, &format!("{open}...{close}")));
    }
    let _ = name;
    vm.repr_guard.push(obj);
    let items = Rooted::from_vec(items.to_vec());
    let mut out = String::from(open);
    let mut r = Ok(());
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(*x) {
            Ok(s) => out.push_str(pystr::as_str(s)),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.pop();
    r?;
    out.push_str(close);
    Ok(pystr::new(vm, &out))
}

fn list_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = native_of(a.pos[0]);
    let items = list::items(l).to_vec();
    container_repr(vm, l, "[", "]", &items, "list")
}

fn tuple_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = native_of(a.pos[0]);
    let items = tuple::items(t).to_vec();
    if items.len() == 1 {
        let r = vm.repr(items[0])?;
        return Ok(pystr::new(vm, &format!("({},)", pystr::as_str(r))));
    }
    container_repr(vm, t, "(", ")", &items, "tuple")
}

fn dict_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = native_of(a.pos[0]);
    if vm.repr_guard.contains(&d) {
        return Ok(pystr::new(vm, "{...}"));
    }
    vm.repr_guard.push(d);
    let pairs = Rooted::from_vec(dict::items(d).into_iter().flat_map(|(k, v)| [k, v]).collect());
    let mut out = String::from("{");
    let mut r = Ok(());
    for (i, kv) in pairs.chunks(2).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(kv[0]).and_then(|k| Ok((k, vm.repr(kv[1])?))) {
            Ok((k, v)) => {
                out.push_str(pystr::as_str(k));
                out.push_str(": ");
                out.push_str(pystr::as_str(v));
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.pop();
    r?;
    out.push('}');
    Ok(pystr::new(vm, &out))
}

fn set_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = native_of(a.pos[0]);
    let items = set::items(s);
    let is_frozen = vm.type_of(a.pos[0]) == vm.types.frozenset || types::is_subtype(vm.type_of(a.pos[0]), vm.types.frozenset);
    let tname = types::ty(vm.type_of(a.pos[0])).name.clone();
    if items.is_empty() {
        return Ok(pystr::new(vm, &format!("{tname}()")));
    }
    let inner = container_repr(vm, s, "{", "}", &items, "set")?;
    if is_frozen || tname != "set" {
        return Ok(pystr::new(vm, &format!("{tname}({})", pystr::as_str(inner))));
    }
    Ok(inner)
}

// ---- sequences (list and tuple) ----

fn seq_items(v: Value) -> Vec<Value> {
    let n = native_of(v);
    if n.is_kind(Kind::List) { list::items(n).to_vec() } else { tuple::items(n).to_vec() }
}

fn seq_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, seq_items(a.pos[0]).len() as u64))
}
fn seq_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__getitem__", 2, 2)?;
    let n = native_of(a.pos[0]);
    vm.getitem(n, a.pos[1])
}
fn seq_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = native_of(a.pos[0]);
    vm.contains(n, a.pos[1]).map(Value::from_bool)
}
fn seq_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = native_of(a.pos[0]);
    match native::iter_fast(vm, n) {
        Some(it) => Ok(it),
        None => Err(vm.type_error("not iterable")),
    }
}
fn seq_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (native_of(a.pos[0]), native_of(a.pos[1]));
    if x.kind() != y.kind() {
        return Ok(vm.not_implemented);
    }
    vm.compare(x, y, stitch_core::instr::cmpop::EQ)
}
fn seq_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "index", 2, 4)?;
    let items = Rooted::from_vec(seq_items(a.pos[0]));
    let n = items.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match a.pos.get(2) {
        Some(v) => clamp(vm.index_value(*v)?),
        None => 0,
    };
    let end = match a.pos.get(3) {
        Some(v) => clamp(vm.index_value(*v)?),
        None => n,
    };
    for i in start..end {
        if vm.eq_bool(items[i as usize], a.pos[1])? {
            return Ok(Value::small(i));
        }
    }
    let what = if native_of(a.pos[0]).is_kind(Kind::List) {
        let r = vm.repr_string(a.pos[1])?;
        format!("{r} is not in list")
    } else {
        "tuple.index(x): x not in tuple".to_string()
    };
    Err(vm.value_error(what))
}
fn seq_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "count", 2, 2)?;
    let items = Rooted::from_vec(seq_items(a.pos[0]));
    let mut c = 0;
    for x in items.iter() {
        if vm.eq_bool(*x, a.pos[1])? {
            c += 1;
        }
    }
    Ok(Value::small(c))
}

// ---- list ----

fn list_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let l = list::new(vm, &[]);
    Ok(for_class(vm, cls, vm.types.list, l))
}
fn list_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [iterable] = args::parse::<1>(vm, &a.tail(), &Sig::positional("list", &["iterable"], 0))?;
    let l = native_of(a.pos[0]);
    if !iterable.is_null() {
        let items = vm.collect_iter(iterable)?;
        list::set_items(list::vec(l), &items);
    } else {
        list::set_items(list::vec(l), &[]);
    }
    Ok(Value::NONE)
}
fn lself(a: &Args) -> Value {
    native_of(a.pos[0])
}
fn list_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    list::setitem(vm, lself(a), a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}
fn list_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    list::delitem(vm, lself(a), a.pos[1])?;
    Ok(Value::NONE)
}
fn list_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("list.append() takes exactly one argument ({} given)", a.pos.len() - 1)));
    }
    list::push(list::vec(lself(a)), a.pos[1]);
    Ok(Value::NONE)
}
fn list_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "extend", 2, 2)?;
    let items = vm.collect_iter(a.pos[1])?;
    let v = list::vec(lself(a));
    for x in items.iter() {
        list::push(v, *x);
    }
    Ok(Value::NONE)
}
fn list_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "pop", 1, 2)?;
    let l = lself(a);
    let n = list::items(l).len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.pos.get(1) {
        Some(v) => vm.index_value(*v)?,
        None => -1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(list::remove_at(list::vec(l), j as usize))
}
fn list_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "insert", 3, 3)?;
    let l = lself(a);
    let n = list::items(l).len() as i64;
    let i = vm.index_value(a.pos[1])?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    list::insert(list::vec(l), j as usize, a.pos[2]);
    Ok(Value::NONE)
}
fn list_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "remove", 2, 2)?;
    let l = lself(a);
    let items = Rooted::from_vec(list::items(l).to_vec());
    for (i, x) in items.iter().enumerate() {
        if vm.eq_bool(*x, a.pos[1])? {
            if i < list::items(l).len() {
                list::remove_at(list::vec(l), i);
            }
            return Ok(Value::NONE);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
fn list_reverse(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lself(a);
    let mut items = list::items(l).to_vec();
    items.reverse();
    list::set_items(list::vec(l), &items);
    Ok(Value::NONE)
}

/// `list.sort(key=None, reverse=False)`: a stable merge sort whose comparisons may
/// raise.
pub fn list_sort(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [_, key, reverse] = args::parse::<3>(
        vm,
        a,
        &Sig {
            name: "sort",
            params: &["self", "key", "reverse"],
            required: 1,
            kwonly_from: 1,
            posonly_until: 1,
        },
    )
    .map_err(|e| e)?;
    let l = lself(a);
    let items = Rooted::from_vec(list::items(l).to_vec());
    // The list appears empty while sorting, as in CPython.
    list::set_items(list::vec(l), &[]);
    let keys = if key.is_null() || key.is_none() {
        Rooted::from_vec(items.to_vec())
    } else {
        let mut k = Rooted::new();
        for x in items.iter() {
            match vm.call(key, &[*x]) {
                Ok(v) => k.push(v),
                Err(e) => {
                    list::set_items(list::vec(l), &items);
                    return Err(e);
                }
            }
        }
        k
    };
    let rev = !reverse.is_null() && vm.truth(reverse)?;
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    if rev {
        idx.reverse();
    }
    let sorted = merge_sort(vm, idx, &keys, rev, &mut err);
    let modified = !list::items(l).is_empty();
    let out: Vec<Value> = if let Some(mut s) = sorted { if rev { s.reverse(); } s.into_iter().map(|i| items[i]).collect() } else { items.to_vec() };
    list::set_items(list::vec(l), &out);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

/// Stable merge sort of indices by `keys` using `<`; stops at the first error.
fn merge_sort(vm: &mut Vm, v: Vec<usize>, keys: &[Value], rev: bool, err: &mut Option<crate::vm::PyErr>) -> Option<Vec<usize>> {
    if v.len() <= 1 {
        return Some(v);
    }
    let mid = v.len() / 2;
    let right = v[mid..].to_vec();
    let mut left = v;
    left.truncate(mid);
    let left = merge_sort(vm, left, keys, rev, err)?;
    let right = merge_sort(vm, right, keys, rev, err)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when it is strictly less (stability).
        let less = match vm.compare(keys[right[j]], keys[left[i]], stitch_core::instr::cmpop::LT) {
            Ok(r) => match vm.truth(r) {
                Ok(b) => b,
                Err(e) => {
                    *err = Some(e);
                    return None;
                }
            },
            Err(e) => {
                *err = Some(e);
                return None;
            }
        };
        let _ = rev;
        if less {
            out.push(right[j]);
            j += 1;
        } else {
            out.push(left[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Some(out)
}

fn list_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = list::items(lself(a)).to_vec();
    Ok(list::new(vm, &items))
}
fn list_clear(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    list::set_items(list::vec(lself(a)), &[]);
    Ok(Value::NONE)
}

// ---- tuple ----

fn tuple_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [iterable] = args::parse::<1>(vm, &a.tail(), &Sig::positional("tuple", &["iterable"], 0))?;
    let t = if iterable.is_null() {
        vm.empty_tuple
    } else if iterable.is_kind(Kind::Tuple) && cls == vm.types.tuple {
        iterable
    } else {
        let items = vm.collect_iter(iterable)?;
        tuple::new(vm, &items)
    };
    Ok(for_class(vm, cls, vm.types.tuple, t))
}
fn tuple_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = tuple::hash(vm, native_of(a.pos[0]))?;
    Ok(int::from_i64(vm, h))
}

// ---- dict ----

fn dself(a: &Args) -> Value {
    native_of(a.pos[0])
}

fn dict_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let d = dict::new(vm);
    Ok(for_class(vm, cls, vm.types.dict, d))
}
fn dict_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = dself(a);
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    if a.pos.len() == 2 {
        super::dict_update_from(vm, d, a.pos[1])?;
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        dict::set(vm, d, *k, *v)?;
    }
    Ok(Value::NONE)
}
fn dict_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, dict::len(dself(a)) as u64))
}
fn dict_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__getitem__", 2, 2)?;
    let (this, k) = (a.pos[0], a.pos[1]);
    match dict::get(vm, dself(a), k)? {
        Some(v) => Ok(v),
        None => {
            if !this.is_kind(Kind::Dict)
                && let Some(m) = vm.lookup_special(this, vm.names.missing)
            {
                return vm.call(m, &[this, k]);
            }
            Err(vm.key_error(k))
        }
    }
}
fn dict_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    dict::set(vm, dself(a), a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}
fn dict_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match dict::remove(vm, dself(a), a.pos[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(a.pos[1])),
    }
}
fn dict_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::from_bool(dict::get(vm, dself(a), a.pos[1])?.is_some()))
}
fn dict_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_iter(vm, dself(a), DictPart::Keys))
}
fn dict_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(other) = dict::native(a.pos[1]) else { return Ok(vm.not_implemented) };
    super::dict_eq(vm, dself(a), other).map(Value::from_bool)
}
fn dict_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "get", 2, 3)?;
    let default = a.pos.get(2).copied().unwrap_or(Value::NONE);
    Ok(dict::get(vm, dself(a), a.pos[1])?.unwrap_or(default))
}
fn dict_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, dself(a), DictPart::Keys))
}
fn dict_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, dself(a), DictPart::Values))
}
fn dict_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, dself(a), DictPart::Items))
}
fn dict_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "pop", 2, 3)?;
    match dict::remove(vm, dself(a), a.pos[1])? {
        Some(v) => Ok(v),
        None => match a.pos.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(a.pos[1])),
        },
    }
}
fn dict_popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = dself(a);
    let dd = unsafe { d.raw::<stitch_core::layout::DictObj>() };
    let entries = dict::entries(dd);
    let Some(i) = entries.iter().rposition(|e| !e.key.is_null()) else {
        let msg = pystr::new(vm, "popitem(): dictionary is empty");
        return Err(vm.new_error_args(vm.exc.key_error, &[msg]));
    };
    let k = entries[i].key;
    let v = dict::remove_at(dd, i);
    Ok(tuple::new(vm, &[k, v]))
}
fn dict_setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "setdefault", 2, 3)?;
    let d = dself(a);
    let default = a.pos.get(2).copied().unwrap_or(Value::NONE);
    if let Some(v) = dict::get(vm, d, a.pos[1])? {
        return Ok(v);
    }
    dict::set(vm, d, a.pos[1], default)?;
    Ok(default)
}
fn dict_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    dict_init(vm, a)
}
fn dict_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(dict::copy(vm, dself(a)))
}
fn dict_clear(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    dict::clear(unsafe { dself(a).raw::<stitch_core::layout::DictObj>() });
    Ok(Value::NONE)
}
fn dict_fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "fromkeys", 2, 3)?;
    let cls = a.pos[0];
    let value = a.pos.get(2).copied().unwrap_or(Value::NONE);
    let d = vm.call(cls, &[])?;
    let keys = vm.collect_iter(a.pos[1])?;
    for k in keys.iter() {
        vm.setitem(d, *k, value)?;
    }
    Ok(d)
}

// ---- dict views and mappingproxy ----

fn view(a: &Args) -> &'static DictView {
    native::downcast::<DictView>(a.pos[0]).expect("dict view")
}
fn view_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, dict::len(view(a).dict) as u64))
}
fn view_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = view(a);
    Ok(iterators::dict_iter(vm, v.dict, v.part))
}
fn view_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = view(a);
    let name = match v.part {
        DictPart::Keys => "dict_keys",
        DictPart::Values => "dict_values",
        DictPart::Items => "dict_items",
    };
    let it = iterators::dict_iter(vm, v.dict, v.part);
    let mut items = Rooted::new();
    while let Some(x) = vm.next(it)? {
        items.push(x);
    }
    let l = list::new(vm, &items);
    let r = vm.repr_string(l)?;
    Ok(pystr::new(vm, &format!("{name}({r})")))
}
fn view_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = view(a);
    match v.part {
        DictPart::Keys => Ok(Value::from_bool(dict::get(vm, v.dict, a.pos[1])?.is_some())),
        DictPart::Values => {
            for (_, x) in dict::items(v.dict) {
                if vm.eq_bool(x, a.pos[1])? {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        }
        DictPart::Items => {
            let item = a.pos[1];
            if !item.is_kind(Kind::Tuple) || tuple::len(item) != 2 {
                return Ok(Value::FALSE);
            }
            let (k, val) = (tuple::items(item)[0], tuple::items(item)[1]);
            match dict::get(vm, v.dict, k)? {
                Some(x) => vm.eq_bool(x, val).map(Value::from_bool),
                None => Ok(Value::FALSE),
            }
        }
    }
}

fn proxy(a: &Args) -> Value {
    native::downcast::<super::MappingProxy>(a.pos[0]).expect("mappingproxy").dict
}
fn proxy_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(a);
    vm.getitem(d, a.pos[1])
}
fn proxy_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(a);
    Ok(Value::from_bool(dict::get(vm, d, a.pos[1])?.is_some()))
}
fn proxy_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_iter(vm, proxy(a), DictPart::Keys))
}
fn proxy_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, dict::len(proxy(a)) as u64))
}
fn proxy_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, proxy(a), DictPart::Keys))
}
fn proxy_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, proxy(a), DictPart::Values))
}
fn proxy_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(iterators::dict_view(vm, proxy(a), DictPart::Items))
}
fn proxy_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "get", 2, 3)?;
    let default = a.pos.get(2).copied().unwrap_or(Value::NONE);
    let d = proxy(a);
    Ok(dict::get(vm, d, a.pos[1])?.unwrap_or(default))
}
fn proxy_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(a);
    let r = vm.repr_string(d)?;
    Ok(pystr::new(vm, &format!("mappingproxy({r})")))
}

// ---- set ----

fn sself(a: &Args) -> Value {
    native_of(a.pos[0])
}
fn set_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [iterable] = args::parse::<1>(vm, &a.tail(), &Sig::positional("set", &["iterable"], 0))?;
    let s = set::new(vm);
    if !iterable.is_null() {
        set::update(vm, s, iterable)?;
    }
    Ok(for_class(vm, cls, vm.types.set, s))
}
fn frozenset_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [iterable] = args::parse::<1>(vm, &a.tail(), &Sig::positional("frozenset", &["iterable"], 0))?;
    if iterable.is_kind(Kind::Set) && vm.type_of(iterable) == vm.types.frozenset && cls == vm.types.frozenset {
        return Ok(iterable);
    }
    let s = set::new_frozen(vm);
    if !iterable.is_null() {
        set::update(vm, s, iterable)?;
    }
    Ok(for_class(vm, cls, vm.types.frozenset, s))
}
fn set_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int::from_u64(vm, set::len(sself(a)) as u64))
}
fn set_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    set::contains(vm, sself(a), a.pos[1]).map(Value::from_bool)
}
fn set_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "add", 2, 2)?;
    set::add(vm, sself(a), a.pos[1])?;
    Ok(Value::NONE)
}
fn set_discard(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "discard", 2, 2)?;
    set::discard(vm, sself(a), a.pos[1])?;
    Ok(Value::NONE)
}
fn set_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "remove", 2, 2)?;
    if !set::discard(vm, sself(a), a.pos[1])? {
        return Err(vm.key_error(a.pos[1]));
    }
    Ok(Value::NONE)
}
fn set_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    for x in &a.pos[1..] {
        set::update(vm, sself(a), *x)?;
    }
    Ok(Value::NONE)
}
fn frozenset_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = set::hash(sself(a));
    Ok(int::from_i64(vm, h))
}

// ---- range and slice ----

fn range_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "range")?;
    let rest = &a.pos[1..];
    let idx = |vm: &mut Vm, v: Value| -> PyResult<Value> {
        if v.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        vm.index(v)
    };
    let (start, stop, step) = match rest.len() {
        1 => (Value::small(0), idx(vm, rest[0])?, Value::small(1)),
        2 => (idx(vm, rest[0])?, idx(vm, rest[1])?, Value::small(1)),
        3 => (idx(vm, rest[0])?, idx(vm, rest[1])?, idx(vm, rest[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if int::cmp(step, Value::small(0)).is_eq() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(range::new(vm, start, stop, step))
}
fn rparts(a: &Args) -> &'static range::Range {
    range::parts(a.pos[0]).expect("range")
}
fn range_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rparts(a);
    let (s, e) = (vm.repr_string(r.start)?, vm.repr_string(r.stop)?);
    let text = if int::cmp(r.step, Value::small(1)).is_eq() {
        format!("range({s}, {e})")
    } else {
        format!("range({s}, {e}, {})", vm.repr_string(r.step)?)
    };
    Ok(pystr::new(vm, &text))
}
fn range_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = range::length(rparts(a));
    match num_traits::ToPrimitive::to_i64(&n) {
        Some(x) => Ok(int::from_i64(vm, x)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}
fn range_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rparts(a);
    let n = range::length(r);
    if let Some(sl) = slice::as_slice(a.pos[1]) {
        let len = num_traits::ToPrimitive::to_usize(&n).unwrap_or(usize::MAX);
        let (start, stop, step, _) = slice::indices(vm, sl, len)?;
        let s = range::item(vm, r, &num_bigint::BigInt::from(start));
        let e = range::item(vm, r, &num_bigint::BigInt::from(stop));
        let st = int::to_bigint(r.step) * num_bigint::BigInt::from(step);
        let st = int::from_bigint(vm, st);
        return Ok(range::new(vm, s, e, st));
    }
    let i = crate::object::list::index_arg(vm, a.pos[1], "range")?;
    let mut k = num_bigint::BigInt::from(i);
    if i < 0 {
        k += &n;
    }
    if k < num_bigint::BigInt::from(0) || k >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(range::item(vm, r, &k))
}
fn range_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rparts(a);
    let x = a.pos[1];
    if int::is_int(x) {
        let (s, e, st, v) = (int::to_bigint(r.start), int::to_bigint(r.stop), int::to_bigint(r.step), int::to_bigint(x));
        let zero = num_bigint::BigInt::from(0);
        let inside = if st > zero { s <= v && v < e } else { e < v && v <= s };
        let on_step = num_integer::Integer::mod_floor(&(&v - &s), &st) == zero;
        return Ok(Value::from_bool(inside && on_step));
    }
    let it = vm.iter(a.pos[0])?;
    while let Some(y) = vm.next(it)? {
        if vm.eq_bool(y, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn slice_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "slice")?;
    let r = &a.pos[1..];
    let (s, e, st) = match r.len() {
        1 => (Value::NONE, r[0], Value::NONE),
        2 => (r[0], r[1], Value::NONE),
        3 => (r[0], r[1], r[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(slice::new(vm, s, e, st))
}
fn slice_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = slice::parts(a.pos[0]);
    let text = format!("slice({}, {}, {})", vm.repr_string(s.start)?, vm.repr_string(s.stop)?, vm.repr_string(s.step)?);
    Ok(pystr::new(vm, &text))
}
fn slice_indices(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "indices", 2, 2)?;
    let n = vm.index_value(a.pos[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice::indices(vm, a.pos[0], n as usize)?;
    Ok(tuple::new(vm, &[Value::small(start), Value::small(stop), Value::small(step)]))
}

// ---- iterator types ----

fn enumerate_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [iterable, start] = args::parse::<2>(vm, &a.tail(), &Sig::new("enumerate", &["iterable", "start"], 1))?;
    let it = vm.iter(iterable)?;
    let count = if start.is_null() { Value::small(0) } else { vm.index(start)? };
    Ok(native::new(vm, cls, Box::new(iterators::Enumerate { it, count: Cell::new(count) })))
}
fn zip_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let mut strict = false;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if pystr::as_str(*k) != "strict" {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{}'", pystr::as_str(*k))));
        }
        strict = vm.truth(*v)?;
    }
    let mut its = Rooted::new();
    for (i, x) in a.pos[1..].iter().enumerate() {
        match vm.iter(*x) {
            Ok(it) => its.push(it),
            Err(e) => {
                if vm.is_instance_of(e.0, vm.exc.type_error) {
                    return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)));
                }
                return Err(e);
            }
        }
    }
    let t = tuple::new(vm, &its);
    Ok(native::new(vm, cls, Box::new(iterators::Zip { its: t, strict, done: Cell::new(false) })))
}
fn map_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "map")?;
    let cls = a.pos[0];
    if a.pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Rooted::new();
    for x in &a.pos[2..] {
        let it = vm.iter(*x)?;
        its.push(it);
    }
    let t = tuple::new(vm, &its);
    Ok(native::new(vm, cls, Box::new(iterators::Map { func: a.pos[1], its: t })))
}
fn filter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "filter")?;
    let cls = a.pos[0];
    if a.pos.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", a.pos.len() - 1)));
    }
    let it = vm.iter(a.pos[2])?;
    Ok(native::new(vm, cls, Box::new(iterators::Filter { func: a.pos[1], it })))
}
fn reversed_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "reversed")?;
    let cls = a.pos[0];
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", a.pos.len() - 1)));
    }
    let seq = a.pos[1];
    if let Some(r) = vm.call_special(seq, vm.names.reversed, &[])? {
        return Ok(r);
    }
    if let Some(r) = range::parts(seq) {
        let n = range::length(r);
        let one = num_bigint::BigInt::from(1);
        let last = range::item(vm, r, &(&n - &one));
        let first_before = int::to_bigint(r.start) - int::to_bigint(r.step);
        let stop = int::from_bigint(vm, first_before);
        let step = int::from_bigint(vm, -int::to_bigint(r.step));
        let rr = if n == num_bigint::BigInt::from(0) { range::new(vm, Value::small(0), Value::small(0), Value::small(1)) } else { range::new(vm, last, stop, step) };
        return vm.iter(rr);
    }
    if vm.lookup_special(seq, vm.names.getitem).is_none() || seq.is_kind(Kind::Dict) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let n = vm.len(seq)? as i64;
    Ok(native::new(vm, cls, Box::new(iterators::Reversed { seq, index: Cell::new(n - 1) })))
}

#[allow(dead_code)]
fn _list_kind(v: Value) -> Option<&'static mut ListObj> {
    v.get::<ListObj>()
}
