//! `-X stats`: execution counts per instruction, specialisation outcomes and
//! collector figures, gathered while the program runs and printed to stderr at exit.
//!
//! The interpreter loop is compiled twice (see `interp.rs`): the counting copy runs
//! only under `-X stats`, so the ordinary one pays nothing for this.

use std::fmt::Write;

use stitch_core::instr::Op;

/// Counters, indexed by opcode.
pub struct Stats {
    /// Executions of each instruction (specialised forms counted under their own name).
    pub exec: [u64; 256],
    /// Guard failures that sent a specialised instruction back to its generic form.
    pub deopt: [u64; 256],
    /// Specialisation attempts that rewrote a generic instruction.
    pub specialized: [u64; 256],
    /// Specialisation attempts that found no fitting form (and backed off).
    pub failed: [u64; 256],
    /// Collections and the time they took.
    pub collections: u64,
    pub gc_nanos: u128,
}

impl Stats {
    pub fn new() -> Box<Stats> {
        Box::new(Stats {
            exec: [0; 256],
            deopt: [0; 256],
            specialized: [0; 256],
            failed: [0; 256],
            collections: 0,
            gc_nanos: 0,
        })
    }

    /// The report printed at exit.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let total: u64 = self.exec.iter().sum();
        let _ = writeln!(out, "stitch stats: {total} instructions executed");
        let mut rows: Vec<(u8, u64)> = (0..=255u8)
            .filter(|&i| self.exec[i as usize] > 0)
            .map(|i| (i, self.exec[i as usize]))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let _ = writeln!(
            out,
            "{:<32} {:>14} {:>7} {:>10}",
            "instruction", "count", "%", "deopts"
        );
        for (op, n) in rows {
            let name = op_name(op);
            let pct = if total > 0 {
                100.0 * n as f64 / total as f64
            } else {
                0.0
            };
            let _ = writeln!(
                out,
                "{name:<32} {n:>14} {pct:>6.2}% {:>10}",
                self.deopt[op as usize]
            );
        }
        let _ = writeln!(
            out,
            "\nspecialisation by family (hits = executions of specialised forms)"
        );
        let _ = writeln!(
            out,
            "{:<20} {:>14} {:>14} {:>7} {:>10} {:>10} {:>10}",
            "family", "generic", "specialised", "hit %", "rewrites", "failures", "deopts"
        );
        for base in 0..=255u8 {
            let Some(bop) = op_of(base) else { continue };
            if bop.family() != bop {
                continue;
            }
            let mut generic = 0;
            let mut hits = 0;
            let mut deopts = 0;
            let mut members = 0;
            for i in 0..=255u8 {
                let Some(o) = op_of(i) else { continue };
                if o.family() != bop {
                    continue;
                }
                members += 1;
                if o == bop {
                    generic += self.exec[i as usize];
                } else {
                    hits += self.exec[i as usize];
                    deopts += self.deopt[i as usize];
                }
            }
            if members < 2 || generic + hits == 0 {
                continue;
            }
            let pct = 100.0 * hits as f64 / (generic + hits) as f64;
            let _ = writeln!(
                out,
                "{:<20} {generic:>14} {hits:>14} {pct:>6.1}% {:>10} {:>10} {deopts:>10}",
                bop.name(),
                self.specialized[base as usize],
                self.failed[base as usize],
            );
        }
        let _ = writeln!(
            out,
            "\ncollections: {}, {:.3} s in the collector",
            self.collections,
            self.gc_nanos as f64 / 1e9
        );
        out
    }
}

fn op_of(b: u8) -> Option<Op> {
    Op::from_u8(b)
}

fn op_name(b: u8) -> &'static str {
    op_of(b).map(|o| o.name()).unwrap_or("?")
}
