//! The tier-1 interpreter: one dispatch loop generated from the instruction list,
//! each instruction running its micro-ops inlined over a [`Fast`] copy of the
//! registers held in [`Interp`] (which helpers and JIT code see).
//!
//! Python-to-Python calls push a frame and continue in the same loop; returning pops
//! it. The loop only returns to Rust when its entry frame returns or yields, or an
//! exception leaves it.

use stitch_core::env::Helpers;
use stitch_core::frame::{Frame, frame_kind};
use stitch_core::instr::{Instr, Op};
use stitch_core::layout::CodePrefix;
use stitch_core::uops::{self, Flow};
use stitch_core::value::Value;

use super::fast::Fast;
use super::{PyErr, PyResult, Vm, helpers};

/// How the entry frame of a run left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// The interpreter's registers; the fields before `vm` are laid out as
/// [`stitch_core::frame::Regs`], which JIT code reads and writes.
#[repr(C)]
pub struct Interp<'a> {
    pub frame: *mut Frame,
    pub sp: *mut Value,
    /// The next instruction.
    pub pc: *const Instr,
    /// The instruction being run.
    pub cur: *const Instr,
    pub code_start: *const Instr,
    pub vm: &'a mut Vm,
}

const _: () = {
    use core::mem::offset_of;
    use stitch_core::frame::Regs;
    assert!(offset_of!(Interp<'static>, frame) == offset_of!(Regs, frame));
    assert!(offset_of!(Interp<'static>, sp) == offset_of!(Regs, sp));
    assert!(offset_of!(Interp<'static>, pc) == offset_of!(Regs, pc));
    assert!(offset_of!(Interp<'static>, cur) == offset_of!(Regs, cur));
    assert!(offset_of!(Interp<'static>, code_start) == offset_of!(Regs, code_start));
};

impl<'a> Interp<'a> {
    /// Loads the registers from a frame.
    ///
    /// # Safety
    /// `frame` is a pushed frame.
    pub unsafe fn load(&mut self, frame: *mut Frame) {
        // Separate 8-byte loads: the frame was usually just written field by field
        // (a call), and one 16-byte load of sp and pc would miss store forwarding.
        unsafe {
            self.frame = frame;
            self.sp = std::ptr::read_volatile(&raw const (*frame).sp);
            self.pc = std::ptr::read_volatile(&raw const (*frame).pc);
            self.cur = self.pc;
            self.code_start = (*(*frame).code).instrs;
        }
    }

    /// Saves the registers into the frame (before anything that can look at it).
    #[inline(always)]
    pub fn sync(&mut self) {
        // SAFETY: the frame is the running one.
        // Separate 8-byte loads of sp and pc (they were just stored one by one; a
        // combined 16-byte load would miss store forwarding).
        unsafe {
            (*self.frame).sp = std::ptr::read_volatile(&raw const self.sp);
            (*self.frame).pc = std::ptr::read_volatile(&raw const self.pc);
            (*self.frame).lasti = self.cur.offset_from(self.code_start) as u32;
        }
    }

    pub fn code(&self) -> &'static CodePrefix {
        // SAFETY: the running frame has a code object.
        unsafe { &*(*self.frame).code }
    }

    pub fn oparg_now(&self) -> u32 {
        // SAFETY: cur points at the running instruction.
        unsafe { (*self.cur).arg }
    }
}

macro_rules! impl_helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        impl Helpers for Interp<'_> {
            $(
                #[inline(never)]
                unsafe fn $name(&mut self, $($arg: $ty),*) -> Value {
                    self.sync();
                    match helpers::$name(self, $($arg),*) {
                        Ok(v) => v,
                        Err(e) => {
                            self.vm.pending = e.0;
                            Value::NULL
                        }
                    }
                }
            )*
        }
    };
}
stitch_core::for_each_helper!(impl_helpers);

macro_rules! gen_dispatch {
    ($( $name:ident ($cache:literal, $base:ident) => [$($uop:ident),*]; )*) => {
        /// Runs instructions until one needs the slow path; `STATS` counts them. The
        /// registers live in a [`Fast`] (machine registers) meanwhile.
        #[inline(always)]
        unsafe fn dispatch<const STATS: bool>(it: &mut Interp<'_>) -> Flow {
            let mut r = Fast::new(it);
            let flow = unsafe {
                'run: loop {
                    let cur = r.pc;
                    r.cur = cur;
                    if STATS {
                        count_exec(r.it.vm, (*cur).op);
                    }
                    // SAFETY: the compiler only emits valid opcodes.
                    let op: Op = std::mem::transmute::<u8, Op>((*cur).op);
                    match op {
                        $(
                            Op::$name => {
                                r.pc = cur.add(1 + $cache);
                                $(
                                    match uops::$uop(&mut r) {
                                        Flow::Next => {}
                                        f => break 'run f,
                                    }
                                )*
                            }
                        )*
                    }
                }
            };
            r.spill();
            flow
        }
    };
}
stitch_core::instruction_list!(gen_dispatch);

/// Runs from `entry` (a pushed frame) until it returns or yields.
pub fn run(vm: &mut Vm, entry: *mut Frame) -> PyResult<Exit> {
    run_from(vm, entry, false)
}

#[cold]
fn count_exec(vm: &mut Vm, op: u8) {
    if let Some(s) = vm.stats.as_mut() {
        s.exec[op as usize] += 1;
    }
}

/// Like `run`; with `throwing`, first raises `vm.pending` at the frame's current
/// instruction (for `generator.throw`).
pub fn run_from(vm: &mut Vm, entry: *mut Frame, throwing: bool) -> PyResult<Exit> {
    // The collector skips the interpreter's native frames while it calls out.
    let outer = crate::gc::stack::enter_interp();
    let r = if vm.stats.is_some() {
        run_loop::<true>(vm, entry, throwing)
    } else {
        run_loop::<false>(vm, entry, throwing)
    };
    crate::gc::stack::leave_interp(outer);
    r
}

fn run_loop<const STATS: bool>(vm: &mut Vm, entry: *mut Frame, throwing: bool) -> PyResult<Exit> {
    let mut it = Interp {
        vm,
        frame: entry,
        sp: std::ptr::null_mut(),
        pc: std::ptr::null(),
        cur: std::ptr::null(),
        code_start: std::ptr::null(),
    };
    // SAFETY: entry is the running frame.
    unsafe { it.load(entry) };
    let mut first = throwing;
    let jit_on = it.vm.jit.mode != super::tier2::Mode::Off;
    // A flow reported by a tier-2 trace's exit, handled as if an instruction returned it.
    let mut from_trace = Flow::Next;
    loop {
        let flow = if first {
            first = false;
            // SAFETY: the frame's lasti names the instruction that suspended it.
            unsafe { it.cur = it.code_start.add((*entry).lasti as usize) };
            Flow::Error
        } else if from_trace != Flow::Next {
            std::mem::replace(&mut from_trace, Flow::Next)
        } else {
            // SAFETY: the registers describe the running frame.
            unsafe { dispatch::<STATS>(&mut it) }
        };
        match flow {
            Flow::Next => {}
            Flow::Jump => {
                // SAFETY: jump targets are instruction offsets in the code.
                it.pc = unsafe { it.code_start.add(it.oparg_now() as usize) };
                // SAFETY: cur is the jump; tier 2 runs from the registers just set.
                if jit_on {
                    from_trace = unsafe { super::tier2::on_jump(&mut it) };
                }
            }
            Flow::Redispatch => it.pc = it.cur,
            Flow::Deopt => {
                // A guard failed: an instance attribute or method instruction grows
                // a polymorphic cache when it can; otherwise the instruction goes back
                // to its family's generic form (same stack effect and cache size),
                // backs off before specialising again, and runs generically now.
                // SAFETY: cur is the running instruction word.
                unsafe {
                    let ins = it.cur as *mut Instr;
                    if STATS && let Some(s) = it.vm.stats.as_mut() {
                        s.deopt[(*ins).op as usize] += 1;
                    }
                    if !super::specialize::extend_polymorphic(&mut it) {
                        (*ins).op = (*ins).opcode().family() as u8;
                        super::specialize::backoff(ins);
                    }
                }
                it.pc = it.cur;
            }
            Flow::Call => {
                let f = it.vm.frame;
                // SAFETY: the helper pushed and initialised frame f.
                unsafe { it.load(f) };
            }
            Flow::Return => {
                let f = it.frame;
                // SAFETY: f is the running frame; its return slot holds the value.
                unsafe {
                    let ret = (*f).ret;
                    if (*f).kind & frame_kind::FOR_ITER != 0 {
                        // An inline generator finished: the caller's FOR_ITER_GEN drops
                        // the iterator and leaves its loop.
                        super::generator::finish_inline(it.vm, f, Value::NULL);
                        let caller = it.vm.frame;
                        it.load(caller);
                        let for_iter = it.code_start.add((*caller).lasti as usize);
                        it.sp = ret.sub(1);
                        it.pc = it.code_start.add((*for_iter).arg as usize);
                        continue;
                    }
                    let mut v = *ret;
                    if (*f).kind & frame_kind::INIT != 0 {
                        // `__init__` of an instantiation: the call's value is the instance.
                        if !v.is_none() {
                            let tn = it.vm.type_name(v).to_string();
                            super::call::pop_frame(it.vm, f);
                            let caller = it.vm.frame;
                            it.load(caller);
                            it.cur = it.code_start.add((*caller).lasti as usize);
                            it.vm.pending = it
                                .vm
                                .type_error(format!("__init__() should return None, not '{tn}'"))
                                .0;
                            unwind(&mut it, entry)?;
                            continue;
                        }
                        v = (*f).aux;
                        *ret = v;
                    }
                    if f == entry {
                        super::call::pop_frame(it.vm, f);
                        return Ok(Exit::Return(v));
                    }
                    super::call::pop_frame(it.vm, f);
                    let caller = it.vm.frame;
                    it.load(caller);
                    it.sp = ret.add(1);
                }
            }
            Flow::Yield => {
                let f = it.frame;
                // SAFETY: generators run as entry frames or inline (FOR_ITER); the
                // yielded value is at ret.
                unsafe {
                    if (*f).kind & frame_kind::FOR_ITER != 0 {
                        it.sync();
                        let ret = (*f).ret;
                        super::generator::suspend_inline(it.vm, f);
                        let caller = it.vm.frame;
                        it.load(caller);
                        it.sp = ret.add(1);
                        continue;
                    }
                    let v = *(*f).ret;
                    it.sync();
                    debug_assert!(f == entry && (*f).kind & frame_kind::GENERATOR != 0);
                    return Ok(Exit::Yield(v));
                }
            }
            Flow::Error => {
                unwind(&mut it, entry)?;
            }
        }
    }
}

/// Finds a handler for the pending exception, popping frames up to `entry`. Returns
/// `Err` when the exception leaves the entry frame.
fn unwind(it: &mut Interp<'_>, entry: *mut Frame) -> Result<(), PyErr> {
    let exc = std::mem::replace(&mut it.vm.pending, Value::NULL);
    let mut exc = if exc.is_null() {
        it.vm
            .new_error(it.vm.exc.system_error, "error return without exception set")
            .0
    } else {
        exc
    };
    let mut add_tb = !std::mem::replace(&mut it.vm.reraise, false);
    loop {
        it.sync();
        // SAFETY: the frame is running; lasti was just synced.
        let (frame, lasti) = unsafe { (it.frame, (*it.frame).lasti) };
        if add_tb {
            super::traceback::add_entry(it.vm, exc, frame, lasti);
        }
        add_tb = true;
        if let Some((target, depth)) = super::call::find_handler(frame, lasti) {
            // SAFETY: the handler depth is within the frame's stack.
            unsafe {
                it.sp = (*frame).stack_base().add(depth as usize);
                *it.sp = exc;
                it.sp = it.sp.add(1);
                it.pc = it.code_start.add(target as usize);
            }
            return Ok(());
        }
        if unsafe { (*frame).kind } & frame_kind::FOR_ITER != 0 {
            // SAFETY: an inline generator frame (never the entry) is left by `exc`.
            exc = unsafe { super::generator::finish_inline(it.vm, frame, exc) };
        } else {
            super::call::pop_frame(it.vm, frame);
        }
        if frame == entry {
            return Err(PyErr(exc));
        }
        let caller = it.vm.frame;
        // SAFETY: the caller is a pushed frame; its pc is past the call.
        unsafe {
            it.load(caller);
            it.cur = it.code_start.add((*caller).lasti as usize);
        }
    }
}
