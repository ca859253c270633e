//! Signals: SIGINT sets a flag the interpreter checks at backward jumps and calls,
//! raising KeyboardInterrupt there.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::vm::{PyResult, Vm};

/// Set by the signal handler; read by the interpreter.
pub static PENDING: AtomicBool = AtomicBool::new(false);
/// Something (a signal, queued finalizers) wants the running code to stop at the
/// next backward jump or call boundary.
pub static EVAL_BREAKER: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
    EVAL_BREAKER.store(true, Ordering::Relaxed);
}

/// Asks the running code to call `handle_pending` soon.
pub fn request_break() {
    EVAL_BREAKER.store(true, Ordering::Relaxed);
}

/// True when `handle_pending` has work.
#[inline(always)]
pub fn breaker() -> bool {
    EVAL_BREAKER.load(Ordering::Relaxed)
}

/// The address of the eval-breaker flag, which JIT code reads at backward jumps.
pub fn breaker_flag() -> *const u8 {
    EVAL_BREAKER.as_ptr() as *const u8
}

/// Installs the SIGINT handler.
pub fn install() {
    // SAFETY: installing a handler that only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t);
    }
}

#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Runs what the pending flag asked for.
pub fn handle_pending(vm: &mut Vm) -> PyResult<()> {
    EVAL_BREAKER.store(false, Ordering::Relaxed);
    crate::gc::finalize::run_pending(vm);
    if PENDING.swap(false, Ordering::Relaxed) {
        return crate::modules::signal::dispatch(vm);
    }
    Ok(())
}
