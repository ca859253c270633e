//! The first-character filter: the tests one of which the first character of
//! any match must pass, found by walking the program from its start (zero-width
//! operations are looked through; a path that may consume nothing gives up).
//! Searching skips the positions where no test passes, which CPython's engine
//! would reject at their first consuming operation anyway.

use super::charset::Test;
use super::code::{Op, Program};

/// Where a test lives: a `Char` operation or the item of a `RepeatOne`.
#[derive(Clone, Copy, Debug)]
pub struct TestRef(u32);

/// The filter: a table for the first 256 code points and the tests for the rest.
#[derive(Debug)]
pub struct First {
    low: [u64; 4],
    tests: Box<[TestRef]>,
}

const MAX_TESTS: usize = 24;
const MAX_DEPTH: usize = 64;

fn test_at(prog: &Program, r: TestRef) -> Option<&Test> {
    match prog.ops.get(r.0 as usize)? {
        Op::Char(t) => Some(t),
        Op::RepeatOne { item, .. } => Some(item),
        _ => None,
    }
}

impl First {
    /// The filter of `prog` from its body, if every path consumes a character.
    pub fn of(prog: &Program) -> Option<First> {
        let mut tests = Vec::new();
        collect(prog, prog.body, &mut tests, 0)?;
        let mut low = [0u64; 4];
        for c in 0..256u32 {
            if tests.iter().any(|&r| test_at(prog, r).is_some_and(|t| t.matches(c))) {
                low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        Some(First { low, tests: tests.into_boxed_slice() })
    }

    /// Whether a match may start with `c`.
    #[inline]
    pub fn admits(&self, prog: &Program, c: u32) -> bool {
        if c < 256 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.tests.iter().any(|&r| test_at(prog, r).is_some_and(|t| t.matches(c)))
    }
}

/// Adds the tests of the first consuming operations reachable from `pc`;
/// `None` when some path may consume nothing or is too complex.
fn collect(prog: &Program, mut pc: usize, out: &mut Vec<TestRef>, depth: usize) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    loop {
        match prog.ops.get(pc)? {
            Op::Char(_) => {
                out.push(TestRef(pc as u32));
                return if out.len() > MAX_TESTS { None } else { Some(()) };
            }
            Op::Mark(_) | Op::At(_) => pc += 1,
            Op::Info { next, .. } | Op::Assert { next, .. } | Op::AssertNot { next, .. } | Op::Jump(next) => {
                pc = *next as usize
            }
            Op::Branch(alts) => {
                for &a in alts.iter() {
                    collect(prog, a as usize, out, depth + 1)?;
                }
                return Some(());
            }
            Op::RepeatOne { min, next, .. } => {
                out.push(TestRef(pc as u32));
                if out.len() > MAX_TESTS {
                    return None;
                }
                if *min >= 1 {
                    return Some(());
                }
                pc = *next as usize;
            }
            Op::Repeat { min, body, .. } | Op::PossessiveRepeat { min, body, .. } if *min >= 1 => {
                pc = *body as usize;
            }
            Op::Atomic { body, .. } => pc = *body as usize,
            _ => return None,
        }
    }
}
