//! Assembly: from a unit's instruction list (with labels and the `Setup`/`PopBlock`
//! pseudo-ops) to a `CodeUnit`: basic blocks, stack depths, the exception table,
//! jump targets and inline-cache words.
//!
//! The exception table is derived statically (as in CPython 3.11): a `Setup` opens a
//! protected range whose handler receives the stack cut to the depth it had at the
//! `Setup` (minus `adjust`), plus the exception. The stack depth and the stack of open
//! handlers are propagated along the control-flow graph.

use stitch_core::instr::{Instr, Op};

use crate::code::{CodeUnit, ExceptionEntry, Location};
use crate::codegen::Unit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrKind {
    Op(Op),
    Label,
    /// Open a handler at label `arg`.
    Setup { adjust: u32 },
    /// Close the innermost handler.
    PopBlock,
}

#[derive(Clone, Copy, Debug)]
pub struct Ir {
    pub kind: IrKind,
    pub arg: u32,
    pub loc: Location,
}

/// An open handler: its label and the stack depth it restores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Handler {
    label: u32,
    depth: u32,
}

/// True when control never falls through `op`.
fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP | Op::JUMP_BACKWARD | Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE
    )
}

/// Stack effect when `op` jumps (for jump instructions).
fn jump_effect(op: Op) -> i64 {
    match op {
        Op::FOR_ITER => -1,
        Op::SEND => -1,
        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE | Op::POP_JUMP_IF_NONE | Op::POP_JUMP_IF_NOT_NONE => -1,
        _ => 0,
    }
}

/// Stack effect when `op` falls through.
fn effect(op: Op, arg: u32) -> i64 {
    let mut d: i64 = 0;
    for u in op.uops() {
        let (p, q) = u.stack_effect(arg);
        d = d - p as i64 + q as i64;
    }
    d
}

pub(crate) fn assemble(u: Unit<'_>, filename: &str) -> Result<CodeUnit, String> {
    let ir = u.ir;
    let nlabels = u.next_label as usize;
    // Label -> index in `ir`.
    let mut label_at = vec![usize::MAX; nlabels];
    for (i, x) in ir.iter().enumerate() {
        if x.kind == IrKind::Label {
            label_at[x.arg as usize] = i;
        }
    }
    // Flow analysis over ir positions: depth and handler stack at each entry.
    let n = ir.len();
    let mut depth_at: Vec<Option<i64>> = vec![None; n + 1];
    let mut handlers_at: Vec<Option<Vec<Handler>>> = vec![None; n + 1];
    let mut work: Vec<usize> = Vec::new();
    let mut max_depth: i64 = 0;
    let visit = |pos: usize,
                     d: i64,
                     h: &Vec<Handler>,
                     depth_at: &mut Vec<Option<i64>>,
                     handlers_at: &mut Vec<Option<Vec<Handler>>>,
                     work: &mut Vec<usize>|
     -> Result<(), String> {
        match depth_at[pos] {
            None => {
                depth_at[pos] = Some(d);
                handlers_at[pos] = Some(h.clone());
                work.push(pos);
                Ok(())
            }
            Some(old) if old != d => Err(format!(
                "internal compiler error: inconsistent stack depth ({old} vs {d}) at {pos} in {filename}"
            )),
            _ => Ok(()),
        }
    };
    visit(0, 0, &Vec::new(), &mut depth_at, &mut handlers_at, &mut work)?;
    // Per-position handler for real instructions.
    let mut handler_of: Vec<Option<Handler>> = vec![None; n];
    while let Some(start) = work.pop() {
        let mut pos = start;
        let mut d = depth_at[pos].unwrap();
        let mut hs = handlers_at[pos].clone().unwrap();
        loop {
            if pos >= n {
                break;
            }
            if pos != start && depth_at[pos].is_some() {
                // Already analysed from here (a label reached by fall-through).
                visit(pos, d, &hs, &mut depth_at, &mut handlers_at, &mut work)?;
                break;
            }
            if pos != start {
                depth_at[pos] = Some(d);
                handlers_at[pos] = Some(hs.clone());
            }
            let x = ir[pos];
            match x.kind {
                IrKind::Label => {}
                IrKind::Setup { adjust } => {
                    let hd = d - adjust as i64;
                    let h = Handler {
                        label: x.arg,
                        depth: hd as u32,
                    };
                    let target = label_at[x.arg as usize];
                    let outer = hs.clone();
                    visit(target, hd + 1, &outer, &mut depth_at, &mut handlers_at, &mut work)?;
                    max_depth = max_depth.max(hd + 1);
                    hs.push(h);
                }
                IrKind::PopBlock => {
                    hs.pop();
                }
                IrKind::Op(op) => {
                    handler_of[pos] = hs.last().copied();
                    if op.is_jump() {
                        let target = label_at[x.arg as usize];
                        let jd = d + jump_effect(op);
                        // FOR_ITER and SEND jump after their fall-through effect is undone.
                        visit(target, jd, &hs, &mut depth_at, &mut handlers_at, &mut work)?;
                    }
                    d += effect(op, x.arg);
                    if d < 0 {
                        return Err(format!("internal compiler error: stack underflow in {filename}"));
                    }
                    max_depth = max_depth.max(d);
                    if is_terminator(op) {
                        break;
                    }
                }
            }
            pos += 1;
        }
    }
    // Lay out the real instructions: offsets in words, with cache words.
    let mut offset_of = vec![0u32; n + 1];
    let mut off = 0u32;
    for (i, x) in ir.iter().enumerate() {
        offset_of[i] = off;
        if let IrKind::Op(op) = x.kind {
            off += 1 + op.cache_words() as u32;
        }
    }
    offset_of[n] = off;
    let label_offset = |l: u32| offset_of[label_at[l as usize]];
    let mut code = Vec::with_capacity(off as usize);
    let mut locations = Vec::with_capacity(off as usize);
    let mut table: Vec<ExceptionEntry> = Vec::new();
    for (i, x) in ir.iter().enumerate() {
        let IrKind::Op(mut op) = x.kind else { continue };
        let mut arg = x.arg;
        if op.is_jump() {
            arg = label_offset(arg);
            if op == Op::JUMP && arg <= offset_of[i] {
                op = Op::JUMP_BACKWARD;
            }
        }
        code.push(Instr::new(op, arg));
        locations.push(x.loc);
        for _ in 0..op.cache_words() {
            code.push(Instr::default());
            locations.push(x.loc);
        }
        if let Some(h) = handler_of[i] {
            let start = offset_of[i];
            let end = start + 1 + op.cache_words() as u32;
            let target = label_offset(h.label);
            match table.last_mut() {
                Some(last) if last.end == start && last.target == target && last.depth == h.depth => {
                    last.end = end;
                }
                _ => table.push(ExceptionEntry {
                    start,
                    end,
                    target,
                    depth: h.depth,
                }),
            }
        }
    }
    Ok(CodeUnit {
        name: u.name,
        qualname: u.qualname,
        filename: filename.to_string(),
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        names: u.names,
        consts: u.consts,
        code,
        locations,
        exception_table: table,
        stacksize: max_depth as u32 + 2,
        flags: u.flags,
        docstring: u.docstring,
    })
}
