//! Operators: binary, in-place, unary and comparison, with fast paths for builtin
//! types and Python's special-method dispatch (reflected operands, subclasses first,
//! `NotImplemented`).

use std::cmp::Ordering;

use stitch_core::instr::{binop, cmpop, unaryop};
use stitch_core::layout::{Kind, ListObj, TupleObj};
use stitch_core::value::Value;

use super::{PyResult, Vm};
use crate::object::types;
use crate::object::{ValueExt, bytes, float, int, list, str as pystr, tuple};

/// The interned `(__op__, __rop__, __iop__)` names of binary operator `op` (cached in
/// the VM: interning hashes the text).
fn op_names(vm: &mut Vm, op: u32) -> (Value, Value, Value) {
    let slot = op as usize;
    if let Some(Some(names)) = vm.binop_names.get(slot) {
        return *names;
    }
    let (f, r, i) = binop::DUNDERS[slot];
    let names = (
        pystr::intern(vm, f),
        pystr::intern(vm, r),
        pystr::intern(vm, i),
    );
    if vm.binop_names.len() <= slot {
        vm.binop_names.resize(slot + 1, None);
    }
    vm.binop_names[slot] = Some(names);
    names
}

/// `a <op> b` for `BINARY_OP` (in-place forms at `INPLACE + op`).
pub fn binary_op(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = binary_fast(vm, op, a, b)? {
        return Ok(r);
    }
    let inplace = op >= binop::INPLACE;
    let base = op % binop::INPLACE;
    let (fname, rname, iname) = op_names(vm, base);
    if inplace
        && let Some(r) = vm.call_special(a, iname, &[b])?
        && r != vm.not_implemented
    {
        return Ok(r);
    }
    if let Some(r) = binary_dispatch(vm, a, b, fname, rname)? {
        return Ok(r);
    }
    // Sequence repetition and concatenation through the native types of subclasses.
    if let Some(r) = binary_native_fallback(vm, base, a, b)? {
        return Ok(r);
    }
    let sym = binop::SYMBOLS[base as usize];
    let sym = if inplace {
        format!("{sym}=")
    } else {
        sym.to_string()
    };
    if base == binop::POW && !inplace {
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        )));
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

/// `a.__op__(b)` / `b.__rop__(a)` dispatch, subclasses first. `None` if neither
/// side implements it.
pub fn binary_dispatch(
    vm: &mut Vm,
    a: Value,
    b: Value,
    fname: Value,
    rname: Value,
) -> PyResult<Option<Value>> {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let fa = types::lookup(ta, fname);
    let rb = if ta != tb {
        types::lookup(tb, rname)
    } else {
        None
    };
    let mut rb_done = false;
    if let Some(rf) = rb
        && types::is_subtype(tb, ta)
        && types::lookup(ta, rname) != Some(rf)
    {
        rb_done = true;
        let r = call_dunder(vm, rf, b, a)?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fa {
        let r = call_dunder(vm, f, a, b)?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    if let Some(rf) = rb
        && !rb_done
    {
        let r = call_dunder(vm, rf, b, a)?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn call_dunder(vm: &mut Vm, f: Value, a: Value, b: Value) -> PyResult<Value> {
    match f.kind() {
        Some(Kind::Function) | Some(Kind::Builtin) => vm.call(f, &[a, b]),
        _ => {
            let t = vm.type_of(a);
            let bound = vm.descr_get(f, a, t)?;
            vm.call(bound, &[b])
        }
    }
}

/// Builtin fast paths; `None` when the operands need the general path.
pub fn binary_fast(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let base = op % binop::INPLACE;
    let a_int = a.is_small_int() || a.is_kind(Kind::Int) || a.is_bool();
    let b_int = b.is_small_int() || b.is_kind(Kind::Int) || b.is_bool();
    if a_int && b_int {
        if a.is_bool() && b.is_bool() && matches!(base, binop::AND | binop::OR | binop::XOR) {
            let (x, y) = (a.is_true(), b.is_true());
            return Ok(Some(Value::from_bool(match base {
                binop::AND => x & y,
                binop::OR => x | y,
                _ => x ^ y,
            })));
        }
        return int::binary(vm, op, a, b);
    }
    if (a.is_float() && (b.is_float() || b_int)) || (b.is_float() && a_int) {
        let x = if a.is_float() {
            a.as_f64()
        } else {
            int::to_f64(vm, a)?
        };
        let y = if b.is_float() {
            b.as_f64()
        } else {
            int::to_f64(vm, b)?
        };
        return float::binary(vm, op, x, y);
    }
    match (a.kind(), base) {
        (Some(Kind::Str), binop::ADD) => {
            if b.is_kind(Kind::Str) {
                return Ok(Some(pystr::concat(vm, a, b)));
            }
            if pystr::text_of(b).is_none() && vm.lookup_special(b, vm.names.bool_).is_none() {
                let tb = vm.type_of(b);
                if types::lookup(tb, pystr::intern(vm, "__radd__")).is_none() {
                    return Err(vm.type_error(format!(
                        "can only concatenate str (not \"{}\") to str",
                        vm.type_name(b)
                    )));
                }
            }
        }
        (Some(Kind::Str), binop::MOD) => {
            return crate::text::percent::format(vm, a, b).map(Some);
        }
        (Some(Kind::List), binop::ADD) if b.is_kind(Kind::List) => {
            if op >= binop::INPLACE {
                list::extend_from_list(a, b);
                return Ok(Some(a));
            }
            return Ok(Some(list::concat(vm, a, b)));
        }
        (Some(Kind::List), binop::ADD) if op >= binop::INPLACE => {
            let items = vm.collect_iter(b)?;
            let v = list::vec(a);
            for x in items.iter() {
                list::push(v, *x);
            }
            return Ok(Some(a));
        }
        (Some(Kind::Tuple), binop::ADD) if b.is_kind(Kind::Tuple) => {
            return Ok(Some(tuple::concat(vm, a, b)));
        }
        (Some(Kind::Bytes), binop::ADD) if b.is_kind(Kind::Bytes) => {
            let mut all = bytes::data(a).to_vec();
            all.extend_from_slice(bytes::data(b));
            return Ok(Some(bytes::new(vm, &all)));
        }
        _ => {}
    }
    if base == binop::MUL {
        let (seq, n) = if b_int
            && matches!(
                a.kind(),
                Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes)
            ) {
            (a, b)
        } else if a_int
            && matches!(
                b.kind(),
                Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes)
            )
        {
            (b, a)
        } else {
            return Ok(None);
        };
        return repeat(vm, seq, n, op >= binop::INPLACE).map(Some);
    }
    Ok(None)
}

/// `seq * n`.
pub fn repeat(vm: &mut Vm, seq: Value, n: Value, inplace: bool) -> PyResult<Value> {
    let count = match int::to_i64(n) {
        Some(c) => c.max(0) as usize,
        None => {
            if int::to_bigint(n) < num_bigint::BigInt::from(0) {
                0
            } else {
                return Err(vm.overflow_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(n)
                )));
            }
        }
    };
    let unit = match seq.kind() {
        Some(Kind::Str) => pystr::as_str(seq).len(),
        Some(Kind::List) => list::items(seq).len(),
        Some(Kind::Tuple) => tuple::len(seq),
        Some(Kind::Bytes) => bytes::data(seq).len(),
        _ => 0,
    };
    let len = if seq.is_kind(Kind::Str) {
        pystr::char_len(seq)
    } else {
        unit
    };
    if len > 0 && count > isize::MAX as usize / len {
        match seq.kind() {
            Some(Kind::Str) => return Err(vm.overflow_error("repeated string is too long")),
            Some(Kind::Bytes) => return Err(vm.overflow_error("repeated bytes are too long")),
            _ => {}
        }
    }
    if unit > 0 && count > (isize::MAX as usize / 16) / unit {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    Ok(match seq.kind() {
        Some(Kind::Str) => {
            let s = pystr::as_str(seq).repeat(count);
            pystr::new(vm, &s)
        }
        Some(Kind::List) => {
            let items = list::items(seq).to_vec();
            let mut all = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                all.extend_from_slice(&items);
            }
            if inplace {
                list::set_items(list::vec(seq), &all);
                seq
            } else {
                list::new(vm, &all)
            }
        }
        Some(Kind::Tuple) => {
            if count == 1 {
                return Ok(seq);
            }
            let items = tuple::items(seq).to_vec();
            let mut all = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                all.extend_from_slice(&items);
            }
            tuple::new(vm, &all)
        }
        Some(Kind::Bytes) => {
            let b = bytes::data(seq).repeat(count);
            bytes::new(vm, &b)
        }
        _ => unreachable!("repeat of a sequence kind"),
    })
}

/// Operations of builtin types reached through subclass instances.
fn binary_native_fallback(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    let na = super::protocol::native_base(a);
    let nb = super::protocol::native_base(b);
    if (na != a || nb != b) && (na.kind() != Some(Kind::Instance)) {
        return binary_fast(vm, op, na, nb);
    }
    if op == binop::MUL || op == binop::ADD {
        let seqs = |v: Value| {
            matches!(
                v.kind(),
                Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes)
            )
        };
        if op == binop::MUL && (seqs(a) || seqs(b)) {
            let other = if seqs(a) { b } else { a };
            if vm.lookup_special(other, vm.names.index).is_some() {
                let n = vm.index(other)?;
                return repeat(vm, if seqs(a) { a } else { b }, n, false).map(Some);
            }
            return Err(vm.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                vm.type_name(other)
            )));
        }
        if op == binop::ADD && matches!(a.kind(), Some(Kind::List | Kind::Tuple)) {
            let what = if a.is_kind(Kind::List) {
                "list"
            } else {
                "tuple"
            };
            return Err(vm.type_error(format!(
                "can only concatenate {what} (not \"{}\") to {what}",
                vm.type_name(b)
            )));
        }
    }
    Ok(None)
}

/// Unary operator `op` on `v`.
pub fn unary_op(vm: &mut Vm, op: u32, v: Value) -> PyResult<Value> {
    if op == unaryop::NOT {
        return Ok(Value::from_bool(!vm.truth(v)?));
    }
    if v.is_float() {
        let x = v.as_f64();
        return Ok(match op {
            unaryop::NEG => Value::from_f64(-x),
            unaryop::POS => v,
            _ => return Err(vm.type_error("bad operand type for unary ~: 'float'")),
        });
    }
    if v.is_small_int() || v.is_kind(Kind::Int) || v.is_bool() {
        return Ok(match op {
            unaryop::NEG => int::neg(vm, v),
            unaryop::POS => {
                if v.is_bool() {
                    Value::small(v.is_true() as i64)
                } else {
                    v
                }
            }
            _ => int::invert(vm, v),
        });
    }
    let (name, sym) = match op {
        unaryop::NEG => (vm.names.neg, "-"),
        unaryop::POS => (vm.names.pos, "+"),
        _ => (vm.names.invert, "~"),
    };
    if let Some(r) = vm.call_special(v, name, &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        vm.type_name(v)
    )))
}

fn ordering_result(o: Option<Ordering>, op: u32) -> Value {
    let b = match o {
        None => op == cmpop::NE,
        Some(o) => match op {
            cmpop::LT => o == Ordering::Less,
            cmpop::LE => o != Ordering::Greater,
            cmpop::EQ => o == Ordering::Equal,
            cmpop::NE => o != Ordering::Equal,
            cmpop::GT => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    };
    Value::from_bool(b)
}

/// Comparisons of builtin values without calling Python; `None` otherwise.
pub fn compare_fast(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Option<Value>> {
    let a_int = a.is_small_int() || a.is_kind(Kind::Int) || a.is_bool();
    let b_int = b.is_small_int() || b.is_kind(Kind::Int) || b.is_bool();
    if a_int && b_int {
        return Ok(Some(ordering_result(Some(int::cmp(a, b)), op)));
    }
    if a.is_float() && b.is_float() {
        return Ok(Some(ordering_result(
            a.as_f64().partial_cmp(&b.as_f64()),
            op,
        )));
    }
    if a.is_float() && b_int {
        return Ok(Some(ordering_result(
            float::cmp_float_int(a.as_f64(), b),
            op,
        )));
    }
    if a_int && b.is_float() {
        return Ok(Some(ordering_result(
            float::cmp_float_int(b.as_f64(), a).map(Ordering::reverse),
            op,
        )));
    }
    match (a.kind(), b.kind()) {
        (Some(Kind::Str), Some(Kind::Str)) => Ok(Some(ordering_result(
            Some(pystr::as_str(a).cmp(pystr::as_str(b))),
            op,
        ))),
        (Some(Kind::Bytes), Some(Kind::Bytes)) => Ok(Some(ordering_result(
            Some(bytes::data(a).cmp(bytes::data(b))),
            op,
        ))),
        (Some(Kind::List), Some(Kind::List)) | (Some(Kind::Tuple), Some(Kind::Tuple)) => {
            compare_sequences(vm, a, b, op).map(Some)
        }
        (Some(Kind::Dict), Some(Kind::Dict)) if op == cmpop::EQ || op == cmpop::NE => {
            let eq = crate::builtins::dict_eq(vm, a, b)?;
            Ok(Some(Value::from_bool(eq == (op == cmpop::EQ))))
        }
        _ => {
            if a.is_none() && b.is_none() {
                return Ok(match op {
                    cmpop::EQ => Some(Value::TRUE),
                    cmpop::NE => Some(Value::FALSE),
                    _ => None,
                });
            }
            Ok(None)
        }
    }
}

/// The order of two values Rust compares without running Python code — small ints,
/// floats, strs — as `Some(ordering)` (`Some(None)` for a NaN); `None` for other
/// pairs.
#[inline]
pub fn primitive_cmp(x: Value, y: Value) -> Option<Option<Ordering>> {
    if x.is_small_int() && y.is_small_int() {
        return Some(Some(x.small_value().cmp(&y.small_value())));
    }
    if x.is_float() && y.is_float() {
        return Some(x.as_f64().partial_cmp(&y.as_f64()));
    }
    if x.is_kind(Kind::Str) && y.is_kind(Kind::Str) {
        if pystr::eq(x, y) {
            return Some(Some(Ordering::Equal));
        }
        return Some(Some(pystr::as_str(x).cmp(pystr::as_str(y))));
    }
    None
}

/// Three-way comparison of two lists or two tuples (same kind) whose items, down to
/// the first difference, are primitives or such nested sequences: what `==` then
/// `op` on the first differing items would give, with no Python code to run.
/// `None` when some item needs Python's protocol (the caller then takes the
/// general path); `Some(None)` for unordered (a NaN).
pub fn nested_seq_cmp(x: Value, y: Value, depth: u32) -> Option<Option<Ordering>> {
    let both = (x.is_kind(Kind::Tuple) && y.is_kind(Kind::Tuple))
        || (x.is_kind(Kind::List) && y.is_kind(Kind::List));
    if !both || depth > 8 {
        return None;
    }
    let (xs, ys) = (seq_view(x), seq_view(y));
    for (&p, &q) in xs.iter().zip(ys) {
        if p == q {
            continue;
        }
        match primitive_cmp(p, q).or_else(|| nested_seq_cmp(p, q, depth + 1))? {
            Some(Ordering::Equal) => continue,
            other => return Some(other),
        }
    }
    Some(Some(xs.len().cmp(&ys.len())))
}

/// Whether an ordering satisfies comparison `op` (false for unordered).
#[inline]
pub fn ordering_holds(ord: Option<Ordering>, op: u32) -> bool {
    ordering_result(ord, op).is_true()
}

/// The current items of a list or tuple (a view: re-read after running Python code).
#[inline]
fn seq_view(v: Value) -> &'static [Value] {
    if v.is_kind(Kind::List) {
        unsafe { v.raw::<ListObj>() }.items.as_slice()
    } else {
        unsafe { v.raw::<TupleObj>() }.as_slice()
    }
}

/// Lexicographic comparison of two lists or two tuples. Items are read afresh at
/// each step, as list items may change while `__eq__` runs.
fn compare_sequences(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Value> {
    if a == b && (op == cmpop::EQ || op == cmpop::LE || op == cmpop::GE) {
        // Same object: equal (identity implies equality for containers).
        return Ok(Value::TRUE);
    }
    if (op == cmpop::EQ || op == cmpop::NE) && seq_view(a).len() != seq_view(b).len() {
        return Ok(Value::from_bool(op == cmpop::NE));
    }
    vm.enter_recursion(" in comparison")?;
    let mut i = 0;
    let r = loop {
        let (xs, ys) = (seq_view(a), seq_view(b));
        if i >= xs.len() || i >= ys.len() {
            break Ok(ordering_result(Some(xs.len().cmp(&ys.len())), op));
        }
        let (x, y) = (xs[i], ys[i]);
        if x == y {
            i += 1;
            continue;
        }
        if let Some(ord) = primitive_cmp(x, y).or_else(|| nested_seq_cmp(x, y, 0)) {
            if ord == Some(Ordering::Equal) {
                i += 1;
                continue;
            }
            break Ok(match op {
                cmpop::EQ => Value::FALSE,
                cmpop::NE => Value::TRUE,
                _ => ordering_result(ord, op),
            });
        }
        let same = vm.eq_bool(x, y);
        match same {
            Ok(true) => i += 1,
            Ok(false) => {
                break match op {
                    cmpop::EQ => Ok(Value::FALSE),
                    cmpop::NE => Ok(Value::TRUE),
                    _ => vm.compare(x, y, op),
                };
            }
            Err(e) => break Err(e),
        }
    };
    vm.leave_recursion();
    r
}
