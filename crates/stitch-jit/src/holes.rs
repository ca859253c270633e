//! The stencil tables' types: a stencil's bytes and its holes, and what each hole
//! stands for. Shared with build.rs (`#[path]`), which names the symbols it finds in
//! the object file with [`Sym::of_name`] and emits the tables as Rust source.
#![allow(dead_code)]

use super::x86_64::Reloc;
use stitch_core::uops::Flow;

/// What a hole is patched with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sym {
    /// The continuation of a flow (`hole_next`, `hole_jump`, ...): an op or an exit.
    Cont(Flow),
    /// The op's oparg (32 bits).
    Oparg,
    /// Operand `i` of the op (64 bits).
    Operand(u8),
    /// The tier-1 instruction the op stands for (stored to `regs.cur`).
    Cur,
    /// The tier-1 instruction after it (stored to `regs.pc`).
    NextPc,
    /// The address of the runtime's eval-breaker byte.
    Pending,
    /// An exit's return code, `index << 8 | flow`.
    ExitCode,
    /// Runtime helper `i` (in `for_each_helper!` order), reached via a trampoline.
    Helper(u16),
    /// A C library memory function (see [`LIBC_SYMBOLS`]).
    Libc(u8),
    /// An offset in the stencil's read-only data.
    Data(u32),
    /// An offset in the stencil's own code.
    Code(u32),
}

/// The C library functions a stencil may call (the compiler emits them for slice
/// comparisons and copies); the patcher resolves them to the process's own.
pub const LIBC_SYMBOLS: &[&str] = &["memcpy", "memmove", "memset", "memcmp", "bcmp"];

/// Names of the continuation holes, indexed by `Flow as usize`.
pub const CONT_SYMBOLS: &[(&str, Flow)] = &[
    ("hole_next", Flow::Next),
    ("hole_jump", Flow::Jump),
    ("hole_deopt", Flow::Deopt),
    ("hole_error", Flow::Error),
    ("hole_call", Flow::Call),
    ("hole_return", Flow::Return),
    ("hole_yield", Flow::Yield),
];

impl Sym {
    /// The hole an undefined symbol of the stencil object stands for.
    pub fn of_name(name: &str, helpers: &[&str]) -> Option<Sym> {
        if let Some((_, f)) = CONT_SYMBOLS.iter().find(|(n, _)| *n == name) {
            return Some(Sym::Cont(*f));
        }
        if let Some(h) = name.strip_prefix("stitch_helper_") {
            return helpers
                .iter()
                .position(|n| *n == h)
                .map(|i| Sym::Helper(i as u16));
        }
        if let Some(i) = LIBC_SYMBOLS.iter().position(|n| *n == name) {
            return Some(Sym::Libc(i as u8));
        }
        if let Some(i) = name.strip_prefix("HOLE_OPERAND") {
            return i.parse::<u8>().ok().filter(|i| *i < 12).map(Sym::Operand);
        }
        Some(match name {
            "HOLE_OPARG" => Sym::Oparg,
            "HOLE_CUR" => Sym::Cur,
            "HOLE_NEXT_PC" => Sym::NextPc,
            "HOLE_PENDING" => Sym::Pending,
            "HOLE_EXIT" => Sym::ExitCode,
            _ => return None,
        })
    }
}

/// One hole: patch `reloc` at `offset` (in the code) with the value of `sym` plus
/// `addend`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hole {
    pub offset: u32,
    pub reloc: Reloc,
    pub sym: Sym,
    pub addend: i64,
}

/// A stencil: machine code with holes, and a private copy of the read-only data it
/// references.
#[derive(Clone, Copy, Debug)]
pub struct Stencil {
    pub code: &'static [u8],
    pub data: &'static [u8],
    pub data_align: u32,
    pub holes: &'static [Hole],
    /// The code ends with `jmp hole_next`: dropped when the next op follows.
    pub falls_through: bool,
    /// The flow whose continuation jump ends the code (`Some(Next)` when
    /// `falls_through`): the patcher drops that jump when its target is the next op.
    pub tail: Option<Flow>,
}
