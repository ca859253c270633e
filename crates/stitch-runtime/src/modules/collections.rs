//! The `_collections` module: `deque` (in `deque.rs`), `defaultdict` (a dict
//! subclass with `__missing__`) and `_count_elements` (Counter's fast path).

use stitch_core::value::Value;

use super::util::add_fns;
use crate::builtins::{add_methods, args};
use crate::object::types;
use crate::object::{dict, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_collections");
    let dq = super::deque::deque_type(vm);
    module::set(vm, m, "deque", dq);
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let key: &'static str = if name == "_deque_iterator" {
            "_collections._deque_iterator"
        } else {
            "_collections._deque_reverse_iterator"
        };
        let t = vm.registry[key];
        module::set(vm, m, name, t);
    }
    let dd = defaultdict_type(vm)?;
    module::set(vm, m, "defaultdict", dd);
    add_fns(vm, m, &[("_count_elements", count_elements)]);
    Ok(m)
}

fn defaultdict_type(vm: &mut Vm) -> PyResult<Value> {
    if let Some(t) = vm.registry.get("collections.defaultdict") {
        return Ok(*t);
    }
    let name = pystr::new(vm, "defaultdict");
    let dict_ty = vm.types.dict;
    let bases = tuple::new(vm, &[dict_ty]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, "collections");
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[name, bases, ns])?;
    super::util::set_c_name(t, "collections", "defaultdict");
    add_methods(
        vm,
        t,
        &[
            ("__init__", dd_init),
            ("__missing__", dd_missing),
            ("__repr__", dd_repr),
            ("copy", dd_copy),
            ("__copy__", dd_copy),
            ("__reduce__", dd_reduce),
            ("__or__", dd_or),
            ("__ror__", dd_ror),
        ],
    );
    types::invalidate(t);
    vm.registry.insert("collections.defaultdict", t);
    Ok(t)
}

fn factory_name(vm: &mut Vm) -> Value {
    pystr::intern(vm, "default_factory")
}

fn factory_of(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let k = factory_name(vm);
    Ok(vm.getattr_opt(d, k)?.unwrap_or(Value::NONE))
}

fn dd_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.pos[0];
    let (factory, rest) = match a.pos.get(1) {
        Some(&f) => (f, &a.pos[2..]),
        None => (Value::NONE, &a.pos[1..]),
    };
    if !factory.is_none() && !super::util::is_callable(vm, factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    let k = factory_name(vm);
    vm.setattr(this, k, factory)?;
    let init = types::lookup(vm.types.dict, vm.names.init).unwrap_or(Value::NONE);
    let mut pos = vec![this];
    pos.extend_from_slice(rest);
    let pos = crate::gc::Rooted::from_vec(pos);
    vm.call_kw(
        init,
        &Args {
            pos: &pos,
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        },
    )?;
    Ok(Value::NONE)
}

fn dd_missing(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, &a.tail(), "__missing__", 1, 1)?;
    let (this, key) = (a.pos[0], a.pos[1]);
    let f = factory_of(vm, this)?;
    if f.is_none() {
        let t = tuple::new(vm, &[key]);
        return Err(vm.new_error_args(vm.exc.key_error, &[tuple::items(t)[0]]));
    }
    let v = vm.call(f, &[])?;
    vm.setitem(this, key, v)?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.pos[0];
    let f = factory_of(vm, this)?;
    let fr = if f.is_none() {
        "None".to_string()
    } else if vm.repr_guard.contains(&f) || f == this {
        "...".to_string()
    } else {
        vm.repr_guard.push(this);
        let r = vm.repr_string(f);
        if let Some(i) = vm.repr_guard.iter().rposition(|x| *x == this) {
            vm.repr_guard.remove(i);
        }
        r?
    };
    let dict_repr = types::lookup(vm.types.dict, vm.names.repr).unwrap_or(Value::NONE);
    let d = vm.call(dict_repr, &[this])?;
    let name = super::util::short_name(vm.type_of(this));
    let s = format!("{name}({fr}, {})", pystr::text_of(d).unwrap_or(""));
    Ok(pystr::new(vm, &s))
}

fn dd_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.pos[0];
    let f = factory_of(vm, this)?;
    let t = vm.type_of(this);
    vm.call(t, &[f, this])
}

fn dd_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.pos[0];
    let f = factory_of(vm, this)?;
    let t = vm.type_of(this);
    let args = if f.is_none() {
        vm.empty_tuple
    } else {
        tuple::new(vm, &[f])
    };
    let items = vm.call_method(this, "items", &[])?;
    let it = vm.iter(items)?;
    Ok(tuple::new(vm, &[t, args, Value::NONE, Value::NONE, it]))
}

fn dd_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (this, other) = (a.pos[0], a.pos.get(1).copied().unwrap_or(Value::NONE));
    if dict::native(other).is_none() && !other.is_kind(stitch_core::layout::Kind::Dict) {
        return Ok(vm.not_implemented);
    }
    let new = dd_copy(vm, &Args::new(&[this]))?;
    vm.call_method(new, "update", &[other])?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (this, other) = (a.pos[0], a.pos.get(1).copied().unwrap_or(Value::NONE));
    if dict::native(other).is_none() && !other.is_kind(stitch_core::layout::Kind::Dict) {
        return Ok(vm.not_implemented);
    }
    let f = factory_of(vm, this)?;
    let t = vm.type_of(this);
    let new = vm.call(t, &[f, other])?;
    vm.call_method(new, "update", &[this])?;
    Ok(new)
}

/// `_count_elements(mapping, iterable)`: mapping[x] = mapping.get(x, 0) + 1.
fn count_elements(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (a.pos[0], a.pos[1]);
    let it = vm.iter(iterable)?;
    let t = vm.type_of(mapping);
    let get_name = pystr::intern(vm, "get");
    let dict_t = vm.types.dict;
    let fast = dict::native(mapping).or_else(|| {
        if mapping.is_kind(stitch_core::layout::Kind::Dict) {
            Some(mapping)
        } else {
            None
        }
    });
    let plain = types::lookup(t, get_name) == types::lookup(dict_t, get_name)
        && types::lookup(t, vm.names.setitem) == types::lookup(dict_t, vm.names.setitem);
    let one = Value::small(1);
    match fast {
        Some(d) if plain => {
            let count = |vm: &mut Vm, x: Value| -> PyResult<()> {
                let h = vm.hash(x)?;
                match dict::index_hashed(vm, d, x, h)? {
                    Some(i) => {
                        let c = dict::value_at(d, i);
                        if c.is_small_int() {
                            // No Python code runs: the entry is still there.
                            let n = crate::object::int::from_i64(vm, c.small_value() + 1);
                            dict::set_value_at(d, i, n);
                        } else {
                            let n = crate::vm::ops::binary_op(
                                vm,
                                stitch_core::instr::binop::ADD,
                                c,
                                one,
                            )?;
                            dict::set_hashed(vm, d, x, h, n)?;
                        }
                    }
                    None => dict::set_hashed(vm, d, x, h, one)?,
                }
                Ok(())
            };
            if iterable.is_kind(stitch_core::layout::Kind::Str) {
                // The characters of a str, without an iterator object.
                for ch in pystr::as_str(iterable).chars() {
                    let mut buf = [0u8; 4];
                    let x = pystr::new(vm, ch.encode_utf8(&mut buf));
                    count(vm, x)?;
                }
            } else {
                while let Some(x) = vm.next(it)? {
                    count(vm, x)?;
                }
            }
        }
        _ => {
            let get = vm.getattr(mapping, get_name)?;
            while let Some(x) = vm.next(it)? {
                let cur = vm.call(get, &[x, Value::small(0)])?;
                let n = crate::vm::ops::binary_op(vm, stitch_core::instr::binop::ADD, cur, one)?;
                vm.setitem(mapping, x, n)?;
            }
        }
    }
    Ok(Value::NONE)
}
