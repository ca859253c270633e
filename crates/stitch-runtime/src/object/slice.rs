//! `slice` objects and the index arithmetic of slicing.

use stitch_core::value::Value;

use std::sync::atomic::{AtomicUsize, Ordering};

use super::ValueExt;
use super::native::{self, NativeData, NativeObj};
use crate::gc::Tracer;
use crate::native_any;
use crate::vm::{PyResult, Vm};

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl NativeData for Slice {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.start, self.stop, self.step]);
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "start" => Some(self.start),
            "stop" => Some(self.stop),
            "step" => Some(self.step),
            _ => None,
        })
    }
    native_any!();
}

/// The `slice` type object, recorded by the first `new` (every slice is made there,
/// and `slice` can be neither subclassed nor assigned as a `__class__`, so a native
/// object of this type holds a `Slice`).
static SLICE_TYPE: AtomicUsize = AtomicUsize::new(0);

/// A new slice object (`slice(...)` called from Python: always a distinct object).
pub fn new(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let ty = vm.types.slice;
    SLICE_TYPE.store(ty.header() as usize, Ordering::Relaxed);
    native::new(vm, ty, Box::new(Slice { start, stop, step }))
}

/// Entries of the cache of slices with immediate bounds (a power of two).
const CACHE_SIZE: usize = 64;

/// The slices a subscript `a[i:j]` made, by their bounds, for one VM's slice type.
struct Cache {
    /// The `slice` type the cached objects belong to.
    owner: u64,
    /// Rooted; its buffer is allocated once and never grows. Never dropped (a
    /// thread-local destructor must not touch the collector's root list).
    slots: std::mem::ManuallyDrop<crate::gc::Rooted>,
}

thread_local! {
    /// Slices whose bounds are small ints or None: a slice is immutable and the one
    /// `BUILD_SLICE` makes is normally consumed by the subscript right after it, so
    /// the same object serves every `a[:k]` with equal bounds instead of a fresh
    /// allocation (and a boxed payload) each time.
    static CACHE: std::cell::RefCell<Option<Cache>> = const { std::cell::RefCell::new(None) };
}

/// A slice for a subscript `a[start:stop:step]`: a shared one when every bound is a
/// small int or None (see `CACHE`), else a new one.
pub fn for_subscript(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let imm = |v: Value| v.is_small_int() || v.is_none();
    if !(imm(start) && imm(stop) && imm(step)) {
        return new(vm, start, stop, step);
    }
    let h = start
        .0
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(stop.0.wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .wrapping_add(step.0);
    let slot = ((h ^ (h >> 29)) as usize) & (CACHE_SIZE - 1);
    let owner = vm.types.slice.0;
    let hit = CACHE.with(|c| {
        let c = c.borrow();
        let c = c.as_ref().filter(|c| c.owner == owner)?;
        let v = c.slots.get(slot).copied()?;
        let p = payload(v)?;
        (p.start == start && p.stop == stop && p.step == step).then_some(v)
    });
    if let Some(v) = hit {
        return v;
    }
    let v = new(vm, start, stop, step);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let cache = c.get_or_insert_with(|| Cache {
            owner,
            slots: std::mem::ManuallyDrop::new(crate::gc::Rooted::from_vec(vec![
                Value::NONE;
                CACHE_SIZE
            ])),
        });
        if cache.owner != owner {
            cache.owner = owner;
            cache.slots.fill(Value::NONE);
        }
        if let Some(e) = cache.slots.get_mut(slot) {
            *e = v;
        }
    });
    v
}

/// The payload of `v` if it is a slice.
#[inline]
fn payload(v: Value) -> Option<&'static Slice> {
    let n = v.get::<NativeObj>()?;
    if n.header.ty as usize != SLICE_TYPE.load(Ordering::Relaxed) {
        return None;
    }
    // SAFETY: objects of the slice type hold a `Slice` (see SLICE_TYPE).
    Some(unsafe { &*(&*n.data as *const dyn NativeData as *const Slice) })
}

/// `v` if it is a slice.
#[inline]
pub fn as_slice(v: Value) -> Option<Value> {
    payload(v).map(|_| v)
}

/// The bounds of a slice (callers pass slices; anything else reads as `slice(None)`).
#[inline]
pub fn parts(v: Value) -> &'static Slice {
    static EMPTY: Slice = Slice {
        start: Value::NONE,
        stop: Value::NONE,
        step: Value::NONE,
    };
    payload(v).unwrap_or(&EMPTY)
}

/// A slice bound as an index (clamped to i64), or None.
fn bound(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    if v.is_small_int() {
        return Ok(Some(v.small_value()));
    }
    let has_index = v.is_bool()
        || v.is_kind(stitch_core::layout::Kind::Int)
        || (!v.is_float() && vm.lookup_special(v, vm.names.index).is_some());
    if !has_index {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.index(v)?;
    Ok(Some(super::int::to_i64_clamped(i)))
}

/// `slice.indices(len)`: (start, stop, step, number of items), as CPython computes them.
pub fn indices(vm: &mut Vm, sl: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let s = parts(sl);
    let step = bound(vm, s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let n = len as i64;
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v += n;
                    if v < lower { lower } else { v }
                } else if v > upper {
                    upper
                } else {
                    v
                }
            }
        }
    };
    let start = clamp(bound(vm, s.start)?, if step < 0 { upper } else { lower });
    let stop = clamp(bound(vm, s.stop)?, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

/// A slice bound as a big int, or None (for `slice.indices` and range slicing).
fn bound_big(vm: &mut Vm, v: Value) -> PyResult<Option<num_bigint::BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    let has_index =
        !v.is_float() && (super::int::is_int(v) || vm.lookup_special(v, vm.names.index).is_some());
    if !has_index {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.index(v)?;
    Ok(Some(super::int::to_bigint(i)))
}

/// `slice.indices(length)` with arbitrary-precision bounds: (start, stop, step).
pub fn indices_big(
    vm: &mut Vm,
    sl: Value,
    length: &num_bigint::BigInt,
) -> PyResult<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)> {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    let s = parts(sl);
    let (start, stop, step) = (s.start, s.stop, s.step);
    let step = bound_big(vm, step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let negative = step.is_negative();
    let (lower, upper) = if negative {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let clamp = |x: BigInt| -> BigInt {
        if x.is_negative() {
            let y = x + length;
            if y < lower { lower.clone() } else { y }
        } else if x > upper {
            upper.clone()
        } else {
            x
        }
    };
    let start = match bound_big(vm, start)? {
        None => {
            if negative {
                upper.clone()
            } else {
                lower.clone()
            }
        }
        Some(x) => clamp(x),
    };
    let stop = match bound_big(vm, stop)? {
        None => {
            if negative {
                lower.clone()
            } else {
                upper.clone()
            }
        }
        Some(x) => clamp(x),
    };
    Ok((start, stop, step))
}
