//! Builds the stencils: compiles stitch-core and a generated `no_std` crate with one
//! `extern "C"` function per micro-op (`stencils/env.rs` plus a generated list) with
//! the same rustc, parses the object file with `object`, checks the rules and emits
//! the copy-and-patch tables into `OUT_DIR/stencils.rs`.
//!
//! Rules (the build fails with the list of offenders): every relocation is of a kind
//! the patcher knows; every symbol is a hole, a runtime helper, a C library memory
//! function, or read-only data (copied per stencil); stencils own no writable data.
//! Stencils are compiled with `-C no-redzone=yes`, and each one's control flow is
//! walked (`x86_64::check_stack`): continuation jumps at the entry stack depth,
//! aligned calls, nothing below the stack pointer.

#[path = "src/holes.rs"]
mod holes;
#[path = "src/x86_64.rs"]
mod x86_64;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use holes::{Hole, Sym};
use object::{
    Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SectionKind,
    SymbolSection,
};
use stitch_core::env::HELPER_NAMES;
use stitch_core::uops::{Flow, Uop, flags};

/// Flags shared by both compilations. The small code model gives `jmp rel32` /
/// `jcc rel32` to the continuation holes; 64-bit holes use `movabs` in `asm!`
/// (see ARCHITECTURE.md, "Stencils and the patcher").
const FLAGS: &[&str] = &[
    "--edition=2024",
    "-Copt-level=3",
    "-Cpanic=abort",
    "-Crelocation-model=static",
    "-Ccode-model=small",
    "-Cno-redzone=yes",
    "-Cforce-unwind-tables=no",
    "-Ccodegen-units=1",
    "-Cdebuginfo=0",
    // Jump tables would hold absolute 32-bit addresses of the code.
    "-Cllvm-args=-min-jump-table-entries=100000",
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let core_dir = manifest.join("../stitch-core/src");
    println!("cargo:rerun-if-changed={}", core_dir.display());
    println!("cargo:rerun-if-changed=stencils/env.rs");
    println!("cargo:rerun-if-changed=src/x86_64.rs");
    println!("cargo:rerun-if-changed=src/holes.rs");
    let target = std::env::var("TARGET").unwrap();
    let tables = out.join("stencils.rs");
    if !target.starts_with("x86_64-") || !target.contains("linux") {
        // No stencils for this target yet: the JIT reports every uop as missing.
        let n = Uop::ALL.len();
        let src = format!(
            "pub static STENCILS: [Option<Stencil>; {n}] = [None; {n}];\npub static VARIANTS: &[(u16, u32, Stencil)] = &[];\npub static EXIT: Option<Stencil> = None;\n"
        );
        std::fs::write(&tables, src).unwrap();
        return;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());

    let rlib = out.join("libstitch_core_stencil.rlib");
    run(Command::new(&rustc)
        .args([
            "--crate-type=rlib",
            "--crate-name=stitch_core",
            "--target",
            &target,
        ])
        .args(FLAGS)
        .arg(core_dir.join("lib.rs"))
        .arg("-o")
        .arg(&rlib));

    let src = out.join("stencils_src.rs");
    std::fs::write(&src, stencil_source(&manifest)).unwrap();
    let obj = out.join("stencils.o");
    run(Command::new(&rustc)
        .args([
            "--crate-type=lib",
            "--crate-name=stitch_stencils",
            "--emit=obj",
            "--target",
            &target,
        ])
        .args(FLAGS)
        .arg("--extern")
        .arg(format!("stitch_core={}", rlib.display()))
        .arg(&src)
        .arg("-o")
        .arg(&obj));

    let bytes = std::fs::read(&obj).unwrap();
    std::fs::write(&tables, emit_tables(&bytes)).unwrap();
}

fn run(cmd: &mut Command) {
    let st = cmd
        .status()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(st.success(), "stencil compilation failed: {cmd:?}");
}

/// The uops that get a stencil: every one not flagged TIER1.
fn compiled_uops() -> impl Iterator<Item = Uop> {
    Uop::ALL
        .iter()
        .copied()
        .filter(|u| u.flags() & flags::TIER1 == 0)
}

fn stencil_source(manifest: &Path) -> String {
    let mut s = std::fs::read_to_string(manifest.join("stencils/env.rs")).unwrap();
    let mut emit = |n: &str, sym: String, oparg: i64| {
        writeln!(
            s,
            "\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {sym}(regs: *mut Regs, sp: *mut Value) -> u64 {{\n    let mut e = StencilEnv::<{oparg}> {{ regs, sp }};\n    let flow = unsafe {{ uops::{n}(&mut e) }};\n    unsafe {{ finish(flow, regs, e.sp) }}\n}}"
        )
        .unwrap();
    };
    for u in compiled_uops() {
        emit(u.name(), format!("stencil_{}", u.name()), -1);
        for a in variants_of(u) {
            emit(u.name(), format!("stencil_{}__{a}", u.name()), *a as i64);
        }
    }
    s
}

/// Uops that also get a stencil per oparg value listed: their oparg selects an
/// operator, so a constant oparg folds the dispatch on it away. Only performance
/// depends on this list; any other oparg uses the generic stencil.
fn variants_of(u: Uop) -> &'static [u32] {
    use stitch_core::instr::binop::INPLACE;
    const BINOPS: &[u32] = &[0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11];
    const CMPOPS: &[u32] = &[0, 1, 2, 3, 4, 5];
    static BINOPS_BOTH: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let both = BINOPS_BOTH.get_or_init(|| BINOPS.iter().flat_map(|b| [*b, b + INPLACE]).collect());
    static FUSED_FLOAT: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    static FUSED_INT: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    static FUSED_CMP_FLOAT: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    static FUSED_CMP_INT: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    static FUSED_SUBSCR: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    match u {
        Uop::FUSED_BINARY_OP_FLOAT => {
            FUSED_FLOAT.get_or_init(|| fused_variants(&[0, 1, 2, 3], &[false, true], false))
        }
        Uop::FUSED_COMPARE_JUMP_FLOAT => {
            FUSED_CMP_FLOAT.get_or_init(|| fused_variants(&compare_jumps(), &[false, true], true))
        }
        Uop::FUSED_COMPARE_JUMP_INT => {
            FUSED_CMP_INT.get_or_init(|| fused_variants(&compare_jumps(), &[false], true))
        }
        Uop::FUSED_SUBSCR_LIST_INT => {
            FUSED_SUBSCR.get_or_init(|| fused_variants(&[0], &[false], false))
        }
        Uop::FUSED_BINARY_OP_INT => FUSED_INT
            .get_or_init(|| fused_variants(&[0, 1, 2, 4, 5, 7, 8, 9, 10, 11], &[false], false)),
        Uop::BINARY_OP_INT | Uop::BINARY_OP_FLOAT | Uop::BINARY_OP_FLOAT_KNOWN => both,
        Uop::COMPARE_OP_INT | Uop::COMPARE_OP_FLOAT | Uop::COMPARE_OP_FLOAT_KNOWN => CMPOPS,
        _ => &[],
    }
}

/// The opargs of fused operators the optimizer builds (see `uops::fused`): each
/// operator with the operand sources an adjacent window of ops can give (an operand
/// from the stack is always the first one), the result pushed or stored.
/// For comparisons and jumps (`jumps`) the result is never stored.
fn fused_variants(ops: &[u32], convs: &[bool], jumps: bool) -> Vec<u32> {
    use stitch_core::uops::fused::{CONST, LOCAL, STACK, oparg};
    let sources = [
        (STACK, STACK, true),
        (STACK, LOCAL, false),
        (STACK, CONST, false),
        (LOCAL, LOCAL, false),
        (LOCAL, CONST, false),
        (CONST, LOCAL, false),
    ];
    let mut v = Vec::new();
    for &op in ops {
        for &(x, y, store_only) in &sources {
            for store in [false, true] {
                if (store_only && !store && !jumps) || (jumps && store) {
                    continue;
                }
                for &conv in convs {
                    v.push(oparg(op, x, y, store, conv));
                }
            }
        }
    }
    v.sort_unstable();
    v
}

/// Comparison operators with the jump sense of the fused compare-and-jumps.
fn compare_jumps() -> Vec<u32> {
    use stitch_core::uops::fused::IF_TRUE;
    (0..6).flat_map(|c| [c, c | IF_TRUE]).collect()
}

/// One parsed stencil.
struct Parsed {
    code: Vec<u8>,
    data: Vec<u8>,
    data_align: u64,
    holes: Vec<Hole>,
    tail: Option<Flow>,
}

fn emit_tables(bytes: &[u8]) -> String {
    let file = object::File::parse(bytes).expect("stencil object file");
    let mut errors = Vec::new();
    // Keyed by uop name, or `NAME__OPARG` for a variant.
    let mut parsed: BTreeMap<String, Parsed> = BTreeMap::new();
    for sym in file.symbols() {
        let Ok(name) = sym.name() else { continue };
        let Some(stem) = name.strip_prefix("stencil_") else {
            continue;
        };
        if !sym.is_definition() {
            continue;
        }
        match parse_stencil(&file, &sym) {
            Ok(p) => {
                parsed.insert(stem.to_string(), p);
            }
            Err(e) => errors.extend(e.into_iter().map(|e| format!("stencil {stem}: {e}"))),
        }
    }
    for u in compiled_uops() {
        if !parsed.contains_key(u.name())
            && errors
                .iter()
                .all(|e| !e.contains(&format!("stencil {}:", u.name())))
        {
            errors.push(format!(
                "stencil {}: missing from the object file",
                u.name()
            ));
        }
    }
    if !errors.is_empty() {
        panic!("stencils break the rules:\n  {}", errors.join("\n  "));
    }

    let mut s = String::from("// Generated by build.rs from the micro-op definitions.\n");
    let n = Uop::ALL.len();
    writeln!(s, "pub static STENCILS: [Option<Stencil>; {n}] = [").unwrap();
    for u in Uop::ALL {
        match parsed.get(u.name()) {
            Some(p) if u.flags() & flags::TIER1 == 0 => {
                writeln!(s, "    // {}\n    Some({}),", u.name(), stencil_expr(p)).unwrap()
            }
            _ => writeln!(s, "    None, // {}", u.name()).unwrap(),
        }
    }
    writeln!(s, "];").unwrap();
    writeln!(
        s,
        "/// `(uop, oparg, stencil)`, sorted.\npub static VARIANTS: &[(u16, u32, Stencil)] = &["
    )
    .unwrap();
    for u in compiled_uops() {
        // Sorted by oparg (the patcher binary-searches the table).
        let mut opargs = variants_of(u).to_vec();
        opargs.sort_unstable();
        for a in opargs {
            let key = format!("{}__{a}", u.name());
            let p = parsed
                .get(&key)
                .unwrap_or_else(|| panic!("stencil {key} missing"));
            writeln!(s, "    ({}, {a}, {}),", u as u16, stencil_expr(p)).unwrap();
        }
    }
    writeln!(s, "];").unwrap();
    let exit = parsed.get("exit").expect("stencil_exit");
    writeln!(
        s,
        "pub static EXIT: Option<Stencil> = Some({});",
        stencil_expr(exit)
    )
    .unwrap();
    s
}

fn stencil_expr(p: &Parsed) -> String {
    let mut holes = String::new();
    for h in &p.holes {
        write!(
            holes,
            "Hole {{ offset: {}, reloc: Reloc::{:?}, sym: {}, addend: {} }}, ",
            h.offset,
            h.reloc,
            sym_expr(h.sym),
            h.addend
        )
        .unwrap();
    }
    format!(
        "Stencil {{ code: &{:?}, data: &{:?}, data_align: {}, holes: &[{holes}], falls_through: {}, tail: {} }}",
        p.code,
        p.data,
        p.data_align,
        p.tail == Some(Flow::Next),
        match p.tail {
            Some(f) => format!("Some(Flow::{f:?})"),
            None => "None".into(),
        }
    )
}

fn sym_expr(s: Sym) -> String {
    match s {
        Sym::Cont(f) => format!("Sym::Cont(Flow::{f:?})"),
        Sym::Operand(i) => format!("Sym::Operand({i})"),
        Sym::Helper(i) => format!("Sym::Helper({i})"),
        Sym::Libc(i) => format!("Sym::Libc({i})"),
        Sym::Data(i) => format!("Sym::Data({i})"),
        Sym::Code(i) => format!("Sym::Code({i})"),
        other => format!("Sym::{other:?}"),
    }
}

fn parse_stencil<'d>(
    file: &object::File<'d>,
    sym: &object::Symbol<'d, '_>,
) -> Result<Parsed, Vec<String>> {
    let mut errors = Vec::new();
    let SymbolSection::Section(sec_idx) = sym.section() else {
        return Err(vec!["not in a section".into()]);
    };
    let section = file.section_by_index(sec_idx).unwrap();
    let start = sym.address();
    let size = sym.size();
    let sec_data = section.data().unwrap();
    let code = sec_data[start as usize..(start + size) as usize].to_vec();
    // Read-only sections this stencil references, and where their copy starts.
    let mut data = Vec::new();
    let mut data_align = 1u64;
    let mut copied: BTreeMap<usize, u64> = BTreeMap::new();
    let mut holes = Vec::new();
    for (offset, rel) in section.relocations() {
        if offset < start || offset >= start + size {
            continue;
        }
        let at = offset - start;
        let RelocationFlags::Elf { r_type } = rel.flags() else {
            errors.push(format!("+{at:#x}: not an ELF relocation"));
            continue;
        };
        let Some(reloc) = x86_64::classify(r_type) else {
            errors.push(format!(
                "+{at:#x}: unknown relocation kind (ELF type {r_type})"
            ));
            continue;
        };
        let RelocationTarget::Symbol(ti) = rel.target() else {
            errors.push(format!("+{at:#x}: relocation without a symbol"));
            continue;
        };
        let target = file.symbol_by_index(ti).unwrap();
        let tname = target.name().unwrap_or("?").to_string();
        let sym = match target.section() {
            SymbolSection::Undefined => match Sym::of_name(&tname, HELPER_NAMES) {
                Some(s) => s,
                None => {
                    errors.push(format!(
                        "+{at:#x}: reference to unknown symbol `{tname}` (a panic or a call the uop code did not inline)"
                    ));
                    continue;
                }
            },
            SymbolSection::Section(ti_sec) if ti_sec == sec_idx => {
                Sym::Code((target.address() - start) as u32)
            }
            SymbolSection::Section(ti_sec) => {
                let tsec = file.section_by_index(ti_sec).unwrap();
                let sname = tsec.name().unwrap_or("?").to_string();
                match tsec.kind() {
                    SectionKind::ReadOnlyData
                    | SectionKind::ReadOnlyString
                    | SectionKind::ReadOnlyDataWithRel => {}
                    k => {
                        errors.push(format!(
                            "+{at:#x}: reference to `{tname}` in section `{sname}` ({k:?}): only read-only data may be copied"
                        ));
                        continue;
                    }
                }
                if tsec.relocations().next().is_some() {
                    errors.push(format!(
                        "+{at:#x}: read-only section `{sname}` has relocations"
                    ));
                    continue;
                }
                let base = *copied.entry(ti_sec.0).or_insert_with(|| {
                    let align = tsec.align().max(1);
                    data_align = data_align.max(align);
                    while !(data.len() as u64).is_multiple_of(align) {
                        data.push(0);
                    }
                    let b = data.len() as u64;
                    data.extend_from_slice(tsec.data().unwrap());
                    b
                });
                Sym::Data((base + target.address()) as u32)
            }
            other => {
                errors.push(format!("+{at:#x}: reference to `{tname}` ({other:?})"));
                continue;
            }
        };
        holes.push(Hole {
            offset: at as u32,
            reloc,
            sym,
            addend: rel.addend(),
        });
    }
    let tail = holes.iter().find_map(|h| match h.sym {
        Sym::Cont(f) if x86_64::is_tail_jump(&code, h.offset as usize, h.reloc, h.addend) => {
            Some(f)
        }
        _ => None,
    });
    if errors.is_empty() {
        Ok(Parsed {
            code,
            data,
            data_align,
            holes,
            tail,
        })
    } else {
        Err(errors)
    }
}
