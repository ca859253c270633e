//! The compiled form of a pattern: the opcode list made by `re._compiler` is
//! checked (with the structure rules of CPython's validator) and decoded once into
//! a vector of operations whose jumps are indices into that vector. Single-character
//! operations become [`Test`]s, sets are preprocessed into [`CharSet`]s.

use super::charset::{CharSet, Fold, Item, Test};
use super::chars::Cat;

pub const MAXREPEAT: u32 = u32::MAX;
pub const MAXGROUPS: u32 = (i32::MAX / 2) as u32;
pub const MAGIC: i64 = 20220615;

mod opc {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

const INFO_PREFIX: u32 = 1;
const INFO_LITERAL: u32 = 2;
const INFO_CHARSET: u32 = 4;

/// A position test (`ATCODES`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Beginning,
    BeginningLine,
    BeginningString,
    Boundary,
    NonBoundary,
    End,
    EndLine,
    EndString,
    LocBoundary,
    LocNonBoundary,
    UniBoundary,
    UniNonBoundary,
}

/// Which flavour of repetition of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

/// One operation; `u32` fields named like targets are indices into `ops`.
#[derive(Debug)]
pub enum Op {
    Failure,
    Success,
    Char(Test),
    At(At),
    Mark(u32),
    Jump(u32),
    Info { min: u32, next: u32 },
    Branch(Box<[u32]>),
    RepeatOne { kind: RepeatKind, min: u32, max: u32, item: Test, next: u32 },
    Repeat { min: u32, max: u32, body: u32, until: u32 },
    MaxUntil,
    MinUntil,
    PossessiveRepeat { min: u32, max: u32, body: u32, next: u32 },
    Atomic { body: u32, next: u32 },
    GroupRef { group: u32, fold: Fold },
    GroupRefExists { group: u32, no: u32 },
    Assert { back: u32, body: u32, next: u32 },
    AssertNot { back: u32, body: u32, next: u32 },
}

/// The optimisation info of the pattern's leading INFO block.
#[derive(Debug, Default)]
pub struct Info {
    pub min: u32,
    /// The pattern is entirely this literal prefix.
    pub literal: bool,
    pub prefix: Vec<u32>,
    /// Where matching resumes after a prefix hit: `(chars, op index)`.
    pub resume: Option<(usize, usize)>,
    pub charset: Option<CharSet>,
}

/// A decoded pattern.
#[derive(Debug)]
pub struct Program {
    pub ops: Vec<Op>,
    pub info: Option<Info>,
    /// The first operation after the leading INFO block.
    pub body: usize,
    /// What the first character of a match must be, when known.
    pub first: Option<super::first::First>,
}

struct Invalid;

type R<T> = Result<T, Invalid>;

struct Decoder<'a> {
    code: &'a [u32],
    groups: u64,
    ops: Vec<Op>,
    /// Op index of each code offset that starts an operation.
    index_of: Vec<u32>,
    depth: usize,
    top_info: Option<Info>,
}

/// Decodes and checks `code`; `None` when it is not valid SRE code.
pub fn decode(code: &[u32], groups: u64) -> Option<Program> {
    if groups > MAXGROUPS as u64 || code.last() != Some(&opc::SUCCESS) {
        return None;
    }
    let mut d = Decoder { code, groups, ops: Vec::new(), index_of: vec![u32::MAX; code.len() + 1], depth: 0, top_info: None };
    let end = code.len() - 1;
    match d.inner(0, end) {
        Ok(false) => {}
        _ => return None,
    }
    d.emit(end, Op::Success);
    d.finish()
}

impl Decoder<'_> {
    /// Turns code offsets into op indices and assembles the program.
    fn finish(mut self) -> Option<Program> {
        let index_of = std::mem::take(&mut self.index_of);
        let map = |t: &mut u32| -> Option<()> {
            let i = *index_of.get(*t as usize)?;
            if i == u32::MAX {
                return None;
            }
            *t = i;
            Some(())
        };
        for op in self.ops.iter_mut() {
            match op {
                Op::Jump(t) => map(t)?,
                Op::Info { next, .. } => map(next)?,
                Op::Branch(alts) => {
                    for a in alts.iter_mut() {
                        map(a)?;
                    }
                }
                Op::RepeatOne { next, .. } => map(next)?,
                Op::Repeat { body, until, .. } => {
                    map(body)?;
                    map(until)?;
                }
                Op::PossessiveRepeat { body, next, .. }
                | Op::Atomic { body, next }
                | Op::Assert { body, next, .. }
                | Op::AssertNot { body, next, .. } => {
                    map(body)?;
                    map(next)?;
                }
                Op::GroupRefExists { no, .. } => map(no)?,
                _ => {}
            }
        }
        let body = match self.ops.first() {
            Some(Op::Info { next, .. }) => *next as usize,
            _ => 0,
        };
        let mut info = self.top_info.take();
        if let Some(info) = info.as_mut()
            && let Some((skip, off)) = info.resume
        {
            // Resume past the prefix literals only when they are plain LITERALs.
            let literal_ops = skip <= info.prefix.len()
                && (0..skip).all(|k| {
                    matches!(self.ops.get(body + k), Some(Op::Char(Test::Lit(c))) if *c == info.prefix[k])
                });
            info.resume = match index_of.get(off) {
                Some(&i) if literal_ops && i != u32::MAX => Some((skip, i as usize)),
                _ => None,
            };
        }
        let mut prog = Program { ops: self.ops, info, body, first: None };
        prog.first = super::first::First::of(&prog);
        Some(prog)
    }

    fn emit(&mut self, at: usize, op: Op) {
        if let Some(slot) = self.index_of.get_mut(at) {
            *slot = self.ops.len() as u32;
        }
        self.ops.push(op);
    }

    fn word(&self, at: usize, end: usize) -> R<u32> {
        if at >= end {
            return Err(Invalid);
        }
        self.code.get(at).copied().ok_or(Invalid)
    }

    /// A skip at `at`: the offset it designates must stay within `end` (+`adj`).
    fn skip(&self, at: usize, end: usize, adj: usize) -> R<usize> {
        let s = self.word(at, end)? as usize;
        if s.saturating_sub(adj) > end - at {
            return Err(Invalid);
        }
        Ok(s)
    }

    /// Decodes the operations in `[pos, end)`; true when the last one is a JUMP.
    fn inner(&mut self, mut pos: usize, end: usize) -> R<bool> {
        if pos > end {
            return Err(Invalid);
        }
        self.depth += 1;
        if self.depth > 5000 {
            return Err(Invalid);
        }
        while pos < end {
            let at = pos;
            let op = self.word(pos, end)?;
            pos += 1;
            match op {
                opc::MARK => {
                    let arg = self.word(pos, end)?;
                    pos += 1;
                    if arg as u64 > 2 * self.groups + 1 {
                        return Err(Invalid);
                    }
                    self.emit(at, Op::Mark(arg));
                }
                opc::SUCCESS => self.emit(at, Op::Success),
                opc::FAILURE => self.emit(at, Op::Failure),
                opc::AT => {
                    let arg = self.word(pos, end)?;
                    pos += 1;
                    self.emit(at, Op::At(at_code(arg)?));
                }
                opc::JUMP => {
                    if pos + 1 != end {
                        return Err(Invalid);
                    }
                    let s = self.word(pos, end)? as usize;
                    self.emit(at, Op::Jump((pos + s) as u32));
                    self.depth -= 1;
                    return Ok(true);
                }
                opc::INFO => pos = self.info(at, pos, end)?,
                opc::BRANCH => pos = self.branch(at, pos, end)?,
                opc::REPEAT_ONE | opc::MIN_REPEAT_ONE | opc::POSSESSIVE_REPEAT_ONE => {
                    let s = self.skip(pos, end, 0)?;
                    let min = self.word(pos + 1, end)?;
                    let max = self.word(pos + 2, end)?;
                    if min > max || s < 4 {
                        return Err(Invalid);
                    }
                    let item_end = pos + s - 1;
                    let (item, after) = self.test(pos + 3, item_end)?;
                    if after != item_end || self.word(item_end, end)? != opc::SUCCESS {
                        return Err(Invalid);
                    }
                    let kind = match op {
                        opc::REPEAT_ONE => RepeatKind::Greedy,
                        opc::MIN_REPEAT_ONE => RepeatKind::Lazy,
                        _ => RepeatKind::Possessive,
                    };
                    self.emit(at, Op::RepeatOne { kind, min, max, item, next: (pos + s) as u32 });
                    pos += s;
                }
                opc::REPEAT | opc::POSSESSIVE_REPEAT => {
                    let s = self.skip(pos, end, 0)?;
                    let min = self.word(pos + 1, end)?;
                    let max = self.word(pos + 2, end)?;
                    if min > max || s < 3 {
                        return Err(Invalid);
                    }
                    let body = pos + 3;
                    let stop = pos + s;
                    if op == opc::REPEAT {
                        self.emit(at, Op::Repeat { min, max, body: body as u32, until: stop as u32 });
                    } else {
                        self.emit(at, Op::PossessiveRepeat { min, max, body: body as u32, next: stop as u32 + 1 });
                    }
                    if self.inner(body, stop)? {
                        return Err(Invalid);
                    }
                    let last = self.word(stop, end)?;
                    match (op, last) {
                        (opc::POSSESSIVE_REPEAT, opc::SUCCESS) => self.emit(stop, Op::Success),
                        (opc::REPEAT, opc::MAX_UNTIL) => self.emit(stop, Op::MaxUntil),
                        (opc::REPEAT, opc::MIN_UNTIL) => self.emit(stop, Op::MinUntil),
                        _ => return Err(Invalid),
                    }
                    pos = stop + 1;
                }
                opc::ATOMIC_GROUP => {
                    let s = self.skip(pos, end, 0)?;
                    if s < 2 {
                        return Err(Invalid);
                    }
                    let stop = pos + s - 1;
                    self.emit(at, Op::Atomic { body: pos as u32 + 1, next: (pos + s) as u32 });
                    if self.inner(pos + 1, stop)? || self.word(stop, end)? != opc::SUCCESS {
                        return Err(Invalid);
                    }
                    self.emit(stop, Op::Success);
                    pos += s;
                }
                opc::GROUPREF | opc::GROUPREF_IGNORE | opc::GROUPREF_UNI_IGNORE | opc::GROUPREF_LOC_IGNORE => {
                    let g = self.word(pos, end)?;
                    pos += 1;
                    if g as u64 >= self.groups {
                        return Err(Invalid);
                    }
                    let fold = match op {
                        opc::GROUPREF => Fold::None,
                        opc::GROUPREF_IGNORE => Fold::Ascii,
                        opc::GROUPREF_UNI_IGNORE => Fold::Unicode,
                        _ => Fold::Locale,
                    };
                    self.emit(at, Op::GroupRef { group: g, fold });
                }
                opc::GROUPREF_EXISTS => {
                    let g = self.word(pos, end)?;
                    if g as u64 >= self.groups {
                        return Err(Invalid);
                    }
                    let k = pos + 1;
                    let s = self.skip(k, end, 1)?;
                    if s < 2 {
                        return Err(Invalid);
                    }
                    let no = k + s - 1;
                    self.emit(at, Op::GroupRefExists { group: g, no: no as u32 });
                    if self.inner(k + 1, no)? {
                        let j = k + s - 2;
                        let s2 = self.skip(j, end, 0)?;
                        if s2 < 1 {
                            return Err(Invalid);
                        }
                        if self.inner(j + 1, j + s2)? {
                            return Err(Invalid);
                        }
                        pos = j + s2;
                    } else {
                        pos = no;
                    }
                }
                opc::ASSERT | opc::ASSERT_NOT => {
                    let s = self.skip(pos, end, 0)?;
                    let back = self.word(pos + 1, end)?;
                    if s < 3 {
                        return Err(Invalid);
                    }
                    let stop = pos + s - 1;
                    let (body, next) = (pos as u32 + 2, (pos + s) as u32);
                    self.emit(
                        at,
                        if op == opc::ASSERT {
                            Op::Assert { back, body, next }
                        } else {
                            Op::AssertNot { back, body, next }
                        },
                    );
                    if self.inner(pos + 2, stop)? || self.word(stop, end)? != opc::SUCCESS {
                        return Err(Invalid);
                    }
                    self.emit(stop, Op::Success);
                    pos += s;
                }
                _ => {
                    let (t, after) = self.test(at, end)?;
                    self.emit(at, Op::Char(t));
                    pos = after;
                }
            }
        }
        self.depth -= 1;
        Ok(false)
    }

    /// A single-character operation at `at`: the test and the offset after it.
    fn test(&self, at: usize, end: usize) -> R<(Test, usize)> {
        let op = self.word(at, end)?;
        let arg = || self.word(at + 1, end);
        Ok(match op {
            opc::LITERAL => (Test::Lit(arg()?), at + 2),
            opc::NOT_LITERAL => (Test::NotLit(arg()?), at + 2),
            opc::LITERAL_IGNORE => (Test::LitIgnore(arg()?), at + 2),
            opc::NOT_LITERAL_IGNORE => (Test::NotLitIgnore(arg()?), at + 2),
            opc::LITERAL_UNI_IGNORE => (Test::LitUniIgnore(arg()?), at + 2),
            opc::NOT_LITERAL_UNI_IGNORE => (Test::NotLitUniIgnore(arg()?), at + 2),
            opc::LITERAL_LOC_IGNORE => (Test::LitLocIgnore(arg()?), at + 2),
            opc::NOT_LITERAL_LOC_IGNORE => (Test::NotLitLocIgnore(arg()?), at + 2),
            opc::ANY => (Test::Any, at + 1),
            opc::ANY_ALL => (Test::AnyAll, at + 1),
            opc::CATEGORY => (Test::Cat(Cat::from_code(arg()?).ok_or(Invalid)?), at + 2),
            opc::IN | opc::IN_IGNORE | opc::IN_UNI_IGNORE | opc::IN_LOC_IGNORE => {
                let s = self.skip(at + 1, end, 0)?;
                if s < 2 {
                    return Err(Invalid);
                }
                let stop = at + s;
                let items = self.charset(at + 2, stop)?;
                if self.word(stop, end)? != opc::FAILURE {
                    return Err(Invalid);
                }
                let fold = match op {
                    opc::IN => Fold::None,
                    opc::IN_IGNORE => Fold::Ascii,
                    opc::IN_UNI_IGNORE => Fold::Unicode,
                    _ => Fold::Locale,
                };
                (Test::In(Box::new(CharSet::new(items, fold))), at + 1 + s)
            }
            _ => return Err(Invalid),
        })
    }

    /// The members of a set in `[pos, end)`.
    fn charset(&self, mut pos: usize, end: usize) -> R<Vec<Item>> {
        let mut items = Vec::new();
        while pos < end {
            let op = self.word(pos, end)?;
            pos += 1;
            match op {
                opc::NEGATE => items.push(Item::Negate),
                opc::LITERAL => {
                    items.push(Item::Lit(self.word(pos, end)?));
                    pos += 1;
                }
                opc::RANGE | opc::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.word(pos, end)?, self.word(pos + 1, end)?);
                    pos += 2;
                    items.push(if op == opc::RANGE { Item::Range(lo, hi) } else { Item::RangeUniIgnore(lo, hi) });
                }
                opc::CHARSET => {
                    let words = self.code.get(pos..pos + 8).filter(|_| pos + 8 <= end).ok_or(Invalid)?;
                    let mut b = [0u32; 8];
                    b.copy_from_slice(words);
                    items.push(Item::Bits(Box::new(b)));
                    pos += 8;
                }
                opc::BIGCHARSET => {
                    let count = self.word(pos, end)? as usize;
                    pos += 1;
                    let table = self.code.get(pos..pos + 64).filter(|_| pos + 64 <= end).ok_or(Invalid)?;
                    let mut index = [0u8; 256];
                    for (i, w) in table.iter().enumerate() {
                        index[i * 4..i * 4 + 4].copy_from_slice(&w.to_ne_bytes());
                    }
                    if index.iter().any(|&b| b as usize >= count) {
                        return Err(Invalid);
                    }
                    pos += 64;
                    let n = count.checked_mul(8).ok_or(Invalid)?;
                    if n > end - pos {
                        return Err(Invalid);
                    }
                    let blocks: Vec<[u32; 8]> = (0..count)
                        .map(|k| {
                            let mut b = [0u32; 8];
                            b.copy_from_slice(&self.code[pos + k * 8..pos + k * 8 + 8]);
                            b
                        })
                        .collect();
                    pos += n;
                    items.push(Item::Big { index: Box::new(index), blocks: blocks.into_boxed_slice() });
                }
                opc::CATEGORY => {
                    let c = self.word(pos, end)?;
                    pos += 1;
                    items.push(Item::Cat(Cat::from_code(c).ok_or(Invalid)?));
                }
                _ => return Err(Invalid),
            }
        }
        Ok(items)
    }

    fn info(&mut self, at: usize, pos: usize, end: usize) -> R<usize> {
        let s = self.skip(pos, end, 0)?;
        let newcode = pos + s;
        if s < 1 {
            return Err(Invalid);
        }
        let flags = self.word(pos + 1, end)?;
        let min = self.word(pos + 2, end)?;
        let _max = self.word(pos + 3, end)?;
        let mut p = pos + 4;
        if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
            || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
            || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
        {
            return Err(Invalid);
        }
        let mut info = Info { min, literal: flags & INFO_LITERAL != 0, ..Info::default() };
        let mut prefix_skip = 0;
        if flags & INFO_PREFIX != 0 {
            let len = self.word(p, end)? as usize;
            prefix_skip = self.word(p + 1, end)? as usize;
            p += 2;
            if len > newcode.saturating_sub(p) {
                return Err(Invalid);
            }
            info.prefix = self.code[p..p + len].to_vec();
            p += len;
            if len > newcode.saturating_sub(p) {
                return Err(Invalid);
            }
            if self.code[p..p + len].iter().any(|&o| o as usize >= len) {
                return Err(Invalid);
            }
            p += len;
        }
        if flags & INFO_CHARSET != 0 {
            if newcode < 1 || newcode - 1 < p {
                return Err(Invalid);
            }
            let items = self.charset(p, newcode - 1)?;
            if self.word(newcode - 1, end)? != opc::FAILURE {
                return Err(Invalid);
            }
            info.charset = Some(CharSet::new(items, Fold::None));
        } else if p != newcode {
            return Err(Invalid);
        }
        if at == 0 {
            // Matching after a prefix hit resumes past its first `prefix_skip`
            // literals (resolved to an op index in `finish`).
            info.resume = Some((prefix_skip, newcode + 2 * prefix_skip));
            self.emit(at, Op::Info { min, next: newcode as u32 });
            self.top_info = Some(info);
        } else {
            self.emit(at, Op::Info { min, next: newcode as u32 });
        }
        Ok(newcode)
    }

    fn branch(&mut self, at: usize, mut pos: usize, end: usize) -> R<usize> {
        let index = self.ops.len();
        self.emit(at, Op::Branch(Box::new([])));
        let mut alts = Vec::new();
        let mut target: Option<usize> = None;
        loop {
            let s = self.skip(pos, end, 0)?;
            if s == 0 {
                pos += 1;
                break;
            }
            if s < 3 {
                return Err(Invalid);
            }
            alts.push((pos + 1) as u32);
            if self.inner(pos + 1, pos + s - 2)? {
                return Err(Invalid);
            }
            let j = pos + s - 2;
            if self.word(j, end)? != opc::JUMP {
                return Err(Invalid);
            }
            let js = self.skip(j + 1, end, 0)?;
            let t = j + 1 + js;
            if target.is_some_and(|x| x != t) {
                return Err(Invalid);
            }
            target = Some(t);
            self.emit(j, Op::Jump(t as u32));
            pos = j + 2;
        }
        if target != Some(pos) {
            return Err(Invalid);
        }
        self.ops[index] = Op::Branch(alts.into_boxed_slice());
        Ok(pos)
    }
}

fn at_code(c: u32) -> R<At> {
    use At::*;
    const ALL: [At; 12] = [
        Beginning,
        BeginningLine,
        BeginningString,
        Boundary,
        NonBoundary,
        End,
        EndLine,
        EndString,
        LocBoundary,
        LocNonBoundary,
        UniBoundary,
        UniNonBoundary,
    ];
    ALL.get(c as usize).copied().ok_or(Invalid)
}
