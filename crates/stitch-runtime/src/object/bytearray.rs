//! `bytearray`: a mutable byte buffer, stored as a native object.

use std::cell::UnsafeCell;

use stitch_core::value::Value;

use super::native::{self, NativeData};
use crate::native_any;
use crate::vm::Vm;

pub struct ByteArray {
    data: UnsafeCell<Vec<u8>>,
}

impl NativeData for ByteArray {
    native_any!();
}

pub fn new(vm: &mut Vm, data: Vec<u8>) -> Value {
    let ty = vm.types.bytearray;
    new_of_type(vm, ty, data)
}

/// A bytearray object whose type is `ty` (bytearray itself: subclasses keep the
/// native object as their base).
pub fn new_of_type(vm: &mut Vm, ty: Value, data: Vec<u8>) -> Value {
    native::new(
        vm,
        ty,
        Box::new(ByteArray {
            data: UnsafeCell::new(data),
        }),
    )
}

/// The native bytearray behind `v` (itself or a subclass instance's base).
pub fn native(v: Value) -> Option<Value> {
    if native::downcast::<ByteArray>(v).is_some() {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    native::downcast::<ByteArray>(inst.base).map(|_| inst.base)
}

/// The buffer of a native bytearray. Callers must not keep the slice across
/// anything that can run Python code (which could resize it).
pub fn data(v: Value) -> &'static [u8] {
    match native::downcast::<ByteArray>(v) {
        // SAFETY: single-threaded; see the contract above.
        Some(b) => unsafe { &*b.data.get() },
        None => &[],
    }
}

/// The vector of a native bytearray, for mutation.
#[allow(clippy::mut_from_ref)]
pub fn vec_mut(v: Value) -> Option<&'static mut Vec<u8>> {
    // SAFETY: single-threaded; callers do not hold other borrows across this.
    native::downcast::<ByteArray>(v).map(|b| unsafe { &mut *b.data.get() })
}

use super::ValueExt;
