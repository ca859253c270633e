//! The micro-ops: every piece of instruction semantics, written once.
//!
//! Each micro-op is an `#[inline(always)]` function generic over [`Env`], declared with
//! its stack effect (`[pops => pushes]`, which may use the oparg) and its flags. Tier-1
//! instructions are sequences of micro-ops (see `instr.rs`); the interpreter inlines
//! them into its dispatch loop, and the JIT compiles each one into a stencil.
//!
//! Rules: a micro-op that returns `Flow::Deopt` has changed nothing (guards check
//! before they act), except that a tier-2 fused op first pushes the operands it read
//! from elsewhere, so that the stack is tier 1's at the instruction that deopts; a micro-op that returns `Flow::Error` has set an exception; no
//! micro-op panics, allocates, or calls anything but `Env` and `Helpers` methods.

use crate::env::{EXHAUSTED, Env, ErrorCode, FRAME_PUSHED};
use crate::layout::code_flags;
use crate::layout::{
    CellObj, DictObj, FunctionPrefix, InstanceObj, Kind, ListIterObj, ListObj, MethodObj,
    ModuleObj, RangeIterObj, STR_ASCII, StrObj, TupleIterObj, TupleObj, TypePrefix,
};
use crate::value::Value;

/// What the interpreter does after a micro-op (`as u8` in JIT exit codes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Flow {
    /// Go on with the next micro-op (or instruction).
    Next,
    /// Jump to the instruction named by the oparg.
    Jump,
    /// A guard failed: nothing was changed; run the generic form instead.
    Deopt,
    /// An exception was raised.
    Error,
    /// A Python frame was pushed: continue in it.
    Call,
    /// The frame returned (its value is at `frame.ret`).
    Return,
    /// The frame yielded (its value is at `frame.ret`).
    Yield,
    /// The instruction was rewritten in place: dispatch it again.
    Redispatch,
}

/// Micro-op flags (metadata for the optimizer and the stencil checker).
pub mod flags {
    /// May raise an exception.
    pub const ERROR: u32 = 1;
    /// May fail a guard.
    pub const DEOPT: u32 = 2;
    /// May run arbitrary code or allocate (interpreter state must be saved).
    pub const ESCAPES: u32 = 4;
    /// May jump.
    pub const JUMP: u32 = 8;
    /// May push a frame.
    pub const CALL: u32 = 16;
    /// Leaves the frame (return or yield).
    pub const LEAVE: u32 = 32;
    /// Tier-1 only (never part of a trace).
    pub const TIER1: u32 = 64;
}

macro_rules! define_uops {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ($e:ident, $arg:ident) [$pops:expr => $pushes:expr] ($($flag:ident)|*) $body:block
    )*) => {
        /// Every micro-op, by name.
        #[allow(non_camel_case_types)]
        #[repr(u16)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Uop { $($name),* }

        impl Uop {
            pub const ALL: &'static [Uop] = &[$(Uop::$name),*];
            pub fn name(self) -> &'static str {
                match self { $(Uop::$name => stringify!($name)),* }
            }
            pub fn flags(self) -> u32 {
                match self { $(Uop::$name => 0 $(| flags::$flag)*),* }
            }
            /// Runs micro-op `self` (the tier-2 uop interpreter's dispatch).
            ///
            /// # Safety
            /// As for the micro-op functions: `e` describes a consistent interpreter state.
            #[inline(never)]
            pub unsafe fn run<E: Env>(self, e: &mut E) -> Flow {
                unsafe { match self { $(Uop::$name => $name(e)),* } }
            }
            /// `(pops, pushes)` for the fall-through path, given the oparg.
            #[allow(unused_variables, clippy::identity_op)]
            pub fn stack_effect(self, oparg: u32) -> (usize, usize) {
                match self { $(Uop::$name => { let $arg = oparg; (($pops) as usize, ($pushes) as usize) }),* }
            }
        }

        $(
            $(#[doc = $doc])*
            #[inline(always)]
            #[allow(non_snake_case, unused_variables, unreachable_code, unused_unsafe, clippy::missing_safety_doc)]
            pub unsafe fn $name<E: Env>($e: &mut E) -> Flow {
                let $arg = $e.oparg();
                unsafe { $body }
                Flow::Next
            }
        )*
    };
}

macro_rules! tri {
    ($e:expr) => {
        match $e {
            v if v.is_null() => return Flow::Error,
            v => v,
        }
    };
}

/// `x <op> y` on small ints for `+ - * // % & | ^ << >>` (`op`: a `BINARY_OP` oparg):
/// `None` when the result leaves the small range, on a zero divisor, a shift out of
/// range or another operator.
#[inline(always)]
pub fn small_int_binop(op: u32, x: i64, y: i64) -> Option<Value> {
    use crate::instr::binop;
    let r = match op % binop::INPLACE {
        binop::ADD => x + y,
        binop::SUB => x - y,
        binop::MUL => x.checked_mul(y)?,
        binop::FLOORDIV => {
            if y == 0 {
                return None;
            }
            let q = x / y;
            if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }
        }
        binop::MOD => {
            if y == 0 {
                return None;
            }
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
        }
        binop::AND => x & y,
        binop::OR => x | y,
        binop::XOR => x ^ y,
        binop::LSHIFT => {
            if !(0..16).contains(&y) {
                return None;
            }
            x << y
        }
        binop::RSHIFT => {
            if y < 0 {
                return None;
            }
            if y >= 63 { if x < 0 { -1 } else { 0 } } else { x >> y }
        }
        _ => return None,
    };
    Value::try_small(r)
}

/// `x <op> y` on floats for `+ - * /`: `None` for a zero divisor or another operator.
#[inline(always)]
pub fn float_binop(op: u32, x: f64, y: f64) -> Option<f64> {
    use crate::instr::binop;
    Some(match op % binop::INPLACE {
        binop::ADD => x + y,
        binop::SUB => x - y,
        binop::MUL => x * y,
        binop::TRUEDIV => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        _ => return None,
    })
}

/// Comparison `op` (a `COMPARE_OP` oparg) of two ints or two floats.
#[inline(always)]
pub fn compare<T: PartialOrd>(op: u32, x: T, y: T) -> bool {
    use crate::instr::cmpop;
    match op {
        cmpop::LT => x < y,
        cmpop::LE => x <= y,
        cmpop::EQ => x == y,
        cmpop::NE => x != y,
        cmpop::GT => x > y,
        _ => x >= y,
    }
}

/// A float or small int as a float (the operands of the float ops).
#[inline(always)]
pub fn num_as_f64(v: Value) -> f64 {
    if v.is_float() { v.as_f64() } else { v.small_value() as f64 }
}

/// Oparg layout of the tier-2 fused operators (`FUSED_BINARY_OP_*`,
/// `FUSED_COMPARE_JUMP_*`, `FUSED_SUBSCR_LIST_INT`): the operator in the low byte, where each operand comes from, and where the result goes.
pub mod fused {
    /// Operand modes: the value stack, a local (index in the operand), a constant
    /// (the value in the operand).
    pub const STACK: u32 = 0;
    pub const LOCAL: u32 = 1;
    pub const CONST: u32 = 2;
    /// The result is stored into the local named by operand 2 instead of pushed.
    pub const STORE: u32 = 1 << 12;
    /// Floats: the operands may be small ints (converted).
    pub const CONV: u32 = 1 << 13;
    /// Fused comparisons (in the operator byte): jump when the comparison is true
    /// (`POP_JUMP_IF_TRUE`), else when it is false.
    pub const IF_TRUE: u32 = 0x80;
    pub const fn op(a: u32) -> u32 {
        a & 0xff
    }
    pub const fn x(a: u32) -> u32 {
        (a >> 8) & 3
    }
    pub const fn y(a: u32) -> u32 {
        (a >> 10) & 3
    }
    pub const fn oparg(op: u32, x: u32, y: u32, store: bool, conv: bool) -> u32 {
        op | x << 8 | y << 10 | if store { STORE } else { 0 } | if conv { CONV } else { 0 }
    }
    /// Values taken from the stack.
    pub const fn pops(a: u32) -> u32 {
        (x(a) == STACK) as u32 + (y(a) == STACK) as u32
    }
    /// Values pushed.
    pub const fn pushes(a: u32) -> u32 {
        (a & STORE == 0) as u32
    }
}

/// The operands of a fused operator: `(x, y, stack values used)`. The top is `y`
/// when it comes from the stack, else `x`.
#[inline(always)]
unsafe fn fused_operands<E: Env>(e: &E, a: u32) -> (Value, Value, usize) {
    unsafe {
        let mut depth = 0;
        let y = match fused::y(a) {
            fused::LOCAL => e.local(e.operand(1) as u32),
            fused::CONST => Value(e.operand(1)),
            _ => {
                depth += 1;
                e.peek(0)
            }
        };
        let x = match fused::x(a) {
            fused::LOCAL => e.local(e.operand(0) as u32),
            fused::CONST => Value(e.operand(0)),
            _ => {
                depth += 1;
                e.peek(depth - 1)
            }
        };
        (x, y, depth)
    }
}

/// Before a fused operator deopts: pushes the operands that were not on the stack,
/// leaving the stack as tier 1 has it at the operator's instruction.
#[inline(always)]
unsafe fn fused_materialize<E: Env>(e: &mut E, a: u32, x: Value, y: Value) {
    unsafe {
        if fused::x(a) != fused::STACK {
            e.push(x);
        }
        if fused::y(a) != fused::STACK {
            e.push(y);
        }
    }
}

/// Stores or pushes the result of a fused operator after dropping its stack operands.
#[inline(always)]
unsafe fn fused_result<E: Env>(e: &mut E, a: u32, depth: usize, r: Value) {
    unsafe {
        e.drop_n(depth);
        if a & fused::STORE != 0 {
            e.set_local(e.operand(2) as u32, r);
        } else {
            e.push(r);
        }
    }
}

define_uops! {
    /// Does nothing.
    NOP(e, a) [0 => 0] () {}

    /// Tier 1: count down the adaptive counter; specialise the instruction when it
    /// runs out.
    SPECIALIZE(e, a) [0 => 0] (ESCAPES | TIER1) {
        if e.tick_counter() {
            let r = e.specialize();
            if r.is_true() {
                return Flow::Redispatch;
            }
        }
    }

    /// Push constant `a`.
    LOAD_CONST(e, a) [0 => 1] () {
        let v = e.constant(a);
        e.push(v);
    }

    /// Push local `a`; unbound is an error.
    LOAD_FAST(e, a) [0 => 1] (ERROR) {
        let v = e.local(a);
        if v.is_null() {
            e.raise_error(ErrorCode::UnboundLocal as u32, a as u64);
            return Flow::Error;
        }
        e.push(v);
    }

    /// Pop into local `a`.
    STORE_FAST(e, a) [1 => 0] () {
        let v = e.pop();
        e.set_local(a, v);
    }

    /// Unbind local `a`.
    DELETE_FAST(e, a) [0 => 0] (ERROR) {
        if e.local(a).is_null() {
            e.raise_error(ErrorCode::UnboundLocal as u32, a as u64);
            return Flow::Error;
        }
        e.set_local(a, Value::NULL);
    }

    /// Push NULL (the empty `self` slot of a call).
    PUSH_NULL(e, a) [0 => 1] () {
        e.push(Value::NULL);
    }

    /// Replace local `a` with a new cell holding its value.
    MAKE_CELL(e, a) [0 => 0] (ESCAPES) {
        let v = e.local(a);
        let cell = e.make_cell(v);
        e.set_local(a, cell);
    }

    /// Copy the `a` closure cells of the running function into the free slots.
    COPY_FREE_VARS(e, a) [0 => 0] () {
        let frame = e.frame();
        let func = (*frame).func.ptr::<crate::layout::FunctionPrefix>();
        let closure = &*(*func).closure.ptr::<TupleObj>();
        let code = &*(*frame).code;
        let first = (code.nlocals + code.ncells) as usize;
        for (i, cell) in closure.as_slice().iter().enumerate() {
            *(*frame).locals.add(first + i) = *cell;
        }
    }

    /// Push the value of the cell in slot `a`.
    LOAD_DEREF(e, a) [0 => 1] (ERROR) {
        let cell = e.local(a).ptr::<CellObj>();
        let v = (*cell).value;
        if v.is_null() {
            e.raise_error(ErrorCode::UnboundDeref as u32, a as u64);
            return Flow::Error;
        }
        e.push(v);
    }

    /// Pop into the cell in slot `a`.
    STORE_DEREF(e, a) [1 => 0] () {
        let v = e.pop();
        (*e.local(a).ptr::<CellObj>()).value = v;
    }

    /// Empty the cell in slot `a`.
    DELETE_DEREF(e, a) [0 => 0] (ERROR) {
        let cell = e.local(a).ptr::<CellObj>();
        if (*cell).value.is_null() {
            e.raise_error(ErrorCode::UnboundDeref as u32, a as u64);
            return Flow::Error;
        }
        (*cell).value = Value::NULL;
    }

    /// Push the cell object in slot `a` itself (to build a closure).
    LOAD_CLOSURE(e, a) [0 => 1] () {
        let v = e.local(a);
        e.push(v);
    }

    /// Class body: a free variable, looked up in the class namespace first.
    LOAD_CLASSDEREF(e, a) [0 => 1] (ERROR | ESCAPES) {
        let v = tri!(e.load_class_deref(a));
        e.push(v);
    }

    /// Push global `a` (then builtins).
    LOAD_GLOBAL(e, a) [0 => 1] (ERROR | ESCAPES) {
        let v = tri!(e.load_global(a));
        e.push(v);
    }

    STORE_GLOBAL(e, a) [1 => 0] (ERROR | ESCAPES) {
        let v = e.peek(0);
        tri!(e.store_global(a, v));
        e.drop_n(1);
    }

    DELETE_GLOBAL(e, a) [0 => 0] (ERROR | ESCAPES) {
        tri!(e.delete_global(a));
    }

    /// Module and class bodies: namespace, then globals, then builtins.
    LOAD_NAME(e, a) [0 => 1] (ERROR | ESCAPES) {
        let v = tri!(e.load_name(a));
        e.push(v);
    }

    STORE_NAME(e, a) [1 => 0] (ERROR | ESCAPES) {
        let v = e.peek(0);
        tri!(e.store_name(a, v));
        e.drop_n(1);
    }

    DELETE_NAME(e, a) [0 => 0] (ERROR | ESCAPES) {
        tri!(e.delete_name(a));
    }

    /// `obj.name` with name `a`.
    LOAD_ATTR(e, a) [1 => 1] (ERROR | ESCAPES) {
        let obj = e.peek(0);
        let v = tri!(e.load_attr(obj, a));
        e.poke(0, v);
    }

    /// `obj.name` for a call: pushes `[callable, self]` for a method found on the type,
    /// else `[attribute, NULL]`.
    LOAD_METHOD(e, a) [1 => 2] (ERROR | ESCAPES) {
        let obj = e.peek(0);
        let out = e.slot(0);
        tri!(e.load_method(obj, a, out));
        e.set_sp(out.add(2));
    }

    /// `obj.name = v` with stack `[v, obj]`.
    STORE_ATTR(e, a) [2 => 0] (ERROR | ESCAPES) {
        let obj = e.peek(0);
        let v = e.peek(1);
        tri!(e.store_attr(obj, a, v));
        e.drop_n(2);
    }

    DELETE_ATTR(e, a) [1 => 0] (ERROR | ESCAPES) {
        let obj = e.peek(0);
        tri!(e.delete_attr(obj, a));
        e.drop_n(1);
    }

    /// `c[k]`.
    BINARY_SUBSCR(e, a) [2 => 1] (ERROR | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        let v = tri!(e.binary_subscr(c, k));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `c[k] = v` with stack `[v, c, k]`.
    STORE_SUBSCR(e, a) [3 => 0] (ERROR | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        let v = e.peek(2);
        tri!(e.store_subscr(c, k, v));
        e.drop_n(3);
    }

    DELETE_SUBSCR(e, a) [2 => 0] (ERROR | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        tri!(e.delete_subscr(c, k));
        e.drop_n(2);
    }

    /// `slice(start, stop[, step])` from `a` (2 or 3) values.
    BUILD_SLICE(e, a) [a => 1] (ERROR | ESCAPES) {
        let (x, y, z) = if a == 3 {
            (e.peek(2), e.peek(1), e.peek(0))
        } else {
            (e.peek(1), e.peek(0), Value::NONE)
        };
        let s = tri!(e.build_slice(x, y, z));
        e.drop_n(a as usize - 1);
        e.poke(0, s);
    }

    /// Binary operator `a` (see `binop`).
    BINARY_OP(e, a) [2 => 1] (ERROR | ESCAPES) {
        let r = e.peek(0);
        let l = e.peek(1);
        let v = tri!(e.binary_op(a, l, r));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// Unary operator `a` (see `unaryop`).
    UNARY_OP(e, a) [1 => 1] (ERROR | ESCAPES) {
        let x = e.peek(0);
        let v = match a {
            // `not` of a bool, None or small int, and `-` of a small int: inline.
            crate::instr::unaryop::NOT if x.is_bool() || x.is_none() => Value::from_bool(!x.is_true()),
            crate::instr::unaryop::NOT if x.is_small_int() => Value::from_bool(x.small_value() == 0),
            crate::instr::unaryop::NEG if x.is_small_int() && Value::fits_small(-x.small_value()) => {
                Value::small(-x.small_value())
            }
            _ => tri!(e.unary_op(a, x)),
        };
        e.poke(0, v);
    }

    /// Comparison `a` (see `cmpop`).
    COMPARE_OP(e, a) [2 => 1] (ERROR | ESCAPES) {
        let r = e.peek(0);
        let l = e.peek(1);
        let v = tri!(e.compare_op(a, l, r));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `is` (`a` = 0) or `is not` (`a` = 1).
    IS_OP(e, a) [2 => 1] () {
        let r = e.pop();
        let l = e.peek(0);
        e.poke(0, Value::from_bool((l == r) != (a != 0)));
    }

    /// `in` (`a` = 0) or `not in` (`a` = 1).
    CONTAINS_OP(e, a) [2 => 1] (ERROR | ESCAPES) {
        let r = e.peek(0);
        let l = e.peek(1);
        let v = tri!(e.contains(l, r));
        e.drop_n(1);
        e.poke(0, Value::from_bool(v.is_true() != (a != 0)));
    }

    POP_TOP(e, a) [1 => 0] () {
        e.drop_n(1);
    }

    /// Push a copy of the value `a - 1` below the top.
    COPY(e, a) [a => a + 1] () {
        let v = e.peek(a as usize - 1);
        e.push(v);
    }

    /// Swap the top with the value `a - 1` below it.
    SWAP(e, a) [a => a] () {
        let top = e.peek(0);
        let other = e.peek(a as usize - 1);
        e.poke(0, other);
        e.poke(a as usize - 1, top);
    }

    /// Jump forward to `a`.
    JUMP(e, a) [0 => 0] (JUMP) {
        return Flow::Jump;
    }

    /// Jump back to `a` (a loop edge: the place for periodic work).
    JUMP_BACKWARD(e, a) [0 => 0] (JUMP | ESCAPES | ERROR) {
        if e.pending() {
            tri!(e.periodic());
        }
        return Flow::Jump;
    }

    /// Pop; jump to `a` if false.
    POP_JUMP_IF_FALSE(e, a) [1 => 0] (JUMP | ERROR | ESCAPES) {
        let v = e.pop();
        let t = if v.is_bool() {
            v
        } else if v.is_none() {
            Value::FALSE
        } else if v.is_small_int() {
            Value::from_bool(v.small_value() != 0)
        } else {
            tri!(e.truth(v))
        };
        if !t.is_true() {
            return Flow::Jump;
        }
    }

    /// Pop; jump to `a` if true.
    POP_JUMP_IF_TRUE(e, a) [1 => 0] (JUMP | ERROR | ESCAPES) {
        let v = e.pop();
        let t = if v.is_bool() {
            v
        } else if v.is_none() {
            Value::FALSE
        } else if v.is_small_int() {
            Value::from_bool(v.small_value() != 0)
        } else {
            tri!(e.truth(v))
        };
        if t.is_true() {
            return Flow::Jump;
        }
    }

    POP_JUMP_IF_NONE(e, a) [1 => 0] (JUMP) {
        if e.pop().is_none() {
            return Flow::Jump;
        }
    }

    POP_JUMP_IF_NOT_NONE(e, a) [1 => 0] (JUMP) {
        if !e.pop().is_none() {
            return Flow::Jump;
        }
    }

    /// `iter(v)`.
    GET_ITER(e, a) [1 => 1] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let it = tri!(e.get_iter(v));
        e.poke(0, it);
    }

    /// Push the next item of the iterator on top, or pop it and jump to `a`.
    FOR_ITER(e, a) [1 => 2] (JUMP | ERROR | ESCAPES) {
        let it = e.peek(0);
        let v = match it.kind() {
            Some(Kind::ListIter) => {
                let li = &mut *it.ptr::<ListIterObj>();
                let list = &*li.list.ptr::<ListObj>();
                if li.index < list.items.len {
                    let v = list.items.get(li.index);
                    li.index += 1;
                    v
                } else {
                    EXHAUSTED
                }
            }
            Some(Kind::RangeIter) => {
                let ri = &mut *it.ptr::<RangeIterObj>();
                if ri.remaining > 0 {
                    let v = Value::small(ri.next);
                    ri.remaining -= 1;
                    ri.next = ri.next.wrapping_add(ri.step);
                    v
                } else {
                    EXHAUSTED
                }
            }
            _ => e.for_iter(it),
        };
        if v == EXHAUSTED {
            e.drop_n(1);
            return Flow::Jump;
        }
        let v = tri!(v);
        e.push(v);
    }

    /// A generator: its frame runs in this loop (no native recursion); its yields
    /// come back as this instruction's result.
    FOR_ITER_GEN(e, a) [1 => 2] (JUMP | ERROR | ESCAPES | DEOPT | CALL) {
        let it = e.peek(0);
        if !it.is_kind(Kind::Generator) {
            return Flow::Deopt;
        }
        let r = tri!(e.push_generator_frame(it, e.sp()));
        if r == EXHAUSTED {
            e.drop_n(1);
            return Flow::Jump;
        }
        if r == FRAME_PUSHED {
            return Flow::Call;
        }
        e.push(r);
    }

    BUILD_TUPLE(e, a) [a => 1] (ESCAPES) {
        let base = e.sp().sub(a as usize);
        let t = tri!(e.build_tuple(base, a));
        e.set_sp(base);
        e.push(t);
    }

    BUILD_LIST(e, a) [a => 1] (ESCAPES) {
        let base = e.sp().sub(a as usize);
        let t = tri!(e.build_list(base, a));
        e.set_sp(base);
        e.push(t);
    }

    BUILD_SET(e, a) [a => 1] (ERROR | ESCAPES) {
        let base = e.sp().sub(a as usize);
        let t = tri!(e.build_set(base, a));
        e.set_sp(base);
        e.push(t);
    }

    /// A dict from `a` key/value pairs.
    BUILD_MAP(e, a) [2 * a => 1] (ERROR | ESCAPES) {
        let base = e.sp().sub(2 * a as usize);
        let t = tri!(e.build_map(base, a));
        e.set_sp(base);
        e.push(t);
    }

    /// Concatenate `a` strings.
    BUILD_STRING(e, a) [a => 1] (ESCAPES) {
        let base = e.sp().sub(a as usize);
        let t = tri!(e.build_string(base, a));
        e.set_sp(base);
        e.push(t);
    }

    /// Append the top to the list `a` below it (comprehensions).
    LIST_APPEND(e, a) [1 => 0] (ESCAPES) {
        let v = e.peek(0);
        let list = e.peek(a as usize);
        tri!(e.list_append(list, v));
        e.drop_n(1);
    }

    SET_ADD(e, a) [1 => 0] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let set = e.peek(a as usize);
        tri!(e.set_add(set, v));
        e.drop_n(1);
    }

    /// `[map, ..., k, v]`: store into the map `a` below the key.
    MAP_ADD(e, a) [2 => 0] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let k = e.peek(1);
        let map = e.peek(a as usize + 1);
        tri!(e.map_add(map, k, v));
        e.drop_n(2);
    }

    LIST_EXTEND(e, a) [1 => 0] (ERROR | ESCAPES) {
        let it = e.peek(0);
        let list = e.peek(a as usize);
        tri!(e.list_extend(list, it));
        e.drop_n(1);
    }

    SET_UPDATE(e, a) [1 => 0] (ERROR | ESCAPES) {
        let it = e.peek(0);
        let set = e.peek(a as usize);
        tri!(e.set_update(set, it));
        e.drop_n(1);
    }

    DICT_UPDATE(e, a) [1 => 0] (ERROR | ESCAPES) {
        let other = e.peek(0);
        let d = e.peek(a as usize);
        tri!(e.dict_update(d, other));
        e.drop_n(1);
    }

    /// `**other` into the call's keyword dict `a` below: `[callable, self, args, dict, .., other]`.
    DICT_MERGE(e, a) [1 => 0] (ERROR | ESCAPES) {
        let other = e.peek(0);
        let d = e.peek(a as usize);
        let func = e.peek(a as usize + 3);
        tri!(e.dict_merge(func, d, other));
        e.drop_n(1);
    }

    LIST_TO_TUPLE(e, a) [1 => 1] (ESCAPES) {
        let l = e.peek(0);
        let t = tri!(e.list_to_tuple(l));
        e.poke(0, t);
    }

    /// Unpack the top into `a` values, the first on top.
    UNPACK_SEQUENCE(e, a) [1 => a] (ERROR | ESCAPES) {
        let seq = e.peek(0);
        if seq.is_kind(Kind::Tuple) && (*seq.ptr::<TupleObj>()).len == a as usize {
            let items = (*seq.ptr::<TupleObj>()).as_slice();
            e.drop_n(1);
            for v in items.iter().rev() {
                e.push(*v);
            }
            return Flow::Next;
        }
        if seq.is_kind(Kind::List) && (*seq.ptr::<ListObj>()).items.len == a as usize {
            let items = (*seq.ptr::<ListObj>()).items.as_slice();
            e.drop_n(1);
            for v in items.iter().rev() {
                e.push(*v);
            }
            return Flow::Next;
        }
        let out = e.slot(0);
        tri!(e.unpack_sequence(seq, a, out));
        e.set_sp(out.add(a as usize));
    }

    /// Unpack with one starred target: `a` = before | after << 8.
    UNPACK_EX(e, a) [1 => (a & 0xff) + (a >> 8) + 1] (ERROR | ESCAPES) {
        let seq = e.peek(0);
        let out = e.slot(0);
        tri!(e.unpack_ex(seq, a, out));
        e.set_sp(out.add(((a & 0xff) + (a >> 8) + 1) as usize));
    }

    /// Call with `a` positional arguments: `[callable, self_or_null, args...]`.
    CALL(e, a) [a + 2 => 1] (CALL | ERROR | ESCAPES) {
        let base = e.slot(a as usize + 1);
        let r = tri!(e.call(base, a, Value::NULL));
        if r == FRAME_PUSHED {
            return Flow::Call;
        }
        e.set_sp(base);
        e.push(r);
    }

    /// Call with `a` arguments, the last ones named by the tuple on top.
    CALL_KW(e, a) [a + 3 => 1] (CALL | ERROR | ESCAPES) {
        let kwnames = e.pop();
        let base = e.slot(a as usize + 1);
        let r = e.call(base, a, kwnames);
        if r.is_null() {
            e.push(kwnames);
            return Flow::Error;
        }
        if r == FRAME_PUSHED {
            return Flow::Call;
        }
        e.set_sp(base);
        e.push(r);
    }

    /// `f(*args, **kwargs)`: `[callable, self_or_null, args_tuple, kwargs_or_null]`.
    CALL_EX(e, a) [4 => 1] (CALL | ERROR | ESCAPES) {
        let base = e.slot(3);
        let r = tri!(e.call_ex(base));
        if r == FRAME_PUSHED {
            return Flow::Call;
        }
        e.set_sp(base);
        e.push(r);
    }

    /// A function from `[extras..., code, qualname]`; `a` says which extras (see
    /// `make_function_flags`) are present.
    MAKE_FUNCTION(e, a) [a.count_ones() + 2 => 1] (ESCAPES) {
        let n = a.count_ones() as usize + 2;
        let base = e.sp().sub(n);
        let f = tri!(e.make_function(base, a));
        e.set_sp(base);
        e.push(f);
    }

    /// Return the top from the frame.
    RETURN_VALUE(e, a) [1 => 0] (LEAVE) {
        let v = e.pop();
        *(*e.frame()).ret = v;
        return Flow::Return;
    }

    /// First instruction of a generator: turn the frame into a generator object and
    /// return it. When the generator first runs, the value sent in is on the stack.
    RETURN_GENERATOR(e, a) [0 => 1] (LEAVE | ESCAPES) {
        let g = tri!(e.make_generator());
        *(*e.frame()).ret = g;
        return Flow::Return;
    }

    /// Yield the top; the value sent in is pushed when the frame resumes.
    YIELD_VALUE(e, a) [1 => 1] (LEAVE) {
        let v = e.pop();
        *(*e.frame()).ret = v;
        return Flow::Yield;
    }

    /// `[receiver, v]`: send `v` into the sub-iterator. On a yield the stack becomes
    /// `[receiver, yielded]`; on return, `[result]` and a jump to `a`.
    SEND(e, a) [2 => 2] (JUMP | ERROR | ESCAPES) {
        let v = e.peek(0);
        let recv = e.peek(1);
        let out = e.slot(1);
        let r = tri!(e.send(recv, v, out));
        if r == EXHAUSTED {
            e.drop_n(1);
            return Flow::Jump;
        }
        e.poke(0, r);
    }

    GET_YIELD_FROM_ITER(e, a) [1 => 1] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let it = tri!(e.get_yield_from_iter(v));
        e.poke(0, it);
    }

    /// `await v`: `a` says where (for error messages).
    GET_AWAITABLE(e, a) [1 => 1] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let it = tri!(e.get_awaitable(v, a));
        e.poke(0, it);
    }

    GET_AITER(e, a) [1 => 1] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let it = tri!(e.get_aiter(v));
        e.poke(0, it);
    }

    /// `[aiter]` -> `[aiter, awaitable]`.
    GET_ANEXT(e, a) [1 => 2] (ERROR | ESCAPES) {
        let v = e.peek(0);
        let it = tri!(e.get_anext(v));
        e.push(it);
    }

    /// `[aiter, exc]`: end of an `async for` on StopAsyncIteration, else re-raise.
    END_ASYNC_FOR(e, a) [2 => 0] (ERROR | ESCAPES) {
        let exc = e.peek(0);
        tri!(e.end_async_for(exc));
        e.drop_n(2);
    }

    /// `[sub, last_sent, exc]` -> `[none, value]` when `exc` ends the sub-iterator.
    CLEANUP_THROW(e, a) [3 => 2] (ERROR | ESCAPES) {
        let exc = e.peek(0);
        let sub = e.peek(2);
        let out = e.slot(2);
        tri!(e.cleanup_throw(sub, exc, out));
        e.drop_n(1);
    }

    ASYNC_GEN_WRAP(e, a) [1 => 1] (ESCAPES) {
        let v = e.peek(0);
        let w = tri!(e.async_gen_wrap(v));
        e.poke(0, w);
    }

    /// `raise` with `a` operands (0: re-raise, 1: exc, 2: exc from cause).
    RAISE_VARARGS(e, a) [a => 0] (ERROR | ESCAPES) {
        let (exc, cause) = match a {
            0 => (Value::NULL, Value::NULL),
            1 => (e.peek(0), Value::NULL),
            _ => (e.peek(1), e.peek(0)),
        };
        e.raise(exc, cause);
        return Flow::Error;
    }

    /// Re-raise the exception on top (no new traceback entry).
    RERAISE(e, a) [1 => 0] (ERROR) {
        let exc = e.peek(0);
        e.reraise(exc);
        return Flow::Error;
    }

    /// `[exc]` -> `[previous handled exception, exc]`, making `exc` the handled one.
    PUSH_EXC_INFO(e, a) [1 => 2] () {
        let exc = e.peek(0);
        let prev = e.push_exc_info(exc);
        e.poke(0, prev);
        e.push(exc);
    }

    /// Restore the handled exception popped from the stack.
    POP_EXCEPT(e, a) [1 => 0] () {
        let prev = e.pop();
        e.pop_except(prev);
    }

    /// `[exc, type]` -> `[exc, matches]`.
    CHECK_EXC_MATCH(e, a) [2 => 2] (ERROR | ESCAPES) {
        let ty = e.peek(0);
        let exc = e.peek(1);
        let v = tri!(e.check_exc_match(exc, ty));
        e.poke(0, v);
    }

    /// `except*`: `[exc, type]` -> `[rest, match]`.
    CHECK_EG_MATCH(e, a) [2 => 2] (ERROR | ESCAPES) {
        let ty = e.peek(0);
        let exc = e.peek(1);
        let out = e.slot(1);
        tri!(e.check_eg_match(exc, ty, out));
    }

    /// `[orig, list_of_raised]` -> `[exception to re-raise or None]`.
    PREP_RERAISE_STAR(e, a) [2 => 1] (ERROR | ESCAPES) {
        let excs = e.peek(0);
        let orig = e.peek(1);
        let v = tri!(e.prep_reraise_star(orig, excs));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// Push a builtin the compiler relies on (see `Helpers::load_special`).
    LOAD_SPECIAL(e, a) [0 => 1] (ERROR) {
        let v = tri!(e.load_special(a));
        e.push(v);
    }

    /// `[mgr]` -> `[exit, enter_result]`.
    BEFORE_WITH(e, a) [1 => 2] (ERROR | ESCAPES) {
        let mgr = e.peek(0);
        let out = e.slot(0);
        tri!(e.before_with(mgr, out));
        e.set_sp(out.add(2));
    }

    /// `[mgr]` -> `[aexit, aenter_awaitable]`.
    BEFORE_ASYNC_WITH(e, a) [1 => 2] (ERROR | ESCAPES) {
        let mgr = e.peek(0);
        let out = e.slot(0);
        tri!(e.before_async_with(mgr, out));
        e.set_sp(out.add(2));
    }

    /// `[exit, prev, exc]` -> `[exit, prev, exc, exit(type, exc, tb)]`.
    WITH_EXCEPT_START(e, a) [3 => 4] (ERROR | ESCAPES) {
        let exc = e.peek(0);
        let exit = e.peek(2);
        let v = tri!(e.with_except_start(exit, exc));
        e.push(v);
    }

    /// `[level, fromlist]` -> `[module]`.
    IMPORT_NAME(e, a) [2 => 1] (ERROR | ESCAPES) {
        let fromlist = e.peek(0);
        let level = e.peek(1);
        let m = tri!(e.import_name(a, fromlist, level));
        e.drop_n(1);
        e.poke(0, m);
    }

    /// `[module]` -> `[module, module.name]`.
    IMPORT_FROM(e, a) [1 => 2] (ERROR | ESCAPES) {
        let m = e.peek(0);
        let v = tri!(e.import_from(m, a));
        e.push(v);
    }

    IMPORT_STAR(e, a) [1 => 0] (ERROR | ESCAPES) {
        let m = e.peek(0);
        tri!(e.import_star(m));
        e.drop_n(1);
    }

    SETUP_ANNOTATIONS(e, a) [0 => 0] (ERROR | ESCAPES) {
        tri!(e.setup_annotations());
    }

    /// f-string piece: `[v]` or `[v, spec]` (when `a & 4`).
    FORMAT_VALUE(e, a) [1 + ((a >> 2) & 1) => 1] (ERROR | ESCAPES) {
        let (v, spec, n) = if a & 4 != 0 { (e.peek(1), e.peek(0), 2) } else { (e.peek(0), Value::NULL, 1) };
        let s = tri!(e.format_value(v, spec, a));
        e.drop_n(n);
        e.push(s);
    }

    /// `[subject, cls, names]` -> `[attributes tuple or None]` for `a` positional patterns.
    MATCH_CLASS(e, a) [3 => 1] (ERROR | ESCAPES) {
        let names = e.peek(0);
        let cls = e.peek(1);
        let subject = e.peek(2);
        let v = tri!(e.match_class(subject, cls, names, a));
        e.drop_n(2);
        e.poke(0, v);
    }

    MATCH_MAPPING(e, a) [1 => 2] (ESCAPES) {
        let s = e.peek(0);
        let v = tri!(e.match_mapping(s));
        e.push(v);
    }

    MATCH_SEQUENCE(e, a) [1 => 2] (ESCAPES) {
        let s = e.peek(0);
        let v = tri!(e.match_sequence(s));
        e.push(v);
    }

    /// `[subject, keys]` -> `[subject, keys, values tuple or None]`.
    MATCH_KEYS(e, a) [2 => 3] (ERROR | ESCAPES) {
        let keys = e.peek(0);
        let s = e.peek(1);
        let v = tri!(e.match_keys(s, keys));
        e.push(v);
    }

    GET_LEN(e, a) [1 => 2] (ERROR | ESCAPES) {
        let s = e.peek(0);
        let v = tri!(e.get_len(s));
        e.push(v);
    }

    /// `[subject, keys]` -> `[subject, rest dict]`.
    COPY_DICT_WITHOUT_KEYS(e, a) [2 => 2] (ERROR | ESCAPES) {
        let keys = e.peek(0);
        let s = e.peek(1);
        let v = tri!(e.copy_dict_without_keys(s, keys));
        e.poke(0, v);
    }

    // ---- guards (specialised instructions) ----

    /// Both operands are small ints.
    GUARD_BOTH_SMALL_INT(e, a) [2 => 2] (DEOPT) {
        if !(e.peek(0).is_small_int() && e.peek(1).is_small_int()) {
            return Flow::Deopt;
        }
    }

    /// Both operands are floats.
    GUARD_BOTH_FLOAT(e, a) [2 => 2] (DEOPT) {
        if !(e.peek(0).is_float() && e.peek(1).is_float()) {
            return Flow::Deopt;
        }
    }

    /// Both operands are floats or small ints, not both ints.
    GUARD_FLOAT_MIX(e, a) [2 => 2] (DEOPT) {
        let (x, y) = (e.peek(1), e.peek(0));
        let ok = (x.is_float() || x.is_small_int()) && (y.is_float() || y.is_small_int()) && (x.is_float() || y.is_float());
        if !ok {
            return Flow::Deopt;
        }
    }

    /// Both operands are exact strs.
    GUARD_BOTH_STR(e, a) [2 => 2] (DEOPT) {
        if !(e.peek(0).is_kind(Kind::Str) && e.peek(1).is_kind(Kind::Str)) {
            return Flow::Deopt;
        }
    }

    // ---- int and float arithmetic ----

    /// `a <op> b` on small ints for `+ - * // % & | ^ << >>` (oparg: the operator);
    /// deopts when the result leaves the small range or on a zero divisor.
    BINARY_OP_INT(e, a) [2 => 1] (DEOPT) {
        let y = e.peek(0).small_value();
        let x = e.peek(1).small_value();
        let Some(v) = small_int_binop(a, x, y) else {
            return Flow::Deopt;
        };
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `a <op> b` on floats (either operand may be a small int) for `+ - * /`.
    BINARY_OP_FLOAT(e, a) [2 => 1] (DEOPT) {
        let y = num_as_f64(e.peek(0));
        let x = num_as_f64(e.peek(1));
        let Some(r) = float_binop(a, x, y) else {
            return Flow::Deopt;
        };
        e.drop_n(1);
        e.poke(0, Value::from_f64_arith(r));
    }

    /// `a + b` for two strs.
    BINARY_OP_ADD_STR(e, a) [2 => 1] (ESCAPES) {
        let y = e.peek(0);
        let x = e.peek(1);
        let v = tri!(e.concat_str(x, y));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// Comparison `a` of two small ints.
    COMPARE_OP_INT(e, a) [2 => 1] () {
        let y = e.peek(0).small_value();
        let x = e.peek(1).small_value();
        let r = compare(a, x, y);
        e.drop_n(1);
        e.poke(0, Value::from_bool(r));
    }

    /// Comparison `a` of two floats (either may be a small int).
    COMPARE_OP_FLOAT(e, a) [2 => 1] () {
        let y = num_as_f64(e.peek(0));
        let x = num_as_f64(e.peek(1));
        let r = compare(a, x, y);
        e.drop_n(1);
        e.poke(0, Value::from_bool(r));
    }

    /// `==`/`!=` of two strs.
    COMPARE_OP_STR(e, a) [2 => 1] (DEOPT) {
        if a != crate::instr::cmpop::EQ && a != crate::instr::cmpop::NE {
            return Flow::Deopt;
        }
        let y = e.peek(0);
        let x = e.peek(1);
        let eq = x == y || {
            let (sx, sy) = (&*x.ptr::<StrObj>(), &*y.ptr::<StrObj>());
            sx.byte_len == sy.byte_len
                && (sx.hash == -1 || sy.hash == -1 || sx.hash == sy.hash)
                && core::slice::from_raw_parts(sx.bytes.as_ptr(), sx.byte_len)
                    == core::slice::from_raw_parts(sy.bytes.as_ptr(), sy.byte_len)
        };
        e.drop_n(1);
        e.poke(0, Value::from_bool(eq == (a == crate::instr::cmpop::EQ)));
    }

    // ---- subscripts ----

    /// `list[int]` with an in-range small-int index.
    BINARY_SUBSCR_LIST_INT(e, a) [2 => 1] (DEOPT) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !(c.is_kind(Kind::List) && k.is_small_int()) {
            return Flow::Deopt;
        }
        let items = &(*c.ptr::<ListObj>()).items;
        let mut i = k.small_value();
        if i < 0 {
            i += items.len as i64;
        }
        if i < 0 || i as usize >= items.len {
            return Flow::Deopt;
        }
        let v = items.get(i as usize);
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `tuple[int]` with an in-range small-int index.
    BINARY_SUBSCR_TUPLE_INT(e, a) [2 => 1] (DEOPT) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !(c.is_kind(Kind::Tuple) && k.is_small_int()) {
            return Flow::Deopt;
        }
        let items = (*c.ptr::<TupleObj>()).as_slice();
        let mut i = k.small_value();
        if i < 0 {
            i += items.len() as i64;
        }
        if i < 0 || i as usize >= items.len() {
            return Flow::Deopt;
        }
        let v = items[i as usize];
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `dict[key]` for an exact dict.
    BINARY_SUBSCR_DICT(e, a) [2 => 1] (DEOPT | ERROR | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !c.is_kind(Kind::Dict) {
            return Flow::Deopt;
        }
        let v = tri!(e.dict_subscr(c, k));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `str[int]` for an ASCII str and an in-range index.
    BINARY_SUBSCR_STR_INT(e, a) [2 => 1] (DEOPT | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !(c.is_kind(Kind::Str) && k.is_small_int() && (*c.header()).flags & STR_ASCII != 0) {
            return Flow::Deopt;
        }
        let n = (*c.ptr::<StrObj>()).byte_len as i64;
        let mut i = k.small_value();
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Flow::Deopt;
        }
        let v = tri!(e.str_char(c, i as u64));
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `list[int] = v` with an in-range small-int index.
    STORE_SUBSCR_LIST_INT(e, a) [3 => 0] (DEOPT) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !(c.is_kind(Kind::List) && k.is_small_int()) {
            return Flow::Deopt;
        }
        let items = &mut (*c.ptr::<ListObj>()).items;
        let mut i = k.small_value();
        if i < 0 {
            i += items.len as i64;
        }
        if i < 0 || i as usize >= items.len {
            return Flow::Deopt;
        }
        let v = e.peek(2);
        items.set(i as usize, v);
        e.drop_n(3);
    }

    /// `dict[key] = v` for an exact dict.
    STORE_SUBSCR_DICT(e, a) [3 => 0] (DEOPT | ERROR | ESCAPES) {
        let k = e.peek(0);
        let c = e.peek(1);
        if !c.is_kind(Kind::Dict) {
            return Flow::Deopt;
        }
        let v = e.peek(2);
        tri!(e.dict_store(c, k, v));
        e.drop_n(3);
    }

    // ---- globals and attributes ----

    /// A module global: the globals' key-set version is operand 0, the entry operand 1.
    LOAD_GLOBAL_MODULE(e, a) [0 => 1] (DEOPT) {
        let g = &*(*e.frame()).globals;
        if g.keys_version as u64 != e.operand(0) {
            return Flow::Deopt;
        }
        let v = (*g.entries.add(e.operand(1) as usize)).value;
        e.push(v);
    }

    /// A builtin: versions of globals (operand 0) and builtins (operand 1), the
    /// builtins entry operand 2.
    LOAD_GLOBAL_BUILTIN(e, a) [0 => 1] (DEOPT) {
        let f = e.frame();
        let g = &*(*f).globals;
        let b = &*(*f).builtins;
        if g.keys_version as u64 != e.operand(0) || b.keys_version as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        let v = (*b.entries.add(e.operand(2) as usize)).value;
        e.push(v);
    }

    /// An instance attribute: type version operand 0, shape operand 1, slot operand 2.
    LOAD_ATTR_INSTANCE(e, a) [1 => 1] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &*obj.ptr::<InstanceObj>();
        if (*inst.header.ty).version as u64 != e.operand(0) || inst.shape as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        let v = inst.slot(e.operand(2) as usize);
        if v.is_null() {
            return Flow::Deopt;
        }
        e.poke(0, v);
    }

    /// An instance attribute at one of up to four shapes: entry `i` is operand `2i`
    /// (the shape) and operand `2i + 1` (the type version << 32 | the slot).
    LOAD_ATTR_INSTANCE_POLY(e, a) [1 => 1] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &*obj.ptr::<InstanceObj>();
        let shape = inst.shape as u64;
        let version = (*inst.header.ty).version as u64;
        if shape == 0 {
            return Flow::Deopt;
        }
        let mut i = 0;
        while i < 8 {
            if e.operand(i) == shape {
                let w = e.operand(i + 1);
                if w >> 32 != version {
                    return Flow::Deopt;
                }
                let v = inst.slot((w & 0xffff_ffff) as usize);
                if v.is_null() {
                    return Flow::Deopt;
                }
                e.poke(0, v);
                return Flow::Next;
            }
            i += 2;
        }
        return Flow::Deopt;
    }

    /// A module attribute: the module dict's key-set version operand 0, entry operand 1.
    LOAD_ATTR_MODULE(e, a) [1 => 1] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Module) {
            return Flow::Deopt;
        }
        let d = &*(*obj.ptr::<ModuleObj>()).dict.ptr::<DictObj>();
        if d.keys_version as u64 != e.operand(0) {
            return Flow::Deopt;
        }
        let v = (*d.entries.add(e.operand(1) as usize)).value;
        e.poke(0, v);
    }

    /// A plain class attribute read through the class: the class operand 0, its
    /// version operand 1, the value operand 2.
    LOAD_ATTR_CLASS(e, a) [1 => 1] (DEOPT) {
        let obj = e.peek(0);
        if obj.0 != e.operand(0) || (*obj.ptr::<TypePrefix>()).version as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        e.poke(0, Value(e.operand(2)));
    }

    /// A method on an instance: type version operand 0, shape operand 1 (which has no
    /// attribute of that name), function operand 2. Pushes `[function, self]`.
    LOAD_METHOD_INSTANCE(e, a) [1 => 2] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &*obj.ptr::<InstanceObj>();
        if (*inst.header.ty).version as u64 != e.operand(0) || inst.shape as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        e.poke(0, Value(e.operand(2)));
        e.push(obj);
    }

    /// A method for instances of up to four shapes: entry `i` is operand `3i` (the
    /// shape), `3i + 1` (the type version) and `3i + 2` (the function).
    LOAD_METHOD_INSTANCE_POLY(e, a) [1 => 2] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &*obj.ptr::<InstanceObj>();
        let shape = inst.shape as u64;
        if shape == 0 {
            return Flow::Deopt;
        }
        let mut i = 0;
        while i < 12 {
            if e.operand(i) == shape {
                if e.operand(i + 1) != (*inst.header.ty).version as u64 {
                    return Flow::Deopt;
                }
                e.poke(0, Value(e.operand(i + 2)));
                e.push(obj);
                return Flow::Next;
            }
            i += 3;
        }
        return Flow::Deopt;
    }

    /// A method of a builtin type (no instance attributes): the type operand 0, the
    /// method descriptor operand 2. Pushes `[descriptor, self]`.
    LOAD_METHOD_BUILTIN(e, a) [1 => 2] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_ptr() || (*obj.header()).ty as u64 != e.operand(0) {
            return Flow::Deopt;
        }
        e.poke(0, Value(e.operand(2)));
        e.push(obj);
    }

    /// A module function for a call: module dict version operand 0, entry operand 1.
    /// Pushes `[function, NULL]`.
    LOAD_METHOD_MODULE(e, a) [1 => 2] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Module) {
            return Flow::Deopt;
        }
        let d = &*(*obj.ptr::<ModuleObj>()).dict.ptr::<DictObj>();
        if d.keys_version as u64 != e.operand(0) {
            return Flow::Deopt;
        }
        let v = (*d.entries.add(e.operand(1) as usize)).value;
        e.poke(0, v);
        e.push(Value::NULL);
    }

    /// Stores an existing instance attribute: type version operand 0, shape operand 1,
    /// slot operand 2.
    STORE_ATTR_INSTANCE(e, a) [2 => 0] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &mut *obj.ptr::<InstanceObj>();
        if (*inst.header.ty).version as u64 != e.operand(0) || inst.shape as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        let v = e.peek(1);
        inst.set_slot(e.operand(2) as usize, v);
        e.drop_n(2);
    }

    /// Stores an existing instance attribute at one of up to four shapes (entries as
    /// in `LOAD_ATTR_INSTANCE_POLY`).
    STORE_ATTR_INSTANCE_POLY(e, a) [2 => 0] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &mut *obj.ptr::<InstanceObj>();
        let shape = inst.shape as u64;
        if shape == 0 {
            return Flow::Deopt;
        }
        let mut i = 0;
        while i < 8 {
            if e.operand(i) == shape {
                let w = e.operand(i + 1);
                if w >> 32 != (*inst.header.ty).version as u64 {
                    return Flow::Deopt;
                }
                let v = e.peek(1);
                inst.set_slot((w & 0xffff_ffff) as usize, v);
                e.drop_n(2);
                return Flow::Next;
            }
            i += 2;
        }
        return Flow::Deopt;
    }

    /// Adds an instance attribute into a free inline slot: type version operand 0,
    /// old shape operand 1, slot operand 2, new shape operand 3.
    STORE_ATTR_INSTANCE_ADD(e, a) [2 => 0] (DEOPT) {
        let obj = e.peek(0);
        if !obj.is_kind(Kind::Instance) {
            return Flow::Deopt;
        }
        let inst = &mut *obj.ptr::<InstanceObj>();
        let slot = e.operand(2) as usize;
        if (*inst.header.ty).version as u64 != e.operand(0) || inst.shape as u64 != e.operand(1) || slot >= inst.ninline {
            return Flow::Deopt;
        }
        let v = e.peek(1);
        inst.shape = e.operand(3) as *mut u8;
        inst.set_slot(slot, v);
        e.drop_n(2);
    }

    // ---- iteration ----

    /// `for` over a list iterator.
    FOR_ITER_LIST(e, a) [1 => 2] (DEOPT | JUMP) {
        let it = e.peek(0);
        if !it.is_kind(Kind::ListIter) {
            return Flow::Deopt;
        }
        let li = &mut *it.ptr::<ListIterObj>();
        let list = &*li.list.ptr::<ListObj>();
        if li.index >= list.items.len {
            e.drop_n(1);
            return Flow::Jump;
        }
        let v = list.items.get(li.index);
        li.index += 1;
        e.push(v);
    }

    /// `for` over a tuple iterator.
    FOR_ITER_TUPLE(e, a) [1 => 2] (DEOPT | JUMP) {
        let it = e.peek(0);
        if !it.is_kind(Kind::TupleIter) {
            return Flow::Deopt;
        }
        let ti = &mut *it.ptr::<TupleIterObj>();
        let items = (*ti.tuple.ptr::<TupleObj>()).as_slice();
        if ti.index >= items.len() {
            e.drop_n(1);
            return Flow::Jump;
        }
        let v = items[ti.index];
        ti.index += 1;
        e.push(v);
    }

    /// `for` over a range of small ints.
    FOR_ITER_RANGE(e, a) [1 => 2] (DEOPT | JUMP) {
        let it = e.peek(0);
        if !it.is_kind(Kind::RangeIter) {
            return Flow::Deopt;
        }
        let ri = &mut *it.ptr::<RangeIterObj>();
        if ri.remaining == 0 {
            e.drop_n(1);
            return Flow::Jump;
        }
        let v = Value::small(ri.next);
        ri.remaining -= 1;
        ri.next = ri.next.wrapping_add(ri.step);
        e.push(v);
    }

    // ---- calls ----

    /// The callable is the function operand 0 with version operand 1 (exact
    /// positional arguments checked when specialised).
    GUARD_CALLABLE_FUNCTION(e, a) [a + 2 => a + 2] (DEOPT) {
        let f = e.peek(a as usize + 1);
        if f.0 != e.operand(0) || (*f.ptr::<FunctionPrefix>()).version as u64 != e.operand(1) {
            return Flow::Deopt;
        }
    }

    /// The callable is a bound method of the function operand 0 with version
    /// operand 1: unpack it into `[function, self]`.
    UNPACK_METHOD_FUNCTION(e, a) [a + 2 => a + 2] (DEOPT) {
        let m = e.peek(a as usize + 1);
        if !m.is_kind(Kind::Method) || !e.peek(a as usize).is_null() {
            return Flow::Deopt;
        }
        let mo = &*m.ptr::<MethodObj>();
        let f = mo.func;
        if f.0 != e.operand(0) || (*f.ptr::<FunctionPrefix>()).version as u64 != e.operand(1) {
            return Flow::Deopt;
        }
        e.poke(a as usize + 1, f);
        e.poke(a as usize, mo.self_);
    }

    /// The callable is any Python function taking exactly the arguments given
    /// (positionally, no `*args`, `**kwargs` or keyword-only parameters): for call
    /// sites that see several functions.
    GUARD_SIMPLE_FUNCTION(e, a) [a + 2 => a + 2] (DEOPT) {
        let f = e.peek(a as usize + 1);
        if !f.is_kind(Kind::Function) {
            return Flow::Deopt;
        }
        let nargs = a + !e.peek(a as usize).is_null() as u32;
        let c = &*(*f.ptr::<FunctionPrefix>()).code;
        if c.argcount != nargs || c.kwonlyargcount != 0 || c.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) != 0 {
            return Flow::Deopt;
        }
    }

    /// The callable is a bound method of any such function: unpack it into
    /// `[function, self]`.
    UNPACK_SIMPLE_METHOD(e, a) [a + 2 => a + 2] (DEOPT) {
        let m = e.peek(a as usize + 1);
        if !m.is_kind(Kind::Method) || !e.peek(a as usize).is_null() {
            return Flow::Deopt;
        }
        let mo = &*m.ptr::<MethodObj>();
        let f = mo.func;
        if !f.is_kind(Kind::Function) {
            return Flow::Deopt;
        }
        let c = &*(*f.ptr::<FunctionPrefix>()).code;
        if c.argcount != a + 1 || c.kwonlyargcount != 0 || c.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) != 0 {
            return Flow::Deopt;
        }
        e.poke(a as usize + 1, f);
        e.poke(a as usize, mo.self_);
    }

    /// Pushes the frame of the (guarded) Python function with exact arguments.
    CALL_PY_EXACT_ARGS(e, a) [a + 2 => 1] (CALL | ERROR | ESCAPES) {
        let base = e.slot(a as usize + 1);
        let nargs = a + !(*base.add(1)).is_null() as u32;
        tri!(e.push_frame_exact(base, nargs));
        return Flow::Call;
    }

    /// Tier 2: after `CALL_PY_EXACT_ARGS` of a call inlined into a trace, continue in
    /// the callee's frame (an error of the call arrives here too).
    ENTER_INLINED(e, a) [0 => 0] (ERROR | ESCAPES) {
        tri!(e.enter_inlined());
    }

    /// Tier 2: after `RETURN_VALUE` of an inlined call, continue in the caller.
    LEAVE_INLINED(e, a) [0 => 0] (ESCAPES) {
        e.leave_inlined();
    }

    /// Calls a native function (the callable is the builtin operand 0).
    CALL_NATIVE(e, a) [a + 2 => 1] (DEOPT | ERROR | ESCAPES) {
        let base = e.slot(a as usize + 1);
        if (*base).0 != e.operand(0) {
            return Flow::Deopt;
        }
        let r = tri!(e.call_native(base, a));
        e.set_sp(base);
        e.push(r);
    }

    /// Instantiates the class operand 0 (version operand 1) whose `__init__` is the
    /// Python function operand 2.
    CALL_CLASS_INIT(e, a) [a + 2 => 1] (DEOPT | CALL | ERROR | ESCAPES) {
        let base = e.slot(a as usize + 1);
        let cls = *base;
        if cls.0 != e.operand(0) || (*cls.ptr::<TypePrefix>()).version as u64 != e.operand(1) || !(*base.add(1)).is_null() {
            return Flow::Deopt;
        }
        tri!(e.push_init_frame(base, a, Value(e.operand(2))));
        return Flow::Call;
    }

    PRINT_EXPR(e, a) [1 => 0] (ERROR | ESCAPES) {
        let v = e.peek(0);
        tri!(e.print_expr(v));
        e.drop_n(1);
    }

    // ---- tier 2 only: forms whose operand types the trace optimizer proved ----
    // (`runtime/src/vm/tier2/optimize.rs` substitutes them; no tier-1 instruction
    // uses them.)

    /// Push local `a`, known to be bound.
    LOAD_FAST_KNOWN(e, a) [0 => 1] () {
        let v = e.local(a);
        e.push(v);
    }

    /// Push the constant operand 0 (constant `a` of the code, read at projection).
    LOAD_CONST_INLINE(e, a) [0 => 1] () {
        e.push(Value(e.operand(0)));
    }

    /// `BINARY_OP_FLOAT` with both operands known to be floats.
    BINARY_OP_FLOAT_KNOWN(e, a) [2 => 1] (DEOPT) {
        let y = e.peek(0).as_f64();
        let x = e.peek(1).as_f64();
        let Some(r) = float_binop(a, x, y) else {
            return Flow::Deopt;
        };
        e.drop_n(1);
        e.poke(0, Value::from_f64_arith(r));
    }

    /// `COMPARE_OP_FLOAT` with both operands known to be floats.
    COMPARE_OP_FLOAT_KNOWN(e, a) [2 => 1] () {
        let y = e.peek(0).as_f64();
        let x = e.peek(1).as_f64();
        let r = compare(a, x, y);
        e.drop_n(1);
        e.poke(0, Value::from_bool(r));
    }

    /// `BINARY_SUBSCR_LIST_INT` with a known exact list and small-int index (the
    /// index is still checked against the length).
    BINARY_SUBSCR_LIST_INT_KNOWN(e, a) [2 => 1] (DEOPT) {
        let k = e.peek(0);
        let c = e.peek(1);
        let items = &(*c.ptr::<ListObj>()).items;
        let mut i = k.small_value();
        if i < 0 {
            i += items.len as i64;
        }
        if i < 0 || i as usize >= items.len {
            return Flow::Deopt;
        }
        let v = items.get(i as usize);
        e.drop_n(1);
        e.poke(0, v);
    }

    /// `STORE_SUBSCR_LIST_INT` with a known exact list and small-int index.
    STORE_SUBSCR_LIST_INT_KNOWN(e, a) [3 => 0] (DEOPT) {
        let k = e.peek(0);
        let c = e.peek(1);
        let items = &mut (*c.ptr::<ListObj>()).items;
        let mut i = k.small_value();
        if i < 0 {
            i += items.len as i64;
        }
        if i < 0 || i as usize >= items.len {
            return Flow::Deopt;
        }
        let v = e.peek(2);
        items.set(i as usize, v);
        e.drop_n(3);
    }

    /// `LOAD_ATTR_INSTANCE` on an instance whose type version and shape are known
    /// to be operands 0 and 1: only the slot (operand 2) is read and checked.
    LOAD_ATTR_INSTANCE_KNOWN(e, a) [1 => 1] (DEOPT) {
        let inst = &*e.peek(0).ptr::<InstanceObj>();
        let v = inst.slot(e.operand(2) as usize);
        if v.is_null() {
            return Flow::Deopt;
        }
        e.poke(0, v);
    }

    /// `LOAD_METHOD_INSTANCE` on an instance whose type version and shape are known.
    LOAD_METHOD_INSTANCE_KNOWN(e, a) [1 => 2] () {
        let obj = e.peek(0);
        e.poke(0, Value(e.operand(2)));
        e.push(obj);
    }

    /// `STORE_ATTR_INSTANCE` on an instance whose type version and shape are known.
    STORE_ATTR_INSTANCE_KNOWN(e, a) [2 => 0] () {
        let inst = &mut *e.peek(0).ptr::<InstanceObj>();
        let v = e.peek(1);
        inst.set_slot(e.operand(2) as usize, v);
        e.drop_n(2);
    }

    /// `BINARY_OP_FLOAT_KNOWN` (or, with `fused::CONV`, `BINARY_OP_FLOAT` without its
    /// guard) reading its operands from locals or constants and storing its result
    /// into a local, as `fused` describes in the oparg: it stands for the loads,
    /// the operator and the store. On a deopt the operands are pushed first.
    FUSED_BINARY_OP_FLOAT(e, a) [fused::pops(a) => fused::pushes(a)] (DEOPT) {
        let (x, y, depth) = fused_operands(e, a);
        let r = if a & fused::CONV != 0 {
            float_binop(fused::op(a), num_as_f64(x), num_as_f64(y))
        } else {
            float_binop(fused::op(a), x.as_f64(), y.as_f64())
        };
        let Some(r) = r else {
            fused_materialize(e, a, x, y);
            return Flow::Deopt;
        };
        fused_result(e, a, depth, Value::from_f64_arith(r));
    }

    /// `COMPARE_OP_FLOAT_KNOWN` (or `COMPARE_OP_FLOAT` without its guard, with
    /// `fused::CONV`) and the `POP_JUMP_IF_FALSE`/`TRUE` of its result
    /// (`fused::IF_TRUE`), with operands from locals or constants as in
    /// `FUSED_BINARY_OP_FLOAT`.
    FUSED_COMPARE_JUMP_FLOAT(e, a) [fused::pops(a) => 0] (JUMP) {
        let (x, y, depth) = fused_operands(e, a);
        let op = fused::op(a) & !fused::IF_TRUE;
        let r = if a & fused::CONV != 0 {
            compare(op, num_as_f64(x), num_as_f64(y))
        } else {
            compare(op, x.as_f64(), y.as_f64())
        };
        e.drop_n(depth);
        if r == (a & fused::IF_TRUE != 0) {
            return Flow::Jump;
        }
    }

    /// `COMPARE_OP_INT` on operands known to be small ints and the jump on its
    /// result, fused as `FUSED_COMPARE_JUMP_FLOAT` is.
    FUSED_COMPARE_JUMP_INT(e, a) [fused::pops(a) => 0] (JUMP) {
        let (x, y, depth) = fused_operands(e, a);
        let r = compare(fused::op(a) & !fused::IF_TRUE, x.small_value(), y.small_value());
        e.drop_n(depth);
        if r == (a & fused::IF_TRUE != 0) {
            return Flow::Jump;
        }
    }

    /// `BINARY_SUBSCR_LIST_INT_KNOWN` with the list and index from locals, constants
    /// or the stack and the item pushed or stored, as `fused` describes in the oparg
    /// (operator byte 0). On an index out of range the operands are pushed first.
    FUSED_SUBSCR_LIST_INT(e, a) [fused::pops(a) => fused::pushes(a)] (DEOPT) {
        let (c, k, depth) = fused_operands(e, a);
        let items = &(*c.ptr::<ListObj>()).items;
        let mut i = k.small_value();
        if i < 0 {
            i += items.len as i64;
        }
        if i < 0 || i as usize >= items.len {
            fused_materialize(e, a, c, k);
            return Flow::Deopt;
        }
        let v = items.get(i as usize);
        fused_result(e, a, depth, v);
    }

    /// `BINARY_OP_INT` on operands known to be small ints, fused as
    /// `FUSED_BINARY_OP_FLOAT` is.
    FUSED_BINARY_OP_INT(e, a) [fused::pops(a) => fused::pushes(a)] (DEOPT) {
        let (x, y, depth) = fused_operands(e, a);
        let Some(r) = small_int_binop(fused::op(a), x.small_value(), y.small_value()) else {
            fused_materialize(e, a, x, y);
            return Flow::Deopt;
        };
        fused_result(e, a, depth, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_uop_has_a_unique_name_and_sane_effect() {
        let mut names = std::collections::HashSet::new();
        for u in Uop::ALL {
            assert!(names.insert(u.name()), "duplicate {}", u.name());
            let (p, q) = u.stack_effect(3);
            assert!(p <= 16 && q <= 16, "{} effect", u.name());
        }
    }
}
