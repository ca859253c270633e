//! `range` and `slice` methods, and the range iterators' methods.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use stitch_core::instr::cmpop;
use stitch_core::layout::{Kind, RangeIterObj};
use stitch_core::value::Value;

use super::{no_args, one_arg, slot_args};
use crate::builtins::{add_methods, add_static};
use crate::object::range::{self, BigRangeIter, Range};
use crate::object::{ValueExt, dict, int, native, slice, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let r = vm.types.range;
    add_static(vm, r, &[("__new__", range_new)]);
    add_methods(
        vm,
        r,
        &[
            ("__repr__", range_repr),
            ("__len__", range_len),
            ("__bool__", range_bool),
            ("__getitem__", range_getitem),
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__contains__", range_contains),
            ("__eq__", range_eq),
            ("__ne__", range_ne),
            ("__hash__", range_hash),
            ("__reduce__", range_reduce),
            ("count", range_count),
            ("index", range_index),
        ],
    );
    crate::builtins::add_getsets(
        vm,
        r,
        &[
            ("start", range_start, None),
            ("stop", range_stop, None),
            ("step", range_step, None),
        ],
    );
    let sl = vm.types.slice;
    add_static(vm, sl, &[("__new__", slice_new)]);
    crate::builtins::add_getsets(
        vm,
        sl,
        &[
            ("start", slice_start, None),
            ("stop", slice_stop, None),
            ("step", slice_step, None),
        ],
    );
    add_methods(
        vm,
        sl,
        &[
            ("__repr__", slice_repr),
            ("__eq__", slice_eq),
            ("__ne__", slice_ne),
            ("__lt__", slice_lt),
            ("__le__", slice_le),
            ("__gt__", slice_gt),
            ("__ge__", slice_ge),
            ("__reduce__", slice_reduce),
            ("indices", slice_indices),
        ],
    );
    dict::set_str(types::ty(sl).dict, vm.names.hash, Value::NONE);
    let ri = vm.types.range_iterator;
    let lri = vm.registry["longrange_iterator"];
    for ty in [ri, lri] {
        add_methods(vm, ty, &[("__length_hint__", range_iter_length_hint)]);
    }
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<&'static Range> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match range::parts(v) {
        Some(r) => Ok(r),
        None => Err(super::wrong_self(vm, "range", v)),
    }
}

/// A `range` attribute (`start`, `stop`, `step`).
fn field(vm: &mut Vm, v: Value, f: fn(&Range) -> Value) -> PyResult<Value> {
    match range::parts(v) {
        Some(r) => Ok(f(r)),
        None => Err(super::wrong_self(vm, "range", v)),
    }
}

/// A `slice` attribute (`start`, `stop`, `step`).
fn slice_field(vm: &mut Vm, v: Value, f: fn(&slice::Slice) -> Value) -> PyResult<Value> {
    match native::downcast::<slice::Slice>(v) {
        Some(s) => Ok(f(s)),
        None => Err(super::wrong_self(vm, "slice", v)),
    }
}

fn range_start(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |r| r.start)
}
fn range_stop(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |r| r.stop)
}
fn range_step(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |r| r.step)
}
fn slice_start(vm: &mut Vm, v: Value) -> PyResult<Value> {
    slice_field(vm, v, |s| s.start)
}
fn slice_stop(vm: &mut Vm, v: Value) -> PyResult<Value> {
    slice_field(vm, v, |s| s.stop)
}
fn slice_step(vm: &mut Vm, v: Value) -> PyResult<Value> {
    slice_field(vm, v, |s| s.step)
}

fn range_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index(v)
}

fn range_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::new_cls(vm, a, vm.types.range)?;
    if a.has_kwargs() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let rest = &a.pos[1..];
    let (start, stop, step) = match rest.len() {
        1 => (Value::small(0), range_arg(vm, rest[0])?, Value::small(1)),
        2 => (
            range_arg(vm, rest[0])?,
            range_arg(vm, rest[1])?,
            Value::small(1),
        ),
        3 => (
            range_arg(vm, rest[0])?,
            range_arg(vm, rest[1])?,
            range_arg(vm, rest[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if int::cmp(step, Value::small(0)).is_eq() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(range::new(vm, start, stop, step))
}

fn range_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = this(vm, a)?;
    let (s, e) = (vm.repr_string(r.start)?, vm.repr_string(r.stop)?);
    let text = if int::cmp(r.step, Value::small(1)).is_eq() {
        format!("range({s}, {e})")
    } else {
        format!("range({s}, {e}, {})", vm.repr_string(r.step)?)
    };
    Ok(pystr::new(vm, &text))
}

fn range_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let r = this(vm, a)?;
    match range::length(r).to_i64() {
        Some(x) => Ok(int::from_i64(vm, x)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let r = this(vm, a)?;
    Ok(Value::from_bool(!range::length(r).is_zero()))
}

fn range_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = one_arg(vm, a, "range.__getitem__")?;
    let r = this(vm, a)?;
    let n = range::length(r);
    if slice::as_slice(k).is_some() {
        let (start, stop, step) = slice::indices_big(vm, k, &n)?;
        let (r_start, r_step) = (int::to_bigint(r.start), int::to_bigint(r.step));
        let s = int::from_bigint(vm, &r_start + start * &r_step);
        let e = int::from_bigint(vm, &r_start + stop * &r_step);
        let st = int::from_bigint(vm, step * r_step);
        return Ok(range::new(vm, s, e, st));
    }
    let i = if k.is_small_int() {
        BigInt::from(k.small_value())
    } else {
        let ok =
            !k.is_float() && (int::is_int(k) || vm.lookup_special(k, vm.names.index).is_some());
        if !ok {
            return Err(vm.type_error(format!(
                "range indices must be integers or slices, not {}",
                vm.type_name(k)
            )));
        }
        let v = vm.index(k)?;
        int::to_bigint(v)
    };
    let pos = if i.is_negative() { &i + &n } else { i };
    if pos.is_negative() || pos >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(range::item(vm, r, &pos))
}

fn range_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    this(vm, a)?;
    match range::iter_fast(vm, a.pos[0]) {
        Some(it) => Ok(it),
        None => Err(vm.type_error("'range' object is not iterable")),
    }
}

fn range_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "range.__reversed__")?;
    let r = this(vm, a)?;
    Ok(range::reversed(vm, r))
}

/// Exact ints and bools use arithmetic; anything else is compared item by item.
fn int_like(vm: &Vm, x: Value) -> bool {
    x.is_small_int() || x.is_bool() || (x.is_kind(Kind::Int) && vm.type_of(x) == vm.types.int)
}

/// How often `x` occurs, by iteration (stopping at the first match when `first`),
/// and the position of the first match.
fn search(vm: &mut Vm, rv: Value, x: Value, first: bool) -> PyResult<(u64, Option<u64>)> {
    let it = vm.iter(rv)?;
    let (mut count, mut pos, mut found) = (0u64, 0u64, None);
    while let Some(y) = vm.next(it)? {
        if super::same_or_eq(vm, y, x)? {
            count += 1;
            found.get_or_insert(pos);
            if first {
                break;
            }
        }
        pos += 1;
    }
    Ok((count, found))
}

fn range_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let r = this(vm, a)?;
    let x = a.pos[1];
    if int_like(vm, x) {
        return Ok(Value::from_bool(range::contains_int(r, x)));
    }
    let (n, _) = search(vm, a.pos[0], x, true)?;
    Ok(Value::from_bool(n > 0))
}

fn range_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "range.count")?;
    let r = this(vm, a)?;
    if int_like(vm, x) {
        return Ok(Value::small(range::contains_int(r, x) as i64));
    }
    let (n, _) = search(vm, a.pos[0], x, false)?;
    Ok(int::from_u64(vm, n))
}

fn range_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "range.index")?;
    let r = this(vm, a)?;
    if int_like(vm, x) {
        if range::contains_int(r, x) {
            let p = range::position_of(r, x);
            return Ok(int::from_bigint(vm, p));
        }
        let s = vm.repr_string(x)?;
        return Err(vm.value_error(format!("{s} is not in range")));
    }
    match search(vm, a.pos[0], x, true)? {
        (_, Some(p)) => Ok(int::from_u64(vm, p)),
        _ => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range == range`: equal as sequences.
fn ranges_equal(a: &Range, b: &Range) -> bool {
    let (la, lb) = (range::length(a), range::length(b));
    if la != lb {
        return false;
    }
    if la.is_zero() {
        return true;
    }
    if int::to_bigint(a.start) != int::to_bigint(b.start) {
        return false;
    }
    la == BigInt::from(1) || int::to_bigint(a.step) == int::to_bigint(b.step)
}

fn range_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let r = this(vm, a)?;
    match range::parts(a.pos[1]) {
        Some(o) => Ok(Value::from_bool(ranges_equal(r, o))),
        None => Ok(vm.not_implemented),
    }
}

fn range_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let r = this(vm, a)?;
    match range::parts(a.pos[1]) {
        Some(o) => Ok(Value::from_bool(!ranges_equal(r, o))),
        None => Ok(vm.not_implemented),
    }
}

fn range_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slot_args(vm, a, 0)?;
    let r = this(vm, a)?;
    let n = range::length(r);
    let len = int::from_bigint(vm, n.clone());
    let t = if n.is_zero() {
        tuple::new(vm, &[len, Value::NONE, Value::NONE])
    } else if n == BigInt::from(1) {
        tuple::new(vm, &[len, r.start, Value::NONE])
    } else {
        tuple::new(vm, &[len, r.start, r.step])
    };
    let h = vm.hash(t)?;
    Ok(int::from_i64(vm, h))
}

fn range_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "range.__reduce__")?;
    let r = this(vm, a)?;
    let args = tuple::new(vm, &[r.start, r.stop, r.step]);
    let ty = vm.types.range;
    Ok(tuple::new(vm, &[ty, args]))
}

fn range_iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__length_hint__")?;
    let v = a.pos[0];
    if let Some(it) = v.get::<RangeIterObj>() {
        return Ok(int::from_u64(vm, it.remaining));
    }
    match native::downcast::<BigRangeIter>(v) {
        Some(it) => {
            let n = it.remaining().max(BigInt::zero());
            Ok(int::from_bigint(vm, n))
        }
        None => Ok(Value::small(0)),
    }
}

// ---- slice ----

fn slice_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::new_cls(vm, a, vm.types.slice)?;
    if a.has_kwargs() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let r = &a.pos[1..];
    let (s, e, st) = match r.len() {
        1 => (Value::NONE, r[0], Value::NONE),
        2 => (r[0], r[1], Value::NONE),
        3 => (r[0], r[1], r[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(slice::new(vm, s, e, st))
}

fn sthis(vm: &mut Vm, a: &Args) -> PyResult<&'static slice::Slice> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    match native::downcast::<slice::Slice>(v) {
        Some(s) => Ok(s),
        None => Err(super::wrong_self(vm, "slice", v)),
    }
}

fn slice_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sthis(vm, a)?;
    let text = format!(
        "slice({}, {}, {})",
        vm.repr_string(s.start)?,
        vm.repr_string(s.stop)?,
        vm.repr_string(s.step)?
    );
    Ok(pystr::new(vm, &text))
}

/// Slices compare as the tuples `(start, stop, step)`.
fn slice_compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    slot_args(vm, a, 1)?;
    let s = sthis(vm, a)?;
    let Some(o) = native::downcast::<slice::Slice>(a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    if a.pos[0] == a.pos[1] && matches!(op, cmpop::EQ | cmpop::LE | cmpop::GE) {
        return Ok(Value::TRUE);
    }
    let x = tuple::new(vm, &[s.start, s.stop, s.step]);
    let y = tuple::new(vm, &[o.start, o.stop, o.step]);
    vm.compare(x, y, op)
}

fn slice_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::EQ)
}
fn slice_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::NE)
}
fn slice_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::LT)
}
fn slice_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::LE)
}
fn slice_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::GT)
}
fn slice_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    slice_compare(vm, a, cmpop::GE)
}

fn slice_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "slice.__reduce__")?;
    let s = sthis(vm, a)?;
    let args = tuple::new(vm, &[s.start, s.stop, s.step]);
    let ty = vm.types.slice;
    Ok(tuple::new(vm, &[ty, args]))
}

fn slice_indices(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = one_arg(vm, a, "slice.indices")?;
    sthis(vm, a)?;
    let n = if n.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    } else {
        vm.index(n)?
    };
    let len = int::to_bigint(n);
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = slice::indices_big(vm, a.pos[0], &len)?;
    let items = [
        int::from_bigint(vm, start),
        int::from_bigint(vm, stop),
        int::from_bigint(vm, step),
    ];
    Ok(tuple::new(vm, &items))
}
