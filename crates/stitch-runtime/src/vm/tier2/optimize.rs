//! The trace optimizer: runs between projection and compilation (for both
//! executors) over a trace's micro-ops.
//!
//! An abstract interpretation walks the trace with, for every value on the stack and
//! in the locals of each (inlined) frame, what is known of its type (a set of
//! possible kinds, [`ty`]) and, for instances, a type version and shape proven by an
//! attribute guard. Values have numbers, so a fact learnt about a value (a guard it
//! passed, `LOAD_FAST` finding it bound) holds for every stack slot and local that
//! holds the same value. With that:
//! - type guards whose condition is proven are removed (`GUARD_FLOAT_MIX` after
//!   float arithmetic, ...);
//! - ops whose own checks are proven become their `_KNOWN` forms (one definition each
//!   in `uops.rs`): a float op without int conversions, list subscripts without type
//!   checks, a bound local without the unbound check, instance attributes without
//!   the type-version and shape checks;
//! - `LOAD_CONST` becomes `LOAD_CONST_INLINE` (the constant is an immediate).
//!
//! Knowledge is exact: kinds of values never change, locals change only through
//! the frame's own `STORE_FAST`/`DELETE_FAST`/`MAKE_CELL`/`COPY_FREE_VARS`, and
//! version and shape facts are dropped at every op that can run arbitrary code (or
//! change a shape). A closed trace jumps back to its head, where nothing is known on
//! entry; when the loop body proves more than a first pass can use, the trace is
//! peeled: the first iteration keeps its guards and jumps into a second copy
//! optimised with what holds at its head both after the first iteration and after
//! itself (a fixpoint), which loops onto itself.

use stitch_core::layout::Kind;
use stitch_core::uops::{Uop, flags, fused};
use stitch_core::value::Value;

use super::project::{Target, TraceOp};

/// Sets of possible kinds of a value.
pub mod ty {
    pub type Ty = u16;
    /// Unbound (a NULL word).
    pub const NULL: Ty = 1;
    /// A small int.
    pub const INT: Ty = 2;
    pub const FLOAT: Ty = 4;
    pub const BOOL: Ty = 8;
    pub const NONE: Ty = 16;
    /// An exact str.
    pub const STR: Ty = 32;
    pub const LIST: Ty = 64;
    pub const TUPLE: Ty = 128;
    pub const DICT: Ty = 256;
    pub const INSTANCE: Ty = 512;
    pub const RANGE_ITER: Ty = 1024;
    pub const LIST_ITER: Ty = 2048;
    pub const TUPLE_ITER: Ty = 4096;
    /// Anything else (big ints, functions, ...).
    pub const OTHER: Ty = 8192;
    pub const ALL: Ty = 16383;
    /// Any bound value.
    pub const VALUE: Ty = ALL & !NULL;
}
use ty::Ty;

/// What the optimizer did to one trace.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Report {
    /// Guard ops removed.
    pub guards_removed: usize,
    /// Ops replaced by a form with fewer checks.
    pub specialised: usize,
    /// The loop was peeled (one iteration in front of the optimised loop).
    pub peeled: bool,
    /// Operators fused with the loads of their operands and the store of their result
    /// (comparisons: with the jump on their result).
    pub fused: usize,
}

/// A value number.
type Val = u32;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Action {
    Keep,
    Remove,
    Replace(Uop),
}

#[derive(Clone, Default)]
struct FrameState {
    stack: Vec<Val>,
    locals: Vec<Option<Val>>,
}

#[derive(Clone)]
struct State {
    tys: Vec<Ty>,
    frames: Vec<FrameState>,
    /// Instances with a proven (type version, shape).
    shapes: Vec<(Val, u64, u64)>,
}

/// A loop head's state without value numbers: kinds on the stack, kinds of the
/// locals, (local, type version, shape) facts.
type Signature = (Vec<Ty>, Vec<Option<Ty>>, Vec<(usize, u64, u64)>);

/// Unknown values below the trace's entry stack pointer that the trace may use.
const ENTRY_DEPTH: usize = 32;
/// Fixpoint rounds at a peeled loop's head before giving up peeling.
const MAX_ROUNDS: usize = 16;

fn ty_of_const(v: Value) -> Ty {
    if v.is_small_int() {
        ty::INT
    } else if v.is_float() {
        ty::FLOAT
    } else if v.is_bool() {
        ty::BOOL
    } else if v.is_none() {
        ty::NONE
    } else if v.is_null() {
        ty::NULL
    } else {
        match v.kind() {
            Some(Kind::Str) => ty::STR,
            Some(Kind::Tuple) => ty::TUPLE,
            Some(Kind::List) => ty::LIST,
            Some(Kind::Dict) => ty::DICT,
            Some(Kind::Instance) => ty::INSTANCE,
            _ => ty::OTHER,
        }
    }
}

fn within(t: Ty, set: Ty) -> bool {
    t & !set == 0
}

impl State {
    fn new() -> State {
        let mut s = State {
            tys: Vec::new(),
            frames: vec![FrameState::default()],
            shapes: Vec::new(),
        };
        for _ in 0..ENTRY_DEPTH {
            let v = s.fresh(ty::ALL);
            s.frames[0].stack.push(v);
        }
        s
    }
    fn fresh(&mut self, t: Ty) -> Val {
        self.tys.push(t);
        (self.tys.len() - 1) as Val
    }
    fn ty(&self, v: Val) -> Ty {
        self.tys[v as usize]
    }
    fn refine(&mut self, v: Val, t: Ty) {
        self.tys[v as usize] &= t;
    }
    fn frame(&mut self) -> &mut FrameState {
        // Never empty: the root frame is only left by a return that ends the trace.
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }
    fn pop(&mut self) -> Option<Val> {
        self.frame().stack.pop()
    }
    fn push(&mut self, v: Val) {
        self.frame().stack.push(v);
    }
    fn push_new(&mut self, t: Ty) {
        let v = self.fresh(t);
        self.push(v);
    }
    /// The value `i` below the top.
    fn peek(&mut self, i: usize) -> Option<Val> {
        let s = &self.frame().stack;
        s.len().checked_sub(i + 1).map(|j| s[j])
    }
    fn poke(&mut self, i: usize, v: Val) -> Option<()> {
        let s = &mut self.frame().stack;
        let j = s.len().checked_sub(i + 1)?;
        s[j] = v;
        Some(())
    }
    fn drop_n(&mut self, n: usize) -> Option<()> {
        let s = &mut self.frame().stack;
        let len = s.len().checked_sub(n)?;
        s.truncate(len);
        Some(())
    }
    fn local(&mut self, i: u32) -> Val {
        let i = i as usize;
        if let Some(Some(v)) = self.frame().locals.get(i) {
            return *v;
        }
        let v = self.fresh(ty::ALL);
        self.set_local(i, v);
        v
    }
    fn set_local(&mut self, i: usize, v: Val) {
        let l = &mut self.frame().locals;
        if l.len() <= i {
            l.resize(i + 1, None);
        }
        l[i] = Some(v);
    }
    fn forget_local(&mut self, i: usize) {
        if let Some(l) = self.frame().locals.get_mut(i) {
            *l = None;
        }
    }
    fn shape(&self, v: Val) -> Option<(u64, u64)> {
        self.shapes
            .iter()
            .find(|(x, _, _)| *x == v)
            .map(|(_, a, b)| (*a, *b))
    }
    fn set_shape(&mut self, v: Val, version: u64, shape: u64) {
        self.shapes.retain(|(x, _, _)| *x != v);
        self.shapes.push((v, version, shape));
    }

    /// What must agree at a loop head for a fixpoint (value numbers aside).
    fn signature(&self) -> Signature {
        let f = &self.frames[0];
        let stack = f.stack.iter().map(|v| self.ty(*v)).collect();
        let locals = f.locals.iter().map(|l| l.map(|v| self.ty(v))).collect();
        let mut shapes = Vec::new();
        for (i, l) in f.locals.iter().enumerate() {
            if let Some(v) = l
                && let Some((a, b)) = self.shape(*v)
            {
                shapes.push((i, a, b));
            }
        }
        (stack, locals, shapes)
    }
}

/// What holds at a loop head reached from `a` or `b` (both at the root frame with the
/// same stack depth): each slot and local a new value of either's possible kinds.
fn meet(a: &State, b: &State) -> Option<State> {
    let (fa, fb) = (a.frames.first()?, b.frames.first()?);
    if a.frames.len() != 1 || b.frames.len() != 1 || fa.stack.len() != fb.stack.len() {
        return None;
    }
    let mut s = State {
        tys: Vec::new(),
        frames: vec![FrameState::default()],
        shapes: Vec::new(),
    };
    for (x, y) in fa.stack.iter().zip(&fb.stack) {
        let v = s.fresh(a.ty(*x) | b.ty(*y));
        s.frames[0].stack.push(v);
    }
    let n = fa.locals.len().max(fb.locals.len());
    for i in 0..n {
        let x = fa.locals.get(i).copied().flatten();
        let y = fb.locals.get(i).copied().flatten();
        if let (Some(x), Some(y)) = (x, y) {
            let v = s.fresh(a.ty(x) | b.ty(y));
            s.set_local(i, v);
            if let (Some(p), Some(q)) = (a.shape(x), b.shape(y))
                && p == q
            {
                s.set_shape(v, p.0, p.1);
            }
        }
    }
    Some(s)
}

/// Checks that the trace is a straight line whose only backward continuation is
/// the last op's jump to the head (what projection builds).
fn linear(ops: &[TraceOp]) -> bool {
    let n = ops.len();
    ops.iter().enumerate().all(|(i, op)| {
        [op.on_next, op.on_jump, op.on_deopt, op.on_other]
            .iter()
            .all(|t| match *t {
                Target::Op(j) => j == i + 1 || (j == 0 && i + 1 == n),
                Target::Exit(_) => true,
            })
    })
}

/// Whether op `i` continues into an inlined callee (`CALL_PY_EXACT_ARGS` then
/// `ENTER_INLINED`) or back to the caller (`RETURN_VALUE` then `LEAVE_INLINED`).
fn continues_into(ops: &[TraceOp], i: usize, glue: Uop) -> bool {
    ops[i].on_other == Target::Op(i + 1) && ops.get(i + 1).is_some_and(|o| o.uop == glue)
}

/// Interprets `ops` abstractly from `st`, recording in `actions` what each op can
/// become. `None` when the trace does something the model does not follow.
fn walk(ops: &[TraceOp], st: &mut State, actions: &mut [Action]) -> Option<()> {
    use ty::*;
    for (i, op) in ops.iter().enumerate() {
        let a = op.oparg;
        let mut act = Action::Keep;
        let mut escapes = op.uop.flags() & flags::ESCAPES != 0;
        match op.uop {
            Uop::NOP | Uop::GUARD_CALLABLE_FUNCTION | Uop::GUARD_SIMPLE_FUNCTION => {}
            Uop::LOAD_CONST | Uop::LOAD_CONST_INLINE => {
                let &c = op.operands.first()?;
                if op.uop == Uop::LOAD_CONST {
                    act = Action::Replace(Uop::LOAD_CONST_INLINE);
                }
                st.push_new(ty_of_const(Value(c)));
            }
            Uop::LOAD_FAST | Uop::LOAD_FAST_KNOWN => {
                let v = st.local(a);
                if op.uop == Uop::LOAD_FAST && st.ty(v) & NULL == 0 {
                    act = Action::Replace(Uop::LOAD_FAST_KNOWN);
                }
                st.refine(v, VALUE);
                st.push(v);
            }
            Uop::STORE_FAST => {
                let v = st.pop()?;
                st.set_local(a as usize, v);
            }
            Uop::DELETE_FAST => {
                let v = st.fresh(NULL);
                st.set_local(a as usize, v);
            }
            Uop::MAKE_CELL => st.forget_local(a as usize),
            Uop::COPY_FREE_VARS => st.frame().locals.clear(),
            Uop::PUSH_NULL => st.push_new(NULL),
            Uop::POP_TOP => st.drop_n(1)?,
            Uop::COPY => {
                let v = st.peek((a as usize).checked_sub(1)?)?;
                st.push(v);
            }
            Uop::SWAP => {
                let k = (a as usize).checked_sub(1)?;
                let (x, y) = (st.peek(0)?, st.peek(k)?);
                st.poke(0, y)?;
                st.poke(k, x)?;
            }
            Uop::IS_OP | Uop::CONTAINS_OP => {
                st.drop_n(2)?;
                st.push_new(BOOL);
            }
            Uop::GUARD_BOTH_SMALL_INT
            | Uop::GUARD_BOTH_FLOAT
            | Uop::GUARD_FLOAT_MIX
            | Uop::GUARD_BOTH_STR => {
                let (y, x) = (st.peek(0)?, st.peek(1)?);
                let (tx, ty_) = (st.ty(x), st.ty(y));
                let (proven, set) = match op.uop {
                    Uop::GUARD_BOTH_SMALL_INT => (within(tx, INT) && within(ty_, INT), INT),
                    Uop::GUARD_BOTH_FLOAT => (within(tx, FLOAT) && within(ty_, FLOAT), FLOAT),
                    Uop::GUARD_BOTH_STR => (within(tx, STR) && within(ty_, STR), STR),
                    _ => (
                        within(tx, INT | FLOAT)
                            && within(ty_, INT | FLOAT)
                            && (within(tx, FLOAT) || within(ty_, FLOAT)),
                        INT | FLOAT,
                    ),
                };
                if proven {
                    act = Action::Remove;
                }
                st.refine(x, set);
                st.refine(y, set);
            }
            Uop::BINARY_OP_INT => {
                st.drop_n(2)?;
                st.push_new(INT);
            }
            Uop::BINARY_OP_FLOAT | Uop::BINARY_OP_FLOAT_KNOWN => {
                let (y, x) = (st.peek(0)?, st.peek(1)?);
                if op.uop == Uop::BINARY_OP_FLOAT
                    && within(st.ty(x), FLOAT)
                    && within(st.ty(y), FLOAT)
                {
                    act = Action::Replace(Uop::BINARY_OP_FLOAT_KNOWN);
                }
                st.drop_n(2)?;
                st.push_new(FLOAT);
            }
            Uop::BINARY_OP_ADD_STR | Uop::BINARY_SUBSCR_STR_INT | Uop::BUILD_STRING => {
                if op.uop == Uop::BINARY_SUBSCR_STR_INT {
                    let (k, c) = (st.peek(0)?, st.peek(1)?);
                    st.refine(k, INT);
                    st.refine(c, STR);
                }
                let (pops, _) = op.uop.stack_effect(a);
                st.drop_n(pops)?;
                st.push_new(STR);
            }
            Uop::COMPARE_OP_INT
            | Uop::COMPARE_OP_STR
            | Uop::COMPARE_OP_FLOAT
            | Uop::COMPARE_OP_FLOAT_KNOWN => {
                let (y, x) = (st.peek(0)?, st.peek(1)?);
                if op.uop == Uop::COMPARE_OP_FLOAT
                    && within(st.ty(x), FLOAT)
                    && within(st.ty(y), FLOAT)
                {
                    act = Action::Replace(Uop::COMPARE_OP_FLOAT_KNOWN);
                }
                st.drop_n(2)?;
                st.push_new(BOOL);
            }
            Uop::BINARY_SUBSCR_LIST_INT
            | Uop::BINARY_SUBSCR_LIST_INT_KNOWN
            | Uop::BINARY_SUBSCR_TUPLE_INT
            | Uop::BINARY_SUBSCR_DICT => {
                let (k, c) = (st.peek(0)?, st.peek(1)?);
                let container = match op.uop {
                    Uop::BINARY_SUBSCR_TUPLE_INT => TUPLE,
                    Uop::BINARY_SUBSCR_DICT => DICT,
                    _ => LIST,
                };
                if op.uop == Uop::BINARY_SUBSCR_LIST_INT
                    && within(st.ty(c), LIST)
                    && within(st.ty(k), INT)
                {
                    act = Action::Replace(Uop::BINARY_SUBSCR_LIST_INT_KNOWN);
                }
                st.refine(c, container);
                if container != DICT {
                    st.refine(k, INT);
                }
                st.drop_n(2)?;
                st.push_new(VALUE);
            }
            Uop::STORE_SUBSCR_LIST_INT
            | Uop::STORE_SUBSCR_LIST_INT_KNOWN
            | Uop::STORE_SUBSCR_DICT => {
                let (k, c) = (st.peek(0)?, st.peek(1)?);
                if op.uop == Uop::STORE_SUBSCR_DICT {
                    st.refine(c, DICT);
                } else {
                    if op.uop == Uop::STORE_SUBSCR_LIST_INT
                        && within(st.ty(c), LIST)
                        && within(st.ty(k), INT)
                    {
                        act = Action::Replace(Uop::STORE_SUBSCR_LIST_INT_KNOWN);
                    }
                    st.refine(c, LIST);
                    st.refine(k, INT);
                }
                st.drop_n(3)?;
            }
            Uop::LOAD_ATTR_INSTANCE
            | Uop::LOAD_ATTR_INSTANCE_KNOWN
            | Uop::LOAD_METHOD_INSTANCE
            | Uop::LOAD_METHOD_INSTANCE_KNOWN
            | Uop::STORE_ATTR_INSTANCE
            | Uop::STORE_ATTR_INSTANCE_KNOWN => {
                let obj = st.peek(0)?;
                let (version, shape) = (op.operand(0), op.operand(1));
                let known = match op.uop {
                    Uop::LOAD_ATTR_INSTANCE => Some(Uop::LOAD_ATTR_INSTANCE_KNOWN),
                    Uop::LOAD_METHOD_INSTANCE => Some(Uop::LOAD_METHOD_INSTANCE_KNOWN),
                    Uop::STORE_ATTR_INSTANCE => Some(Uop::STORE_ATTR_INSTANCE_KNOWN),
                    _ => None,
                };
                if let Some(k) = known
                    && st.shape(obj) == Some((version, shape))
                {
                    act = Action::Replace(k);
                }
                st.refine(obj, INSTANCE);
                st.set_shape(obj, version, shape);
                match op.uop {
                    Uop::LOAD_ATTR_INSTANCE | Uop::LOAD_ATTR_INSTANCE_KNOWN => {
                        st.drop_n(1)?;
                        st.push_new(VALUE);
                    }
                    Uop::LOAD_METHOD_INSTANCE | Uop::LOAD_METHOD_INSTANCE_KNOWN => {
                        st.drop_n(1)?;
                        st.push_new(VALUE);
                        st.push(obj);
                    }
                    _ => st.drop_n(2)?,
                }
            }
            Uop::STORE_ATTR_INSTANCE_ADD => {
                // The object's shape changes; any other value may be the same object.
                let obj = st.peek(0)?;
                st.shapes.clear();
                st.refine(obj, INSTANCE);
                st.set_shape(obj, op.operand(0), op.operand(3));
                st.drop_n(2)?;
            }
            Uop::LOAD_ATTR_INSTANCE_POLY => {
                let obj = st.peek(0)?;
                st.refine(obj, INSTANCE);
                st.drop_n(1)?;
                st.push_new(VALUE);
            }
            Uop::LOAD_METHOD_INSTANCE_POLY | Uop::LOAD_METHOD_BUILTIN => {
                let obj = st.peek(0)?;
                if op.uop == Uop::LOAD_METHOD_INSTANCE_POLY {
                    st.refine(obj, INSTANCE);
                }
                st.drop_n(1)?;
                st.push_new(VALUE);
                st.push(obj);
            }
            Uop::STORE_ATTR_INSTANCE_POLY => {
                let obj = st.peek(0)?;
                st.refine(obj, INSTANCE);
                st.drop_n(2)?;
            }
            Uop::FOR_ITER_LIST | Uop::FOR_ITER_TUPLE | Uop::FOR_ITER_RANGE => {
                let it = st.peek(0)?;
                let (kind, item) = match op.uop {
                    Uop::FOR_ITER_LIST => (LIST_ITER, VALUE),
                    Uop::FOR_ITER_TUPLE => (TUPLE_ITER, VALUE),
                    _ => (RANGE_ITER, INT),
                };
                st.refine(it, kind);
                st.push_new(item);
            }
            Uop::BUILD_LIST | Uop::BUILD_TUPLE | Uop::BUILD_MAP | Uop::LIST_TO_TUPLE => {
                let t = match op.uop {
                    Uop::BUILD_LIST => LIST,
                    Uop::BUILD_MAP => DICT,
                    _ => TUPLE,
                };
                let (pops, _) = op.uop.stack_effect(a);
                st.drop_n(pops)?;
                st.push_new(t);
            }
            Uop::UNPACK_METHOD_FUNCTION | Uop::UNPACK_SIMPLE_METHOD => {
                let f = st.fresh(VALUE);
                let s = st.fresh(VALUE);
                st.poke(a as usize + 1, f)?;
                st.poke(a as usize, s)?;
            }
            Uop::CALL_PY_EXACT_ARGS if continues_into(ops, i, Uop::ENTER_INLINED) => {
                // The callee's frame: its first locals are the arguments.
                let n = a as usize + 2;
                let len = st.frame().stack.len().checked_sub(n)?;
                let base: Vec<Val> = st.frame().stack.split_off(len);
                let mut callee = FrameState::default();
                let self_ty = st.ty(base[1]);
                let args = if self_ty == NULL {
                    Some(&base[2..])
                } else if self_ty & NULL == 0 {
                    Some(&base[1..])
                } else {
                    None
                };
                if let Some(args) = args {
                    callee.locals = args.iter().map(|v| Some(*v)).collect();
                }
                st.frames.push(callee);
            }
            Uop::RETURN_VALUE
                if st.frames.len() > 1 && continues_into(ops, i, Uop::LEAVE_INLINED) =>
            {
                let v = st.pop()?;
                st.frames.pop();
                st.push(v);
            }
            Uop::ENTER_INLINED | Uop::LEAVE_INLINED => escapes = false,
            Uop::POP_JUMP_IF_FALSE | Uop::POP_JUMP_IF_TRUE => {
                // `truth` runs code only for a value that is not a bool.
                let v = st.peek(0)?;
                escapes = st.ty(v) & !BOOL != 0;
                st.drop_n(1)?;
            }
            u => {
                if u.flags() & flags::TIER1 != 0 {
                    return None;
                }
                let (pops, pushes) = u.stack_effect(a);
                st.drop_n(pops)?;
                for _ in 0..pushes {
                    st.push_new(ALL);
                }
            }
        }
        if escapes {
            st.shapes.clear();
        }
        if st.frames.is_empty() {
            return None;
        }
        actions[i] = act;
    }
    Some(())
}

trait Operand {
    fn operand(&self, i: usize) -> u64;
}

impl Operand for TraceOp {
    fn operand(&self, i: usize) -> u64 {
        self.operands.get(i).copied().unwrap_or(0)
    }
}

fn gains(actions: &[Action]) -> (usize, usize) {
    let removed = actions.iter().filter(|a| **a == Action::Remove).count();
    let replaced = actions
        .iter()
        .filter(|a| matches!(a, Action::Replace(_)))
        .count();
    (removed, replaced)
}

/// Optimises a projected trace in place (`closed`: its last op jumps back to the
/// first). Leaves it unchanged when the trace is not one the model follows.
pub fn optimize(ops: &mut Vec<TraceOp>, closed: bool) -> Report {
    let n = ops.len();
    if n == 0 || !linear(ops) {
        return Report::default();
    }
    let mut first = vec![Action::Keep; n];
    let mut entry = State::new();
    if walk(ops, &mut entry, &mut first).is_none() {
        return Report::default();
    }
    let end1 = entry;
    // A closed loop: what holds at the head after the first iteration and after
    // every later one.
    let mut peeled: Option<Vec<Action>> = None;
    if closed && ops[n - 1].on_jump == Target::Op(0) {
        let mut head = end1.clone();
        for _ in 0..MAX_ROUNDS {
            let mut st = head.clone();
            let mut acts = vec![Action::Keep; n];
            if walk(ops, &mut st, &mut acts).is_none() {
                break;
            }
            let Some(next) = meet(&end1, &st) else {
                break;
            };
            if next.signature() == head.signature() {
                // `head` is a fixpoint: `acts` were computed from it.
                if gains(&acts).0 > gains(&first).0 {
                    peeled = Some(acts);
                }
                break;
            }
            head = next;
        }
    }
    let mut report = Report::default();
    let mut out: Vec<TraceOp> = Vec::with_capacity(n * 2);
    // New index of each old op of each copy (a removed op maps to the next one kept).
    let copies: Vec<Vec<Action>> = match peeled {
        Some(second) => {
            report.peeled = true;
            vec![first, second]
        }
        None => vec![first],
    };
    let mut maps: Vec<Vec<usize>> = Vec::new();
    for acts in &copies {
        let (removed, replaced) = gains(acts);
        report.guards_removed += removed;
        report.specialised += replaced;
        let mut map = vec![0; n + 1];
        let mut kept = out.len();
        for (i, a) in acts.iter().enumerate() {
            map[i] = kept;
            if *a != Action::Remove {
                kept += 1;
            }
        }
        map[n] = kept;
        for (op, a) in ops.iter().zip(acts) {
            match a {
                Action::Remove => {}
                Action::Keep => out.push(op.clone()),
                Action::Replace(u) => {
                    let mut o = op.clone();
                    o.uop = *u;
                    out.push(o);
                }
            }
        }
        maps.push(map);
    }
    // Targets: within a copy, to the same copy; the back edge to the last copy's head.
    let mut at = 0;
    let last_head = maps[maps.len() - 1][0];
    for (c, acts) in copies.iter().enumerate() {
        for (i, a) in acts.iter().enumerate() {
            if *a == Action::Remove {
                continue;
            }
            let o = &mut out[at];
            for t in [
                &mut o.on_next,
                &mut o.on_jump,
                &mut o.on_deopt,
                &mut o.on_other,
            ] {
                if let Target::Op(j) = *t {
                    *t = if j == 0 && i + 1 == n {
                        Target::Op(last_head)
                    } else {
                        Target::Op(maps[c][j])
                    };
                }
            }
            at += 1;
        }
    }
    *ops = out;
    report.fused = fuse(ops, &[0, last_head]);
    report
}

/// Operators of the fused forms (the stencil variants built for them).
const FUSED_FLOAT_OPS: &[u32] = &[0, 1, 2, 3];
const FUSED_INT_OPS: &[u32] = &[0, 1, 2, 4, 5, 7, 8, 9, 10, 11];

/// Where an operand of a fused operator can come from: the op that pushed it.
fn fused_source(op: &TraceOp) -> Option<(u32, u64)> {
    match op.uop {
        Uop::LOAD_FAST_KNOWN => Some((fused::LOCAL, op.oparg as u64)),
        Uop::LOAD_CONST_INLINE => Some((fused::CONST, op.operand(0))),
        _ => None,
    }
}

/// Fuses int and float operators (whose operand types are proven: their guard was
/// removed or stands just before them) with the loads of their operands just before
/// them and the store of their result just after into one `FUSED_BINARY_OP_*`, and
/// int and float comparisons with their operands' loads and the conditional jump on
/// their result into one `FUSED_COMPARE_JUMP_*`; and list subscripts likewise
/// (`FUSED_SUBSCR_LIST_INT`).
/// `heads` are the ops jumped to, which a fusion may start at but not contain.
/// Returns the number of operators fused.
fn fuse(ops: &mut Vec<TraceOp>, heads: &[usize]) -> usize {
    let n = ops.len();
    let mut keep = vec![true; n];
    let mut count = 0;
    for i in 0..n {
        let op = &ops[i];
        let mut operator = op.oparg % stitch_core::instr::binop::INPLACE;
        let (uop, conv) = match op.uop {
            Uop::BINARY_OP_FLOAT_KNOWN => (Uop::FUSED_BINARY_OP_FLOAT, false),
            Uop::BINARY_OP_FLOAT => (Uop::FUSED_BINARY_OP_FLOAT, true),
            Uop::BINARY_OP_INT => (Uop::FUSED_BINARY_OP_INT, false),
            Uop::COMPARE_OP_FLOAT_KNOWN => (Uop::FUSED_COMPARE_JUMP_FLOAT, false),
            Uop::COMPARE_OP_FLOAT => (Uop::FUSED_COMPARE_JUMP_FLOAT, true),
            Uop::COMPARE_OP_INT => (Uop::FUSED_COMPARE_JUMP_INT, false),
            Uop::BINARY_SUBSCR_LIST_INT_KNOWN => (Uop::FUSED_SUBSCR_LIST_INT, false),
            _ => continue,
        };
        if uop == Uop::FUSED_SUBSCR_LIST_INT {
            operator = 0;
        }
        // A comparison is fused with the conditional jump on its result.
        let jump = matches!(
            uop,
            Uop::FUSED_COMPARE_JUMP_FLOAT | Uop::FUSED_COMPARE_JUMP_INT
        );
        if jump {
            let Some(j) = ops
                .get(i + 1)
                .filter(|_| keep[i] && !heads.contains(&(i + 1)))
            else {
                continue;
            };
            operator = match j.uop {
                Uop::POP_JUMP_IF_FALSE => op.oparg,
                Uop::POP_JUMP_IF_TRUE => op.oparg | fused::IF_TRUE,
                _ => continue,
            };
            if op.oparg > stitch_core::instr::cmpop::GE {
                continue;
            }
        } else {
            let allowed = match uop {
                Uop::FUSED_BINARY_OP_INT => FUSED_INT_OPS,
                Uop::FUSED_SUBSCR_LIST_INT => &[0],
                _ => FUSED_FLOAT_OPS,
            };
            if !allowed.contains(&operator) {
                continue;
            }
        }
        // Ops fused into op i: kept so far, and not jumped to (but the first).
        let joins = |j: usize| keep[j - 1] && !heads.contains(&j);
        let mut first = i;
        let (mut x, mut y) = ((fused::STACK, 0), (fused::STACK, 0));
        if i >= 1
            && joins(i)
            && let Some(src) = fused_source(&ops[i - 1])
        {
            y = src;
            first = i - 1;
            if i >= 2
                && joins(i - 1)
                && let Some(src) = fused_source(&ops[i - 2])
                && !(src.0 == fused::CONST && y.0 == fused::CONST)
                && !(src.0 == fused::CONST && uop == Uop::FUSED_SUBSCR_LIST_INT)
            {
                x = src;
                first = i - 2;
            }
        }
        let store = ops
            .get(i + 1)
            .filter(|s| !jump && s.uop == Uop::STORE_FAST && !heads.contains(&(i + 1)))
            .map(|s| s.oparg);
        if first == i && store.is_none() && !jump {
            continue;
        }
        // The fused op continues as the last op it stands for (for a jump, both ways).
        let last = if jump || store.is_some() { i + 1 } else { i };
        let mut f = if jump {
            ops[i + 1].clone()
        } else {
            ops[i].clone()
        };
        f.uop = uop;
        f.oparg = fused::oparg(operator, x.0, y.0, store.is_some(), conv);
        f.operands = vec![x.1, y.1, store.unwrap_or(0) as u64];
        f.on_next = ops[last].on_next;
        if last != i {
            keep[last] = false;
        }
        for k in keep.iter_mut().take(i).skip(first) {
            *k = false;
        }
        ops[i] = f;
        count += 1;
    }
    compact(ops, &keep);
    count
}

/// Removes the ops not kept; a continuation to a removed op goes to the next kept one.
fn compact(ops: &mut Vec<TraceOp>, keep: &[bool]) {
    let n = ops.len();
    let mut map = vec![0; n + 1];
    let mut kept = 0;
    for i in 0..n {
        map[i] = kept;
        kept += keep[i] as usize;
    }
    map[n] = kept;
    let old = std::mem::take(ops);
    for (o, k) in old.into_iter().zip(keep) {
        if !*k {
            continue;
        }
        let mut o = o;
        for t in [
            &mut o.on_next,
            &mut o.on_jump,
            &mut o.on_deopt,
            &mut o.on_other,
        ] {
            if let Target::Op(j) = *t {
                *t = Target::Op(map[j]);
            }
        }
        ops.push(o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stitch_core::instr::{binop, cmpop};

    fn op(uop: Uop, oparg: u32) -> TraceOp {
        TraceOp {
            uop,
            oparg,
            operands: Vec::new(),
            cur: std::ptr::null(),
            next_pc: std::ptr::null(),
            on_next: Target::Op(0),
            on_jump: Target::Exit(0),
            on_deopt: Target::Exit(0),
            on_other: Target::Exit(0),
        }
    }

    fn konst(v: Value) -> TraceOp {
        let mut o = op(Uop::LOAD_CONST, 0);
        o.operands = vec![v.0];
        o
    }

    /// Links ops in sequence; a closed trace's last op jumps to the first.
    fn trace(mut ops: Vec<TraceOp>, closed: bool) -> Vec<TraceOp> {
        let n = ops.len();
        for (i, o) in ops.iter_mut().enumerate() {
            o.on_next = if i + 1 < n {
                Target::Op(i + 1)
            } else {
                Target::Exit(1)
            };
        }
        if closed {
            ops[n - 1].on_jump = Target::Op(0);
        }
        ops
    }

    fn uops(ops: &[TraceOp]) -> Vec<Uop> {
        ops.iter().map(|o| o.uop).collect()
    }

    fn float_add() -> [TraceOp; 2] {
        [
            op(Uop::GUARD_FLOAT_MIX, binop::ADD),
            op(Uop::BINARY_OP_FLOAT, binop::ADD),
        ]
    }

    #[test]
    fn float_mix_guard_after_float_op_is_removed() {
        // x = a + b; y = x + x  (a, b unknown)
        let mut ops = vec![op(Uop::LOAD_FAST, 0), op(Uop::LOAD_FAST, 1)];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 2));
        ops.push(op(Uop::LOAD_FAST, 2));
        ops.push(op(Uop::LOAD_FAST, 2));
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 3));
        let mut t = trace(ops, false);
        let r = optimize(&mut t, false);
        assert_eq!(r.guards_removed, 1);
        assert_eq!(r.fused, 2);
        assert_eq!(
            uops(&t),
            [
                Uop::LOAD_FAST,
                Uop::LOAD_FAST,
                Uop::GUARD_FLOAT_MIX,
                // BINARY_OP_FLOAT + STORE_FAST 2
                Uop::FUSED_BINARY_OP_FLOAT,
                // LOAD_FAST 2, LOAD_FAST 2, BINARY_OP_FLOAT_KNOWN, STORE_FAST 3
                Uop::FUSED_BINARY_OP_FLOAT,
            ]
        );
        assert_eq!(
            t[4].oparg,
            fused::oparg(binop::ADD, fused::LOCAL, fused::LOCAL, true, false)
        );
        assert_eq!(t[4].operands, [2, 2, 3]);
        assert_eq!(
            t[3].oparg,
            fused::oparg(binop::ADD, fused::STACK, fused::STACK, true, true)
        );
        // Targets were renumbered: every op continues with the next.
        for (i, o) in t.iter().enumerate().take(t.len() - 1) {
            assert_eq!(o.on_next, Target::Op(i + 1));
        }
        assert_eq!(t[4].on_next, Target::Exit(1));
    }

    #[test]
    fn int_results_do_not_prove_float_guards() {
        // x = a + b on small ints; then x + 1.0 still needs its guard (x is an int,
        // the constant a float: provable), but x + x as floats is not.
        let mut ops = vec![
            op(Uop::LOAD_FAST, 0),
            op(Uop::LOAD_FAST, 1),
            op(Uop::GUARD_BOTH_SMALL_INT, binop::ADD),
            op(Uop::BINARY_OP_INT, binop::ADD),
            op(Uop::STORE_FAST, 2),
            op(Uop::LOAD_FAST, 2),
            op(Uop::LOAD_FAST, 2),
            op(Uop::GUARD_FLOAT_MIX, binop::ADD),
            op(Uop::BINARY_OP_FLOAT, binop::ADD),
            op(Uop::POP_TOP, 0),
            op(Uop::LOAD_FAST, 2),
            konst(Value::from_f64(1.5)),
        ];
        ops.extend(float_add());
        let mut t = trace(ops, false);
        optimize(&mut t, false);
        let u = uops(&t);
        // The int+int "float" op keeps its guard (it always fails: both ints).
        assert_eq!(u[6], Uop::GUARD_FLOAT_MIX);
        // int + float constant: proven; the fused op still converts the int.
        assert_eq!(u[u.len() - 1], Uop::FUSED_BINARY_OP_FLOAT);
        let last = &t[t.len() - 1];
        assert_eq!(
            last.oparg,
            fused::oparg(binop::ADD, fused::LOCAL, fused::CONST, false, true)
        );
        assert_eq!(last.operands[1], Value::from_f64(1.5).0);
    }

    #[test]
    fn stores_invalidate_local_knowledge() {
        // x = a * b (float); x = f(); x + x keeps its guard.
        let mut ops = vec![op(Uop::LOAD_FAST, 0), op(Uop::LOAD_FAST, 1)];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 2));
        ops.push(op(Uop::PUSH_NULL, 0));
        ops.push(op(Uop::LOAD_FAST, 5));
        ops.push(op(Uop::CALL, 0));
        ops.push(op(Uop::STORE_FAST, 2));
        ops.push(op(Uop::LOAD_FAST, 2));
        ops.push(op(Uop::LOAD_FAST, 2));
        ops.extend(float_add());
        let mut t = trace(ops, false);
        let r = optimize(&mut t, false);
        assert_eq!(r.guards_removed, 0);
        assert_eq!(
            uops(&t)
                .iter()
                .filter(|u| **u == Uop::GUARD_FLOAT_MIX)
                .count(),
            2
        );
    }

    #[test]
    fn deleted_local_is_checked_again() {
        let mut t = trace(
            vec![
                op(Uop::LOAD_FAST, 0),
                op(Uop::POP_TOP, 0),
                op(Uop::DELETE_FAST, 0),
                op(Uop::LOAD_FAST, 0),
                op(Uop::POP_TOP, 0),
            ],
            false,
        );
        optimize(&mut t, false);
        assert_eq!(t[3].uop, Uop::LOAD_FAST);
    }

    /// `for i in range(n): x = x * f` with x and f unknown at the head.
    fn float_loop() -> Vec<TraceOp> {
        let mut ops = vec![
            op(Uop::FOR_ITER_RANGE, 0),
            op(Uop::STORE_FAST, 3),
            op(Uop::LOAD_FAST, 0),
            op(Uop::LOAD_FAST, 1),
        ];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 0));
        ops.push(op(Uop::JUMP_BACKWARD, 0));
        trace(ops, true)
    }

    #[test]
    fn loop_is_peeled_when_the_body_proves_its_guards() {
        let mut t = float_loop();
        let n = t.len();
        let r = optimize(&mut t, true);
        assert!(r.peeled);
        assert_eq!(r.guards_removed, 1);
        // First copy: FOR_ITER, STORE, LOAD, LOAD, guard, op+store (fused), JUMP; the
        // second has no guard, fuses the loads too, and loops onto itself.
        let u = uops(&t);
        assert_eq!(
            u,
            [
                Uop::FOR_ITER_RANGE,
                Uop::STORE_FAST,
                Uop::LOAD_FAST,
                Uop::LOAD_FAST,
                Uop::GUARD_FLOAT_MIX,
                Uop::FUSED_BINARY_OP_FLOAT,
                Uop::JUMP_BACKWARD,
                Uop::FOR_ITER_RANGE,
                Uop::STORE_FAST,
                Uop::FUSED_BINARY_OP_FLOAT,
                Uop::JUMP_BACKWARD,
            ]
        );
        assert_eq!(n, 8);
        assert_eq!(t[6].on_jump, Target::Op(7));
        assert_eq!(t[10].on_jump, Target::Op(7));
        // f (local 1) is known only to be an int or a float: the op keeps conversions.
        assert_eq!(
            t[9].oparg,
            fused::oparg(binop::ADD, fused::LOCAL, fused::LOCAL, true, true)
        );
    }

    #[test]
    fn loop_whose_local_changes_type_keeps_its_guard() {
        // As float_loop, but the loop also stores an unknown value into local 0.
        let mut ops = vec![
            op(Uop::FOR_ITER_RANGE, 0),
            op(Uop::STORE_FAST, 3),
            op(Uop::LOAD_FAST, 0),
            op(Uop::LOAD_FAST, 1),
        ];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 4));
        ops.push(op(Uop::LOAD_GLOBAL_MODULE, 0));
        ops.push(op(Uop::STORE_FAST, 0));
        ops.push(op(Uop::JUMP_BACKWARD, 0));
        let mut t = trace(ops, true);
        let r = optimize(&mut t, true);
        assert!(!r.peeled);
        assert_eq!(r.guards_removed, 0);
    }

    #[test]
    fn shapes_are_forgotten_after_escaping_ops() {
        let mut load = op(Uop::LOAD_ATTR_INSTANCE, 0);
        load.operands = vec![7, 8, 1];
        let mut t = trace(
            vec![
                op(Uop::LOAD_FAST, 0),
                load.clone(),
                op(Uop::POP_TOP, 0),
                op(Uop::LOAD_FAST, 0),
                load.clone(),
                op(Uop::POP_TOP, 0),
                op(Uop::PUSH_NULL, 0),
                op(Uop::LOAD_FAST, 1),
                op(Uop::CALL, 0),
                op(Uop::POP_TOP, 0),
                op(Uop::LOAD_FAST, 0),
                load,
                op(Uop::POP_TOP, 0),
            ],
            false,
        );
        optimize(&mut t, false);
        let u = uops(&t);
        assert_eq!(u[1], Uop::LOAD_ATTR_INSTANCE);
        assert_eq!(u[4], Uop::LOAD_ATTR_INSTANCE_KNOWN);
        assert_eq!(u[11], Uop::LOAD_ATTR_INSTANCE);
    }

    #[test]
    fn inlined_callee_sees_its_arguments() {
        // f(x) where x is a float; the callee computes arg * arg.
        let mut call = op(Uop::CALL_PY_EXACT_ARGS, 1);
        call.on_other = Target::Op(0);
        let mut ret = op(Uop::RETURN_VALUE, 0);
        ret.on_other = Target::Op(0);
        let mut ops = vec![op(Uop::LOAD_FAST, 0), op(Uop::LOAD_FAST, 0)];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 1));
        ops.push(op(Uop::LOAD_GLOBAL_MODULE, 0));
        ops.push(op(Uop::PUSH_NULL, 0));
        ops.push(op(Uop::LOAD_FAST, 1));
        ops.push(op(Uop::GUARD_CALLABLE_FUNCTION, 1));
        ops.push(call);
        ops.push(op(Uop::ENTER_INLINED, 0));
        ops.push(op(Uop::LOAD_FAST, 0));
        ops.push(op(Uop::LOAD_FAST, 0));
        ops.extend(float_add());
        ops.push(ret);
        ops.push(op(Uop::LEAVE_INLINED, 0));
        ops.push(op(Uop::LOAD_FAST, 1));
        ops.extend(float_add());
        let mut t = trace(ops, false);
        // Inlining continuations point at the next op.
        for (i, o) in t.iter_mut().enumerate() {
            if o.on_other == Target::Op(0) {
                o.on_other = Target::Op(i + 1);
            }
        }
        let r = optimize(&mut t, false);
        assert_eq!(r.guards_removed, 2);
        // In the callee, local 0 is the caller's float: arg * arg is fused.
        let u = uops(&t);
        let enter = u.iter().position(|u| *u == Uop::ENTER_INLINED).unwrap();
        assert_eq!(u[enter + 1], Uop::FUSED_BINARY_OP_FLOAT);
        assert_eq!(
            t[enter + 1].oparg,
            fused::oparg(binop::ADD, fused::LOCAL, fused::LOCAL, false, false)
        );
    }

    #[test]
    fn comparison_fused_with_its_jump() {
        // if x * 2.0 > limit: ... (x a float from a float op, limit an int local)
        let mut ops = vec![op(Uop::LOAD_FAST, 0), op(Uop::LOAD_FAST, 0)];
        ops.extend(float_add());
        ops.push(op(Uop::STORE_FAST, 0));
        ops.push(op(Uop::LOAD_FAST, 0));
        ops.push(konst(Value::from_f64(2.0)));
        ops.push(op(Uop::GUARD_FLOAT_MIX, binop::MUL));
        ops.push(op(Uop::BINARY_OP_FLOAT, binop::MUL));
        ops.push(op(Uop::LOAD_FAST, 1));
        ops.push(op(Uop::GUARD_FLOAT_MIX, cmpop::GT));
        ops.push(op(Uop::COMPARE_OP_FLOAT, cmpop::GT));
        let mut jump = op(Uop::POP_JUMP_IF_TRUE, 40);
        jump.on_jump = Target::Exit(7);
        ops.push(jump);
        ops.push(op(Uop::NOP, 0));
        let mut t = trace(ops, false);
        let r = optimize(&mut t, false);
        let u = uops(&t);
        // The product is proven; the comparison keeps its guard (limit unknown),
        // so it is fused with the jump only, its operands on the stack.
        assert_eq!(r.guards_removed, 1);
        assert_eq!(
            u[4..],
            [
                Uop::FUSED_BINARY_OP_FLOAT,
                Uop::LOAD_FAST,
                Uop::GUARD_FLOAT_MIX,
                Uop::FUSED_COMPARE_JUMP_FLOAT,
                Uop::NOP
            ]
        );
        let f = &t[7];
        assert_eq!(
            f.oparg,
            fused::oparg(
                cmpop::GT | fused::IF_TRUE,
                fused::STACK,
                fused::STACK,
                false,
                true
            )
        );
        assert_eq!(f.on_jump, Target::Exit(7));
        assert_eq!(f.on_next, Target::Op(8));
    }

    #[test]
    fn proven_list_subscripts_are_fused() {
        // a = v[0]; b = v[k]: the first checks v is a list and 0 an int; the second
        // (k unknown) keeps its checks; a third, v[0] again, is fused whole.
        let sub = || op(Uop::BINARY_SUBSCR_LIST_INT, 0);
        let mut t = trace(
            vec![
                op(Uop::LOAD_FAST, 0),
                konst(Value::small(0)),
                sub(),
                op(Uop::STORE_FAST, 1),
                op(Uop::LOAD_FAST, 0),
                op(Uop::LOAD_FAST, 2),
                sub(),
                op(Uop::STORE_FAST, 3),
                op(Uop::LOAD_FAST, 0),
                konst(Value::small(0)),
                sub(),
                op(Uop::STORE_FAST, 4),
            ],
            false,
        );
        let r = optimize(&mut t, false);
        assert_eq!(r.fused, 1);
        assert_eq!(
            uops(&t),
            [
                Uop::LOAD_FAST,
                Uop::LOAD_CONST_INLINE,
                Uop::BINARY_SUBSCR_LIST_INT,
                Uop::STORE_FAST,
                Uop::LOAD_FAST_KNOWN,
                Uop::LOAD_FAST,
                Uop::BINARY_SUBSCR_LIST_INT,
                Uop::STORE_FAST,
                Uop::FUSED_SUBSCR_LIST_INT,
            ]
        );
        assert_eq!(
            t[8].oparg,
            fused::oparg(0, fused::LOCAL, fused::CONST, true, false)
        );
        assert_eq!(t[8].operands, [0, Value::small(0).0, 4]);
    }

    #[test]
    fn fusion_around_the_loop_head() {
        // The loop head is a load: a fusion may start there (the back edge then
        // enters the fused op, which does the load).
        let ops = vec![
            op(Uop::LOAD_FAST, 0),
            op(Uop::LOAD_FAST, 1),
            op(Uop::GUARD_BOTH_SMALL_INT, binop::ADD),
            op(Uop::BINARY_OP_INT, binop::ADD),
            op(Uop::STORE_FAST, 2),
            op(Uop::JUMP_BACKWARD, 0),
        ];
        let mut t = trace(ops, true);
        let r = optimize(&mut t, true);
        assert!(r.peeled);
        assert_eq!(
            uops(&t)[5..],
            [Uop::FUSED_BINARY_OP_INT, Uop::JUMP_BACKWARD]
        );
        assert_eq!(t[6].on_jump, Target::Op(5));
        assert_eq!(t[4].on_jump, Target::Op(5));
        assert_eq!(t[5].operands, [0, 1, 2]);
        let mut ops = vec![op(Uop::FOR_ITER_RANGE, 0), op(Uop::STORE_FAST, 1)];
        for _ in 0..2 {
            ops.push(op(Uop::LOAD_FAST, 1));
            ops.push(konst(Value::small(3)));
            ops.push(op(Uop::GUARD_BOTH_SMALL_INT, binop::MUL));
            ops.push(op(Uop::BINARY_OP_INT, binop::MUL));
            ops.push(op(Uop::STORE_FAST, 2));
        }
        ops.push(op(Uop::JUMP_BACKWARD, 0));
        let mut t = trace(ops, true);
        let r = optimize(&mut t, true);
        // The range item is an int: both products are proven and fused whole.
        assert_eq!(r.guards_removed, 2);
        assert_eq!(r.fused, 2);
        assert_eq!(
            uops(&t),
            [
                Uop::FOR_ITER_RANGE,
                Uop::STORE_FAST,
                Uop::FUSED_BINARY_OP_INT,
                Uop::FUSED_BINARY_OP_INT,
                Uop::JUMP_BACKWARD
            ]
        );
        assert_eq!(t[4].on_jump, Target::Op(0));
    }
}
