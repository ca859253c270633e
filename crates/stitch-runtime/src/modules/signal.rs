//! The `_signal` module: `signal`/`getsignal` with Python handlers, `SIG_DFL`,
//! `SIG_IGN`, `default_int_handler` (raises KeyboardInterrupt), `raise_signal`,
//! `alarm`, `pause`, `strsignal`, `valid_signals` and the signal numbers.
//!
//! A C handler records which signal arrived and sets the interpreter's pending
//! flag; `dispatch` (called from `signals::handle_pending` at the next check)
//! runs the Python handlers.

use std::sync::atomic::{AtomicBool, Ordering};

use stitch_core::value::Value;

use super::util::{add_fns, add_ints};
use crate::builtins::args;
use crate::object::{dict, int, module, set, str as pystr};
use crate::vm::{Args, PyResult, Vm};

const NSIG: usize = 65;
const KEY: &str = "_signal._handlers";

#[allow(clippy::declare_interior_mutable_const)]
const FALSE: AtomicBool = AtomicBool::new(false);
static TRIPPED: [AtomicBool; NSIG] = [FALSE; NSIG];

const SIGNALS: &[(&str, i64)] = &[
    ("SIGABRT", 6),
    ("SIGALRM", 14),
    ("SIGBUS", 7),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGFPE", 8),
    ("SIGHUP", 1),
    ("SIGILL", 4),
    ("SIGINT", 2),
    ("SIGIO", 29),
    ("SIGIOT", 6),
    ("SIGKILL", 9),
    ("SIGPIPE", 13),
    ("SIGPOLL", 29),
    ("SIGPROF", 27),
    ("SIGPWR", 30),
    ("SIGQUIT", 3),
    ("SIGRTMAX", 64),
    ("SIGRTMIN", 34),
    ("SIGSEGV", 11),
    ("SIGSTKFLT", 16),
    ("SIGSTOP", 19),
    ("SIGSYS", 31),
    ("SIGTERM", 15),
    ("SIGTRAP", 5),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGUSR1", 10),
    ("SIGUSR2", 12),
    ("SIGVTALRM", 26),
    ("SIGWINCH", 28),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_signal");
    add_ints(vm, m, SIGNALS);
    add_ints(
        vm,
        m,
        &[
            ("SIG_DFL", 0),
            ("SIG_IGN", 1),
            ("SIG_BLOCK", 0),
            ("SIG_UNBLOCK", 1),
            ("SIG_SETMASK", 2),
            ("NSIG", NSIG as i64),
            ("ITIMER_REAL", 0),
            ("ITIMER_VIRTUAL", 1),
            ("ITIMER_PROF", 2),
        ],
    );
    add_fns(
        vm,
        m,
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("default_int_handler", default_int_handler),
            ("raise_signal", raise_signal),
            ("alarm", alarm),
            ("pause", pause),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
            ("set_wakeup_fd", set_wakeup_fd),
            ("siginterrupt", siginterrupt),
        ],
    );
    let itimer = vm.exc.os_error;
    module::set(vm, m, "ItimerError", itimer);
    let dih = module::get(vm, m, "default_int_handler").unwrap_or(Value::NONE);
    vm.registry.insert("_signal.default_int_handler", dih);
    let table = handlers(vm);
    for sig in 1..NSIG as i64 {
        let h = if sig == libc::SIGINT as i64 {
            dih
        } else {
            match current_disposition(sig as i32) {
                Some(libc::SIG_IGN) => Value::small(1),
                Some(libc::SIG_DFL) => Value::small(0),
                _ => Value::NONE,
            }
        };
        dict::set(vm, table, Value::small(sig), h)?;
    }
    Ok(m)
}

fn current_disposition(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: querying the disposition with a zeroed out-struct.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return None;
        }
        Some(old.sa_sigaction)
    }
}

/// The handler table: signal number -> handler object.
fn handlers(vm: &mut Vm) -> Value {
    if let Some(d) = vm.registry.get(KEY) {
        return *d;
    }
    let d = dict::new(vm);
    vm.registry.insert(KEY, d);
    d
}

extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(f) = TRIPPED.get(sig as usize) {
        f.store(true, Ordering::Relaxed);
    }
    crate::signals::PENDING.store(true, Ordering::Relaxed);
}

fn install(sig: i32, handler: libc::sighandler_t) -> bool {
    // SAFETY: installing a handler that only stores to atomics (or SIG_DFL/SIG_IGN).
    unsafe { libc::signal(sig, handler) != libc::SIG_ERR }
}

/// Runs the Python handlers of the signals that arrived. A pending flag with no
/// recorded signal is a SIGINT from the default handler.
pub fn dispatch(vm: &mut Vm) -> PyResult<()> {
    let mut any = false;
    for (sig, flag) in TRIPPED.iter().enumerate().skip(1) {
        if !flag.swap(false, Ordering::Relaxed) {
            continue;
        }
        any = true;
        run_handler(vm, sig as i64)?;
    }
    if !any {
        return run_handler(vm, libc::SIGINT as i64);
    }
    Ok(())
}

fn run_handler(vm: &mut Vm, sig: i64) -> PyResult<()> {
    let h = match vm.registry.get(KEY).copied() {
        Some(t) => dict::get(vm, t, Value::small(sig))?.unwrap_or(Value::NONE),
        None => Value::NONE,
    };
    let dih = vm.registry.get("_signal.default_int_handler").copied();
    if h.is_none() || Some(h) == dih || h.is_small_int() {
        if sig == libc::SIGINT as i64 {
            return Err(vm.new_error_args(vm.exc.keyboard_interrupt, &[]));
        }
        return Ok(());
    }
    vm.call(h, &[Value::small(sig), Value::NONE])?;
    Ok(())
}

fn signum_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let s = vm.index_value(v)?;
    if s < 1 || s >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(s)
}

fn os_error(vm: &mut Vm, errno: i32) -> crate::vm::PyErr {
    let msg = pystr::new(vm, &crate::run::strerror(errno));
    let e = vm.call(vm.exc.os_error, &[Value::small(errno as i64), msg]);
    match e {
        Ok(e) => crate::vm::PyErr(e),
        Err(e) => e,
    }
}

fn signal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "signal", 2, 2)?;
    let sig = signum_arg(vm, a.pos[0])?;
    let h = a.pos[1];
    let dih = vm.registry.get("_signal.default_int_handler").copied();
    let c_handler = if int::is_int(h) {
        match int::to_i64(h) {
            Some(0) => libc::SIG_DFL,
            Some(1) => libc::SIG_IGN,
            _ => {
                return Err(vm.type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                ));
            }
        }
    } else if super::util::is_callable(vm, h) {
        on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
    } else {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    if sig == libc::SIGKILL as i64 || sig == libc::SIGSTOP as i64 {
        return Err(os_error(vm, libc::EINVAL));
    }
    if Some(h) == dih && sig == libc::SIGINT as i64 {
        crate::signals::install();
    } else if !install(sig as i32, c_handler) {
        return Err(os_error(vm, libc::EINVAL));
    }
    let table = handlers(vm);
    let old = dict::get(vm, table, Value::small(sig))?.unwrap_or(Value::NONE);
    let hv = if int::is_int(h) {
        Value::small(int::to_i64(h).unwrap_or(0))
    } else {
        h
    };
    dict::set(vm, table, Value::small(sig), hv)?;
    Ok(old)
}

fn getsignal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getsignal", 1, 1)?;
    let sig = signum_arg(vm, a.pos[0])?;
    let table = handlers(vm);
    Ok(dict::get(vm, table, Value::small(sig))?.unwrap_or(Value::NONE))
}

fn default_int_handler(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.new_error_args(vm.exc.keyboard_interrupt, &[]))
}

fn raise_signal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "raise_signal", 1, 1)?;
    let sig = signum_arg(vm, a.pos[0])?;
    // SAFETY: raising a signal in this process.
    if unsafe { libc::raise(sig as i32) } != 0 {
        return Err(os_error(vm, libc::EINVAL));
    }
    crate::signals::handle_pending(vm)?;
    Ok(Value::NONE)
}

fn alarm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "alarm", 1, 1)?;
    let s = vm.index_value(a.pos[0])?;
    // SAFETY: alarm only schedules SIGALRM.
    let r = unsafe { libc::alarm(s.clamp(0, u32::MAX as i64) as u32) };
    Ok(Value::small(r as i64))
}

fn pause(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "pause", 0, 0)?;
    // SAFETY: waits for a signal.
    unsafe { libc::pause() };
    crate::signals::handle_pending(vm)?;
    Ok(Value::NONE)
}

fn strsignal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "strsignal", 1, 1)?;
    let sig = signum_arg(vm, a.pos[0])?;
    // SAFETY: strsignal returns a static or thread-local string.
    let p = unsafe { libc::strsignal(sig as i32) };
    if p.is_null() {
        return Ok(Value::NONE);
    }
    // SAFETY: p is a NUL-terminated string.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    Ok(pystr::new(vm, &s))
}

fn valid_signals(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "valid_signals", 0, 0)?;
    let s = set::new(vm);
    for sig in 1..NSIG as i64 {
        if sig == 32 || sig == 33 {
            continue;
        }
        set::add(vm, s, Value::small(sig))?;
    }
    Ok(s)
}

fn set_wakeup_fd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("set_wakeup_fd() missing required argument 'fd' (pos 1)"));
    }
    let _ = vm.index_value(a.pos[0])?;
    Ok(Value::small(-1))
}

fn siginterrupt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "siginterrupt", 2, 2)?;
    signum_arg(vm, a.pos[0])?;
    Ok(Value::NONE)
}
