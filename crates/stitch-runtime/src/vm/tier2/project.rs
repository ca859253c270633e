//! Trace projection: a loop of specialised tier-1 instructions, from the target of a
//! hot `JUMP_BACKWARD` (the loop head) along the fall-through path, becomes a list of
//! micro-ops with their operands and continuations.
//!
//! Every continuation is either another op of the trace or an exit. An exit names
//! the instruction tier 1 stands at and the next instruction; taking it leaves the
//! interpreter registers exactly as tier 1 has them when that instruction's micro-op
//! returned the same flow, so tier 1 goes on from there (a failed guard makes tier 1
//! run the instruction's generic form; an error unwinds from the instruction; a jump
//! not followed by the trace resumes at its target).

use stitch_core::instr::{Instr, Op};
use stitch_core::layout::{FunctionPrefix, Kind, code_flags};
use stitch_core::uops::{Uop, flags};
use stitch_core::value::Value;

/// Most micro-ops in one trace.
const MAX_OPS: usize = 500;
/// Calls inlined into each other, at most.
const MAX_INLINE_DEPTH: usize = 3;
/// Fewer micro-ops than this are not worth a trace.
const MIN_OPS: usize = 3;

pub use stitch_jit::{ExitSpec, Op as TraceOp, Target};

/// A projected trace.
pub struct Projection {
    pub ops: Vec<TraceOp>,
    pub exits: Vec<ExitSpec>,
    /// True when the last op jumps back to the first (a closed loop).
    pub closed: bool,
}

struct Builder {
    ops: Vec<TraceOp>,
    exits: Vec<ExitSpec>,
}

impl Builder {
    fn exit(&mut self, cur: *const Instr, pc: *const Instr) -> Target {
        let spec = ExitSpec { cur, pc };
        let i = match self.exits.iter().position(|e| e.cur == cur && e.pc == pc) {
            Some(i) => i,
            None => {
                self.exits.push(spec);
                self.exits.len() - 1
            }
        };
        Target::Exit(i)
    }
}

/// Whether an instruction can be part of a trace (its micro-ops, SPECIALIZE aside,
/// all run outside tier 1).
fn traceable(op: Op) -> bool {
    op.uops()
        .iter()
        .all(|u| *u == Uop::SPECIALIZE || u.flags() & flags::TIER1 == 0)
}

/// The first instruction and the constants of `f`'s code when `f` is a plain Python
/// function (not a generator or coroutine function) whose calls can be inlined.
///
/// # Safety
/// `f` comes from a call cache, which keeps its function alive (see
/// `CodeObj::trace`).
unsafe fn callee_code(f: Value) -> Option<(*const Instr, *const Value)> {
    if !f.is_kind(Kind::Function) {
        return None;
    }
    // SAFETY: f is a live function; its code is a code object.
    unsafe {
        let code = (*f.ptr::<FunctionPrefix>()).code;
        let lazy = code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR;
        if (*code).flags & lazy != 0 {
            return None;
        }
        Some(((*code).instrs, (*code).consts))
    }
}

/// A trace-only op standing for instruction `cur` (entering or leaving an inlined call).
fn glue(
    uop: Uop,
    cur: *const Instr,
    next_pc: *const Instr,
    on_next: Target,
    stay: Target,
) -> TraceOp {
    TraceOp {
        uop,
        oparg: 0,
        operands: Vec::new(),
        cur,
        next_pc,
        on_next,
        on_jump: stay,
        on_deopt: stay,
        on_other: stay,
    }
}

/// Projects the loop whose head is `head` and whose back edge is the `JUMP_BACKWARD`
/// at `back`. `None` when nothing worth a trace was found.
///
/// # Safety
/// `head` and `back` point into the instructions of one live code object starting at
/// `code_start`, whose jump targets are valid.
/// Conditional jumps follow the direction tier 1 took most often: their counters hold
/// how often they jumped while the loop ran `iterations` times (the counters restart).
///
/// A side trace starts at `start` (a hot exit of the loop's trace) instead of `head`;
/// reaching the loop's back edge, it exits to the head (where the loop's trace runs).
///
/// `consts` are the constants of the code: a `LOAD_CONST` op gets its constant as
/// operand 0 (for the optimizer, and `LOAD_CONST_INLINE`).
pub unsafe fn project(
    mut code_start: *const Instr,
    mut consts: *const Value,
    start: *const Instr,
    head: *const Instr,
    back: *const Instr,
    iterations: u32,
) -> Option<Projection> {
    let mut b = Builder {
        ops: Vec::new(),
        exits: Vec::new(),
    };
    let mut pc = start;
    let mut closed = false;
    let mut seen: Vec<*const Instr> = Vec::new();
    // Inlined calls: where each returns to, the caller's first instruction and constants.
    let mut frames: Vec<(*const Instr, *const Instr, *const Value)> = Vec::new();
    // SAFETY (whole loop): pc walks valid instructions: fall-through successors and
    // jump targets of the code.
    unsafe {
        loop {
            if b.ops.len() >= MAX_OPS || (frames.is_empty() && seen.contains(&pc)) {
                break;
            }
            if frames.is_empty() {
                seen.push(pc);
            }
            let ins = *pc;
            let op = ins.opcode();
            let next = pc.add(1 + op.cache_words());
            match op {
                Op::JUMP => {
                    pc = code_start.add(ins.arg as usize);
                    continue;
                }
                // Another loop's back edge (an inner loop that was not unrolled).
                // (Inside an inlined call, any back edge is the callee's own loop.)
                Op::JUMP_BACKWARD | Op::JUMP_BACKWARD_TRACE
                    if !frames.is_empty()
                        || (pc != back && code_start.add(ins.arg as usize) != head) =>
                {
                    break;
                }
                _ => {}
            }
            if !traceable(op) {
                break;
            }
            let operands: Vec<u64> = if op == Op::LOAD_CONST {
                vec![(*consts.add(ins.arg as usize)).0]
            } else {
                (0..op.cache_words())
                    .map(|i| *(pc.add(1 + i) as *const u64))
                    .collect()
            };
            let jump_target = if op.is_jump() {
                code_start.add(ins.arg as usize)
            } else {
                next
            };
            // A back edge to this loop's head (the loop's own, or a `continue`).
            let is_back = matches!(op, Op::JUMP_BACKWARD | Op::JUMP_BACKWARD_TRACE);
            let conditional = matches!(
                op,
                Op::POP_JUMP_IF_FALSE
                    | Op::POP_JUMP_IF_TRUE
                    | Op::POP_JUMP_IF_NONE
                    | Op::POP_JUMP_IF_NOT_NONE
            );
            let taken = conditional && (ins.counter as u32) * 2 > iterations.max(1);
            if conditional {
                (*(pc as *mut Instr)).counter = 0;
            }
            let uops: Vec<Uop> = op
                .uops()
                .iter()
                .copied()
                .filter(|u| *u != Uop::SPECIALIZE)
                .collect();
            // A call of one known Python function continues into its code.
            let inline = if matches!(
                op,
                Op::CALL_PY_EXACT_ARGS | Op::CALL_BOUND_METHOD_EXACT_ARGS
            ) && frames.len() < MAX_INLINE_DEPTH
            {
                operands.first().and_then(|&w| callee_code(Value(w)))
            } else {
                None
            };
            let inlined_return = op == Op::RETURN_VALUE && !frames.is_empty();
            let mut leaves = false;
            for u in uops {
                let i = b.ops.len();
                let stay = b.exit(pc, next);
                let continues = (inline.is_some() && u == Uop::CALL_PY_EXACT_ARGS)
                    || (inlined_return && u == Uop::RETURN_VALUE);
                let (on_next, on_jump) = if is_back {
                    let to_head = if start == head {
                        Target::Op(0)
                    } else {
                        b.exit(pc, head)
                    };
                    (Target::Op(i + 1), to_head)
                } else if taken {
                    (stay, Target::Op(i + 1))
                } else {
                    (Target::Op(i + 1), b.exit(pc, jump_target))
                };
                leaves |= u.flags() & flags::LEAVE != 0 && !inlined_return;
                b.ops.push(TraceOp {
                    uop: u,
                    oparg: ins.arg,
                    operands: operands.clone(),
                    cur: pc,
                    next_pc: next,
                    on_next,
                    on_jump,
                    on_deopt: stay,
                    on_other: if continues { Target::Op(i + 1) } else { stay },
                });
            }
            if let Some((callee, callee_consts)) = inline {
                // The call pushed the callee's frame: run on in it.
                let i = b.ops.len();
                let stay = b.exit(pc, next);
                b.ops
                    .push(glue(Uop::ENTER_INLINED, pc, next, Target::Op(i + 1), stay));
                frames.push((next, code_start, consts));
                code_start = callee;
                consts = callee_consts;
                pc = callee;
                continue;
            }
            if inlined_return && let Some((ret_pc, caller_start, caller_consts)) = frames.pop() {
                // The callee returned: run on in the caller after the call.
                let i = b.ops.len();
                let stay = b.exit(pc, next);
                b.ops
                    .push(glue(Uop::LEAVE_INLINED, pc, next, Target::Op(i + 1), stay));
                code_start = caller_start;
                consts = caller_consts;
                pc = ret_pc;
                continue;
            }
            if is_back {
                closed = true;
                break;
            }
            pc = if taken { jump_target } else { next };
            if leaves {
                break;
            }
        }
        if b.ops.len() < MIN_OPS {
            return None;
        }
        // Nothing continues past the last op: tier 1 resumes where the projection
        // stopped (the instruction that was not traced, or after the back edge).
        let end = b.exit(pc, pc);
        let n = b.ops.len();
        for op in &mut b.ops {
            for t in [
                &mut op.on_next,
                &mut op.on_jump,
                &mut op.on_deopt,
                &mut op.on_other,
            ] {
                if matches!(*t, Target::Op(j) if j >= n) {
                    *t = end;
                }
            }
        }
    }
    Some(Projection {
        ops: b.ops,
        exits: b.exits,
        closed,
    })
}
