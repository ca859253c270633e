//! Stitch's copy-and-patch JIT back end.
//!
//! build.rs compiles every micro-op not flagged TIER1 into a stencil (machine code
//! with holes, see `holes.rs`) from the same definitions the interpreter inlines.
//! [`compile`] lays a trace out (ops in order, a stencil's final `jmp hole_next`
//! dropped when the next op follows it; then exit stubs, trampolines to the runtime,
//! read-only data), copies the stencils into fresh memory, patches their holes, and
//! makes the memory executable.
//!
//! Calling convention of compiled code: `extern "C" fn(regs: *mut Regs, sp: *mut
//! Value) -> u64`; every stencil has that signature and continues by a jump, so a
//! trace runs with the stack pointer of its entry and returns from an exit stub.

mod disasm;
mod holes;
mod mem;
mod x86_64;

use std::collections::HashMap;

pub use disasm::disassemble;
pub use holes::{Hole, Stencil, Sym};
pub use stitch_core::uops::{Flow, Uop};
pub use x86_64::{Reloc, check_stack};

use stitch_core::frame::Regs;
use stitch_core::instr::Instr;
use stitch_core::value::Value;

mod tables {
    use super::holes::{Hole, Stencil, Sym};
    use super::x86_64::Reloc;
    use stitch_core::uops::Flow;
    include!(concat!(env!("OUT_DIR"), "/stencils.rs"));
}

/// Where a flow continues: an op of this trace, or an exit (index into `exits`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    Op(usize),
    Exit(usize),
}

/// The interpreter state an exit resumes from.
#[derive(Clone, Copy, Debug)]
pub struct ExitSpec {
    pub cur: *const Instr,
    pub pc: *const Instr,
}

/// One micro-op of a trace.
#[derive(Clone, Debug)]
pub struct Op {
    pub uop: Uop,
    pub oparg: u32,
    /// `operand(i)` returns `operands[i]` (0 past the end; at most 12 are read).
    pub operands: Vec<u64>,
    /// The tier-1 instruction this uop stands for (stored to `regs.cur` before helper calls).
    pub cur: *const Instr,
    /// The tier-1 instruction after it (stored to `regs.pc` before helper calls).
    pub next_pc: *const Instr,
    /// Where `Flow::Next` continues (`Op(i + 1)`: no jump is emitted).
    pub on_next: Target,
    /// Where `Flow::Jump` continues.
    pub on_jump: Target,
    /// Where `Flow::Deopt` continues.
    pub on_deopt: Target,
    /// Where `Error`, `Call`, `Return` and `Yield` continue.
    pub on_other: Target,
}

/// What compiled code calls and reads in the runtime.
#[derive(Clone, Debug)]
pub struct Runtime {
    /// Addresses of the `stitch_helper_*` shims, in `for_each_helper!` order.
    pub helpers: Vec<usize>,
    /// The eval-breaker byte (`Env::pending`).
    pub pending_flag: *const u8,
}

// SAFETY: `pending_flag` points at a static byte the runtime only reads and
// writes atomically; the helper addresses are plain code addresses.
unsafe impl Send for Runtime {}
unsafe impl Sync for Runtime {}

/// Why a trace could not be compiled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CompileError {
    Empty,
    /// The uop has no stencil (TIER1, or no JIT for this target).
    NoStencil(Uop),
    /// Op `i` can continue to a target that names an op or exit that does not exist
    /// (targets of flows its uop never takes are not looked at).
    BadTarget(usize),
    /// The runtime table lacks helper `i`.
    MissingHelper(usize),
    /// A hole's value does not fit its relocation (e.g. an oparg beyond 32 bits).
    OutOfRange(usize),
    /// mmap or mprotect failed.
    Memory,
}

/// The signature of compiled code.
pub type Entry = unsafe extern "C" fn(*mut Regs, *mut Value) -> u64;

/// A compiled trace: owns its executable memory.
pub struct Trace {
    mem: mem::ExecMem,
    len: usize,
    op_offsets: Vec<usize>,
    /// Where the ops' code ends (exit stubs follow).
    ops_len: usize,
    /// Offset of the exit stub of each (exit, reported flow).
    stubs: HashMap<(usize, u8), usize>,
}

impl Trace {
    /// Runs the trace. Every exit stores `regs.sp`, `regs.cur = exits[i].cur`,
    /// `regs.pc = exits[i].pc` and returns `(i << 8) | flow` (see [`exit_flow`]).
    pub fn entry(&self) -> Entry {
        // SAFETY: offset 0 is the first op's stencil, built with this signature.
        unsafe { std::mem::transmute::<usize, Entry>(self.mem.addr()) }
    }
    /// The machine code (ops, exits, trampolines and data).
    pub fn code(&self) -> &[u8] {
        &self.mem.bytes()[..self.len]
    }
    /// Address of the code.
    pub fn addr(&self) -> usize {
        self.mem.addr()
    }
    /// Links exit `exit` (taken by a continuation of flow `flow`) to the code at
    /// `target` (another trace's entry, which runs from the same registers): the stub
    /// becomes a jump there instead of returning to the interpreter. False when the
    /// trace has no such stub or the memory could not be remapped.
    ///
    /// # Safety
    /// `target` is the entry of compiled code that outlives this trace's use, and no
    /// other thread runs this trace.
    pub unsafe fn link_exit(&self, exit: usize, flow: Flow, target: usize) -> bool {
        let Some(&off) = self.stubs.get(&(exit, exit_code_flow(flow) as u8)) else {
            return false;
        };
        let jump = x86_64::absolute_jump(target as u64);
        // SAFETY: the stub is at least as long as the jump (checked by the caller's
        // layout: a stub stores three registers), inside our mapping.
        unsafe { self.mem.patch(off, &jump) }
    }
    /// Offset of each op's code in [`Trace::code`].
    pub fn op_offsets(&self) -> &[usize] {
        &self.op_offsets
    }
    /// The disassembly, each op's code headed by its uop and oparg (`ops` as
    /// compiled), then the exit stubs, trampolines and data.
    pub fn dump(&self, ops: &[Op]) -> String {
        let code = self.code();
        let ends: Vec<usize> = self
            .op_offsets
            .iter()
            .skip(1)
            .copied()
            .chain([self.ops_end()])
            .collect();
        let mut out = String::new();
        for (i, (op, (&start, &end))) in ops
            .iter()
            .zip(self.op_offsets.iter().zip(&ends))
            .enumerate()
        {
            out.push_str(&format!("; {i}: {} {}\n", op.uop.name(), op.oparg));
            out.push_str(&disassemble(&code[start..end], self.addr() + start));
        }
        out.push_str("; exits, trampolines, data\n");
        let tail = self.ops_end();
        out.push_str(&disassemble(&code[tail..], self.addr() + tail));
        out
    }
    fn ops_end(&self) -> usize {
        self.ops_len
    }
}

/// Splits an exit's return code into the exit index and the flow.
pub fn exit_flow(code: u64) -> (usize, Flow) {
    const FLOWS: [Flow; 8] = [
        Flow::Next,
        Flow::Jump,
        Flow::Deopt,
        Flow::Error,
        Flow::Call,
        Flow::Return,
        Flow::Yield,
        Flow::Redispatch,
    ];
    (
        ((code >> 8) & EXIT_MASK) as usize,
        FLOWS[(code & 7) as usize],
    )
}

/// Exit indices are 12 bits of an exit code, above the flow byte.
const EXIT_MASK: u64 = 0xFFF;
/// The largest tag [`compile_tagged`] accepts (12 bits above the exit index).
pub const MAX_TAG: u32 = 0xFFF;

/// The tag of the trace an exit code came from (see [`compile_tagged`]).
pub fn exit_tag(code: u64) -> usize {
    ((code >> 20) & MAX_TAG as u64) as usize
}

/// A stencil's size and holes, for the rules test and statistics.
#[derive(Clone, Copy, Debug)]
pub struct StencilInfo {
    pub code: &'static [u8],
    pub data: &'static [u8],
    pub holes: &'static [Hole],
    /// Ends with `jmp hole_next` (dropped when the next op follows).
    pub falls_through: bool,
    /// The flow whose jump ends the code (dropped when it continues with the next op).
    pub tail: Option<Flow>,
}

fn info(s: &'static Stencil) -> StencilInfo {
    StencilInfo {
        code: s.code,
        data: s.data,
        holes: s.holes,
        falls_through: s.falls_through,
        tail: s.tail,
    }
}

/// The generic stencil of `uop`, if it has one.
pub fn stencil_info(uop: Uop) -> Option<StencilInfo> {
    tables::STENCILS.get(uop as usize)?.as_ref().map(info)
}

/// The exit stub's stencil.
pub fn exit_stencil_info() -> Option<StencilInfo> {
    tables::EXIT.as_ref().map(info)
}

unsafe extern "C" {
    fn memcpy(d: *mut u8, s: *const u8, n: usize) -> *mut u8;
    fn memmove(d: *mut u8, s: *const u8, n: usize) -> *mut u8;
    fn memset(d: *mut u8, c: i32, n: usize) -> *mut u8;
    fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32;
    fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32;
}

fn libc_addr(i: u8) -> usize {
    match i {
        0 => memcpy as *const () as usize,
        1 => memmove as *const () as usize,
        2 => memset as *const () as usize,
        3 => memcmp as *const () as usize,
        _ => bcmp as *const () as usize,
    }
}

/// The flow an exit reports for a continuation of flow `f`: a Next or Jump that
/// leaves the trace resumes tier 1 at the exit's pc as a plain Next.
fn exit_code_flow(f: Flow) -> Flow {
    match f {
        Flow::Jump => Flow::Next,
        f => f,
    }
}

fn align(off: usize, a: usize) -> usize {
    off.div_ceil(a.max(1)) * a.max(1)
}

/// Compiles a trace (see [`Op`] for the meaning of each field).
/// True when this build has stencils (x86-64 Linux): compiled traces can run.
pub fn available() -> bool {
    tables::EXIT.is_some()
}

pub fn compile(ops: &[Op], exits: &[ExitSpec], rt: &Runtime) -> Result<Trace, CompileError> {
    compile_tagged(ops, exits, rt, 0)
}

/// [`compile`], with exit codes that also carry `tag` (at most [`MAX_TAG`]): when
/// traces are linked (see [`Trace::link_exit`]), the code an entry returns may come
/// from another trace, named by its tag.
pub fn compile_tagged(
    ops: &[Op],
    exits: &[ExitSpec],
    rt: &Runtime,
    tag: u32,
) -> Result<Trace, CompileError> {
    if tag > MAX_TAG || exits.len() as u64 > EXIT_MASK {
        return Err(CompileError::OutOfRange(0));
    }
    if ops.is_empty() {
        return Err(CompileError::Empty);
    }
    let exit_st = tables::EXIT
        .as_ref()
        .ok_or(CompileError::NoStencil(ops[0].uop))?;
    let mut stencils = Vec::with_capacity(ops.len());
    for (i, op) in ops.iter().enumerate() {
        let st = stencil_for(op.uop, op.oparg).ok_or(CompileError::NoStencil(op.uop))?;
        // Only the flows the stencil can take need a valid target.
        for h in st.holes {
            if let Sym::Cont(f) = h.sym {
                let ok = match target_of(op, f) {
                    Target::Op(j) => j < ops.len(),
                    Target::Exit(k) => k < exits.len(),
                };
                if !ok {
                    return Err(CompileError::BadTarget(i));
                }
            }
        }
        stencils.push(st);
    }

    // Layout: ops, exit stubs, trampolines, GOT slots, data.
    let mut off = 0;
    let mut op_offsets = Vec::with_capacity(ops.len());
    let mut op_lens = Vec::with_capacity(ops.len());
    for (i, (op, st)) in ops.iter().zip(&stencils).enumerate() {
        let drop_tail = st
            .tail
            .is_some_and(|f| target_of(op, f) == Target::Op(i + 1));
        let len = if drop_tail {
            st.code.len() - x86_64::TAIL_JUMP_LEN
        } else {
            st.code.len()
        };
        op_offsets.push(off);
        op_lens.push(len);
        off += len;
    }
    let ops_len = off;
    let mut stubs: HashMap<(usize, u8), usize> = HashMap::new();
    let mut stub_list = Vec::new();
    let mut tramps: HashMap<usize, usize> = HashMap::new();
    let mut got: HashMap<usize, usize> = HashMap::new();
    let mut ext_list = Vec::new();
    let mut got_list = Vec::new();
    // Read-only data: one copy per distinct stencil, keyed by its address.
    let mut data_at: HashMap<usize, usize> = HashMap::new();
    for (i, (op, st)) in ops.iter().zip(&stencils).enumerate() {
        for h in st.holes {
            if h.offset as usize >= op_lens[i] {
                continue;
            }
            match h.sym {
                Sym::Cont(f) => {
                    if let Target::Exit(k) = target_of(op, f) {
                        note(&mut stubs, &mut stub_list, (k, exit_code_flow(f) as u8));
                    }
                }
                Sym::Helper(_) | Sym::Libc(_) => {
                    let addr = ext_addr(h.sym, rt)?;
                    if h.reloc == Reloc::GotRel32 {
                        note(&mut got, &mut got_list, addr);
                    } else {
                        note(&mut tramps, &mut ext_list, addr);
                    }
                }
                _ => {}
            }
        }
    }
    for key in &stub_list {
        off = align(off, 16);
        stubs.insert(*key, off);
        off += exit_st.code.len();
    }
    for addr in &ext_list {
        off = align(off, 16);
        tramps.insert(*addr, off);
        off += x86_64::TRAMPOLINE_SIZE;
    }
    for addr in &got_list {
        off = align(off, 8);
        got.insert(*addr, off);
        off += 8;
    }
    let mut op_data = Vec::with_capacity(ops.len());
    for st in &stencils {
        let key = st.data.as_ptr() as usize;
        if st.data.is_empty() {
            op_data.push(0);
            continue;
        }
        let at = match data_at.get(&key) {
            Some(at) => *at,
            None => {
                off = align(off, st.data_align as usize);
                data_at.insert(key, off);
                off += st.data.len();
                off - st.data.len()
            }
        };
        op_data.push(at);
    }
    let total = off;

    let layout = Layout {
        op_offsets: &op_offsets,
        stubs: &stubs,
        tramps: &tramps,
        got: &got,
        op_data: &op_data,
    };
    let mem = mem::ExecMem::new(total, |buf, base| {
        for (i, (op, st)) in ops.iter().zip(&stencils).enumerate() {
            let at = op_offsets[i];
            let len = op_lens[i];
            buf[at..at + len].copy_from_slice(&st.code[..len]);
            if !st.data.is_empty() {
                let d = op_data[i];
                buf[d..d + st.data.len()].copy_from_slice(st.data);
            }
            for h in st.holes {
                if h.offset as usize >= len {
                    continue;
                }
                let s = layout.resolve(op, i, h, base, rt, exits)?;
                patch_hole(buf, base, at, h, s, &layout)?;
            }
        }
        for (k, flow) in &stub_list {
            let at = stubs[&(*k, *flow)];
            buf[at..at + exit_st.code.len()].copy_from_slice(exit_st.code);
            for h in exit_st.holes {
                let s = match h.sym {
                    Sym::Cur => exits[*k].cur as u64,
                    Sym::NextPc => exits[*k].pc as u64,
                    Sym::ExitCode => ((tag as u64) << 20) | ((*k as u64) << 8) | *flow as u64,
                    _ => return Err(CompileError::OutOfRange(*k)),
                };
                patch_hole(buf, base, at, h, s, &layout)?;
            }
        }
        for (addr, at) in &tramps {
            x86_64::write_trampoline(&mut buf[*at..*at + x86_64::TRAMPOLINE_SIZE], *addr as u64);
        }
        for (addr, at) in &got {
            buf[*at..*at + 8].copy_from_slice(&(*addr as u64).to_le_bytes());
        }
        Ok(())
    })
    .map_err(|e| e.unwrap_or(CompileError::Memory))?;
    Ok(Trace {
        mem,
        len: total,
        op_offsets,
        ops_len,
        stubs,
    })
}

/// Adds `key` to `list` the first time it is seen (its offset is set later).
fn note<K: std::hash::Hash + Eq + Copy>(map: &mut HashMap<K, usize>, list: &mut Vec<K>, key: K) {
    if let std::collections::hash_map::Entry::Vacant(e) = map.entry(key) {
        e.insert(0);
        list.push(key);
    }
}

fn stencil_info_ref(uop: Uop) -> Option<&'static Stencil> {
    tables::STENCILS.get(uop as usize)?.as_ref()
}

/// The stencil for `uop` with `oparg`: a variant specialised for that oparg if
/// there is one, else the generic stencil.
fn stencil_for(uop: Uop, oparg: u32) -> Option<&'static Stencil> {
    let key = (uop as u16, oparg);
    match tables::VARIANTS.binary_search_by(|(u, a, _)| (*u, *a).cmp(&key)) {
        Ok(i) => Some(&tables::VARIANTS[i].2),
        Err(_) => stencil_info_ref(uop),
    }
}

/// The oparg-specialised variants of `uop`'s stencil (for the rules test and stats).
pub fn stencil_variants(uop: Uop) -> Vec<(u32, StencilInfo)> {
    tables::VARIANTS
        .iter()
        .filter(|(u, _, _)| *u == uop as u16)
        .map(|(_, a, s)| (*a, info(s)))
        .collect()
}

fn target_of(op: &Op, f: Flow) -> Target {
    match f {
        Flow::Next => op.on_next,
        Flow::Jump => op.on_jump,
        Flow::Deopt | Flow::Redispatch => op.on_deopt,
        Flow::Error | Flow::Call | Flow::Return | Flow::Yield => op.on_other,
    }
}

fn ext_addr(s: Sym, rt: &Runtime) -> Result<usize, CompileError> {
    match s {
        Sym::Helper(i) => rt
            .helpers
            .get(i as usize)
            .copied()
            .filter(|a| *a != 0)
            .ok_or(CompileError::MissingHelper(i as usize)),
        Sym::Libc(i) => Ok(libc_addr(i)),
        _ => Err(CompileError::OutOfRange(0)),
    }
}

/// Offsets of everything in a trace's memory.
struct Layout<'a> {
    op_offsets: &'a [usize],
    stubs: &'a HashMap<(usize, u8), usize>,
    tramps: &'a HashMap<usize, usize>,
    got: &'a HashMap<usize, usize>,
    op_data: &'a [usize],
}

impl Layout<'_> {
    /// The value `S` of hole `h` of op `i`.
    fn resolve(
        &self,
        op: &Op,
        i: usize,
        h: &Hole,
        base: usize,
        rt: &Runtime,
        exits: &[ExitSpec],
    ) -> Result<u64, CompileError> {
        let _ = exits;
        Ok(match h.sym {
            Sym::Cont(f) => match target_of(op, f) {
                Target::Op(j) => (base + self.op_offsets[j]) as u64,
                Target::Exit(k) => (base + self.stubs[&(k, exit_code_flow(f) as u8)]) as u64,
            },
            Sym::Oparg => op.oparg as u64,
            Sym::Operand(n) => op.operands.get(n as usize).copied().unwrap_or(0),
            Sym::Cur => op.cur as u64,
            Sym::NextPc => op.next_pc as u64,
            Sym::Pending => rt.pending_flag as u64,
            Sym::ExitCode => 0,
            Sym::Helper(_) | Sym::Libc(_) => {
                let addr = ext_addr(h.sym, rt)?;
                match h.reloc {
                    Reloc::Rel32 => (base + self.tramps[&addr]) as u64,
                    _ => addr as u64,
                }
            }
            Sym::Data(d) => (base + self.op_data[i] + d as usize) as u64,
            Sym::Code(c) => (base + self.op_offsets[i] + c as usize) as u64,
        })
    }
}

/// Patches hole `h` of a block copied at `at` with symbol value `s`.
fn patch_hole(
    buf: &mut [u8],
    base: usize,
    at: usize,
    h: &Hole,
    s: u64,
    layout: &Layout,
) -> Result<(), CompileError> {
    let s = if h.reloc == Reloc::GotRel32 {
        (base
            + *layout
                .got
                .get(&(s as usize))
                .ok_or(CompileError::OutOfRange(at))?) as u64
    } else {
        s
    };
    let pos = at + h.offset as usize;
    let value = s.wrapping_add(h.addend as u64);
    x86_64::patch(buf, pos, h.reloc, (base + pos) as u64, value)
        .map_err(|_| CompileError::OutOfRange(at))
}
