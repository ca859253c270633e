//! `object` and `type`: instance creation and initialisation, the default special
//! methods, class creation (`type(name, bases, ns)` and `__build_class__`), `super`,
//! and the descriptor types `property`, `classmethod` and `staticmethod`.

use std::cell::Cell;

use stitch_core::layout::{CellObj, InstanceObj, Kind, MethodObj};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::{add_getsets, add_methods, add_static};
use crate::object::native::{self, ClassMethod, Property, StaticMethod};
use crate::object::types::{self, flags};
use crate::object::{ValueExt, dict, instance, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let o = vm.types.object;
    add_methods(
        vm,
        o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__init_subclass__", object_init_subclass),
            ("__subclasshook__", object_subclasshook),
            ("__sizeof__", object_sizeof),
        ],
    );
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        let f = crate::object::function::new_builtin(vm, leak(n), object_not_implemented, o, crate::object::function::builtin_flags::METHOD);
        let k = pystr::intern(vm, n);
        dict::set_str(types::ty(o).dict, k, f);
    }
    add_static(vm, o, &[("__new__", object_new)]);
    // __init_subclass__ and __subclasshook__ are class methods.
    for n in ["__init_subclass__", "__subclasshook__"] {
        let k = pystr::intern(vm, n);
        let f = dict::get_str(types::ty(o).dict, k).expect("just added");
        let cm = new_classmethod(vm, f);
        dict::set_str(types::ty(o).dict, k, cm);
    }
    add_getsets(vm, o, &[("__class__", object_class_get, Some(object_class_set)), ("__dict__", object_dict_get, Some(object_dict_set))]);

    let t = vm.types.type_;
    add_methods(
        vm,
        t,
        &[
            ("__repr__", type_repr),
            ("__call__", type_call),
            ("__init__", type_init),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__or__", type_or),
            ("__ror__", type_ror),
            ("__dir__", type_dir),
            ("__sizeof__", object_sizeof),
        ],
    );
    add_static(vm, t, &[("__new__", type_new)]);
    let prep = crate::object::function::new_builtin(vm, "__prepare__", type_prepare, t, 0);
    let cm = new_classmethod(vm, prep);
    let k = pystr::intern(vm, "__prepare__");
    dict::set_str(types::ty(t).dict, k, cm);
    add_getsets(
        vm,
        t,
        &[
            ("__name__", type_name_get, Some(type_name_set)),
            ("__qualname__", type_qualname_get, Some(type_qualname_set)),
            ("__mro__", type_mro_get, None),
            ("__bases__", type_bases_get, Some(type_bases_set)),
            ("__base__", type_base_get, None),
            ("__dict__", type_dict_get, None),
            ("__doc__", type_doc_get, Some(type_doc_set)),
            ("__module__", type_module_get, Some(type_module_set)),
            ("__abstractmethods__", type_abstract_get, Some(type_abstract_set)),
            ("__annotations__", type_annotations_get, Some(type_annotations_set)),
            ("__text_signature__", type_text_signature, None),
            ("__flags__", type_flags, None),
        ],
    );

    // super, property, classmethod, staticmethod.
    let s = vm.types.super_;
    add_static(vm, s, &[("__new__", super_new)]);
    add_methods(vm, s, &[("__getattribute__", super_getattribute), ("__repr__", super_repr)]);
    types::update_flags(vm, s);
    let p = vm.types.property;
    add_static(vm, p, &[("__new__", property_new)]);
    add_methods(
        vm,
        p,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("__set_name__", property_set_name),
        ],
    );
    add_getsets(vm, p, &[("__doc__", property_doc_get, Some(property_doc_set)), ("__isabstractmethod__", property_abstract, None)]);
    let c = vm.types.classmethod;
    add_static(vm, c, &[("__new__", classmethod_new)]);
    add_getsets(vm, c, &[("__isabstractmethod__", wrapper_abstract, None)]);
    let sm = vm.types.staticmethod;
    add_static(vm, sm, &[("__new__", staticmethod_new)]);
    add_getsets(vm, sm, &[("__isabstractmethod__", wrapper_abstract, None)]);
    add_methods(vm, sm, &[("__call__", staticmethod_call)]);
    let bc = crate::object::function::new_builtin(vm, "__build_class__", build_class, Value::NULL, 0);
    vm.registry.insert("__build_class__", bc);
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

// ---- object ----

fn excess_args(args: &Args) -> bool {
    args.pos.len() > 1 || args.has_kwargs()
}

fn object_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !cls.is_kind(Kind::Type) {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    if excess_args(a) {
        let obj_dict = types::ty(vm.types.object).dict;
        let own_new = types::lookup(cls, vm.names.new) != dict::get_str(obj_dict, vm.names.new);
        let own_init = types::lookup(cls, vm.names.init) != dict::get_str(obj_dict, vm.names.init);
        if own_new {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !own_init {
            return Err(vm.type_error(format!("{}() takes no arguments", types::name(cls))));
        }
    }
    if let Some(abs) = dict::get_str(types::ty(cls).dict, vm.names.abstractmethods)
        && vm.truth(abs)?
    {
        let mut names: Vec<String> = vm.collect_iter(abs)?.iter().map(|n| pystr::text_of(*n).unwrap_or("").to_string()).collect();
        names.sort();
        // 3.11's wording: sorted names joined by ", ".
        let joined = names.join(", ");
        return Err(vm.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            types::name(cls),
            if names.len() == 1 { "" } else { "s" },
            joined
        )));
    }
    Ok(new_instance(vm, cls))
}

/// A new instance of `cls` (an object, or the native value of a builtin base).
pub fn new_instance(vm: &mut Vm, cls: Value) -> Value {
    let layout = types::ty(cls).layout;
    match layout {
        Kind::Exception => vm.new_exception(cls, &[]),
        _ => instance::new(vm, cls),
    }
}

fn object_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.pos[0];
    if excess_args(a) {
        let cls = vm.type_of(s);
        let obj_dict = types::ty(vm.types.object).dict;
        let own_init = types::lookup(cls, vm.names.init) != dict::get_str(obj_dict, vm.names.init);
        let own_new = types::lookup(cls, vm.names.new) != dict::get_str(obj_dict, vm.names.new);
        if own_init {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if !own_new {
            return Err(vm.type_error(format!("{}() takes no arguments", types::name(cls))));
        }
    }
    Ok(Value::NONE)
}

fn object_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = vm.default_repr(a.pos[0]);
    Ok(pystr::new(vm, &s))
}

fn object_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.repr(a.pos[0])
}

fn object_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__eq__", 2, 2)?;
    Ok(if a.pos[0] == a.pos[1] { Value::TRUE } else { vm.not_implemented })
}

fn object_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__ne__", 2, 2)?;
    // Inverts __eq__ unless it is NotImplemented.
    let r = match vm.call_special(a.pos[0], vm.names.eq, &[a.pos[1]])? {
        Some(r) => r,
        None => vm.not_implemented,
    };
    if r == vm.not_implemented {
        return Ok(r);
    }
    Ok(Value::from_bool(!vm.truth(r)?))
}

fn object_not_implemented(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = crate::vm::protocol::pointer_hash(vm.id_of(a.pos[0]));
    Ok(crate::object::int::from_i64(vm, h))
}

fn object_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__getattribute__", 2, 2)?;
    let name = name_arg(vm, a.pos[1])?;
    let obj = a.pos[0];
    let r = if obj.is_kind(Kind::Type) { vm.type_getattr(obj, name)? } else { vm.generic_getattr(obj, name)? };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(obj, name)),
    }
}

/// An attribute name argument: an interned str.
pub fn name_arg(vm: &mut Vm, n: Value) -> PyResult<Value> {
    if !n.is_kind(Kind::Str) {
        match pystr::text_of(n) {
            Some(t) => return Ok(pystr::intern(vm, t)),
            None => {
                return Err(vm.type_error(format!(
                    "attribute name must be string, not '{}'",
                    vm.type_name(n)
                )));
            }
        }
    }
    Ok(pystr::intern_value(vm, n))
}

fn object_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__setattr__", 3, 3)?;
    let name = name_arg(vm, a.pos[1])?;
    vm.generic_setattr(a.pos[0], name, a.pos[2])?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__delattr__", 2, 2)?;
    let name = name_arg(vm, a.pos[1])?;
    vm.generic_setattr(a.pos[0], name, Value::NULL)?;
    Ok(Value::NONE)
}

fn object_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__format__", 2, 2)?;
    let spec = a.pos[1];
    let Some(s) = pystr::text_of(spec) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(spec))));
    };
    if !s.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(a.pos[0])
        )));
    }
    vm.str(a.pos[0])
}

fn object_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let d = dict::new(vm);
    if let Some(od) = instance_dict(vm, obj)? {
        for (k, _) in dict::items(od) {
            dict::set(vm, d, k, Value::NONE)?;
        }
    }
    let cls = vm.type_of(obj);
    for c in types::ty(cls).mro.clone() {
        for (k, _) in dict::items(types::ty(c).dict) {
            dict::set(vm, d, k, Value::NONE)?;
        }
    }
    let keys: Vec<Value> = dict::items(d).into_iter().map(|(k, _)| k).collect();
    Ok(crate::object::list::new(vm, &keys))
}

fn object_init_subclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("object.__init_subclass__() takes no keyword arguments"));
    }
    Ok(Value::NONE)
}

fn object_subclasshook(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let _ = vm;
    Ok(Value::small(if a.pos[0].is_ptr() { 48 } else { 24 }))
}

fn object_class_get(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    Ok(vm.type_of(obj))
}

fn object_class_set(vm: &mut Vm, obj: Value, v: Value) -> PyResult<()> {
    if !v.is_kind(Kind::Type) {
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{}' object", vm.type_name(v))));
    }
    let cur = vm.type_of(obj);
    let ok = obj.is_kind(Kind::Instance)
        && types::ty(cur).prefix.flags & flags::HEAPTYPE != 0
        && types::ty(v).prefix.flags & flags::HEAPTYPE != 0
        && types::ty(cur).layout == types::ty(v).layout;
    if !ok {
        return Err(vm.type_error(format!(
            "__class__ assignment only supported for mutable types or ModuleType subclasses"
        )));
    }
    // Attributes keep their values; the shape belongs to the old class, so switch to
    // dict storage.
    instance::materialize_dict(vm, obj);
    // SAFETY: obj is a heap object.
    unsafe { (*obj.header()).ty = v.ptr() };
    Ok(())
}

/// The `__dict__` of an object, if it has one.
pub fn instance_dict(vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
    Ok(match obj.kind() {
        Some(Kind::Instance) => {
            let cls = vm.type_of(obj);
            if types::ty(cls).prefix.flags & flags::NO_DICT != 0 {
                None
            } else {
                Some(instance::materialize_dict(vm, obj))
            }
        }
        Some(Kind::Module) => Some(crate::object::module::dict_of(obj)),
        Some(Kind::Exception) => {
            let e = crate::object::exception::obj(obj).expect("exception");
            if e.dict.is_null() {
                let d = dict::new(vm);
                crate::object::exception::obj(obj).expect("exception").dict = d;
            }
            Some(crate::object::exception::obj(obj).expect("exception").dict)
        }
        Some(Kind::Function) => {
            let f = unsafe { obj.raw::<crate::object::FunctionObj>() };
            if f.dict.is_null() {
                let d = dict::new(vm);
                unsafe { obj.raw::<crate::object::FunctionObj>() }.dict = d;
            }
            Some(unsafe { obj.raw::<crate::object::FunctionObj>() }.dict)
        }
        _ => None,
    })
}

fn object_dict_get(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    match instance_dict(vm, obj)? {
        Some(d) => Ok(d),
        None => Err(vm.new_error(
            vm.exc.attribute_error,
            format!("'{}' object has no attribute '__dict__'", vm.type_name(obj)),
        )),
    }
}

fn object_dict_set(vm: &mut Vm, obj: Value, v: Value) -> PyResult<()> {
    if !v.is_kind(Kind::Dict) {
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(v))));
    }
    match obj.kind() {
        Some(Kind::Instance) => {
            instance::set_dict(obj, v);
            Ok(())
        }
        _ => Err(vm.new_error(vm.exc.attribute_error, "__dict__ is read-only")),
    }
}

// ---- type ----

fn type_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = a.pos[0];
    let module = dict::get_str(types::ty(t).dict, vm.names.module).filter(|m| m.is_kind(Kind::Str));
    let qn = types::ty(t).qualname.clone();
    let s = match module {
        Some(m) if pystr::as_str(m) != "builtins" => format!("<class '{}.{}'>", pystr::as_str(m), qn),
        _ => format!("<class '{qn}'>"),
    };
    Ok(pystr::new(vm, &s))
}

fn type_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    crate::vm::protocol::type_call_default(vm, cls, &a.tail())
}

fn type_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.pos.len() - 1;
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

fn type_prepare(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(dict::new(vm))
}

fn type_mro(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = types::ty(a.pos[0]).mro.clone();
    Ok(crate::object::list::new(vm, &m))
}

fn type_subclasses(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = types::ty(a.pos[0]).subclasses.clone();
    Ok(crate::object::list::new(vm, &m))
}

fn type_instancecheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__instancecheck__", 2, 2)?;
    Ok(Value::from_bool(vm.is_instance_of(a.pos[1], a.pos[0])))
}

fn type_subclasscheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__subclasscheck__", 2, 2)?;
    if !a.pos[1].is_kind(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(types::is_subtype(a.pos[1], a.pos[0])))
}

fn type_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::union(vm, a.pos[0], a.pos[1])
}

fn type_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__ror__", 2, 2)?;
    super::union(vm, a.pos[1], a.pos[0])
}

fn type_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = dict::new(vm);
    for c in types::ty(a.pos[0]).mro.clone() {
        for (k, _) in dict::items(types::ty(c).dict) {
            dict::set(vm, d, k, Value::NONE)?;
        }
    }
    let keys: Vec<Value> = dict::items(d).into_iter().map(|(k, _)| k).collect();
    Ok(crate::object::list::new(vm, &keys))
}

fn type_name_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    // Static types named like C's tp_name ("collections.deque") answer the last part.
    let full = &types::ty(t).name;
    let n = if types::ty(t).prefix.flags & flags::HEAPTYPE == 0 {
        full.rsplit('.').next().unwrap_or(full).to_string()
    } else {
        full.clone()
    };
    Ok(pystr::new(vm, &n))
}
fn type_name_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    let Some(s) = pystr::text_of(v) else {
        return Err(vm.type_error(format!("can only assign string to {}.__name__, not '{}'", types::name(t), vm.type_name(v))));
    };
    types::ty(t).name = s.to_string();
    Ok(())
}
fn type_qualname_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let n = types::ty(t).qualname.clone();
    Ok(pystr::new(vm, &n))
}
fn type_qualname_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    let Some(s) = pystr::text_of(v) else {
        return Err(vm.type_error(format!("can only assign string to {}.__qualname__, not '{}'", types::name(t), vm.type_name(v))));
    };
    types::ty(t).qualname = s.to_string();
    Ok(())
}
fn type_mro_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let m = types::ty(t).mro.clone();
    Ok(tuple::new(vm, &m))
}
fn type_bases_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let m = types::ty(t).bases.clone();
    Ok(tuple::new(vm, &m))
}
/// Rejects setting or deleting `attr` of a builtin type (and deleting it at all).
fn check_special_set(vm: &mut Vm, t: Value, v: Value, attr: &str) -> PyResult<()> {
    if types::ty(t).prefix.flags & flags::HEAPTYPE == 0 {
        return Err(vm.type_error(format!("cannot set '{attr}' attribute of immutable type '{}'", types::name(t))));
    }
    if v.is_null() {
        return Err(vm.type_error(format!("cannot delete '{attr}' attribute of immutable type '{}'", types::name(t))));
    }
    Ok(())
}

/// `cls.__bases__ = (...)`: checks the new bases as CPython does, then recomputes
/// the MRO of the class and of its subclasses.
fn type_bases_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    check_special_set(vm, t, v, "__bases__")?;
    let tname = types::name(t);
    if !v.is_kind(Kind::Tuple) {
        return Err(vm.type_error(format!("can only assign tuple to {tname}.__bases__, not {}", vm.type_name(v))));
    }
    let new: Vec<Value> = tuple::items(v).to_vec();
    if new.is_empty() {
        return Err(vm.type_error(format!("can only assign non-empty tuple to {tname}.__bases__, not ()")));
    }
    for b in &new {
        if !b.is_kind(Kind::Type) {
            return Err(vm.type_error(format!("{tname}.__bases__ must be tuple of classes, not '{}'", vm.type_name(*b))));
        }
        if types::is_subtype(*b, t) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        if types::ty(*b).prefix.flags & flags::BASETYPE == 0 {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", types::name(*b))));
        }
    }
    // The instance layout must not change.
    let mut native_base = vm.types.object;
    for b in &new {
        let nb = types::ty(*b).native_base;
        if !nb.is_null() && nb != vm.types.object && (native_base == vm.types.object || types::is_subtype(nb, native_base)) {
            native_base = nb;
        }
    }
    let old_native = types::ty(t).native_base;
    let old_native = if old_native.is_null() { vm.types.object } else { old_native };
    if native_base != old_native {
        let first = new[0];
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            types::name(first),
            tname
        )));
    }
    types::replace_bases(vm, t, new)?;
    types::update_flags(vm, t);
    Ok(())
}

fn type_annotations_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    if types::ty(t).prefix.flags & flags::HEAPTYPE == 0 {
        return Err(vm.type_error(format!("cannot set '__annotations__' attribute of immutable type '{}'", types::name(t))));
    }
    let d = types::ty(t).dict;
    if v.is_null() {
        if dict::remove_str(d, vm.names.annotations).is_none() {
            return Err(vm.new_error(vm.exc.attribute_error, "__annotations__"));
        }
    } else {
        dict::set_str(d, vm.names.annotations, v);
    }
    types::invalidate(t);
    Ok(())
}

/// `type.__flags__` in CPython's `Py_TPFLAGS_*` bits, for what Python code tests
/// (heap type, base type, abstract, the fast subclass bits).
fn type_flags(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let f = types::ty(t).prefix.flags;
    let mut out: u64 = 1 << 12; // READY
    if f & flags::HEAPTYPE != 0 {
        out |= (1 << 9) | (1 << 14); // HEAPTYPE, HAVE_GC
    } else {
        out |= 1 << 8; // IMMUTABLETYPE
    }
    if f & flags::BASETYPE != 0 {
        out |= 1 << 10;
    }
    if let Some(a) = dict::get_str(types::ty(t).dict, vm.names.abstractmethods)
        && vm.truth(a)?
    {
        out |= 1 << 20; // IS_ABSTRACT
    }
    let subclass_bits = [
        (vm.types.int, 24),
        (vm.types.list, 25),
        (vm.types.tuple, 26),
        (vm.types.bytes, 27),
        (vm.types.str, 28),
        (vm.types.dict, 29),
        (vm.exc.base_exception, 30),
        (vm.types.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if types::is_subtype(t, base) {
            out |= 1 << bit;
        }
    }
    Ok(crate::object::int::from_i64(vm, out as i64))
}

fn type_text_signature(vm: &mut Vm, t: Value) -> PyResult<Value> {
    if types::ty(t).prefix.flags & flags::HEAPTYPE != 0 {
        return Ok(Value::NONE);
    }
    let short = types::name(t).rsplit('.').next().unwrap_or("").to_string();
    Ok(match super::text_signatures::lookup(&format!("type:{short}")) {
        Some(s) => pystr::new(vm, s),
        None => Value::NONE,
    })
}

fn type_base_get(_vm: &mut Vm, t: Value) -> PyResult<Value> {
    Ok(types::ty(t).bases.first().copied().unwrap_or(Value::NONE))
}
fn type_dict_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let d = types::ty(t).dict;
    Ok(super::mappingproxy(vm, d))
}
fn type_doc_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    if types::ty(t).prefix.flags & flags::HEAPTYPE == 0 {
        return Err(vm.type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            types::name(t)
        )));
    }
    let d = types::ty(t).dict;
    if v.is_null() {
        dict::remove_str(d, vm.names.doc);
    } else {
        dict::set_str(d, vm.names.doc, v);
    }
    types::invalidate(t);
    Ok(())
}

fn type_doc_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let d = types::ty(t).dict;
    match dict::get_str(d, vm.names.doc) {
        Some(v) => {
            let ty = vm.type_of(v);
            match types::lookup(ty, vm.names.get) {
                Some(_) if !v.is_kind(Kind::Str) => vm.descr_get(v, Value::NULL, t),
                _ => Ok(v),
            }
        }
        None => Ok(Value::NONE),
    }
}
fn type_module_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let own = dict::get_str(types::ty(t).dict, vm.names.module);
    if types::ty(t).prefix.flags & flags::HEAPTYPE != 0 {
        return Ok(own.unwrap_or(Value::NONE));
    }
    // A builtin type: its module as recorded, else from its C-style dotted name
    // (its dict may hold the `__module__` descriptor of its instances).
    if let Some(m) = own.filter(|m| m.is_kind(Kind::Str)) {
        return Ok(m);
    }
    let name = types::ty(t).name.clone();
    let m = name.rsplit_once('.').map_or("builtins", |(m, _)| m);
    Ok(pystr::new(vm, m))
}
fn type_module_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    dict::set_str(types::ty(t).dict, vm.names.module, v);
    Ok(())
}
fn type_abstract_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    match dict::get_str(types::ty(t).dict, vm.names.abstractmethods) {
        Some(v) if t != vm.types.type_ => Ok(v),
        _ => Err(vm.new_error(vm.exc.attribute_error, "__abstractmethods__")),
    }
}
fn type_abstract_set(vm: &mut Vm, t: Value, v: Value) -> PyResult<()> {
    let d = types::ty(t).dict;
    if v.is_null() {
        dict::remove_str(d, vm.names.abstractmethods);
    } else {
        dict::set_str(d, vm.names.abstractmethods, v);
    }
    types::invalidate(t);
    Ok(())
}
fn type_annotations_get(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let d = types::ty(t).dict;
    match dict::get_str(d, vm.names.annotations) {
        Some(v) => Ok(v),
        None => {
            let n = dict::new(vm);
            if types::ty(t).prefix.flags & flags::HEAPTYPE != 0 {
                dict::set_str(d, vm.names.annotations, n);
            }
            Ok(n)
        }
    }
}

/// `type(name, bases, ns)` and `type.__new__(meta, name, bases, ns, **kw)`.
fn type_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let meta = a.pos[0];
    let rest = &a.pos[1..];
    if rest.len() == 1 && !a.has_kwargs() && meta == vm.types.type_ {
        return Ok(vm.type_of(rest[0]));
    }
    if rest.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let (name, bases, ns) = (rest[0], rest[1], rest[2]);
    let Some(name) = pystr::text_of(name).map(str::to_string) else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(rest[0])
        )));
    };
    if !bases.is_kind(Kind::Tuple) {
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(bases))));
    }
    let Some(nsd) = dict::native(ns) else {
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(ns))));
    };
    let bases_v = bases;
    let bases = tuple::items(bases).to_vec();
    // The most derived metaclass; a different one with its own __new__ takes over
    // (`type(name, (SomeEnum,), ns, boundary=...)` runs EnumType.__new__).
    let mut winner = meta;
    for b in &bases {
        let bt = vm.type_of(*b);
        if types::is_subtype(bt, winner) && bt != winner {
            winner = bt;
        }
    }
    if winner != meta
        && types::is_subtype(winner, meta)
        && let Some(f) = types::lookup(winner, vm.names.new)
        && !f.is_kind(Kind::Builtin)
    {
        let f = vm.descr_get(f, Value::NULL, winner)?;
        let pos = [winner, rest[0], bases_v, ns];
        return vm.call_kw(f, &Args { pos: &pos, kwnames: a.kwnames, kwvals: a.kwvals });
    }
    create_class(vm, winner, &name, bases, nsd, a)
}

fn create_class(vm: &mut Vm, meta: Value, name: &str, mut bases: Vec<Value>, ns: Value, a: &Args) -> PyResult<Value> {
    for b in &bases {
        if !b.is_kind(Kind::Type) {
            return Err(vm.type_error(format!(
                "bases must be types"
            )));
        }
        if types::ty(*b).prefix.flags & flags::BASETYPE == 0 {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                types::name(*b)
            )));
        }
    }
    if bases.is_empty() {
        bases.push(vm.types.object);
    }
    // The instance layout: exceptions keep theirs; builtin bases are wrapped.
    let mut native_base = vm.types.object;
    for b in &bases {
        let nb = types::ty(*b).native_base;
        if nb == vm.types.object || nb.is_null() {
            continue;
        }
        if native_base == vm.types.object || types::is_subtype(nb, native_base) {
            native_base = nb;
        } else if !types::is_subtype(native_base, nb) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let is_exc = bases.iter().any(|b| types::is_subtype(*b, vm.exc.base_exception));
    let layout = if is_exc { Kind::Exception } else { Kind::Instance };
    let mut fl = flags::HEAPTYPE | flags::BASETYPE;
    if is_exc {
        fl |= flags::EXCEPTION;
    }
    let cls = types::alloc_type(vm, meta, name, layout, fl);
    types::ty(cls).native_base = native_base;
    // The namespace becomes the class dict.
    let d = types::ty(cls).dict;
    for (k, v) in dict::items(ns) {
        dict::set(vm, d, k, v)?;
    }
    if let Some(q) = dict::remove_str(d, vm.names.qualname) {
        match pystr::text_of(q) {
            Some(s) => types::ty(cls).qualname = s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    vm.type_name(q)
                )));
            }
        }
    }
    if dict::get_str(d, vm.names.module).is_none()
        && let Some(g) = crate::vm::call::current_globals(vm)
        && let Some(m) = dict::get_str(g, vm.names.name)
    {
        dict::set_str(d, vm.names.module, m);
    }
    // Implicit static and class methods.
    for (n, wrap) in [("__new__", 0), ("__init_subclass__", 1), ("__class_getitem__", 1)] {
        let k = pystr::intern(vm, n);
        if let Some(f) = dict::get_str(d, k)
            && f.is_kind(Kind::Function)
        {
            let w = if wrap == 0 { new_staticmethod(vm, f) } else { new_classmethod(vm, f) };
            dict::set_str(d, k, w);
        }
    }
    // __slots__.
    if let Some(slots) = dict::get_str(d, vm.names.slots) {
        let names: Vec<Value> = if slots.is_kind(Kind::Str) { vec![slots] } else { vm.collect_iter(slots)?.to_vec() };
        let mut keep = Vec::new();
        let mut has_dict = false;
        for n in names {
            let Some(s) = pystr::text_of(n) else {
                return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", vm.type_name(n))));
            };
            if s == "__dict__" {
                has_dict = true;
                continue;
            }
            if s == "__weakref__" {
                continue;
            }
            let mangled = crate::object::str::intern(vm, &mangle(name, s));
            if dict::get_str(d, mangled).is_some() {
                return Err(vm.value_error(format!("'{s}' in __slots__ conflicts with class variable")));
            }
            keep.push(mangled);
        }
        let t = tuple::new(vm, &keep);
        types::ty(cls).slots = t;
        let parent_has_dict = bases.iter().any(|b| types::ty(*b).prefix.flags & flags::NO_DICT == 0 && *b != vm.types.object && types::ty(*b).layout == Kind::Instance);
        if !has_dict && !parent_has_dict {
            types::ty(cls).prefix.flags |= flags::NO_DICT;
        }
    }
    // `__doc__` defaults to None after `__slots__` were checked (a slot may be
    // named `__doc__`).
    if dict::get_str(d, vm.names.doc).is_none() {
        dict::set_str(d, vm.names.doc, Value::NONE);
    }
    types::set_bases(vm, cls, bases)?;
    types::update_flags(vm, cls);
    // __classcell__.
    if let Some(cell) = dict::remove_str(d, vm.names.classcell) {
        match cell.get::<CellObj>() {
            Some(c) => c.value = cls,
            None => {
                return Err(vm.type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    vm.type_name(cell)
                )));
            }
        }
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    for (k, v) in dict::items(d) {
        if let Some(f) = vm.lookup_special(v, vm.names.set_name) {
            let t = vm.type_of(v);
            let bound = vm.descr_get(f, v, t)?;
            vm.call(bound, &[cls, k]).map_err(|e| e)?;
        }
    }
    let sup = super_object(vm, cls, cls)?;
    let init_sub = vm.getattr(sup, vm.names.init_subclass)?;
    let kw_start = 0;
    let _ = kw_start;
    vm.call_kw(
        init_sub,
        &Args {
            pos: &[],
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        },
    )?;
    Ok(cls)
}

fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = a.pos[0];
    let name = a.pos[1];
    let orig_bases = crate::gc::Rooted::from_vec(a.pos[2..].to_vec());
    // __mro_entries__.
    let mut bases = crate::gc::Rooted::new();
    let mut changed = false;
    for b in orig_bases.iter() {
        if !b.is_kind(Kind::Type)
            && let Some(m) = vm.getattr_opt(*b, vm.names.mro_entries)?
        {
            let t = tuple::new(vm, &orig_bases);
            let r = vm.call(m, &[t])?;
            if !r.is_kind(Kind::Tuple) {
                return Err(vm.type_error("__mro_entries__ must return a tuple"));
            }
            bases.extend_from_slice(tuple::items(r));
            changed = true;
            continue;
        }
        bases.push(*b);
    }
    let mut meta = Value::NULL;
    let mut kwnames = Vec::new();
    let mut kwvals = Vec::new();
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if pystr::as_str(*k) == "metaclass" {
            meta = *v;
        } else {
            kwnames.push(*k);
            kwvals.push(*v);
        }
    }
    let explicit_meta = !meta.is_null();
    if meta.is_null() {
        meta = match bases.first() {
            Some(b) => vm.type_of(*b),
            None => vm.types.type_,
        };
    }
    if meta.is_kind(Kind::Type) {
        // The most derived metaclass.
        let mut winner = meta;
        for b in bases.iter() {
            let bt = vm.type_of(*b);
            if types::is_subtype(winner, bt) {
                continue;
            }
            if types::is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        let _ = explicit_meta;
        meta = winner;
    }
    let bases_t = tuple::new(vm, &bases);
    let ns = match vm.getattr_opt(meta, vm.names.prepare)? {
        Some(p) => vm.call_kw(
            p,
            &Args {
                pos: &[name, bases_t],
                kwnames: &kwnames,
                kwvals: &kwvals,
            },
        )?,
        None => dict::new(vm),
    };
    if vm.lookup_special(ns, vm.names.getitem).is_none() {
        return Err(vm.type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            if meta.is_kind(Kind::Type) { types::name(meta) } else { "<metaclass>" },
            vm.type_name(ns)
        )));
    }
    let cell = crate::vm::call::run_class_body(vm, func, ns)?;
    if changed {
        let ob = tuple::new(vm, &orig_bases);
        vm.setitem(ns, vm.names.orig_bases, ob)?;
    }
    let cls = vm.call_kw(
        meta,
        &Args {
            pos: &[name, bases_t, ns],
            kwnames: &kwnames,
            kwvals: &kwvals,
        },
    )?;
    if let Some(c) = cell.get::<CellObj>()
        && cls.is_kind(Kind::Type)
    {
        if c.value.is_null() {
            c.value = cls;
        } else if c.value != cls {
            let (was, now) = (vm.repr_string(c.value)?, vm.repr_string(cls)?);
            return Err(vm.type_error(format!(
                "__class__ set to {was} defining {} as {now}",
                pystr::text_of(name).unwrap_or("?"),
            )));
        }
    }
    Ok(cls)
}

// ---- super ----

pub struct Super {
    pub ty: Value,
    pub obj: Value,
    pub obj_type: Value,
}

impl native::NativeData for Super {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark_all(&[self.ty, self.obj, self.obj_type]);
    }
    crate::native_any!();
}

/// `super(ty, obj)`.
pub fn super_object(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    let obj_type = if obj.is_kind(Kind::Type) && types::is_subtype(obj, ty) {
        obj
    } else if vm.is_instance_of(obj, ty) {
        vm.type_of(obj)
    } else {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    };
    let st = vm.types.super_;
    Ok(native::new(vm, st, Box::new(Super { ty, obj, obj_type })))
}

fn super_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = &a.pos[1..];
    match rest.len() {
        0 => {
            // Zero-argument form: the calling frame's __class__ cell and first argument.
            let f = vm.frame;
            if f.is_null() {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            // SAFETY: the running frame (the caller of super) is live.
            let (code, locals) = unsafe { (Value::from_ptr((*f).code), (*f).locals) };
            let c = unsafe { code.raw::<crate::object::CodeObj>() };
            if c.prefix.argcount == 0 && c.prefix.flags & stitch_core::layout::code_flags::VARARGS == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = unsafe { *locals };
            if let Some(cell) = first.get::<CellObj>()
                && c.unit.cellvars.is_empty()
            {
                first = cell.value;
            } else if first.is_kind(Kind::Cell) {
                first = unsafe { first.raw::<CellObj>() }.value;
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            let n = c.unit.varnames.len() + c.unit.cellvars.len();
            let Some(pos) = c.unit.freevars.iter().position(|v| v == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let cell = unsafe { *locals.add(n + pos) };
            let cls = cell.get::<CellObj>().map(|c| c.value).unwrap_or(Value::NULL);
            if cls.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            if !cls.is_kind(Kind::Type) {
                return Err(vm.runtime_error("super(): __class__ is not a type"));
            }
            super_object(vm, cls, first)
        }
        1 | 2 => {
            if !rest[0].is_kind(Kind::Type) {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(rest[0]))));
            }
            if rest.len() == 1 {
                let st = vm.types.super_;
                return Ok(native::new(
                    vm,
                    st,
                    Box::new(Super {
                        ty: rest[0],
                        obj: Value::NONE,
                        obj_type: Value::NONE,
                    }),
                ));
            }
            super_object(vm, rest[0], rest[1])
        }
        _ => Err(vm.type_error("super() takes at most 2 arguments")),
    }
}

fn super_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.pos[0];
    let name = name_arg(vm, a.pos[1])?;
    let s = native::downcast::<Super>(this).expect("super object");
    let (ty, obj, obj_type) = (s.ty, s.obj, s.obj_type);
    if !obj_type.is_none() && pystr::as_str(name) != "__class__" {
        let mro = types::ty(obj_type).mro.clone();
        let start = mro.iter().position(|c| *c == ty).map(|i| i + 1).unwrap_or(mro.len());
        for c in &mro[start..] {
            if let Some(v) = dict::get_str(types::ty(*c).dict, name) {
                let inst = if obj == obj_type { Value::NULL } else { obj };
                return match v.kind() {
                    Some(Kind::Function) if inst.is_null() => Ok(v),
                    _ => vm.descr_get(v, inst, obj_type),
                };
            }
        }
    }
    match vm.generic_getattr(this, name)? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(
            vm.exc.attribute_error,
            format!("'super' object has no attribute '{}'", pystr::as_str(name)),
        )),
    }
}

fn super_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = native::downcast::<Super>(a.pos[0]).expect("super object");
    let text = if s.obj_type.is_none() {
        format!("<super: <class '{}'>, NULL>", types::name(s.ty))
    } else {
        format!("<super: <class '{}'>, <{} object>>", types::name(s.ty), types::name(s.obj_type))
    };
    Ok(pystr::new(vm, &text))
}

// ---- property, classmethod, staticmethod ----

pub fn new_classmethod(vm: &mut Vm, f: Value) -> Value {
    let t = vm.types.classmethod;
    native::new(vm, t, Box::new(ClassMethod { func: f, dict: Cell::new(Value::NULL) }))
}

pub fn new_staticmethod(vm: &mut Vm, f: Value) -> Value {
    let t = vm.types.staticmethod;
    native::new(vm, t, Box::new(StaticMethod { func: f }))
}

fn property_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fget, fset, fdel, doc] = args::parse::<4>(
        vm,
        &a.tail(),
        &Sig::new("property", &["fget", "fset", "fdel", "doc"], 0),
    )?;
    let nn = |v: Value| if v.is_null() { Value::NONE } else { v };
    let mut doc = nn(doc);
    if doc.is_none() && !nn(fget).is_none() {
        doc = vm.getattr_opt(fget, vm.names.doc)?.unwrap_or(Value::NONE);
    }
    let cls = a.pos[0];
    Ok(native::new(
        vm,
        cls,
        Box::new(Property {
            fget: nn(fget),
            fset: nn(fset),
            fdel: nn(fdel),
            doc: Cell::new(doc),
            name: Cell::new(Value::NULL),
        }),
    ))
}

fn property_copy(vm: &mut Vm, this: Value, fget: Value, fset: Value, fdel: Value) -> PyResult<Value> {
    let p = native::downcast::<Property>(this).expect("property");
    let t = vm.type_of(this);
    let doc = if !fget.is_none() && p.doc.get() == vm.getattr_opt(p.fget, vm.names.doc)?.unwrap_or(Value::NONE) {
        vm.getattr_opt(fget, vm.names.doc)?.unwrap_or(Value::NONE)
    } else {
        p.doc.get()
    };
    Ok(native::new(
        vm,
        t,
        Box::new(Property {
            fget,
            fset,
            fdel,
            doc: Cell::new(doc),
            name: Cell::new(p.name.get()),
        }),
    ))
}

fn property_doc_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(native::downcast::<Property>(v).map_or(Value::NONE, |p| p.doc.get()))
}

fn property_doc_set(_vm: &mut Vm, v: Value, doc: Value) -> PyResult<()> {
    if let Some(p) = native::downcast::<Property>(v) {
        p.doc.set(if doc.is_null() { Value::NONE } else { doc });
    }
    Ok(())
}

/// True when `f.__isabstractmethod__` is true.
fn is_abstract(vm: &mut Vm, f: Value) -> PyResult<bool> {
    if f.is_null() || f.is_none() {
        return Ok(false);
    }
    let k = pystr::intern(vm, "__isabstractmethod__");
    match vm.getattr_opt(f, k)? {
        Some(v) => vm.truth(v),
        None => Ok(false),
    }
}

/// `property.__isabstractmethod__`: any of its functions is abstract.
fn property_abstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let Some(p) = native::downcast::<Property>(v) else {
        return Ok(Value::FALSE);
    };
    let fs = [p.fget, p.fset, p.fdel];
    for f in fs {
        if is_abstract(vm, f)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `classmethod/staticmethod.__isabstractmethod__`: the wrapped function's.
fn wrapper_abstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = if let Some(c) = native::downcast::<ClassMethod>(v) {
        c.func
    } else if let Some(s) = native::downcast::<StaticMethod>(v) {
        s.func
    } else {
        Value::NULL
    };
    Ok(Value::from_bool(is_abstract(vm, f)?))
}

fn property_getter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = native::downcast::<Property>(a.pos[0]).expect("property");
    let (s, d) = (p.fset, p.fdel);
    property_copy(vm, a.pos[0], a.pos[1], s, d)
}
fn property_setter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = native::downcast::<Property>(a.pos[0]).expect("property");
    let (g, d) = (p.fget, p.fdel);
    property_copy(vm, a.pos[0], g, a.pos[1], d)
}
fn property_deleter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = native::downcast::<Property>(a.pos[0]).expect("property");
    let (g, s) = (p.fget, p.fset);
    property_copy(vm, a.pos[0], g, s, a.pos[1])
}
fn property_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = if a.pos.len() > 1 && !a.pos[1].is_none() { a.pos[1] } else { Value::NULL };
    native::descr_get(vm, a.pos[0], obj, Value::NONE)
}
fn property_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    native::descr_set(vm, a.pos[0], a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}
fn property_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    native::descr_set(vm, a.pos[0], a.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}
fn property_set_name(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(p) = native::downcast::<Property>(a.pos[0]) {
        p.name.set(a.pos[2]);
    }
    Ok(Value::NONE)
}

fn classmethod_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "classmethod", 2, 2)?;
    let cls = a.pos[0];
    Ok(native::new(
        vm,
        cls,
        Box::new(ClassMethod {
            func: a.pos[1],
            dict: Cell::new(Value::NULL),
        }),
    ))
}

fn staticmethod_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "staticmethod", 2, 2)?;
    let cls = a.pos[0];
    Ok(native::new(vm, cls, Box::new(StaticMethod { func: a.pos[1] })))
}

fn staticmethod_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = native::downcast::<StaticMethod>(a.pos[0]).expect("staticmethod").func;
    vm.call_kw(f, &a.tail())
}

/// A bound method's parts (for builtins that accept methods).
pub fn method_parts(v: Value) -> Option<(Value, Value)> {
    v.get::<MethodObj>().map(|m| (m.func, m.self_))
}

/// The base object of a builtin-subclass instance (for methods of builtin types).
pub fn native_self(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}
