//! The dict views (`dict_keys`, `dict_values`, `dict_items`) with their set
//! operations and comparisons, and `mappingproxy`.

use stitch_core::instr::cmpop;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::dict::{entry_at, is_exact_dict};
use super::{no_args, one_arg, pos_args, same_or_eq, slot_args};
use crate::builtins::{MappingProxy, add_methods, add_static};
use crate::gc::Rooted;
use crate::object::iterators::{self, DictPart, DictView};
use crate::object::{dict, int, native, set, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let vt = vm.registry[name];
        add_methods(
            vm,
            vt,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__repr__", view_repr),
            ],
        );
        crate::builtins::add_getsets(vm, vt, &[("mapping", view_mapping, None)]);
        if name == "dict_values" {
            continue;
        }
        add_methods(
            vm,
            vt,
            &[
                ("__contains__", view_contains),
                ("__eq__", view_eq),
                ("__ne__", view_ne),
                ("__lt__", view_lt),
                ("__le__", view_le),
                ("__gt__", view_gt),
                ("__ge__", view_ge),
                ("__and__", view_and),
                ("__rand__", view_rand),
                ("__or__", view_or),
                ("__ror__", view_ror),
                ("__sub__", view_sub),
                ("__rsub__", view_rsub),
                ("__xor__", view_xor),
                ("__rxor__", view_rxor),
                ("isdisjoint", view_isdisjoint),
            ],
        );
        dict::set_str(types::ty(vt).dict, vm.names.hash, Value::NONE);
    }
    let mp = vm.types.mappingproxy;
    add_methods(
        vm,
        mp,
        &[
            ("__getitem__", proxy_getitem),
            ("__contains__", proxy_contains),
            ("__iter__", proxy_iter),
            ("__reversed__", proxy_reversed),
            ("__len__", proxy_len),
            ("__eq__", proxy_eq),
            ("__or__", proxy_or),
            ("keys", proxy_keys),
            ("values", proxy_values),
            ("items", proxy_items),
            ("get", proxy_get),
            ("copy", proxy_copy),
            ("__repr__", proxy_repr),
            ("__str__", proxy_str),
        ],
    );
    add_static(vm, mp, &[("__new__", proxy_new)]);
}

fn view(vm: &mut Vm, a: &Args) -> PyResult<&'static DictView> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match native::downcast::<DictView>(v) {
        Some(dv) => Ok(dv),
        None => Err(super::wrong_self(vm, "dict view", v)),
    }
}

fn is_set_view(v: Value) -> bool {
    native::downcast::<DictView>(v).is_some_and(|dv| dv.part != DictPart::Values)
}

fn view_mapping(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match native::downcast::<DictView>(v) {
        Some(dv) => Ok(crate::builtins::mappingproxy(vm, dv.dict)),
        None => Err(super::wrong_self(vm, "dict view", v)),
    }
}

fn view_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let v = view(vm, a)?;
    Ok(int::from_u64(vm, dict::len(v.dict) as u64))
}

fn view_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let v = view(vm, a)?;
    Ok(iterators::dict_iter(vm, v.dict, v.part))
}

fn view_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__reversed__")?;
    let v = view(vm, a)?;
    Ok(iterators::dict_rev_iter(vm, v.dict, v.part))
}

fn view_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = view(vm, a)?;
    let name = vm.type_name(a.pos[0]);
    let this_v = a.pos[0];
    super::repr_guarded(vm, this_v, "...", |vm| {
        let it = iterators::dict_iter(vm, v.dict, v.part);
        let mut items = Rooted::new();
        while let Some(x) = vm.next(it)? {
            items.push(x);
        }
        let l = crate::object::list::new(vm, &items);
        let r = vm.repr_string(l)?;
        Ok(format!("{name}({r})"))
    })
}

/// `x in view` for keys and items views.
fn view_has(vm: &mut Vm, v: &DictView, x: Value) -> PyResult<bool> {
    match v.part {
        DictPart::Keys => Ok(dict::get(vm, v.dict, x)?.is_some()),
        DictPart::Items => {
            if !x.is_kind(Kind::Tuple) || tuple::len(x) != 2 {
                return Ok(false);
            }
            let (k, val) = (tuple::items(x)[0], tuple::items(x)[1]);
            match dict::get(vm, v.dict, k)? {
                Some(found) => same_or_eq(vm, found, val),
                None => Ok(false),
            }
        }
        DictPart::Values => {
            let mut i = 0;
            while let Some(e) = entry_at(v.dict, i) {
                i += 1;
                if let Some((_, val, _)) = e
                    && same_or_eq(vm, val, x)?
                {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let v = view(vm, a)?;
    view_has(vm, v, a.pos[1]).map(Value::from_bool)
}

/// Whether every item of `a` is in `b` (`all_contained_in`).
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(it)? {
        if !vm.contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    view(vm, a)?;
    let (s, o) = (a.pos[0], a.pos[1]);
    if set::native(o).is_none() && !is_set_view(o) {
        return Ok(vm.not_implemented);
    }
    let (ls, lo) = (vm.len(s)?, vm.len(o)?);
    let r = match op {
        cmpop::EQ | cmpop::NE => {
            let eq = ls == lo && all_contained_in(vm, s, o)?;
            eq == (op == cmpop::EQ)
        }
        cmpop::LT => ls < lo && all_contained_in(vm, s, o)?,
        cmpop::LE => ls <= lo && all_contained_in(vm, s, o)?,
        cmpop::GT => ls > lo && all_contained_in(vm, o, s)?,
        _ => ls >= lo && all_contained_in(vm, o, s)?,
    };
    Ok(Value::from_bool(r))
}

fn view_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::EQ)
}
fn view_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::NE)
}
fn view_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::LT)
}
fn view_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::LE)
}
fn view_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::GT)
}
fn view_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view_compare(vm, a, cmpop::GE)
}

/// A set of the items of `v` (a keys view becomes a set of its dict's keys).
fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let src = match native::downcast::<DictView>(v) {
        Some(dv) if dv.part == DictPart::Keys && is_exact_dict(vm, dv.dict) => dv.dict,
        _ => v,
    };
    let ty = vm.types.set;
    set::new_from(vm, ty, src)
}

/// `left & right` where one of them is a keys or items view.
fn intersect(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let (mut s, mut o) = if is_set_view(left) {
        (left, right)
    } else {
        (right, left)
    };
    let len_s = vm.len(s)?;
    if o.is_kind(Kind::Set) && vm.type_of(o) == vm.types.set && len_s <= vm.len(o)? {
        return vm.call_method(o, "intersection", &[s]);
    }
    if is_set_view(o) && vm.len(o)? > len_s {
        std::mem::swap(&mut s, &mut o);
    }
    let Some(sv) = native::downcast::<DictView>(s) else {
        return Ok(vm.not_implemented);
    };
    let result = set::new(vm);
    let it = vm.iter(o)?;
    while let Some(x) = vm.next(it)? {
        if view_has(vm, sv, x)? {
            set::add(vm, result, x)?;
        }
    }
    Ok(result)
}

fn view_and(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    intersect(vm, a.pos[0], a.pos[1])
}
fn view_rand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    intersect(vm, a.pos[1], a.pos[0])
}

fn union(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let r = to_set(vm, left)?;
    set::update(vm, r, right)?;
    Ok(r)
}
fn view_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    union(vm, a.pos[0], a.pos[1])
}
fn view_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    union(vm, a.pos[1], a.pos[0])
}

fn difference(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    let r = to_set(vm, left)?;
    set::difference_update(vm, r, right)?;
    Ok(r)
}
fn view_sub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    difference(vm, a.pos[0], a.pos[1])
}
fn view_rsub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    difference(vm, a.pos[1], a.pos[0])
}

/// `d1.items() ^ d2.items()` (CPython's `dictitems_xor`).
fn items_xor(vm: &mut Vm, d1: Value, d2: Value) -> PyResult<Value> {
    let tmp = dict::copy(vm, d1);
    let result = set::new(vm);
    let mut i = 0;
    while let Some(e) = entry_at(d2, i) {
        i += 1;
        let Some((k, v2, h)) = e else { continue };
        let delete = match dict::get_hashed(vm, tmp, k, h)? {
            Some(v1) => same_or_eq(vm, v1, v2)?,
            None => false,
        };
        if delete {
            dict::remove_hashed(vm, tmp, k, h)?;
        } else {
            let pair = tuple::new(vm, &[k, v2]);
            set::add(vm, result, pair)?;
        }
    }
    let rest = iterators::dict_view(vm, tmp, DictPart::Items);
    set::update(vm, result, rest)?;
    Ok(result)
}

fn symmetric_difference(vm: &mut Vm, left: Value, right: Value) -> PyResult<Value> {
    if let (Some(l), Some(r)) = (
        native::downcast::<DictView>(left),
        native::downcast::<DictView>(right),
    ) && l.part == DictPart::Items
        && r.part == DictPart::Items
    {
        return items_xor(vm, l.dict, r.dict);
    }
    let r = to_set(vm, left)?;
    set::symmetric_difference_update(vm, r, right)?;
    Ok(r)
}
fn view_xor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    symmetric_difference(vm, a.pos[0], a.pos[1])
}
fn view_rxor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    symmetric_difference(vm, a.pos[1], a.pos[0])
}

fn view_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let other = one_arg(vm, a, "isdisjoint")?;
    let v = view(vm, a)?;
    let mut s = a.pos[0];
    let mut o = other;
    if s == o {
        return Ok(Value::from_bool(dict::len(v.dict) == 0));
    }
    if set::native(o).is_some() || is_set_view(o) {
        let (ls, lo) = (dict::len(v.dict), vm.len(o)?);
        if lo > ls {
            std::mem::swap(&mut s, &mut o);
        }
    }
    let it = vm.iter(o)?;
    while let Some(x) = vm.next(it)? {
        if vm.contains(s, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ---- mappingproxy ----

/// `mappingproxy(mapping)` (dicts only: the proxy reads the dict natively).
fn proxy_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "mappingproxy", 1, 1)?;
    match dict::native(rest[0]) {
        Some(d) => Ok(crate::builtins::mappingproxy(vm, d)),
        None => Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(rest[0])
        ))),
    }
}

fn proxy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match native::downcast::<MappingProxy>(v) {
        Some(p) => Ok(p.dict),
        None => Err(super::wrong_self(vm, "mappingproxy", v)),
    }
}
fn proxy_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = one_arg(vm, a, "mappingproxy.__getitem__")?;
    let d = proxy(vm, a)?;
    vm.getitem(d, k)
}
fn proxy_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = proxy(vm, a)?;
    vm.contains(d, a.pos[1]).map(Value::from_bool)
}
fn proxy_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.iter(d)
}
fn proxy_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.call_method(d, "__reversed__", &[])
}
fn proxy_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    let n = vm.len(d)?;
    Ok(int::from_u64(vm, n as u64))
}
fn proxy_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = proxy(vm, a)?;
    vm.compare(d, a.pos[1], cmpop::EQ)
}
fn proxy_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let d = proxy(vm, a)?;
    let other = match native::downcast::<MappingProxy>(a.pos[1]) {
        Some(p) => p.dict,
        None => a.pos[1],
    };
    crate::vm::ops::binary_op(vm, stitch_core::instr::binop::OR, d, other)
}
fn proxy_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.call_method(d, "keys", &[])
}
fn proxy_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.call_method(d, "values", &[])
}
fn proxy_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.call_method(d, "items", &[])
}
fn proxy_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "mappingproxy.get", 1, 2)?;
    let d = proxy(vm, a)?;
    let default = rest.get(1).copied().unwrap_or(Value::NONE);
    if d.is_kind(Kind::Dict) {
        return Ok(dict::get(vm, d, rest[0])?.unwrap_or(default));
    }
    vm.call_method(d, "get", &[rest[0], default])
}
fn proxy_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.call_method(d, "copy", &[])
}
fn proxy_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    vm.str(d)
}
fn proxy_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = proxy(vm, a)?;
    let r = vm.repr_string(d)?;
    Ok(pystr::new(vm, &format!("mappingproxy({r})")))
}
