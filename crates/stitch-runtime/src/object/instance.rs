//! Instances of user classes: attributes in hidden classes (shapes) with inline
//! slots, switching to a real dict when `__dict__` is asked for or an attribute is
//! deleted.
//!
//! A shape is the ordered list of attribute names an instance has; adding an
//! attribute follows (or creates) a transition to a child shape. Each class has its
//! own root shape, so a shape also identifies the class. Attribute names in shapes
//! are interned strings, compared by identity.

use stitch_core::layout::{Header, InstanceObj, Kind, ValueVec};
use stitch_core::value::Value;

use super::{ShapeObj, ValueExt, dict, list, str as pystr, types};
use crate::gc::Tracer;
use crate::vm::Vm;

/// Most inline slots a class gives its instances.
const MAX_INLINE: usize = 16;

pub fn trace(i: &InstanceObj, t: &mut Tracer) {
    if !i.shape.is_null() {
        t.mark_ptr(i.shape as *mut Header);
        let n = shape(i).len;
        for k in 0..n {
            // SAFETY: k is a valid index of the shape.
            t.mark(unsafe { i.slot(k) });
        }
    }
    t.mark(i.dict);
    t.mark(i.base);
}

fn shape(i: &InstanceObj) -> &'static ShapeObj {
    // SAFETY: a non-null shape pointer is a live shape.
    unsafe { &*(i.shape as *mut ShapeObj) }
}

fn new_shape(vm: &mut Vm, parent: Value, key: Value) -> Value {
    let (len, mut keys) = if parent.is_null() {
        (0, Vec::new())
    } else {
        let p = unsafe { parent.raw::<ShapeObj>() };
        (p.len, p.keys.clone())
    };
    if !key.is_null() {
        keys.push(key);
    }
    let ty = vm.types.shape;
    vm.alloc_obj(
        ty,
        ShapeObj {
            header: Header::new(Kind::Shape),
            parent,
            key,
            len: if key.is_null() { len } else { len + 1 },
            transitions: Vec::new(),
            keys,
        },
    )
}

/// The empty shape of instances of `cls`.
pub fn root_shape(vm: &mut Vm, cls: Value) -> Value {
    let t = types::ty(cls);
    if t.root_shape.is_null() {
        let s = new_shape(vm, Value::NULL, Value::NULL);
        types::ty(cls).root_shape = s;
    }
    types::ty(cls).root_shape
}

/// A new instance of `cls` with no attributes.
pub fn new(vm: &mut Vm, cls: Value) -> Value {
    let shape = root_shape(vm, cls);
    let ninline = types::ty(cls).slot_hint.min(MAX_INLINE);
    let size = std::mem::size_of::<InstanceObj>() + ninline * 8;
    let p = vm.alloc_raw(size) as *mut InstanceObj;
    // SAFETY: p has room for the header and the inline slots.
    unsafe {
        std::ptr::write(
            p,
            InstanceObj {
                header: Header::new(Kind::Instance),
                shape: shape.ptr(),
                dict: Value::NULL,
                base: Value::NULL,
                overflow: ValueVec::EMPTY,
                ninline,
                inline: [],
            },
        );
        (*p).header.ty = cls.ptr();
        for k in 0..ninline {
            *(*p).inline.as_mut_ptr().add(k) = Value::NULL;
        }
    }
    Value::from_ptr(p)
}

/// Index of `name` in a shape.
#[inline]
pub fn shape_index(s: &ShapeObj, name: Value) -> Option<usize> {
    s.keys.iter().position(|k| *k == name)
}

/// The instance attribute `name` (an interned str).
pub fn get_attr(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let i = unsafe { obj.raw::<InstanceObj>() };
    if i.shape.is_null() {
        if i.dict.is_null() {
            return None;
        }
        return dict::get_str(i.dict, name);
    }
    let name = pystr::intern_value(vm, name);
    let s = shape(i);
    let k = shape_index(s, name)?;
    // SAFETY: k is an index of the shape.
    let v = unsafe { i.slot(k) };
    if v.is_null() { None } else { Some(v) }
}

/// Sets the instance attribute `name`.
pub fn set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) {
    let name = pystr::intern_value(vm, name);
    let i = unsafe { obj.raw::<InstanceObj>() };
    if i.shape.is_null() {
        if i.dict.is_null() {
            i.dict = dict::new(vm);
        }
        let d = unsafe { obj.raw::<InstanceObj>() }.dict;
        dict::set_str(d, name, value);
        return;
    }
    let s = shape(i);
    if let Some(k) = shape_index(s, name) {
        // SAFETY: k is an index of the shape.
        unsafe { i.set_slot(k, value) };
        return;
    }
    // Transition to the child shape adding `name`.
    let cur = Value::from_ptr(i.shape);
    let child = transition(vm, cur, name);
    let i = unsafe { obj.raw::<InstanceObj>() };
    let idx = unsafe { child.raw::<ShapeObj>() }.len - 1;
    if idx >= i.ninline {
        list::push(&mut i.overflow, Value::NULL);
        let cls = vm.type_of(obj);
        let t = types::ty(cls);
        if t.slot_hint < MAX_INLINE {
            t.slot_hint = (idx + 1).min(MAX_INLINE);
        }
    }
    let i = unsafe { obj.raw::<InstanceObj>() };
    i.shape = child.ptr();
    // SAFETY: idx is now an index of the shape, with storage.
    unsafe { i.set_slot(idx, value) };
}

/// The shape that `shape` becomes when attribute `name` (interned) is added.
pub fn transition(vm: &mut Vm, shape: Value, name: Value) -> Value {
    let s = unsafe { shape.raw::<ShapeObj>() };
    if let Some((_, c)) = s.transitions.iter().find(|(k, _)| *k == name) {
        return *c;
    }
    let c = new_shape(vm, shape, name);
    unsafe { shape.raw::<ShapeObj>() }.transitions.push((name, c));
    c
}

/// Deletes the instance attribute `name`; false if it was absent.
pub fn del_attr(vm: &mut Vm, obj: Value, name: Value) -> bool {
    let d = materialize_dict(vm, obj);
    dict::remove_str(d, name).is_some()
}

/// The instance's `__dict__`, switching it to dict storage.
pub fn materialize_dict(vm: &mut Vm, obj: Value) -> Value {
    let i = unsafe { obj.raw::<InstanceObj>() };
    if i.shape.is_null() {
        if i.dict.is_null() {
            let d = dict::new(vm);
            unsafe { obj.raw::<InstanceObj>() }.dict = d;
        }
        return unsafe { obj.raw::<InstanceObj>() }.dict;
    }
    let d = dict::new(vm);
    let i = unsafe { obj.raw::<InstanceObj>() };
    let s = shape(i);
    for (k, name) in s.keys.iter().enumerate() {
        // SAFETY: k is an index of the shape.
        let v = unsafe { i.slot(k) };
        if !v.is_null() {
            dict::set_str(d, *name, v);
        }
    }
    i.dict = d;
    i.shape = std::ptr::null_mut();
    for k in 0..i.ninline {
        // SAFETY: inline slots exist.
        unsafe { *i.inline.as_mut_ptr().add(k) = Value::NULL };
    }
    list::free_items(&mut i.overflow);
    d
}

/// Replaces the instance's attributes with the dict `d` (`obj.__dict__ = d`).
pub fn set_dict(obj: Value, d: Value) {
    let i = unsafe { obj.raw::<InstanceObj>() };
    i.shape = std::ptr::null_mut();
    for k in 0..i.ninline {
        // SAFETY: inline slots exist.
        unsafe { *i.inline.as_mut_ptr().add(k) = Value::NULL };
    }
    list::free_items(&mut i.overflow);
    i.dict = d;
}
