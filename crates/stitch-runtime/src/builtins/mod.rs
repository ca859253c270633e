//! The `builtins` module and the methods of builtin types.
//!
//! `functions.rs` holds the builtin functions (print, len, sorted...); each type's
//! methods live in their own file (`object_type.rs`, `numbers.rs`, `strings.rs`,
//! `containers.rs`, `exceptions.rs`, `callables.rs`); this module wires them up and
//! holds small helpers several of them share.

pub mod args;
pub mod bytes;
pub mod bytes_methods;
pub mod callables;
pub mod code;
pub mod containers;
pub mod exception_group;
pub mod exceptions;
pub mod frame;
pub mod functions;
pub mod matching;
pub mod numbers;
pub mod object_type;
pub mod pickling;
pub mod str_methods;
pub mod str_search;
pub mod strings;
pub mod suggest;
pub mod text_signatures;
pub mod unicode_errors;
pub mod union_type;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::function::{NativeFn, builtin_flags, new_builtin};
use crate::object::native::{self, GetSet};
use crate::object::types;
use crate::object::{dict, module, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// Sets up builtin types' methods, the builtins module and sys.
pub fn init(vm: &mut Vm) {
    for name in [
        "str_ascii_iterator",
        "str_iterator",
        "bytes_iterator",
        "set_iterator",
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "dict_keys",
        "dict_values",
        "dict_items",
        "callable_iterator",
        "iterator",
        "longrange_iterator",
        "GenericAlias",
        "UnionType",
    ] {
        vm.new_native_type(name);
    }
    object_type::init(vm);
    exceptions::init(vm);
    unicode_errors::init(vm);
    numbers::init(vm);
    strings::init(vm);
    bytes::init(vm);
    containers::init(vm);
    callables::init(vm);
    let b = module::new(vm, "builtins");
    vm.builtins = b;
    vm.builtins_dict = module::dict_of(b);
    functions::init(vm, b);
    crate::modules::init(vm);
}

/// Adds native methods (binding `self`) to a type.
pub fn add_methods(vm: &mut Vm, ty: Value, defs: &[(&'static str, NativeFn)]) {
    for (name, f) in defs {
        let b = new_builtin(vm, name, *f, ty, builtin_flags::METHOD);
        let k = pystr::intern(vm, name);
        dict::set_str(types::ty(ty).dict, k, b);
    }
    types::invalidate(ty);
}

/// Adds native functions that do not bind (like `__new__`) to a type.
pub fn add_static(vm: &mut Vm, ty: Value, defs: &[(&'static str, NativeFn)]) {
    for (name, f) in defs {
        let b = new_builtin(vm, name, *f, ty, 0);
        let k = pystr::intern(vm, name);
        dict::set_str(types::ty(ty).dict, k, b);
    }
    types::invalidate(ty);
}

/// Adds native class methods (binding the class, whether read from the class or an
/// instance) to a type: a `classmethod` wrapping the native function.
pub fn add_classmethods(vm: &mut Vm, ty: Value, defs: &[(&'static str, NativeFn)]) {
    for (name, f) in defs {
        let b = new_builtin(vm, name, *f, ty, 0);
        let cm_ty = vm.types.classmethod;
        let cm = native::new(
            vm,
            cm_ty,
            Box::new(native::ClassMethod {
                func: b,
                dict: std::cell::Cell::new(Value::NULL),
            }),
        );
        let k = pystr::intern(vm, name);
        dict::set_str(types::ty(ty).dict, k, cm);
    }
    types::invalidate(ty);
}

type Getter = fn(&mut Vm, Value) -> PyResult<Value>;
type Setter = fn(&mut Vm, Value, Value) -> PyResult<()>;

/// Adds native attributes (data descriptors) to a type.
pub fn add_getsets(vm: &mut Vm, ty: Value, defs: &[(&'static str, Getter, Option<Setter>)]) {
    let owner: &'static str = Box::leak(types::name(ty).to_string().into_boxed_str());
    for (name, get, set) in defs {
        let gs_ty = vm.types.getset_descriptor;
        let d = native::new(
            vm,
            gs_ty,
            Box::new(GetSet {
                name,
                get: *get,
                set: *set,
                owner,
                objclass: ty,
            }),
        );
        let k = pystr::intern(vm, name);
        dict::set_str(types::ty(ty).dict, k, d);
    }
    types::invalidate(ty);
}

/// The builtins dict code with `globals` uses.
pub fn builtins_for(vm: &mut Vm, globals: Value) -> PyResult<Value> {
    if let Some(b) = dict::get_str(globals, vm.names.builtins) {
        if b.is_kind(Kind::Module) {
            return Ok(module::dict_of(b));
        }
        if b.is_kind(Kind::Dict) {
            return Ok(b);
        }
    }
    Ok(vm.builtins_dict)
}

/// `module.qualname()` as CPython names a callable in call errors.
pub fn function_str(vm: &mut Vm, f: Value) -> String {
    let qn = vm
        .getattr_opt(f, vm.names.qualname)
        .ok()
        .flatten()
        .and_then(|q| pystr::text_of(q).map(str::to_string));
    let Some(qn) = qn else {
        return format!("{} object", vm.type_name(f));
    };
    let m = vm
        .getattr_opt(f, vm.names.module)
        .ok()
        .flatten()
        .and_then(|m| pystr::text_of(m).map(str::to_string));
    match m {
        Some(m) if m != "builtins" => format!("{m}.{qn}()"),
        _ => format!("{qn}()"),
    }
}

/// The (key, value) pairs of a mapping.
pub fn mapping_items(vm: &mut Vm, m: Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(d) = dict::native(m)
        && vm.type_of(m) == vm.types.dict
    {
        return Ok(dict::items(d));
    }
    let keys = vm.call_method(m, "keys", &[])?;
    let keys = vm.collect_iter(keys)?;
    let mut out = Vec::new();
    for k in keys.iter() {
        let v = vm.getitem(m, *k)?;
        out.push((*k, v));
    }
    Ok(out)
}

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn dict_update_from(vm: &mut Vm, d: Value, other: Value) -> PyResult<()> {
    if dict::native(other).is_some() || vm.lookup_special(other, vm.names.keys).is_some() {
        let pairs = crate::gc::Rooted::from_vec(
            mapping_items(vm, other)?.into_iter().flat_map(|(k, v)| [k, v]).collect(),
        );
        for kv in pairs.chunks(2) {
            dict::set(vm, d, kv[0], kv[1])?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    let mut i = 0;
    while let Some(item) = vm.next(it)? {
        let pair = match vm.collect_iter(item) {
            Ok(p) => p,
            Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            Err(e) => return Err(e),
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

/// `a == b` for two dicts.
pub fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    for (k, v) in dict::items(a) {
        match dict::get(vm, b, k)? {
            Some(w) => {
                if !vm.eq_bool(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `ascii(v)`.
pub fn ascii(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = vm.repr_string(v)?;
    let s = strings::escape_non_ascii(&r);
    Ok(pystr::new(vm, &s))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let s = pystr::text_of(spec).unwrap_or("");
    if let Some(r) = crate::text::format::format_builtin(vm, v, s)? {
        return Ok(pystr::new(vm, &r));
    }
    let r = match vm.call_special(v, vm.names.format, &[spec])? {
        Some(r) => r,
        None => return Err(vm.type_error("object has no __format__")),
    };
    if pystr::text_of(r).is_none() {
        return Err(vm.type_error(format!("__format__ must return a str, not {}", vm.type_name(r))));
    }
    Ok(r)
}

/// `a | b` for types: a union.
pub fn union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let ok = |v: Value, vm: &Vm| v.is_kind(Kind::Type) || v.is_none() || native::downcast::<Union>(v).is_some() || vm.type_of(v) == vm.registry["GenericAlias"];
    if !ok(a, vm) || !ok(b, vm) {
        return Ok(vm.not_implemented);
    }
    let mut items = Vec::new();
    for v in [a, b] {
        if let Some(u) = native::downcast::<Union>(v) {
            for x in tuple::items(u.args) {
                if !items.contains(x) {
                    items.push(*x);
                }
            }
        } else {
            let v = if v.is_none() { vm.types.none_type } else { v };
            if !items.contains(&v) {
                items.push(v);
            }
        }
    }
    let args = tuple::new(vm, &items);
    let ty = vm.registry["UnionType"];
    Ok(native::new(vm, ty, Box::new(Union { args })))
}

/// `int | str`.
pub struct Union {
    pub args: Value,
}

impl native::NativeData for Union {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark(self.args);
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(if name == "__args__" { Some(self.args) } else { None })
    }
    crate::native_any!();
}

/// A read-only view of a type's namespace.
pub fn mappingproxy(vm: &mut Vm, d: Value) -> Value {
    let ty = vm.types.mappingproxy;
    native::new(vm, ty, Box::new(MappingProxy { dict: d }))
}

pub struct MappingProxy {
    pub dict: Value,
}

impl native::NativeData for MappingProxy {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark(self.dict);
    }
    crate::native_any!();
}
