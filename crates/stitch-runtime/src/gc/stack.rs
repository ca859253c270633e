//! Conservative scanning of the native stack: every word between the current stack
//! pointer and the base recorded when the VM thread started is a potential reference
//! (a raw address or a NaN-boxed pointer). Callee-saved registers are spilled to the
//! stack first so that values held only in registers are seen too.

use stitch_core::value::{TAG_PTR, Value};

/// Calls `f` with every word of the native stack below `base` (and the callee-saved
/// registers).
#[inline(never)]
pub fn scan_native_stack(base: usize, f: &mut dyn FnMut(usize)) {
    let regs = spill_registers();
    for r in regs {
        f(r);
    }
    let marker = 0usize;
    let mut p = std::hint::black_box(&marker) as *const usize as usize;
    p &= !7;
    while p < base {
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
fn spill_registers() -> [usize; 6] {
    let regs: [usize; 6];
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
fn spill_registers() -> [usize; 10] {
    let mut regs = [0usize; 10];
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
