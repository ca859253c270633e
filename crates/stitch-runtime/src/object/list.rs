//! `list`: growable arrays of values (a `ValueVec` with the C layout micro-ops read),
//! indexing and slicing.

use std::alloc::{Layout, alloc, dealloc, realloc};

use stitch_core::layout::{Header, Kind, ListObj, ValueVec};
use stitch_core::value::Value;

use super::ValueExt;
use crate::vm::{PyResult, Vm};

/// Frees a vector's buffer.
pub fn free_items(v: &mut ValueVec) {
    if v.cap > 0 {
        // SAFETY: allocated by `reserve` with this capacity.
        unsafe { dealloc(v.ptr as *mut u8, Layout::array::<Value>(v.cap).unwrap()) };
    }
    *v = ValueVec::EMPTY;
}

/// Makes room for `extra` more values.
pub fn reserve(v: &mut ValueVec, extra: usize) {
    let need = v.len + extra;
    if need <= v.cap {
        return;
    }
    let new_cap = need.max(v.cap + v.cap / 2 + 4);
    crate::gc::note_external((new_cap - v.cap) * 8);
    let layout = Layout::array::<Value>(new_cap).expect("list capacity");
    // SAFETY: growing an allocation made with the old capacity (or a fresh one).
    let p = unsafe {
        if v.cap == 0 {
            alloc(layout)
        } else {
            realloc(
                v.ptr as *mut u8,
                Layout::array::<Value>(v.cap).unwrap(),
                layout.size(),
            )
        }
    } as *mut Value;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    v.ptr = p;
    v.cap = new_cap;
}

#[inline]
pub fn push(v: &mut ValueVec, x: Value) {
    if v.len == v.cap {
        reserve(v, 1);
    }
    // SAFETY: len < cap after reserving.
    unsafe { *v.ptr.add(v.len) = x };
    v.len += 1;
}

/// Replaces the contents with `items`.
pub fn set_items(v: &mut ValueVec, items: &[Value]) {
    v.len = 0;
    reserve(v, items.len());
    // SAFETY: reserved.
    unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), v.ptr, items.len()) };
    v.len = items.len();
}

pub fn insert(v: &mut ValueVec, i: usize, x: Value) {
    reserve(v, 1);
    // SAFETY: i <= len < cap.
    unsafe {
        std::ptr::copy(v.ptr.add(i), v.ptr.add(i + 1), v.len - i);
        *v.ptr.add(i) = x;
    }
    v.len += 1;
}

pub fn remove_at(v: &mut ValueVec, i: usize) -> Value {
    // SAFETY: i < len.
    unsafe {
        let x = *v.ptr.add(i);
        std::ptr::copy(v.ptr.add(i + 1), v.ptr.add(i), v.len - i - 1);
        v.len -= 1;
        x
    }
}

/// A new list holding `items`.
pub fn new(vm: &mut Vm, items: &[Value]) -> Value {
    let mut buf = ValueVec::EMPTY;
    set_items(&mut buf, items);
    from_buffer(vm, buf)
}

/// A new list of the `len` items `start, start + step, ...` of `xs` (all in range).
pub fn new_slice(vm: &mut Vm, xs: &[Value], start: i64, step: i64, len: usize) -> Value {
    let mut buf = ValueVec::EMPTY;
    reserve(&mut buf, len);
    if len > 0 {
        let first = start.max(0) as usize;
        if step == 1 {
            if let Some(src) = xs.get(first..first + len) {
                // SAFETY: reserved len slots.
                unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), buf.ptr, len) };
                buf.len = len;
            }
        } else {
            let mut i = start;
            for _ in 0..len {
                let Some(&x) = xs.get(i as usize) else { break };
                // SAFETY: at most len values are written.
                unsafe { *buf.ptr.add(buf.len) = x };
                buf.len += 1;
                i += step;
            }
        }
    }
    from_buffer(vm, buf)
}

/// A new list of the items of lists `a` then `b` (copied once, straight into the
/// new buffer).
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> Value {
    let (xs, ys) = (items(a), items(b));
    let mut buf = ValueVec::EMPTY;
    reserve(&mut buf, xs.len() + ys.len());
    // SAFETY: room for both was reserved; the sources are other buffers.
    unsafe {
        std::ptr::copy_nonoverlapping(xs.as_ptr(), buf.ptr, xs.len());
        std::ptr::copy_nonoverlapping(ys.as_ptr(), buf.ptr.add(xs.len()), ys.len());
    }
    buf.len = xs.len() + ys.len();
    from_buffer(vm, buf)
}

/// `a += b` for two lists (`b` may be `a`): b's items appended to a.
pub fn extend_from_list(a: Value, b: Value) {
    let n = items(b).len();
    let v = vec(a);
    reserve(v, n);
    // Read b's items after reserving: when b is a, its buffer may have moved; the
    // appended slots never overlap the first n.
    let src = items(b).as_ptr();
    // SAFETY: n slots reserved past len; src holds n values.
    unsafe { std::ptr::copy_nonoverlapping(src, v.ptr.add(v.len), n) };
    v.len += n;
}

/// A new list owning `buf`.
fn from_buffer(vm: &mut Vm, buf: ValueVec) -> Value {
    let ty = vm.types.list;
    let pinned: &[Value] = if buf.len == 0 {
        &[]
    } else {
        // SAFETY: buf holds len initialised values.
        unsafe { std::slice::from_raw_parts(buf.ptr, buf.len) }
    };
    crate::gc::with_pinned(pinned, || {
        vm.alloc_obj(
            ty,
            ListObj {
                header: Header::new(Kind::List),
                items: buf,
            },
        )
    })
}

/// The items of a list (a snapshot view; do not keep across calls into Python).
#[inline]
pub fn items(l: Value) -> &'static [Value] {
    unsafe { l.raw::<ListObj>() }.items.as_slice()
}

#[inline]
pub fn vec(l: Value) -> &'static mut ValueVec {
    &mut unsafe { l.raw::<ListObj>() }.items
}

/// The native list behind a list or list-subclass instance.
pub fn native(v: Value) -> Option<Value> {
    if v.is_kind(Kind::List) {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::List) {
        Some(inst.base)
    } else {
        None
    }
}

/// An index argument (`__index__`), with CPython's message naming the container.
pub fn index_arg(vm: &mut Vm, k: Value, what: &str) -> PyResult<i64> {
    if k.is_small_int() {
        return Ok(k.small_value());
    }
    if k.is_bool() {
        return Ok(k.is_true() as i64);
    }
    let has_index =
        !k.is_float() && (k.is_kind(Kind::Int) || vm.lookup_special(k, vm.names.index).is_some());
    if !has_index {
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(k)
        )));
    }
    let i = vm.index(k)?;
    match super::int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(vm.new_error(
            vm.exc.index_error,
            format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(k)
            ),
        )),
    }
}

/// `i` (possibly negative) as a position in a sequence of `n` items, if in range.
pub fn position(i: i64, n: usize) -> Option<usize> {
    let n = n as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) {
        Some(j as usize)
    } else {
        None
    }
}

pub fn getitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<Value> {
    if k.is_small_int() {
        let xs = items(l);
        return match position(k.small_value(), xs.len()) {
            Some(j) => Ok(xs[j]),
            None => Err(vm.index_error("list index out of range")),
        };
    }
    if let Some(sl) = super::slice::as_slice(k) {
        let (start, _stop, step, len) = super::slice::indices(vm, sl, items(l).len())?;
        return Ok(new_slice(vm, items(l), start, step, len));
    }
    let i = index_arg(vm, k, "list")?;
    let xs = items(l);
    match position(i, xs.len()) {
        Some(j) => Ok(xs[j]),
        None => Err(vm.index_error("list index out of range")),
    }
}

pub fn setitem(vm: &mut Vm, l: Value, k: Value, v: Value) -> PyResult<()> {
    if let Some(sl) = super::slice::as_slice(k) {
        return set_slice(vm, l, sl, Some(v));
    }
    let i = index_arg(vm, k, "list")?;
    let items = vec(l);
    match position(i, items.len) {
        Some(j) => {
            // SAFETY: j < len.
            unsafe { items.set(j, v) };
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

/// The items of `v` for slice assignment (`PySequence_Fast` with CPython's message
/// when `v` is not iterable).
fn assigned_items(vm: &mut Vm, l: Value, v: Value, msg: &str) -> PyResult<crate::gc::Rooted> {
    if v == l {
        return Ok(crate::gc::Rooted::from_vec(items(l).to_vec()));
    }
    if v.is_kind(Kind::List) || v.is_kind(Kind::Tuple) {
        return vm.collect_iter(v);
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => return Err(vm.type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = crate::gc::Rooted::new();
    while let Some(x) = vm.next(it)? {
        out.push(x);
    }
    Ok(out)
}

/// `l[sl] = v`, or `del l[sl]` when `v` is None.
pub fn set_slice(vm: &mut Vm, l: Value, sl: Value, v: Option<Value>) -> PyResult<()> {
    let (start, stop, step, len) = super::slice::indices(vm, sl, items(l).len())?;
    if step == 1 {
        // From another list or a tuple: spliced straight from its items.
        if let Some(v) = v
            && v != l
        {
            let src = if v.is_kind(Kind::List) {
                Some(items(v))
            } else {
                v.get::<stitch_core::layout::TupleObj>()
                    .map(|t| t.as_slice())
            };
            if let Some(src) = src {
                splice(vec(l), start, stop, src);
                return Ok(());
            }
        }
        let new_items = match v {
            Some(v) => assigned_items(vm, l, v, "can only assign an iterable")?,
            None => crate::gc::Rooted::new(),
        };
        splice(vec(l), start, stop, &new_items);
        return Ok(());
    }
    let targets: Vec<usize> = (0..len)
        .map(|j| (start + j as i64 * step) as usize)
        .collect();
    let Some(v) = v else {
        let mut doomed = targets;
        doomed.sort_unstable();
        let keep: Vec<Value> = items(l)
            .iter()
            .enumerate()
            .filter(|(i, _)| doomed.binary_search(i).is_err())
            .map(|(_, v)| *v)
            .collect();
        set_items(vec(l), &keep);
        return Ok(());
    };
    let new_items = assigned_items(vm, l, v, "must assign iterable to extended slice")?;
    if new_items.len() != len {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            len
        )));
    }
    let items_v = vec(l);
    for (t, x) in targets.iter().zip(new_items.iter()) {
        if *t < items_v.len {
            // SAFETY: checked against the current length.
            unsafe { items_v.set(*t, *x) };
        }
    }
    Ok(())
}

/// Replaces items `start..stop` (clamped) of `v` with `src` (not `v`'s own buffer).
fn splice(v: &mut ValueVec, start: i64, stop: i64, src: &[Value]) {
    let n = v.len;
    let lo = start.clamp(0, n as i64) as usize;
    let hi = (stop.clamp(lo as i64, n as i64)) as usize;
    let m = src.len();
    if m > hi - lo {
        reserve(v, m - (hi - lo));
    }
    // SAFETY: the buffer holds n values and has room for n - (hi - lo) + m.
    unsafe {
        if m != hi - lo {
            std::ptr::copy(v.ptr.add(hi), v.ptr.add(lo + m), n - hi);
        }
        std::ptr::copy_nonoverlapping(src.as_ptr(), v.ptr.add(lo), m);
    }
    v.len = n - (hi - lo) + m;
}

pub fn delitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<()> {
    if let Some(sl) = super::slice::as_slice(k) {
        return set_slice(vm, l, sl, None);
    }
    let i = index_arg(vm, k, "list")?;
    let items_v = vec(l);
    match position(i, items_v.len) {
        Some(j) => {
            remove_at(items_v, j);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}
