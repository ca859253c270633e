//! The stencil environment (compiled by build.rs, not by cargo): an `Env` whose
//! oparg, operands and instruction pointers are holes patched at JIT time, and whose
//! helpers are `extern "C"` runtime shims. The stencil functions themselves are
//! appended by build.rs, one per micro-op.
#![no_std]
#![allow(non_upper_case_globals, clippy::all, unused_unsafe)]

use core::hint::cold_path;
use stitch_core::env::{Env, Helpers};
use stitch_core::frame::{Frame, Regs};
use stitch_core::uops::{self, Flow};
use stitch_core::value::Value;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // Never referenced by a valid stencil: the build rejects any stencil that can panic.
    loop {}
}

unsafe extern "C" {
    static HOLE_OPARG: u8;
    static HOLE_CUR: u8;
    static HOLE_NEXT_PC: u8;
    static HOLE_PENDING: u8;
    static HOLE_EXIT: u8;
    static HOLE_OPERAND0: u8;
    static HOLE_OPERAND1: u8;
    static HOLE_OPERAND2: u8;
    static HOLE_OPERAND3: u8;
    static HOLE_OPERAND4: u8;
    static HOLE_OPERAND5: u8;
    static HOLE_OPERAND6: u8;
    static HOLE_OPERAND7: u8;
    static HOLE_OPERAND8: u8;
    static HOLE_OPERAND9: u8;
    static HOLE_OPERAND10: u8;
    static HOLE_OPERAND11: u8;
}

unsafe extern "C" {
    fn hole_next(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_jump(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_deopt(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_error(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_call(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_return(regs: *mut Regs, sp: *mut Value) -> u64;
    fn hole_yield(regs: *mut Regs, sp: *mut Value) -> u64;
}

/// A hole whose value fits 32 bits: `mov r32, imm32` with a 32-bit absolute
/// relocation. Written in `asm!` so that the compiler knows nothing of the value
/// (the address of a static would be known to be non-null).
macro_rules! hole32 {
    ($h:ident) => {{
        // Writing the 32-bit register clears the upper half.
        let v: u64;
        unsafe {
            core::arch::asm!("mov {0:e}, offset {1}", out(reg) v, sym $h, options(pure, nomem, nostack, preserves_flags));
        }
        v
    }};
}

/// A 64-bit hole: `movabs r64, imm64` with a 64-bit absolute relocation.
macro_rules! hole64 {
    ($h:ident) => {{
        let v: u64;
        unsafe {
            core::arch::asm!("movabs {0}, offset {1}", out(reg) v, sym $h, options(pure, nomem, nostack, preserves_flags));
        }
        v
    }};
}

/// `OPARG` is -1 for the oparg hole, else the constant oparg of a specialised variant.
pub struct StencilEnv<const OPARG: i64> {
    regs: *mut Regs,
    sp: *mut Value,
}

unsafe impl<const OPARG: i64> Env for StencilEnv<OPARG> {
    #[inline(always)]
    fn oparg(&self) -> u32 {
        if OPARG >= 0 { OPARG as u32 } else { hole32!(HOLE_OPARG) as u32 }
    }
    #[inline(always)]
    fn operand(&self, i: usize) -> u64 {
        match i {
            0 => hole64!(HOLE_OPERAND0),
            1 => hole64!(HOLE_OPERAND1),
            2 => hole64!(HOLE_OPERAND2),
            3 => hole64!(HOLE_OPERAND3),
            4 => hole64!(HOLE_OPERAND4),
            5 => hole64!(HOLE_OPERAND5),
            6 => hole64!(HOLE_OPERAND6),
            7 => hole64!(HOLE_OPERAND7),
            8 => hole64!(HOLE_OPERAND8),
            9 => hole64!(HOLE_OPERAND9),
            10 => hole64!(HOLE_OPERAND10),
            _ => hole64!(HOLE_OPERAND11),
        }
    }
    #[inline(always)]
    fn frame(&self) -> *mut Frame {
        unsafe { (*self.regs).frame }
    }
    #[inline(always)]
    fn sp(&self) -> *mut Value {
        self.sp
    }
    #[inline(always)]
    fn set_sp(&mut self, sp: *mut Value) {
        self.sp = sp;
    }
    #[inline(always)]
    fn pending(&self) -> bool {
        unsafe { core::ptr::read_volatile(hole64!(HOLE_PENDING) as *const u8) != 0 }
    }
}

macro_rules! stencil_helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        mod shims {
            use super::*;
            unsafe extern "C" {
                $(
                    #[link_name = concat!("stitch_helper_", stringify!($name))]
                    pub fn $name(regs: *mut Regs, $($arg: $ty),*) -> Value;
                )*
            }
        }
        impl<const OPARG: i64> Helpers for StencilEnv<OPARG> {
            $(
                #[inline(always)]
                unsafe fn $name(&mut self, $($arg: $ty),*) -> Value {
                    unsafe {
                        (*self.regs).sp = self.sp;
                        (*self.regs).cur = hole64!(HOLE_CUR) as *const _;
                        (*self.regs).pc = hole64!(HOLE_NEXT_PC) as *const _;
                        let r = shims::$name(self.regs, $($arg),*);
                        self.sp = (*self.regs).sp;
                        r
                    }
                }
            )*
        }
    };
}
stitch_core::for_each_helper!(stencil_helpers);

/// Continues with the flow a micro-op returned: each arm is a tail call, compiled
/// to a jump to a hole the patcher fills with the continuation's address.
#[inline(always)]
unsafe fn finish(flow: Flow, regs: *mut Regs, sp: *mut Value) -> u64 {
    unsafe {
        match flow {
            Flow::Next => hole_next(regs, sp),
            Flow::Jump => hole_jump(regs, sp),
            Flow::Deopt => {
                cold_path();
                hole_deopt(regs, sp)
            }
            Flow::Error => {
                cold_path();
                hole_error(regs, sp)
            }
            Flow::Call => hole_call(regs, sp),
            Flow::Return => hole_return(regs, sp),
            Flow::Yield => hole_yield(regs, sp),
            // Tier-1 only: never compiled.
            Flow::Redispatch => hole_deopt(regs, sp),
        }
    }
}

/// An exit: stores the registers the interpreter resumes from and returns
/// `exit index << 8 | flow`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stencil_exit(regs: *mut Regs, sp: *mut Value) -> u64 {
    unsafe {
        (*regs).sp = sp;
        (*regs).cur = hole64!(HOLE_CUR) as *const _;
        (*regs).pc = hole64!(HOLE_NEXT_PC) as *const _;
        hole32!(HOLE_EXIT)
    }
}
