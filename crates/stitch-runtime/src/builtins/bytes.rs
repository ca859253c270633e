//! `bytes` and `bytearray` methods.

use stitch_core::value::Value;

use crate::object::bytes;
use crate::vm::Vm;

pub fn init(_vm: &mut Vm) {}

/// The bytes of a bytes-like object (bytes, bytearray, or subclass instances).
pub fn buffer_of(v: Value) -> Option<&'static [u8]> {
    bytes::native(v).map(bytes::data)
}
