//! `slice` objects and the index arithmetic of slicing.

use stitch_core::value::Value;

use super::native::{self, NativeData};
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

pub fn new(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let ty = vm.types.slice;
    native::new(vm, ty, Box::new(Slice { start, stop, step }))
}

/// `v` if it is a slice.
pub fn as_slice(v: Value) -> Option<Value> {
    native::downcast::<Slice>(v).map(|_| v)
}

pub fn parts(v: Value) -> &'static Slice {
    native::downcast::<Slice>(v).expect("a slice")
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
        || vm.lookup_special(v, vm.names.index).is_some();
    if !has_index {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
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
        if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}
