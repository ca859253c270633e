//! Searching: the attempts at successive positions, sped up by the pattern's INFO
//! block (a literal prefix, or a set its first character must belong to), as
//! CPython's `SRE(search)` does.

use super::code::{At, Op, Program};
use super::engine::{Char, State};
use crate::vm::{PyResult, Vm};

impl<C: Char> State<'_, C> {
    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// Matches at `self.start` (`match`, `fullmatch` and the scanner's `match`).
    pub fn match_here(&mut self, vm: &mut Vm, prog: &Program) -> PyResult<bool> {
        self.ptr = self.start;
        self.run(vm, prog, 0, true)
    }

    /// Finds the first match at or after `self.start`; on success `self.start`
    /// and `self.ptr` delimit it.
    pub fn search(&mut self, vm: &mut Vm, prog: &Program) -> PyResult<bool> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let body = prog.body;
        if let Some(info) = &prog.info {
            let min = info.min as isize;
            if min > 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            let (skip, resume) = info.resume.unwrap_or((0, body));
            if !info.prefix.is_empty() {
                let prefix = &info.prefix[..];
                let end = self.end;
                self.must_advance = false;
                let n = prefix.len() as isize;
                let first = prefix[0];
                while ptr < end && n <= end - ptr {
                    // The next occurrence of the prefix.
                    let hay = &self.text[ptr as usize..(end - n + 1) as usize];
                    let Some(k) = hay.iter().position(|c| c.code() == first) else { return Ok(false) };
                    ptr += k as isize;
                    let at = ptr as usize;
                    let whole = self.text[at + 1..at + prefix.len()].iter().zip(&prefix[1..]).all(|(c, p)| c.code() == *p);
                    if whole {
                        self.start = ptr;
                        self.ptr = ptr + skip as isize;
                        if info.literal {
                            self.ptr = ptr + n;
                            return Ok(true);
                        }
                        if self.run(vm, prog, resume, false)? {
                            return Ok(true);
                        }
                        self.reset_capture();
                    }
                    ptr += 1;
                }
                return Ok(false);
            }
            if let Some(set) = &info.charset {
                let end = self.end;
                self.must_advance = false;
                loop {
                    while ptr < end && !set.contains(self.text[ptr as usize].code()) {
                        ptr += 1;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                    self.start = ptr;
                    self.ptr = ptr;
                    if self.run(vm, prog, body, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    self.reset_capture();
                }
            }
        }
        // A position whose character cannot start a match is skipped.
        let admits = |st: &Self, p: isize| match &prog.first {
            Some(f) => p < st.end && f.admits(prog, st.text[p as usize].code()),
            None => true,
        };
        self.start = ptr;
        self.ptr = ptr;
        let mut found = admits(self, ptr) && self.run(vm, prog, body, true)?;
        self.must_advance = false;
        if !found && matches!(prog.ops.get(body), Some(Op::At(At::Beginning | At::BeginningString))) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !found && ptr < end {
            ptr += 1;
            if !admits(self, ptr) {
                continue;
            }
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            found = self.run(vm, prog, body, false)?;
        }
        Ok(found)
    }
}
