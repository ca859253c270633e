//! `range` objects and their iterators.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_core::layout::{Header, Kind, RangeIterObj};
use stitch_core::value::Value;

use super::native::{self, NativeData};
use super::int;
use crate::gc::Tracer;
use crate::native_any;
use crate::vm::{PyResult, Vm};

pub struct Range {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl NativeData for Range {
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
    let ty = vm.types.range;
    native::new(vm, ty, Box::new(Range { start, stop, step }))
}

pub fn parts(v: Value) -> Option<&'static Range> {
    native::downcast::<Range>(v)
}

/// The number of items, as a big int.
pub fn length(r: &Range) -> BigInt {
    let (a, b, s) = (int::to_bigint(r.start), int::to_bigint(r.stop), int::to_bigint(r.step));
    if s.is_positive() {
        if a < b { (b - a - BigInt::one()) / s + BigInt::one() } else { BigInt::zero() }
    } else if a > b {
        (a - b - BigInt::one()) / (-s) + BigInt::one()
    } else {
        BigInt::zero()
    }
}

/// Item `i` (0 <= i < length).
pub fn item(vm: &mut Vm, r: &Range, i: &BigInt) -> Value {
    let v = int::to_bigint(r.start) + i * int::to_bigint(r.step);
    int::from_bigint(vm, v)
}

/// An iterator over a range: small ranges get the native counting iterator.
pub fn iter_fast(vm: &mut Vm, v: Value) -> Option<Value> {
    let r = parts(v)?;
    let len = length(r);
    let small = r.start.is_small_int() && r.step.is_small_int() && len.to_u64().is_some() && {
        let last = int::to_bigint(r.start) + (&len) * int::to_bigint(r.step);
        last.to_i64().is_some_and(Value::fits_small)
    };
    if small {
        let ty = vm.types.range_iterator;
        return Some(vm.alloc_obj(
            ty,
            RangeIterObj {
                header: Header::new(Kind::RangeIter),
                next: r.start.small_value(),
                step: r.step.small_value(),
                remaining: len.to_u64().unwrap_or(0),
            },
        ));
    }
    let ty = vm.registry["longrange_iterator"];
    Some(native::new(
        vm,
        ty,
        Box::new(BigRangeIter {
            next: RefCell::new(int::to_bigint(r.start)),
            step: int::to_bigint(r.step),
            remaining: RefCell::new(len),
        }),
    ))
}

/// Iterator over a range with big ints.
pub struct BigRangeIter {
    next: RefCell<BigInt>,
    step: BigInt,
    remaining: RefCell<BigInt>,
}

impl NativeData for BigRangeIter {
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if self.remaining.borrow().is_zero() {
            return Some(Ok(None));
        }
        *self.remaining.borrow_mut() -= 1;
        let v = self.next.borrow().clone();
        *self.next.borrow_mut() += &self.step;
        Some(Ok(Some(int::from_bigint(vm, v))))
    }
    native_any!();
}
