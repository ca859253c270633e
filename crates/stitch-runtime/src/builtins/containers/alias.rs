//! `types.GenericAlias` (`list[int]`, `dict[str, int]`): repr, equality, hashing
//! and calling the origin.

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::slot_args;
use crate::builtins::add_methods;
use crate::object::native::{self, GenericAlias};
use crate::object::{int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let ty = vm.registry["GenericAlias"];
    crate::object::types::ty(ty).prefix.flags |= crate::object::types::flags::BASETYPE;
    crate::builtins::add_static(vm, ty, &[("__new__", alias_new)]);
    add_methods(
        vm,
        ty,
        &[
            ("__repr__", alias_repr),
            ("__eq__", alias_eq),
            ("__ne__", alias_ne),
            ("__hash__", alias_hash),
            ("__call__", alias_call),
        ],
    );
}

/// `GenericAlias(origin, args)`.
fn alias_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ty = vm.registry["GenericAlias"];
    let cls = super::new_cls(vm, a, ty)?;
    if a.has_kwargs() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    super::arity(vm, "GenericAlias", a.pos.len() - 1, 2, 2)?;
    let (origin, args) = (a.pos[1], a.pos[2]);
    let args = if args.is_kind(stitch_core::layout::Kind::Tuple) {
        args
    } else {
        tuple::new(vm, &[args])
    };
    Ok(native::new(
        vm,
        cls,
        Box::new(GenericAlias { origin, args }),
    ))
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<&'static GenericAlias> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match native::downcast::<GenericAlias>(v) {
        Some(g) => Ok(g),
        None => Err(super::wrong_self(vm, "types.GenericAlias", v)),
    }
}

/// How an origin or argument appears in the repr (CPython's `ga_repr_item`).
fn repr_item(vm: &mut Vm, p: Value) -> PyResult<String> {
    if p == vm.ellipsis {
        return Ok("...".into());
    }
    if native::downcast::<GenericAlias>(p).is_some() {
        return vm.repr_string(p);
    }
    let qualname = vm.names.qualname;
    let Some(q) = vm.getattr_opt(p, qualname).ok().flatten() else {
        return vm.repr_string(p);
    };
    let module = vm.names.module;
    let m = vm.getattr_opt(p, module).ok().flatten();
    match m {
        Some(m) if !m.is_none() => {
            let q = vm.str_string(q)?;
            match pystr::text_of(m) {
                Some("builtins") => Ok(q),
                _ => {
                    let m = vm.str_string(m)?;
                    Ok(format!("{m}.{q}"))
                }
            }
        }
        _ => vm.repr_string(p),
    }
}

fn alias_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = this(vm, a)?;
    let mut out = repr_item(vm, g.origin)?;
    out.push('[');
    let args = tuple::items(g.args);
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, x) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, *x)?);
    }
    out.push(']');
    Ok(pystr::new(vm, &out))
}

fn equal(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    slot_args(vm, a, 1)?;
    let g = this(vm, a)?;
    let Some(o) = native::downcast::<GenericAlias>(a.pos[1]) else {
        return Ok(None);
    };
    if !vm.eq_bool(g.origin, o.origin)? {
        return Ok(Some(false));
    }
    let r = vm.compare(g.args, o.args, cmpop::EQ)?;
    vm.truth(r).map(Some)
}

fn alias_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match equal(vm, a)? {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented,
    })
}

fn alias_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match equal(vm, a)? {
        Some(b) => Value::from_bool(!b),
        None => vm.not_implemented,
    })
}

fn alias_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let g = this(vm, a)?;
    let h = vm.hash(g.origin)? ^ vm.hash(g.args)?;
    Ok(int::from_i64(vm, h))
}

fn alias_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = this(vm, a)?;
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    vm.call_kw(g.origin, &rest)
}
