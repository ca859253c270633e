//! Every micro-op not flagged TIER1 has a stencil, and every stencil obeys the
//! rules: known holes only, continuation jumps with the stack as it was at entry,
//! calls with the stack aligned, nothing read or written below the stack pointer.

use iced_x86::{Code, Decoder, DecoderOptions, FlowControl, Instruction, OpKind, Register};
use std::collections::BTreeMap;
use stitch_core::uops::flags;
use stitch_jit::{Flow, StencilInfo, Sym, Uop, exit_stencil_info, stencil_info};

fn hole_in<'a>(s: &'a StencilInfo, ins: &Instruction) -> Option<&'a stitch_jit::Hole> {
    let (start, end) = (ins.ip() as u32, ins.ip() as u32 + ins.len() as u32);
    s.holes.iter().find(|h| h.offset >= start && h.offset < end)
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

/// Walks the control flow of a stencil tracking how much it pushed (`depth`, bytes).
fn check_stack(name: &str, s: &StencilInfo) -> Result<(), String> {
    let code = s.code;
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
        let hole = hole_in(s, ins);
        let cont = matches!(hole.map(|h| h.sym), Some(Sym::Cont(_)));
        match ins.flow_control() {
            FlowControl::Next => {
                let eff = rsp_effect(ins)
                    .ok_or_else(|| format!("{name}: unknown stack change at {ip:#x}"))?;
                work.push((next, depth - eff));
            }
            // A call through a GOT slot (e.g. `bcmp`) is a call too.
            FlowControl::IndirectCall
                if matches!(hole.map(|h| h.reloc), Some(stitch_jit::Reloc::GotRel32)) =>
            {
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

#[test]
fn every_uop_has_a_stencil_that_obeys_the_rules() {
    let mut errors = Vec::new();
    let mut count = 0;
    let mut total = 0;
    for u in Uop::ALL {
        let s = stencil_info(*u);
        if u.flags() & flags::TIER1 != 0 {
            assert!(s.is_none(), "{} is TIER1 but has a stencil", u.name());
            continue;
        }
        let Some(s) = s else {
            errors.push(format!("{}: no stencil", u.name()));
            continue;
        };
        count += 1;
        total += s.code.len();
        assert_eq!(s.falls_through, s.tail == Some(Flow::Next));
        for h in s.holes {
            assert!(
                (h.offset as usize) < s.code.len(),
                "{}: hole past the end",
                u.name()
            );
            if let Sym::Operand(i) = h.sym {
                assert!(i < 12);
            }
            if matches!(h.sym, Sym::ExitCode) {
                errors.push(format!("{}: exit-code hole in an op", u.name()));
            }
        }
        if let Err(e) = check_stack(u.name(), &s) {
            errors.push(e);
        }
        for (a, v) in stitch_jit::stencil_variants(*u) {
            count += 1;
            total += v.code.len();
            if v.holes.iter().any(|h| h.sym == Sym::Oparg) {
                errors.push(format!(
                    "{}/{a}: a variant for a constant oparg reads the oparg hole",
                    u.name()
                ));
            }
            if let Err(e) = check_stack(&format!("{}/{a}", u.name()), &v) {
                errors.push(e);
            }
        }
    }
    let exit = exit_stencil_info().expect("exit stencil");
    if let Err(e) = check_stack("exit", &exit) {
        errors.push(e);
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    eprintln!("{count} stencils, {total} bytes of code");
}

#[test]
fn simple_stencils_fall_through() {
    for u in [
        Uop::LOAD_FAST,
        Uop::LOAD_CONST,
        Uop::STORE_FAST,
        Uop::GUARD_BOTH_SMALL_INT,
        Uop::POP_TOP,
    ] {
        assert!(stencil_info(u).unwrap().falls_through, "{}", u.name());
    }
}
