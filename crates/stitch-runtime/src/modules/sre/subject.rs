//! The string a pattern is applied to: str (ASCII text is matched as bytes,
//! other text as code points), bytes, or a copy of a mutable buffer; and the
//! slices of it that become group values.

use std::rc::Rc;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::builtins::bytes as bytes_builtins;
use crate::object::{bytes, str as pystr};
use crate::vm::{PyResult, Vm};

/// The code units of a subject.
pub enum Data {
    /// Bytes or ASCII text, borrowed from an immutable object kept alive by `obj`.
    Narrow(&'static [u8]),
    /// A snapshot of a mutable buffer.
    Owned(Rc<[u8]>),
    /// The code points of non-ASCII text.
    Wide(Rc<[u32]>),
}

impl Clone for Data {
    fn clone(&self) -> Data {
        match self {
            Data::Narrow(b) => Data::Narrow(b),
            Data::Owned(b) => Data::Owned(b.clone()),
            Data::Wide(w) => Data::Wide(w.clone()),
        }
    }
}

pub struct Subject {
    pub obj: Value,
    pub is_bytes: bool,
    pub data: Data,
}

/// Calls `$body` with `$t` bound to the subject's code units as `&[u8]` or `&[u32]`.
#[macro_export]
macro_rules! with_text {
    ($subj:expr, $t:ident => $body:expr) => {
        match &$subj.data {
            $crate::modules::sre::subject::Data::Narrow(b) => {
                let $t: &[u8] = b;
                $body
            }
            $crate::modules::sre::subject::Data::Owned(b) => {
                let $t: &[u8] = b;
                $body
            }
            $crate::modules::sre::subject::Data::Wide(w) => {
                let $t: &[u32] = w;
                $body
            }
        }
    };
}

impl Subject {
    /// The subject for `obj`, or CPython's TypeError.
    pub fn new(vm: &mut Vm, obj: Value) -> PyResult<Subject> {
        if let Some(s) = pystr::text_of(obj) {
            let data = if pystr::is_ascii(crate::modules::util::native_of(obj)) {
                Data::Narrow(s.as_bytes())
            } else {
                Data::Wide(s.chars().map(|c| c as u32).collect())
            };
            return Ok(Subject { obj, is_bytes: false, data });
        }
        if let Some(b) = bytes::native(obj) {
            return Ok(Subject { obj, is_bytes: true, data: Data::Narrow(bytes::data(b)) });
        }
        if let Some(b) = bytes_builtins::buffer_of(obj) {
            return Ok(Subject { obj, is_bytes: true, data: Data::Owned(Rc::from(b)) });
        }
        Err(vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_name(obj))))
    }

    pub fn len(&self) -> usize {
        match &self.data {
            Data::Narrow(b) => b.len(),
            Data::Owned(b) => b.len(),
            Data::Wide(w) => w.len(),
        }
    }

    /// `string[i:j]` as str or bytes (the object itself for a whole exact one).
    pub fn slice(&self, vm: &mut Vm, i: usize, j: usize) -> Value {
        let whole = i == 0 && j == self.len();
        if whole && (self.obj.is_kind(Kind::Str) || self.obj.is_kind(Kind::Bytes)) {
            return self.obj;
        }
        match &self.data {
            Data::Narrow(b) if !self.is_bytes => {
                // SAFETY: ASCII text.
                pystr::new(vm, unsafe { std::str::from_utf8_unchecked(&b[i..j]) })
            }
            Data::Narrow(b) => bytes::new(vm, &b[i..j]),
            Data::Owned(b) => bytes::new(vm, &b[i..j]),
            Data::Wide(w) => {
                let s: String = w[i..j].iter().filter_map(|&c| char::from_u32(c)).collect();
                pystr::new(vm, &s)
            }
        }
    }

    /// The empty str or bytes.
    pub fn empty(&self, vm: &mut Vm) -> Value {
        if self.is_bytes { bytes::new(vm, b"") } else { vm.empty_str }
    }
}

/// Clamps `pos`/`endpos` to the subject as CPython's `state_init` does.
pub fn clamp(v: i64, len: usize) -> isize {
    v.clamp(0, len as i64) as isize
}
