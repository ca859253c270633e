//! The tier-2 micro-op interpreter: runs a trace's ops one by one through the same
//! micro-op functions, with operands from the trace. A debugging executor
//! (`-X jit=uops`) that behaves exactly as the machine code does, exits included.

use stitch_core::env::{Env, Helpers};
use stitch_core::frame::Frame;
use stitch_core::uops::Flow;
use stitch_core::value::Value;

use super::Trace;
use super::project::{Target, TraceOp};
use crate::vm::interp::Interp;

/// The environment of one op: the interpreter's registers and the op's operands.
struct OpEnv<'a, 'b> {
    it: &'a mut Interp<'b>,
    op: &'a TraceOp,
}

// SAFETY: sp stays in the running frame's value stack: the ops were projected from
// instructions whose stack effects the compiler checked.
unsafe impl Env for OpEnv<'_, '_> {
    #[inline(always)]
    fn oparg(&self) -> u32 {
        self.op.oparg
    }
    #[inline(always)]
    fn operand(&self, i: usize) -> u64 {
        self.op.operands.get(i).copied().unwrap_or(0)
    }
    #[inline(always)]
    fn frame(&self) -> *mut Frame {
        self.it.frame
    }
    #[inline(always)]
    fn sp(&self) -> *mut Value {
        self.it.sp
    }
    #[inline(always)]
    fn set_sp(&mut self, sp: *mut Value) {
        self.it.sp = sp;
    }
    #[inline(always)]
    fn pending(&self) -> bool {
        crate::signals::breaker()
    }
}

macro_rules! forward_helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        impl Helpers for OpEnv<'_, '_> {
            $(
                #[inline(always)]
                unsafe fn $name(&mut self, $($arg: $ty),*) -> Value {
                    // SAFETY: the registers describe the state tier 1 would have at
                    // this micro-op of this instruction.
                    unsafe { Helpers::$name(self.it, $($arg),*) }
                }
            )*
        }
    };
}
stitch_core::for_each_helper!(forward_helpers);

/// Runs `t` from its first op until an exit. Returns the exit's index and the flow
/// tier 1 acts on (`Next` when a fall-through or jump left the trace).
///
/// # Safety
/// The registers describe the running frame, standing at the trace's loop head.
pub unsafe fn run(it: &mut Interp<'_>, t: &Trace) -> (usize, Flow) {
    let mut i = 0;
    loop {
        let op = &t.ops[i];
        it.cur = op.cur;
        it.pc = op.next_pc;
        // SAFETY: as for the tier-1 dispatch loop.
        let flow = unsafe { op.uop.run(&mut OpEnv { it, op }) };
        let target = match flow {
            Flow::Next => op.on_next,
            Flow::Jump => op.on_jump,
            Flow::Deopt => op.on_deopt,
            _ => op.on_other,
        };
        match target {
            Target::Op(j) => i = j,
            Target::Exit(x) => {
                let e = t.exits[x];
                it.cur = e.cur;
                it.pc = e.pc;
                let flow = if matches!(flow, Flow::Jump) {
                    Flow::Next
                } else {
                    flow
                };
                return (x, flow);
            }
        }
    }
}
