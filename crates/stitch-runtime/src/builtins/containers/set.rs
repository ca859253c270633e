//! `set` and `frozenset` methods and operators (the table algorithms are in
//! `object/set.rs`).

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::{class_getitem, no_args, one_arg, slot_args};
use crate::builtins::{add_classmethods, add_methods, add_static};
use crate::object::iterators::SetIter;
use crate::object::{dict, int, native, set, str as pystr, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let (s, f) = (vm.types.set, vm.types.frozenset);
    let shared: &[(&'static str, crate::object::function::NativeFn)] = &[
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__or__", set_or),
        ("__ror__", set_ror),
        ("__and__", set_and),
        ("__rand__", set_rand),
        ("__sub__", set_sub),
        ("__rsub__", set_rsub),
        ("__xor__", set_xor),
        ("__rxor__", set_rxor),
        ("__sizeof__", set_sizeof),
        ("__reduce__", set_reduce),
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    for t in [s, f] {
        add_methods(vm, t, shared);
        add_classmethods(vm, t, &[("__class_getitem__", class_getitem)]);
    }
    add_static(vm, s, &[("__new__", set_new)]);
    add_methods(
        vm,
        s,
        &[
            ("__init__", set_init),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
            ("add", set_add),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
        ],
    );
    dict::set_str(types::ty(s).dict, vm.names.hash, Value::NONE);
    add_static(vm, f, &[("__new__", frozenset_new)]);
    add_methods(vm, f, &[("__hash__", frozenset_hash)]);
    let it = vm.registry["set_iterator"];
    add_methods(vm, it, &[("__length_hint__", set_iter_length_hint)]);
}

/// The native set behind `self`.
fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match set::native(v) {
        Some(s) => Ok(s),
        None => Err(super::wrong_self(vm, "set", v)),
    }
}

/// The type of the results of `self`'s set operations.
fn result_type(vm: &Vm, a: &Args) -> Value {
    let t = vm.type_of(a.pos[0]);
    set::base_type(vm, t)
}

fn set_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a, vm.types.set)?;
    let s = set::new(vm);
    Ok(super::for_class(vm, cls, vm.types.set, s))
}

fn set_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a)?;
    if a.has_kwargs() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let tname = vm.type_name(a.pos[0]);
    super::arity(vm, tname, a.pos.len() - 1, 0, 1)?;
    if set::obj(s).fill > 0 {
        set::clear(s);
    }
    set::obj(s).hash = -1;
    if let Some(&it) = a.pos.get(1) {
        set::update(vm, s, it)?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a, vm.types.frozenset)?;
    let frozen = vm.types.frozenset;
    if a.has_kwargs()
        && (cls == frozen
            || types::lookup(cls, vm.names.init) == types::lookup(frozen, vm.names.init))
    {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let tname = types::name(cls);
    super::arity(vm, tname, a.pos.len() - 1, 0, 1)?;
    let iterable = a.pos.get(1).copied();
    if cls == frozen
        && let Some(it) = iterable
        && vm.type_of(it) == frozen
    {
        return Ok(it);
    }
    let s = set::new_frozen(vm);
    if let Some(it) = iterable {
        set::update(vm, s, it)?;
    }
    Ok(super::for_class(vm, cls, frozen, s))
}

fn set_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a)?;
    let tname = vm.type_name(a.pos[0]);
    if set::len(s) == 0 {
        return Ok(pystr::new(vm, &format!("{tname}()")));
    }
    let exact_set = vm.type_of(a.pos[0]) == vm.types.set;
    let again = format!("{tname}(...)");
    super::repr_guarded(vm, s, &again, |vm| {
        let keys = crate::object::list::new(vm, &set::items(s));
        let r = vm.repr(keys)?;
        let r = pystr::as_str(r);
        let inner = &r[1..r.len() - 1];
        Ok(if exact_set {
            format!("{{{inner}}}")
        } else {
            format!("{tname}({{{inner}}})")
        })
    })
}

fn set_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let s = this(vm, a)?;
    Ok(int::from_u64(vm, set::len(s) as u64))
}

fn set_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "set.__contains__")?;
    let s = this(vm, a)?;
    set::contains(vm, s, x).map(Value::from_bool)
}

fn set_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let s = this(vm, a)?;
    Ok(crate::object::iterators::set_iter(vm, s))
}

// ---- comparisons ----

/// `so <= other` for any iterable `other` (`issubset`).
fn issubset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    match set::native(other) {
        Some(o) => set::is_subset(vm, so, o),
        None => {
            let ty = vm.types.set;
            let tmp = set::new_from(vm, ty, other)?;
            set::is_subset(vm, so, tmp)
        }
    }
}

/// `so >= other` for any iterable `other` (`issuperset`).
fn issuperset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if let Some(o) = set::native(other) {
        return set::is_subset(vm, o, so);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(it)? {
        if !set::contains(vm, so, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let s = this(vm, a)?;
    let Some(o) = set::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let (ls, lo) = (set::len(s), set::len(o));
    let r = match op {
        cmpop::EQ | cmpop::NE => {
            let eq = if ls != lo {
                false
            } else {
                let (hs, ho) = (set::obj(s).hash, set::obj(o).hash);
                if hs != -1 && ho != -1 && hs != ho {
                    false
                } else {
                    set::is_subset(vm, s, o)?
                }
            };
            eq == (op == cmpop::EQ)
        }
        cmpop::LE => set::is_subset(vm, s, o)?,
        cmpop::GE => set::is_subset(vm, o, s)?,
        cmpop::LT => ls < lo && set::is_subset(vm, s, o)?,
        _ => ls > lo && set::is_subset(vm, o, s)?,
    };
    Ok(Value::from_bool(r))
}

fn set_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::EQ)
}
fn set_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::NE)
}
fn set_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LT)
}
fn set_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LE)
}
fn set_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GT)
}
fn set_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GE)
}

// ---- operators ----

/// The operands of a binary set operator: both native sets, or None
/// (NotImplemented). `reflected` swaps them (for `__rop__`).
fn operands(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Option<(Value, Value, Value)>> {
    slot_args(vm, a, 1)?;
    let s = this(vm, a)?;
    let Some(o) = set::native(a.pos[1]) else {
        return Ok(None);
    };
    if reflected {
        let t = vm.type_of(a.pos[1]);
        Ok(Some((o, s, set::base_type(vm, t))))
    } else {
        Ok(Some((s, o, result_type(vm, a))))
    }
}

fn or(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    let Some((x, y, ty)) = operands(vm, a, reflected)? else {
        return Ok(vm.not_implemented);
    };
    let r = set::new_from(vm, ty, x)?;
    if x != y {
        set::update(vm, r, y)?;
    }
    Ok(r)
}
fn set_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    or(vm, a, false)
}
fn set_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    or(vm, a, true)
}

fn and(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    let Some((x, y, ty)) = operands(vm, a, reflected)? else {
        return Ok(vm.not_implemented);
    };
    set::intersection(vm, ty, x, y)
}
fn set_and(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    and(vm, a, false)
}
fn set_rand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    and(vm, a, true)
}

fn sub(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    let Some((x, y, ty)) = operands(vm, a, reflected)? else {
        return Ok(vm.not_implemented);
    };
    set::difference(vm, ty, x, y)
}
fn set_sub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sub(vm, a, false)
}
fn set_rsub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sub(vm, a, true)
}

/// `x ^ y` into a new set of type `ty`.
fn symmetric_difference(vm: &mut Vm, ty: Value, x: Value, y: Value) -> PyResult<Value> {
    let r = set::new_from(vm, ty, y)?;
    set::symmetric_difference_update(vm, r, x)?;
    Ok(r)
}

fn xor(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    let Some((x, y, ty)) = operands(vm, a, reflected)? else {
        return Ok(vm.not_implemented);
    };
    symmetric_difference(vm, ty, x, y)
}
fn set_xor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    xor(vm, a, false)
}
fn set_rxor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    xor(vm, a, true)
}

/// The operand of an in-place operator: a native set, or None (NotImplemented).
fn inplace_operand(vm: &mut Vm, a: &Args) -> PyResult<Option<(Value, Value)>> {
    slot_args(vm, a, 1)?;
    let s = this(vm, a)?;
    Ok(set::native(a.pos[1]).map(|o| (s, o)))
}

fn set_ior(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((s, o)) = inplace_operand(vm, a)? else {
        return Ok(vm.not_implemented);
    };
    set::update(vm, s, o)?;
    Ok(a.pos[0])
}

fn intersection_update(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<()> {
    let ty = vm.types.set;
    let mut result = s;
    for &o in others {
        result = set::intersection(vm, ty, result, o)?;
    }
    if result == s {
        result = set::new_from(vm, ty, s)?;
    }
    set::swap_bodies(vm, s, result);
    Ok(())
}

fn set_iand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((s, o)) = inplace_operand(vm, a)? else {
        return Ok(vm.not_implemented);
    };
    intersection_update(vm, s, &[o])?;
    Ok(a.pos[0])
}

fn set_isub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((s, o)) = inplace_operand(vm, a)? else {
        return Ok(vm.not_implemented);
    };
    set::difference_update(vm, s, o)?;
    Ok(a.pos[0])
}

fn set_ixor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((s, o)) = inplace_operand(vm, a)? else {
        return Ok(vm.not_implemented);
    };
    set::symmetric_difference_update(vm, s, o)?;
    Ok(a.pos[0])
}

// ---- methods ----

fn set_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set.__sizeof__")?;
    let s = this(vm, a)?;
    let n = set::obj(s).table.len();
    let extra = if n > 8 { 16 * n as u64 } else { 0 };
    Ok(int::from_u64(vm, 200 + extra))
}

fn set_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set.__reduce__")?;
    let s = this(vm, a)?;
    let keys = crate::object::list::new(vm, &set::items(s));
    let args = crate::object::tuple::new(vm, &[keys]);
    let state = vm
        .getattr_opt(a.pos[0], vm.names.dict)?
        .unwrap_or(Value::NONE);
    let ty = vm.type_of(a.pos[0]);
    Ok(crate::object::tuple::new(vm, &[ty, args, state]))
}

fn set_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set.copy")?;
    let s = this(vm, a)?;
    if vm.type_of(a.pos[0]) == vm.types.frozenset {
        return Ok(a.pos[0]);
    }
    let ty = result_type(vm, a);
    set::new_from(vm, ty, s)
}

fn varargs<'a>(vm: &mut Vm, a: &Args<'a>, qualname: &str) -> PyResult<&'a [Value]> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    Ok(&a.pos[1..])
}

fn set_union(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.union")?;
    let s = this(vm, a)?;
    let ty = result_type(vm, a);
    let r = set::new_from(vm, ty, s)?;
    for &o in others {
        if set::native(o) == Some(s) {
            continue;
        }
        set::update(vm, r, o)?;
    }
    Ok(r)
}

fn set_intersection(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.intersection")?;
    let s = this(vm, a)?;
    let ty = result_type(vm, a);
    if others.is_empty() {
        return set::new_from(vm, ty, s);
    }
    let mut r = s;
    for &o in others {
        r = set::intersection(vm, ty, r, o)?;
    }
    Ok(r)
}

fn set_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.difference")?;
    let s = this(vm, a)?;
    let ty = result_type(vm, a);
    let Some((&first, rest)) = others.split_first() else {
        return set::new_from(vm, ty, s);
    };
    let r = set::difference(vm, ty, s, first)?;
    for &o in rest {
        set::difference_update(vm, r, o)?;
    }
    Ok(r)
}

fn set_symmetric_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_arg(vm, a, "set.symmetric_difference")?;
    let s = this(vm, a)?;
    let ty = result_type(vm, a);
    symmetric_difference(vm, ty, s, o)
}

fn set_issubset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_arg(vm, a, "set.issubset")?;
    let s = this(vm, a)?;
    issubset(vm, s, o).map(Value::from_bool)
}

fn set_issuperset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_arg(vm, a, "set.issuperset")?;
    let s = this(vm, a)?;
    issuperset(vm, s, o).map(Value::from_bool)
}

fn set_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let other = one_arg(vm, a, "set.isdisjoint")?;
    let s = this(vm, a)?;
    if let Some(o) = set::native(other) {
        if o == s {
            return Ok(Value::from_bool(set::len(s) == 0));
        }
        let (big, small) = if set::len(o) > set::len(s) {
            (o, s)
        } else {
            (s, o)
        };
        let mut pos = 0;
        while let Some(e) = set::next_entry(small, &mut pos) {
            if set::contains_hashed(vm, big, e.key, e.hash)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(it)? {
        if set::contains(vm, s, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "set.add")?;
    let s = this(vm, a)?;
    set::add(vm, s, x)?;
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "set.discard")?;
    let s = this(vm, a)?;
    set::discard(vm, s, x)?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "set.remove")?;
    let s = this(vm, a)?;
    if !set::discard(vm, s, x)? {
        return Err(vm.key_error(x));
    }
    Ok(Value::NONE)
}

fn set_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set.pop")?;
    let s = this(vm, a)?;
    match set::pop(s) {
        Some(k) => Ok(k),
        None => {
            let msg = pystr::new(vm, "pop from an empty set");
            Err(vm.new_error_args(vm.exc.key_error, &[msg]))
        }
    }
}

fn set_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set.clear")?;
    let s = this(vm, a)?;
    set::clear(s);
    Ok(Value::NONE)
}

fn set_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.update")?;
    let s = this(vm, a)?;
    for &o in others {
        set::update(vm, s, o)?;
    }
    Ok(Value::NONE)
}

fn set_intersection_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.intersection_update")?;
    let s = this(vm, a)?;
    intersection_update(vm, s, others)?;
    Ok(Value::NONE)
}

fn set_difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let others = varargs(vm, a, "set.difference_update")?;
    let s = this(vm, a)?;
    for &o in others {
        set::difference_update(vm, s, o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_arg(vm, a, "set.symmetric_difference_update")?;
    let s = this(vm, a)?;
    set::symmetric_difference_update(vm, s, o)?;
    Ok(Value::NONE)
}

fn frozenset_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let s = this(vm, a)?;
    let h = set::hash(s);
    Ok(int::from_i64(vm, h))
}

fn set_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "set_iterator.__length_hint__")?;
    let n = native::downcast::<SetIter>(a.pos[0])
        .map(SetIter::length_hint)
        .unwrap_or(0);
    Ok(int::from_u64(vm, n as u64))
}
