//! `bytes`: immutable byte strings.

use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::ValueExt;
use crate::vm::Vm;

#[repr(C)]
pub struct BytesObj {
    pub header: Header,
    pub hash: i64,
    pub data: Box<[u8]>,
}

pub fn new(vm: &mut Vm, data: &[u8]) -> Value {
    let ty = vm.types.bytes;
    vm.alloc_obj(
        ty,
        BytesObj {
            header: Header::new(Kind::Bytes),
            hash: -1,
            data: data.into(),
        },
    )
}

/// The bytes of a bytes value (the caller knows it is one).
pub fn data(v: Value) -> &'static [u8] {
    &unsafe { v.raw::<BytesObj>() }.data
}

/// The native bytes behind a bytes or bytes-subclass instance.
pub fn native(v: Value) -> Option<Value> {
    if v.is_kind(Kind::Bytes) {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::Bytes) {
        Some(inst.base)
    } else {
        None
    }
}

pub fn hash(v: Value) -> i64 {
    let b = unsafe { v.raw::<BytesObj>() };
    if b.hash == -1 {
        b.hash = super::str::hash_bytes(&b.data);
    }
    b.hash
}

/// `repr(b)`: `b'...'` with CPython's escaping and quote choice.
pub fn repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in data {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}
