//! The object-level copy/pickle protocol, as CPython 3.11's `typeobject.c` defines
//! it on top of `copyreg`: `object.__reduce_ex__`, `object.__reduce__`,
//! `object.__getstate__` (the instance `__dict__` and the `__slots__` values),
//! `__getnewargs_ex__`/`__getnewargs__`, and the reductions of a few builtin values
//! that `copy.deepcopy` and `pickle` reach through `__reduce_ex__`.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{add_methods, args};
use crate::object::{BuiltinObj, ValueExt, dict, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let o = vm.types.object;
    add_methods(
        vm,
        o,
        &[
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
        ],
    );
    add_methods(
        vm,
        vm.types.not_implemented_type,
        &[("__reduce__", singleton_reduce)],
    );
    add_methods(
        vm,
        vm.types.ellipsis_type,
        &[("__reduce__", singleton_reduce)],
    );
    add_methods(
        vm,
        vm.types.bytearray,
        &[
            ("__reduce__", bytearray_reduce),
            ("__reduce_ex__", bytearray_reduce_ex),
        ],
    );
}

fn copyreg_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = crate::import::import_module(vm, "copyreg")?;
    vm.getattr_str(m, name)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins; otherwise
/// `copyreg.__newobj__` reductions for protocol 2 and up, `copyreg._reduce_ex`
/// below.
fn object_reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [this, proto] = args::parse::<2>(
        vm,
        a,
        &args::Sig::positional("__reduce_ex__", &["self", "protocol"], 2),
    )?;
    let proto = protocol_arg(vm, proto)?;
    let reduce_name = pystr::intern(vm, "__reduce__");
    if let Some(reduce) = vm.getattr_opt(this, reduce_name)? {
        let cls = vm.type_of(this);
        let own = vm.getattr(cls, reduce_name)?;
        let base = dict::get_str(types::ty(vm.types.object).dict, reduce_name);
        if Some(own) != base {
            return vm.call(reduce, &[]);
        }
    }
    common_reduce(vm, this, proto)
}

fn protocol_arg(vm: &mut Vm, p: Value) -> PyResult<i64> {
    if p.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_value(p)
}

/// `object.__reduce__()`: `copyreg._reduce_ex(self, 0)`.
fn object_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__reduce__", 1, 1)?;
    common_reduce(vm, a.pos[0], 0)
}

fn common_reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let f = copyreg_attr(vm, "_reduce_ex")?;
    let p = Value::small(proto);
    vm.call(f, &[obj, p])
}

/// `__getnewargs_ex__()` or `__getnewargs__()`, checked: (args, kwargs), either
/// possibly NULL.
fn new_arguments(vm: &mut Vm, obj: Value) -> PyResult<(Value, Value)> {
    let ex = pystr::intern(vm, "__getnewargs_ex__");
    if vm.lookup_special(obj, ex).is_some() {
        let r = vm.call_special(obj, ex, &[])?.unwrap_or(Value::NONE);
        if !r.is_kind(Kind::Tuple) {
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(r)
            )));
        }
        let items = tuple::items(r);
        if items.len() != 2 {
            return Err(vm.value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        let (args, kwargs) = (items[0], items[1]);
        if !args.is_kind(Kind::Tuple) && !vm.is_instance_of(args, vm.types.tuple) {
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(args)
            )));
        }
        if !vm.is_instance_of(kwargs, vm.types.dict) {
            return Err(vm.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(kwargs)
            )));
        }
        return Ok((args, kwargs));
    }
    let plain = pystr::intern(vm, "__getnewargs__");
    if vm.lookup_special(obj, plain).is_some() {
        let r = vm.call_special(obj, plain, &[])?.unwrap_or(Value::NONE);
        if !vm.is_instance_of(r, vm.types.tuple) {
            return Err(vm.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(r)
            )));
        }
        return Ok((r, Value::NULL));
    }
    Ok((Value::NULL, Value::NULL))
}

/// The protocol-2 reduction: `(copyreg.__newobj__, (cls, *args), state,
/// listitems, dictitems)` (or `__newobj_ex__` with keyword arguments).
fn reduce_newobj(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let cls = vm.type_of(obj);
    let (args, kwargs) = new_arguments(vm, obj)?;
    let has_args = !args.is_null();
    let no_kwargs = kwargs.is_null() || dict::native(kwargs).is_some_and(|d| dict::len(d) == 0);
    let (newobj, newargs) = if no_kwargs {
        let f = copyreg_attr(vm, "__newobj__")?;
        let mut items = crate::gc::Rooted::new();
        items.push(cls);
        if has_args {
            let rest = vm.collect_iter(args)?;
            items.extend_from_slice(&rest);
        }
        let t = tuple::new(vm, &items);
        (f, t)
    } else {
        let f = copyreg_attr(vm, "__newobj_ex__")?;
        let t = tuple::new(vm, &[cls, args, kwargs]);
        (f, t)
    };
    let is_list = vm.is_instance_of(obj, vm.types.list);
    let is_dict = vm.is_instance_of(obj, vm.types.dict);
    let state = getstate(vm, obj, !(has_args || is_list || is_dict))?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::NONE };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(items)?
    } else {
        Value::NONE
    };
    Ok(tuple::new(
        vm,
        &[newobj, newargs, state, listitems, dictitems],
    ))
}

/// `obj.__getstate__()`, short-circuiting the default one (so that `required` is
/// honoured as in CPython's `object_getstate`).
fn getstate(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    let name = pystr::intern(vm, "__getstate__");
    let f = vm.getattr(obj, name)?;
    if let Some(b) = f.get::<BuiltinObj>()
        && b.self_ == obj
        && b.owner == vm.types.object
        && b.name == "__getstate__"
    {
        return default_state(vm, obj, required);
    }
    vm.call(f, &[])
}

/// `object.__getstate__()`.
fn object_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__getstate__", 1, 1)?;
    default_state(vm, a.pos[0], false)
}

/// True when instances keep native state that the default state cannot carry
/// (CPython's "basicsize is larger than a plain object's" check).
fn has_native_state(vm: &mut Vm, obj: Value) -> bool {
    match obj.kind() {
        Some(Kind::Instance) => {
            let nb = types::ty(vm.type_of(obj)).native_base;
            !(nb.is_null() || nb == vm.types.object)
        }
        Some(Kind::Exception) => false,
        _ => true,
    }
}

/// CPython's `object_getstate_default`: the instance dict (None when empty),
/// paired with a dict of the `__slots__` values when there are any.
fn default_state(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    if required && has_native_state(vm, obj) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))));
    }
    let cls = vm.type_of(obj);
    let mut state = Value::NONE;
    if types::ty(cls).prefix.flags & types::flags::NO_DICT == 0
        && let Some(d) = super::object_type::instance_dict(vm, obj)?
        && dict::len(d) > 0
    {
        state = d;
    }
    let slotnames = slot_names(vm, cls)?;
    if !slotnames.is_null() && !slotnames.is_none() {
        let names = vm.collect_iter(slotnames)?;
        if !names.is_empty() {
            let slots = dict::new(vm);
            for n in names.iter() {
                match vm.getattr_opt(obj, *n) {
                    Ok(Some(v)) => vm.setitem(slots, *n, v)?,
                    Ok(None) => {}
                    Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => {}
                    Err(e) => return Err(e),
                }
            }
            if dict::len(slots) > 0 {
                state = tuple::new(vm, &[state, slots]);
            }
        }
    }
    Ok(state)
}

/// `cls.__slotnames__` if the class has it, else `copyreg._slotnames(cls)`.
fn slot_names(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let k = pystr::intern(vm, "__slotnames__");
    if let Some(v) = dict::get_str(types::ty(cls).dict, k) {
        if !v.is_none() && !vm.is_instance_of(v, vm.types.list) {
            return Err(vm.type_error(format!(
                "{}.__slotnames__ should be a list or None, not {}",
                types::name(cls),
                vm.type_name(v)
            )));
        }
        return Ok(v);
    }
    let f = copyreg_attr(vm, "_slotnames")?;
    let r = vm.call(f, &[cls])?;
    if !r.is_none() && !vm.is_instance_of(r, vm.types.list) {
        return Err(vm.type_error("copyreg._slotnames didn't return a list or None"));
    }
    Ok(r)
}

/// `NotImplemented.__reduce__()` / `Ellipsis.__reduce__()`: their names, so that
/// pickle saves them as globals.
fn singleton_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__reduce__", 1, 1)?;
    let n = if a.pos[0] == vm.not_implemented {
        "NotImplemented"
    } else {
        "Ellipsis"
    };
    Ok(pystr::new(vm, n))
}

fn bytearray_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "__reduce__", 1, 1)?;
    bytearray_reduction(vm, a.pos[0], 2)
}

fn bytearray_reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [this, proto] = args::parse::<2>(
        vm,
        a,
        &args::Sig::positional("__reduce_ex__", &["self", "proto"], 1),
    )?;
    let p = if proto.is_null() {
        0
    } else {
        protocol_arg(vm, proto)?
    };
    bytearray_reduction(vm, this, p)
}

/// `(type(self), (bytes(self),), __dict__ or None)` for protocol 3 and up; below,
/// the bytes as a latin-1 str (what older protocols can store).
fn bytearray_reduction(vm: &mut Vm, this: Value, proto: i64) -> PyResult<Value> {
    let cls = vm.type_of(this);
    let bytes_ty = vm.types.bytes;
    let data = vm.call(bytes_ty, &[this])?;
    let args = if proto < 3 {
        let raw = crate::object::bytes::native(data)
            .map(crate::object::bytes::data)
            .unwrap_or(&[]);
        let text: String = raw.iter().map(|&b| b as char).collect();
        let s = pystr::new(vm, &text);
        let enc = pystr::new(vm, "latin-1");
        tuple::new(vm, &[s, enc])
    } else {
        tuple::new(vm, &[data])
    };
    let d = if this.is_kind(Kind::Instance) {
        super::object_type::instance_dict(vm, this)?
            .filter(|d| dict::len(*d) > 0)
            .unwrap_or(Value::NONE)
    } else {
        Value::NONE
    };
    Ok(tuple::new(vm, &[cls, args, d]))
}
