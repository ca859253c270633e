//! The `_weakref` module: `ref` (ReferenceType, subclassable, with callbacks),
//! `proxy` (ProxyType / CallableProxyType forwarding attributes and operators),
//! `getweakrefcount`, `getweakrefs` and `_remove_dead_weakref`.
//!
//! References are weak: a `WeakRef` does not trace its referent. Every reference
//! is listed (unrooted) under its referent's address in `REFS`; the collector calls
//! [`clear_unreachable`] after marking and [`prune_dead`] just before sweeping. A
//! cleared reference answers None; its callback, if the reference itself is still
//! reachable, is queued in the registry list `_weakref._pending` and called at the
//! next safe point (before `__del__` finalizers, see `gc/finalize.rs`) or at the
//! end of `gc.collect()`.
//!
//! An unreachable object with a `__del__` (and what it reaches) is kept alive for
//! its finalizer, so references to it are cleared only when it dies after that,
//! as CPython does for an object whose reference count drops to zero: `__del__`
//! still sees its weak references, and one that resurrects the object keeps
//! them. (CPython clears them first for garbage cycles; not done here.)

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::util::{add_fns, native_of, native_type, payload};
use crate::builtins::{add_methods, add_static, args};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{dict, int, list, module, str as pystr, types};
use crate::vm::{Args, PyResult, Vm};

/// A reference (and the proxies): the referent and the callback.
pub struct WeakRef {
    pub obj: Cell<Value>,
    pub callback: Value,
    hash: Cell<Option<i64>>,
}

impl NativeData for WeakRef {
    fn trace(&self, t: &mut Tracer) {
        // The referent is not traced: the reference is weak.
        t.mark(self.callback);
    }
    native_any!();
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    ensure_pending_list(vm);
    let m = module::new(vm, "_weakref");
    let r = ref_type(vm);
    let (p, cp) = proxy_types(vm);
    module::set(vm, m, "ref", r);
    module::set(vm, m, "ReferenceType", r);
    module::set(vm, m, "ProxyType", p);
    module::set(vm, m, "CallableProxyType", cp);
    add_fns(
        vm,
        m,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    Ok(m)
}

fn ref_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get("weakref.ReferenceType") {
        return *t;
    }
    let t = native_type(vm, "weakref", "ReferenceType", true);
    add_static(vm, t, &[("__new__", ref_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
        ],
    );
    crate::builtins::add_getsets(vm, t, &[("__callback__", ref_callback, None)]);
    super::util::add_class_getitem(vm, t);
    t
}

/// Who may be referenced weakly (CPython's types with weak reference support).
fn weakrefable(vm: &Vm, v: Value) -> bool {
    match v.kind() {
        None => false,
        Some(Kind::Str | Kind::Int | Kind::Tuple | Kind::List | Kind::Dict | Kind::Bytes) => false,
        Some(Kind::Instance) => {
            let b = native_of(v);
            b == v
                || !(b.is_small_int()
                    || b.is_float()
                    || matches!(b.kind(), Some(Kind::Int | Kind::Tuple | Kind::Bytes)))
        }
        Some(Kind::Native) => {
            let t = vm.type_of(v);
            t != vm.types.range
                && t != vm.types.slice
                && t != vm.types.bytearray
                && t != vm.types.complex
        }
        _ => true,
    }
}

/// The references (and proxies) to one referent, oldest first.
struct Entry {
    /// When the first reference to the referent was made: callbacks of referents
    /// dying in the same collection run in this order.
    seq: u64,
    refs: Vec<Value>,
}

thread_local! {
    /// Referent address -> its references. Not a root: entries are removed by
    /// the collector hooks before anything listed here can be freed.
    static REFS: RefCell<HashMap<usize, Entry>> = RefCell::new(HashMap::new());
    static NEXT_SEQ: Cell<u64> = const { Cell::new(0) };
}

fn key(obj: Value) -> usize {
    obj.0 as usize
}

/// The live references to `obj`, oldest first.
fn refs_of(obj: Value) -> Vec<Value> {
    if !obj.is_ptr() {
        return Vec::new();
    }
    REFS.with(|r| {
        r.borrow()
            .get(&key(obj))
            .map(|e| e.refs.clone())
            .unwrap_or_default()
    })
}

fn remember(obj: Value, r: Value) {
    let seq = NEXT_SEQ.with(|n| {
        let s = n.get();
        n.set(s + 1);
        s
    });
    REFS.with(|m| {
        m.borrow_mut()
            .entry(key(obj))
            .or_insert_with(|| Entry {
                seq,
                refs: Vec::new(),
            })
            .refs
            .push(r)
    });
}

fn is_marked(v: Value) -> bool {
    // SAFETY: listed values are live heap objects until the sweep.
    !v.is_ptr() || unsafe { (*v.header()).gc != 0 }
}

/// Collector hook, after marking (and after finalizers have kept their
/// objects alive): clears the references whose referents were not reached,
/// and queues the callbacks of those references that are themselves reachable.
pub fn clear_unreachable(vm: &mut Vm) {
    let mut dead: Vec<Entry> = REFS.with(|m| {
        let mut m = m.borrow_mut();
        let keys: Vec<usize> = m
            .iter()
            .filter(|(_, e)| {
                e.refs
                    .first()
                    .and_then(|r| payload::<WeakRef>(*r))
                    .is_some_and(|w| !is_marked(w.obj.get()))
            })
            .map(|(k, _)| *k)
            .collect();
        keys.into_iter().filter_map(|k| m.remove(&k)).collect()
    });
    if dead.is_empty() {
        return;
    }
    dead.sort_by_key(|e| e.seq);
    let mut queued = false;
    for e in dead {
        // CPython calls the callbacks newest first.
        for r in e.refs.into_iter().rev() {
            let Some(w) = payload::<WeakRef>(r) else {
                continue;
            };
            w.obj.set(Value::NONE);
            if is_marked(r)
                && !w.callback.is_none()
                && let Some(q) = vm.registry.get("_weakref._pending").copied()
            {
                list::push(list::vec(q), r);
                queued = true;
            }
        }
    }
    if queued {
        crate::signals::request_break();
    }
}

/// Whether some live reference has a callback.
pub fn any_callbacks() -> bool {
    REFS.with(|m| {
        m.borrow().values().any(|e| {
            e.refs
                .iter()
                .any(|r| payload::<WeakRef>(*r).is_some_and(|w| !w.callback.is_none()))
        })
    })
}

/// Collector hook, just before sweeping: forgets the references that are about
/// to be freed.
pub fn prune_dead() {
    REFS.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|_, e| {
            e.refs.retain(|r| is_marked(*r));
            !e.refs.is_empty()
        });
    });
}

/// Creates the queue of references whose callbacks are due (a list in the
/// registry, so that it is a root) before any reference exists: the collector
/// hook must not allocate.
fn ensure_pending_list(vm: &mut Vm) {
    if !vm.registry.contains_key("_weakref._pending") {
        let l = list::new(vm, &[]);
        vm.registry.insert("_weakref._pending", l);
    }
}

/// Runs the queued callbacks (at a safe point); an exception is reported as
/// CPython's unraisable hook does and otherwise ignored.
pub fn run_callbacks(vm: &mut Vm) {
    let Some(q) = vm.registry.get("_weakref._pending").copied() else {
        return;
    };
    while !list::items(q).is_empty() {
        let r = list::items(q)[0];
        list::remove_at(list::vec(q), 0);
        let Some(w) = payload::<WeakRef>(r) else {
            continue;
        };
        let cb = w.callback;
        let saved = vm.exc_info;
        if let Err(e) = vm.call(cb, &[r]) {
            let what = vm
                .repr_string(cb)
                .unwrap_or_else(|_| "<callback>".to_string());
            crate::modules::io::flush_stdout(vm);
            let tb = crate::vm::traceback::format_exception(vm, e.0);
            eprint!("Exception ignored in: {what}\n{tb}");
        }
        vm.exc_info = saved;
    }
}

fn ref_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let rbase = ref_type(vm);
    let cls = super::util::new_cls(vm, a, rbase)?;
    if a.pos.len() < 2 {
        return Err(vm.type_error(format!(
            "__new__ expected at least 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let obj = a.pos[1];
    let callback = a.pos.get(2).copied().unwrap_or(Value::NONE);
    ensure_pending_list(vm);
    if !weakrefable(vm, obj) {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(obj)
        )));
    }
    let base = ref_type(vm);
    if cls == base && callback.is_none() {
        // A plain reference is shared.
        for r in refs_of(obj) {
            if vm.type_of(r) == base
                && let Some(w) = payload::<WeakRef>(r)
                && w.callback.is_none()
            {
                return Ok(r);
            }
        }
    }
    let w = WeakRef {
        obj: Cell::new(obj),
        callback,
        hash: Cell::new(None),
    };
    let r = super::util::new_for_class(vm, cls, base, Box::new(w));
    remember(obj, r);
    Ok(r)
}

fn ref_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn referent(a: &Args) -> Value {
    payload::<WeakRef>(a.pos[0])
        .map(|w| w.obj.get())
        .unwrap_or(Value::NONE)
}

fn ref_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, &a.tail(), "weakref", 0, 0)?;
    Ok(referent(a))
}

fn ref_callback(_vm: &mut Vm, r: Value) -> PyResult<Value> {
    Ok(payload::<WeakRef>(r)
        .map(|w| w.callback)
        .unwrap_or(Value::NONE))
}

fn ref_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(w) = payload::<WeakRef>(a.pos[0]) else {
        return Ok(Value::small(0));
    };
    if let Some(h) = w.hash.get() {
        return Ok(int::from_i64(vm, h));
    }
    let o = w.obj.get();
    if o.is_none() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = vm.hash(o)?;
    w.hash.set(Some(h));
    Ok(int::from_i64(vm, h))
}

fn ref_eq_impl(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let (Some(x), Some(y)) = (payload::<WeakRef>(a.pos[0]), payload::<WeakRef>(other)) else {
        return Ok(None);
    };
    let rt = ref_type(vm);
    if !vm.is_instance_of(other, rt) {
        return Ok(None);
    }
    let (ox, oy) = (x.obj.get(), y.obj.get());
    if ox.is_none() || oy.is_none() {
        return Ok(Some(a.pos[0] == other));
    }
    vm.eq_bool(ox, oy).map(Some)
}

fn ref_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match ref_eq_impl(vm, a)? {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented,
    })
}

fn ref_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match ref_eq_impl(vm, a)? {
        Some(b) => Value::from_bool(!b),
        None => vm.not_implemented,
    })
}

/// `to 'Type' at 0x... (name)` for the reprs.
fn describe(vm: &mut Vm, o: Value) -> String {
    let tn = vm.type_name(o);
    let mut s = format!("to '{tn}' at {:#x}", vm.id_of(o));
    if let Ok(Some(n)) = vm.getattr_opt(o, vm.names.name)
        && let Some(t) = pystr::text_of(n)
    {
        s.push_str(&format!(" ({t})"));
    }
    s
}

fn ref_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = referent(a);
    let at = vm.id_of(a.pos[0]);
    let s = if o.is_none() {
        format!("<weakref at {at:#x}; dead>")
    } else {
        format!("<weakref at {at:#x}; {}>", describe(vm, o))
    };
    Ok(pystr::new(vm, &s))
}

fn getweakrefcount(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getweakrefcount", 1, 1)?;
    let n = refs_of(a.pos[0])
        .iter()
        .filter(|r| payload::<WeakRef>(**r).is_some_and(|w| !w.obj.get().is_none()))
        .count();
    Ok(Value::small(n as i64))
}

fn getweakrefs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getweakrefs", 1, 1)?;
    let items = crate::gc::Rooted::from_vec(refs_of(a.pos[0]));
    Ok(list::new(vm, &items))
}

fn remove_dead_weakref(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_remove_dead_weakref", 2, 2)?;
    let (d, key) = (a.pos[0], a.pos[1]);
    if let Some(r) = dict::get(vm, d, key)?
        && payload::<WeakRef>(r).is_some_and(|w| w.obj.get().is_none())
    {
        dict::remove(vm, d, key)?;
    }
    Ok(Value::NONE)
}

// ---- proxies ----

fn proxy_types(vm: &mut Vm) -> (Value, Value) {
    if let (Some(p), Some(c)) = (
        vm.registry.get("weakref.ProxyType"),
        vm.registry.get("weakref.CallableProxyType"),
    ) {
        return (*p, *c);
    }
    let p = native_type(vm, "weakref", "ProxyType", false);
    let c = native_type(vm, "weakref", "CallableProxyType", false);
    for t in [p, c] {
        super::weakref_proxy::add_forwarding(vm, t);
        let k = pystr::intern(vm, "__hash__");
        dict::set_str(types::ty(t).dict, k, Value::NONE);
        types::update_flags(vm, t);
        types::invalidate(t);
    }
    super::weakref_proxy::add_call(vm, c);
    (p, c)
}

fn proxy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "proxy", 1, 2)?;
    let obj = a.pos[0];
    let callback = a.pos.get(1).copied().unwrap_or(Value::NONE);
    ensure_pending_list(vm);
    if !weakrefable(vm, obj) {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(obj)
        )));
    }
    let (p, c) = proxy_types(vm);
    let ty = if super::util::is_callable(vm, obj) {
        c
    } else {
        p
    };
    let w = WeakRef {
        obj: Cell::new(obj),
        callback,
        hash: Cell::new(None),
    };
    let r = native::new(vm, ty, Box::new(w));
    remember(obj, r);
    Ok(r)
}

/// The referent of a proxy (or the value itself for other objects).
pub fn unwrap_proxy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_kind(Kind::Native) {
        let t = vm.type_of(v);
        let is_proxy = Some(&t) == vm.registry.get("weakref.ProxyType")
            || Some(&t) == vm.registry.get("weakref.CallableProxyType");
        if is_proxy && let Some(w) = payload::<WeakRef>(v) {
            let o = w.obj.get();
            if o.is_none() {
                return Err(vm.new_error(
                    vm.exc.reference_error,
                    "weakly-referenced object no longer exists",
                ));
            }
            return Ok(o);
        }
    }
    Ok(v)
}

/// A proxy's repr.
pub fn proxy_repr(vm: &mut Vm, p: Value) -> PyResult<Value> {
    let o = payload::<WeakRef>(p)
        .map(|w| w.obj.get())
        .unwrap_or(Value::NONE);
    let at = vm.id_of(p);
    let s = format!("<weakproxy at {at:#x}; {}>", describe(vm, o));
    Ok(pystr::new(vm, &s))
}
