//! The dispatch loop's register file: copies of the interpreter registers held in
//! locals, so that the compiler keeps them in machine registers across instructions.
//!
//! [`Interp`] lives in memory: its address goes to every out-of-line helper (and to
//! JIT code as `Regs`). Were the micro-ops to run on it directly, each instruction
//! would store and reload `sp` and `pc` through memory, and the store-to-load
//! latency of those two words would bound the whole loop. [`Fast`] holds the same
//! registers by value; it is only ever used by inlined code, so its fields become
//! SSA values. It writes them back ([`Fast::spill`]) before any helper call and when
//! the loop hands a flow to `run_loop`, and reloads them after the helper.

use stitch_core::env::{Env, Helpers};
use stitch_core::frame::Frame;
use stitch_core::instr::Instr;
use stitch_core::value::Value;

use super::interp::Interp;

pub struct Fast<'i, 'a> {
    pub it: &'i mut Interp<'a>,
    frame: *mut Frame,
    sp: *mut Value,
    pub pc: *const Instr,
    pub cur: *const Instr,
}

impl<'i, 'a> Fast<'i, 'a> {
    #[inline(always)]
    pub fn new(it: &'i mut Interp<'a>) -> Self {
        Fast {
            frame: it.frame,
            sp: it.sp,
            pc: it.pc,
            cur: it.cur,
            it,
        }
    }

    /// Writes the registers back to the interpreter.
    #[inline(always)]
    pub fn spill(&mut self) {
        self.it.frame = self.frame;
        self.it.sp = self.sp;
        self.it.pc = self.pc;
        self.it.cur = self.cur;
    }

    /// Takes the registers from the interpreter again (a helper may have moved them).
    #[inline(always)]
    fn reload(&mut self) {
        self.frame = self.it.frame;
        self.sp = self.it.sp;
        self.pc = self.it.pc;
        self.cur = self.it.cur;
    }
}

unsafe impl Env for Fast<'_, '_> {
    #[inline(always)]
    fn oparg(&self) -> u32 {
        // SAFETY: cur points at the running instruction.
        unsafe { (*self.cur).arg }
    }
    #[inline(always)]
    fn operand(&self, i: usize) -> u64 {
        // SAFETY: cache words follow the instruction.
        unsafe { *(self.cur.add(1 + i) as *const u64) }
    }
    #[inline(always)]
    fn frame(&self) -> *mut Frame {
        self.frame
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
        crate::signals::breaker()
    }
    #[inline(always)]
    fn tick_counter(&mut self) -> bool {
        let ins = self.cur as *mut Instr;
        // SAFETY: cur is the running instruction word.
        unsafe {
            if (*ins).counter == 0 {
                return true;
            }
            (*ins).counter -= 1;
        }
        false
    }
}

macro_rules! impl_fast_helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        impl Helpers for Fast<'_, '_> {
            $(
                #[inline(always)]
                unsafe fn $name(&mut self, $($arg: $ty),*) -> Value {
                    self.spill();
                    // SAFETY: the interpreter's registers were just written back.
                    let v = unsafe { Helpers::$name(&mut *self.it, $($arg),*) };
                    self.reload();
                    v
                }
            )*
        }
    };
}
stitch_core::for_each_helper!(impl_fast_helpers);
