//! `range` objects and their iterators (a native counting iterator when every value
//! is a small int, a big-int one otherwise).

use std::cell::RefCell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use stitch_core::layout::{Header, Kind, RangeIterObj};
use stitch_core::value::Value;

use super::int;
use super::native::{self, NativeData};
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

/// The number of items when start, stop and step are small ints.
fn small_length(r: &Range) -> Option<i128> {
    if !(r.start.is_small_int() && r.stop.is_small_int() && r.step.is_small_int()) {
        return None;
    }
    let (a, b, s) = (
        r.start.small_value() as i128,
        r.stop.small_value() as i128,
        r.step.small_value() as i128,
    );
    Some(if s > 0 {
        if a < b { (b - a - 1) / s + 1 } else { 0 }
    } else if a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    })
}

/// The number of items, as a big int.
pub fn length(r: &Range) -> BigInt {
    if let Some(n) = small_length(r) {
        return BigInt::from(n);
    }
    let (a, b, s) = (
        int::to_bigint(r.start),
        int::to_bigint(r.stop),
        int::to_bigint(r.step),
    );
    if s.is_positive() {
        if a < b {
            (b - a - BigInt::one()) / s + BigInt::one()
        } else {
            BigInt::zero()
        }
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

/// Whether int `x` is one of the range's items.
pub fn contains_int(r: &Range, x: Value) -> bool {
    let (s, e, st, v) = (
        int::to_bigint(r.start),
        int::to_bigint(r.stop),
        int::to_bigint(r.step),
        int::to_bigint(x),
    );
    let inside = if st.is_positive() {
        s <= v && v < e
    } else {
        e < v && v <= s
    };
    inside && (&v - &s).mod_floor(&st).is_zero()
}

/// The position of int `x` (which is in the range).
pub fn position_of(r: &Range, x: Value) -> BigInt {
    (int::to_bigint(x) - int::to_bigint(r.start)).div_floor(&int::to_bigint(r.step))
}

/// A counting iterator from `first` by `step` for `len` items, native when every
/// value is a small int.
pub fn counting_iter(vm: &mut Vm, first: BigInt, step: BigInt, len: BigInt) -> Value {
    let steps: BigInt = (&len - BigInt::one()).max(BigInt::zero());
    let last = &first + steps * &step;
    let small = |b: &BigInt| b.to_i64().is_some_and(Value::fits_small);
    if small(&first) && small(&last) && small(&step) && len.to_u64().is_some() {
        let ty = vm.types.range_iterator;
        return vm.alloc_obj(
            ty,
            RangeIterObj {
                header: Header::new(Kind::RangeIter),
                next: first.to_i64().unwrap_or(0),
                step: step.to_i64().unwrap_or(0),
                remaining: len.to_u64().unwrap_or(0),
            },
        );
    }
    let ty = vm.registry["longrange_iterator"];
    native::new(
        vm,
        ty,
        Box::new(BigRangeIter {
            next: RefCell::new(first),
            step,
            remaining: RefCell::new(len),
        }),
    )
}

/// An iterator over a range.
pub fn iter_fast(vm: &mut Vm, v: Value) -> Option<Value> {
    let r = parts(v)?;
    if let Some(n) = small_length(r) {
        let ty = vm.types.range_iterator;
        return Some(vm.alloc_obj(
            ty,
            RangeIterObj {
                header: Header::new(Kind::RangeIter),
                next: r.start.small_value(),
                step: r.step.small_value(),
                remaining: n as u64,
            },
        ));
    }
    let (first, step, len) = (int::to_bigint(r.start), int::to_bigint(r.step), length(r));
    Some(counting_iter(vm, first, step, len))
}

/// `reversed(range)`.
pub fn reversed(vm: &mut Vm, r: &Range) -> Value {
    let len = length(r);
    let step = int::to_bigint(r.step);
    let last = int::to_bigint(r.start) + (&len - 1) * &step;
    counting_iter(vm, last, -step, len)
}

/// Iterator over a range with big ints.
pub struct BigRangeIter {
    next: RefCell<BigInt>,
    step: BigInt,
    remaining: RefCell<BigInt>,
}

impl BigRangeIter {
    pub fn remaining(&self) -> BigInt {
        self.remaining.borrow().clone()
    }
}

impl NativeData for BigRangeIter {
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if !self.remaining.borrow().is_positive() {
            return Some(Ok(None));
        }
        *self.remaining.borrow_mut() -= 1;
        let v = self.next.borrow().clone();
        *self.next.borrow_mut() += &self.step;
        Some(Ok(Some(int::from_bigint(vm, v))))
    }
    native_any!();
}
