//! The list sort: a stable merge sort following the algorithm of CPython 3.11's
//! `listsort` (natural runs, binary insertion for short runs, powersort merge
//! policy, galloping with an adaptive threshold), so that the sequence of `<`
//! comparisons, and therefore which exception is raised and the order a partly
//! sorted list is left in, are the same as CPython's.
//!
//! The sort permutes an array of indices into the keys, which stay in place (and
//! rooted); when a comparison raises, the array is still a permutation.

use std::cmp::Ordering;

use stitch_core::instr::cmpop;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Sorter<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
    /// Every key is an exact tuple.
    tuple_keys: bool,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// How a merge ended.
enum Exit {
    Done,
    /// One element of the copied run is left and belongs at the far end.
    CopyRest,
    Fail(PyErr),
}

impl Sorter<'_> {
    /// `keys[x] < keys[y]`.
    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        let (a, b) = (self.keys[x], self.keys[y]);
        if self.tuple_keys {
            return self.tuple_lt(a, b);
        }
        self.object_lt(a, b)
    }

    fn object_lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let r = self.vm.compare(a, b, cmpop::LT)?;
        if r.is_bool() {
            return Ok(r.is_true());
        }
        self.vm.truth(r)
    }

    /// `a < b` for two exact tuples: items that Rust can compare without side
    /// effects are compared directly, the rest as tuple comparison does (`==` until
    /// the first difference, then `<`).
    fn tuple_lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let (xs, ys) = (tuple::items(a), tuple::items(b));
        for (&x, &y) in xs.iter().zip(ys) {
            if x == y {
                continue;
            }
            if x.is_small_int() && y.is_small_int() {
                return Ok(x.small_value() < y.small_value());
            }
            if x.is_float() && y.is_float() {
                let (p, q) = (x.as_f64(), y.as_f64());
                if p == q {
                    continue;
                }
                return Ok(p < q);
            }
            if x.is_kind(Kind::Str) && y.is_kind(Kind::Str) {
                let (p, q) = (pystr::as_str(x), pystr::as_str(y));
                if p == q {
                    continue;
                }
                return Ok(p < q);
            }
            if let Some(ord) = crate::vm::ops::nested_seq_cmp(x, y, 0) {
                if ord == Some(Ordering::Equal) {
                    continue;
                }
                return Ok(ord == Some(Ordering::Less));
            }
            if !self.vm.eq_bool(x, y)? {
                return self.object_lt(x, y);
            }
        }
        Ok(xs.len() < ys.len())
    }

    /// The length of the run starting at `lo`, and whether it is strictly descending.
    fn count_run(&mut self, a: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(a[lo + 1], a[lo])? {
            for i in lo + 2..hi {
                if !self.lt(a[i], a[i - 1])? {
                    break;
                }
                n += 1;
            }
            Ok((n, true))
        } else {
            for i in lo + 2..hi {
                if self.lt(a[i], a[i - 1])? {
                    break;
                }
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of `a[lo..hi]` whose prefix `a[lo..start]` is sorted.
    fn binary_sort(&mut self, a: &mut [usize], lo: usize, hi: usize, start: usize) -> PyResult<()> {
        let start = if lo == start { start + 1 } else { start };
        for s in start..hi {
            let pivot = a[s];
            let (mut l, mut r) = (lo, s);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            a.copy_within(l..s, l + 1);
            a[l] = pivot;
        }
        Ok(())
    }

    /// The leftmost position in sorted `run` where `key` belongs (`run[k-1] < key <= run[k]`).
    fn gallop_left(&mut self, key: usize, run: &[usize], hint: usize) -> PyResult<usize> {
        let n = run.len();
        let (mut lastofs, mut ofs);
        ofs = 1;
        lastofs = 0;
        if self.lt(run[hint], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(run[hint + ofs], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(run[hint - ofs], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            // hint - ofs may be -1: keep the bounds shifted by one.
            lastofs = hint + 1 - ofs;
            ofs = hint - k;
            return self.bisect_left(key, run, lastofs, ofs);
        }
        self.bisect_left(key, run, lastofs + 1, ofs)
    }

    fn bisect_left(
        &mut self,
        key: usize,
        run: &[usize],
        mut lo: usize,
        mut hi: usize,
    ) -> PyResult<usize> {
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if self.lt(run[m], key)? {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        Ok(hi)
    }

    /// The rightmost position in sorted `run` where `key` belongs (`run[k-1] <= key < run[k]`).
    fn gallop_right(&mut self, key: usize, run: &[usize], hint: usize) -> PyResult<usize> {
        let n = run.len();
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        if self.lt(key, run[hint])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, run[hint - ofs])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            let lo = hint + 1 - ofs;
            ofs = hint - k;
            return self.bisect_right(key, run, lo, ofs);
        }
        let maxofs = n - hint;
        while ofs < maxofs {
            if self.lt(key, run[hint + ofs])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        self.bisect_right(key, run, lastofs + hint + 1, ofs + hint)
    }

    fn bisect_right(
        &mut self,
        key: usize,
        run: &[usize],
        mut lo: usize,
        mut hi: usize,
    ) -> PyResult<usize> {
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if self.lt(key, run[m])? {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        Ok(hi)
    }

    /// Merges the adjacent runs `a[pa..pa+na]` and `a[pb..pb+nb]` (na <= nb) from the left.
    fn merge_lo(
        &mut self,
        a: &mut [usize],
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let tmp: Vec<usize> = a[pa..pa + na].to_vec();
        let (mut dest, mut ia, mut ib) = (pa, 0usize, pb);
        a[dest] = a[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        let exit = 'merge: {
            if nb == 0 {
                break 'merge Exit::Done;
            }
            if na == 1 {
                break 'merge Exit::CopyRest;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let k = match self.lt(a[ib], tmp[ia]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    if k {
                        a[dest] = a[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Exit::Done;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest] = tmp[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge Exit::CopyRest;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(a[ib], &tmp[ia..ia + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        a[dest..dest + k].copy_from_slice(&tmp[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            break 'merge Exit::CopyRest;
                        }
                        if na == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    a[dest] = a[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Exit::Done;
                    }
                    let k = match self.gallop_left(tmp[ia], &a[ib..ib + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        a.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    a[dest] = tmp[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge Exit::CopyRest;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match exit {
            Exit::CopyRest => {
                a.copy_within(ib..ib + nb, dest);
                a[dest + nb] = tmp[ia];
                Ok(())
            }
            Exit::Done => {
                a[dest..dest + na].copy_from_slice(&tmp[ia..ia + na]);
                Ok(())
            }
            Exit::Fail(e) => {
                a[dest..dest + na].copy_from_slice(&tmp[ia..ia + na]);
                Err(e)
            }
        }
    }

    /// Merges the adjacent runs `a[pa..pa+na]` and `a[pb..pb+nb]` (na >= nb) from the right.
    fn merge_hi(
        &mut self,
        a: &mut [usize],
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let tmp: Vec<usize> = a[pb..pb + nb].to_vec();
        // Positions are kept one past the element they name so they never go below 0:
        // `dest` is one past the slot to fill, `ea` one past the last of run A, `eb`
        // one past the last remaining of the copy of run B.
        let mut dest = pb + nb;
        let mut ea = pa + na;
        let mut eb = nb;
        a[dest - 1] = a[ea - 1];
        dest -= 1;
        ea -= 1;
        na -= 1;
        let exit = 'merge: {
            if na == 0 {
                break 'merge Exit::Done;
            }
            if nb == 1 {
                break 'merge Exit::CopyRest;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let k = match self.lt(tmp[eb - 1], a[ea - 1]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    if k {
                        a[dest - 1] = a[ea - 1];
                        dest -= 1;
                        ea -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Exit::Done;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest - 1] = tmp[eb - 1];
                        dest -= 1;
                        eb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge Exit::CopyRest;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(tmp[eb - 1], &a[pa..pa + na], na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k;
                        ea -= k;
                        a.copy_within(ea..ea + k, dest);
                        na -= k;
                        if na == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    a[dest - 1] = tmp[eb - 1];
                    dest -= 1;
                    eb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'merge Exit::CopyRest;
                    }
                    let k = match self.gallop_left(a[ea - 1], &tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge Exit::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k;
                        eb -= k;
                        a[dest..dest + k].copy_from_slice(&tmp[eb..eb + k]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Exit::CopyRest;
                        }
                        if nb == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    a[dest - 1] = a[ea - 1];
                    dest -= 1;
                    ea -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Exit::Done;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match exit {
            Exit::CopyRest => {
                // Run A's remaining `na` items move right by one; B's first goes first.
                dest -= na;
                ea -= na;
                a.copy_within(ea..ea + na, dest);
                a[dest - 1] = tmp[eb - 1];
                Ok(())
            }
            Exit::Done => {
                a[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Ok(())
            }
            Exit::Fail(e) => {
                a[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Err(e)
            }
        }
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, a: &mut [usize], i: usize) -> PyResult<()> {
        let (mut base_a, mut na) = (self.pending[i].base, self.pending[i].len);
        let (base_b, mut nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        let k = self.gallop_right(a[base_b], &a[base_a..base_a + na], 0)?;
        base_a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        nb = self.gallop_left(a[base_a + na - 1], &a[base_b..base_b + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, base_a, na, base_b, nb)
        } else {
            self.merge_hi(a, base_a, na, base_b, nb)
        }
    }

    /// The powersort merge policy: merges runs whose boundary power exceeds that of
    /// the boundary before a new run of length `n2`.
    fn found_new_run(&mut self, a: &mut [usize], n2: usize, total: usize) -> PyResult<()> {
        let Some(top) = self.pending.last() else {
            return Ok(());
        };
        let power = power_of(top.base, top.len, n2, total);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            let i = self.pending.len() - 2;
            self.merge_at(a, i)?;
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self, a: &mut [usize]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(a, n)?;
        }
        Ok(())
    }

    fn sort(&mut self, a: &mut [usize]) -> PyResult<()> {
        let total = a.len();
        if total < 2 {
            return Ok(());
        }
        let minrun = min_run(total);
        let (mut lo, mut remaining) = (0, total);
        while remaining > 0 {
            let (mut n, descending) = self.count_run(a, lo, lo + remaining)?;
            if descending {
                a[lo..lo + n].reverse();
            }
            if n < minrun {
                let force = remaining.min(minrun);
                self.binary_sort(a, lo, lo + force, lo + n)?;
                n = force;
            }
            self.found_new_run(a, n, total)?;
            self.pending.push(Run {
                base: lo,
                len: n,
                power: 0,
            });
            lo += n;
            remaining -= n;
        }
        self.force_collapse(a)
    }
}

/// The minimum run length for `n` items (between 32 and 64).
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The powersort "power" of the boundary between a run at `s1` of length `n1` and
/// the following run of length `n2`, in a list of `n` items.
fn power_of(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut a = 2 * s1 as u128 + n1 as u128;
    let mut b = a + n1 as u128 + n2 as u128;
    let n = n as u128;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Keys whose order Rust can decide without calling Python (and without side
/// effects, so any stable sort gives CPython's result).
fn native_order(keys: &[Value]) -> Option<fn(&Value, &Value) -> Ordering> {
    let first = keys.first()?;
    if first.is_small_int() && keys.iter().all(|k| k.is_small_int()) {
        return Some(|a, b| a.small_value().cmp(&b.small_value()));
    }
    if first.is_float() && keys.iter().all(|k| k.is_float() && !k.as_f64().is_nan()) {
        return Some(|a, b| {
            a.as_f64()
                .partial_cmp(&b.as_f64())
                .unwrap_or(Ordering::Equal)
        });
    }
    if first.is_kind(Kind::Str) && keys.iter().all(|k| k.is_kind(Kind::Str)) {
        return Some(|a, b| pystr::as_str(*a).cmp(pystr::as_str(*b)));
    }
    None
}

/// Whether every key is an exact tuple whose items are small ints or strs, the
/// same kind at each position across all keys: tuple `<` is then a total order
/// decided without Python code (so a stable sort by it gives CPython's result).
fn native_tuple_keys(vm: &Vm, keys: &[Value]) -> bool {
    // Per position: 1 small int, 2 str (positions past 16 are not tracked).
    let mut kinds = [0u8; 16];
    let tuple_type = vm.types.tuple;
    for &k in keys {
        if !k.is_kind(Kind::Tuple) || vm.type_of(k) != tuple_type {
            return false;
        }
        let items = tuple::items(k);
        if items.len() > kinds.len() {
            return false;
        }
        for (slot, &x) in kinds.iter_mut().zip(items) {
            let kind = if x.is_small_int() {
                1
            } else if x.is_kind(Kind::Str) {
                2
            } else {
                return false;
            };
            if *slot == 0 {
                *slot = kind;
            } else if *slot != kind {
                return false;
            }
        }
    }
    true
}

/// Lexicographic order of two tuples checked by `native_tuple_keys`.
fn native_tuple_cmp(a: Value, b: Value) -> Ordering {
    let (xs, ys) = (tuple::items(a), tuple::items(b));
    for (&x, &y) in xs.iter().zip(ys) {
        if x == y {
            continue;
        }
        let o = if x.is_small_int() {
            x.small_value().cmp(&y.small_value())
        } else {
            pystr::as_str(x).cmp(pystr::as_str(y))
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    xs.len().cmp(&ys.len())
}

/// Sorts `order` (indices into `keys`) stably by the keys' `<`, as CPython would.
pub fn sort_indices(vm: &mut Vm, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    if let Some(cmp) = native_order(keys) {
        order.sort_by(|x, y| cmp(&keys[*x], &keys[*y]));
        return Ok(());
    }
    if keys.len() > 1 && native_tuple_keys(vm, keys) {
        order.sort_by(|x, y| native_tuple_cmp(keys[*x], keys[*y]));
        return Ok(());
    }
    let tuple_type = vm.types.tuple;
    let tuple_keys = keys
        .iter()
        .all(|k| k.is_kind(Kind::Tuple) && vm.type_of(*k) == tuple_type);
    let mut s = Sorter {
        vm,
        keys,
        tuple_keys,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    s.sort(order)
}

/// `sorted(values)` by `keys` (the same length), descending when `reverse`: the
/// reordered values and the error, if a comparison raised (the values are then in
/// the partly sorted order CPython leaves a list in).
pub fn sort_values(
    vm: &mut Vm,
    values: &[Value],
    keys: &[Value],
    reverse: bool,
) -> (Vec<Value>, Option<PyErr>) {
    let n = values.len();
    let mut order: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let err = sort_indices(vm, keys, &mut order).err();
    let mut out: Vec<Value> = order.iter().map(|&i| values[i]).collect();
    if reverse {
        out.reverse();
    }
    (out, err)
}
