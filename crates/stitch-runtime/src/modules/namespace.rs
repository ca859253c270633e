//! `types.SimpleNamespace` (the type of `sys.implementation`): attributes from
//! keyword arguments, `namespace(a=1)` repr, equality by attributes.

use stitch_core::value::Value;

use crate::builtins::add_methods;
use crate::object::types;
use crate::object::{dict, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// The SimpleNamespace type (created once).
pub fn namespace_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get("types.SimpleNamespace") {
        return *t;
    }
    let name = pystr::new(vm, "SimpleNamespace");
    let object = vm.types.object;
    let bases = tuple::new(vm, &[object]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, "types");
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[name, bases, ns]).unwrap_or(Value::NONE);
    if t.is_none() {
        return t;
    }
    super::util::set_c_name(t, "types", "SimpleNamespace");
    add_methods(
        vm,
        t,
        &[
            ("__init__", ns_init),
            ("__repr__", ns_repr),
            ("__eq__", ns_eq),
            ("__reduce__", ns_reduce),
        ],
    );
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(t).dict, k, Value::NONE);
    types::invalidate(t);
    vm.registry.insert("types.SimpleNamespace", t);
    t
}

/// A new namespace with the given attributes.
pub fn new(vm: &mut Vm, attrs: &[(&str, Value)]) -> Value {
    let t = namespace_type(vm);
    let obj = crate::builtins::object_type::new_instance(vm, t);
    for (k, v) in attrs {
        let key = pystr::intern(vm, k);
        let _ = vm.setattr(obj, key, *v);
    }
    obj
}

fn ns_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let obj = a.pos[0];
    for (i, k) in a.kwnames.iter().enumerate() {
        let key = pystr::intern_value(vm, *k);
        vm.setattr(obj, key, a.kwvals[i])?;
    }
    Ok(Value::NONE)
}

fn ns_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let t = vm.type_of(obj);
    let name = if Some(&t) == vm.registry.get("types.SimpleNamespace") {
        "namespace".to_string()
    } else {
        super::util::short_name(t).to_string()
    };
    if vm.repr_guard.contains(&obj) {
        return Ok(pystr::new(vm, &format!("{name}(...)")));
    }
    vm.repr_guard.push(obj);
    let r = (|| {
        let d = vm.getattr(obj, vm.names.dict)?;
        let mut parts = Vec::new();
        for (k, v) in dict::items(d) {
            let Some(ks) = pystr::text_of(k) else {
                continue;
            };
            let ks = ks.to_string();
            let r = vm.repr_string(v)?;
            parts.push(format!("{ks}={r}"));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    if let Some(i) = vm.repr_guard.iter().rposition(|x| *x == obj) {
        vm.repr_guard.remove(i);
    }
    let s = r?;
    Ok(pystr::new(vm, &s))
}

fn ns_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (a.pos[0], a.pos.get(1).copied().unwrap_or(Value::NONE));
    let t = namespace_type(vm);
    if !vm.is_instance_of(y, t) {
        return Ok(vm.not_implemented);
    }
    let dx = vm.getattr(x, vm.names.dict)?;
    let dy = vm.getattr(y, vm.names.dict)?;
    let r = vm.eq_bool(dx, dy)?;
    Ok(Value::from_bool(r))
}

fn ns_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let t = vm.type_of(obj);
    let d = vm.getattr(obj, vm.names.dict)?;
    let empty = vm.empty_tuple;
    Ok(tuple::new(vm, &[t, empty, d]))
}
