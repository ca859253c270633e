//! The iterator types `enumerate`, `zip`, `map`, `filter` and `reversed`, and the
//! `__iter__`/`__next__`/`__length_hint__` methods of the builtin iterators.

use std::cell::Cell;

use stitch_core::value::Value;

use super::{no_args, slot_args};
use crate::builtins::{add_methods, add_static};
use crate::gc::Rooted;
use crate::object::iterators::{self, BytesIter, Reversed, StrIter};
use crate::object::native::{self, SeqIter};
use crate::object::{int, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    for (name, new) in [
        (
            "enumerate",
            enumerate_new as crate::object::function::NativeFn,
        ),
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
    let en = vm.registry["enumerate"];
    crate::builtins::add_classmethods(vm, en, &[("__class_getitem__", super::class_getitem)]);
    let rv = vm.registry["reversed"];
    add_methods(vm, rv, &[("__length_hint__", reversed_length_hint)]);
    for name in [
        "str_ascii_iterator",
        "str_iterator",
        "bytes_iterator",
        "set_iterator",
        "callable_iterator",
        "iterator",
        "longrange_iterator",
    ] {
        let ty = vm.registry[name];
        add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
    for name in [
        "str_ascii_iterator",
        "str_iterator",
        "bytes_iterator",
        "iterator",
    ] {
        let ty = vm.registry[name];
        add_methods(vm, ty, &[("__length_hint__", native_length_hint)]);
    }
    for ty in [
        vm.types.list_iterator,
        vm.types.tuple_iterator,
        vm.types.range_iterator,
    ] {
        add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
    }
}

pub fn iter_self(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    Ok(a.pos[0])
}

pub fn iter_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    match native::next_fast(vm, a.pos[0])? {
        Some(Some(v)) => Ok(v),
        _ => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn native_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__length_hint__")?;
    let v = a.pos[0];
    if let Some(it) = native::downcast::<StrIter>(v) {
        return Ok(int::from_u64(vm, it.remaining() as u64));
    }
    if let Some(it) = native::downcast::<BytesIter>(v) {
        return Ok(int::from_u64(vm, it.remaining() as u64));
    }
    if let Some(it) = native::downcast::<SeqIter>(v) {
        let i = it.index.get();
        if i >= 0 && vm.lookup_special(it.seq, vm.names.len).is_some() {
            let n = vm.len(it.seq)? as i64;
            return Ok(Value::small((n - i).max(0)));
        }
    }
    Ok(Value::small(0))
}

fn enumerate_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["enumerate"];
    let cls = super::new_cls(vm, a, ty)?;
    let mut iterable = a.pos.get(1).copied();
    let mut start = a.pos.get(2).copied();
    if a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            a.pos.len() - 1 + a.kwnames.len()
        )));
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let slot = match pystr::as_str(*k) {
            "iterable" => &mut iterable,
            "start" => &mut start,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for enumerate()"
                )));
            }
        };
        if slot.is_some() {
            let (name, pos) = if pystr::as_str(*k) == "iterable" {
                ("iterable", 1)
            } else {
                ("start", 2)
            };
            return Err(vm.type_error(format!(
                "argument for enumerate() given by name ('{name}') and position ({pos})"
            )));
        }
        *slot = Some(*v);
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let it = vm.iter(iterable)?;
    let count = match start {
        None => Value::small(0),
        Some(s) if s.is_float() => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        Some(s) => vm.index(s)?,
    };
    Ok(native::new(
        vm,
        cls,
        Box::new(iterators::Enumerate {
            it,
            count: Cell::new(count),
        }),
    ))
}

fn zip_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["zip"];
    let cls = super::new_cls(vm, a, ty)?;
    let mut strict = false;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if pystr::as_str(*k) != "strict" {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for zip()",
                pystr::as_str(*k)
            )));
        }
        strict = vm.truth(*v)?;
    }
    let mut its = Rooted::new();
    for x in &a.pos[1..] {
        let it = vm.iter(*x)?;
        its.push(it);
    }
    let t = tuple::new(vm, &its);
    Ok(native::new(
        vm,
        cls,
        Box::new(iterators::Zip { its: t, strict }),
    ))
}

fn map_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["map"];
    let cls = super::new_cls(vm, a, ty)?;
    if a.has_kwargs() && cls == vm.registry["map"] {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if a.pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Rooted::new();
    for x in &a.pos[2..] {
        let it = vm.iter(*x)?;
        its.push(it);
    }
    let t = tuple::new(vm, &its);
    Ok(native::new(
        vm,
        cls,
        Box::new(iterators::Map {
            func: a.pos[1],
            its: t,
        }),
    ))
}

fn filter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["filter"];
    let cls = super::new_cls(vm, a, ty)?;
    if a.has_kwargs() && cls == vm.registry["filter"] {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    super::arity(vm, "filter", a.pos.len() - 1, 2, 2)?;
    let it = vm.iter(a.pos[2])?;
    Ok(native::new(
        vm,
        cls,
        Box::new(iterators::Filter { func: a.pos[1], it }),
    ))
}

fn reversed_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["reversed"];
    let cls = super::new_cls(vm, a, ty)?;
    if a.has_kwargs() && cls == vm.registry["reversed"] {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    super::arity(vm, "reversed", a.pos.len() - 1, 1, 1)?;
    let seq = a.pos[1];
    let not_reversible =
        |vm: &mut Vm| vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq)));
    match vm.lookup_special(seq, vm.names.reversed) {
        Some(m) if m.is_none() => return Err(not_reversible(vm)),
        Some(_) => {
            if let Some(r) = vm.call_special(seq, vm.names.reversed, &[])? {
                return Ok(r);
            }
        }
        None => {}
    }
    let is_sequence = vm.lookup_special(seq, vm.names.getitem).is_some()
        && !types::is_subtype(vm.type_of(seq), vm.types.dict);
    if !is_sequence {
        return Err(not_reversible(vm));
    }
    let n = vm.len(seq)? as i64;
    Ok(native::new(
        vm,
        cls,
        Box::new(Reversed {
            seq: Cell::new(seq),
            index: Cell::new(n - 1),
        }),
    ))
}

fn reversed_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "reversed.__length_hint__")?;
    let Some(r) = native::downcast::<Reversed>(a.pos[0]) else {
        return Ok(Value::small(0));
    };
    let seq = r.seq.get();
    if seq.is_null() {
        return Ok(Value::small(0));
    }
    let n = vm.len(seq)? as i64;
    let position = r.index.get() + 1;
    Ok(Value::small(if n < position { 0 } else { position }))
}
