//! Everything specific to x86-64: the relocation kinds stencils may use, how each
//! is patched, the tail-jump encoding the patcher drops for fall-through, and the
//! trampolines that give rel32 calls reach to the runtime.
//!
//! Shared with build.rs (`#[path]`), so it depends on nothing but `core`.
#![allow(dead_code)]

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
