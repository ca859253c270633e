//! `set` and `frozenset`: an open-addressing table with the same probing, resizing
//! and dummy handling as CPython's, so that iteration order (which follows the table)
//! matches CPython's for the same operations. The set algebra (union, intersection,
//! differences, subset tests) follows CPython's choices of which operand to iterate,
//! since those choices decide the resulting order.
//!
//! Comparing keys may run Python code that changes a set: loops read the live table
//! by position (`next_entry`) rather than keeping copies of keys the collector
//! cannot see.

use stitch_core::layout::{DictObj, Header, Kind};
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

/// A set's slots: up to `MIN_SIZE` inline in the object (most sets are small, and
/// then creating one allocates nothing outside the heap), more in a vector.
pub enum Table {
    Small([Entry; MIN_SIZE]),
    Heap(Vec<Entry>),
}

impl Table {
    /// `size` unused slots (a power of two, at least `MIN_SIZE`).
    fn new(size: usize) -> Table {
        if size <= MIN_SIZE {
            Table::Small([UNUSED; MIN_SIZE])
        } else {
            Table::Heap(vec![UNUSED; size])
        }
    }
}

impl std::ops::Deref for Table {
    type Target = [Entry];
    #[inline]
    fn deref(&self) -> &[Entry] {
        match self {
            Table::Small(a) => a,
            Table::Heap(v) => v,
        }
    }
}

impl std::ops::DerefMut for Table {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Entry] {
        match self {
            Table::Small(a) => a,
            Table::Heap(v) => v,
        }
    }
}

#[repr(C)]
pub struct SetObj {
    pub header: Header,
    pub table: Table,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    pub hash: i64,
    /// Where `pop` starts looking.
    pub finger: usize,
}

impl SetObj {
    pub fn trace(&self, t: &mut Tracer) {
        for e in self.table.iter() {
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
            table: Table::new(MIN_SIZE),
            fill: 0,
            used: 0,
            hash: -1,
            finger: 0,
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
    if inst.base.is_kind(Kind::Set) {
        Some(inst.base)
    } else {
        None
    }
}

pub fn obj(v: Value) -> &'static mut SetObj {
    // SAFETY: callers pass native sets.
    unsafe { v.raw::<SetObj>() }
}

pub fn len(v: Value) -> usize {
    obj(v).used
}

/// Keys in table order (a snapshot: root it before calling Python).
pub fn items(v: Value) -> Vec<Value> {
    obj(v)
        .table
        .iter()
        .filter(|e| is_active(e))
        .map(|e| e.key)
        .collect()
}

/// The next active entry at or after `*pos` in the live table (`set_next`).
pub fn next_entry(sv: Value, pos: &mut usize) -> Option<Entry> {
    let t = &obj(sv).table;
    while let Some(e) = t.get(*pos) {
        *pos += 1;
        if is_active(e) {
            return Some(*e);
        }
    }
    None
}

fn keys_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if a.is_kind(Kind::Str) && b.is_kind(Kind::Str) {
        return Ok(super::str::eq(a, b));
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
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut j = i;
            loop {
                let e = obj(sv).table[j];
                if e.hash == hash && e.key == key {
                    // The same object (or immediate) is already there.
                    return Ok(false);
                }
                if e.key.is_null() {
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
                        let minused = if s.used > 50000 {
                            s.used * 2
                        } else {
                            s.used * 4
                        };
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
                    if s.table.as_ptr() != table_before
                        || s.table.get(j).map(|x| x.key) != Some(e.key)
                    {
                        continue 'restart;
                    }
                    mask = s.mask();
                } else if e.hash == DUMMY_HASH && e.key == DUMMY {
                    freeslot = Some(j);
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
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
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn resize(s: &mut SetObj, minused: usize) {
    let mut newsize = MIN_SIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    if newsize == MIN_SIZE && s.table.len() == MIN_SIZE && s.fill == s.used {
        return;
    }
    let old = std::mem::replace(&mut s.table, Table::new(newsize));
    for e in old.iter() {
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
        let table = s.table.as_ptr();
        let mask = s.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let last = if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            };
            let mut j = i;
            loop {
                // SAFETY: j <= mask, within the table read at the start (Python
                // code that could replace it runs only in `keys_equal`, after which
                // the table is checked again).
                let e = unsafe { *table.add(j) };
                if e.hash == hash {
                    // A dummy's hash (-1) is never a key's, but an unused slot's (0)
                    // may be.
                    if e.key == key {
                        return Ok(Some(j));
                    }
                    if e.key.is_null() {
                        return Ok(None);
                    }
                    if keys_equal(vm, e.key, key)? {
                        return Ok(Some(j));
                    }
                    let s = obj(sv);
                    if s.table.as_ptr() != table || s.table.get(j).map(|x| x.key) != Some(e.key) {
                        continue 'restart;
                    }
                } else if e.key.is_null() {
                    return Ok(None);
                }
                if j == last {
                    break;
                }
                j += 1;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

pub fn contains_hashed(vm: &mut Vm, sv: Value, key: Value, hash: i64) -> PyResult<bool> {
    Ok(find(vm, sv, key, hash)?.is_some())
}

/// The hash of `key`, or for an unhashable set the frozenset to look up instead.
fn key_hash(vm: &mut Vm, key: Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key, h)),
        Err(e) => {
            // A set as key is looked up as the equal frozenset, as CPython does.
            if native(key).is_some()
                && types_is_set(vm, key)
                && vm.is_instance_of(e.0, vm.exc.type_error)
            {
                let f = frozen_copy(vm, key)?;
                let h = vm.hash(f)?;
                return Ok((f, h));
            }
            Err(e)
        }
    }
}

fn types_is_set(vm: &Vm, v: Value) -> bool {
    super::types::is_subtype(vm.type_of(v), vm.types.set)
}

/// `key in s` (s a native set).
pub fn contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let (k, h) = key_hash(vm, key)?;
    contains_hashed(vm, s, k, h)
}

fn discard_slot(sv: Value, j: usize) {
    let s = obj(sv);
    s.table[j] = Entry {
        key: DUMMY,
        hash: DUMMY_HASH,
    };
    s.used -= 1;
}

pub fn discard_hashed(vm: &mut Vm, sv: Value, key: Value, hash: i64) -> PyResult<bool> {
    match find(vm, sv, key, hash)? {
        Some(j) => {
            discard_slot(sv, j);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Removes `key` (a set key stands for the equal frozenset); returns whether it was
/// present.
pub fn discard(vm: &mut Vm, sv: Value, key: Value) -> PyResult<bool> {
    let (k, h) = key_hash(vm, key)?;
    discard_hashed(vm, sv, k, h)
}

pub fn clear(sv: Value) {
    let s = obj(sv);
    s.table = Table::new(MIN_SIZE);
    s.fill = 0;
    s.used = 0;
    s.hash = -1;
}

/// `s.pop()`: the first active entry from the finger on; None when empty.
pub fn pop(sv: Value) -> Option<Value> {
    let s = obj(sv);
    if s.used == 0 {
        return None;
    }
    let mask = s.mask();
    let mut i = s.finger & mask;
    while !is_active(&s.table[i]) {
        i = if i + 1 > mask { 0 } else { i + 1 };
    }
    let key = s.table[i].key;
    s.table[i] = Entry {
        key: DUMMY,
        hash: DUMMY_HASH,
    };
    s.used -= 1;
    s.finger = i + 1;
    Some(key)
}

/// Adds every key of native set `o` (CPython's `set_merge`).
fn merge(vm: &mut Vm, sv: Value, o: Value) -> PyResult<()> {
    if o == sv || obj(o).used == 0 {
        return Ok(());
    }
    let other_used = obj(o).used;
    let s = obj(sv);
    if (s.fill + other_used) * 5 >= s.mask() * 3 {
        resize(s, (s.used + other_used) * 2);
    }
    let (s, other) = (obj(sv), obj(o));
    if s.fill == 0 && s.table.len() == other.table.len() && other.fill == other.used {
        s.table.copy_from_slice(&other.table);
        s.fill = other.fill;
        s.used = other.used;
        return Ok(());
    }
    if s.fill == 0 {
        for e in other.table.iter() {
            if is_active(e) {
                insert_clean(&mut s.table, e.key, e.hash);
            }
        }
        s.fill = other.used;
        s.used = other.used;
        return Ok(());
    }
    let mut pos = 0;
    while let Some(e) = next_entry(o, &mut pos) {
        add_hashed(vm, sv, e.key, e.hash)?;
    }
    Ok(())
}

/// Adds every item of `other` (with CPython's merge paths for sets and dicts).
pub fn update(vm: &mut Vm, sv: Value, other: Value) -> PyResult<()> {
    if let Some(o) = native(other) {
        return merge(vm, sv, o);
    }
    if other.is_kind(Kind::Dict) && vm.type_of(other) == vm.types.dict {
        let n = super::dict::len(other);
        let s = obj(sv);
        if (s.fill + n) * 5 >= s.mask() * 3 {
            resize(s, (s.used + n) * 2);
        }
        let mut i = 0;
        loop {
            let d = unsafe { other.raw::<DictObj>() };
            let Some(e) = super::dict::entries(d).get(i).copied() else {
                break;
            };
            i += 1;
            if !e.key.is_null() {
                add_hashed(vm, sv, e.key, e.hash)?;
            }
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(it)? {
        add(vm, sv, x)?;
    }
    Ok(())
}

/// A new set of type `ty` (a set or frozenset type) with the items of `v`.
pub fn new_from(vm: &mut Vm, ty: Value, v: Value) -> PyResult<Value> {
    let s = new_of_type(vm, ty);
    update(vm, s, v)?;
    Ok(s)
}

/// A frozenset with the items of `v`.
pub fn frozen_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let ty = vm.types.frozenset;
    new_from(vm, ty, v)
}

/// Exchanges the contents of two sets (`set_swap_bodies`).
pub fn swap_bodies(vm: &Vm, a: Value, b: Value) {
    let (x, y) = (obj(a), obj(b));
    std::mem::swap(&mut x.table, &mut y.table);
    std::mem::swap(&mut x.fill, &mut y.fill);
    std::mem::swap(&mut x.used, &mut y.used);
    let frozen = |v: Value| super::types::is_subtype(vm.type_of(v), vm.types.frozenset);
    if frozen(a) && frozen(b) {
        std::mem::swap(&mut x.hash, &mut y.hash);
    } else {
        x.hash = -1;
        y.hash = -1;
    }
}

/// `so & other` into a new set of type `ty` (CPython's `set_intersection`).
pub fn intersection(vm: &mut Vm, ty: Value, so: Value, other: Value) -> PyResult<Value> {
    if so == other {
        return new_from(vm, ty, so);
    }
    let result = new_of_type(vm, ty);
    if let Some(o) = native(other) {
        let (big, small) = if len(o) > len(so) { (o, so) } else { (so, o) };
        let mut pos = 0;
        while let Some(e) = next_entry(small, &mut pos) {
            if contains_hashed(vm, big, e.key, e.hash)? {
                add_hashed(vm, result, e.key, e.hash)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next(it)? {
        let h = vm.hash(key)?;
        if contains_hashed(vm, so, key, h)? {
            add_hashed(vm, result, key, h)?;
            if len(result) >= len(so) {
                break;
            }
        }
    }
    Ok(result)
}

/// Removes from `so` every item of `other` (CPython's `set_difference_update_internal`).
pub fn difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if native(other) == Some(so) || other == so {
        clear(so);
        return Ok(());
    }
    if let Some(o) = native(other) {
        let o = if (len(o) >> 3) > len(so) {
            let ty = vm.type_of(so);
            let ty = base_type(vm, ty);
            intersection(vm, ty, so, o)?
        } else {
            o
        };
        let mut pos = 0;
        while let Some(e) = next_entry(o, &mut pos) {
            discard_hashed(vm, so, e.key, e.hash)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(key) = vm.next(it)? {
            discard(vm, so, key)?;
        }
    }
    let s = obj(so);
    if s.fill - s.used > s.mask() / 4 {
        let minused = if s.used > 50000 {
            s.used * 2
        } else {
            s.used * 4
        };
        resize(s, minused);
    }
    Ok(())
}

/// `so - other` into a new set of type `ty` (CPython's `set_difference`).
pub fn difference(vm: &mut Vm, ty: Value, so: Value, other: Value) -> PyResult<Value> {
    let is_exact_dict = other.is_kind(Kind::Dict) && vm.type_of(other) == vm.types.dict;
    let other_size = match native(other) {
        Some(o) => Some(len(o)),
        None if is_exact_dict => Some(super::dict::len(other)),
        None => None,
    };
    let copy_and_diff = match other_size {
        None => true,
        Some(n) => (len(so) >> 2) > n,
    };
    if copy_and_diff {
        let r = new_from(vm, ty, so)?;
        difference_update(vm, r, other)?;
        return Ok(r);
    }
    let result = new_of_type(vm, ty);
    let o = native(other);
    let mut pos = 0;
    while let Some(e) = next_entry(so, &mut pos) {
        let present = match o {
            Some(o) => contains_hashed(vm, o, e.key, e.hash)?,
            None => super::dict::get_hashed(vm, other, e.key, e.hash)?.is_some(),
        };
        if !present {
            add_hashed(vm, result, e.key, e.hash)?;
        }
    }
    Ok(result)
}

/// `so ^= other` (CPython's `set_symmetric_difference_update`).
pub fn symmetric_difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if native(other) == Some(so) {
        clear(so);
        return Ok(());
    }
    let toggle = |vm: &mut Vm, key: Value, hash: i64| -> PyResult<()> {
        if !discard_hashed(vm, so, key, hash)? {
            add_hashed(vm, so, key, hash)?;
        }
        Ok(())
    };
    if other.is_kind(Kind::Dict) && vm.type_of(other) == vm.types.dict {
        let mut i = 0;
        loop {
            let d = unsafe { other.raw::<DictObj>() };
            let Some(e) = super::dict::entries(d).get(i).copied() else {
                break;
            };
            i += 1;
            if !e.key.is_null() {
                toggle(vm, e.key, e.hash)?;
            }
        }
        return Ok(());
    }
    let o = match native(other) {
        Some(o) => o,
        None => {
            let ty = vm.type_of(so);
            let ty = base_type(vm, ty);
            new_from(vm, ty, other)?
        }
    };
    let mut pos = 0;
    while let Some(e) = next_entry(o, &mut pos) {
        toggle(vm, e.key, e.hash)?;
    }
    Ok(())
}

/// Whether every key of native set `so` is in native set `other`.
pub fn is_subset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if len(so) > len(other) {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some(e) = next_entry(so, &mut pos) {
        if !contains_hashed(vm, other, e.key, e.hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set` for set types and their subclasses, `frozenset` otherwise (the type of
/// results of set operations).
pub fn base_type(vm: &Vm, ty: Value) -> Value {
    if ty == vm.types.set || ty == vm.types.frozenset {
        return ty;
    }
    if super::types::is_subtype(ty, vm.types.set) {
        vm.types.set
    } else {
        vm.types.frozenset
    }
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
    for e in s.table.iter() {
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
