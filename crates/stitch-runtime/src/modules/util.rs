//! Helpers shared by the native modules: creating native types that belong to a
//! module, adding functions and constants to modules, and reaching the native
//! payload of `self` (also through instances of Python subclasses).

use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use crate::object::function::{NativeFn, new_builtin};
use crate::object::native::{self, NativeData, NativeObj};
use crate::object::types::{self, flags};
use crate::object::{ValueExt, dict, int, module, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// A new native type `module.name`; `base` allows Python subclasses.
pub fn native_type(vm: &mut Vm, module_name: &str, name: &'static str, base: bool) -> Value {
    let t = types::alloc_type(
        vm,
        vm.types.type_,
        name,
        Kind::Native,
        if base { flags::BASETYPE } else { 0 },
    );
    let object = vm.types.object;
    let _ = types::set_bases(vm, t, vec![object]);
    types::ty(t).native_base = t;
    let m = pystr::intern(vm, module_name);
    dict::set_str(types::ty(t).dict, vm.names.module, m);
    dict::set_str(types::ty(t).dict, vm.names.doc, Value::NONE);
    set_c_name(t, module_name, name);
    types::invalidate(t);
    let key: &'static str = Box::leak(format!("{module_name}.{name}").into_boxed_str());
    vm.registry.insert(key, t);
    t
}

/// A type registered by [`native_type`] (created on first use by `make`).
pub fn registered(vm: &mut Vm, key: &'static str, make: fn(&mut Vm) -> Value) -> Value {
    match vm.registry.get(key) {
        Some(t) => *t,
        None => make(vm),
    }
}

/// Adds native functions to a module.
pub fn add_fns(vm: &mut Vm, m: Value, defs: &[(&'static str, NativeFn)]) {
    for (name, f) in defs {
        let v = new_builtin(vm, name, *f, m, 0);
        module::set(vm, m, name, v);
    }
}

/// Adds int constants to a module.
pub fn add_ints(vm: &mut Vm, m: Value, defs: &[(&str, i64)]) {
    for (name, v) in defs {
        let x = int::from_i64(vm, *v);
        module::set(vm, m, name, x);
    }
}

/// Sets a str attribute of a module.
pub fn set_str(vm: &mut Vm, m: Value, name: &str, text: &str) {
    let s = pystr::new(vm, text);
    module::set(vm, m, name, s);
}

/// The native object behind `v` (an instance of a Python subclass wraps it).
pub fn native_of(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

/// The payload of `v` as `T`, if it has one.
pub fn payload<T: NativeData>(v: Value) -> Option<&'static T> {
    native::downcast::<T>(native_of(v))
}

/// The payload of a method's `self` (`a.pos[0]`), or CPython's descriptor error.
pub fn this<T: NativeData>(
    vm: &mut Vm,
    a: &Args,
    type_name: &str,
    method: &str,
) -> PyResult<&'static T> {
    match a.pos.first() {
        Some(&s) => match payload::<T>(s) {
            Some(p) => Ok(p),
            None => Err(vm.type_error(format!(
                "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
                vm.type_name(s)
            ))),
        },
        None => Err(vm.type_error(format!(
            "descriptor '{method}' of '{type_name}' object needs an argument"
        ))),
    }
}

/// A new native object of `base_ty` for class `cls`: wrapped in an instance when
/// `cls` is a Python subclass.
pub fn new_for_class(vm: &mut Vm, cls: Value, base_ty: Value, data: Box<dyn NativeData>) -> Value {
    let obj = native::new(vm, base_ty, data);
    if cls == base_ty || cls.is_null() {
        obj
    } else {
        crate::builtins::numbers::subclass_instance(vm, cls, obj)
    }
}

/// True when `v` is a native object (not a subclass instance) of type `ty`.
pub fn is_exact(vm: &Vm, v: Value, ty: Value) -> bool {
    v.is_kind(Kind::Native) && vm.type_of(v) == ty
}

fn iter_self(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0])
}

fn iter_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = native_of(a.pos[0]);
    let r = match it.get::<NativeObj>() {
        Some(n) => {
            let d: &dyn NativeData = &*n.data;
            d.next(vm, it)
        }
        None => None,
    };
    match r {
        Some(Ok(Some(v))) => Ok(v),
        Some(Ok(None)) => Err(vm.stop_iteration(Value::NULL)),
        Some(Err(e)) => Err(e),
        None => Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(a.pos[0])
        ))),
    }
}

/// Gives a native iterator type `__iter__` and `__next__`.
pub fn iterator_methods(vm: &mut Vm, ty: Value) {
    crate::builtins::add_methods(vm, ty, &[("__iter__", iter_self), ("__next__", iter_next)]);
}

/// `next(it)` with the values kept visible to the collector by the caller.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    vm.next(it)
}

/// A tuple from values.
pub fn tuple_of(vm: &mut Vm, items: &[Value]) -> Value {
    tuple::new(vm, items)
}

/// Returns `Err` for an exception built by the caller.
pub fn err<T>(e: PyErr) -> PyResult<T> {
    Err(e)
}

/// The text of `v` when it is a str.
pub fn text(v: Value) -> Option<&'static str> {
    pystr::text_of(v)
}

/// Checks that a function takes no keyword arguments, with CPython's message.
pub fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    crate::builtins::args::no_kwargs(vm, a, name)
}

/// `cls.__class_getitem__` that returns a `GenericAlias`.
pub fn class_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let item = a.pos.get(1).copied().unwrap_or(Value::NONE);
    native::generic_alias(vm, cls, item)
}

/// Adds `__class_getitem__` to a type.
pub fn add_class_getitem(vm: &mut Vm, ty: Value) {
    crate::builtins::add_classmethods(vm, ty, &[("__class_getitem__", class_getitem)]);
}

/// `callable(f)`.
pub fn is_callable(vm: &mut Vm, f: Value) -> bool {
    matches!(
        f.kind(),
        Some(Kind::Function) | Some(Kind::Builtin) | Some(Kind::Method) | Some(Kind::Type)
    ) || vm.lookup_special(f, vm.names.call).is_some()
}

/// Names a static type like C's `tp_name` (`collections.deque`), which error
/// messages show; `__name__` and `__qualname__` stay the short name.
pub fn set_c_name(t: Value, module_name: &str, name: &str) {
    if t.is_kind(Kind::Type) {
        let to = types::ty(t);
        to.prefix.flags &= !flags::HEAPTYPE;
        to.qualname = name.to_string();
        if module_name != "builtins" {
            to.name = format!("{module_name}.{name}");
        }
    }
}

/// A type's short name (CPython's `_PyType_Name`: `tp_name` after the last dot).
pub fn short_name(t: Value) -> &'static str {
    let n = types::name(t);
    n.rsplit('.').next().unwrap_or(n)
}

/// `warnings.warn(message, category, stacklevel)` through the warnings module.
pub fn warn(vm: &mut Vm, category: Value, message: &str, stacklevel: i64) -> PyResult<()> {
    let w = crate::import::import_module(vm, "warnings")?;
    let f = vm.getattr_str(w, "warn")?;
    let m = pystr::new(vm, message);
    vm.call(f, &[m, category, Value::small(stacklevel)])?;
    Ok(())
}

/// The class argument of a native `__new__`, checked as CPython checks it.
pub fn new_cls(vm: &mut Vm, a: &Args, base: Value) -> PyResult<Value> {
    let name = types::name(base);
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    if !cls.is_kind(Kind::Type) {
        return Err(vm.type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    if !types::is_subtype(cls, base) {
        let cn = types::name(cls);
        return Err(vm.type_error(format!("{name}.__new__({cn}): {cn} is not a subtype of {name}")));
    }
    Ok(cls)
}
