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

pub fn new(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let ty = vm.types.slice;
    SLICE_TYPE.store(ty.header() as usize, Ordering::Relaxed);
    native::new(vm, ty, Box::new(Slice { start, stop, step }))
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
