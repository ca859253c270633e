//! The continuations of the matcher: what a frame does when a nested attempt it
//! started returns (the next alternative of a BRANCH, one character less for a
//! greedy repeat, one more for a lazy one, the UNTIL decisions of REPEAT, the
//! loops of possessive repeats, ends of atomic groups and lookarounds).

use super::charset::Test;
use super::code::{MAXREPEAT, Op, Program};
use super::engine::{Act, Char, Frame, NULL, Resume, State};

impl<C: Char> State<'_, C> {
    /// Tries the next viable alternative of the BRANCH of frame `f`.
    pub(super) fn branch_next(&mut self, prog: &Program, f: &mut Frame) -> Act {
        let Some(Op::Branch(alts)) = prog.ops.get(f.pc as usize) else { return Act::Ret(false) };
        let ptr = f.ptr;
        while let Some(&start) = alts.get(f.aux as usize) {
            f.aux += 1;
            // An alternative whose first operation fails cannot match (and has
            // no effect to undo).
            if let Some(Op::Char(t)) = prog.ops.get(start as usize)
                && (ptr >= self.end || !t.matches(self.ch(ptr)))
            {
                continue;
            }
            self.ptr = ptr;
            f.resume = Resume::Branch;
            return Act::Call(start as usize, f.toplevel);
        }
        if self.repeat != NULL {
            self.mark_discard(f.lastmark);
        }
        Act::Ret(false)
    }

    /// The test of operation `next` when it is a single-character one: a
    /// continuation starting with it is not worth starting where it fails.
    fn first_test(prog: &Program, next: usize) -> Option<&Test> {
        match prog.ops.get(next) {
            Some(Op::Char(t)) => Some(t),
            _ => None,
        }
    }

    /// Greedy single-character repeat: tries the tail after `f.count` items,
    /// then one item less, down to `min`.
    pub(super) fn repeat_one(&mut self, prog: &Program, f: &mut Frame, min: isize, next: usize) -> Act {
        let first = Self::first_test(prog, next);
        while f.count >= min {
            if let Some(t) = first
                && (f.ptr >= self.end || !t.matches(self.ch(f.ptr)))
            {
                f.ptr -= 1;
                f.count -= 1;
                continue;
            }
            self.ptr = f.ptr;
            f.resume = Resume::RepeatOne;
            return Act::Call(next, f.toplevel);
        }
        if self.repeat != NULL {
            self.mark_discard(f.lastmark);
        }
        Act::Ret(false)
    }

    /// Lazy single-character repeat: tries the tail after `f.count` items, then
    /// after one item more, up to `max`.
    pub(super) fn min_repeat_one(&mut self, prog: &Program, f: &mut Frame) -> Act {
        let Some(Op::RepeatOne { max, next, item, .. }) = prog.ops.get(f.pc as usize) else {
            return Act::Ret(false);
        };
        let first = Self::first_test(prog, *next as usize);
        while *max == MAXREPEAT || f.count <= *max as isize {
            if let Some(t) = first
                && (f.ptr >= self.end || !t.matches(self.ch(f.ptr)))
            {
                // The tail would fail at once: take one item more.
                self.ptr = f.ptr;
                if self.count(item, f.ptr, 1) == 0 {
                    break;
                }
                f.ptr += 1;
                f.count += 1;
                continue;
            }
            self.ptr = f.ptr;
            f.resume = Resume::MinRepeatOne;
            return Act::Call(*next as usize, f.toplevel);
        }
        if self.repeat != NULL {
            self.mark_discard(f.lastmark);
        }
        Act::Ret(false)
    }

    /// MAX_UNTIL / MIN_UNTIL reached with the repeat context on top.
    pub(super) fn until(&mut self, prog: &Program, f: &mut Frame, greedy: bool) -> Act {
        if self.repeat == NULL {
            return Act::Error;
        }
        let r = self.repeat as usize;
        f.aux = r as u32;
        self.ptr = f.ptr;
        let count = self.reps[r].count + 1;
        f.count = count;
        let Some(&Op::Repeat { min, max, body, .. }) = prog.ops.get(self.reps[r].op as usize) else {
            return Act::Ret(false);
        };
        if count < min as isize {
            self.reps[r].count = count;
            f.resume = if greedy { Resume::MaxUntil1 } else { Resume::MinUntil1 };
            return Act::Call(body as usize, f.toplevel);
        }
        if greedy {
            if (count < max as isize || max == MAXREPEAT) && self.ptr != self.reps[r].last_ptr {
                self.reps[r].count = count;
                self.lastmark_save(f);
                self.mark_push(f.lastmark);
                f.saved = self.reps[r].last_ptr;
                self.reps[r].last_ptr = self.ptr;
                f.resume = Resume::MaxUntil2;
                return Act::Call(body as usize, f.toplevel);
            }
            self.max_until_tail(f)
        } else {
            self.repeat = self.reps[r].prev;
            self.lastmark_save(f);
            if self.repeat != NULL {
                self.mark_push(f.lastmark);
            }
            f.resume = Resume::MinUntil2;
            Act::Call(f.pc as usize + 1, f.toplevel)
        }
    }

    fn max_until_tail(&mut self, f: &mut Frame) -> Act {
        let r = f.aux as usize;
        self.repeat = self.reps[r].prev;
        f.resume = Resume::MaxUntil3;
        Act::Call(f.pc as usize + 1, f.toplevel)
    }

    pub(super) fn possessive_min(&mut self, prog: &Program, f: &mut Frame, body: usize) -> Act {
        let Some(&Op::PossessiveRepeat { min, .. }) = prog.ops.get(f.pc as usize) else { return Act::Ret(false) };
        if f.count < min as isize {
            f.resume = Resume::Possessive1;
            return Act::Call(body, false);
        }
        f.saved = NULL;
        self.possessive_more(prog, f)
    }

    fn possessive_more(&mut self, prog: &Program, f: &mut Frame) -> Act {
        let Some(&Op::PossessiveRepeat { max, body, next, .. }) = prog.ops.get(f.pc as usize) else {
            return Act::Ret(false);
        };
        if (f.count < max as isize || max == MAXREPEAT) && self.ptr != f.saved {
            self.lastmark_save(f);
            self.mark_push(f.lastmark);
            f.saved = self.ptr;
            f.resume = Resume::Possessive2;
            return Act::Call(body as usize, false);
        }
        f.pc = next;
        f.ptr = self.ptr;
        Act::Exec
    }

    /// Continues frame `f` after a nested attempt returned `ok`; `None` on an
    /// engine state error.
    pub(super) fn resume(&mut self, prog: &Program, f: &mut Frame, ok: bool) -> Option<Act> {
        let has_repeat = self.repeat != NULL;
        Some(match f.resume {
            Resume::None => return None,
            Resume::Branch => {
                if ok {
                    if has_repeat {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(true));
                }
                if has_repeat {
                    self.mark_pop(f.lastmark, true);
                }
                self.lastmark_restore(f);
                self.branch_next(prog, f)
            }
            Resume::RepeatOne => {
                if ok {
                    if has_repeat {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(true));
                }
                if has_repeat {
                    self.mark_pop(f.lastmark, true);
                }
                self.lastmark_restore(f);
                f.ptr -= 1;
                f.count -= 1;
                let Some(&Op::RepeatOne { min, next, .. }) = prog.ops.get(f.pc as usize) else {
                    return None;
                };
                self.repeat_one(prog, f, min as isize, next as usize)
            }
            Resume::MinRepeatOne => {
                if ok {
                    if has_repeat {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(true));
                }
                if has_repeat {
                    self.mark_pop(f.lastmark, true);
                }
                self.lastmark_restore(f);
                self.ptr = f.ptr;
                let Some(Op::RepeatOne { item, .. }) = prog.ops.get(f.pc as usize) else { return None };
                if self.count(item, f.ptr, 1) == 0 {
                    if has_repeat {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(false));
                }
                f.ptr += 1;
                f.count += 1;
                self.min_repeat_one(prog, f)
            }
            Resume::Repeat => {
                let r = f.aux as usize;
                self.repeat = self.reps.get(r)?.prev;
                self.reps.truncate(r);
                Act::Ret(ok)
            }
            Resume::MaxUntil1 | Resume::MinUntil1 => {
                if ok {
                    return Some(Act::Ret(true));
                }
                let r = f.aux as usize;
                self.reps.get_mut(r)?.count = f.count - 1;
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Resume::MaxUntil2 => {
                let r = f.aux as usize;
                self.reps.get_mut(r)?.last_ptr = f.saved;
                if ok {
                    self.mark_discard(f.lastmark);
                    return Some(Act::Ret(true));
                }
                self.mark_pop(f.lastmark, false);
                self.lastmark_restore(f);
                self.reps[r].count = f.count - 1;
                self.ptr = f.ptr;
                self.max_until_tail(f)
            }
            Resume::MaxUntil3 => {
                self.repeat = f.aux as isize;
                if ok {
                    return Some(Act::Ret(true));
                }
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Resume::MinUntil2 => {
                let r = f.aux as usize;
                let tail_repeat = self.repeat;
                self.repeat = r as isize;
                if ok {
                    if tail_repeat != NULL {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(true));
                }
                if tail_repeat != NULL {
                    self.mark_pop(f.lastmark, false);
                }
                self.lastmark_restore(f);
                self.ptr = f.ptr;
                let rep = *self.reps.get(r)?;
                let Some(&Op::Repeat { max, body, .. }) = prog.ops.get(rep.op as usize) else { return None };
                if (f.count >= max as isize && max != MAXREPEAT) || self.ptr == rep.last_ptr {
                    return Some(Act::Ret(false));
                }
                self.reps[r].count = f.count;
                f.saved = rep.last_ptr;
                self.reps[r].last_ptr = self.ptr;
                f.resume = Resume::MinUntil3;
                Act::Call(body as usize, f.toplevel)
            }
            Resume::MinUntil3 => {
                let r = f.aux as usize;
                self.reps.get_mut(r)?.last_ptr = f.saved;
                if ok {
                    return Some(Act::Ret(true));
                }
                self.reps[r].count = f.count - 1;
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Resume::Possessive1 => {
                if ok {
                    f.count += 1;
                    let Some(&Op::PossessiveRepeat { body, .. }) = prog.ops.get(f.pc as usize) else {
                        return None;
                    };
                    return Some(self.possessive_min(prog, f, body as usize));
                }
                self.ptr = f.ptr;
                Act::Ret(false)
            }
            Resume::Possessive2 => {
                if ok {
                    self.mark_discard(f.lastmark);
                    f.count += 1;
                    return Some(self.possessive_more(prog, f));
                }
                self.mark_pop(f.lastmark, false);
                self.lastmark_restore(f);
                self.ptr = f.saved;
                let Some(&Op::PossessiveRepeat { next, .. }) = prog.ops.get(f.pc as usize) else { return None };
                f.pc = next;
                f.ptr = self.ptr;
                Act::Exec
            }
            Resume::Atomic => {
                if !ok {
                    self.ptr = f.ptr;
                    return Some(Act::Ret(false));
                }
                let Some(&Op::Atomic { next, .. }) = prog.ops.get(f.pc as usize) else { return None };
                f.pc = next;
                f.ptr = self.ptr;
                Act::Exec
            }
            Resume::Assert => {
                if !ok {
                    return Some(Act::Ret(false));
                }
                let Some(&Op::Assert { next, .. }) = prog.ops.get(f.pc as usize) else { return None };
                f.pc = next;
                Act::Exec
            }
            Resume::AssertNot => {
                if ok {
                    if has_repeat {
                        self.mark_discard(f.lastmark);
                    }
                    return Some(Act::Ret(false));
                }
                if has_repeat {
                    self.mark_pop(f.lastmark, false);
                }
                self.lastmark_restore(f);
                let Some(&Op::AssertNot { next, .. }) = prog.ops.get(f.pc as usize) else { return None };
                f.pc = next;
                Act::Exec
            }
        })
    }
}
