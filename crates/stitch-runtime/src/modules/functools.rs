//! The `_functools` module: `reduce`, `partial` (flattening nested partials,
//! CPython's repr), `cmp_to_key` (KeyWrapper) and `_lru_cache_wrapper` (in
//! `functools_lru.rs`). Objects that need a `__dict__` (partial, the cache
//! wrapper) are instances of a Python-level class over a native base.

use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::util::{add_fns, native_type, new_for_class, payload, this};
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::types;
use crate::object::{ShapeObj, ValueExt, dict, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_functools");
    add_fns(vm, m, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let base = native_type(vm, "functools", "partial", true);
    add_static(vm, base, &[("__new__", partial_new)]);
    add_methods(
        vm,
        base,
        &[
            ("__call__", partial_call),
            ("__repr__", partial_repr),
            ("__reduce__", partial_reduce),
            ("__setstate__", partial_setstate),
        ],
    );
    add_getsets(
        vm,
        base,
        &[
            ("func", partial_func, Some(readonly)),
            ("args", partial_args, Some(readonly)),
            ("keywords", partial_keywords, Some(readonly)),
        ],
    );
    super::util::add_class_getitem(vm, base);
    let partial = heap_class(vm, base, "functools", "partial");
    vm.registry.insert("functools.partial.visible", partial);
    module::set(vm, m, "partial", partial);
    let kw = native_type(vm, "functools", "KeyWrapper", false);
    add_methods(
        vm,
        kw,
        &[
            ("__call__", key_call),
            ("__lt__", key_lt),
            ("__le__", key_le),
            ("__eq__", key_eq),
            ("__ne__", key_ne),
            ("__gt__", key_gt),
            ("__ge__", key_ge),
        ],
    );
    add_getsets(vm, kw, &[("obj", key_obj, Some(key_set_obj))]);
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(kw).dict, k, Value::NONE);
    types::invalidate(kw);
    super::functools_lru::add(vm, m);
    Ok(m)
}

/// A Python-level class `module.name` over native `base`: its instances wrap the
/// native payload and have a `__dict__`.
pub fn heap_class(vm: &mut Vm, base: Value, module: &str, name: &str) -> Value {
    let n = pystr::new(vm, name);
    let bases = tuple::new(vm, &[base]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, module);
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[n, bases, ns]).unwrap_or(Value::NONE);
    super::util::set_c_name(t, module, name);
    t
}

// ---- reduce ----

fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "reduce", 2, 3)?;
    let f = a.pos[0];
    let it = match vm.iter(a.pos[1]) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = a.pos.get(2).copied();
    while let Some(x) = vm.next(it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => vm.call(f, &[v, x])?,
        });
    }
    match acc {
        Some(v) => Ok(v),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}

// ---- partial ----

pub struct Partial {
    pub func: Value,
    pub args: Value,
    pub kw: Value,
}

impl NativeData for Partial {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.func, self.args, self.kw]);
    }
    native_any!();
}

/// True when an instance has no attributes of its own.
fn no_own_attrs(v: Value) -> bool {
    match v.get::<InstanceObj>() {
        Some(i) => {
            let shape_empty =
                i.shape.is_null() || unsafe { (*(i.shape as *mut ShapeObj)).len } == 0;
            shape_empty && (i.dict.is_null() || dict::len(i.dict) == 0)
        }
        None => true,
    }
}

fn partial_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pbase = vm.registry["functools.partial"];
    let cls = super::util::new_cls(vm, a, pbase)?;
    let rest = &a.pos[1..];
    if rest.is_empty() {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = rest[0];
    if !super::util::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pargs = Rooted::new();
    let kw = dict::new(vm);
    let base = vm.registry["functools.partial"];
    let call_fn = types::lookup(base, vm.names.call);
    if let Some(p) = payload::<Partial>(func)
        && types::lookup(vm.type_of(func), vm.names.call) == call_fn
        && no_own_attrs(func)
    {
        pargs.extend_from_slice(tuple::items(p.args));
        for (k, v) in dict::items(p.kw) {
            dict::set(vm, kw, k, v)?;
        }
        func = p.func;
    }
    pargs.extend_from_slice(&rest[1..]);
    for (i, k) in a.kwnames.iter().enumerate() {
        dict::set(vm, kw, *k, a.kwvals[i])?;
    }
    let args_t = tuple::new(vm, &pargs);
    Ok(new_for_class(
        vm,
        cls,
        base,
        Box::new(Partial {
            func,
            args: args_t,
            kw,
        }),
    ))
}

fn partial_of(vm: &mut Vm, a: &Args, method: &str) -> PyResult<&'static Partial> {
    this::<Partial>(vm, a, "functools.partial", method)
}

fn partial_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = partial_of(vm, a, "__call__")?;
    let (bound, given) = (tuple::items(p.args), &a.pos[1..]);
    let n = bound.len() + given.len();
    if dict::len(p.kw) == 0 && n <= 8 {
        // Few arguments: gathered in a stack buffer (scanned as native stack).
        let mut buf = [Value::NULL; 8];
        buf[..bound.len()].copy_from_slice(bound);
        buf[bound.len()..n].copy_from_slice(given);
        return vm.call_kw(
            p.func,
            &Args {
                pos: &buf[..n],
                kwnames: a.kwnames,
                kwvals: a.kwvals,
            },
        );
    }
    let mut pos = Rooted::from_vec(bound.to_vec());
    pos.extend_from_slice(given);
    if dict::len(p.kw) == 0 {
        return vm.call_kw(
            p.func,
            &Args {
                pos: &pos,
                kwnames: a.kwnames,
                kwvals: a.kwvals,
            },
        );
    }
    let kw = dict::copy(vm, p.kw);
    for (i, k) in a.kwnames.iter().enumerate() {
        dict::set(vm, kw, *k, a.kwvals[i])?;
    }
    let items = dict::items(kw);
    let names = Rooted::from_vec(items.iter().map(|(k, _)| *k).collect());
    let vals = Rooted::from_vec(items.iter().map(|(_, v)| *v).collect());
    vm.call_kw(
        p.func,
        &Args {
            pos: &pos,
            kwnames: &names,
            kwvals: &vals,
        },
    )
}

fn partial_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = partial_of(vm, a, "__repr__")?;
    let obj = a.pos[0];
    let t = vm.type_of(obj);
    let name = if Some(&t) == vm.registry.get("functools.partial.visible") {
        "functools.partial".to_string()
    } else {
        super::util::short_name(t).to_string()
    };
    if vm.repr_guard.contains(&obj) {
        return Ok(pystr::new(vm, "..."));
    }
    vm.repr_guard.push(obj);
    let r = (|| -> PyResult<String> {
        let mut s = format!("{name}({}", vm.repr_string(p.func)?);
        for x in tuple::items(p.args) {
            s.push_str(", ");
            s.push_str(&vm.repr_string(*x)?);
        }
        for (k, v) in dict::items(p.kw) {
            let ks = vm.str_string(k)?;
            s.push_str(&format!(", {ks}={}", vm.repr_string(v)?));
        }
        s.push(')');
        Ok(s)
    })();
    if let Some(i) = vm.repr_guard.iter().rposition(|x| *x == obj) {
        vm.repr_guard.remove(i);
    }
    let s = r?;
    Ok(pystr::new(vm, &s))
}

fn partial_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = partial_of(vm, a, "__reduce__")?;
    let obj = a.pos[0];
    let t = vm.type_of(obj);
    let ft = tuple::new(vm, &[p.func]);
    let kw = if dict::len(p.kw) == 0 {
        Value::NONE
    } else {
        p.kw
    };
    let d = if obj.is_kind(Kind::Instance) && !no_own_attrs(obj) {
        vm.getattr(obj, vm.names.dict)?
    } else {
        Value::NONE
    };
    let state = tuple::new(vm, &[p.func, p.args, kw, d]);
    Ok(tuple::new(vm, &[t, ft, state]))
}

fn partial_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let state = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let items = if state.is_kind(Kind::Tuple) {
        tuple::items(state).to_vec()
    } else {
        Vec::new()
    };
    if items.len() != 4 {
        return Err(vm.type_error("invalid partial state"));
    }
    let (f, fargs, kw, d) = (items[0], items[1], items[2], items[3]);
    if !super::util::is_callable(vm, f)
        || !fargs.is_kind(Kind::Tuple)
        || (!kw.is_none() && !kw.is_kind(Kind::Dict))
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let kw = if kw.is_none() {
        dict::new(vm)
    } else {
        dict::copy(vm, kw)
    };
    let fresh = vm.registry["functools.partial"];
    let np = crate::object::native::new(
        vm,
        fresh,
        Box::new(Partial {
            func: f,
            args: fargs,
            kw,
        }),
    );
    if let Some(i) = obj.get::<InstanceObj>() {
        i.base = np;
        if d.is_kind(Kind::Dict) {
            let own = vm.getattr(obj, vm.names.dict)?;
            for (k, v) in dict::items(d) {
                dict::set(vm, own, k, v)?;
            }
        }
    }
    Ok(Value::NONE)
}

/// Members of C objects that cannot be assigned.
pub fn readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.new_error(vm.exc.attribute_error, "readonly attribute"))
}

fn partial_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<Partial>(v) {
        Some(p) => Ok(p.func),
        None => Err(vm.type_error("not a partial")),
    }
}

fn partial_args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<Partial>(v) {
        Some(p) => Ok(p.args),
        None => Err(vm.type_error("not a partial")),
    }
}

fn partial_keywords(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<Partial>(v) {
        Some(p) => Ok(p.kw),
        None => Err(vm.type_error("not a partial")),
    }
}

// ---- cmp_to_key ----

struct KeyWrapper {
    cmp: Value,
    obj: std::cell::Cell<Value>,
}

impl NativeData for KeyWrapper {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.cmp);
        t.mark(self.obj.get());
    }
    native_any!();
}

fn new_key(vm: &mut Vm, cmp: Value, obj: Value) -> Value {
    let ty = vm.registry["functools.KeyWrapper"];
    crate::object::native::new(
        vm,
        ty,
        Box::new(KeyWrapper {
            cmp,
            obj: std::cell::Cell::new(obj),
        }),
    )
}

fn cmp_to_key(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [cmp] = args::parse::<1>(vm, a, &args::Sig::new("cmp_to_key", &["mycmp"], 1))?;
    Ok(new_key(vm, cmp, Value::NULL))
}

fn key_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k: &KeyWrapper = this(vm, a, "functools.KeyWrapper", "__call__")?;
    let [obj] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("K", &["obj"], 1))?;
    Ok(new_key(vm, k.cmp, obj))
}

fn key_compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    let k: &KeyWrapper = this(vm, a, "functools.KeyWrapper", "__lt__")?;
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let Some(o) = payload::<KeyWrapper>(other).filter(|_| other.is_kind(Kind::Native)) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (x, y) = (k.obj.get(), o.obj.get());
    if x.is_null() || y.is_null() {
        return Err(vm.new_error(vm.exc.attribute_error, "object"));
    }
    let r = vm.call(k.cmp, &[x, y])?;
    vm.compare(r, Value::small(0), op)
}

macro_rules! key_cmp {
    ($($f:ident => $op:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> { key_compare(vm, a, $op) })*
    };
}
key_cmp!(
    key_lt => stitch_core::instr::cmpop::LT,
    key_le => stitch_core::instr::cmpop::LE,
    key_eq => stitch_core::instr::cmpop::EQ,
    key_ne => stitch_core::instr::cmpop::NE,
    key_gt => stitch_core::instr::cmpop::GT,
    key_ge => stitch_core::instr::cmpop::GE
);

fn key_obj(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<KeyWrapper>(v).map(|k| k.obj.get()) {
        Some(o) if !o.is_null() => Ok(o),
        _ => Err(vm.new_error(vm.exc.attribute_error, "obj")),
    }
}

fn key_set_obj(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    match payload::<KeyWrapper>(v) {
        Some(k) => {
            k.obj.set(x);
            Ok(())
        }
        None => Err(vm.type_error("not a KeyWrapper")),
    }
}
