//! `set` and `frozenset`: an open-addressing table with the same probing, resizing
//! and dummy handling as CPython's, so that iteration order (which follows the table)
//! matches CPython's for the same insertions.

use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::ValueExt;
use crate::gc::Tracer;
use crate::vm::{PyResult, Vm};

const LINEAR_PROBES: usize = 9;
const MIN_SIZE: usize = 8;
/// A deleted slot's hash (its key is `DUMMY`).
const DUMMY_HASH: i64 = -1;
/// The key of a deleted slot (never a valid value).
const DUMMY: Value = Value(0xFFFE_0000_0000_0003);

#[derive(Clone, Copy)]
pub struct Entry {
    pub key: Value,
    pub hash: i64,
}

const UNUSED: Entry = Entry {
    key: Value::NULL,
    hash: 0,
};

#[repr(C)]
pub struct SetObj {
    pub header: Header,
    pub table: Vec<Entry>,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    pub hash: i64,
}

impl SetObj {
    pub fn trace(&self, t: &mut Tracer) {
        for e in &self.table {
            if is_active(e) {
                t.mark(e.key);
            }
        }
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }
}

#[inline]
fn is_active(e: &Entry) -> bool {
    !e.key.is_null() && e.key != DUMMY
}

pub fn new_of_type(vm: &mut Vm, ty: Value) -> Value {
    vm.alloc_obj(
        ty,
        SetObj {
            header: Header::new(Kind::Set),
            table: vec![UNUSED; MIN_SIZE],
            fill: 0,
            used: 0,
            hash: -1,
        },
    )
}

pub fn new(vm: &mut Vm) -> Value {
    let ty = vm.types.set;
    new_of_type(vm, ty)
}

pub fn new_frozen(vm: &mut Vm) -> Value {
    let ty = vm.types.frozenset;
    new_of_type(vm, ty)
}

/// The native set behind a set, frozenset, or subclass instance.
pub fn native(v: Value) -> Option<Value> {
    if v.is_kind(Kind::Set) {
        return Some(v);
    }
    let inst = v.get::<stitch_core::layout::InstanceObj>()?;
    if inst.base.is_kind(Kind::Set) { Some(inst.base) } else { None }
}

pub fn obj(v: Value) -> &'static mut SetObj {
    // SAFETY: callers pass native sets.
    unsafe { v.raw::<SetObj>() }
}

pub fn len(v: Value) -> usize {
    obj(v).used
}

/// Keys in table order.
pub fn items(v: Value) -> Vec<Value> {
    obj(v).table.iter().filter(|e| is_active(e)).map(|e| e.key).collect()
}

/// Entries in table order (key and hash).
pub fn entries(v: Value) -> Vec<Entry> {
    obj(v).table.iter().filter(|e| is_active(e)).copied().collect()
}

fn keys_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if a.is_kind(Kind::Str) && b.is_kind(Kind::Str) {
        return Ok(super::str::as_str(a) == super::str::as_str(b));
    }
    vm.eq_bool(a, b)
}

/// Adds `key` (with its hash); returns false if it was already present.
pub fn add_hashed(vm: &mut Vm, sv: Value, key: Value, hash: i64) -> PyResult<bool> {
    'restart: loop {
        let s = obj(sv);
        let mut mask = s.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let mut perturb = hash as u64;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            loop {
                let e = obj(sv).table[j];
                if e.hash == 0 && e.key.is_null() {
                    let s = obj(sv);
                    if let Some(f) = freeslot {
                        s.used += 1;
                        s.table[f] = Entry { key, hash };
                        return Ok(true);
                    }
                    s.fill += 1;
                    s.used += 1;
                    s.table[j] = Entry { key, hash };
                    if s.fill * 5 >= mask * 3 {
                        let minused = if s.used > 50000 { s.used * 2 } else { s.used * 4 };
                        resize(s, minused);
                    }
                    return Ok(true);
                }
                if e.hash == hash && e.key != DUMMY {
                    let table_before = obj(sv).table.as_ptr();
                    let eq = keys_equal(vm, e.key, key)?;
                    if eq {
                        return Ok(false);
                    }
                    let s = obj(sv);
                    if s.table.as_ptr() != table_before || s.table[j].key != e.key {
                        continue 'restart;
                    }
                    mask = s.mask();
                } else if e.hash == DUMMY_HASH && e.key == DUMMY && freeslot.is_none() {
                    freeslot = Some(j);
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
}

fn insert_clean(table: &mut [Entry], key: Value, hash: i64) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].key.is_null() {
            table[i] = Entry { key, hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].key.is_null() {
                    table[i + j] = Entry { key, hash };
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

fn resize(s: &mut SetObj, minused: usize) {
    let mut newsize = MIN_SIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = std::mem::replace(&mut s.table, vec![UNUSED; newsize]);
    for e in &old {
        if is_active(e) {
            insert_clean(&mut s.table, e.key, e.hash);
        }
    }
    s.fill = s.used;
}

/// Adds `key`.
pub fn add(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = vm.hash(key)?;
    add_hashed(vm, s, key, h)
}

/// Finds the slot holding `key`.
fn find(vm: &mut Vm, sv: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let s = obj(sv);
        let mut mask = s.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            loop {
                let e = obj(sv).table[j];
                if e.key.is_null() {
                    return Ok(None);
                }
                if e.hash == hash && e.key != DUMMY {
                    let table_before = obj(sv).table.as_ptr();
                    if keys_equal(vm, e.key, key)? {
                        return Ok(Some(j));
                    }
                    let s = obj(sv);
                    if s.table.as_ptr() != table_before || s.table[j].key != e.key {
                        continue 'restart;
                    }
                    mask = s.mask();
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
}

/// `key in s` (s a native set).
pub fn contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = match vm.hash(key) {
        Ok(h) => h,
        Err(e) => {
            // A set as key is looked up as the equal frozenset, as CPython does.
            if native(key).is_some() && !vm.type_of(key).eq(&vm.types.frozenset) {
                let f = frozen_copy(vm, key)?;
                let h = vm.hash(f)?;
                return Ok(find(vm, s, f, h)?.is_some());
            }
            return Err(e);
        }
    };
    Ok(find(vm, s, key, h)?.is_some())
}

/// Removes `key`; returns whether it was present.
pub fn discard(vm: &mut Vm, sv: Value, key: Value) -> PyResult<bool> {
    let h = vm.hash(key)?;
    match find(vm, sv, key, h)? {
        Some(j) => {
            let s = obj(sv);
            s.table[j] = Entry {
                key: DUMMY,
                hash: DUMMY_HASH,
            };
            s.used -= 1;
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn clear(sv: Value) {
    let s = obj(sv);
    s.table = vec![UNUSED; MIN_SIZE];
    s.fill = 0;
    s.used = 0;
}

/// Adds every item of `other` (with CPython's merge paths for sets and dicts).
pub fn update(vm: &mut Vm, sv: Value, other: Value) -> PyResult<()> {
    if let Some(o) = native(other) {
        let other_entries = entries(o);
        let s = obj(sv);
        if (s.fill + other_entries.len()) * 5 >= s.mask() * 3 {
            let minused = (s.used + other_entries.len()) * 2;
            resize(s, minused);
        }
        let s = obj(sv);
        if s.fill == 0 && s.table.len() == obj(o).table.len() {
            // Same size, empty target: copy the layout as is.
            let src = obj(o).table.clone();
            for (i, e) in src.iter().enumerate() {
                if is_active(e) {
                    s.table[i] = *e;
                }
            }
            s.fill = other_entries.len();
            s.used = other_entries.len();
            return Ok(());
        }
        if s.fill == 0 {
            for e in &other_entries {
                insert_clean(&mut s.table, e.key, e.hash);
            }
            s.fill = other_entries.len();
            s.used = other_entries.len();
            return Ok(());
        }
        for e in other_entries {
            add_hashed(vm, sv, e.key, e.hash)?;
        }
        return Ok(());
    }
    if let Some(d) = super::dict::native(other) {
        let entries: Vec<(Value, i64)> = super::dict::entries(unsafe { d.raw::<stitch_core::layout::DictObj>() })
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.key, e.hash))
            .collect();
        let s = obj(sv);
        if (s.fill + entries.len()) * 5 >= s.mask() * 3 {
            let minused = (s.used + entries.len()) * 2;
            resize(s, minused);
        }
        for (k, h) in entries {
            add_hashed(vm, sv, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(it)? {
        add(vm, sv, x)?;
    }
    Ok(())
}

/// A frozenset with the items of `v`.
pub fn frozen_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = new_frozen(vm);
    update(vm, f, v)?;
    Ok(f)
}

/// CPython's frozenset hash.
pub fn hash(sv: Value) -> i64 {
    let s = obj(sv);
    if s.hash != -1 {
        return s.hash;
    }
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut h: u64 = 0;
    for e in &s.table {
        h ^= shuffle(e.hash as u64);
    }
    if (s.table.len() - s.fill) & 1 == 1 {
        h ^= shuffle(0);
    }
    if (s.fill - s.used) & 1 == 1 {
        h ^= shuffle(u64::MAX);
    }
    h ^= (s.used as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    let r = if h == u64::MAX { 590923713 } else { h as i64 };
    s.hash = r;
    r
}
