//! The object model: the Rust layout of every heap object kind, how the collector
//! traces and frees each kind, and typed access to values.
//!
//! Layouts the micro-ops read are defined in `stitch_core::layout`; the rest are
//! here. Each kind module (`str.rs`, `list.rs`, ...) owns its type's behaviour.

pub mod bytearray;
pub mod bytes;
pub mod complex;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod module;
pub mod native;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_index;
pub mod tuple;
pub mod types;

use num_bigint::BigInt;
use stitch_core::layout::{
    CellObj, DictObj, Header, InstanceObj, Kind, ListIterObj, ListObj, MethodObj, RangeIterObj,
    StrObj, TupleIterObj, TupleObj, ValueVec,
};
use stitch_core::value::Value;

pub use function::{BuiltinObj, CodeObj, FunctionObj};
pub use native::{NativeData, NativeObj};
pub use types::TypeObj;

use crate::gc::Tracer;

pub use complex::pow_real as complex_pow_real;

/// A heap int (one that does not fit the 48-bit immediate): `wide` when it fits
/// an i64 (`value` is then zero and owns no memory, so no big-int digits are
/// allocated for the common 49..64-bit intermediates), else `value`.
#[repr(C)]
pub struct IntObj {
    pub header: Header,
    pub value: BigInt,
    pub wide: i64,
}

impl IntObj {
    /// The value as an i64, if it fits.
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        if self.value.sign() == num_bigint::Sign::NoSign {
            Some(self.wide)
        } else {
            num_traits::ToPrimitive::to_i64(&self.value)
        }
    }

    /// The value as a big int.
    pub fn to_bigint(&self) -> BigInt {
        if self.value.sign() == num_bigint::Sign::NoSign {
            BigInt::from(self.wide)
        } else {
            self.value.clone()
        }
    }
}

pub use stitch_core::layout::ModuleObj;

/// An instance-attribute map shape (hidden class); see `instance.rs`.
#[repr(C)]
pub struct ShapeObj {
    pub header: Header,
    pub parent: Value,
    /// The attribute this shape adds (an interned str), NULL for a root.
    pub key: Value,
    /// Number of attributes (the index of `key` is `len - 1`).
    pub len: usize,
    /// Child shapes by added key.
    pub transitions: Vec<(Value, Value)>,
    /// Every attribute name in order.
    pub keys: Vec<Value>,
}

/// An exception instance (of BaseException or any subclass).
#[repr(C)]
pub struct ExceptionObj {
    pub header: Header,
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// Other attributes, a dict or NULL.
    pub dict: Value,
    /// The builtin types' own attributes (errno, name, msg, ...), not part of
    /// `__dict__`: a dict or NULL.
    pub attrs: Value,
}

/// A generator, coroutine or async generator: its suspended frame.
#[repr(C)]
pub struct GeneratorObj {
    pub header: Header,
    pub code: Value,
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// Locals and value stack while suspended.
    pub saved: Vec<Value>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Saved stack depth above the locals.
    pub stack_len: usize,
    pub state: u8,
    /// The exception being handled inside the generator when it suspended.
    pub exc_info: Value,
    pub name: Value,
    pub qualname: Value,
    /// The frame's last instruction (for tracebacks and gi_frame).
    pub lasti: u32,
    /// The frame object, once `gi_frame` was asked for.
    pub frame_obj: Value,
    /// Async generators: hooks and flags.
    pub extra: Value,
}

/// Object kinds: typed access from a value.
pub trait HeapKind {
    const KIND: Kind;
}

macro_rules! heap_kind {
    ($($t:ty => $k:ident),* $(,)?) => {
        $(impl HeapKind for $t { const KIND: Kind = Kind::$k; })*
    };
}
heap_kind! {
    TypeObj => Type,
    IntObj => Int,
    StrObj => Str,
    bytes::BytesObj => Bytes,
    TupleObj => Tuple,
    ListObj => List,
    DictObj => Dict,
    set::SetObj => Set,
    FunctionObj => Function,
    BuiltinObj => Builtin,
    MethodObj => Method,
    CodeObj => Code,
    CellObj => Cell,
    ModuleObj => Module,
    InstanceObj => Instance,
    ExceptionObj => Exception,
    ShapeObj => Shape,
    ListIterObj => ListIter,
    TupleIterObj => TupleIter,
    RangeIterObj => RangeIter,
    GeneratorObj => Generator,
    NativeObj => Native,
}

/// Typed access to heap values.
pub trait ValueExt {
    /// The object as `T` when it has exactly `T`'s layout.
    fn get<T: HeapKind>(self) -> Option<&'static mut T>;
    /// The object as `T`, without checking. The caller knows the kind.
    ///
    /// # Safety
    /// `self` is a heap object of `T`'s kind.
    unsafe fn raw<T: HeapKind>(self) -> &'static mut T;
}

impl ValueExt for Value {
    #[inline]
    fn get<T: HeapKind>(self) -> Option<&'static mut T> {
        if self.is_kind(T::KIND) {
            // SAFETY: the kind byte says the object has T's layout.
            Some(unsafe { &mut *self.ptr::<T>() })
        } else {
            None
        }
    }
    #[inline]
    unsafe fn raw<T: HeapKind>(self) -> &'static mut T {
        debug_assert!(self.is_kind(T::KIND), "expected {:?}", T::KIND);
        // SAFETY: guaranteed by the caller.
        unsafe { &mut *self.ptr::<T>() }
    }
}

/// Marks the values an object refers to.
///
/// # Safety
/// `p` is a live object.
pub unsafe fn trace_object(p: *mut Header, t: &mut Tracer) {
    // SAFETY: the header's kind names the layout of the object at p.
    unsafe {
        t.mark_ptr((*p).ty as *mut Header);
        match (*p).kind {
            Kind::Free | Kind::Int | Kind::Str | Kind::Bytes | Kind::RangeIter => {}
            Kind::Type => (*(p as *mut TypeObj)).trace(t),
            Kind::Tuple => {
                for v in (*(p as *mut TupleObj)).as_slice() {
                    t.mark(*v);
                }
            }
            Kind::List => t.mark_all((*(p as *mut ListObj)).items.as_slice()),
            Kind::Dict => dict::trace(&*(p as *mut DictObj), t),
            Kind::Set => (*(p as *mut set::SetObj)).trace(t),
            Kind::Function => (*(p as *mut FunctionObj)).trace(t),
            Kind::Builtin => {
                let b = &*(p as *mut BuiltinObj);
                t.mark(b.self_);
                t.mark(b.owner);
            }
            Kind::Method => {
                let m = &*(p as *mut MethodObj);
                t.mark(m.func);
                t.mark(m.self_);
            }
            Kind::Code => (*(p as *mut CodeObj)).trace(t),
            Kind::Cell => t.mark((*(p as *mut CellObj)).value),
            Kind::Module => t.mark((*(p as *mut ModuleObj)).dict),
            Kind::Instance => instance::trace(&*(p as *mut InstanceObj), t),
            Kind::Exception => {
                let e = &*(p as *mut ExceptionObj);
                t.mark_all(&[e.args, e.traceback, e.cause, e.context, e.dict, e.attrs]);
            }
            Kind::Shape => {
                let s = &*(p as *mut ShapeObj);
                t.mark(s.parent);
                t.mark(s.key);
                for (k, c) in &s.transitions {
                    t.mark(*k);
                    t.mark(*c);
                }
                t.mark_all(&s.keys);
            }
            Kind::ListIter => t.mark((*(p as *mut ListIterObj)).list),
            Kind::TupleIter => t.mark((*(p as *mut TupleIterObj)).tuple),
            Kind::Generator => {
                let g = &*(p as *mut GeneratorObj);
                t.mark_all(&[
                    g.code,
                    g.func,
                    g.globals,
                    g.builtins,
                    g.exc_info,
                    g.name,
                    g.qualname,
                    g.frame_obj,
                    g.extra,
                ]);
                t.mark_all(&g.saved);
            }
            Kind::Native => (*(p as *mut NativeObj)).data.trace(t),
        }
    }
}

/// Kinds whose objects may own memory outside the heap (see [`finalize_object`]).
const FINALIZED_KINDS: u32 = (1 << Kind::Type as u32)
    | (1 << Kind::Int as u32)
    | (1 << Kind::Bytes as u32)
    | (1 << Kind::List as u32)
    | (1 << Kind::Dict as u32)
    | (1 << Kind::Set as u32)
    | (1 << Kind::Function as u32)
    | (1 << Kind::Code as u32)
    | (1 << Kind::Instance as u32)
    | (1 << Kind::Shape as u32)
    | (1 << Kind::Generator as u32)
    | (1 << Kind::Native as u32)
    | (1 << Kind::Str as u32);

/// [`finalize_object`], skipping the call for kinds that own nothing outside the
/// heap (the sweep's common case: tuples, cells, methods, iterators).
///
/// # Safety
/// As for [`finalize_object`].
#[inline(always)]
pub unsafe fn finalize_if_needed(p: *mut Header) {
    // SAFETY: p is an object header.
    if FINALIZED_KINDS & (1 << unsafe { (*p).kind } as u32) != 0 {
        // SAFETY: as the caller promises.
        unsafe { finalize_object(p) }
    }
}

/// Releases what an unreachable object owns outside the heap.
///
/// # Safety
/// `p` is an unreachable object; it is freed right after.
pub unsafe fn finalize_object(p: *mut Header) {
    // SAFETY: the kind names the layout; the object is never used again.
    unsafe {
        match (*p).kind {
            Kind::Type => std::ptr::drop_in_place(p as *mut TypeObj),
            Kind::Int => std::ptr::drop_in_place(p as *mut IntObj),
            Kind::Bytes => std::ptr::drop_in_place(p as *mut bytes::BytesObj),
            Kind::List => list::free_items(&mut (*(p as *mut ListObj)).items),
            Kind::Dict => dict::free_tables(&mut *(p as *mut DictObj)),
            Kind::Set => std::ptr::drop_in_place(p as *mut set::SetObj),
            Kind::Function => std::ptr::drop_in_place(p as *mut FunctionObj),
            Kind::Code => std::ptr::drop_in_place(p as *mut CodeObj),
            Kind::Instance => list::free_items(&mut (*(p as *mut InstanceObj)).overflow),
            Kind::Shape => std::ptr::drop_in_place(p as *mut ShapeObj),
            Kind::Generator => std::ptr::drop_in_place(p as *mut GeneratorObj),
            Kind::Native => std::ptr::drop_in_place(p as *mut NativeObj),
            Kind::Str if (*p).aux != 0 => str_index::free(p),
            _ => {}
        }
    }
}

/// Bytes that object `p` holds outside the heap (for the collector's pacing).
///
/// # Safety
/// `p` is a live object header.
#[inline(always)]
pub unsafe fn external_bytes(p: *mut Header) -> usize {
    // SAFETY: the kind names the layout.
    unsafe {
        match (*p).kind {
            Kind::List => (*(p as *mut ListObj)).items.cap * 8,
            Kind::Dict => dict::table_bytes(&*(p as *mut DictObj)),
            Kind::Int => ((*(p as *mut IntObj)).value.bits() / 8) as usize,
            _ => 0,
        }
    }
}

/// Empty value vector helper for layouts that embed one.
pub const fn empty_vec() -> ValueVec {
    ValueVec::EMPTY
}
