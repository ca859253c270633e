//! `dict`: an insertion-ordered hash table (a dense entry array plus an index table),
//! with a key-set version for inline caches.
//!
//! Key comparison may run Python code (`__eq__`), which may mutate the dict; a lookup
//! that sees the table change under it starts again, as CPython's does.

use std::alloc::{Layout, alloc, dealloc};

use stitch_core::layout::{DictEntry, DictObj, Header, Kind};
use stitch_core::value::Value;

use super::ValueExt;
use crate::gc::Tracer;
use crate::vm::{PyResult, Vm};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;

static NEXT_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

pub fn trace(d: &DictObj, t: &mut Tracer) {
    for e in entries(d) {
        t.mark(e.key);
        t.mark(e.value);
    }
}

/// The used part of the entry array (deleted entries have NULL keys).
pub fn entries(d: &DictObj) -> &'static [DictEntry] {
    if d.entries.is_null() {
        return &[];
    }
    // SAFETY: entries[..used] are initialised.
    unsafe { std::slice::from_raw_parts(d.entries, d.used) }
}

fn entries_mut(d: &mut DictObj) -> &'static mut [DictEntry] {
    if d.entries.is_null() {
        return &mut [];
    }
    // SAFETY: as above.
    unsafe { std::slice::from_raw_parts_mut(d.entries, d.used) }
}

/// Bytes of a dict's tables.
pub fn table_bytes(d: &DictObj) -> usize {
    let entries = if d.entries.is_null() {
        0
    } else {
        d.entries_cap * std::mem::size_of::<DictEntry>()
    };
    let indices = if d.indices.is_null() {
        0
    } else {
        (d.mask + 1) * 4
    };
    entries + indices
}

/// The layout of one block holding `cap` entries then `size` index slots.
fn tables_layout(cap: usize, size: usize) -> Layout {
    let bytes = cap * std::mem::size_of::<DictEntry>() + size * 4;
    Layout::from_size_align(bytes, std::mem::align_of::<DictEntry>()).expect("dict table size")
}

/// Allocates the entry array and index table of a dict in one block (the index
/// table uninitialised).
fn alloc_tables(cap: usize, size: usize) -> (*mut DictEntry, *mut i32) {
    crate::gc::note_external(cap * std::mem::size_of::<DictEntry>() + size * 4);
    let layout = tables_layout(cap, size);
    // SAFETY: a non-zero layout (size >= MIN_SIZE); the index table follows the
    // entries, 4-aligned since entries are 8-aligned.
    unsafe {
        let p = alloc(layout);
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let e = p as *mut DictEntry;
        (e, e.add(cap) as *mut i32)
    }
}

/// Frees the tables of an unreachable dict.
pub fn free_tables(d: &mut DictObj) {
    if !d.entries.is_null() {
        // SAFETY: allocated by `alloc_tables` with these sizes.
        unsafe {
            dealloc(
                d.entries as *mut u8,
                tables_layout(d.entries_cap, d.mask + 1),
            )
        };
    }
    d.entries = std::ptr::null_mut();
    d.indices = std::ptr::null_mut();
}

/// Usable entries for an index table of `size` slots.
fn usable(size: usize) -> usize {
    (size << 1) / 3
}

/// Replaces the tables with ones of `size` index slots, keeping live entries in order.
fn rebuild(d: &mut DictObj, size: usize) {
    let cap = usable(size);
    let (new_entries, new_indices) = alloc_tables(cap, size);
    // SAFETY: the fresh index table has `size` slots.
    unsafe { std::ptr::write_bytes(new_indices, 0xff, size) };
    let mask = size - 1;
    let mut n = 0;
    for e in entries(d) {
        if e.key.is_null() {
            continue;
        }
        // SAFETY: n < cap because cap exceeds the live count.
        unsafe {
            *new_entries.add(n) = *e;
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while *new_indices.add(i) != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            *new_indices.add(i) = n as i32;
        }
        n += 1;
    }
    free_tables(d);
    d.entries = new_entries;
    d.indices = new_indices;
    d.entries_cap = cap;
    d.mask = mask;
    d.used = n;
    d.len = n;
    d.keys_version = 0;
}

/// Allocates an empty dict.
pub fn new(vm: &mut Vm) -> Value {
    let ty = vm.types.dict;
    new_of_type(vm, ty)
}

pub fn new_of_type(vm: &mut Vm, ty: Value) -> Value {
    vm.alloc_obj(
        ty,
        DictObj {
            header: Header::new(Kind::Dict),
            keys_version: 0,
            _pad: 0,
            len: 0,
            used: 0,
            entries_cap: 0,
            entries: std::ptr::null_mut(),
            indices: std::ptr::null_mut(),
            mask: 0,
        },
    )
}

/// The key-set version, assigning a fresh one if needed (never 0).
pub fn keys_version(d: &mut DictObj) -> u32 {
    if d.keys_version == 0 {
        d.keys_version = NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    d.keys_version
}

/// Outcome of a probe: the entry index holding the key, or the index slot where it
/// would go.
enum Probe {
    Found(usize),
    Missing,
}

/// Keys equal without running Python code, when that can be decided.
#[inline]
fn fast_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    match (a.kind(), b.kind()) {
        (Some(Kind::Str), Some(Kind::Str)) => Some(super::str::eq(a, b)),
        (Some(Kind::Str), _) | (_, Some(Kind::Str)) => {
            if a.is_ptr() && b.is_ptr() {
                None
            } else {
                Some(false)
            }
        }
        (None, None) => {
            // Immediates: equal numbers of different representation (1 == 1.0 == True).
            Some(super::float::numeric_eq_immediate(a, b))
        }
        _ => None,
    }
}

fn probe(vm: &mut Vm, dv: Value, key: Value, hash: i64) -> PyResult<Probe> {
    'restart: loop {
        let d = unsafe { dv.raw::<DictObj>() };
        if d.indices.is_null() {
            return Ok(Probe::Missing);
        }
        let mask = d.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            // SAFETY: i <= mask.
            let ix = unsafe { *d.indices.add(i) };
            if ix == EMPTY {
                return Ok(Probe::Missing);
            }
            if ix >= 0 {
                // SAFETY: stored indices are < used.
                let e = unsafe { *d.entries.add(ix as usize) };
                if e.hash == hash {
                    let eq = match fast_eq(e.key, key) {
                        Some(b) => b,
                        None => {
                            let entries_before = d.entries;
                            let r = vm.eq_bool(e.key, key)?;
                            let d2 = unsafe { dv.raw::<DictObj>() };
                            // SAFETY: index checked against the (possibly new) table.
                            if d2.entries != entries_before
                                || (ix as usize) >= d2.used
                                || unsafe { (*d2.entries.add(ix as usize)).key } != e.key
                            {
                                continue 'restart;
                            }
                            r
                        }
                    };
                    if eq {
                        return Ok(Probe::Found(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }
}

/// Looks `key` up.
pub fn get(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = vm.hash(key)?;
    get_hashed(vm, d, key, h)
}

pub fn get_hashed(vm: &mut Vm, d: Value, key: Value, hash: i64) -> PyResult<Option<Value>> {
    match probe(vm, d, key, hash)? {
        Probe::Found(i) => Ok(Some(entries(unsafe { d.raw::<DictObj>() })[i].value)),
        Probe::Missing => Ok(None),
    }
}

/// The entry index holding `key` (with its hash), if present.
pub fn index_hashed(vm: &mut Vm, d: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
    match probe(vm, d, key, hash)? {
        Probe::Found(i) => Ok(Some(i)),
        Probe::Missing => Ok(None),
    }
}

/// The value of live entry `i` (from `index_hashed`, with no Python code run since).
pub fn value_at(d: Value, i: usize) -> Value {
    entries(unsafe { d.raw::<DictObj>() })[i].value
}

/// Replaces the value of live entry `i` (as for `value_at`).
pub fn set_value_at(d: Value, i: usize, v: Value) {
    entries_mut(unsafe { d.raw::<DictObj>() })[i].value = v;
}

/// Looks up a str key without running Python code (keys that are not str never match).
pub fn get_str(d: Value, key: Value) -> Option<Value> {
    let dd = unsafe { d.raw::<DictObj>() };
    if dd.indices.is_null() {
        return None;
    }
    let hash = super::str::hash(key);
    let mask = dd.mask;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        // SAFETY: i <= mask.
        let ix = unsafe { *dd.indices.add(i) };
        if ix == EMPTY {
            return None;
        }
        if ix >= 0 {
            // SAFETY: stored indices are < used.
            let e = unsafe { &*dd.entries.add(ix as usize) };
            if e.key == key
                || (e.hash == hash && e.key.is_kind(Kind::Str) && super::str::eq(e.key, key))
            {
                return Some(e.value);
            }
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
    }
}

/// Inserts or replaces.
pub fn set(vm: &mut Vm, d: Value, key: Value, value: Value) -> PyResult<()> {
    let h = vm.hash(key)?;
    set_hashed(vm, d, key, h, value)
}

pub fn set_hashed(vm: &mut Vm, dv: Value, key: Value, hash: i64, value: Value) -> PyResult<()> {
    match probe(vm, dv, key, hash)? {
        Probe::Found(i) => {
            entries_mut(unsafe { dv.raw::<DictObj>() })[i].value = value;
        }
        Probe::Missing => insert_new(unsafe { dv.raw::<DictObj>() }, key, hash, value),
    }
    Ok(())
}

/// Appends a key known to be absent.
pub fn insert_new(d: &mut DictObj, key: Value, hash: i64, value: Value) {
    if d.indices.is_null() || d.used >= d.entries_cap {
        let mut size = MIN_SIZE;
        while usable(size) <= d.len * 3 / 2 + 1 {
            size <<= 1;
        }
        rebuild(d, size);
    }
    let mask = d.mask;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    // SAFETY: the tables have room: used < entries_cap and the index table has empty slots.
    unsafe {
        loop {
            let ix = *d.indices.add(i);
            if ix < 0 {
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        *d.indices.add(i) = d.used as i32;
        *d.entries.add(d.used) = DictEntry { hash, key, value };
    }
    d.used += 1;
    d.len += 1;
    d.keys_version = 0;
}

/// Stores a str key without running Python code.
pub fn set_str(d: Value, key: Value, value: Value) {
    let dd = unsafe { d.raw::<DictObj>() };
    if let Some(i) = index_of_key_str(dd, key) {
        entries_mut(dd)[i].value = value;
        return;
    }
    let h = super::str::hash(key);
    insert_new(dd, key, h, value);
}

/// The entry index of a str key (for inline caches), if present.
pub fn index_of_key_str(dd: &DictObj, key: Value) -> Option<usize> {
    if dd.indices.is_null() {
        return None;
    }
    let hash = super::str::hash(key);
    let mask = dd.mask;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        // SAFETY: i <= mask.
        let ix = unsafe { *dd.indices.add(i) };
        if ix == EMPTY {
            return None;
        }
        if ix >= 0 {
            // SAFETY: stored indices are < used.
            let e = unsafe { &*dd.entries.add(ix as usize) };
            if e.key == key
                || (e.hash == hash && e.key.is_kind(Kind::Str) && super::str::eq(e.key, key))
            {
                return Some(ix as usize);
            }
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
    }
}

/// Removes `key`; returns its value if it was present.
pub fn remove(vm: &mut Vm, dv: Value, key: Value) -> PyResult<Option<Value>> {
    let h = vm.hash(key)?;
    remove_hashed(vm, dv, key, h)
}

pub fn remove_hashed(vm: &mut Vm, dv: Value, key: Value, hash: i64) -> PyResult<Option<Value>> {
    match probe(vm, dv, key, hash)? {
        Probe::Found(i) => Ok(Some(remove_at(unsafe { dv.raw::<DictObj>() }, i))),
        Probe::Missing => Ok(None),
    }
}

/// Removes entry `i` (a live entry).
pub fn remove_at(d: &mut DictObj, i: usize) -> Value {
    let e = entries_mut(d)[i];
    // Find the index slot pointing at i and mark it dummy.
    let mask = d.mask;
    let mut perturb = e.hash as u64;
    let mut slot = (e.hash as u64 as usize) & mask;
    // SAFETY: the entry is present, so its slot is on its probe sequence.
    unsafe {
        while *d.indices.add(slot) != i as i32 {
            perturb >>= 5;
            slot = (slot
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        *d.indices.add(slot) = DUMMY;
    }
    let ent = &mut entries_mut(d)[i];
    ent.key = Value::NULL;
    ent.value = Value::NULL;
    d.len -= 1;
    d.keys_version = 0;
    e.value
}

/// Removes a str key without running Python code.
pub fn remove_str(d: Value, key: Value) -> Option<Value> {
    let dd = unsafe { d.raw::<DictObj>() };
    let i = index_of_key_str(dd, key)?;
    Some(remove_at(dd, i))
}

/// Empties the dict.
pub fn clear(d: &mut DictObj) {
    free_tables(d);
    d.len = 0;
    d.used = 0;
    d.entries_cap = 0;
    d.mask = 0;
    d.keys_version = 0;
}

/// Live entries in order, as (key, value) pairs.
pub fn items(d: Value) -> Vec<(Value, Value)> {
    entries(unsafe { d.raw::<DictObj>() })
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| (e.key, e.value))
        .collect()
}

pub fn len(d: Value) -> usize {
    unsafe { d.raw::<DictObj>() }.len
}

/// The native dict behind a dict or an instance of a dict subclass.
pub fn native(v: Value) -> Option<Value> {
    if v.is_kind(Kind::Dict) {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::Dict) {
        Some(inst.base)
    } else {
        None
    }
}

/// A copy of a dict (a plain dict).
pub fn copy(vm: &mut Vm, src: Value) -> Value {
    let d = new(vm);
    copy_into_empty(d, src);
    d
}

/// Fills the empty dict `dst` with the entries of `src`: the tables are copied
/// as they are when `src` has no deleted entries (no hashing or probing).
pub fn copy_into_empty(dst: Value, src: Value) {
    let (d, s) = unsafe { (dst.raw::<DictObj>(), src.raw::<DictObj>()) };
    debug_assert_eq!(d.len, 0);
    if s.len == 0 || std::ptr::eq(d, s) {
        return;
    }
    if s.used != s.len || s.indices.is_null() {
        for e in entries(s) {
            if !e.key.is_null() {
                insert_new(d, e.key, e.hash, e.value);
            }
        }
        return;
    }
    free_tables(d);
    let size = s.mask + 1;
    let cap = s.entries_cap;
    let (e, i) = alloc_tables(cap, size);
    // SAFETY: fresh tables of the source's sizes, filled from it.
    unsafe {
        std::ptr::copy_nonoverlapping(s.entries, e, s.used);
        std::ptr::copy_nonoverlapping(s.indices, i, size);
        d.entries = e;
        d.indices = i;
    }
    d.entries_cap = cap;
    d.mask = s.mask;
    d.used = s.used;
    d.len = s.len;
    d.keys_version = 0;
}
