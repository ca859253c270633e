//! The frame layout: an ABI shared by the interpreter and JIT code.
//!
//! Frames live in one contiguous array (the frame stack); their locals and value
//! stacks live in one contiguous value stack. A call does not copy its arguments: the
//! callee's locals begin where the caller pushed them (`[callable, self_or_null,
//! args...]`: at `self` when it is present, else at the first argument), so a
//! Python-to-Python call pushes a frame record and goes on in the same interpreter loop.
//! On return the result is written to `ret` (the caller's callable slot) and the
//! caller's stack pointer becomes `ret + 1`.

use crate::layout::{CodePrefix, DictObj};
use crate::value::Value;

#[repr(C)]
pub struct Frame {
    pub code: *mut CodePrefix,
    /// The function being run, or NULL for module, class and exec code.
    pub func: Value,
    pub globals: *mut DictObj,
    pub builtins: *mut DictObj,
    /// The namespace mapping of module and class bodies (`LOAD_NAME`), else NULL.
    pub ns: Value,
    /// Locals, then cells, then free variables; the value stack follows.
    pub locals: *mut Value,
    /// Saved stack pointer (valid while this frame is not the running one).
    pub sp: *mut Value,
    /// Saved next instruction (valid while this frame is not the running one).
    pub pc: *const crate::instr::Instr,
    /// Where the return value goes.
    pub ret: *mut Value,
    pub prev: *mut Frame,
    /// The generator that owns this frame, or NULL.
    pub generator: Value,
    pub kind: u32,
    /// Index of the instruction being run when the frame was suspended by a call or
    /// an exception (for tracebacks).
    pub lasti: u32,
    /// For `__init__` frames of a class instantiation: the new instance.
    pub aux: Value,
}

/// The interpreter's registers as JIT code sees them. The runtime's interpreter
/// state begins with exactly these fields (it checks their offsets), so compiled
/// code holding a pointer to it can store its stack pointer and the tier-1
/// instruction it stands for before calling a helper, and helpers see the same
/// state whichever tier called them.
#[repr(C)]
pub struct Regs {
    pub frame: *mut Frame,
    pub sp: *mut Value,
    /// The next tier-1 instruction.
    pub pc: *const crate::instr::Instr,
    /// The tier-1 instruction being run (or stood for by JIT code).
    pub cur: *const crate::instr::Instr,
    /// The first instruction of the running frame's code.
    pub code_start: *const crate::instr::Instr,
}

/// `Frame::kind` bits.
pub mod frame_kind {
    /// Returning from this frame returns to Rust code (the run loop exits).
    pub const ENTRY: u32 = 1;
    /// The frame belongs to a generator or coroutine.
    pub const GENERATOR: u32 = 2;
    /// An `__init__` frame of a class instantiation: returns its `aux` (the instance).
    pub const INIT: u32 = 4;
    /// A generator frame resumed by `FOR_ITER_GEN` inside the loop: a yield goes to
    /// the caller's stack, a return ends the caller's loop; `aux` holds the caller's
    /// handled exception.
    pub const FOR_ITER: u32 = 8;
}

impl Frame {
    /// The first slot of the value stack.
    ///
    /// # Safety
    /// The frame is pushed (its code and locals are set).
    #[inline(always)]
    pub unsafe fn stack_base(&self) -> *mut Value {
        // SAFETY: code is a live code object for any pushed frame.
        unsafe { self.locals.add((*self.code).nlocalsplus()) }
    }
}
