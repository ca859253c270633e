//! `tuple`: immutable sequences with their items inline.

use stitch_core::layout::{Header, Kind, TupleObj};
use stitch_core::value::Value;

use super::ValueExt;
use crate::vm::{PyResult, Vm};

/// A new tuple of `items`.
pub fn new(vm: &mut Vm, items: &[Value]) -> Value {
    if items.is_empty() && !vm.empty_tuple.is_null() {
        return vm.empty_tuple;
    }
    let ty = vm.types.tuple;
    new_of_type(vm, ty, items)
}

pub fn new_of_type(vm: &mut Vm, ty: Value, items: &[Value]) -> Value {
    // The items may be only in `items` (a Rust buffer, perhaps owned by an object
    // nothing else holds): copy them first where the collector sees them — a few
    // on the native stack (scanned conservatively), more in a rooted vector.
    let size = std::mem::size_of::<TupleObj>() + items.len() * 8;
    const SMALL: usize = 8;
    let mut small = [Value::NULL; SMALL];
    let rooted;
    let src: &[Value] = if items.len() <= SMALL {
        small[..items.len()].copy_from_slice(items);
        &small[..items.len()]
    } else {
        rooted = crate::gc::Rooted::from_vec(items.to_vec());
        &rooted
    };
    let p = vm.alloc_raw(size) as *mut TupleObj;
    let src = std::hint::black_box(src);
    // SAFETY: p has room for the header and the items.
    unsafe {
        std::ptr::write(
            p,
            TupleObj {
                header: Header::new(Kind::Tuple),
                len: items.len(),
                items: [],
            },
        );
        (*p).header.ty = ty.ptr();
        std::ptr::copy_nonoverlapping(src.as_ptr(), (*p).items.as_mut_ptr(), items.len());
    }
    Value::from_ptr(p)
}

/// A new tuple of the items of tuples `a` then `b` (both exact-layout tuples).
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> Value {
    let n = len(a) + len(b);
    if n == 0 {
        return new(vm, &[]);
    }
    let size = std::mem::size_of::<TupleObj>() + n * 8;
    // `a` and `b` are heap tuples the caller holds, alive across the allocation.
    let p = vm.alloc_raw(size) as *mut TupleObj;
    let ty = vm.types.tuple;
    let (xs, ys) = (items(a), items(b));
    // SAFETY: p has room for the header and n items.
    unsafe {
        std::ptr::write(
            p,
            TupleObj {
                header: Header::new(Kind::Tuple),
                len: n,
                items: [],
            },
        );
        (*p).header.ty = ty.ptr();
        let dst = (*p).items.as_mut_ptr();
        std::ptr::copy_nonoverlapping(xs.as_ptr(), dst, xs.len());
        std::ptr::copy_nonoverlapping(ys.as_ptr(), dst.add(xs.len()), ys.len());
    }
    Value::from_ptr(p)
}

/// The items of a tuple value.
#[inline]
pub fn items(t: Value) -> &'static [Value] {
    // SAFETY: the caller passes a tuple.
    unsafe { t.raw::<TupleObj>() }.as_slice()
}

#[inline]
pub fn len(t: Value) -> usize {
    unsafe { t.raw::<TupleObj>() }.len
}

/// The native tuple behind a tuple or tuple-subclass instance.
pub fn native(v: Value) -> Option<Value> {
    if v.is_kind(Kind::Tuple) {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::Tuple) {
        Some(inst.base)
    } else {
        None
    }
}

/// CPython's tuple hash (the xxHash-based one of 3.8+).
pub fn hash(vm: &mut Vm, t: Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let items = items(t);
    let mut acc: u64 = P5;
    // CPython applies no recursion limit to hashing nested tuples (100,000 levels hash fine);
    // only the native stack bounds it here.
    if crate::gc::stack::approx_sp() < vm.native_stack_limit {
        return Err(vm.new_error(
            vm.exc.recursion_error,
            "maximum recursion depth exceeded while hashing",
        ));
    }
    for x in items {
        let h = vm.hash(*x)?;
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// `t[k]`.
pub fn getitem(vm: &mut Vm, t: Value, k: Value) -> PyResult<Value> {
    let xs = items(t);
    if k.is_small_int() {
        let n = xs.len() as i64;
        let mut i = k.small_value();
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(vm.index_error("tuple index out of range"));
        }
        return Ok(xs[i as usize]);
    }
    if let Some(sl) = super::slice::as_slice(k) {
        let (start, _stop, step, len) = super::slice::indices(vm, sl, xs.len())?;
        let out: Vec<Value> = (0..len)
            .map(|j| xs[(start + j as i64 * step) as usize])
            .collect();
        if step == 1 && len == xs.len() {
            return Ok(t);
        }
        return Ok(new(vm, &out));
    }
    let i = super::list::index_arg(vm, k, "tuple")?;
    let n = xs.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("tuple index out of range"));
    }
    Ok(xs[j as usize])
}
