//! The virtual machine: heap, tables, the value and frame stacks, and the error type.
//!
//! One `Vm` per process (the runtime is single-threaded). Submodules: `interp` (the
//! tier-1 dispatch loop), `helpers` (the slow paths micro-ops call), `call`
//! (argument binding and frames), `protocol` (the abstract object protocol:
//! attributes, repr, hashing, comparison, iteration...), `ops` (operators), `error`
//! (exceptions and tracebacks), `init` (bootstrapping the builtin types).

pub mod asyncgen;
pub mod call;
pub mod error;
mod fast;
pub mod generator;
pub mod helpers;
pub mod init;
pub mod interp;
pub mod ops;
pub mod protocol;
pub mod specialize;
pub mod stats;
pub mod tier2;
pub mod tables;
pub mod traceback;

use std::collections::HashMap;

use stitch_core::frame::Frame;
use stitch_core::layout::Header;
use stitch_core::value::Value;

use crate::gc::{Heap, Tracer};
pub use tables::{ExcTypes, Names, Types};

/// A raised exception (the exception instance).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Arguments of a native call: positional values, then keyword values with their names.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames: &[],
            kwvals: &[],
        }
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// The keyword argument named `name`, if given.
    pub fn kw(&self, name: &str) -> Option<Value> {
        self.kwnames
            .iter()
            .position(|n| crate::object::str::as_str(*n) == name)
            .map(|i| self.kwvals[i])
    }
    /// The arguments without the first positional one (for methods: without self).
    pub fn tail(&self) -> Args<'a> {
        Args {
            pos: &self.pos[1..],
            kwnames: self.kwnames,
            kwvals: self.kwvals,
        }
    }
}

/// Command-line switches that change how the VM runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Collect at every allocation.
    pub gc_stress: bool,
    /// `-X name[=value]` options as given (for `sys._xoptions`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// Print the disassembly of compiled code.
    pub dis: bool,
    /// Count instructions and specialisations; print them at exit.
    pub stats: bool,
}

/// Slots in the value stack, and frames in the frame stack.
const STACK_SLOTS: usize = 16 * 1024 * 1024;
const MAX_FRAMES: usize = 120_000;

pub struct Vm {
    pub heap: Heap,
    pub types: Types,
    pub exc: ExcTypes,
    pub names: Names,
    pub interned: HashMap<Box<str>, Value>,
    /// Interned special-method names of the binary operators, by operator (interned
    /// strings live as long as the VM).
    pub binop_names: Vec<Option<(Value, Value, Value)>>,
    pub empty_str: Value,
    pub ascii_chars: Vec<Value>,
    pub empty_tuple: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// Types and objects registered by native modules, by name.
    pub registry: HashMap<&'static str, Value>,

    pub stack_base: *mut Value,
    pub stack_end: *mut Value,
    pub frames_base: *mut Frame,
    pub frames_end: *mut Frame,
    /// The running frame (the top of the frame stack), or null.
    pub frame: *mut Frame,
    /// Values native code pushed above the running frame's stack (call arguments).
    pub scratch_top: *mut Value,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub exc_info: Value,
    /// An exception raised by a helper, waiting for the interpreter.
    pub pending: Value,
    /// The pending exception is re-raised: it gets no new traceback entry here.
    pub reraise: bool,
    pub recursion_limit: usize,
    /// Python frames plus nested native entries, compared with the limit.
    pub depth: usize,
    /// The highest native stack address of the VM thread (for conservative scanning).
    pub native_stack_base: usize,
    /// Below this native stack address, calls raise RecursionError.
    pub native_stack_limit: usize,
    pub options: Options,
    /// Source lines of files, for tracebacks.
    pub source_cache: HashMap<String, Option<std::rc::Rc<Vec<String>>>>,
    /// `sys.set_int_max_str_digits`.
    pub int_max_str_digits: usize,
    /// Collections so far (for `gc` statistics).
    pub collections: usize,
    /// Counters of `-X stats`.
    pub stats: Option<Box<stats::Stats>>,
    /// Tier 2: traces and their settings.
    pub jit: tier2::Jit,
    pub gc_enabled: bool,
    /// Nesting of the collector being paused (during bootstrapping).
    pub gc_paused: usize,
    /// Containers whose repr is being computed (to print `[...]` on recursion).
    pub repr_guard: Vec<Value>,
    /// Unreachable objects whose `__del__` is due.
    pub finalize_queue: Vec<Value>,
}

impl Vm {
    /// Allocates `size` bytes of object memory, collecting first when due.
    pub fn alloc_raw(&mut self, size: usize) -> *mut Header {
        if self.collection_due() {
            self.collect();
        }
        self.heap.alloc(size)
    }

    #[inline]
    fn collection_due(&self) -> bool {
        self.gc_paused == 0
            && (self.options.gc_stress
                || (self.gc_enabled && self.heap.wants_collection(crate::gc::external())))
    }

    /// Allocates an object with a fixed-size layout `T` (which starts with a header).
    pub fn alloc_obj<T>(&mut self, ty: Value, obj: T) -> Value {
        if self.collection_due() {
            // `obj` may own the only references to some values, in a Box or Vec
            // moved into it (a native object's data, a generator's saved frame):
            // the collection traces it where it is.
            let at = &obj as *const T as *mut Header;
            // SAFETY: T starts with a header naming its kind; `obj` stays in place
            // until it is moved into the heap below.
            unsafe { crate::gc::with_in_flight(at, || self.collect()) };
        }
        // `obj` is written whole: the slot needs no zeroing first.
        let p = self.heap.alloc_uninit(std::mem::size_of::<T>()) as *mut T;
        // SAFETY: p has room for T; T starts with a Header.
        unsafe {
            std::ptr::write(p, obj);
            (*(p as *mut Header)).ty = ty.ptr();
        }
        Value::from_ptr(p)
    }

    /// Runs a full collection.
    pub fn collect(&mut self) {
        let start = self.stats.is_some().then(std::time::Instant::now);
        crate::object::types::clear_lookup_cache();
        let mut t = Tracer::new();
        self.mark_roots(&mut t);
        t.drain();
        crate::gc::finalize::rescue_unreachable(self, &mut t);
        // Weak references to what dies now are cleared (those to objects kept for
        // their finalizers live on), and forgotten if they die themselves.
        crate::modules::weakref::clear_unreachable(self);
        crate::modules::weakref::prune_dead();
        let live = self.heap.sweep(
            |p| unsafe { crate::object::finalize_if_needed(p) },
            |p| unsafe { crate::object::external_bytes(p) },
        );
        self.heap.live = live;
        self.heap.allocated = 0;
        crate::gc::reset_external();
        self.heap.threshold = (live * 2).max(self.heap.floor);
        self.collections += 1;
        if let (Some(s), Some(start)) = (self.stats.as_mut(), start) {
            s.collections += 1;
            s.gc_nanos += start.elapsed().as_nanos();
        }
    }

    fn mark_roots(&mut self, t: &mut Tracer) {
        self.types.trace(t);
        self.exc.trace(t);
        self.names.trace(t);
        for v in self.interned.values() {
            t.mark(*v);
        }
        t.mark_all(&self.ascii_chars);
        t.mark_all(&[
            self.empty_str,
            self.empty_tuple,
            self.not_implemented,
            self.ellipsis,
            self.builtins,
            self.builtins_dict,
            self.sys,
            self.modules,
            self.exc_info,
            self.pending,
        ]);
        for v in self.registry.values() {
            t.mark(*v);
        }
        t.mark_all(&self.repr_guard);
        t.mark_all(&self.finalize_queue);
        // The value stack up to the running frame's stack pointer, and frame records.
        let top = self.stack_top();
        let mut p = self.stack_base;
        while p < top {
            // SAFETY: [base, top) is the live part of the value stack.
            t.mark(unsafe { *p });
            p = unsafe { p.add(1) };
        }
        if !self.frame.is_null() {
            let mut f = self.frames_base;
            while f <= self.frame {
                // SAFETY: frames up to the running one are initialised.
                unsafe {
                    t.mark_ptr((*f).code as *mut Header);
                    t.mark((*f).func);
                    t.mark_ptr((*f).globals as *mut Header);
                    t.mark_ptr((*f).builtins as *mut Header);
                    t.mark((*f).ns);
                    t.mark((*f).generator);
                    t.mark((*f).aux);
                    f = f.add(1);
                }
            }
        }
        crate::gc::mark_rooted(t);
        // Conservatively, the native stack.
        let heap = &self.heap;
        crate::gc::stack::scan_native_stack(self.native_stack_base, &mut |w| {
            for a in crate::gc::stack::candidate_addresses(w) {
                if a != 0
                    && let Some(obj) = heap.find(a)
                {
                    t.mark_ptr(obj);
                }
            }
        });
    }

    /// One past the last live value-stack slot.
    pub fn stack_top(&self) -> *mut Value {
        let top = if self.frame.is_null() {
            self.stack_base
        } else {
            // SAFETY: the running frame's sp is kept in sync before anything can look.
            unsafe { (*self.frame).sp }
        };
        top.max(self.scratch_top)
    }

    /// Allocates the stacks.
    fn new_stacks() -> (*mut Value, *mut Value, *mut Frame, *mut Frame) {
        // SAFETY: large zeroed allocations are lazily committed by the OS.
        unsafe {
            let vl = std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("stack layout");
            let v = std::alloc::alloc_zeroed(vl) as *mut Value;
            let fl = std::alloc::Layout::array::<Frame>(MAX_FRAMES).expect("frames layout");
            let f = std::alloc::alloc_zeroed(fl) as *mut Frame;
            if v.is_null() || f.is_null() {
                std::alloc::handle_alloc_error(vl);
            }
            (v, v.add(STACK_SLOTS), f, f.add(MAX_FRAMES))
        }
    }
}
