//! What a micro-op may touch: the [`Env`] it runs in and the runtime [`Helpers`].
//!
//! Micro-op bodies are generic over `Env`. The tier-1 interpreter implements it over
//! its registers (stack pointer, frame, current instruction and inline cache); a
//! stencil implements it over holes patched at JIT time. Slow paths go through
//! `Helpers`, one method per runtime entry point; the list is declared once with
//! [`for_each_helper!`] so the JIT can generate `extern "C"` shims and an address table
//! from the same list.
//!
//! Helper convention: a helper that can fail returns `Value::NULL` with the exception
//! set in the VM; a helper with no result returns `Value::NONE` on success.

use crate::frame::Frame;
use crate::value::Value;

/// Sentinel returned by `for_iter` when the iterator is exhausted (no exception set).
pub const EXHAUSTED: Value = Value(0xFFFE_0000_0000_0001);
/// Sentinel returned by `call` when it pushed a Python frame instead of returning.
pub const FRAME_PUSHED: Value = Value(0xFFFE_0000_0000_0002);

/// Calls `$m!` with the list of helpers, each as `name(arg: Ty, ...) -> Value`.
#[macro_export]
macro_rules! for_each_helper {
    ($m:ident) => {
        $m! {
            /// Raise the error `code` (see `ErrorCode`) about operand `arg`.
            raise_error(code: u32, arg: u64) -> Value;
            load_global(name: u32) -> Value;
            store_global(name: u32, v: Value) -> Value;
            delete_global(name: u32) -> Value;
            load_name(name: u32) -> Value;
            store_name(name: u32, v: Value) -> Value;
            delete_name(name: u32) -> Value;
            load_class_deref(idx: u32) -> Value;
            make_cell(v: Value) -> Value;
            load_attr(obj: Value, name: u32) -> Value;
            /// Writes `[callable, self_or_null]` to `out`.
            load_method(obj: Value, name: u32, out: *mut Value) -> Value;
            store_attr(obj: Value, name: u32, v: Value) -> Value;
            delete_attr(obj: Value, name: u32) -> Value;
            binary_subscr(c: Value, k: Value) -> Value;
            store_subscr(c: Value, k: Value, v: Value) -> Value;
            delete_subscr(c: Value, k: Value) -> Value;
            build_slice(a: Value, b: Value, c: Value) -> Value;
            binary_op(op: u32, a: Value, b: Value) -> Value;
            unary_op(op: u32, v: Value) -> Value;
            compare_op(op: u32, a: Value, b: Value) -> Value;
            /// `a in b`, as a bool.
            contains(a: Value, b: Value) -> Value;
            /// Truth value, as a bool.
            truth(v: Value) -> Value;
            get_iter(v: Value) -> Value;
            /// Next item, `EXHAUSTED`, or NULL on error.
            for_iter(it: Value) -> Value;
            build_tuple(items: *mut Value, n: u32) -> Value;
            build_list(items: *mut Value, n: u32) -> Value;
            build_set(items: *mut Value, n: u32) -> Value;
            build_map(items: *mut Value, n: u32) -> Value;
            build_string(items: *mut Value, n: u32) -> Value;
            list_append(list: Value, v: Value) -> Value;
            set_add(set: Value, v: Value) -> Value;
            map_add(map: Value, k: Value, v: Value) -> Value;
            list_extend(list: Value, it: Value) -> Value;
            set_update(set: Value, it: Value) -> Value;
            dict_update(d: Value, other: Value) -> Value;
            /// `**other` into the call dict `d` (duplicates are errors naming `func`).
            dict_merge(func: Value, d: Value, other: Value) -> Value;
            list_to_tuple(list: Value) -> Value;
            /// Unpack `seq` into `n` values written to `out` (last item first).
            unpack_sequence(seq: Value, n: u32, out: *mut Value) -> Value;
            /// Unpack with a starred target: `counts` = before | after << 8.
            unpack_ex(seq: Value, counts: u32, out: *mut Value) -> Value;
            /// Call `[callable, self_or_null, args...]` at `base` with `argc` arguments
            /// (the last `len(kwnames)` of them by keyword). Returns the result, or
            /// `FRAME_PUSHED` when it pushed a Python frame.
            call(base: *mut Value, argc: u32, kwnames: Value) -> Value;
            /// Call `[callable, self_or_null, args_tuple, kwargs_or_null]` at `base`.
            call_ex(base: *mut Value) -> Value;
            /// `[code, qualname, extras...]` at `base`; `flags` says which extras follow.
            make_function(base: *mut Value, flags: u32) -> Value;
            /// Raise `exc` (NULL for a bare raise) with `cause` (NULL if none).
            raise(exc: Value, cause: Value) -> Value;
            reraise(exc: Value) -> Value;
            /// Make `exc` the handled exception; returns the previous one.
            push_exc_info(exc: Value) -> Value;
            pop_except(prev: Value) -> Value;
            /// `exc` matches the `except` clause type `ty`, as a bool.
            check_exc_match(exc: Value, ty: Value) -> Value;
            /// `except*`: splits `exc` by `ty`; writes `[rest, match]` to `out`.
            check_eg_match(exc: Value, ty: Value, out: *mut Value) -> Value;
            /// Re-raise what is left of exception groups after `except*` clauses.
            prep_reraise_star(orig: Value, excs: Value) -> Value;
            /// `with`: writes `[exit, enter_result]` to `out`.
            before_with(mgr: Value, out: *mut Value) -> Value;
            /// `async with`: writes `[aexit, aenter_awaitable]` to `out`.
            before_async_with(mgr: Value, out: *mut Value) -> Value;
            /// Calls `exit(type, exc, tb)` for the exception `exc`.
            with_except_start(exit: Value, exc: Value) -> Value;
            import_name(name: u32, fromlist: Value, level: Value) -> Value;
            import_from(module: Value, name: u32) -> Value;
            import_star(module: Value) -> Value;
            /// A builtin the compiler relies on: 0 `__build_class__`, 1 `AssertionError`.
            load_special(which: u32) -> Value;
            setup_annotations() -> Value;
            /// f-string piece: `flags & 3` = conversion (0 none, 1 str, 2 repr, 3 ascii).
            format_value(v: Value, spec: Value, flags: u32) -> Value;
            /// Turn the running frame into a generator object and return it.
            make_generator() -> Value;
            /// `yield from` / `await` step: send `v` into `receiver`. Returns the yielded
            /// value, or `EXHAUSTED` with the return value written to `out`.
            send(receiver: Value, v: Value, out: *mut Value) -> Value;
            get_yield_from_iter(v: Value) -> Value;
            get_awaitable(v: Value, where_: u32) -> Value;
            get_aiter(v: Value) -> Value;
            get_anext(v: Value) -> Value;
            /// `async for` ended with `exc`: swallow StopAsyncIteration, else re-raise.
            end_async_for(exc: Value) -> Value;
            /// Pass an `exc` thrown into a `yield from` through: writes the return value.
            cleanup_throw(sub: Value, exc: Value, out: *mut Value) -> Value;
            /// Wrap a value yielded by an async generator.
            async_gen_wrap(v: Value) -> Value;
            match_class(subject: Value, cls: Value, names: Value, nargs: u32) -> Value;
            match_mapping(subject: Value) -> Value;
            match_sequence(subject: Value) -> Value;
            match_keys(subject: Value, keys: Value) -> Value;
            get_len(v: Value) -> Value;
            copy_dict_without_keys(subject: Value, keys: Value) -> Value;
            print_expr(v: Value) -> Value;
            /// Tier 1: specialise the running instruction for its operands; TRUE when it
            /// was rewritten.
            specialize() -> Value;
            /// Pushes the frame of a Python function whose code takes exactly the
            /// `nargs` arguments at `base + 1` or `base + 2` (see `CALL`).
            push_frame_exact(base: *mut Value, nargs: u32) -> Value;
            /// Resumes generator `g` in a frame of this loop whose yields land in `ret`:
            /// FRAME_PUSHED, EXHAUSTED (already finished) or an error.
            push_generator_frame(g: Value, ret: *mut Value) -> Value;
            /// Calls the native function at `base` on the arguments above it.
            call_native(base: *mut Value, argc: u32) -> Value;
            /// Instantiates the class at `base` (whose `__init__` is a simple Python
            /// function): allocates the instance and pushes the `__init__` frame.
            push_init_frame(base: *mut Value, argc: u32, init: Value) -> Value;
            /// `s1 + s2` for two str values.
            concat_str(a: Value, b: Value) -> Value;
            /// `d[k]` for an exact dict (KeyError when missing).
            dict_subscr(d: Value, k: Value) -> Value;
            /// `d[k] = v` for an exact dict.
            dict_store(d: Value, k: Value, v: Value) -> Value;
            /// `s[i]` for an ASCII str and an in-range index.
            str_char(s: Value, i: u64) -> Value;
            /// Periodic work at backward jumps (signals, pending collections).
            periodic() -> Value;
            /// Tier 2, after a call inlined into a trace: makes the frame the call
            /// pushed the running one (NULL when the call failed and pushed nothing).
            enter_inlined() -> Value;
            /// Tier 2, after the return of an inlined call: pops the returning frame
            /// and goes on in its caller, with the result pushed.
            leave_inlined() -> Value;
        }
    };
}

macro_rules! declare_helpers {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> Value; )*) => {
        /// Runtime entry points a micro-op may call (see the module docs).
        pub trait Helpers {
            $(
                $(#[doc = $doc])*
                /// # Safety
                /// Called only from micro-ops with a consistent interpreter state.
                unsafe fn $name(&mut self, $($arg: $ty),*) -> Value;
            )*
        }
        /// The helper names, in declaration order.
        pub const HELPER_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}
for_each_helper!(declare_helpers);

/// Errors a micro-op raises itself (through `Helpers::raise_error`).
#[repr(u32)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrorCode {
    /// Local `arg` read before assignment.
    UnboundLocal = 0,
    /// Free or cell variable `arg` read before assignment.
    UnboundDeref = 1,
}

/// The state a micro-op runs against.
///
/// # Safety
/// Implementations keep `sp` inside the running frame's value stack.
pub unsafe trait Env: Helpers {
    fn oparg(&self) -> u32;
    /// Inline-cache word `i` (tier 1) or trace operand `i` (tier 2).
    fn operand(&self, i: usize) -> u64;
    fn frame(&self) -> *mut Frame;
    fn sp(&self) -> *mut Value;
    fn set_sp(&mut self, sp: *mut Value);
    /// Tier 1: counts down the running instruction's adaptive counter; true when it
    /// reached zero (time to specialise). Other tiers never specialise.
    #[inline(always)]
    fn tick_counter(&mut self) -> bool {
        false
    }
    /// Something asks the running code to stop at the next backward jump (a signal,
    /// a pending collection).
    fn pending(&self) -> bool;

    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn push(&mut self, v: Value) {
        let sp = self.sp();
        unsafe {
            *sp = v;
            self.set_sp(sp.add(1));
        }
    }
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn pop(&mut self) -> Value {
        unsafe {
            let sp = self.sp().sub(1);
            self.set_sp(sp);
            *sp
        }
    }
    /// Drop `n` values.
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn drop_n(&mut self, n: usize) {
        unsafe { self.set_sp(self.sp().sub(n)) }
    }
    /// The value `n` below the top (0 = top).
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn peek(&self, n: usize) -> Value {
        unsafe { *self.sp().sub(n + 1) }
    }
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn poke(&mut self, n: usize, v: Value) {
        unsafe { *self.sp().sub(n + 1) = v }
    }
    /// Address of the value `n` below the top.
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn slot(&self, n: usize) -> *mut Value {
        unsafe { self.sp().sub(n + 1) }
    }
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn local(&self, i: u32) -> Value {
        unsafe { *(*self.frame()).locals.add(i as usize) }
    }
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn set_local(&mut self, i: u32, v: Value) {
        unsafe { *(*self.frame()).locals.add(i as usize) = v }
    }
    /// # Safety
    /// `sp` and the frame describe a live value stack with room (or values) for the access.
    #[inline(always)]
    unsafe fn constant(&self, i: u32) -> Value {
        unsafe { *(*(*self.frame()).code).consts.add(i as usize) }
    }
}
