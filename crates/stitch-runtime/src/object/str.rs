//! `str`: immutable UTF-8 text stored inline after the header, with its length in
//! code points, an ASCII flag, a cached hash, and interning of identifiers.
//!
//! Hashing is SipHash-1-3 over CPython's internal representation of the string
//! (1, 2 or 4 bytes per code point) with the all-zero key, which is what CPython uses
//! with `PYTHONHASHSEED=0`: hashes, and so the order of sets of strings, match it.
//! Lone surrogates cannot be represented (a known limitation).

use std::hash::Hasher;

use siphasher::sip::SipHasher13;
use stitch_core::layout::{Header, Kind, STR_ASCII, STR_INTERNED, StrObj};
use stitch_core::value::Value;

use super::ValueExt;
use crate::vm::Vm;

/// The text of a str value (the caller knows it is a str).
#[inline]
pub fn as_str(v: Value) -> &'static str {
    // SAFETY: str objects hold valid UTF-8 of byte_len bytes inline.
    unsafe {
        let s = v.raw::<StrObj>();
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(s.bytes.as_ptr(), s.byte_len))
    }
}

/// The text of a str, or of the native str behind a str subclass instance.
pub fn text_of(v: Value) -> Option<&'static str> {
    if v.is_kind(Kind::Str) {
        return Some(as_str(v));
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::Str) {
        Some(as_str(inst.base))
    } else {
        None
    }
}

#[inline]
pub fn is_ascii(v: Value) -> bool {
    // SAFETY: v is a str.
    unsafe { (*v.header()).flags & STR_ASCII != 0 }
}

/// Length in code points.
#[inline]
pub fn char_len(v: Value) -> usize {
    unsafe { v.raw::<StrObj>() }.char_len
}

/// Allocates a new str.
pub fn new(vm: &mut Vm, s: &str) -> Value {
    if s.is_empty() {
        return vm.empty_str;
    }
    if s.len() == 1 {
        return vm.ascii_chars[s.as_bytes()[0] as usize];
    }
    alloc_str(vm, s)
}

/// Allocates a str object without the small-string shortcuts.
pub fn alloc_str(vm: &mut Vm, s: &str) -> Value {
    let ascii = s.is_ascii();
    let chars = if ascii { s.len() } else { s.chars().count() };
    alloc_known(vm, s, chars, ascii)
}

/// Allocates a str of `s`, whose code point count and ASCII-ness the caller knows.
fn alloc_known(vm: &mut Vm, s: &str, chars: usize, ascii: bool) -> Value {
    let (v, dst) = alloc_uninit(vm, s.len(), chars, ascii);
    // SAFETY: dst has room for s.len() bytes.
    unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len()) };
    v
}

/// Allocates a str of `byte_len` bytes the caller writes (valid UTF-8 of `chars`
/// code points) at the returned pointer before anything else allocates.
fn alloc_uninit(vm: &mut Vm, byte_len: usize, chars: usize, ascii: bool) -> (Value, *mut u8) {
    let size = std::mem::size_of::<StrObj>() + byte_len;
    let ty = vm.types.str;
    let p = vm.alloc_raw(size) as *mut StrObj;
    // SAFETY: p has room for the header and the bytes.
    unsafe {
        std::ptr::write(
            p,
            StrObj {
                header: Header::new(Kind::Str),
                hash: -1,
                char_len: chars,
                byte_len,
                bytes: [],
            },
        );
        (*p).header.ty = ty.ptr();
        if ascii {
            (*p).header.flags |= STR_ASCII;
        }
        (Value::from_ptr(p), (*p).bytes.as_mut_ptr())
    }
}

/// A str of `s`, whose code point count and ASCII-ness the caller knows (a slice or
/// concatenation of strs).
pub fn new_known(vm: &mut Vm, s: &str, chars: usize, ascii: bool) -> Value {
    if s.len() <= 1 {
        return new(vm, s);
    }
    alloc_known(vm, s, chars, ascii)
}

/// `a + b` for two strs.
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> Value {
    let (x, y) = (as_str(a), as_str(b));
    if x.is_empty() {
        return b;
    }
    if y.is_empty() {
        return a;
    }
    let (v, dst) = alloc_uninit(
        vm,
        x.len() + y.len(),
        char_len(a) + char_len(b),
        is_ascii(a) && is_ascii(b),
    );
    // The texts are re-read: the allocation does not move objects.
    let (x, y) = (as_str(a), as_str(b));
    // SAFETY: dst has room for both texts.
    unsafe {
        std::ptr::copy_nonoverlapping(x.as_ptr(), dst, x.len());
        std::ptr::copy_nonoverlapping(y.as_ptr(), dst.add(x.len()), y.len());
    }
    v
}

/// Equality of two strs (identity, then length, then bytes; short texts compared
/// inline rather than through `memcmp`).
#[inline]
pub fn eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (x, y) = (as_str(a).as_bytes(), as_str(b).as_bytes());
    if x.len() != y.len() {
        return false;
    }
    if x.len() <= 16 {
        return x.iter().zip(y).all(|(p, q)| p == q);
    }
    x == y
}

/// The hash of a str (cached after the first call).
#[inline]
pub fn hash(v: Value) -> i64 {
    let s = unsafe { v.raw::<StrObj>() };
    if s.hash != -1 {
        return s.hash;
    }
    let h = hash_text(as_str(v), is_ascii(v));
    s.hash = h;
    h
}

/// CPython's str hash with the zero key.
pub fn hash_text(s: &str, ascii: bool) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    if ascii {
        h.write(s.as_bytes());
    } else {
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        if max < 256 {
            for c in s.chars() {
                h.write_u8(c as u8);
            }
        } else if max < 65536 {
            for c in s.chars() {
                h.write(&(c as u16).to_le_bytes());
            }
        } else {
            for c in s.chars() {
                h.write(&(c as u32).to_le_bytes());
            }
        }
    }
    fix_hash(h.finish() as i64)
}

/// CPython's bytes hash with the zero key.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(b);
    fix_hash(h.finish() as i64)
}

/// -1 is reserved for errors in CPython's hash protocol.
#[inline]
pub fn fix_hash(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// The interned str with this text.
pub fn intern(vm: &mut Vm, s: &str) -> Value {
    if let Some(&v) = vm.interned.get(s) {
        return v;
    }
    let v = alloc_str(vm, s);
    // SAFETY: v is a fresh str.
    unsafe { (*v.header()).flags |= STR_INTERNED };
    vm.interned.insert(s.into(), v);
    v
}

/// The interned str equal to `v` (itself if already interned).
pub fn intern_value(vm: &mut Vm, v: Value) -> Value {
    // SAFETY: v is a str.
    if unsafe { (*v.header()).flags } & STR_INTERNED != 0 {
        return v;
    }
    if let Some(&i) = vm.interned.get(as_str(v)) {
        return i;
    }
    // SAFETY: v is a str.
    unsafe { (*v.header()).flags |= STR_INTERNED };
    vm.interned.insert(as_str(v).into(), v);
    v
}

/// Byte offset of code point `i` (its byte length when `i` is at or past the end).
#[inline]
pub fn byte_offset(v: Value, i: usize) -> usize {
    if is_ascii(v) {
        return i.min(char_len(v));
    }
    super::str_index::byte_offset(v, i)
}

/// Byte offsets of code points `start..end` (clamped to the length).
pub fn char_range(v: Value, start: usize, end: usize) -> (usize, usize) {
    if is_ascii(v) {
        let n = char_len(v);
        return (start.min(n), end.min(n));
    }
    let b0 = super::str_index::byte_offset(v, start);
    let b1 = if end <= start {
        b0
    } else if end - start <= 64 {
        super::str_index::walk(as_str(v).as_bytes(), b0, end - start)
    } else {
        super::str_index::byte_offset(v, end)
    };
    (b0, b1)
}

/// The code point at index `i` (in range).
#[inline]
pub fn char_at(v: Value, i: usize) -> char {
    if is_ascii(v) {
        return as_str(v).as_bytes().get(i).map_or('\0', |&b| b as char);
    }
    let b = super::str_index::byte_offset(v, i);
    as_str(v)
        .get(b..)
        .and_then(|t| t.chars().next())
        .unwrap_or('\0')
}
