//! Every micro-op not flagged TIER1 has a stencil, and every stencil obeys the
//! rules: known holes only, continuation jumps with the stack as it was at entry,
//! calls with the stack aligned, nothing read or written below the stack pointer.

use stitch_core::uops::flags;
use stitch_jit::{Flow, Sym, Uop, check_stack, exit_stencil_info, stencil_info};

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
        if let Err(e) = check_stack(u.name(), s.code, s.holes) {
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
            if let Err(e) = check_stack(&format!("{}/{a}", u.name()), v.code, v.holes) {
                errors.push(e);
            }
        }
    }
    let exit = exit_stencil_info().expect("exit stencil");
    if let Err(e) = check_stack("exit", exit.code, exit.holes) {
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

#[test]
fn the_stack_check_rejects_what_it_should() {
    use stitch_jit::{Hole, Reloc};
    let next = |offset| Hole {
        offset,
        reloc: Reloc::Rel32,
        sym: Sym::Cont(Flow::Next),
        addend: -4,
    };
    let helper = |offset| Hole {
        offset,
        reloc: Reloc::Rel32,
        sym: Sym::Helper(0),
        addend: -4,
    };
    // jmp hole_next
    assert!(check_stack("ok", &[0xE9, 0, 0, 0, 0], &[next(1)]).is_ok());
    // push rbx; call helper; pop rbx; jmp hole_next
    let ok = [0x53, 0xE8, 0, 0, 0, 0, 0x5B, 0xE9, 0, 0, 0, 0];
    assert!(check_stack("ok", &ok, &[helper(2), next(8)]).is_ok());
    // push rbx; jmp hole_next (continues with a pushed word)
    let e = check_stack("bad", &[0x53, 0xE9, 0, 0, 0, 0], &[next(2)]).unwrap_err();
    assert!(e.contains("continuation jump"), "{e}");
    // call helper with the stack misaligned
    let e = check_stack("bad", &[0xE8, 0, 0, 0, 0, 0xC3], &[helper(1)]).unwrap_err();
    assert!(e.contains("misaligned"), "{e}");
    // mov [rsp-8], rax; ret (the red zone)
    let e = check_stack("bad", &[0x48, 0x89, 0x44, 0x24, 0xF8, 0xC3], &[]).unwrap_err();
    assert!(e.contains("below the stack pointer"), "{e}");
}
