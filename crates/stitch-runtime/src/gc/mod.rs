//! The tracing collector: non-moving mark-sweep over size-class arenas.
//!
//! Roots: the VM value stack and frame records, the VM's tables (types, modules,
//! interned strings, builtins), values rooted explicitly with [`Rooted`], and —
//! conservatively — every word of the native stack and callee-saved registers, so
//! Rust code may hold `Value`s in locals across allocations. Values kept in Rust heap
//! buffers across an allocation must live in a heap object or a [`Rooted`] vector.
//!
//! Stress mode (`-X gc-stress` or `STITCH_GC_STRESS=1`) collects at every allocation.

pub mod finalize;
pub mod heap;
pub mod stack;

use std::cell::{Cell, RefCell};

use stitch_core::layout::Header;
use stitch_core::value::Value;

pub use heap::Heap;

/// The mark phase's worklist.
pub struct Tracer {
    stack: Vec<*mut Header>,
}

impl Tracer {
    pub fn new() -> Tracer {
        Tracer {
            stack: Vec::with_capacity(1024),
        }
    }
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_ptr() {
            self.mark_ptr(v.ptr());
        }
    }
    #[inline]
    pub fn mark_all(&mut self, vs: &[Value]) {
        for v in vs {
            self.mark(*v);
        }
    }
    #[inline]
    pub fn mark_ptr(&mut self, p: *mut Header) {
        if p.is_null() {
            return;
        }
        // SAFETY: p is a live heap object (values and type pointers always are).
        unsafe {
            if (*p).gc == 0 {
                (*p).gc = 1;
                self.stack.push(p);
            }
        }
    }
    /// Traces everything reachable from what was marked so far.
    pub fn drain(&mut self) {
        while let Some(p) = self.stack.pop() {
            // SAFETY: only live objects are pushed.
            unsafe { crate::object::trace_object(p, self) };
        }
    }
}

impl Default for Tracer {
    fn default() -> Self {
        Tracer::new()
    }
}

thread_local! {
    /// Bytes of memory outside the heap (list buffers, dict tables, big-int digits)
    /// allocated since the last collection: they count towards the next one.
    static EXTERNAL: Cell<usize> = const { Cell::new(0) };
    /// Whether any class defines `__del__` (else collections skip finalizer work).
    static ANY_DEL: Cell<bool> = const { Cell::new(false) };
}

/// Records `bytes` of memory allocated outside the heap for a heap object.
#[inline]
pub fn note_external(bytes: usize) {
    EXTERNAL.with(|e| e.set(e.get().wrapping_add(bytes)));
}

/// External bytes allocated since the last collection.
#[inline]
pub fn external() -> usize {
    EXTERNAL.with(|e| e.get())
}

/// Starts a new count of external bytes.
pub fn reset_external() {
    EXTERNAL.with(|e| e.set(0));
}

/// Records that some class defines `__del__`.
pub fn note_del_class() {
    ANY_DEL.with(|a| a.set(true));
}

/// Whether some class ever defined `__del__`.
pub fn any_del_class() -> bool {
    ANY_DEL.with(|a| a.get())
}

thread_local! {
    static ROOTED: RefCell<Vec<*const Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// A vector of values that the collector treats as a root while it exists.
pub struct Rooted {
    // Boxed so that the vector header has a stable address: it is registered as a
    // root by address while the `Rooted` itself moves.
    #[allow(clippy::box_collection)]
    inner: Box<Vec<Value>>,
}

impl Rooted {
    pub fn new() -> Rooted {
        Rooted::from_vec(Vec::new())
    }
    pub fn from_vec(v: Vec<Value>) -> Rooted {
        let inner = Box::new(v);
        let p: *const Vec<Value> = &*inner;
        ROOTED.with(|r| r.borrow_mut().push(p));
        Rooted { inner }
    }
    /// The values, leaving the vector unrooted (the caller stores them somewhere
    /// traced before allocating again).
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut *self.inner)
    }
}

impl Default for Rooted {
    fn default() -> Self {
        Rooted::new()
    }
}

impl Drop for Rooted {
    fn drop(&mut self) {
        let p: *const Vec<Value> = &*self.inner;
        ROOTED.with(|r| {
            let mut r = r.borrow_mut();
            if let Some(i) = r.iter().rposition(|&q| q == p) {
                r.swap_remove(i);
            }
        });
    }
}

impl std::ops::Deref for Rooted {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.inner
    }
}

impl std::ops::DerefMut for Rooted {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.inner
    }
}

thread_local! {
    static PINNED: RefCell<Vec<(*const Value, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` (which may allocate) with the values of `s` treated as roots: for
/// buffers outside the heap that are about to be stored in a new object.
#[inline]
pub fn with_pinned<R>(s: &[Value], f: impl FnOnce() -> R) -> R {
    PINNED.with(|p| p.borrow_mut().push((s.as_ptr(), s.len())));
    let r = f();
    PINNED.with(|p| p.borrow_mut().pop());
    r
}

thread_local! {
    static IN_FLIGHT: Cell<*mut Header> = const { Cell::new(std::ptr::null_mut()) };
}

/// Runs `f` (a collection) with `obj`, an object not yet in the heap, traced as a
/// root: the object being allocated, whose values may be only in Rust heap buffers
/// it owns (a `Box` or `Vec` moved into it), where nothing else would see them.
///
/// # Safety
/// `obj` points to a complete object layout (a header naming its kind, then its
/// fields) that stays in place, unmoved, until `f` returns.
pub unsafe fn with_in_flight<R>(obj: *mut Header, f: impl FnOnce() -> R) -> R {
    let prev = IN_FLIGHT.with(|c| c.replace(obj));
    let r = f();
    IN_FLIGHT.with(|c| c.set(prev));
    r
}

/// Marks every value in live `Rooted` vectors and pinned slices, and what the
/// object being allocated refers to.
pub fn mark_rooted(t: &mut Tracer) {
    let obj = IN_FLIGHT.with(|c| c.get());
    if !obj.is_null() {
        // SAFETY: `with_in_flight` keeps the object in place while it is set.
        unsafe { crate::object::trace_object(obj, t) };
    }
    PINNED.with(|p| {
        for &(ptr, len) in p.borrow().iter() {
            // SAFETY: pinned slices outlive the closure that pinned them.
            t.mark_all(unsafe { std::slice::from_raw_parts(ptr, len) });
        }
    });
    ROOTED.with(|r| {
        for &p in r.borrow().iter() {
            // SAFETY: registered vectors are alive until dropped (which unregisters).
            t.mark_all(unsafe { &*p });
        }
    });
}
