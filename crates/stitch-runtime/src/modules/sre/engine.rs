//! The matcher: a backtracking interpreter of a decoded [`Program`] with
//! CPython's semantics (marks, `lastmark`/`lastindex`, repeat contexts, zero-width
//! protection, the `toplevel`/`match_all`/`must_advance` rules). Nested attempts
//! are frames on an explicit stack, never Rust recursion, so pathological patterns
//! cannot overflow the native stack. Pending signals are honoured now and then.

use super::charset::{Fold, Test};
use super::chars::{self, LINEFEED};
use super::code::{At, MAXREPEAT, Op, Program, RepeatKind};
use crate::vm::{PyResult, Vm};

/// A code unit of the subject: a byte (bytes and ASCII str) or a code point.
pub trait Char: Copy {
    fn code(self) -> u32;
}

impl Char for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl Char for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// What a frame waits for: the kind of nested attempt it started.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Resume {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    Possessive1,
    Possessive2,
    Atomic,
}

/// One level of matching: the operation being executed and its locals.
#[derive(Clone, Copy, Debug)]
pub(super) struct Frame {
    pub(super) resume: Resume,
    pub(super) toplevel: bool,
    pub(super) pc: u32,
    /// A repeat context, a branch alternative or a literal, by operation.
    pub(super) aux: u32,
    pub(super) ptr: isize,
    pub(super) count: isize,
    pub(super) lastmark: isize,
    pub(super) lastindex: isize,
    pub(super) saved: isize,
}

impl Frame {
    pub(super) fn new(pc: usize, toplevel: bool) -> Frame {
        Frame {
            resume: Resume::None,
            toplevel,
            pc: pc as u32,
            aux: 0,
            ptr: 0,
            count: 0,
            lastmark: -1,
            lastindex: -1,
            saved: -1,
        }
    }
}

/// A repeat context (REPEAT ... MAX_UNTIL / MIN_UNTIL).
#[derive(Clone, Copy, Debug)]
pub(super) struct Rep {
    pub(super) count: isize,
    pub(super) op: u32,
    pub(super) prev: isize,
    pub(super) last_ptr: isize,
}

pub(super) enum Act {
    Enter,
    Exec,
    Call(usize, bool),
    Ret(bool),
    /// The engine met an inconsistent state (UNTIL without a repeat).
    Error,
}

/// The state of matching one subject.
pub struct State<'t, C: Char> {
    pub text: &'t [C],
    /// Where the current attempt started.
    pub start: isize,
    pub end: isize,
    /// Where the last attempt ended (on success, the end of the match).
    pub ptr: isize,
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    pub(super) repeat: isize,
    pub(super) reps: Vec<Rep>,
    pub(super) saved: Vec<isize>,
    pub(super) frames: Vec<Frame>,
    steps: u32,
}

pub(super) const NULL: isize = -1;

/// The vectors of a finished state, kept for the next one (matching is often
/// done many times on short strings).
#[derive(Default)]
struct Buffers {
    marks: Vec<isize>,
    reps: Vec<Rep>,
    saved: Vec<isize>,
    frames: Vec<Frame>,
}

thread_local! {
    static POOL: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Vectors larger than this (in elements) are not kept.
const KEEP_MAX: usize = 1 << 16;

impl<C: Char> Drop for State<'_, C> {
    fn drop(&mut self) {
        let mut b = Buffers {
            marks: std::mem::take(&mut self.marks),
            reps: std::mem::take(&mut self.reps),
            saved: std::mem::take(&mut self.saved),
            frames: std::mem::take(&mut self.frames),
        };
        if b.frames.capacity() > KEEP_MAX
            || b.saved.capacity() > KEEP_MAX
            || b.reps.capacity() > KEEP_MAX
            || b.marks.capacity() > KEEP_MAX
        {
            return;
        }
        b.reps.clear();
        b.saved.clear();
        b.frames.clear();
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 8 {
                p.push(b);
            }
        });
    }
}

impl<'t, C: Char> State<'t, C> {
    /// A state for `text[start..end]` (bounds already clamped to the text).
    pub fn new(text: &'t [C], start: isize, end: isize, groups: usize) -> Self {
        let mut b = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
        b.marks.clear();
        b.marks.resize(2 * groups + 2, NULL);
        State {
            text,
            start,
            end,
            ptr: start,
            marks: std::mem::take(&mut b.marks),
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NULL,
            reps: std::mem::take(&mut b.reps),
            saved: std::mem::take(&mut b.saved),
            frames: std::mem::take(&mut b.frames),
            steps: 0,
        }
    }

    /// Forgets the groups of the previous attempt (CPython's `state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NULL;
        self.reps.clear();
        self.saved.clear();
        self.frames.clear();
    }

    /// The span of group `g` (1-based) after a match, if it took part.
    pub fn group_span(&self, g: usize) -> Option<(isize, isize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize <= self.lastmark {
            let (a, b) = (self.marks[j], self.marks[j + 1]);
            if a != NULL && b != NULL {
                return Some((a, b));
            }
        }
        None
    }

    /// The character at `i`, or 0 outside the text (like the terminating NUL).
    #[inline(always)]
    fn at(&self, i: isize) -> u32 {
        if i >= 0 && (i as usize) < self.text.len() { self.text[i as usize].code() } else { 0 }
    }

    #[inline(always)]
    pub(super) fn ch(&self, i: isize) -> u32 {
        self.text[i as usize].code()
    }

    pub(super) fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.saved.extend_from_slice(&self.marks[..n]);
        }
    }

    pub(super) fn mark_pop(&mut self, lastmark: isize, keep: bool) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            let base = self.saved.len() - n;
            self.marks[..n].copy_from_slice(&self.saved[base..]);
            if !keep {
                self.saved.truncate(base);
            }
        }
    }

    pub(super) fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.saved.truncate(self.saved.len() - n);
        }
    }

    pub(super) fn lastmark_save(&self, f: &mut Frame) {
        f.lastmark = self.lastmark;
        f.lastindex = self.lastindex;
    }

    pub(super) fn lastmark_restore(&mut self, f: &Frame) {
        self.lastmark = f.lastmark;
        self.lastindex = f.lastindex;
    }

    fn is_word(at: At, c: u32) -> bool {
        match at {
            At::Boundary | At::NonBoundary => chars::is_ascii_word(c),
            At::LocBoundary | At::LocNonBoundary => chars::is_locale_word(c),
            _ => chars::is_uni_word(c),
        }
    }

    fn at_test(&self, ptr: isize, at: At) -> bool {
        let end = self.end;
        match at {
            At::Beginning | At::BeginningString => ptr == 0,
            At::BeginningLine => ptr == 0 || self.at(ptr - 1) == LINEFEED,
            At::End => (end - ptr == 1 && self.at(ptr) == LINEFEED) || ptr == end,
            At::EndLine => ptr == end || self.at(ptr) == LINEFEED,
            At::EndString => ptr == end,
            At::Boundary | At::LocBoundary | At::UniBoundary => {
                if end == 0 {
                    return false;
                }
                let before = ptr > 0 && Self::is_word(at, self.at(ptr - 1));
                let here = ptr < end && Self::is_word(at, self.at(ptr));
                before != here
            }
            At::NonBoundary | At::LocNonBoundary | At::UniNonBoundary => {
                if end == 0 {
                    return false;
                }
                let before = ptr > 0 && Self::is_word(at, self.at(ptr - 1));
                let here = ptr < end && Self::is_word(at, self.at(ptr));
                before == here
            }
        }
    }

    /// How many times (up to `max`) `item` matches from `ptr`.
    pub(super) fn count(&self, item: &Test, ptr: isize, max: u32) -> isize {
        let mut end = self.end;
        if max != MAXREPEAT && (max as isize) < end - ptr {
            end = ptr + max as isize;
        }
        if end <= ptr {
            return 0;
        }
        let (a, b) = (ptr as usize, end as usize);
        let slice = &self.text[a..b];
        let n = match item {
            Test::AnyAll => slice.len(),
            Test::Any => slice.iter().position(|c| c.code() == LINEFEED).unwrap_or(slice.len()),
            Test::Lit(l) => slice.iter().position(|c| c.code() != *l).unwrap_or(slice.len()),
            Test::NotLit(l) => slice.iter().position(|c| c.code() == *l).unwrap_or(slice.len()),
            Test::In(set) => slice.iter().position(|c| !set.contains(c.code())).unwrap_or(slice.len()),
            t => slice.iter().position(|c| !t.matches(c.code())).unwrap_or(slice.len()),
        };
        n as isize
    }

    fn groupref(&self, ptr: &mut isize, group: u32, fold: Fold) -> bool {
        let g = 2 * group as isize;
        if g >= self.lastmark {
            return false;
        }
        let (mut p, e) = (self.marks[g as usize], self.marks[g as usize + 1]);
        if p == NULL || e == NULL || e < p {
            return false;
        }
        let mut q = *ptr;
        while p < e {
            if q >= self.end {
                return false;
            }
            let (a, b) = (self.ch(q), self.ch(p));
            let same = match fold {
                Fold::None => a == b,
                Fold::Ascii => chars::lower_ascii(a) == chars::lower_ascii(b),
                Fold::Unicode => chars::lower_unicode(a) == chars::lower_unicode(b),
                Fold::Locale => chars::lower_locale(a) == chars::lower_locale(b),
            };
            if !same {
                return false;
            }
            p += 1;
            q += 1;
        }
        *ptr = q;
        true
    }

    /// Matches `prog` from operation `pc` at `self.ptr` (CPython's `SRE(match)`).
    pub fn run(&mut self, vm: &mut Vm, prog: &Program, pc: usize, toplevel: bool) -> PyResult<bool> {
        let base = self.frames.len();
        let mut cur = Frame::new(pc, toplevel);
        let mut act = Act::Enter;
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xfff == 0 && crate::signals::breaker() {
                crate::signals::handle_pending(vm)?;
            }
            act = match act {
                Act::Enter => {
                    cur.ptr = self.ptr;
                    if let Some(Op::Info { min, next }) = prog.ops.get(cur.pc as usize) {
                        let room = self.end - cur.ptr;
                        if *min != 0 && room >= 0 && (room as u64) < *min as u64 {
                            Act::Ret(false)
                        } else {
                            cur.pc = *next;
                            Act::Exec
                        }
                    } else {
                        Act::Exec
                    }
                }
                Act::Exec => self.exec(prog, &mut cur),
                Act::Error => return Err(internal_error(vm)),
                Act::Call(pc, top) => {
                    self.frames.push(cur);
                    cur = Frame::new(pc, top);
                    Act::Enter
                }
                Act::Ret(ok) => {
                    if self.frames.len() == base {
                        return Ok(ok);
                    }
                    cur = match self.frames.pop() {
                        Some(f) => f,
                        None => return Ok(ok),
                    };
                    match self.resume(prog, &mut cur, ok) {
                        Some(a) => a,
                        None => return Err(internal_error(vm)),
                    }
                }
            };
        }
    }

    /// Runs operations of frame `f` until it returns or starts a nested attempt.
    fn exec(&mut self, prog: &Program, f: &mut Frame) -> Act {
        let ops = &prog.ops[..];
        let mut pc = f.pc as usize;
        let mut ptr = f.ptr;
        let end = self.end;
        loop {
            let Some(op) = ops.get(pc) else { return Act::Ret(false) };
            match op {
                Op::Char(t) => {
                    if ptr >= end || !t.matches(self.ch(ptr)) {
                        return Act::Ret(false);
                    }
                    ptr += 1;
                    pc += 1;
                }
                Op::Mark(i) => {
                    let i = *i as isize;
                    if i & 1 == 1 {
                        self.lastindex = i / 2 + 1;
                    }
                    if i > self.lastmark {
                        for j in (self.lastmark + 1)..i {
                            self.marks[j as usize] = NULL;
                        }
                        self.lastmark = i;
                    }
                    self.marks[i as usize] = ptr;
                    pc += 1;
                }
                Op::Success => {
                    if f.toplevel
                        && ((self.match_all && ptr != self.end) || (self.must_advance && ptr == self.start))
                    {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr;
                    return Act::Ret(true);
                }
                Op::Failure => return Act::Ret(false),
                Op::At(at) => {
                    if !self.at_test(ptr, *at) {
                        return Act::Ret(false);
                    }
                    pc += 1;
                }
                Op::Jump(t) | Op::Info { next: t, .. } => pc = *t as usize,
                Op::Branch(_) => {
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    self.lastmark_save(f);
                    if self.repeat != NULL {
                        self.mark_push(f.lastmark);
                    }
                    f.aux = 0;
                    return self.branch_next(prog, f);
                }
                Op::RepeatOne { kind, min, max, item, next } => {
                    let (min, next) = (*min as isize, *next as usize);
                    f.pc = pc as u32;
                    match kind {
                        RepeatKind::Greedy => {
                            if min > end - ptr {
                                return Act::Ret(false);
                            }
                            self.ptr = ptr;
                            let count = self.count(item, ptr, *max);
                            ptr += count;
                            if count < min {
                                return Act::Ret(false);
                            }
                            if matches!(ops.get(next), Some(Op::Success))
                                && ptr == self.end
                                && !(f.toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                return Act::Ret(true);
                            }
                            if *max as isize == min {
                                // Exactly `min` items: nothing to backtrack into.
                                pc = next;
                                continue;
                            }
                            self.lastmark_save(f);
                            if self.repeat != NULL {
                                self.mark_push(f.lastmark);
                            }
                            f.ptr = ptr;
                            f.count = count;
                            return self.repeat_one(prog, f, min, next);
                        }
                        RepeatKind::Lazy => {
                            if min > end - ptr {
                                return Act::Ret(false);
                            }
                            self.ptr = ptr;
                            let count = if min == 0 {
                                0
                            } else {
                                let c = self.count(item, ptr, min as u32);
                                if c < min {
                                    return Act::Ret(false);
                                }
                                ptr += c;
                                c
                            };
                            if matches!(ops.get(next), Some(Op::Success))
                                && !(f.toplevel
                                    && ((self.match_all && ptr != self.end)
                                        || (self.must_advance && ptr == self.start)))
                            {
                                self.ptr = ptr;
                                return Act::Ret(true);
                            }
                            if *max as isize == min {
                                pc = next;
                                continue;
                            }
                            self.lastmark_save(f);
                            if self.repeat != NULL {
                                self.mark_push(f.lastmark);
                            }
                            f.ptr = ptr;
                            f.count = count;
                            return self.min_repeat_one(prog, f);
                        }
                        RepeatKind::Possessive => {
                            if ptr + min > end {
                                return Act::Ret(false);
                            }
                            self.ptr = ptr;
                            let count = self.count(item, ptr, *max);
                            ptr += count;
                            if count < min {
                                return Act::Ret(false);
                            }
                            pc = next;
                            if matches!(ops.get(pc), Some(Op::Success))
                                && ptr == self.end
                                && !(f.toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                return Act::Ret(true);
                            }
                        }
                    }
                }
                Op::Repeat { until, .. } => {
                    self.reps.push(Rep { count: -1, op: pc as u32, prev: self.repeat, last_ptr: NULL });
                    let r = self.reps.len() - 1;
                    self.repeat = r as isize;
                    self.ptr = ptr;
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.aux = r as u32;
                    f.resume = Resume::Repeat;
                    return Act::Call(*until as usize, f.toplevel);
                }
                Op::MaxUntil | Op::MinUntil => {
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    return self.until(prog, f, matches!(op, Op::MaxUntil));
                }
                Op::PossessiveRepeat { body, .. } => {
                    self.ptr = ptr;
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.count = 0;
                    return self.possessive_min(prog, f, *body as usize);
                }
                Op::Atomic { body, .. } => {
                    self.ptr = ptr;
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.resume = Resume::Atomic;
                    return Act::Call(*body as usize, false);
                }
                Op::GroupRef { group, fold } => {
                    if !self.groupref(&mut ptr, *group, *fold) {
                        return Act::Ret(false);
                    }
                    pc += 1;
                }
                Op::GroupRefExists { group, no } => {
                    let g = 2 * *group as isize;
                    let set = g < self.lastmark && {
                        let (p, e) = (self.marks[g as usize], self.marks[g as usize + 1]);
                        p != NULL && e != NULL && e >= p
                    };
                    pc = if set { pc + 1 } else { *no as usize };
                }
                Op::Assert { back, body, .. } => {
                    let back = *back as isize;
                    if ptr < back {
                        return Act::Ret(false);
                    }
                    self.ptr = ptr - back;
                    f.pc = pc as u32;
                    f.ptr = ptr;
                    f.resume = Resume::Assert;
                    return Act::Call(*body as usize, false);
                }
                Op::AssertNot { back, body, next } => {
                    let back = *back as isize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        f.pc = pc as u32;
                        f.ptr = ptr;
                        self.lastmark_save(f);
                        if self.repeat != NULL {
                            self.mark_push(f.lastmark);
                        }
                        f.resume = Resume::AssertNot;
                        return Act::Call(*body as usize, false);
                    }
                    pc = *next as usize;
                }
            }
        }
    }
}

fn internal_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error("internal error in regular expression engine")
}
