//! Finalizers: `__del__` of unreachable instances.
//!
//! A collection that finds an unreachable instance whose class defines `__del__`
//! (and that was not finalized before) keeps it, and what it refers to, alive for
//! one more cycle and queues it. Queued finalizers run at the next safe point (a
//! backward jump or a call boundary that checks the eval breaker), never in the
//! middle of the allocation that triggered the collection; an exception in `__del__`
//! is reported as CPython does ("Exception ignored in: ...") and otherwise ignored.
//! At exit, the remaining instances with `__del__` are finalized once.

use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::Tracer;
use crate::object::function::{BuiltinObj, NativeFn};
use crate::object::types::{self, flags};
use crate::vm::Vm;

/// Header flag of an instance whose `__del__` already ran (or was queued).
pub const FINALIZED: u16 = 0x8000;

fn needs_finalizer(p: *mut Header) -> bool {
    // SAFETY: p is a live object header.
    unsafe {
        (*p).kind == Kind::Instance
            && (*p).flags & FINALIZED == 0
            && !(*p).ty.is_null()
            && types::ty(Value::from_ptr((*p).ty)).prefix.flags & flags::HAS_DEL != 0
    }
}

/// After marking: queues unmarked instances that have finalizers, keeping them (and
/// everything they reach) alive for this cycle.
pub fn rescue_unreachable(vm: &mut Vm, t: &mut Tracer) {
    if !super::any_del_class() {
        return;
    }
    let mut found = Vec::new();
    vm.heap.for_each(|p| {
        // SAFETY: p is an allocated object.
        if unsafe { (*p).gc } == 0 && needs_finalizer(p) {
            found.push(p);
        }
    });
    if found.is_empty() {
        return;
    }
    for &p in &found {
        // SAFETY: p is live until the sweep, which it now survives.
        unsafe { (*p).flags |= FINALIZED };
        t.mark_ptr(p);
        vm.finalize_queue.push(Value::from_ptr(p));
    }
    t.drain();
    crate::signals::request_break();
}

/// Runs the queued finalizers (and weak reference callbacks, queued by the same
/// collections).
pub fn run_pending(vm: &mut Vm) {
    crate::modules::weakref::run_callbacks(vm);
    while !vm.finalize_queue.is_empty() {
        let obj = vm.finalize_queue.remove(0);
        call_del(vm, obj);
    }
}

/// A full collection as `gc.collect()` makes it: the finalizers and weak
/// reference callbacks it makes due have run when it returns, and what the
/// finalizers kept alive has been collected in turn (a few more rounds when
/// finalizers leave more garbage with finalizers). `caller` is the native function
/// running it: when the interpreter called that directly, the native frames up to
/// the interpreter are precise (see `gc::stack`).
pub fn collect_all(vm: &mut Vm, caller: NativeFn) {
    let callee = super::stack::callee();
    // SAFETY: a recorded callee is a live builtin object (on the VM stack).
    let direct =
        callee != 0 && unsafe { (*(callee as *const BuiltinObj)).func } as usize == caller as usize;
    // Finished calls below this frame (the ones that made the objects being
    // dropped) may have left their words on the native stack too.
    scrub_native_stack();
    for _ in 0..8 {
        if !collect_round(vm, direct) {
            break;
        }
        // The finalizers' objects must not be kept alive by what their calls
        // left on the native stack, which the collector scans conservatively.
        scrub_native_stack();
    }
}

/// One collection, then what it made due; true when finalizers ran.
#[inline(never)]
fn collect_round(vm: &mut Vm, direct: bool) -> bool {
    if direct {
        super::stack::with_direct(|| vm.collect());
    } else {
        vm.collect();
    }
    let finalized = !vm.finalize_queue.is_empty();
    run_pending(vm);
    finalized
}

/// Zeroes the native stack below the caller's frame, where finished calls left
/// stale words.
#[inline(never)]
fn scrub_native_stack() {
    let mut area = [0usize; 8192];
    for w in area.iter_mut() {
        // SAFETY: a write to a local.
        unsafe { std::ptr::write_volatile(w, 0) };
    }
    std::hint::black_box(&area);
}

fn call_del(vm: &mut Vm, obj: Value) {
    let Some(del) = vm.lookup_special(obj, vm.names.del) else {
        return;
    };
    let saved = vm.exc_info;
    if let Err(e) = vm.call(del, &[obj]) {
        let what = vm
            .repr_string(del)
            .unwrap_or_else(|_| "<__del__>".to_string());
        crate::modules::io::flush_stdout(vm);
        let tb = crate::vm::traceback::format_exception(vm, e.0);
        eprint!("Exception ignored in: {what}\n{tb}");
    }
    vm.exc_info = saved;
}

/// At exit: finalizes garbage (and runs the callbacks of weak references to
/// it, which CPython ran when it died), then every remaining instance with
/// `__del__`.
pub fn at_exit(vm: &mut Vm) {
    let finalizers = super::any_del_class();
    if finalizers || crate::modules::weakref::any_callbacks() {
        vm.collect();
    }
    run_pending(vm);
    if !finalizers {
        return;
    }
    let mut rest = Vec::new();
    vm.heap.for_each(|p| {
        if needs_finalizer(p) {
            rest.push(p);
        }
    });
    let rest = super::Rooted::from_vec(rest.iter().map(|p| Value::from_ptr(*p)).collect());
    for obj in rest.iter() {
        // SAFETY: rooted above.
        unsafe { (*obj.header()).flags |= FINALIZED };
        call_del(vm, *obj);
    }
}
