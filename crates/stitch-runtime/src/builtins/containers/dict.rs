//! `dict` methods and operators, and its iterators' methods.

use stitch_core::layout::{DictObj, Kind};
use stitch_core::value::Value;

use super::{class_getitem, for_class, no_args, one_arg, pos_args, same_or_eq, slot_args};
use crate::builtins::{add_classmethods, add_methods, add_static};
use crate::gc::Rooted;
use crate::object::iterators::{self, DictIter, DictPart};
use crate::object::{ValueExt, dict, int, native, set, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
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
            ("__reversed__", dict_reversed),
            ("__eq__", dict_eq),
            ("__ne__", dict_ne),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("__sizeof__", dict_sizeof),
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
    add_classmethods(
        vm,
        d,
        &[
            ("fromkeys", dict_fromkeys),
            ("__class_getitem__", class_getitem),
        ],
    );
    dict::set_str(types::ty(d).dict, vm.names.hash, Value::NONE);
    super::views::init(vm);
    for name in [
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "dict_reversekeyiterator",
        "dict_reversevalueiterator",
        "dict_reverseitemiterator",
    ] {
        let ty = match vm.registry.get(name) {
            Some(t) => *t,
            None => vm.new_native_type(name),
        };
        add_methods(
            vm,
            ty,
            &[
                ("__iter__", super::iters::iter_self),
                ("__next__", super::iters::iter_next),
                ("__length_hint__", dict_iter_length_hint),
            ],
        );
    }
}

/// The native dict behind `self`.
fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match dict::native(v) {
        Some(d) => Ok(d),
        None => Err(super::wrong_self(vm, "dict", v)),
    }
}

fn raw(d: Value) -> &'static mut DictObj {
    // SAFETY: callers pass native dicts.
    unsafe { d.raw::<DictObj>() }
}

/// Entry `i` of a dict's entry array as (key, value), if live.
pub(super) fn entry_at(d: Value, i: usize) -> Option<Option<(Value, Value, i64)>> {
    let e = dict::entries(raw(d)).get(i)?;
    Some(if e.key.is_null() {
        None
    } else {
        Some((e.key, e.value, e.hash))
    })
}

pub(super) fn is_exact_dict(vm: &Vm, v: Value) -> bool {
    v.is_kind(Kind::Dict) && vm.type_of(v) == vm.types.dict
}

// ---- construction and update ----

fn dict_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a, vm.types.dict)?;
    let d = dict::new(vm);
    Ok(for_class(vm, cls, vm.types.dict, d))
}

/// Adds the entries of native dict `src` to `d` in order.
fn merge_dict(vm: &mut Vm, d: Value, src: Value) -> PyResult<()> {
    if src == d {
        return Ok(());
    }
    if dict::len(d) == 0 {
        // Into an empty dict: the keys are distinct and already hashed.
        dict::copy_into_empty(d, src);
        return Ok(());
    }
    let mut i = 0;
    while let Some(e) = entry_at(src, i) {
        i += 1;
        if let Some((k, v, h)) = e {
            dict::set_hashed(vm, d, k, h, v)?;
        }
    }
    Ok(())
}

/// `d.update(other)` (CPython's `dict_update_arg`): a dict, a mapping with `keys()`,
/// or an iterable of pairs.
pub fn update_from(vm: &mut Vm, d: Value, other: Value) -> PyResult<()> {
    if is_exact_dict(vm, other) {
        return merge_dict(vm, d, other);
    }
    let keys_name = vm.names.keys;
    let Some(keys) = vm.getattr_opt(other, keys_name)? else {
        return update_from_pairs(vm, d, other);
    };
    if let Some(src) = dict::native(other) {
        // A dict subclass that keeps dict's iteration is merged directly, as in CPython.
        let own_iter = types::lookup(vm.type_of(other), vm.names.iter);
        if own_iter == types::lookup(vm.types.dict, vm.names.iter) {
            return merge_dict(vm, d, src);
        }
    }
    let ks = vm.call(keys, &[])?;
    let it = vm.iter(ks)?;
    while let Some(k) = vm.next(it)? {
        let v = vm.getitem(other, k)?;
        dict::set(vm, d, k, v)?;
    }
    Ok(())
}

fn update_from_pairs(vm: &mut Vm, d: Value, other: Value) -> PyResult<()> {
    let it = vm.iter(other)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(it)? {
        let pair = if item.is_kind(Kind::Tuple) || item.is_kind(Kind::List) {
            vm.collect_iter(item)?
        } else {
            let sub = match vm.iter(item) {
                Ok(s) => s,
                Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
                    return Err(vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
                Err(e) => return Err(e),
            };
            let mut p = Rooted::new();
            while let Some(x) = vm.next(sub)? {
                p.push(x);
            }
            p
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        dict::set(vm, d, pair[0], pair[1])?;
        i += 1;
    }
    Ok(())
}

fn update_with_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let d = this(vm, a)?;
    super::arity(vm, name, a.pos.len() - 1, 0, 1)?;
    if let Some(&other) = a.pos.get(1) {
        update_from(vm, d, other)?;
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        dict::set(vm, d, *k, *v)?;
    }
    Ok(Value::NONE)
}

fn dict_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_with_args(vm, a, "dict")
}

fn dict_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_with_args(vm, a, "update")
}

fn dict_fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "dict.fromkeys", 1, 2)?;
    let cls = a.pos[0];
    let (iterable, value) = (rest[0], rest.get(1).copied().unwrap_or(Value::NONE));
    let d = vm.call(cls, &[])?;
    if is_exact_dict(vm, d) {
        if let Some(src) = dict::native(iterable).filter(|_| is_exact_dict(vm, iterable)) {
            let mut i = 0;
            while let Some(e) = entry_at(src, i) {
                i += 1;
                if let Some((k, _, h)) = e {
                    dict::set_hashed(vm, d, k, h, value)?;
                }
            }
            return Ok(d);
        }
        if let Some(s) = set::native(iterable).filter(|_| iterable.is_kind(Kind::Set)) {
            let mut pos = 0;
            while let Some(e) = set::next_entry(s, &mut pos) {
                dict::set_hashed(vm, d, e.key, e.hash, value)?;
            }
            return Ok(d);
        }
    }
    let it = vm.iter(iterable)?;
    while let Some(k) = vm.next(it)? {
        if is_exact_dict(vm, d) {
            dict::set(vm, d, k, value)?;
        } else {
            vm.setitem(d, k, value)?;
        }
    }
    Ok(d)
}

// ---- basic protocol ----

fn dict_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = this(vm, a)?;
    if dict::len(d) == 0 {
        return Ok(pystr::new(vm, "{}"));
    }
    super::repr_guarded(vm, d, "{...}", |vm| {
        let mut out = String::from("{");
        let (mut i, mut first) = (0, true);
        while let Some(e) = entry_at(d, i) {
            i += 1;
            let Some((k, v, _)) = e else { continue };
            if !first {
                out.push_str(", ");
            }
            first = false;
            let kr = vm.repr(k)?;
            out.push_str(pystr::as_str(kr));
            out.push_str(": ");
            let vr = vm.repr(v)?;
            out.push_str(pystr::as_str(vr));
        }
        out.push('}');
        Ok(out)
    })
}

fn dict_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let d = this(vm, a)?;
    Ok(int::from_u64(vm, dict::len(d) as u64))
}

fn dict_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = one_arg(vm, a, "dict.__getitem__")?;
    let (this_v, d) = (a.pos[0], this(vm, a)?);
    if let Some(v) = dict::get(vm, d, k)? {
        return Ok(v);
    }
    if !this_v.is_kind(Kind::Dict)
        && let Some(m) = vm.lookup_special(this_v, vm.names.missing)
    {
        return vm.call(m, &[this_v, k]);
    }
    Err(vm.key_error(k))
}

fn dict_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 2)?;
    let d = this(vm, a)?;
    dict::set(vm, d, a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    match dict::remove(vm, d, a.pos[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(a.pos[1])),
    }
}

fn dict_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = one_arg(vm, a, "dict.__contains__")?;
    let d = this(vm, a)?;
    Ok(Value::from_bool(dict::get(vm, d, k)?.is_some()))
}

fn dict_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let d = this(vm, a)?;
    Ok(iterators::dict_iter(vm, d, DictPart::Keys))
}

fn dict_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.__reversed__")?;
    let d = this(vm, a)?;
    Ok(iterators::dict_rev_iter(vm, d, DictPart::Keys))
}

/// `a == b` for two native dicts (CPython's `dict_equal`).
pub fn dict_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    let mut i = 0;
    while let Some(e) = entry_at(a, i) {
        i += 1;
        let Some((k, v, h)) = e else { continue };
        let Some(w) = dict::get_hashed(vm, b, k, h)? else {
            return Ok(false);
        };
        if !same_or_eq(vm, v, w)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    let Some(other) = dict::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    dict_equal(vm, d, other).map(Value::from_bool)
}

fn dict_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    let Some(other) = dict::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    dict_equal(vm, d, other).map(|b| Value::from_bool(!b))
}

fn dict_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    if dict::native(a.pos[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    let r = dict::copy(vm, d);
    update_from(vm, r, a.pos[1])?;
    Ok(r)
}

fn dict_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    let Some(other) = dict::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let r = dict::copy(vm, other);
    update_from(vm, r, a.pos[0])?;
    let _ = d;
    Ok(r)
}

fn dict_ior(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = this(vm, a)?;
    update_from(vm, d, a.pos[1])?;
    Ok(a.pos[0])
}

fn dict_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.__sizeof__")?;
    let d = this(vm, a)?;
    let dd = raw(d);
    let n = if dd.indices.is_null() { 0 } else { dd.mask + 1 };
    Ok(int::from_u64(
        vm,
        48 + (n as u64) * 4 + dd.entries_cap as u64 * 24,
    ))
}

// ---- methods ----

fn dict_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "dict.get", 1, 2)?;
    let d = this(vm, a)?;
    let default = rest.get(1).copied().unwrap_or(Value::NONE);
    Ok(dict::get(vm, d, rest[0])?.unwrap_or(default))
}

fn dict_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.keys")?;
    let d = this(vm, a)?;
    Ok(iterators::dict_view(vm, d, DictPart::Keys))
}

fn dict_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.values")?;
    let d = this(vm, a)?;
    Ok(iterators::dict_view(vm, d, DictPart::Values))
}

fn dict_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.items")?;
    let d = this(vm, a)?;
    Ok(iterators::dict_view(vm, d, DictPart::Items))
}

fn dict_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "dict.pop", 1, 2)?;
    let d = this(vm, a)?;
    match dict::remove(vm, d, rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(x) => Ok(*x),
            None => Err(vm.key_error(rest[0])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.popitem")?;
    let d = this(vm, a)?;
    let dd = raw(d);
    let Some(i) = dict::entries(dd).iter().rposition(|e| !e.key.is_null()) else {
        let msg = pystr::new(vm, "popitem(): dictionary is empty");
        return Err(vm.new_error_args(vm.exc.key_error, &[msg]));
    };
    let k = dict::entries(dd)[i].key;
    let v = dict::remove_at(dd, i);
    Ok(tuple::new(vm, &[k, v]))
}

fn dict_setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "dict.setdefault", 1, 2)?;
    let d = this(vm, a)?;
    let default = rest.get(1).copied().unwrap_or(Value::NONE);
    let h = vm.hash(rest[0])?;
    if let Some(v) = dict::get_hashed(vm, d, rest[0], h)? {
        return Ok(v);
    }
    dict::set_hashed(vm, d, rest[0], h, default)?;
    Ok(default)
}

fn dict_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.copy")?;
    let d = this(vm, a)?;
    Ok(dict::copy(vm, d))
}

fn dict_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "dict.clear")?;
    let d = this(vm, a)?;
    dict::clear(raw(d));
    Ok(Value::NONE)
}

fn dict_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__length_hint__")?;
    let n = native::downcast::<DictIter>(a.pos[0])
        .map(DictIter::length_hint)
        .unwrap_or(0);
    Ok(int::from_u64(vm, n as u64))
}
