//! Heap object layouts shared by the interpreter and the JIT stencils.
//!
//! Every heap object starts with a [`Header`]: a pointer to its Python type and a
//! [`Kind`] byte naming its Rust layout. A kind other than `Instance` identifies an
//! exact builtin type (instances of user subclasses of builtins are `Instance`s whose
//! `base` holds the native object), so a fast path guards on one byte.
//!
//! Only what the micro-ops touch directly is laid out here, `#[repr(C)]`; the runtime
//! crate owns allocation, the remaining fields (as a suffix after these prefixes) and
//! all behaviour.

use crate::value::Value;

/// The header of every heap object.
#[repr(C)]
pub struct Header {
    /// The Python type (a `Kind::Type` object).
    pub ty: *mut TypePrefix,
    /// The Rust layout of the payload.
    pub kind: Kind,
    /// Collector bits (mark).
    pub gc: u8,
    /// Per-kind flags (for strings: interned, ascii).
    pub flags: u16,
    /// Per-kind spare word.
    pub aux: u32,
}

impl Header {
    /// A header of `kind` whose type is set when the object is allocated.
    pub const fn new(kind: Kind) -> Header {
        Header {
            ty: core::ptr::null_mut(),
            kind,
            gc: 0,
            flags: 0,
            aux: 0,
        }
    }
}

/// The Rust layout of a heap object. `Free` marks an unallocated arena slot.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Free = 0,
    Type,
    Int,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    Function,
    Builtin,
    Method,
    Code,
    Cell,
    Module,
    Instance,
    Exception,
    Shape,
    ListIter,
    TupleIter,
    RangeIter,
    Generator,
    /// Everything else: a boxed Rust object behind a trait.
    Native,
}

/// A growable array of values with a stable C layout, used inside objects.
#[repr(C)]
pub struct ValueVec {
    pub ptr: *mut Value,
    pub len: usize,
    pub cap: usize,
}

impl ValueVec {
    pub const EMPTY: ValueVec = ValueVec {
        ptr: core::ptr::NonNull::<Value>::dangling().as_ptr(),
        len: 0,
        cap: 0,
    };
    /// Element `i`, unchecked.
    ///
    /// # Safety
    /// `i < self.len`.
    #[inline(always)]
    pub unsafe fn get(&self, i: usize) -> Value {
        unsafe { *self.ptr.add(i) }
    }
    /// # Safety
    /// `i < self.len`.
    #[inline(always)]
    pub unsafe fn set(&mut self, i: usize, v: Value) {
        unsafe { *self.ptr.add(i) = v }
    }
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: ptr/len describe an initialised buffer (or a dangling empty one).
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// `list`.
#[repr(C)]
pub struct ListObj {
    pub header: Header,
    pub items: ValueVec,
}

/// `tuple`: the items follow the header inline.
#[repr(C)]
pub struct TupleObj {
    pub header: Header,
    pub len: usize,
    pub items: [Value; 0],
}

impl TupleObj {
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: a tuple is allocated with room for `len` items after the header.
        unsafe { core::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
}

/// `str`: UTF-8 bytes follow inline. `hash` is -1 until computed.
#[repr(C)]
pub struct StrObj {
    pub header: Header,
    pub hash: i64,
    /// Length in code points.
    pub char_len: usize,
    /// Length in bytes.
    pub byte_len: usize,
    pub bytes: [u8; 0],
}

/// Header flag of a str: every code point is ASCII.
pub const STR_ASCII: u16 = 1;
/// Header flag of a str: the string is interned (unique for its contents).
pub const STR_INTERNED: u16 = 2;

/// One slot of a dict's entry array; a deleted entry has a NULL key.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct DictEntry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// `dict`: an insertion-ordered hash table (entries array plus an index table).
#[repr(C)]
pub struct DictObj {
    pub header: Header,
    /// Version of the key set: 0 until asked for; reset to 0 whenever a key is added,
    /// removed or moved. A cached entry index is valid while the version matches.
    pub keys_version: u32,
    pub _pad: u32,
    /// Live entries.
    pub len: usize,
    /// Entries used so far (live and deleted).
    pub used: usize,
    pub entries_cap: usize,
    pub entries: *mut DictEntry,
    /// Open-addressing table of entry indices (-1 empty, -2 dummy); `mask + 1` slots, 0 if none.
    pub indices: *mut i32,
    pub mask: usize,
}

/// The prefix of a type object shared with the micro-ops.
#[repr(C)]
pub struct TypePrefix {
    pub header: Header,
    /// Version tag: bumped (to a fresh value) whenever this type or a base changes.
    pub version: u32,
    pub flags: u32,
}

/// A user-class instance. Attributes live in `inline` slots (first `ninline`
/// attributes, in shape order) and then in `overflow`; `shape` is null once the
/// instance switched to a materialised `__dict__` (`dict`).
#[repr(C)]
pub struct InstanceObj {
    pub header: Header,
    pub shape: *mut u8,
    pub dict: Value,
    /// For instances of user subclasses of builtins: the native base object.
    pub base: Value,
    pub overflow: ValueVec,
    pub ninline: usize,
    pub inline: [Value; 0],
}

impl InstanceObj {
    /// Attribute slot `i` (by shape index).
    ///
    /// # Safety
    /// `i` is a valid index of the instance's shape.
    #[inline(always)]
    pub unsafe fn slot(&self, i: usize) -> Value {
        unsafe {
            if i < self.ninline {
                *self.inline.as_ptr().add(i)
            } else {
                self.overflow.get(i - self.ninline)
            }
        }
    }
    /// # Safety
    /// `i` is a valid index of the instance's shape (overflow already grown).
    #[inline(always)]
    pub unsafe fn set_slot(&mut self, i: usize, v: Value) {
        unsafe {
            if i < self.ninline {
                *self.inline.as_mut_ptr().add(i) = v
            } else {
                self.overflow.set(i - self.ninline, v)
            }
        }
    }
}

/// A code object prefix: the immutable facts a call or a frame needs.
#[repr(C)]
pub struct CodePrefix {
    pub header: Header,
    pub instrs: *mut crate::instr::Instr,
    pub ninstrs: usize,
    pub consts: *const Value,
    pub names: *const Value,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Plain locals (including parameters), then cells, then free variables.
    pub nlocals: u32,
    pub ncells: u32,
    pub nfrees: u32,
    pub stacksize: u32,
    pub flags: u32,
}

impl CodePrefix {
    #[inline(always)]
    pub fn nlocalsplus(&self) -> usize {
        (self.nlocals + self.ncells + self.nfrees) as usize
    }
}

/// Code flags.
pub mod code_flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    pub const COROUTINE: u32 = 8;
    pub const ASYNC_GENERATOR: u32 = 16;
    /// Module or class body: names resolve through `LOAD_NAME`.
    pub const NAMESPACE: u32 = 32;
    /// Parameters that are cells are copied into their cells at entry.
    pub const HAS_CELL_ARGS: u32 = 64;
    /// Positional parameters only, no defaults needed, no cells: the fast call path.
    pub const SIMPLE_ARGS: u32 = 128;
}

/// A Python function prefix.
#[repr(C)]
pub struct FunctionPrefix {
    pub header: Header,
    pub code: *mut CodePrefix,
    pub globals: *mut DictObj,
    pub builtins: *mut DictObj,
    /// Tuple of defaults or NULL.
    pub defaults: Value,
    /// Dict of keyword-only defaults or NULL.
    pub kwdefaults: Value,
    /// Tuple of cells or NULL.
    pub closure: Value,
    /// Bumped when `__code__` or `__defaults__` change.
    pub version: u32,
    pub _pad: u32,
}

/// A module: its namespace dict.
#[repr(C)]
pub struct ModuleObj {
    pub header: Header,
    pub dict: Value,
}

/// A cell (a closed-over variable).
#[repr(C)]
pub struct CellObj {
    pub header: Header,
    pub value: Value,
}

/// A bound method: a callable plus the object it is bound to.
#[repr(C)]
pub struct MethodObj {
    pub header: Header,
    pub func: Value,
    pub self_: Value,
}

/// Iterator over a list.
#[repr(C)]
pub struct ListIterObj {
    pub header: Header,
    pub list: Value,
    pub index: usize,
}

/// Iterator over a tuple.
#[repr(C)]
pub struct TupleIterObj {
    pub header: Header,
    pub tuple: Value,
    pub index: usize,
}

/// Iterator over a range whose values are small ints.
#[repr(C)]
pub struct RangeIterObj {
    pub header: Header,
    pub next: i64,
    pub step: i64,
    pub remaining: u64,
}
