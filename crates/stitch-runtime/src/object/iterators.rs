//! Native iterators and views: over str, bytes, dict (keys, values, items, forwards
//! and reversed), set and list (reversed), plus `enumerate`, `zip`, `map`,
//! `filter`, `reversed` and `iter(callable, sentinel)`.

use std::cell::Cell;

use stitch_core::layout::{DictObj, Kind};
use stitch_core::value::Value;

use super::native::{self, NativeData};
use super::{ValueExt, bytes, dict, int, set, str as pystr, tuple};
use crate::gc::Tracer;
use crate::native_any;
use crate::vm::{PyResult, Vm};

/// Which part of a dict entry a dict iterator or view yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// `iter()` of str, bytes, dict and set values.
pub fn iter_builtin(vm: &mut Vm, v: Value) -> Option<Value> {
    match v.kind()? {
        Kind::Str => {
            let name = if pystr::is_ascii(v) {
                "str_ascii_iterator"
            } else {
                "str_iterator"
            };
            let ty = vm.registry[name];
            Some(native::new(
                vm,
                ty,
                Box::new(StrIter {
                    s: v,
                    byte: Cell::new(0),
                }),
            ))
        }
        Kind::Bytes => {
            let ty = vm.registry["bytes_iterator"];
            Some(native::new(
                vm,
                ty,
                Box::new(BytesIter {
                    b: v,
                    i: Cell::new(0),
                }),
            ))
        }
        Kind::Dict => Some(dict_iter(vm, v, DictPart::Keys)),
        Kind::Set => Some(set_iter(vm, v)),
        _ => None,
    }
}

pub struct StrIter {
    s: Value,
    byte: Cell<usize>,
}

impl NativeData for StrIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.s);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let text = pystr::as_str(self.s);
        let b = self.byte.get();
        let Some(c) = text.get(b..).and_then(|t| t.chars().next()) else {
            return Some(Ok(None));
        };
        self.byte.set(b + c.len_utf8());
        let mut buf = [0u8; 4];
        Some(Ok(Some(pystr::new(vm, c.encode_utf8(&mut buf)))))
    }
    native_any!();
}

impl StrIter {
    /// Characters left.
    pub fn remaining(&self) -> usize {
        let text = pystr::as_str(self.s);
        text.get(self.byte.get()..)
            .map(|t| t.chars().count())
            .unwrap_or(0)
    }
}

pub struct BytesIter {
    b: Value,
    i: Cell<usize>,
}

impl NativeData for BytesIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.b);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let d = bytes::data(self.b);
        let i = self.i.get();
        if i >= d.len() {
            return Some(Ok(None));
        }
        self.i.set(i + 1);
        Some(Ok(Some(Value::small(d[i] as i64))))
    }
    native_any!();
}

impl BytesIter {
    pub fn remaining(&self) -> usize {
        bytes::data(self.b).len().saturating_sub(self.i.get())
    }
}

/// A set iterator: walks the live table, failing if the size changes.
pub struct SetIter {
    /// The set, NULL once exhausted.
    set: Cell<Value>,
    pos: Cell<usize>,
    /// The size when iteration started; -1 after a size change (sticky).
    used: Cell<i64>,
    len: Cell<usize>,
}

pub fn set_iter(vm: &mut Vm, s: Value) -> Value {
    let ty = vm.registry["set_iterator"];
    let n = set::len(s);
    native::new(
        vm,
        ty,
        Box::new(SetIter {
            set: Cell::new(s),
            pos: Cell::new(0),
            used: Cell::new(n as i64),
            len: Cell::new(n),
        }),
    )
}

impl NativeData for SetIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.set.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let s = self.set.get();
        if s.is_null() {
            return Some(Ok(None));
        }
        if self.used.get() != set::len(s) as i64 {
            self.used.set(-1);
            return Some(Err(vm.runtime_error("Set changed size during iteration")));
        }
        let mut pos = self.pos.get();
        let e = set::next_entry(s, &mut pos);
        self.pos.set(pos);
        match e {
            Some(e) => {
                self.len.set(self.len.get().saturating_sub(1));
                Some(Ok(Some(e.key)))
            }
            None => {
                self.set.set(Value::NULL);
                Some(Ok(None))
            }
        }
    }
    native_any!();
}

impl SetIter {
    pub fn length_hint(&self) -> usize {
        let s = self.set.get();
        if !s.is_null() && self.used.get() == set::len(s) as i64 {
            self.len.get()
        } else {
            0
        }
    }
}

/// An iterator over a dict.
pub fn dict_iter(vm: &mut Vm, d: Value, part: DictPart) -> Value {
    let name = match part {
        DictPart::Keys => "dict_keyiterator",
        DictPart::Values => "dict_valueiterator",
        DictPart::Items => "dict_itemiterator",
    };
    let ty = vm.registry[name];
    let len = dict::len(d);
    native::new(
        vm,
        ty,
        Box::new(DictIter {
            dict: Cell::new(d),
            part,
            pos: Cell::new(0),
            used: Cell::new(len as i64),
            remaining: Cell::new(len),
            reverse: false,
        }),
    )
}

/// A reversed iterator over a dict.
pub fn dict_rev_iter(vm: &mut Vm, d: Value, part: DictPart) -> Value {
    let name = match part {
        DictPart::Keys => "dict_reversekeyiterator",
        DictPart::Values => "dict_reversevalueiterator",
        DictPart::Items => "dict_reverseitemiterator",
    };
    let ty = vm.registry[name];
    let len = dict::len(d);
    let used = dict::entries(unsafe { d.raw::<DictObj>() }).len();
    native::new(
        vm,
        ty,
        Box::new(DictIter {
            dict: Cell::new(d),
            part,
            pos: Cell::new(used),
            used: Cell::new(len as i64),
            remaining: Cell::new(len),
            reverse: true,
        }),
    )
}

pub struct DictIter {
    /// The dict, NULL once exhausted.
    dict: Cell<Value>,
    part: DictPart,
    /// The next entry index (reversed: one past it).
    pos: Cell<usize>,
    /// The dict's size when iteration started; -1 after a size change (sticky).
    used: Cell<i64>,
    remaining: Cell<usize>,
    reverse: bool,
}

impl NativeData for DictIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let dv = self.dict.get();
        if dv.is_null() {
            return Some(Ok(None));
        }
        let d = unsafe { dv.raw::<DictObj>() };
        if self.used.get() != d.len as i64 {
            self.used.set(-1);
            return Some(Err(
                vm.runtime_error("dictionary changed size during iteration")
            ));
        }
        let entries = dict::entries(d);
        let found = if self.reverse {
            let mut p = self.pos.get().min(entries.len());
            loop {
                if p == 0 {
                    break None;
                }
                p -= 1;
                if !entries[p].key.is_null() {
                    self.pos.set(p);
                    break Some(entries[p]);
                }
            }
        } else {
            let mut p = self.pos.get();
            while p < entries.len() && entries[p].key.is_null() {
                p += 1;
            }
            if p < entries.len() {
                if self.remaining.get() == 0 {
                    self.dict.set(Value::NULL);
                    return Some(Err(
                        vm.runtime_error("dictionary keys changed during iteration")
                    ));
                }
                self.pos.set(p + 1);
                Some(entries[p])
            } else {
                None
            }
        };
        let Some(e) = found else {
            self.dict.set(Value::NULL);
            return Some(Ok(None));
        };
        self.remaining.set(self.remaining.get().saturating_sub(1));
        Some(Ok(Some(match self.part {
            DictPart::Keys => e.key,
            DictPart::Values => e.value,
            DictPart::Items => tuple::new(vm, &[e.key, e.value]),
        })))
    }
    native_any!();
}

impl DictIter {
    pub fn length_hint(&self) -> usize {
        let d = self.dict.get();
        if !d.is_null() && self.used.get() == dict::len(d) as i64 {
            self.remaining.get()
        } else {
            0
        }
    }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`.
pub struct DictView {
    pub dict: Value,
    pub part: DictPart,
}

impl NativeData for DictView {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict);
    }
    fn getattr(&self, vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(if name == "mapping" {
            Some(crate::builtins::mappingproxy(vm, self.dict))
        } else {
            None
        })
    }
    native_any!();
}

pub fn dict_view(vm: &mut Vm, d: Value, part: DictPart) -> Value {
    let name = match part {
        DictPart::Keys => "dict_keys",
        DictPart::Values => "dict_values",
        DictPart::Items => "dict_items",
    };
    let ty = vm.registry[name];
    native::new(vm, ty, Box::new(DictView { dict: d, part }))
}

/// `reversed(list)`.
pub struct ListRevIter {
    pub list: Value,
    pub index: Cell<i64>,
}

impl NativeData for ListRevIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.list);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let i = self.index.get();
        let items = super::list::items(self.list);
        if i >= 0 && (i as usize) < items.len() {
            self.index.set(i - 1);
            return Some(Ok(Some(items[i as usize])));
        }
        self.index.set(-1);
        Some(Ok(None))
    }
    native_any!();
}

/// `enumerate(it, start)`.
pub struct Enumerate {
    pub it: Value,
    pub count: Cell<Value>,
}

impl NativeData for Enumerate {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it);
        t.mark(self.count.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let Some(x) = vm.next(self.it)? else {
                return Ok(None);
            };
            let c = self.count.get();
            let next = match c.is_small_int() {
                true => int::from_i64(vm, c.small_value() + 1),
                false => int::binary(vm, stitch_core::instr::binop::ADD, c, Value::small(1))?
                    .unwrap_or(c),
            };
            self.count.set(next);
            Ok(Some(tuple::new(vm, &[c, x])))
        })())
    }
    native_any!();
}

/// `zip(*its, strict=)`.
pub struct Zip {
    pub its: Value,
    pub strict: bool,
}

impl NativeData for Zip {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.its);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let its = tuple::items(self.its);
            if its.is_empty() {
                return Ok(None);
            }
            let mut items = crate::gc::Rooted::new();
            for (k, it) in its.iter().enumerate() {
                match vm.next(*it)? {
                    Some(x) => items.push(x),
                    None => {
                        if self.strict {
                            let plural = |k: usize| {
                                if k == 1 {
                                    " 1".to_string()
                                } else {
                                    format!("s 1-{k}")
                                }
                            };
                            if k > 0 {
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{}",
                                    k + 1,
                                    plural(k)
                                )));
                            }
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if vm.next(*rest)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{}",
                                        j + 1,
                                        plural(j)
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(tuple::new(vm, &items)))
        })())
    }
    native_any!();
}

/// `map(f, *its)`.
pub struct Map {
    pub func: Value,
    pub its: Value,
}

impl NativeData for Map {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.its);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let mut args = crate::gc::Rooted::new();
            for it in tuple::items(self.its) {
                match vm.next(*it)? {
                    Some(x) => args.push(x),
                    None => return Ok(None),
                }
            }
            vm.call(self.func, &args).map(Some)
        })())
    }
    native_any!();
}

/// `filter(f, it)`.
pub struct Filter {
    pub func: Value,
    pub it: Value,
}

impl NativeData for Filter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.it);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            loop {
                let Some(x) = vm.next(self.it)? else {
                    return Ok(None);
                };
                let keep = if self.func.is_none() || self.func == vm.types.bool {
                    vm.truth(x)?
                } else {
                    let r = vm.call(self.func, &[x])?;
                    vm.truth(r)?
                };
                if keep {
                    return Ok(Some(x));
                }
            }
        })())
    }
    native_any!();
}

/// `reversed(seq)` over a sequence with `__len__` and `__getitem__`.
pub struct Reversed {
    /// The sequence, NULL once exhausted.
    pub seq: Cell<Value>,
    pub index: Cell<i64>,
}

impl NativeData for Reversed {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.seq.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let i = self.index.get();
        let seq = self.seq.get();
        if i >= 0 && !seq.is_null() {
            match vm.getitem(seq, Value::small(i)) {
                Ok(v) => {
                    self.index.set(i - 1);
                    return Some(Ok(Some(v)));
                }
                Err(e) => {
                    if !vm.is_instance_of(e.0, vm.exc.index_error)
                        && !vm.is_instance_of(e.0, vm.exc.stop_iteration)
                    {
                        return Some(Err(e));
                    }
                }
            }
        }
        self.index.set(-1);
        self.seq.set(Value::NULL);
        Some(Ok(None))
    }
    native_any!();
}

/// `iter(callable, sentinel)`.
pub struct CallIter {
    /// The callable, NULL once exhausted.
    pub func: Cell<Value>,
    pub sentinel: Value,
}

impl NativeData for CallIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func.get());
        t.mark(self.sentinel);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let f = self.func.get();
        if f.is_null() {
            return Some(Ok(None));
        }
        Some((|| {
            let v = match vm.call(f, &[]) {
                Ok(v) => v,
                Err(e) if vm.is_instance_of(e.0, vm.exc.stop_iteration) => {
                    self.func.set(Value::NULL);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            let same = self.sentinel == v || vm.eq_bool(self.sentinel, v)?;
            if same {
                self.func.set(Value::NULL);
                return Ok(None);
            }
            Ok(Some(v))
        })())
    }
    native_any!();
}
