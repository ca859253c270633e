//! Code-point positions in non-ASCII strs. A str is UTF-8, so finding code point
//! `i` means walking; for a long non-ASCII string the byte offset of every
//! `STEP`-th code point is recorded on its first positional access, in a side table
//! the string's header `aux` word names, freed with the string. An access then walks
//! at most `STEP - 1` code points.
//!
//! The runtime is single-threaded, so the tables live in a thread local; each
//! records the address of its string and is only trusted for that string.

use std::cell::RefCell;

use stitch_core::layout::{Header, StrObj};
use stitch_core::value::Value;

use super::ValueExt;

/// Code points between recorded offsets.
const STEP: usize = 32;
/// Non-ASCII strings shorter than this (in code points) are walked.
const MIN_INDEXED: usize = 2 * STEP;

struct Table {
    owner: usize,
    offsets: Box<[u32]>,
    /// The last position looked up, (code point, byte offset): scans step forward.
    last: (usize, usize),
}

#[derive(Default)]
struct Tables {
    slots: Vec<Option<Table>>,
    free: Vec<u32>,
}

thread_local! {
    static TABLES: RefCell<Tables> = RefCell::new(Tables::default());
}

/// Byte length of the UTF-8 sequence starting with `b`.
#[inline]
fn seq_len(b: u8) -> usize {
    if b < 0x80 {
        1
    } else if b < 0xE0 {
        2
    } else if b < 0xF0 {
        3
    } else {
        4
    }
}

/// Byte offset `n` code points after byte offset `b` of `s` (clamped to the end).
#[inline]
pub fn walk(s: &[u8], mut b: usize, n: usize) -> usize {
    for _ in 0..n {
        match s.get(b) {
            Some(&c) => b += seq_len(c),
            None => return s.len(),
        }
    }
    b.min(s.len())
}

/// Byte offset `n` code points before byte offset `b` of `s` (clamped to 0).
#[inline]
fn walk_back(s: &[u8], mut b: usize, n: usize) -> usize {
    for _ in 0..n {
        if b == 0 {
            return 0;
        }
        b -= 1;
        while b > 0 && s[b] & 0xC0 == 0x80 {
            b -= 1;
        }
    }
    b
}

/// Number of code points in UTF-8 bytes `s`.
#[inline]
pub fn count_chars(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn build(s: &[u8]) -> Box<[u32]> {
    let mut out = Vec::with_capacity(s.len() / STEP + 1);
    let mut b = 0;
    while b < s.len() {
        out.push(b as u32);
        b = walk(s, b, STEP);
    }
    out.into_boxed_slice()
}

/// A known (code point, byte offset) of string `v` at or before code point `i`
/// and close to it, building the table on first use; records `i` as the last
/// position looked up when `byte` is its offset.
fn nearest(v: Value, s: &[u8], i: usize) -> Option<(usize, usize)> {
    let hdr = v.header();
    let owner = hdr as usize;
    // SAFETY: v is a live str.
    let aux = unsafe { (*hdr).aux };
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        if aux != 0 {
            let tb = match t.slots.get_mut(aux as usize - 1) {
                Some(Some(tb)) if tb.owner == owner => tb,
                _ => return None,
            };
            let k = i / STEP;
            let (li, lb) = tb.last;
            let start = if li <= i && i - li < i % STEP {
                (li, lb)
            } else {
                (k * STEP, *tb.offsets.get(k)? as usize)
            };
            let b = walk(s, start.1, i - start.0);
            tb.last = (i, b);
            return Some((i, b));
        }
        let offsets = build(s);
        let k = i / STEP;
        let c = (k * STEP, *offsets.get(k)? as usize);
        let table = Some(Table {
            owner,
            offsets,
            last: c,
        });
        let slot = match t.free.pop() {
            Some(i) => {
                t.slots[i as usize] = table;
                i
            }
            None => {
                t.slots.push(table);
                (t.slots.len() - 1) as u32
            }
        };
        // SAFETY: as above.
        unsafe { (*hdr).aux = slot + 1 };
        Some(c)
    })
}

/// Byte offset of code point `i` of the non-ASCII str `v` (its byte length when `i`
/// is at or past the end).
pub fn byte_offset(v: Value, i: usize) -> usize {
    // SAFETY: v is a str.
    let so = unsafe { v.raw::<StrObj>() };
    let s = super::str::as_str(v).as_bytes();
    let n = so.char_len;
    if i >= n {
        return s.len();
    }
    if n < MIN_INDEXED || s.len() > u32::MAX as usize {
        return if i > n / 2 {
            walk_back(s, s.len(), n - i)
        } else {
            walk(s, 0, i)
        };
    }
    if i < STEP {
        return walk(s, 0, i);
    }
    match nearest(v, s, i) {
        Some((c, b)) => walk(s, b, i - c),
        None => walk(s, 0, i),
    }
}

/// Frees the table of a str being collected.
///
/// # Safety
/// `p` is the header of a str.
pub unsafe fn free(p: *mut Header) {
    // SAFETY: guaranteed by the caller.
    let aux = unsafe { (*p).aux };
    if aux == 0 {
        return;
    }
    let _ = TABLES.try_with(|t| {
        let mut t = t.borrow_mut();
        let slot = aux as usize - 1;
        if let Some(e) = t.slots.get_mut(slot)
            && e.as_ref().is_some_and(|tb| tb.owner == p as usize)
        {
            *e = None;
            t.free.push(slot as u32);
        }
    });
}
