//! The `_contextvars` module: `ContextVar`, `Token`, `Context` (a read-only
//! mapping of variables to values, entered with `run`) and `copy_context`. The
//! current context lives in the VM registry; contexts are copied on
//! `copy_context`, so a copy never sees later changes.

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::util::{native_type, payload, this};
use crate::builtins::{add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::{self, GetSet, NativeData};
use crate::object::{dict, list, module, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

const CURRENT: &str = "_contextvars.current";

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_contextvars");
    let ctx = context_type(vm);
    module::set(vm, m, "Context", ctx);
    let var = var_type(vm);
    module::set(vm, m, "ContextVar", var);
    let tok = token_type(vm);
    module::set(vm, m, "Token", tok);
    super::util::add_fns(vm, m, &[("copy_context", copy_context)]);
    Ok(m)
}

// ---- Context ----

pub struct Context {
    vars: RefCell<Vec<(Value, Value)>>,
    entered: Cell<bool>,
    prev: Cell<Value>,
}

impl NativeData for Context {
    fn trace(&self, t: &mut Tracer) {
        for (k, v) in self.vars.borrow().iter() {
            t.mark(*k);
            t.mark(*v);
        }
        t.mark(self.prev.get());
    }
    native_any!();
}

impl Context {
    fn lookup(&self, var: Value) -> Option<Value> {
        self.vars.borrow().iter().find(|(k, _)| *k == var).map(|(_, v)| *v)
    }
    fn set(&self, var: Value, val: Value) {
        let mut vars = self.vars.borrow_mut();
        match vars.iter_mut().find(|(k, _)| *k == var) {
            Some(e) => e.1 = val,
            None => vars.push((var, val)),
        }
    }
    fn remove(&self, var: Value) {
        self.vars.borrow_mut().retain(|(k, _)| *k != var);
    }
}

fn context_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "_contextvars", "Context", false);
    add_static(vm, t, &[("__new__", context_new)]);
    let defs: &[(&'static str, NativeFn)] = &[
        ("run", ctx_run),
        ("copy", ctx_copy),
        ("get", ctx_get),
        ("keys", ctx_keys),
        ("values", ctx_values),
        ("items", ctx_items),
        ("__getitem__", ctx_getitem),
        ("__contains__", ctx_contains),
        ("__len__", ctx_len),
        ("__iter__", ctx_iter),
        ("__eq__", ctx_eq),
    ];
    add_methods(vm, t, defs);
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(t).dict, k, Value::NONE);
    t
}

fn new_context(vm: &mut Vm, vars: Vec<(Value, Value)>) -> Value {
    let t = vm.registry["_contextvars.Context"];
    let data = Context { vars: RefCell::new(vars), entered: Cell::new(false), prev: Cell::new(Value::NULL) };
    native::new(vm, t, Box::new(data))
}

/// The current context (created empty on first use).
fn current(vm: &mut Vm) -> Value {
    if let Some(&c) = vm.registry.get(CURRENT) {
        return c;
    }
    if !vm.registry.contains_key("_contextvars.Context") {
        context_type(vm);
    }
    let c = new_context(vm, Vec::new());
    vm.registry.insert(CURRENT, c);
    c
}

fn current_ctx(vm: &mut Vm) -> &'static Context {
    let c = current(vm);
    payload::<Context>(c).expect("the current context is a Context")
}

fn context_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 || a.has_kwargs() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(vm, Vec::new()))
}

fn copy_context(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "copy_context", 0, 0)?;
    let vars = current_ctx(vm).vars.borrow().clone();
    let keep = Rooted::from_vec(vars.iter().flat_map(|(k, v)| [*k, *v]).collect());
    let c = new_context(vm, vars);
    drop(keep);
    Ok(c)
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a Context> {
    this::<Context>(vm, a, "_contextvars.Context", m)
}

fn ctx_run(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "run")?;
    if a.pos.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    if ctx.entered.get() {
        let r = vm.default_repr(a.pos[0]);
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = current(vm);
    ctx.prev.set(prev);
    ctx.entered.set(true);
    vm.registry.insert(CURRENT, a.pos[0]);
    let call_args = Args { pos: &a.pos[2..], kwnames: a.kwnames, kwvals: a.kwvals };
    let r = vm.call_kw(a.pos[1], &call_args);
    vm.registry.insert(CURRENT, ctx.prev.get());
    ctx.prev.set(Value::NULL);
    ctx.entered.set(false);
    r
}

fn ctx_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "copy")?;
    let vars = ctx.vars.borrow().clone();
    Ok(new_context(vm, vars))
}

fn var_key(vm: &mut Vm, k: Value) -> PyResult<Value> {
    if payload::<ContextVar>(k).is_some() {
        return Ok(k);
    }
    let r = vm.repr_string(k)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {r}")))
}

fn ctx_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "get")?;
    args::count(vm, &a.tail(), "get", 1, 2)?;
    let k = var_key(vm, a.pos[1])?;
    Ok(ctx.lookup(k).unwrap_or_else(|| a.pos.get(2).copied().unwrap_or(Value::NONE)))
}

fn ctx_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "__getitem__")?;
    let k = var_key(vm, a.pos.get(1).copied().unwrap_or(Value::NONE))?;
    match ctx.lookup(k) {
        Some(v) => Ok(v),
        None => Err(vm.key_error(k)),
    }
}

fn ctx_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "__contains__")?;
    let k = var_key(vm, a.pos.get(1).copied().unwrap_or(Value::NONE))?;
    Ok(Value::from_bool(ctx.lookup(k).is_some()))
}

fn ctx_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "__len__")?;
    Ok(Value::small(ctx.vars.borrow().len() as i64))
}

fn ctx_list(vm: &mut Vm, a: &Args, name: &str, which: u8) -> PyResult<Value> {
    let ctx = me(vm, a, name)?;
    let vars = ctx.vars.borrow().clone();
    let keep = Rooted::from_vec(vars.iter().flat_map(|(k, v)| [*k, *v]).collect());
    let l = list::new(vm, &[]);
    for (k, v) in vars {
        let item = match which {
            0 => k,
            1 => v,
            _ => tuple::new(vm, &[k, v]),
        };
        list::push(list::vec(l), item);
    }
    drop(keep);
    Ok(l)
}

fn ctx_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = ctx_list(vm, a, "keys", 0)?;
    vm.iter(l)
}

fn ctx_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = ctx_list(vm, a, "values", 1)?;
    vm.iter(l)
}

fn ctx_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = ctx_list(vm, a, "items", 2)?;
    vm.iter(l)
}

fn ctx_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = ctx_list(vm, a, "__iter__", 0)?;
    vm.iter(l)
}

fn ctx_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = me(vm, a, "__eq__")?;
    let Some(other) = a.pos.get(1).and_then(|o| payload::<Context>(*o)) else {
        return Ok(vm.not_implemented);
    };
    let mine = ctx.vars.borrow().clone();
    let theirs = other.vars.borrow().clone();
    if mine.len() != theirs.len() {
        return Ok(Value::FALSE);
    }
    let keep = Rooted::from_vec(mine.iter().chain(theirs.iter()).flat_map(|(k, v)| [*k, *v]).collect());
    for (k, v) in &mine {
        match theirs.iter().find(|(k2, _)| k2 == k) {
            Some((_, v2)) => {
                if !vm.eq_bool(*v, *v2)? {
                    return Ok(Value::FALSE);
                }
            }
            None => return Ok(Value::FALSE),
        }
    }
    drop(keep);
    Ok(Value::TRUE)
}

// ---- ContextVar ----

pub struct ContextVar {
    name: Value,
    default: Value,
}

impl NativeData for ContextVar {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        t.mark(self.default);
    }
    native_any!();
}

fn var_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "_contextvars", "ContextVar", false);
    add_static(vm, t, &[("__new__", var_new)]);
    add_methods(vm, t, &[("get", var_get), ("set", var_set), ("reset", var_reset), ("__repr__", var_repr)]);
    add_getset(vm, t, "name", var_name, "_contextvars.ContextVar");
    super::util::add_class_getitem(vm, t);
    t
}

fn add_getset(vm: &mut Vm, ty: Value, name: &'static str, get: fn(&mut Vm, Value) -> PyResult<Value>, owner: &'static str) {
    let gs_ty = vm.types.getset_descriptor;
    let d = native::new(vm, gs_ty, Box::new(GetSet { name, get, set: None, owner, objclass: ty }));
    let k = pystr::intern(vm, name);
    dict::set_str(types::ty(ty).dict, k, d);
}

fn var_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rest = a.tail();
    if rest.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({} given)",
            rest.pos.len()
        )));
    }
    if rest.pos.len() + rest.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "ContextVar() takes at most 2 arguments ({} given)",
            rest.pos.len() + rest.kwnames.len()
        )));
    }
    let sig = args::Sig { kwonly_from: 1, posonly_until: 1, ..args::Sig::new("ContextVar", &["name", "default"], 1) };
    if rest.pos.is_empty() {
        return Err(vm.type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    }
    let [name, default] = args::parse::<2>(vm, &rest, &sig)?;
    if pystr::text_of(name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let t = vm.registry["_contextvars.ContextVar"];
    Ok(native::new(vm, t, Box::new(ContextVar { name, default })))
}

fn var_me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a ContextVar> {
    this::<ContextVar>(vm, a, "_contextvars.ContextVar", m)
}

fn var_name(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(payload::<ContextVar>(v).map(|c| c.name).unwrap_or(Value::NONE))
}

fn var_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let var = var_me(vm, a, "get")?;
    args::count(vm, &a.tail(), "get", 0, 1)?;
    if let Some(v) = current_ctx(vm).lookup(a.pos[0]) {
        return Ok(v);
    }
    if let Some(&d) = a.pos.get(1) {
        return Ok(d);
    }
    if !var.default.is_null() {
        return Ok(var.default);
    }
    Err(vm.new_error_args(vm.exc.lookup_error, &[a.pos[0]]))
}

fn var_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    var_me(vm, a, "set")?;
    if a.pos.len() != 2 || a.has_kwargs() {
        super::util::no_kw(vm, a, "ContextVar.set")?;
        return Err(vm.type_error(format!(
            "ContextVar.set() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let ctx_v = current(vm);
    let ctx = current_ctx(vm);
    let old = ctx.lookup(a.pos[0]).unwrap_or(Value::NULL);
    ctx.set(a.pos[0], a.pos[1]);
    let t = vm.registry["_contextvars.Token"];
    let tok = Token { ctx: ctx_v, var: a.pos[0], old, used: Cell::new(false) };
    Ok(native::new(vm, t, Box::new(tok)))
}

fn var_reset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    var_me(vm, a, "reset")?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "ContextVar.reset() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let Some(tok) = payload::<Token>(a.pos[1]) else {
        let tn = vm.repr_string(a.pos[1])?;
        return Err(vm.type_error(format!("expected an instance of Token, got {tn}")));
    };
    if tok.used.get() {
        let r = vm.repr_string(a.pos[1])?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if tok.var != a.pos[0] {
        let r = vm.repr_string(a.pos[1])?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx_v = current(vm);
    if tok.ctx != ctx_v {
        let r = vm.repr_string(a.pos[1])?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    tok.used.set(true);
    let ctx = current_ctx(vm);
    if tok.old.is_null() {
        ctx.remove(tok.var);
    } else {
        ctx.set(tok.var, tok.old);
    }
    Ok(Value::NONE)
}

fn var_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let var = var_me(vm, a, "__repr__")?;
    let name = vm.repr_string(var.name)?;
    let default = if var.default.is_null() {
        String::new()
    } else {
        format!(" default={}", vm.repr_string(var.default)?)
    };
    let id = vm.id_of(a.pos[0]);
    Ok(pystr::new(vm, &format!("<ContextVar name={name}{default} at {id:#x}>")))
}

// ---- Token ----

pub struct Token {
    ctx: Value,
    var: Value,
    /// NULL for `Token.MISSING`.
    old: Value,
    used: Cell<bool>,
}

impl NativeData for Token {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.ctx, self.var, self.old]);
    }
    native_any!();
}

struct Missing;

impl NativeData for Missing {
    native_any!();
}

fn token_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "_contextvars", "Token", false);
    add_static(vm, t, &[("__new__", token_new)]);
    add_methods(vm, t, &[("__repr__", token_repr)]);
    add_getset(vm, t, "var", token_var, "_contextvars.Token");
    add_getset(vm, t, "old_value", token_old, "_contextvars.Token");
    super::util::add_class_getitem(vm, t);
    let mt = native_type(vm, "_contextvars", "Token.MISSING", false);
    let b = pystr::intern(vm, "builtins");
    dict::set_str(types::ty(mt).dict, vm.names.module, b);
    add_methods(vm, mt, &[("__repr__", missing_repr)]);
    let missing = native::new(vm, mt, Box::new(Missing));
    vm.registry.insert("_contextvars.MISSING", missing);
    let k = pystr::intern(vm, "MISSING");
    dict::set_str(types::ty(t).dict, k, missing);
    t
}

fn token_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_var(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(payload::<Token>(v).map(|t| t.var).unwrap_or(Value::NONE))
}

fn token_old(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let old = payload::<Token>(v).map(|t| t.old).unwrap_or(Value::NULL);
    Ok(if old.is_null() { vm.registry["_contextvars.MISSING"] } else { old })
}

fn token_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tok: &Token = this(vm, a, "_contextvars.Token", "__repr__")?;
    let var = vm.repr_string(tok.var)?;
    let used = if tok.used.get() { " used" } else { "" };
    let id = vm.id_of(a.pos[0]);
    Ok(pystr::new(vm, &format!("<Token{used} var={var} at {id:#x}>")))
}

fn missing_repr(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(pystr::new(vm, "<Token.MISSING>"))
}
