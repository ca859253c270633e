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
    let layout = Layout::array::<Value>(new_cap).expect("list capacity");
    // SAFETY: growing an allocation made with the old capacity (or a fresh one).
    let p = unsafe {
        if v.cap == 0 {
            alloc(layout)
        } else {
            realloc(v.ptr as *mut u8, Layout::array::<Value>(v.cap).unwrap(), layout.size())
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
    let rooted = crate::gc::Rooted::from_vec(items.to_vec());
    let ty = vm.types.list;
    let l = vm.alloc_obj(
        ty,
        ListObj {
            header: Header::new(Kind::List),
            items: ValueVec::EMPTY,
        },
    );
    set_items(&mut unsafe { l.raw::<ListObj>() }.items, &rooted);
    l
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
    if inst.base.is_kind(Kind::List) { Some(inst.base) } else { None }
}

/// An index argument (`__index__`), with CPython's message naming the container.
pub fn index_arg(vm: &mut Vm, k: Value, what: &str) -> PyResult<i64> {
    if k.is_small_int() {
        return Ok(k.small_value());
    }
    if k.is_bool() {
        return Ok(k.is_true() as i64);
    }
    let has_index = k.is_kind(Kind::Int) || vm.lookup_special(k, vm.names.index).is_some();
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
            format!("cannot fit '{}' into an index-sized integer", vm.type_name(k)),
        )),
    }
}

pub fn getitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<Value> {
    let xs = items(l);
    if k.is_small_int() {
        let n = xs.len() as i64;
        let mut i = k.small_value();
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(vm.index_error("list index out of range"));
        }
        return Ok(xs[i as usize]);
    }
    if let Some(sl) = super::slice::as_slice(k) {
        let (start, _stop, step, len) = super::slice::indices(vm, sl, xs.len())?;
        let xs = items(l);
        let out: Vec<Value> = (0..len).map(|j| xs[(start + j as i64 * step) as usize]).collect();
        return Ok(new(vm, &out));
    }
    let i = index_arg(vm, k, "list")?;
    let xs = items(l);
    let n = xs.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list index out of range"));
    }
    Ok(xs[j as usize])
}

pub fn setitem(vm: &mut Vm, l: Value, k: Value, v: Value) -> PyResult<()> {
    if let Some(sl) = super::slice::as_slice(k) {
        return set_slice(vm, l, sl, v);
    }
    let i = index_arg(vm, k, "list")?;
    let items = vec(l);
    let n = items.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list assignment index out of range"));
    }
    // SAFETY: j in range.
    unsafe { items.set(j as usize, v) };
    Ok(())
}

fn set_slice(vm: &mut Vm, l: Value, sl: Value, v: Value) -> PyResult<()> {
    let new_items = if v == l {
        crate::gc::Rooted::from_vec(items(l).to_vec())
    } else {
        match vm.collect_iter(v) {
            Ok(r) => r,
            Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
                return Err(vm.type_error("must assign iterable to extended slice"));
            }
            Err(e) => return Err(e),
        }
    };
    let n = items(l).len();
    let (start, stop, step, len) = super::slice::indices(vm, sl, n)?;
    let items_v = vec(l);
    if step == 1 {
        let stop = stop.max(start) as usize;
        let start = start as usize;
        let mut all: Vec<Value> = items_v.as_slice()[..start].to_vec();
        all.extend_from_slice(&new_items);
        all.extend_from_slice(&items_v.as_slice()[stop..]);
        set_items(items_v, &all);
        return Ok(());
    }
    if new_items.len() != len {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            len
        )));
    }
    for (j, x) in new_items.iter().enumerate() {
        // SAFETY: indices computed for this length.
        unsafe { items_v.set((start + j as i64 * step) as usize, *x) };
    }
    Ok(())
}

pub fn delitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<()> {
    if let Some(sl) = super::slice::as_slice(k) {
        let n = items(l).len();
        let (start, _stop, step, len) = super::slice::indices(vm, sl, n)?;
        let mut doomed: Vec<usize> = (0..len).map(|j| (start + j as i64 * step) as usize).collect();
        doomed.sort_unstable();
        let keep: Vec<Value> = items(l)
            .iter()
            .enumerate()
            .filter(|(i, _)| doomed.binary_search(i).is_err())
            .map(|(_, v)| *v)
            .collect();
        set_items(vec(l), &keep);
        return Ok(());
    }
    let i = index_arg(vm, k, "list")?;
    let items_v = vec(l);
    let n = items_v.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list assignment index out of range"));
    }
    remove_at(items_v, j as usize);
    Ok(())
}
