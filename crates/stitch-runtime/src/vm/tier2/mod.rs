//! Tier 2: traces of micro-ops projected from hot loops of specialised tier-1
//! instructions, run as machine code (the copy-and-patch JIT) or by the micro-op
//! interpreter (`-X jit=uops`).
//!
//! A `JUMP_BACKWARD` counts its executions in its instruction word's counter (its
//! `_pad` byte is a back-off exponent). At the threshold the loop it closes is
//! projected into a trace (`project.rs`) and the instruction becomes
//! `JUMP_BACKWARD_TRACE`, whose counter names the trace. From then on the run loop
//! enters the trace at the loop head after every backward jump. Each exit leaves the
//! registers as tier 1 has them at that point, and the run loop goes on with the
//! flow the exit reports. A trace whose guards fail in most of its runs is discarded: the instruction goes back to `JUMP_BACKWARD` and backs off.
//! Discarded traces stay allocated until exit (one may still be on the native stack,
//! under a helper that called back into Python).

pub mod optimize;
pub mod project;
pub mod uop_interp;

use std::io::Write;

use stitch_core::instr::{Instr, Op};
use stitch_core::uops::Flow;

use crate::vm::interp::Interp;
use project::{Projection, Target, TraceOp};

/// How traces run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// No tier 2 (`-X jit=off`).
    Off,
    /// The micro-op interpreter (`-X jit=uops`).
    Uops,
    /// Machine code from stencils (`-X jit=on`, the default).
    Machine,
}

/// Default number of backward jumps before a loop is traced.
const DEFAULT_THRESHOLD: u32 = 64;
/// `Trace::side` of an exit whose side trace could not be projected.
const NO_SIDE: usize = usize::MAX;
/// Back-off exponent added to a loop whose trace mostly left at calls.
const CALL_BACKOFF: u8 = 6;
/// Runs of a trace between checks of its exit rate.
const CHECK_EVERY: u32 = 64;

/// A trace and its counters.
pub struct Trace {
    pub ops: Vec<TraceOp>,
    pub exits: Vec<project::ExitSpec>,
    pub exit_counts: Vec<u32>,
    /// The loop head the trace starts at.
    pub head: *const Instr,
    /// The `JUMP_BACKWARD_TRACE` instructions that enter it (a loop's own back edge,
    /// and `continue`s).
    pub backs: Vec<*mut Instr>,
    pub closed: bool,
    pub runs: u32,
    /// Runs that ended by a failed guard since the last check.
    pub side_exits: u32,
    /// Runs that ended at a call that was not inlined (or a yield) since the last
    /// check: a loop that leaves its trace that way in most iterations runs as fast
    /// in tier 1, without the trace's entry and exit.
    pub call_exits: u32,
    pub live: bool,
    /// Side traces by exit: `Some(i)` runs trace `i` when this exit is taken,
    /// `Some(NO_SIDE)` means projecting one failed.
    pub side: Vec<Option<usize>>,
    /// For a side trace: its main trace (entered again at the loop head).
    pub main: Option<usize>,
    /// The machine code (mode `Machine`).
    pub code: Option<stitch_jit::Trace>,
}

#[derive(Default)]
pub struct Stats {
    pub projected: u64,
    pub failed: u64,
    pub discarded: u64,
    pub runs: u64,
    pub exits: u64,
    pub deopts: u64,
    pub uops: u64,
    pub compile_failed: u64,
    /// Time spent projecting and compiling, in nanoseconds.
    pub compile_ns: u64,
    pub code_bytes: u64,
    /// Guards the optimizer removed, ops it replaced by forms with fewer checks,
    /// loops it peeled, operators it fused with their operands' loads.
    pub guards_removed: u64,
    pub specialised: u64,
    pub peeled: u64,
    pub fused: u64,
}

pub struct Jit {
    pub mode: Mode,
    pub threshold: u32,
    pub dump: bool,
    pub show_stats: bool,
    /// Run the trace optimizer (`-X jit-opt=off` turns it off).
    pub optimize: bool,
    /// `-X perf`: the perf map file (`/tmp/perf-PID.map`).
    pub perf_map: Option<std::fs::File>,
    /// The runtime table compiled code links against (built on first use).
    pub runtime: Option<stitch_jit::Runtime>,
    pub traces: Vec<Trace>,
    /// The live trace starting at each loop head.
    pub by_head: std::collections::HashMap<*const Instr, usize>,
    pub stats: Stats,
}

impl Jit {
    /// Tier 2 is off unless asked for (until machine code replaces the micro-op
    /// interpreter, which is slower than tier 1). Reads `-X jit=off|on|uops`, `-X jit-threshold=N`, `-X jit-dump`, `-X jit-stats`, `-X jit-opt=off`.
    pub fn from_options(xoptions: &[(String, Option<String>)]) -> Jit {
        let mut jit = Jit {
            mode: if stitch_jit::available() {
                Mode::Machine
            } else {
                Mode::Off
            },
            threshold: DEFAULT_THRESHOLD,
            dump: false,
            show_stats: false,
            optimize: true,
            perf_map: None,
            runtime: None,
            traces: Vec::new(),
            by_head: std::collections::HashMap::new(),
            stats: Stats::default(),
        };
        for (name, value) in xoptions {
            match (name.as_str(), value.as_deref()) {
                ("jit", Some("off")) => jit.mode = Mode::Off,
                ("jit", Some("uops")) => jit.mode = Mode::Uops,
                ("jit", Some("on") | None) if stitch_jit::available() => jit.mode = Mode::Machine,
                ("perf", _) => {
                    let path = format!("/tmp/perf-{}.map", std::process::id());
                    jit.perf_map = std::fs::File::create(path).ok();
                }
                ("jit-threshold", Some(n)) => {
                    if let Ok(n) = n.parse::<u32>() {
                        jit.threshold = n.min(u16::MAX as u32);
                    }
                }
                ("jit-dump", _) => jit.dump = true,
                ("jit-opt", Some("off")) => jit.optimize = false,
                ("jit-stats", _) => jit.show_stats = true,
                _ => {}
            }
        }
        jit
    }

    /// Prints `-X jit-stats` to stderr.
    pub fn print_stats(&self) {
        if !self.show_stats {
            return;
        }
        let s = &self.stats;
        let mut e = std::io::stderr().lock();
        let _ = writeln!(
            e,
            "jit: mode {:?}, {} traces ({} failed projections, {} failed compilations, {} discarded), {} uops, {} bytes of code; {} trace runs, {} exits ({} deopts)",
            self.mode,
            s.projected,
            s.failed,
            s.compile_failed,
            s.discarded,
            s.uops,
            s.code_bytes,
            s.runs,
            s.exits,
            s.deopts
        );
        let _ = writeln!(
            e,
            "jit: optimizer removed {} guards, specialised {} ops, fused {} operators, peeled {} loops",
            s.guards_removed, s.specialised, s.fused, s.peeled
        );
        for (i, t) in self.traces.iter().enumerate() {
            let total: u64 = t.exit_counts.iter().map(|&c| c as u64).sum();
            if let Some((x, &c)) = t.exit_counts.iter().enumerate().max_by_key(|(_, c)| **c)
                && total > 0
            {
                let spec = t.exits[x];
                // SAFETY: exits point at instructions of code that is still alive (code
                // objects with traces are not freed before exit... or this is the dump
                // of a live trace).
                let (at, to) = unsafe { ((*spec.cur).opcode().name(), (*spec.pc).opcode().name()) };
                let _ = writeln!(
                    e,
                    "jit: trace {i}: {} uops, {total} exits, hottest exit {x} ({c} times) at {at}, resuming at {to}",
                    t.ops.len()
                );
            }
        }
        if s.projected > 0 {
            let _ = writeln!(
                e,
                "jit: compile time {:.1} us per trace, {:.2} us per uop",
                s.compile_ns as f64 / 1e3 / s.projected as f64,
                s.compile_ns as f64 / 1e3 / s.uops.max(1) as f64
            );
        }
    }
}

/// Called by the run loop after a jump of tier 1 (`cur` is the jump, `pc` its
/// target): counts conditional jumps taken (their traces follow the common
/// direction) and handles backward jumps.
///
/// # Safety
/// As for `on_backward_jump`.
#[inline]
pub unsafe fn on_jump(it: &mut Interp<'_>) -> Flow {
    unsafe {
        let ins = it.cur as *mut Instr;
        match (*ins).opcode() {
            Op::JUMP_BACKWARD | Op::JUMP_BACKWARD_TRACE => on_backward_jump(it),
            Op::POP_JUMP_IF_FALSE
            | Op::POP_JUMP_IF_TRUE
            | Op::POP_JUMP_IF_NONE
            | Op::POP_JUMP_IF_NOT_NONE => {
                (*ins).counter = (*ins).counter.saturating_add(1);
                Flow::Next
            }
            _ => Flow::Next,
        }
    }
}

/// Called by the run loop after a backward jump (`cur` is the jump, `pc` the loop
/// head). Counts, traces hot loops and runs their traces. Returns the flow the run
/// loop continues with (`Next`: dispatch from `pc`).
///
/// # Safety
/// The registers describe the running frame, just after the jump.
pub unsafe fn on_backward_jump(it: &mut Interp<'_>) -> Flow {
    unsafe {
        let ins = it.cur as *mut Instr;
        if (*ins).op == Op::JUMP_BACKWARD as u8 {
            // Back-off doubles from at least 1, so that even `-X jit-threshold=0`
            // does not rebuild a discarded trace at every iteration.
            let pad = (*ins)._pad.min(14);
            let limit = if pad == 0 {
                it.vm.jit.threshold
            } else {
                (it.vm.jit.threshold.max(1) << pad).min(u16::MAX as u32)
            };
            if ((*ins).counter as u32) < limit {
                (*ins).counter += 1;
                return Flow::Next;
            }
            (*ins).counter = 0;
            if !start_trace(it, ins, limit) {
                (*ins)._pad = (*ins)._pad.saturating_add(1);
                it.vm.jit.stats.failed += 1;
                return Flow::Next;
            }
        }
        run_trace(it, ins)
    }
}

/// Projects the loop closed by `back` and installs its trace.
unsafe fn start_trace(it: &mut Interp<'_>, back: *mut Instr, iterations: u32) -> bool {
    let head = it.pc;
    let index = match it.vm.jit.by_head.get(&head) {
        // Another back edge of a loop that already has a trace.
        Some(&index) => index,
        None => match unsafe { build_trace(it, head, head, back, iterations, None) } {
            Some(index) => {
                it.vm.jit.by_head.insert(head, index);
                index
            }
            None => return false,
        },
    };
    it.vm.jit.traces[index].backs.push(back);
    // SAFETY: back is the running code's JUMP_BACKWARD word.
    unsafe {
        (*back).op = Op::JUMP_BACKWARD_TRACE as u8;
        (*back).counter = index as u16;
    }
    true
}

/// Projects and compiles a trace from `start` in the loop at `head` closed by `back`
/// (a side trace of `main` when given) and adds it to the table.
unsafe fn build_trace(
    it: &mut Interp<'_>,
    start: *const Instr,
    head: *const Instr,
    back: *const Instr,
    iterations: u32,
    main: Option<usize>,
) -> Option<usize> {
    let started = std::time::Instant::now();
    // SAFETY: the running frame's code is a live code object.
    let consts = unsafe { (*(*it.frame).code).consts };
    let Projection {
        mut ops,
        exits,
        closed,
    } = (unsafe { project::project(it.code_start, consts, start, head, back, iterations) })?;
    let jit = &mut it.vm.jit;
    if jit.optimize {
        let r = optimize::optimize(&mut ops, closed);
        jit.stats.guards_removed += r.guards_removed as u64;
        jit.stats.specialised += r.specialised as u64;
        jit.stats.peeled += r.peeled as u64;
        jit.stats.fused += r.fused as u64;
    }
    let index = jit.traces.len();
    if index > stitch_jit::MAX_TAG as usize {
        return None;
    }
    let code = if jit.mode == Mode::Machine {
        let rt = jit
            .runtime
            .get_or_insert_with(crate::jit::shims::runtime_table);
        match stitch_jit::compile_tagged(&ops, &exits, rt, index as u32) {
            Ok(code) => Some(code),
            Err(_) => {
                jit.stats.compile_failed += 1;
                return None;
            }
        }
    } else {
        None
    };
    if jit.dump {
        dump(it, &ops, &exits, index, code.as_ref());
    }
    let jit = &mut it.vm.jit;
    if let Some(c) = &code {
        jit.stats.code_bytes += c.code().len() as u64;
        if let Some(f) = jit.perf_map.as_mut() {
            // SAFETY: a frame's code is a code object.
            let co = unsafe { &*((*it.frame).code as *const crate::object::function::CodeObj) };
            let name = crate::object::str::as_str(co.qualname);
            let _ = writeln!(
                f,
                "{:x} {:x} stitch-trace-{index}:{name}",
                c.addr(),
                c.code().len()
            );
        }
    }
    jit.stats.compile_ns += started.elapsed().as_nanos() as u64;
    jit.stats.projected += 1;
    jit.stats.uops += ops.len() as u64;
    jit.traces.push(Trace {
        exit_counts: vec![0; exits.len()],
        side: vec![None; exits.len()],
        main,
        ops,
        exits,
        head,
        backs: Vec::new(),
        closed,
        runs: 0,
        side_exits: 0,
        call_exits: 0,
        live: true,
        code,
    });
    Some(index)
}

/// Runs the trace installed at `back` and accounts for its exits. A branch exit
/// taken often grows a side trace, run next without returning to tier 1; a side
/// trace that reaches the loop's back edge goes on with the loop's trace.
unsafe fn run_trace(it: &mut Interp<'_>, back: *mut Instr) -> Flow {
    let root = unsafe { (*back).counter } as usize;
    let mut index = root;
    loop {
        // The trace table may grow while the trace runs (a helper calling back into
        // Python traces another loop): run from a raw pointer to the element.
        let t: *const Trace = &it.vm.jit.traces[index];
        let (exit, flow) = unsafe {
            match &(*t).code {
                Some(code) => {
                    let regs = it as *mut Interp<'_> as *mut stitch_core::frame::Regs;
                    let r = (code.entry())(regs, it.sp);
                    // A linked exit may have led into another trace: the code names it.
                    index = stitch_jit::exit_tag(r);
                    stitch_jit::exit_flow(r)
                }
                None => uop_interp::run(it, &*t),
            }
        };
        let jit = &mut it.vm.jit;
        jit.stats.runs += 1;
        jit.stats.exits += 1;
        if flow == Flow::Deopt {
            jit.stats.deopts += 1;
        }
        let t = &mut jit.traces[index];
        t.runs += 1;
        t.exit_counts[exit] = t.exit_counts[exit].saturating_add(1);
        // Leaving by a branch the trace did not follow is normal (tier 1 runs that
        // path, or a side trace does); failing a guard means the types changed.
        if flow == Flow::Deopt {
            t.side_exits += 1;
        }
        if matches!(flow, Flow::Call | Flow::Yield) {
            t.call_exits += 1;
        }
        if t.runs >= CHECK_EVERY {
            let bad = t.side_exits * 2 > t.runs;
            let calls = t.call_exits * 2 > t.runs;
            t.runs = 0;
            t.side_exits = 0;
            t.call_exits = 0;
            if (bad || calls) && t.main.is_none() {
                discard(it, index, if calls { CALL_BACKOFF } else { 1 });
                return flow;
            }
        }
        if flow != Flow::Next || !it.vm.jit.traces[root].live {
            return flow;
        }
        let t = &it.vm.jit.traces[index];
        let spec = t.exits[exit];
        if t.main.is_some() && spec.pc == it.vm.jit.traces[root].head {
            link(&it.vm.jit, index, exit, root);
            index = root;
            continue;
        }
        match t.side[exit] {
            Some(NO_SIDE) => return flow,
            Some(j) => {
                index = j;
                continue;
            }
            None => {}
        }
        let count = t.exit_counts[exit];
        // SAFETY: exits point into the running code.
        let branch = unsafe {
            matches!(
                (*spec.cur).opcode(),
                Op::POP_JUMP_IF_FALSE
                    | Op::POP_JUMP_IF_TRUE
                    | Op::POP_JUMP_IF_NONE
                    | Op::POP_JUMP_IF_NOT_NONE
            )
        };
        // As many exits to the same branch target as loop iterations before a trace.
        if !branch || count < it.vm.jit.threshold.max(1) || it.pc != spec.pc {
            return flow;
        }
        let (head, loop_back) = {
            let r = &it.vm.jit.traces[root];
            (r.head, r.backs.first().copied().unwrap_or(back))
        };
        let side = unsafe { build_trace(it, spec.pc, head, loop_back, count, Some(root)) };
        it.vm.jit.traces[index].side[exit] = Some(side.unwrap_or(NO_SIDE));
        match side {
            Some(j) => {
                link(&it.vm.jit, index, exit, j);
                index = j;
            }
            None => return flow,
        }
    }
}

/// Makes exit `exit` of trace `from` jump straight into trace `to` (machine code
/// only; the micro-op interpreter chains through `run_trace`).
fn link(jit: &Jit, from: usize, exit: usize, to: usize) {
    if let (Some(a), Some(b)) = (&jit.traces[from].code, &jit.traces[to].code) {
        // SAFETY: traces are never freed before exit and run on this thread only;
        // both run from the same registers at this point of the loop.
        unsafe {
            a.link_exit(exit, Flow::Next, b.addr());
        }
    }
}

/// Drops trace `index`: its loop goes back to tier 1 and backs off before tracing again.
fn discard(it: &mut Interp<'_>, index: usize, backoff: u8) {
    let t = &mut it.vm.jit.traces[index];
    if !t.live {
        return;
    }
    t.live = false;
    let head = t.head;
    for &back in &t.backs {
        // SAFETY: the jump instructions belong to a live code object (a trace is only
        // discarded while its loop runs).
        unsafe {
            (*back).op = Op::JUMP_BACKWARD as u8;
            (*back).counter = 0;
            (*back)._pad = (*back)._pad.saturating_add(backoff);
        }
    }
    it.vm.jit.by_head.remove(&head);
    it.vm.jit.stats.discarded += 1;
}

/// `-X jit-dump`: the trace's micro-ops and exits, to stderr.
fn dump(
    it: &Interp<'_>,
    ops: &[TraceOp],
    exits: &[project::ExitSpec],
    index: usize,
    machine: Option<&stitch_jit::Trace>,
) {
    let off = |p: *const Instr| unsafe { p.offset_from(it.code_start) };
    // SAFETY: a frame's code is a code object, whose layout begins with the prefix.
    let code = unsafe { &*((*it.frame).code as *const crate::object::function::CodeObj) };
    let name = crate::object::str::as_str(code.qualname);
    let mut out = format!(
        "trace {index} in {name}: {} uops, {} exits\n",
        ops.len(),
        exits.len()
    );
    let tgt = |t: Target| match t {
        Target::Op(i) => format!("op {i}"),
        Target::Exit(x) => format!("exit {x}"),
    };
    for (i, op) in ops.iter().enumerate() {
        out.push_str(&format!(
            "  {i:4} @{:<5} {:<28} {:<6} next={} jump={} deopt={} other={}\n",
            off(op.cur),
            op.uop.name(),
            op.oparg,
            tgt(op.on_next),
            tgt(op.on_jump),
            tgt(op.on_deopt),
            tgt(op.on_other)
        ));
    }
    for (i, e) in exits.iter().enumerate() {
        out.push_str(&format!(
            "  exit {i}: at @{} resume @{}\n",
            off(e.cur),
            off(e.pc)
        ));
    }
    if let Some(c) = machine {
        out.push_str(&format!(
            "  machine code: {} bytes at {:#x}\n",
            c.code().len(),
            c.addr()
        ));
        out.push_str(&c.dump(ops));
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}
