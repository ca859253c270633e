//! Native objects: the long tail of builtin types (descriptors, iterators, views,
//! ranges, slices...) as boxed Rust values behind one heap kind, and the fast paths
//! of iteration over builtin containers.

use std::any::Any;
use std::cell::Cell;

use stitch_core::layout::{
    Header, Kind, ListIterObj, ListObj, RangeIterObj, TupleIterObj, TupleObj,
};
use stitch_core::value::Value;

use super::ValueExt;
use crate::gc::Tracer;
use crate::vm::{PyResult, Vm};

/// How a native object behaves as a class attribute.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DescrKind {
    None,
    NonData,
    Data,
}

/// A native object's behaviour.
pub trait NativeData: Any {
    fn trace(&self, _t: &mut Tracer) {}
    /// As a descriptor.
    fn descr_kind(&self) -> DescrKind {
        DescrKind::None
    }
    fn descr_get(&self, _vm: &mut Vm, this: Value, _obj: Value, _owner: Value) -> PyResult<Value> {
        Ok(this)
    }
    fn descr_set(&self, vm: &mut Vm, _this: Value, _obj: Value, _value: Value) -> PyResult<()> {
        Err(vm.new_error(vm.exc.attribute_error, "readonly attribute"))
    }
    /// As an iterator: `Some(next)` (with `None` at the end) for iterators.
    fn next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        None
    }
    /// True for iterators (objects whose `next` answers).
    fn is_iterator(&self) -> bool {
        false
    }
    /// Attributes of the object itself (like `slice.start`).
    fn getattr(&self, _vm: &mut Vm, _this: Value, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn as_any(&self) -> &dyn Any;
}

#[repr(C)]
pub struct NativeObj {
    pub header: Header,
    pub data: Box<dyn NativeData>,
}

/// Allocates a native object of type `ty`.
pub fn new(vm: &mut Vm, ty: Value, data: Box<dyn NativeData>) -> Value {
    vm.alloc_obj(
        ty,
        NativeObj {
            header: Header::new(Kind::Native),
            data,
        },
    )
}

/// The native payload of `v` as `T`.
pub fn downcast<T: NativeData>(v: Value) -> Option<&'static T> {
    let n = v.get::<NativeObj>()?;
    n.data.as_any().downcast_ref::<T>()
}

/// Implements `as_any` for a native type.
#[macro_export]
macro_rules! native_any {
    () => {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    };
}

pub fn descriptor_kind(v: Value) -> DescrKind {
    // SAFETY: callers pass native objects.
    unsafe { v.raw::<NativeObj>() }.data.descr_kind()
}

pub fn descr_get(vm: &mut Vm, attr: Value, obj: Value, owner: Value) -> PyResult<Value> {
    let d: &dyn NativeData = &*unsafe { attr.raw::<NativeObj>() }.data;
    d.descr_get(vm, attr, obj, owner)
}

/// `descr.__set__(obj, value)` (or `__delete__` when value is NULL) for any data
/// descriptor found on a class.
pub fn descr_set(vm: &mut Vm, attr: Value, obj: Value, value: Value) -> PyResult<()> {
    if let Some(n) = attr.get::<NativeObj>() {
        let d: &dyn NativeData = &*n.data;
        return d.descr_set(vm, attr, obj, value);
    }
    let t = vm.type_of(attr);
    if value.is_null() {
        match super::types::lookup(t, vm.names.delete) {
            Some(f) => vm.call(f, &[attr, obj]).map(|_| ()),
            None => Err(vm.new_error(vm.exc.attribute_error, "__delete__")),
        }
    } else {
        match super::types::lookup(t, vm.names.set) {
            Some(f) => vm.call(f, &[attr, obj, value]).map(|_| ()),
            None => Err(vm.new_error(vm.exc.attribute_error, "__set__")),
        }
    }
}

pub fn instance_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let d: &dyn NativeData = &*unsafe { obj.raw::<NativeObj>() }.data;
    d.getattr(vm, obj, super::str::as_str(name))
}

pub fn is_iterator(v: Value) -> bool {
    v.get::<NativeObj>().is_some_and(|n| n.data.is_iterator())
}

// ---- descriptors ----

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Cell<Value>,
    pub name: Cell<Value>,
}

impl NativeData for Property {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.fget, self.fset, self.fdel, self.doc.get(), self.name.get()]);
    }
    fn descr_kind(&self) -> DescrKind {
        DescrKind::Data
    }
    fn descr_get(&self, vm: &mut Vm, this: Value, obj: Value, _owner: Value) -> PyResult<Value> {
        if obj.is_null() {
            return Ok(this);
        }
        if self.fget.is_none() || self.fget.is_null() {
            let msg = self.missing("getter", vm, obj);
            return Err(vm.new_error(vm.exc.attribute_error, msg));
        }
        vm.call(self.fget, &[obj])
    }
    fn descr_set(&self, vm: &mut Vm, _this: Value, obj: Value, value: Value) -> PyResult<()> {
        let f = if value.is_null() {
            self.fdel
        } else {
            self.fset
        };
        if f.is_none() || f.is_null() {
            let what = if value.is_null() { "deleter" } else { "setter" };
            let msg = self.missing(what, vm, obj);
            return Err(vm.new_error(vm.exc.attribute_error, msg));
        }
        if value.is_null() {
            vm.call(f, &[obj])?;
        } else {
            vm.call(f, &[obj, value])?;
        }
        Ok(())
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        let none_if_null = |v: Value| if v.is_null() { Value::NONE } else { v };
        Ok(match name {
            "fget" => Some(none_if_null(self.fget)),
            "fset" => Some(none_if_null(self.fset)),
            "fdel" => Some(none_if_null(self.fdel)),
            "__doc__" => Some(none_if_null(self.doc.get())),
            _ => None,
        })
    }
    native_any!();
}

impl Property {
    fn missing(&self, what: &str, vm: &mut Vm, obj: Value) -> String {
        let n = self.name.get();
        if n.is_kind(Kind::Str) {
            format!(
                "property '{}' of '{}' object has no {what}",
                super::str::as_str(n),
                vm.type_name(obj)
            )
        } else {
            format!("property of '{}' object has no {what}", vm.type_name(obj))
        }
    }
}

/// `classmethod(f)`.
pub struct ClassMethod {
    pub func: Value,
    pub dict: Cell<Value>,
}

impl NativeData for ClassMethod {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.dict.get());
    }
    fn descr_kind(&self) -> DescrKind {
        DescrKind::NonData
    }
    fn descr_get(&self, vm: &mut Vm, _this: Value, obj: Value, owner: Value) -> PyResult<Value> {
        let cls = if owner.is_null() || owner.is_none() {
            vm.type_of(obj)
        } else {
            owner
        };
        Ok(vm.new_method(self.func, cls))
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__func__" | "__wrapped__" => Some(self.func),
            _ => None,
        })
    }
    native_any!();
}

/// `staticmethod(f)`.
pub struct StaticMethod {
    pub func: Value,
}

impl NativeData for StaticMethod {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
    }
    fn descr_kind(&self) -> DescrKind {
        DescrKind::NonData
    }
    fn descr_get(&self, _vm: &mut Vm, _this: Value, _obj: Value, _owner: Value) -> PyResult<Value> {
        Ok(self.func)
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__func__" | "__wrapped__" => Some(self.func),
            _ => None,
        })
    }
    native_any!();
}

/// Sets (or, with NULL, deletes) a native attribute.
pub type Setter = fn(&mut Vm, Value, Value) -> PyResult<()>;

/// A native attribute of builtin objects (`__class__`, `__dict__`, `args`, ...).
pub struct GetSet {
    pub name: &'static str,
    pub get: fn(&mut Vm, Value) -> PyResult<Value>,
    pub set: Option<Setter>,
    pub owner: &'static str,
    /// The type defining it (`__objclass__`).
    pub objclass: Value,
}

impl NativeData for GetSet {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.objclass);
    }
    fn descr_kind(&self) -> DescrKind {
        DescrKind::Data
    }
    fn descr_get(&self, vm: &mut Vm, this: Value, obj: Value, _owner: Value) -> PyResult<Value> {
        if obj.is_null() {
            return Ok(this);
        }
        (self.get)(vm, obj)
    }
    fn descr_set(&self, vm: &mut Vm, _this: Value, obj: Value, value: Value) -> PyResult<()> {
        match self.set {
            Some(f) => f(vm, obj, value),
            None => Err(vm.new_error(
                vm.exc.attribute_error,
                format!(
                    "attribute '{}' of '{}' objects is not writable",
                    self.name, self.owner
                ),
            )),
        }
    }
    native_any!();
}

// ---- iteration ----

/// `iter(v)` for builtin containers without calling Python.
pub fn iter_fast(vm: &mut Vm, v: Value) -> Option<Value> {
    match v.kind()? {
        Kind::List => {
            let ty = vm.types.list_iterator;
            Some(vm.alloc_obj(
                ty,
                ListIterObj {
                    header: Header::new(Kind::ListIter),
                    list: v,
                    index: 0,
                },
            ))
        }
        Kind::Tuple => {
            let ty = vm.types.tuple_iterator;
            Some(vm.alloc_obj(
                ty,
                TupleIterObj {
                    header: Header::new(Kind::TupleIter),
                    tuple: v,
                    index: 0,
                },
            ))
        }
        Kind::ListIter | Kind::TupleIter | Kind::RangeIter | Kind::Generator => Some(v),
        Kind::Native => {
            if is_iterator(v) {
                return Some(v);
            }
            super::range::iter_fast(vm, v)
        }
        Kind::Str | Kind::Dict | Kind::Set | Kind::Bytes => super::iterators::iter_builtin(vm, v),
        _ => None,
    }
}

/// `next(it)` for builtin iterators: `Some(result)` when handled natively.
pub fn next_fast(vm: &mut Vm, it: Value) -> PyResult<Option<Option<Value>>> {
    match it.kind() {
        Some(Kind::ListIter) => {
            let li = unsafe { it.raw::<ListIterObj>() };
            let list = unsafe { li.list.raw::<ListObj>() };
            if li.index < list.items.len {
                let v = unsafe { list.items.get(li.index) };
                li.index += 1;
                return Ok(Some(Some(v)));
            }
            li.index = usize::MAX / 2;
            Ok(Some(None))
        }
        Some(Kind::TupleIter) => {
            let ti = unsafe { it.raw::<TupleIterObj>() };
            let t = unsafe { ti.tuple.raw::<TupleObj>() };
            if ti.index < t.len {
                let v = t.as_slice()[ti.index];
                ti.index += 1;
                return Ok(Some(Some(v)));
            }
            Ok(Some(None))
        }
        Some(Kind::RangeIter) => {
            let ri = unsafe { it.raw::<RangeIterObj>() };
            if ri.remaining > 0 {
                let v = Value::small(ri.next);
                ri.remaining -= 1;
                ri.next = ri.next.wrapping_add(ri.step);
                return Ok(Some(Some(v)));
            }
            Ok(Some(None))
        }
        Some(Kind::Generator) => crate::vm::generator::next(vm, it).map(Some),
        Some(Kind::Native) => {
            let n = unsafe { it.raw::<NativeObj>() };
            let d: &dyn NativeData = &*n.data;
            match d.next(vm, it) {
                Some(r) => r.map(Some),
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// The iterator of an object with only `__getitem__`.
pub struct SeqIter {
    pub seq: Value,
    pub index: Cell<i64>,
}

impl NativeData for SeqIter {
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
        let r = vm.getitem(self.seq, Value::small(i));
        Some(match r {
            Ok(v) => {
                self.index.set(i + 1);
                Ok(Some(v))
            }
            Err(e)
                if vm.is_instance_of(e.0, vm.exc.index_error)
                    || vm.is_instance_of(e.0, vm.exc.stop_iteration) =>
            {
                self.index.set(-1);
                Ok(None)
            }
            Err(e) => Err(e),
        })
    }
    native_any!();
}

pub fn seq_iter(vm: &mut Vm, seq: Value) -> Value {
    let ty = vm.registry["iterator"];
    new(
        vm,
        ty,
        Box::new(SeqIter {
            seq,
            index: Cell::new(0),
        }),
    )
}

/// `types.GenericAlias`: `list[int]` and friends.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
}

impl NativeData for GenericAlias {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.origin);
        t.mark(self.args);
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__origin__" => Some(self.origin),
            "__args__" => Some(self.args),
            "__parameters__" => Some(_vm.empty_tuple),
            _ => None,
        })
    }
    native_any!();
}

/// `origin[args]` as a generic alias.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let args = if args.is_kind(Kind::Tuple) {
        args
    } else {
        super::tuple::new(vm, &[args])
    };
    let ty = vm.registry["GenericAlias"];
    Ok(new(vm, ty, Box::new(GenericAlias { origin, args })))
}
