//! `tuple` methods and operators.

use stitch_core::instr::cmpop;
use stitch_core::layout::{Kind, TupleIterObj};
use stitch_core::value::Value;

use super::{class_getitem, for_class, no_args, one_arg, pos_args, slot_args};
use crate::builtins::{add_classmethods, add_methods, add_static};
use crate::object::{ValueExt, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple;
    add_static(vm, t, &[("__new__", tuple_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__repr__", tuple_repr),
            ("__len__", tuple_len),
            ("__getitem__", tuple_getitem),
            ("__contains__", tuple_contains),
            ("__iter__", tuple_iter),
            ("__hash__", tuple_hash),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_mul),
            ("__getnewargs__", tuple_getnewargs),
            ("index", tuple_index),
            ("count", tuple_count),
        ],
    );
    add_classmethods(vm, t, &[("__class_getitem__", class_getitem)]);
    let ti = vm.types.tuple_iterator;
    add_methods(vm, ti, &[("__length_hint__", tuple_iter_length_hint)]);
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match tuple::native(v) {
        Some(t) => Ok(t),
        None => Err(super::wrong_self(vm, "tuple", v)),
    }
}

fn tuple_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a, vm.types.tuple)?;
    if a.has_kwargs() && cls == vm.types.tuple {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let rest = &a.pos[1..];
    super::arity(vm, "tuple", rest.len(), 0, 1)?;
    let t = match rest.first() {
        None => vm.empty_tuple,
        Some(&it) if it.is_kind(Kind::Tuple) && cls == vm.types.tuple => it,
        Some(&it) => {
            let items = vm.collect_iter(it)?;
            tuple::new(vm, &items)
        }
    };
    Ok(for_class(vm, cls, vm.types.tuple, t))
}

fn tuple_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = this(vm, a)?;
    match tuple::len(t) {
        0 => Ok(pystr::new(vm, "()")),
        1 => super::repr_guarded(vm, t, "(...)", |vm| {
            let r = vm.repr(tuple::items(t)[0])?;
            Ok(format!("({},)", pystr::as_str(r)))
        }),
        _ => super::repr_guarded(vm, t, "(...)", |vm| {
            let inner = super::join_reprs(vm, || tuple::items(t))?;
            Ok(format!("({inner})"))
        }),
    }
}

fn tuple_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let t = this(vm, a)?;
    Ok(int::from_u64(vm, tuple::len(t) as u64))
}

fn tuple_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let t = this(vm, a)?;
    tuple::getitem(vm, t, a.pos[1])
}

fn tuple_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let t = this(vm, a)?;
    for &y in tuple::items(t) {
        if super::same_or_eq(vm, y, a.pos[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let t = this(vm, a)?;
    vm.iter(t)
}

fn tuple_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let t = this(vm, a)?;
    let h = tuple::hash(vm, t)?;
    Ok(int::from_i64(vm, h))
}

fn compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let t = this(vm, a)?;
    let Some(other) = tuple::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    super::compare_seqs(vm, t, other, tuple::items, op)
}

fn tuple_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::EQ)
}
fn tuple_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::NE)
}
fn tuple_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LT)
}
fn tuple_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LE)
}
fn tuple_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GT)
}
fn tuple_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GE)
}

fn tuple_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let t = this(vm, a)?;
    let Some(other) = tuple::native(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    if tuple::len(other) == 0 && a.pos[0].is_kind(Kind::Tuple) {
        return Ok(t);
    }
    let mut all = tuple::items(t).to_vec();
    all.extend_from_slice(tuple::items(other));
    Ok(tuple::new(vm, &all))
}

fn tuple_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let t = this(vm, a)?;
    let n = tuple::len(t);
    let Some(count) = super::list::repeat_count(vm, a.pos[1], n)? else {
        return Ok(vm.not_implemented);
    };
    if count == 1 && a.pos[0].is_kind(Kind::Tuple) {
        return Ok(t);
    }
    let items = tuple::items(t);
    let mut all = Vec::with_capacity(n * count);
    for _ in 0..count {
        all.extend_from_slice(items);
    }
    Ok(tuple::new(vm, &all))
}

fn tuple_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "tuple.__getnewargs__")?;
    let t = this(vm, a)?;
    let copy = tuple::new(vm, tuple::items(t));
    Ok(tuple::new(vm, &[copy]))
}

fn tuple_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = pos_args(vm, a, "tuple.index", 1, 3)?;
    let t = this(vm, a)?;
    let (start, stop) = super::list::index_bounds(vm, rest, tuple::len(t))?;
    for i in start..stop {
        let y = tuple::items(t)[i];
        if super::same_or_eq(vm, y, rest[0])? {
            return Ok(int::from_u64(vm, i as u64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "tuple.count")?;
    let t = this(vm, a)?;
    let mut c = 0u64;
    for &y in tuple::items(t) {
        if super::same_or_eq(vm, y, x)? {
            c += 1;
        }
    }
    Ok(int::from_u64(vm, c))
}

fn tuple_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "tuple_iterator.__length_hint__")?;
    let Some(it) = a.pos[0].get::<TupleIterObj>() else {
        return Ok(Value::small(0));
    };
    let n = tuple::len(it.tuple);
    Ok(Value::small(n.saturating_sub(it.index) as i64))
}
