//! The `_thread` module for a single-threaded runtime: `lock` and `RLock` with
//! CPython's API and errors, `get_ident`, `_local`, and `start_new_thread`, which
//! runs the function to completion at once (as if the new thread ran before the
//! caller continued) under its own thread ident. A blocking acquire of a lock
//! that nothing can release waits forever, like a deadlock in CPython (SIGINT
//! still interrupts it).

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::util::{add_fns, native_type, payload, this};
use crate::builtins::{add_methods, add_static, args};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{dict, float, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const TIMEOUT_MAX: f64 = 9223372036.0;

thread_local! {
    /// Idents of the running (synchronously executed) threads; empty: main.
    static IDENTS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static NEXT_IDENT: Cell<u64> = const { Cell::new(1) };
}

fn main_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// The ident of the running thread.
pub fn current_ident() -> u64 {
    IDENTS
        .with(|s| s.borrow().last().copied())
        .unwrap_or_else(main_ident)
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_thread");
    let lock = native_type(vm, "_thread", "lock", false);
    add_methods(
        vm,
        lock,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_acquire),
            ("__exit__", lock_exit),
            ("__repr__", lock_repr),
            ("_at_fork_reinit", lock_reinit),
        ],
    );
    let rlock = native_type(vm, "_thread", "RLock", true);
    add_static(vm, rlock, &[("__new__", rlock_new)]);
    add_methods(
        vm,
        rlock,
        &[
            ("acquire", rlock_acquire),
            ("release", rlock_release),
            ("__enter__", rlock_acquire),
            ("__exit__", rlock_exit),
            ("_is_owned", rlock_is_owned),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("__repr__", rlock_repr),
            ("_at_fork_reinit", rlock_reinit),
        ],
    );
    module::set(vm, m, "LockType", lock);
    module::set(vm, m, "RLock", rlock);
    add_fns(
        vm,
        m,
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("_set_sentinel", set_sentinel),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("_count", count),
            ("stack_size", stack_size),
            ("interrupt_main", interrupt_main),
            ("exit", exit),
            ("exit_thread", exit),
        ],
    );
    let err = vm.exc.runtime_error;
    module::set(vm, m, "error", err);
    module::set(vm, m, "TIMEOUT_MAX", Value::from_f64(TIMEOUT_MAX));
    let local = local_type(vm);
    module::set(vm, m, "_local", local);
    Ok(m)
}

/// `_thread._local`: with one thread, an ordinary object with a `__dict__`.
fn local_type(vm: &mut Vm) -> Value {
    let name = pystr::new(vm, "_local");
    let object = vm.types.object;
    let bases = tuple::new(vm, &[object]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, "_thread");
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = vm.call(ty_ty, &[name, bases, ns]).unwrap_or(Value::NONE);
    super::util::set_c_name(t, "_thread", "_local");
    t
}

// ---- lock ----

pub struct Lock {
    locked: Cell<bool>,
}

impl NativeData for Lock {
    native_any!();
}

fn new_lock(vm: &mut Vm) -> Value {
    let ty = vm.registry["_thread.lock"];
    native::new(
        vm,
        ty,
        Box::new(Lock {
            locked: Cell::new(false),
        }),
    )
}

fn allocate_lock(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "allocate_lock", 0, 0)?;
    Ok(new_lock(vm))
}

/// Parses `(blocking=True, timeout=-1)`: Some(timeout) to wait, None not to.
fn acquire_args(vm: &mut Vm, a: &Args) -> PyResult<Option<f64>> {
    let [b, t] = args::parse::<2>(
        vm,
        &a.tail(),
        &args::Sig::new("acquire", &["blocking", "timeout"], 0),
    )?;
    let blocking = if b.is_null() { true } else { vm.truth(b)? };
    let timeout = if t.is_null() {
        -1.0
    } else {
        match float::as_f64(vm, t)? {
            Some(x) => x,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(t)
                )));
            }
        }
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(if blocking { Some(timeout) } else { None })
}

/// Waits for a lock nobody can release: `timeout` seconds (then False), or
/// forever (interruptible).
fn wait_blocked(vm: &mut Vm, timeout: Option<f64>) -> PyResult<Value> {
    let Some(t) = timeout else {
        return Ok(Value::FALSE);
    };
    let forever = t < 0.0;
    let mut left = t;
    loop {
        let step = if forever { 0.05 } else { left.min(0.05) };
        if !forever && step <= 0.0 {
            return Ok(Value::FALSE);
        }
        std::thread::sleep(std::time::Duration::from_secs_f64(step));
        if crate::signals::pending() {
            crate::signals::handle_pending(vm)?;
        }
        left -= step;
    }
}

fn lock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l: &Lock = this(vm, a, "_thread.lock", "acquire")?;
    let timeout = acquire_args(vm, a)?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::TRUE);
    }
    wait_blocked(vm, timeout)
}

fn lock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l: &Lock = this(vm, a, "_thread.lock", "release")?;
    if !l.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::NONE)
}

fn lock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    lock_release(vm, &Args::new(&a.pos[..1]))
}

fn lock_locked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l: &Lock = this(vm, a, "_thread.lock", "locked")?;
    Ok(Value::from_bool(l.locked.get()))
}

fn lock_reinit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l: &Lock = this(vm, a, "_thread.lock", "_at_fork_reinit")?;
    l.locked.set(false);
    Ok(Value::NONE)
}

fn lock_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l: &Lock = this(vm, a, "_thread.lock", "__repr__")?;
    let state = if l.locked.get() { "locked" } else { "unlocked" };
    let s = format!("<{state} _thread.lock object at {:#x}>", vm.id_of(a.pos[0]));
    Ok(pystr::new(vm, &s))
}

// ---- RLock ----

pub struct RLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl NativeData for RLock {
    native_any!();
}

fn rlock_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["_thread.RLock"];
    let cls = super::util::new_cls(vm, a, base)?;
    Ok(super::util::new_for_class(
        vm,
        cls,
        base,
        Box::new(RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        }),
    ))
}

fn rlock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "acquire")?;
    let timeout = acquire_args(vm, a)?;
    let me = current_ident();
    if r.count.get() > 0 && r.owner.get() == me {
        r.count.set(r.count.get() + 1);
        return Ok(Value::TRUE);
    }
    if r.count.get() == 0 {
        r.owner.set(me);
        r.count.set(1);
        return Ok(Value::TRUE);
    }
    wait_blocked(vm, timeout)
}

fn rlock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "release")?;
    if r.count.get() == 0 || r.owner.get() != current_ident() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::NONE)
}

fn rlock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rlock_release(vm, &Args::new(&a.pos[..1]))
}

fn rlock_is_owned(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "_is_owned")?;
    Ok(Value::from_bool(
        r.count.get() > 0 && r.owner.get() == current_ident(),
    ))
}

fn rlock_release_save(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "_release_save")?;
    if r.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let (c, o) = (r.count.get(), r.owner.get());
    r.count.set(0);
    r.owner.set(0);
    let cv = int::from_u64(vm, c);
    let ov = int::from_u64(vm, o);
    Ok(tuple::new(vm, &[cv, ov]))
}

fn rlock_acquire_restore(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "_acquire_restore")?;
    let state = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let items = vm.collect_iter(state)?;
    if items.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument 1 must be a 2-tuple"));
    }
    let c = int::to_i64(items[0]).unwrap_or(0).max(0) as u64;
    let o = int::to_bigint(items[1]);
    let o = num_traits::ToPrimitive::to_u64(&o).unwrap_or(0);
    if r.count.get() > 0 && r.owner.get() != o {
        return wait_blocked(vm, Some(-1.0));
    }
    r.count.set(c);
    r.owner.set(o);
    Ok(Value::NONE)
}

fn rlock_reinit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "_at_fork_reinit")?;
    r.count.set(0);
    r.owner.set(0);
    Ok(Value::NONE)
}

fn rlock_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &RLock = this(vm, a, "_thread.RLock", "__repr__")?;
    let state = if r.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let tn = vm.type_of(a.pos[0]);
    let module = dict::get_str(crate::object::types::ty(tn).dict, vm.names.module)
        .and_then(pystr::text_of)
        .unwrap_or("_thread")
        .to_string();
    let s = format!(
        "<{state} {module}.{} object owner={} count={} at {:#x}>",
        super::util::short_name(tn),
        r.owner.get(),
        r.count.get(),
        vm.id_of(a.pos[0])
    );
    Ok(pystr::new(vm, &s))
}

// ---- threads ----

/// The stack of running threads' sentinel locks (a list of lists).
fn sentinel_stack(vm: &mut Vm) -> Value {
    if let Some(v) = vm.registry.get("_thread._sentinels") {
        return *v;
    }
    let l = list::new(vm, &[]);
    vm.registry.insert("_thread._sentinels", l);
    l
}

fn set_sentinel(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_set_sentinel", 0, 0)?;
    let l = new_lock(vm);
    let stack = sentinel_stack(vm);
    if let Some(&top) = list::items(stack).last() {
        list::push(list::vec(top), l);
    }
    Ok(l)
}

fn get_ident(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "get_ident", 0, 0)?;
    Ok(int::from_u64(vm, current_ident()))
}

fn get_native_id(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "get_native_id", 0, 0)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() } as i64;
    let depth = IDENTS.with(|s| s.borrow().len()) as i64;
    Ok(int::from_i64(vm, tid + depth * 100_000))
}

fn start_new_thread(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "start_new_thread", 2, 3)?;
    let (f, fargs) = (a.pos[0], a.pos[1]);
    let kwargs = a.pos.get(2).copied().unwrap_or(Value::NULL);
    if !super::util::is_callable(vm, f) {
        return Err(vm.type_error("first arg must be callable"));
    }
    if tuple::native(fargs).is_none() && !fargs.is_kind(stitch_core::layout::Kind::Tuple) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    if !kwargs.is_null() && !kwargs.is_kind(stitch_core::layout::Kind::Dict) {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    let ident = main_ident().wrapping_add(
        NEXT_IDENT.with(|n| {
            let v = n.get();
            n.set(v + 1);
            v
        }) * 0x1000,
    );
    IDENTS.with(|s| s.borrow_mut().push(ident));
    let stack = sentinel_stack(vm);
    let mine = list::new(vm, &[]);
    list::push(list::vec(stack), mine);
    let pos = vm.collect_iter(fargs)?;
    let (names, vals): (Vec<Value>, Vec<Value>) = if kwargs.is_null() {
        (Vec::new(), Vec::new())
    } else {
        dict::items(kwargs).into_iter().unzip()
    };
    let r = vm.call_kw(
        f,
        &Args {
            pos: &pos,
            kwnames: &names,
            kwvals: &vals,
        },
    );
    if let Err(e) = r
        && !vm.is_instance_of(e.0, vm.exc.system_exit)
    {
        crate::modules::io::flush_stdout(vm);
        let rep = vm
            .repr_string(f)
            .unwrap_or_else(|_| "<object repr() failed>".to_string());
        let mut text = format!("Exception ignored in thread started by: {rep}\n");
        text.push_str(&crate::vm::traceback::format_exception(vm, e.0));
        let err = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
        let _ = crate::builtins::functions::write_to(vm, err, &text);
    }
    let n = list::items(stack).len();
    if n > 0 {
        list::remove_at(list::vec(stack), n - 1);
    }
    for l in list::items(mine) {
        if let Some(lock) = payload::<Lock>(*l) {
            lock.locked.set(false);
        }
    }
    IDENTS.with(|s| s.borrow_mut().pop());
    Ok(int::from_u64(vm, ident))
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_count", 0, 0)?;
    Ok(Value::small(IDENTS.with(|s| s.borrow().len()) as i64))
}

fn stack_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "stack_size", 0, 1)?;
    if let Some(&s) = a.pos.first() {
        let n = vm.index_value(s)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::small(0))
}

fn interrupt_main(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "interrupt_main", 0, 1)?;
    crate::signals::PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NONE)
}

fn exit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.new_error_args(vm.exc.system_exit, &[]))
}
