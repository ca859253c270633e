//! Conservative scanning of the native stack: every word between the current stack
//! pointer and the base recorded when the VM thread started is a potential reference
//! (a raw address or a NaN-boxed pointer). Callee-saved registers are spilled to the
//! stack first so that values held only in registers are seen too.
//!
//! Precise regions. Stale words (dead slots of live frames, padding not written since
//! a deeper call used that stack) would keep dead objects alive, and exact collection
//! at `gc.collect()` would depend on code layout. The interpreter's own native frames
//! hold nothing the VM's precise roots do not: while it calls out to native code
//! (`call_native_on_stack`/`call_on_stack`), every value it works on is on the VM
//! stack. So the innermost interpreter activation records its native stack pointer at
//! entry ([`enter_interp`], with the callee-saved registers at that point, which its
//! frames may save where the scan no longer looks) and at each call-out
//! ([`callout`]); the scan skips the words between the two. A `gc.collect()` called
//! directly by that call-out skips everything from the collector up to the
//! activation's entry (the call path in between holds only the arguments, which are
//! on the VM stack). Frames of native code between activations (`sorted`, `map`, ...)
//! are still scanned in full.

use stitch_core::value::{TAG_PTR, Value};

/// Native-stack marks of the innermost interpreter activation.
#[derive(Clone, Copy)]
pub struct Activation {
    /// An address in `run_from`'s frame: the interpreter's frames lie below it.
    entry: usize,
    /// An address in the frame calling out to native code, or 0 when the
    /// interpreter is not calling out.
    callout: usize,
    /// The native function called (a `BuiltinObj`), or null.
    callee: usize,
    /// The callee-saved registers at entry (outer frames' values the interpreter's
    /// frames may save in the skipped region).
    regs: [usize; NREGS],
}

#[cfg(target_arch = "x86_64")]
const NREGS: usize = 6;
#[cfg(target_arch = "aarch64")]
const NREGS: usize = 10;

thread_local! {
    /// `entry` and `regs` of the innermost activation.
    static ENTRY: std::cell::Cell<(usize, [usize; NREGS])> =
        const { std::cell::Cell::new((0, [0; NREGS])) };
    /// `callout` and `callee` of the innermost activation.
    static CALLOUT: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
    /// Set while `gc.collect()` called directly from the interpreter collects.
    static DIRECT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn current() -> Activation {
    let (entry, regs) = ENTRY.with(|e| e.get());
    let (callout, callee) = CALLOUT.with(|c| c.get());
    Activation {
        entry,
        callout,
        callee,
        regs,
    }
}

/// Records the start of an interpreter activation; returns the enclosing one's
/// marks, for [`leave_interp`].
#[inline(always)]
pub fn enter_interp() -> Activation {
    let prev = current();
    let regs = spill_registers();
    ENTRY.with(|e| e.set((approx_sp(), regs)));
    CALLOUT.with(|c| c.set((0, 0)));
    prev
}

/// Restores the marks of the enclosing activation.
#[inline(always)]
pub fn leave_interp(prev: Activation) {
    ENTRY.with(|e| e.set((prev.entry, prev.regs)));
    CALLOUT.with(|c| c.set((prev.callout, prev.callee)));
}

/// Records that the interpreter calls out to native code (`callee`, a builtin
/// object, or null for another callable) with all its values on the VM stack;
/// returns the previous marks for [`callout_done`].
#[inline(always)]
pub fn callout(callee: *const u8) -> (usize, usize) {
    let sp = approx_sp();
    CALLOUT.with(|c| c.replace((sp, callee as usize)))
}

/// The call-out recorded by [`callout`] returned.
#[inline(always)]
pub fn callout_done(prev: (usize, usize)) {
    CALLOUT.with(|c| c.set(prev));
}

/// The native function the innermost interpreter activation is calling out to.
pub fn callee() -> usize {
    let (callout, callee) = CALLOUT.with(|c| c.get());
    if callout != 0 { callee } else { 0 }
}

/// Runs `f` (a collection) treating the frames between it and the innermost
/// interpreter activation as precise: for `gc.collect()` called directly by it.
pub fn with_direct<R>(f: impl FnOnce() -> R) -> R {
    let prev = DIRECT.with(|d| d.replace(true));
    let r = f();
    DIRECT.with(|d| d.set(prev));
    r
}

/// Calls `f` with every word of the native stack below `base` (and the callee-saved
/// registers) that may hold a reference the VM's precise roots do not.
#[inline(never)]
pub fn scan_native_stack(base: usize, f: &mut dyn FnMut(usize)) {
    let regs = spill_registers();
    for r in regs {
        f(r);
    }
    let marker = 0usize;
    let mut p = std::hint::black_box(&marker) as *const usize as usize;
    p &= !7;
    let m = current();
    let direct = DIRECT.with(|d| d.get());
    // The words in [skip_lo, skip_hi) belong to precise frames.
    let (skip_lo, skip_hi) = if m.entry > p && m.entry <= base && (direct || m.callout > p) {
        for r in m.regs {
            f(r);
        }
        (if direct { p } else { m.callout.min(m.entry) }, m.entry)
    } else {
        (0, 0)
    };
    while p < base {
        if p >= skip_lo && p < skip_hi {
            p = (skip_hi + 7) & !7;
            continue;
        }
        // SAFETY: [p, base) is the live part of this thread's stack.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        f(w);
        p += 8;
    }
}

/// The address a word may refer to: itself, or the payload of a pointer-tagged value.
#[inline]
pub fn candidate_addresses(w: usize) -> [usize; 2] {
    let v = Value(w as u64);
    if v.tag() == TAG_PTR {
        [v.ptr::<u8>() as usize, 0]
    } else {
        [w, 0]
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spill_registers() -> [usize; NREGS] {
    let regs: [usize; NREGS];
    // SAFETY: only reads registers into outputs.
    unsafe {
        let (a, b, c, d, e, g): (usize, usize, usize, usize, usize, usize);
        std::arch::asm!(
            "mov {0}, rbx",
            "mov {1}, rbp",
            "mov {2}, r12",
            "mov {3}, r13",
            "mov {4}, r14",
            "mov {5}, r15",
            out(reg) a, out(reg) b, out(reg) c, out(reg) d, out(reg) e, out(reg) g,
            options(nomem, nostack, preserves_flags)
        );
        regs = [a, b, c, d, e, g];
    }
    regs
}

#[cfg(target_arch = "aarch64")]
#[inline(always)]
fn spill_registers() -> [usize; NREGS] {
    let mut regs = [0usize; NREGS];
    // SAFETY: only reads registers into outputs.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]",
            "stp x21, x22, [{0}, #16]",
            "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]",
            "stp x27, x28, [{0}, #64]",
            in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    regs
}

/// The current stack pointer, approximately (an address in this frame).
#[inline(always)]
pub fn approx_sp() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The bounds `(lowest, highest)` of the calling thread's stack.
pub fn thread_stack_bounds() -> (usize, usize) {
    // SAFETY: querying the attributes of the current thread.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            if ok {
                return (addr as usize, addr as usize + size);
            }
        }
    }
    let sp = approx_sp();
    (sp.saturating_sub(1 << 20), sp + 4096)
}
