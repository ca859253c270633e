//! `types.UnionType` (`int | str`): repr, order-independent equality and hash,
//! further `|`, `__parameters__`, and isinstance/issubclass checks.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{Union, add_getsets, add_methods, args};
use crate::object::native;
use crate::object::{str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.registry["UnionType"];
    let m = pystr::intern(vm, "types");
    crate::object::dict::set_str(crate::object::types::ty(t).dict, vm.names.module, m);
    add_methods(
        vm,
        t,
        &[
            ("__repr__", union_repr),
            ("__eq__", union_eq),
            ("__ne__", union_ne),
            ("__hash__", union_hash),
            ("__or__", union_or),
            ("__ror__", union_ror),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
    add_getsets(vm, t, &[("__parameters__", union_parameters, None)]);
    // `list[int] | None`.
    let ga = vm.registry["GenericAlias"];
    add_methods(vm, ga, &[("__or__", union_or), ("__ror__", union_ror)]);
}

fn items(v: Value) -> Option<Vec<Value>> {
    native::downcast::<Union>(v).map(|u| tuple::items(u.args).to_vec())
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<Vec<Value>> {
    match a.pos.first().and_then(|v| items(*v)) {
        Some(i) => Ok(i),
        None => Err(vm.type_error("descriptor requires a 'types.UnionType' object")),
    }
}

/// One member as CPython's `union_repr_item` shows it.
fn repr_item(vm: &mut Vm, p: Value) -> PyResult<String> {
    if p == vm.types.none_type {
        return Ok("None".to_string());
    }
    let origin = pystr::intern(vm, "__origin__");
    let args_name = pystr::intern(vm, "__args__");
    if vm.getattr_opt(p, origin)?.is_some() && vm.getattr_opt(p, args_name)?.is_some() {
        return vm.repr_string(p);
    }
    let Some(q) = vm.getattr_opt(p, vm.names.qualname)? else {
        return vm.repr_string(p);
    };
    let m = vm.getattr_opt(p, vm.names.module)?;
    match m {
        Some(m) if !m.is_none() => {
            let q = vm.str_string(q)?;
            let m = vm.str_string(m)?;
            Ok(if m == "builtins" {
                q
            } else {
                format!("{m}.{q}")
            })
        }
        _ => vm.repr_string(p),
    }
}

fn union_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let its = this(vm, a)?;
    let mut parts = Vec::new();
    for x in its {
        parts.push(repr_item(vm, x)?);
    }
    Ok(pystr::new(vm, &parts.join(" | ")))
}

/// Same members, in any order.
fn same(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    for (x, y) in [(a, b), (b, a)] {
        for i in x {
            let mut found = false;
            for j in y {
                if vm.eq_bool(*i, *j)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn union_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__eq__", 2, 2)?;
    let mine = this(vm, a)?;
    let Some(other) = items(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    Ok(Value::from_bool(same(vm, &mine, &other)?))
}

fn union_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__ne__", 2, 2)?;
    let mine = this(vm, a)?;
    let Some(other) = items(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    Ok(Value::from_bool(!same(vm, &mine, &other)?))
}

/// `hash(frozenset(args))`.
fn union_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let its = this(vm, a)?;
    let t = tuple::new(vm, &its);
    let fs = vm.types.frozenset;
    let s = vm.call(fs, &[t])?;
    let h = vm.hash(s)?;
    Ok(crate::object::int::from_i64(vm, h))
}

/// `x | y` where `x` is a union, a type or a generic alias (also used as the
/// alias type's `__or__`).
pub fn union_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__or__", 2, 2)?;
    super::union(vm, a.pos[0], a.pos[1])
}

pub fn union_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__ror__", 2, 2)?;
    super::union(vm, a.pos[1], a.pos[0])
}

fn check_members(vm: &mut Vm, its: &[Value], what: &str) -> PyResult<()> {
    let origin = pystr::intern(vm, "__origin__");
    for x in its {
        if !x.is_kind(Kind::Type) && vm.getattr_opt(*x, origin)?.is_some() {
            return Err(vm.type_error(format!(
                "{what}() argument 2 cannot be a parameterized generic"
            )));
        }
    }
    Ok(())
}

fn union_instancecheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__instancecheck__", 2, 2)?;
    let its = this(vm, a)?;
    check_members(vm, &its, "isinstance")?;
    let t = tuple::new(vm, &its);
    vm.isinstance(a.pos[1], t).map(Value::from_bool)
}

fn union_subclasscheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__subclasscheck__", 2, 2)?;
    let its = this(vm, a)?;
    check_members(vm, &its, "issubclass")?;
    let t = tuple::new(vm, &its);
    vm.issubclass(a.pos[1], t).map(Value::from_bool)
}

/// The type variables among the members (anything with `__typing_subst__`) and
/// the `__parameters__` of generic members, in order, without repeats.
fn union_parameters(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let its = items(v).unwrap_or_default();
    let params_name = pystr::intern(vm, "__parameters__");
    let subst = pystr::intern(vm, "__typing_subst__");
    let mut out = crate::gc::Rooted::new();
    for x in its {
        if x.is_kind(Kind::Type) {
            continue;
        }
        if vm.getattr_opt(x, subst)?.is_some() {
            if !out.contains(&x) {
                out.push(x);
            }
            continue;
        }
        if let Some(ps) = vm.getattr_opt(x, params_name)?
            && ps.is_kind(Kind::Tuple)
        {
            for p in tuple::items(ps).to_vec() {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    Ok(tuple::new(vm, &out))
}
