//! Everything specific to x86-64: the relocation kinds stencils may use, how each
//! is patched, the tail-jump encoding the patcher drops for fall-through, and the
//! trampolines that give rel32 calls reach to the runtime.
//!
//! Shared with build.rs (`#[path]`), which also runs the stack check on every stencil.
#![allow(dead_code)]

use super::holes::{Hole, Sym};
use iced_x86::{Code, Decoder, DecoderOptions, FlowControl, Instruction, OpKind, Register};
use std::collections::BTreeMap;

/// A relocation kind the patcher knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reloc {
    /// `S + A - P`, 32 bits signed (`R_X86_64_PC32`, `R_X86_64_PLT32`): calls, jumps
    /// and RIP-relative data references.
    Rel32,
    /// `G + A - P`, where `G` is a slot holding `S` (`R_X86_64_GOTPCREL` and its
    /// relaxable forms): calls through memory, e.g. to `bcmp`.
    GotRel32,
    /// `S + A`, 32 bits zero-extended (`R_X86_64_32`): 32-bit holes.
    Abs32,
    /// `S + A`, 32 bits sign-extended (`R_X86_64_32S`).
    Abs32S,
    /// `S + A`, 64 bits (`R_X86_64_64`): `movabs` holes.
    Abs64,
}

/// The relocation kind of an ELF `r_type`, or `None` for one the patcher does not know.
pub fn classify(r_type: u32) -> Option<Reloc> {
    Some(match r_type {
        1 => Reloc::Abs64,              // R_X86_64_64
        2 | 4 => Reloc::Rel32,          // R_X86_64_PC32, R_X86_64_PLT32
        9 | 41 | 42 => Reloc::GotRel32, // R_X86_64_GOTPCREL, GOTPCRELX, REX_GOTPCRELX
        10 => Reloc::Abs32,             // R_X86_64_32
        11 => Reloc::Abs32S,            // R_X86_64_32S
        _ => return None,
    })
}

/// Bytes a relocation patches.
pub fn width(r: Reloc) -> usize {
    match r {
        Reloc::Abs64 => 8,
        _ => 4,
    }
}

/// Length of the `jmp rel32` that ends a stencil continuing with `Flow::Next`.
pub const TAIL_JUMP_LEN: usize = 5;

/// True when `code` ends with `jmp rel32` whose displacement is the relocation at
/// `offset` with addend `addend` (a jump to the symbol itself).
pub fn is_tail_jump(code: &[u8], offset: usize, r: Reloc, addend: i64) -> bool {
    r == Reloc::Rel32
        && addend == -4
        && offset + 4 == code.len()
        && offset >= 1
        && code[offset - 1] == 0xE9
}

/// Size of a trampoline: `jmp [rip + 0]` then the 64-bit target (14 bytes, padded).
pub const TRAMPOLINE_SIZE: usize = 16;

/// Writes a trampoline to `target`: it clobbers no register, so it sits between a
/// stencil's call or jump and a runtime function with any signature.
pub fn write_trampoline(buf: &mut [u8], target: u64) {
    buf[..6].copy_from_slice(&[0xFF, 0x25, 0, 0, 0, 0]);
    buf[6..14].copy_from_slice(&target.to_le_bytes());
    buf[14..16].copy_from_slice(&[0xCC, 0xCC]);
}

/// Bytes used to pad between blocks (`int3`).
pub const PAD: u8 = 0xCC;

/// Why a hole could not be patched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange;

/// Patches the relocation `r` at `buf[at..]`, placed at address `place`: `value` is
/// `S + A` for absolute kinds, and `S + A` or `G + A` for relative ones (the caller
/// resolves `G` for `GotRel32`).
pub fn patch(
    buf: &mut [u8],
    at: usize,
    r: Reloc,
    place: u64,
    value: u64,
) -> Result<(), OutOfRange> {
    match r {
        Reloc::Rel32 | Reloc::GotRel32 => {
            let d = value.wrapping_sub(place) as i64;
            let d = i32::try_from(d).map_err(|_| OutOfRange)?;
            buf[at..at + 4].copy_from_slice(&d.to_le_bytes());
        }
        Reloc::Abs32 => {
            let v = u32::try_from(value).map_err(|_| OutOfRange)?;
            buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        Reloc::Abs32S => {
            let v = i32::try_from(value as i64).map_err(|_| OutOfRange)?;
            buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        Reloc::Abs64 => buf[at..at + 8].copy_from_slice(&value.to_le_bytes()),
    }
    Ok(())
}

// ---- the stack rule ----

fn hole_in<'a>(holes: &'a [Hole], ins: &Instruction) -> Option<&'a Hole> {
    let (start, end) = (ins.ip() as u32, ins.ip() as u32 + ins.len() as u32);
    holes.iter().find(|h| h.offset >= start && h.offset < end)
}

/// Change of the stack pointer by one instruction, or None when it is not one we
/// can follow.
fn rsp_effect(ins: &Instruction) -> Option<i64> {
    match ins.code() {
        Code::Push_r64 | Code::Pushq_imm32 | Code::Pushq_imm8 => Some(-8),
        Code::Pop_r64 => Some(8),
        Code::Sub_rm64_imm8 | Code::Sub_rm64_imm32 if ins.op0_register() == Register::RSP => {
            Some(-(ins.immediate(1) as i64))
        }
        Code::Add_rm64_imm8 | Code::Add_rm64_imm32 if ins.op0_register() == Register::RSP => {
            Some(ins.immediate(1) as i64)
        }
        _ if ins.op_count() > 0
            && ins.op0_kind() == OpKind::Register
            && ins.op0_register() == Register::RSP =>
        {
            None
        }
        _ => Some(0),
    }
}

/// Walks the control flow of a stencil tracking how much it pushed (`depth`, bytes):
/// continuation jumps and `ret` at the entry depth, calls with the stack aligned,
/// nothing read or written below the stack pointer.
pub fn check_stack(name: &str, code: &[u8], holes: &[Hole]) -> Result<(), String> {
    let mut insns = BTreeMap::new();
    let mut dec = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    for ins in &mut dec {
        if ins.is_invalid() {
            return Err(format!("{name}: undecodable at {:#x}", ins.ip()));
        }
        insns.insert(ins.ip(), ins);
    }
    let mut depth_at: BTreeMap<u64, i64> = BTreeMap::new();
    let mut work = vec![(0u64, 0i64)];
    while let Some((ip, depth)) = work.pop() {
        if let Some(d) = depth_at.get(&ip) {
            if *d != depth {
                return Err(format!(
                    "{name}: stack depth {d} and {depth} meet at {ip:#x}"
                ));
            }
            continue;
        }
        let ins = insns
            .get(&ip)
            .ok_or_else(|| format!("{name}: branch into an instruction at {ip:#x}"))?;
        depth_at.insert(ip, depth);
        for i in 0..ins.op_count() {
            if ins.op_kind(i) == OpKind::Memory
                && ins.memory_base() == Register::RSP
                && (ins.memory_displacement64() as i64) < 0
            {
                return Err(format!(
                    "{name}: reads or writes below the stack pointer at {ip:#x}"
                ));
            }
        }
        let next = ip + ins.len() as u64;
        let hole = hole_in(holes, ins);
        let cont = matches!(hole.map(|h| h.sym), Some(Sym::Cont(_)));
        match ins.flow_control() {
            FlowControl::Next => {
                let eff = rsp_effect(ins)
                    .ok_or_else(|| format!("{name}: unknown stack change at {ip:#x}"))?;
                work.push((next, depth - eff));
            }
            // A call through a GOT slot (e.g. `bcmp`) is a call too.
            FlowControl::IndirectCall if matches!(hole.map(|h| h.reloc), Some(Reloc::GotRel32)) => {
                if depth % 16 != 8 {
                    return Err(format!("{name}: call with the stack misaligned at {ip:#x}"));
                }
                work.push((next, depth));
            }
            FlowControl::Call => {
                if depth % 16 != 8 {
                    return Err(format!("{name}: call with the stack misaligned at {ip:#x}"));
                }
                work.push((next, depth));
            }
            FlowControl::Return => {
                if depth != 0 {
                    return Err(format!("{name}: ret with {depth} bytes pushed"));
                }
            }
            FlowControl::UnconditionalBranch | FlowControl::ConditionalBranch => {
                if cont {
                    if depth != 0 {
                        return Err(format!(
                            "{name}: continuation jump with {depth} bytes pushed at {ip:#x}"
                        ));
                    }
                } else {
                    work.push((ins.near_branch_target(), depth));
                }
                if ins.flow_control() == FlowControl::ConditionalBranch {
                    work.push((next, depth));
                }
            }
            other => return Err(format!("{name}: {other:?} at {ip:#x} ({:?})", ins.code())),
        }
    }
    Ok(())
}

/// `movabs rax, target; jmp rax` (rax is free at a stencil boundary: arguments are in
/// rdi and rsi).
pub fn absolute_jump(target: u64) -> [u8; 12] {
    let mut j = [0u8; 12];
    j[0] = 0x48;
    j[1] = 0xB8;
    j[2..10].copy_from_slice(&target.to_le_bytes());
    j[10] = 0xFF;
    j[11] = 0xE0;
    j
}
