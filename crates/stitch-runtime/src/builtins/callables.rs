//! Attributes and methods of functions, methods, builtin functions, code objects,
//! cells, modules and generators.

use stitch_core::layout::{CellObj, Kind, MethodObj};
use stitch_core::value::Value;

use super::{add_getsets, add_methods, add_static};
use crate::object::{BuiltinObj, CodeObj, FunctionObj, GeneratorObj, ValueExt, dict, module, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let f = vm.types.function;
    add_methods(vm, f, &[("__repr__", function_repr), ("__get__", function_get)]);
    add_getsets(
        vm,
        f,
        &[
            ("__name__", fn_name_get, Some(fn_name_set)),
            ("__qualname__", fn_qualname_get, Some(fn_qualname_set)),
            ("__doc__", fn_doc_get, Some(fn_doc_set)),
            ("__module__", fn_module_get, Some(fn_module_set)),
            ("__defaults__", fn_defaults_get, Some(fn_defaults_set)),
            ("__kwdefaults__", fn_kwdefaults_get, None),
            ("__code__", fn_code_get, Some(fn_code_set)),
            ("__globals__", fn_globals_get, None),
            ("__closure__", fn_closure_get, None),
            ("__annotations__", fn_annotations_get, Some(fn_annotations_set)),
            ("__dict__", fn_dict_get, None),
        ],
    );
    let m = vm.types.method;
    add_static(vm, m, &[("__new__", method_new)]);
    add_methods(vm, m, &[("__repr__", method_repr), ("__eq__", method_eq), ("__hash__", method_hash), ("__reduce__", method_reduce)]);
    add_getsets(vm, m, &[("__func__", method_func, None), ("__self__", method_self, None), ("__name__", method_name, None), ("__qualname__", method_qualname, None), ("__doc__", method_doc, None)]);
    for t in [vm.types.builtin_function, vm.types.method_descriptor] {
        add_methods(vm, t, &[("__repr__", builtin_repr), ("__reduce__", builtin_reduce)]);
        add_getsets(vm, t, &[("__name__", builtin_name, None), ("__qualname__", builtin_qualname, None), ("__self__", builtin_self, None), ("__doc__", builtin_doc, None), ("__module__", builtin_module, None), ("__text_signature__", builtin_text_signature, None)]);
    }
    let gs = vm.types.getset_descriptor;
    add_methods(vm, gs, &[("__repr__", getset_repr), ("__get__", getset_get), ("__set__", getset_set), ("__delete__", getset_delete)]);
    add_getsets(vm, gs, &[("__name__", getset_name, None), ("__qualname__", getset_qualname, None), ("__objclass__", getset_objclass, None)]);
    super::code::init(vm);
    super::pickling::init(vm);
    super::union_type::init(vm);
    let cell = vm.types.cell;
    add_getsets(vm, cell, &[("cell_contents", cell_contents, None)]);
    let md = vm.types.module;
    add_static(vm, md, &[("__new__", module_new)]);
    add_methods(vm, md, &[("__repr__", module_repr), ("__init__", module_init)]);
    add_getsets(vm, md, &[("__dict__", module_dict, None)]);
    for g in [vm.types.generator, vm.types.coroutine] {
        add_methods(vm, g, &[("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__repr__", gen_repr)]);
        add_getsets(vm, g, &[("__name__", gen_name, None), ("__qualname__", gen_qualname, None)]);
    }
    let g = vm.types.generator;
    add_methods(vm, g, &[("__iter__", gen_iter), ("__next__", gen_next)]);
    add_getsets(vm, g, &[("gi_running", gen_running, None), ("gi_code", gen_code, None), ("gi_frame", gen_frame, None), ("gi_suspended", gen_suspended, None)]);
    let co = vm.types.coroutine;
    add_methods(vm, co, &[("__await__", gen_iter)]);
    add_getsets(vm, co, &[("cr_running", gen_running, None), ("cr_code", gen_code, None), ("cr_frame", gen_frame, None), ("cr_suspended", gen_suspended, None), ("cr_origin", gen_origin, None)]);
    for t in [vm.types.none_type, vm.types.not_implemented_type, vm.types.ellipsis_type] {
        add_methods(vm, t, &[("__repr__", singleton_repr)]);
    }
    add_methods(vm, vm.types.none_type, &[("__bool__", none_bool)]);
    add_static(vm, vm.types.none_type, &[("__new__", none_new)]);
}

fn func(v: Value) -> &'static mut FunctionObj {
    unsafe { v.raw::<FunctionObj>() }
}

fn function_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = func(a.pos[0]);
    let s = format!("<function {} at {:#x}>", pystr::text_of(f.qualname).unwrap_or("?"), vm.id_of(a.pos[0]));
    Ok(pystr::new(vm, &s))
}
fn function_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(a.pos[0]);
    }
    Ok(vm.new_method(a.pos[0], obj))
}
fn fn_name_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(v).name)
}
fn fn_name_set(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if !n.is_kind(Kind::Str) {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    func(v).name = n;
    Ok(())
}
fn fn_qualname_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(v).qualname)
}
fn fn_qualname_set(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if !n.is_kind(Kind::Str) {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    func(v).qualname = n;
    Ok(())
}
fn fn_doc_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(v).doc)
}
fn fn_doc_set(_vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    func(v).doc = if d.is_null() { Value::NONE } else { d };
    Ok(())
}
fn fn_module_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(v).module)
}
fn fn_module_set(_vm: &mut Vm, v: Value, m: Value) -> PyResult<()> {
    func(v).module = if m.is_null() { Value::NONE } else { m };
    Ok(())
}
fn fn_defaults_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = func(v).prefix.defaults;
    Ok(if d.is_null() { Value::NONE } else { d })
}
fn fn_defaults_set(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if !d.is_none() && !d.is_null() && !d.is_kind(Kind::Tuple) {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    let f = func(v);
    f.prefix.defaults = if d.is_none() { Value::NULL } else { d };
    f.prefix.version = crate::object::function::next_function_version();
    Ok(())
}
fn fn_kwdefaults_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = func(v).prefix.kwdefaults;
    Ok(if d.is_null() { Value::NONE } else { d })
}
fn fn_code_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_ptr(func(v).prefix.code))
}
fn fn_code_set(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    if !c.is_kind(Kind::Code) {
        return Err(vm.type_error("__code__ must be set to a code object"));
    }
    let nfree = unsafe { c.raw::<CodeObj>() }.unit.freevars.len();
    let closure = func(v).prefix.closure;
    let ncells = if closure.is_null() || closure.is_none() { 0 } else { tuple::len(closure) };
    if nfree != ncells {
        let name = pystr::text_of(func(v).name).unwrap_or("?").to_string();
        return Err(vm.value_error(format!("{name}() requires a code object with {ncells} free vars, not {nfree}")));
    }
    let f = func(v);
    f.prefix.code = c.ptr();
    f.prefix.version = crate::object::function::next_function_version();
    Ok(())
}
fn fn_globals_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_ptr(func(v).prefix.globals))
}
fn fn_closure_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = func(v).prefix.closure;
    Ok(if c.is_null() { Value::NONE } else { c })
}
fn fn_annotations_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = func(v);
    if f.annotations.is_null() {
        let d = dict::new(vm);
        func(v).annotations = d;
    }
    Ok(func(v).annotations)
}
fn fn_annotations_set(_vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    func(v).annotations = d;
    Ok(())
}
fn fn_dict_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(super::object_type::instance_dict(vm, v)?.unwrap_or(Value::NONE))
}

fn getset_of(vm: &mut Vm, v: Value) -> PyResult<&'static crate::object::native::GetSet> {
    crate::object::native::downcast::<crate::object::native::GetSet>(v)
        .ok_or_else(|| vm.type_error("descriptor requires a 'getset_descriptor' object"))
}
fn getset_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = getset_of(vm, a.pos[0])?;
    let s = format!("<attribute '{}' of '{}' objects>", g.name, g.owner);
    Ok(pystr::new(vm, &s))
}
/// The instance argument of a getset's `__get__`/`__set__`, checked against the
/// class that defines it.
fn getset_check(vm: &mut Vm, g: &crate::object::native::GetSet, obj: Value) -> PyResult<()> {
    let ok = g.objclass.is_null() || vm.is_instance_of(obj, g.objclass);
    if !ok {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            g.name,
            g.owner,
            vm.type_name(obj)
        )));
    }
    Ok(())
}
fn getset_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "__get__", 2, 3)?;
    let g = getset_of(vm, a.pos[0])?;
    let obj = a.pos[1];
    if obj.is_none() {
        return Ok(a.pos[0]);
    }
    getset_check(vm, g, obj)?;
    (g.get)(vm, obj)
}
fn getset_store(vm: &mut Vm, this: Value, obj: Value, v: Value) -> PyResult<Value> {
    let g = getset_of(vm, this)?;
    getset_check(vm, g, obj)?;
    crate::object::native::descr_set(vm, this, obj, v)?;
    Ok(Value::NONE)
}
fn getset_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "__set__", 3, 3)?;
    getset_store(vm, a.pos[0], a.pos[1], a.pos[2])
}
fn getset_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "__delete__", 2, 2)?;
    getset_store(vm, a.pos[0], a.pos[1], Value::NULL)
}
fn getset_objclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = getset_of(vm, v)?;
    Ok(if g.objclass.is_null() { Value::NONE } else { g.objclass })
}
fn getset_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = getset_of(vm, v)?;
    Ok(pystr::new(vm, g.name))
}
fn getset_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = getset_of(vm, v)?;
    let s = format!("{}.{}", g.owner.rsplit('.').next().unwrap_or(""), g.name);
    Ok(pystr::new(vm, &s))
}

fn mobj(v: Value) -> &'static MethodObj {
    unsafe { v.raw::<MethodObj>() }
}
fn method_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mobj(a.pos[0]);
    let qn = vm.getattr_opt(m.func, vm.names.qualname)?.map(|q| vm.str_string(q)).transpose()?.unwrap_or_else(|| "?".into());
    let r = vm.repr_string(m.self_)?;
    Ok(pystr::new(vm, &format!("<bound method {qn} of {r}>")))
}
/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if a.pos.len() != 3 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.pos.len() - 1)));
    }
    let (f, obj) = (a.pos[1], a.pos[2]);
    if !vm.is_callable(f) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_method(f, obj))
}
/// Bound methods are equal when their functions are equal and they are bound to
/// the same object.
fn method_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "__eq__", 2, 2)?;
    let Some(other) = a.pos[1].get::<MethodObj>() else {
        return Ok(vm.not_implemented);
    };
    let (f2, s2) = (other.func, other.self_);
    let m = mobj(a.pos[0]);
    let (f1, s1) = (m.func, m.self_);
    if s1 != s2 {
        return Ok(Value::FALSE);
    }
    let eq = vm.eq_bool(f1, f2)?;
    Ok(Value::from_bool(eq))
}
fn method_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mobj(a.pos[0]);
    let (f, s) = (m.func, m.self_);
    let hs = crate::vm::protocol::pointer_hash(vm.id_of(s));
    let hf = vm.hash(f)?;
    let mut h = hs ^ hf;
    if h == -1 {
        h = -2;
    }
    Ok(crate::object::int::from_i64(vm, h))
}
/// `(getattr, (self, name))`, so that bound methods pickle and copy.
fn method_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mobj(a.pos[0]);
    let (f, s) = (m.func, m.self_);
    let name = vm.getattr(f, vm.names.name)?;
    let getattr = vm.getattr_str(vm.builtins, "getattr")?;
    let args = tuple::new(vm, &[s, name]);
    Ok(tuple::new(vm, &[getattr, args]))
}
fn method_func(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(mobj(v).func)
}
fn method_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(mobj(v).self_)
}
fn method_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.getattr(mobj(v).func, vm.names.name)
}
fn method_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.getattr(mobj(v).func, vm.names.qualname)
}
fn method_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.getattr(mobj(v).func, vm.names.doc)
}

fn bobj(v: Value) -> &'static BuiltinObj {
    unsafe { v.raw::<BuiltinObj>() }
}
fn builtin_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bobj(a.pos[0]);
    let s = if b.owner.is_kind(Kind::Type) && b.self_.is_null() {
        format!("<method '{}' of '{}' objects>", b.name, types::name(b.owner))
    } else if !b.self_.is_null() && !b.self_.is_kind(Kind::Module) {
        let tn = vm.type_name(b.self_).to_string();
        format!("<built-in method {} of {} object at {:#x}>", b.name, tn, vm.id_of(b.self_))
    } else {
        format!("<built-in function {}>", b.name)
    };
    Ok(pystr::new(vm, &s))
}
/// A module-level builtin pickles as its qualified name (a global); a bound one
/// as `(getattr, (self, name))`.
fn builtin_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bobj(a.pos[0]);
    let (self_, name) = (b.self_, b.name);
    if self_.is_null() || self_.is_kind(Kind::Module) {
        return builtin_qualname(vm, a.pos[0]);
    }
    let getattr = vm.getattr_str(vm.builtins, "getattr")?;
    let n = pystr::new(vm, name);
    let args = tuple::new(vm, &[self_, n]);
    Ok(tuple::new(vm, &[getattr, args]))
}
/// CPython's `__text_signature__` for the same builtin, when it has one.
fn builtin_text_signature(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = bobj(v);
    let (owner, self_, name) = (b.owner, b.self_, b.name);
    let owner_name = if owner.is_kind(Kind::Type) {
        types::name(owner).rsplit('.').next().unwrap_or("").to_string()
    } else if owner.is_kind(Kind::Module) {
        module::get(vm, owner, "__name__").and_then(|n| pystr::text_of(n).map(str::to_string)).unwrap_or_default()
    } else if self_.is_kind(Kind::Module) {
        module::get(vm, self_, "__name__").and_then(|n| pystr::text_of(n).map(str::to_string)).unwrap_or_default()
    } else {
        "builtins".to_string()
    };
    Ok(match super::text_signatures::lookup(&format!("{owner_name}.{name}")) {
        Some(s) => pystr::new(vm, s),
        None => Value::NONE,
    })
}
fn builtin_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(pystr::new(vm, bobj(v).name))
}
fn builtin_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = bobj(v);
    let s = if b.owner.is_kind(Kind::Type) { format!("{}.{}", types::name(b.owner), b.name) } else { b.name.to_string() };
    Ok(pystr::new(vm, &s))
}
fn builtin_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = bobj(v);
    Ok(if b.self_.is_null() { if b.owner.is_null() { Value::NONE } else { b.owner } } else { b.self_ })
}
fn builtin_doc(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn builtin_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = bobj(v);
    if b.owner.is_kind(Kind::Module) {
        return Ok(module::get(vm, b.owner, "__name__").unwrap_or(Value::NONE));
    }
    Ok(Value::NONE)
}

fn cell_contents(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = unsafe { v.raw::<CellObj>() }.value;
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(c)
}

fn module_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.pos.get(1).map(|n| pystr::text_of(*n).unwrap_or("?").to_string()).unwrap_or_default();
    Ok(module::new(vm, &name))
}
/// `module(name, doc=None)`: sets `__name__` and `__doc__` (and the import
/// attributes to None).
fn module_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = a.pos[0];
    let [name, doc] = super::args::parse::<2>(vm, &a.tail(), &super::args::Sig::new("module", &["name", "doc"], 1))?;
    if !name.is_kind(Kind::Str) && pystr::text_of(name).is_none() {
        return Err(vm.type_error(format!("module.__init__() argument 'name' must be str, not {}", vm.type_name(name))));
    }
    if m.is_kind(Kind::Module) {
        module::set(vm, m, "__name__", name);
        module::set(vm, m, "__doc__", if doc.is_null() { Value::NONE } else { doc });
        for k in ["__package__", "__loader__", "__spec__"] {
            if module::get(vm, m, k).is_none() {
                module::set(vm, m, k, Value::NONE);
            }
        }
    }
    Ok(Value::NONE)
}
/// CPython's `importlib._bootstrap._module_repr`: from `__spec__` when there is
/// one, else from `__file__` and `__loader__`. Native modules (in
/// `sys.builtin_module_names`, as imported) show as built-in.
fn module_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = a.pos[0];
    let name = match module::get(vm, m, "__name__") {
        Some(n) => vm.repr_string(n)?,
        None => "'?'".to_string(),
    };
    if let Some(spec) = module::get(vm, m, "__spec__").filter(|s| !s.is_none()) {
        let sname = vm.getattr_str(spec, "name")?;
        let sname = if sname.is_none() { "'?'".to_string() } else { vm.repr_string(sname)? };
        let origin = vm.getattr_str(spec, "origin")?;
        let loader = vm.getattr_str(spec, "loader")?;
        let s = if origin.is_none() {
            if loader.is_none() {
                format!("<module {sname}>")
            } else {
                format!("<module {sname} ({})>", vm.repr_string(loader)?)
            }
        } else {
            let has_location = vm.getattr_str(spec, "has_location")?;
            if vm.truth(has_location)? {
                format!("<module {sname} from {}>", vm.repr_string(origin)?)
            } else {
                format!("<module {sname} ({})>", vm.str_string(origin)?)
            }
        };
        return Ok(pystr::new(vm, &s));
    }
    let loader = module::get(vm, m, "__loader__").unwrap_or(Value::NONE);
    if let Some(f) = module::get(vm, m, "__file__") {
        let f = vm.repr_string(f)?;
        return Ok(pystr::new(vm, &format!("<module {name} from {f}>")));
    }
    let s = if !loader.is_none() {
        format!("<module {name} ({})>", vm.repr_string(loader)?)
    } else if is_native_module(vm, m) {
        format!("<module {name} (built-in)>")
    } else {
        format!("<module {name}>")
    };
    Ok(pystr::new(vm, &s))
}
/// True for a native module as imported (the one `sys.modules` holds).
fn is_native_module(vm: &mut Vm, m: Value) -> bool {
    let Some(n) = module::get(vm, m, "__name__").and_then(|n| pystr::text_of(n).map(str::to_string)) else {
        return false;
    };
    let native = matches!(n.as_str(), "sys" | "builtins") || crate::modules::NATIVE.iter().any(|(x, _)| *x == n);
    native && {
        let k = pystr::new(vm, &n);
        dict::get_str(vm.modules, k) == Some(m)
    }
}
fn module_dict(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(module::dict_of(v))
}

fn gobj(v: Value) -> &'static GeneratorObj {
    unsafe { v.raw::<GeneratorObj>() }
}
fn gen_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "send", 2, 2)?;
    crate::vm::generator::send_method(vm, a.pos[0], a.pos[1])
}
fn gen_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "throw", 2, 4)?;
    let typ = a.pos[1];
    let tb = a.pos.get(3).copied().filter(|t| !t.is_none());
    if let Some(t) = tb
        && vm.type_of(t) != vm.types.traceback
    {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let exc = if typ.is_kind(Kind::Type) {
        let val = a.pos.get(2).copied().filter(|v| !v.is_none());
        let e = match val {
            // An instance of the class is thrown as it is (with its traceback).
            Some(v) if v.is_kind(Kind::Exception) && vm.is_instance_of(v, typ) => v,
            Some(v) => vm.call(typ, &[v])?,
            None => vm.call(typ, &[])?,
        };
        if !e.is_kind(Kind::Exception) {
            return Err(vm.type_error("exceptions must derive from BaseException"));
        }
        if let Some(t) = tb {
            // SAFETY: e is an exception object.
            unsafe { e.raw::<crate::object::ExceptionObj>() }.traceback = t;
        }
        e
    } else if typ.is_kind(Kind::Exception) {
        typ
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        )));
    };
    crate::vm::generator::throw_method(vm, a.pos[0], exc)
}
fn gen_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::vm::generator::close(vm, a.pos[0])
}
fn gen_iter(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0])
}
fn gen_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match crate::vm::generator::next(vm, a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}
fn gen_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gobj(a.pos[0]);
    let kind = vm.type_name(a.pos[0]).to_string();
    let s = format!("<{kind} object {} at {:#x}>", pystr::text_of(g.qualname).unwrap_or("?"), vm.id_of(a.pos[0]));
    Ok(pystr::new(vm, &s))
}
fn gen_name(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gobj(v).name)
}
fn gen_qualname(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gobj(v).qualname)
}
fn gen_running(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(gobj(v).state == crate::vm::generator::RUNNING))
}
fn gen_suspended(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(gobj(v).state == crate::vm::generator::SUSPENDED))
}
/// `cr_origin`: None (origin tracking is off by default, as in CPython).
fn gen_origin(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn gen_code(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gobj(v).code)
}
fn gen_frame(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gobj(v);
    if g.state == crate::vm::generator::CLOSED {
        return Ok(Value::NONE);
    }
    let (code, globals, lasti) = (g.code, g.globals, g.lasti);
    Ok(super::frame::snapshot(vm, code, globals, lasti, Value::NONE))
}

fn singleton_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos[0];
    let s = if v.is_none() {
        "None"
    } else if v == vm.not_implemented {
        "NotImplemented"
    } else {
        "Ellipsis"
    };
    Ok(pystr::new(vm, s))
}
fn none_bool(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn none_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 || a.has_kwargs() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}
