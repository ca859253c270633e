//! Native iterators and views: over str, bytes, dict (keys, values, items) and set,
//! plus `enumerate`, `zip`, `map`, `filter`, `reversed` and `iter(callable, sentinel)`.

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
            let name = if pystr::is_ascii(v) { "str_ascii_iterator" } else { "str_iterator" };
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
        Kind::Set => {
            let ty = vm.registry["set_iterator"];
            let items = crate::gc::Rooted::from_vec(set::items(v));
            let snapshot = tuple::new(vm, &items);
            Some(native::new(
                vm,
                ty,
                Box::new(SetIter {
                    set: v,
                    items: snapshot,
                    i: Cell::new(0),
                    len: set::len(v),
                }),
            ))
        }
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
        let Some(c) = text[b..].chars().next() else {
            return Some(Ok(None));
        };
        self.byte.set(b + c.len_utf8());
        let mut buf = [0u8; 4];
        Some(Ok(Some(pystr::new(vm, c.encode_utf8(&mut buf)))))
    }
    native_any!();
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

pub struct SetIter {
    set: Value,
    items: Value,
    i: Cell<usize>,
    len: usize,
}

impl NativeData for SetIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.set);
        t.mark(self.items);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if set::len(self.set) != self.len {
            self.i.set(usize::MAX / 2);
            return Some(Err(vm.runtime_error("Set changed size during iteration")));
        }
        let items = tuple::items(self.items);
        let i = self.i.get();
        if i >= items.len() {
            return Some(Ok(None));
        }
        self.i.set(i + 1);
        Some(Ok(Some(items[i])))
    }
    native_any!();
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
            dict: d,
            part,
            pos: Cell::new(0),
            len,
            remaining: Cell::new(len),
        }),
    )
}

pub struct DictIter {
    dict: Value,
    part: DictPart,
    pos: Cell<usize>,
    len: usize,
    remaining: Cell<usize>,
}

impl NativeData for DictIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let d = unsafe { self.dict.raw::<DictObj>() };
        if self.pos.get() == usize::MAX {
            return Some(Ok(None));
        }
        if d.len != self.len {
            self.pos.set(usize::MAX);
            return Some(Err(vm.runtime_error("dictionary changed size during iteration")));
        }
        let entries = dict::entries(d);
        let mut p = self.pos.get();
        while p < entries.len() && entries[p].key.is_null() {
            p += 1;
        }
        if p >= entries.len() {
            self.pos.set(usize::MAX);
            return Some(Ok(None));
        }
        if self.remaining.get() == 0 {
            self.pos.set(usize::MAX);
            return Some(Err(vm.runtime_error("dictionary keys changed during iteration")));
        }
        self.remaining.set(self.remaining.get() - 1);
        self.pos.set(p + 1);
        let e = entries[p];
        Some(Ok(Some(match self.part {
            DictPart::Keys => e.key,
            DictPart::Values => e.value,
            DictPart::Items => tuple::new(vm, &[e.key, e.value]),
        })))
    }
    native_any!();
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
                false => int::binary(vm, stitch_core::instr::binop::ADD, c, Value::small(1))?.unwrap_or(c),
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
    pub done: Cell<bool>,
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
            if its.is_empty() || self.done.get() {
                return Ok(None);
            }
            let mut items = crate::gc::Rooted::new();
            for (k, it) in its.iter().enumerate() {
                match vm.next(*it)? {
                    Some(x) => items.push(x),
                    None => {
                        self.done.set(true);
                        if self.strict {
                            if k > 0 {
                                let plural = if k == 1 { " " } else { "s 1-" };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{}{}",
                                    k + 1,
                                    plural,
                                    k
                                )));
                            }
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if vm.next(*rest)?.is_some() {
                                    let plural = if j == 1 { " " } else { "s 1-" };
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{}{}",
                                        j + 1,
                                        plural,
                                        j
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
                let keep = if self.func.is_none() {
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
    pub seq: Value,
    pub index: Cell<i64>,
}

impl NativeData for Reversed {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.seq);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let i = self.index.get();
        if i < 0 {
            return Some(Ok(None));
        }
        self.index.set(i - 1);
        if let Some(l) = super::list::native(self.seq) {
            let items = super::list::items(l);
            return Some(Ok(if (i as usize) < items.len() {
                Some(items[i as usize])
            } else {
                self.index.set(-1);
                None
            }));
        }
        Some(vm.getitem(self.seq, Value::small(i)).map(Some))
    }
    native_any!();
}

/// `iter(callable, sentinel)`.
pub struct CallIter {
    pub func: Value,
    pub sentinel: Value,
    pub done: Cell<bool>,
}

impl NativeData for CallIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.sentinel);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if self.done.get() {
            return Some(Ok(None));
        }
        Some((|| {
            let v = vm.call(self.func, &[])?;
            if vm.eq_bool(v, self.sentinel)? {
                self.done.set(true);
                return Ok(None);
            }
            Ok(Some(v))
        })())
    }
    native_any!();
}
