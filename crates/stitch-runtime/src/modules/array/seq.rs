//! The sequence side of `array.array`: length, indexing and slicing (get, set,
//! delete), membership, concatenation, repetition and rich comparisons.

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::{Array, extend_with, me, new_array};
use crate::builtins::add_methods;
use crate::modules::util::payload;
use crate::object::function::NativeFn;
use crate::object::{int, list, slice};
use crate::vm::{Args, PyResult, Vm};

pub fn add(vm: &mut Vm, t: Value) {
    let defs: &[(&'static str, NativeFn)] = &[
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__add__", add_),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    add_methods(vm, t, defs);
}

/// A Py_ssize_t argument (`__index__`), with CPython's messages.
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    int::to_i64(n).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            a.pos.len().saturating_sub(1)
        )));
    }
    let _ = name;
    Ok(a.pos[1])
}

/// `x == y` for an array item `x` (a fresh object in CPython: no identity shortcut).
pub fn item_eq(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    if x.is_float() {
        let r = vm.compare(x, y, cmpop::EQ)?;
        return vm.truth(r);
    }
    vm.eq_bool(x, y)
}

/// An index: `Ok(None)` for slices.
fn item_index(vm: &mut Vm, k: Value) -> PyResult<Option<i64>> {
    if slice::as_slice(k).is_some() {
        return Ok(None);
    }
    if k.is_small_int() {
        return Ok(Some(k.small_value()));
    }
    let has_index = !k.is_float()
        && (int::is_int(k) || k.is_bool() || vm.lookup_special(k, vm.names.index).is_some());
    if !has_index {
        return Err(vm.type_error("array indices must be integers"));
    }
    let n = vm.index(k)?;
    match int::to_i64(n) {
        Some(i) => Ok(Some(i)),
        None => Err(vm.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(k)
        ))),
    }
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__len__")?;
    Ok(Value::small(arr.len() as i64))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__getitem__")?;
    let k = arg(vm, a, "__getitem__")?;
    match item_index(vm, k)? {
        Some(i) => match list::position(i, arr.len()) {
            Some(j) => Ok(arr.item(vm, j)),
            None => Err(vm.index_error("array index out of range")),
        },
        None => {
            let (start, _stop, step, n) = slice::indices(vm, k, arr.len())?;
            let s = arr.isz();
            let src = arr.bytes();
            let mut out = Vec::with_capacity(n * s);
            for j in 0..n {
                let at = (start + j as i64 * step) as usize * s;
                if let Some(b) = src.get(at..at + s) {
                    out.extend_from_slice(b);
                }
            }
            Ok(new_array(vm, arr.code, out))
        }
    }
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__setitem__")?;
    if a.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    }
    let (k, v) = (a.pos[1], a.pos[2]);
    match item_index(vm, k)? {
        Some(i) => {
            let Some(j) = list::position(i, arr.len()) else {
                return Err(vm.index_error("array assignment index out of range"));
            };
            let b = arr.encode(vm, v)?;
            let s = arr.isz();
            if let Some(dst) = arr.bytes_mut().get_mut(j * s..(j + 1) * s) {
                dst.copy_from_slice(&b);
            }
            Ok(Value::NONE)
        }
        None => {
            let Some(src) = payload::<Array>(v) else {
                return Err(vm.type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(v)
                )));
            };
            if src.code != arr.code {
                return Err(vm.type_error("bad argument type for built-in operation"));
            }
            let new = src.bytes().to_vec();
            assign_slice(vm, arr, k, Some(new))?;
            Ok(Value::NONE)
        }
    }
}

/// `arr[sl] = new` (raw bytes of the same typecode), or `del arr[sl]` for None.
fn assign_slice(vm: &mut Vm, arr: &Array, sl: Value, new: Option<Vec<u8>>) -> PyResult<()> {
    let (start, stop, step, n) = slice::indices(vm, sl, arr.len())?;
    let s = arr.isz();
    let data = arr.bytes_mut();
    let len = data.len() / s;
    if step == 1 || (new.is_none() && n == 0) {
        let lo = (start.clamp(0, len as i64)) as usize;
        let hi = (stop.clamp(lo as i64, len as i64)) as usize;
        data.splice(lo * s..hi * s, new.unwrap_or_default());
        return Ok(());
    }
    let targets: Vec<usize> = (0..n).map(|j| (start + j as i64 * step) as usize).collect();
    match new {
        None => {
            let mut doomed = targets;
            doomed.sort_unstable();
            let keep: Vec<u8> = data
                .chunks(s)
                .enumerate()
                .filter(|(i, _)| doomed.binary_search(i).is_err())
                .flat_map(|(_, c)| c.iter().copied())
                .collect();
            *data = keep;
        }
        Some(new) => {
            if new.len() / s != n {
                return Err(vm.value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {}",
                    new.len() / s,
                    n
                )));
            }
            for (t, chunk) in targets.iter().zip(new.chunks(s)) {
                if let Some(dst) = data.get_mut(t * s..(t + 1) * s) {
                    dst.copy_from_slice(chunk);
                }
            }
        }
    }
    Ok(())
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__delitem__")?;
    let k = arg(vm, a, "__delitem__")?;
    match item_index(vm, k)? {
        Some(i) => {
            let Some(j) = list::position(i, arr.len()) else {
                return Err(vm.index_error("array assignment index out of range"));
            };
            let s = arr.isz();
            arr.bytes_mut().drain(j * s..(j + 1) * s);
        }
        None => assign_slice(vm, arr, k, None)?,
    }
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__contains__")?;
    let x = arg(vm, a, "__contains__")?;
    let mut i = 0;
    while i < arr.len() {
        let v = arr.item(vm, i);
        if item_eq(vm, v, x)? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn add_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__add__")?;
    let o = arg(vm, a, "__add__")?;
    let Some(other) = payload::<Array>(o) else {
        return Err(vm.type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(o)
        )));
    };
    if other.code != arr.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut data = arr.bytes().to_vec();
    data.extend_from_slice(other.bytes());
    Ok(new_array(vm, arr.code, data))
}

fn count_arg(vm: &mut Vm, n: Value) -> PyResult<i64> {
    let ok = !n.is_float()
        && (int::is_int(n) || n.is_bool() || vm.lookup_special(n, vm.names.index).is_some());
    if !ok {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let i = vm.index(n)?;
    match int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(vm.overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(n)
        ))),
    }
}

fn repeated(vm: &mut Vm, data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if n <= 0 || data.is_empty() {
        return Ok(Vec::new());
    }
    let total = (data.len() as u128) * (n as u128);
    if total > usize::MAX as u128 || !super::buffer::can_allocate(total as usize) {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    let total = total as usize;
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    // Copies doubling in size.
    out.extend_from_slice(data);
    while out.len() < total {
        let k = out.len().min(total - out.len());
        out.extend_from_within(..k);
    }
    Ok(out)
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__mul__")?;
    let o = arg(vm, a, "__mul__")?;
    let n = count_arg(vm, o)?;
    let data = repeated(vm, arr.bytes(), n)?;
    Ok(new_array(vm, arr.code, data))
}

fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__iadd__")?;
    let o = arg(vm, a, "__iadd__")?;
    if payload::<Array>(o).is_none() {
        return Err(vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(o)
        )));
    }
    extend_with(vm, arr, o)?;
    Ok(a.pos[0])
}

fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__imul__")?;
    let o = arg(vm, a, "__imul__")?;
    let n = count_arg(vm, o)?;
    let data = repeated(vm, arr.bytes(), n)?;
    *arr.bytes_mut() = data;
    Ok(a.pos[0])
}

fn compare(vm: &mut Vm, a: &Args, op: u32) -> PyResult<Value> {
    let arr = me(vm, a, cmpop::DUNDERS[op as usize])?;
    let o = arg(vm, a, "compare")?;
    let Some(other) = payload::<Array>(o) else {
        return Ok(vm.not_implemented);
    };
    let (n, m) = (arr.len(), other.len());
    if n != m && (op == cmpop::EQ || op == cmpop::NE) {
        return Ok(Value::from_bool(op == cmpop::NE));
    }
    let mut i = 0;
    while i < n.min(m) && i < arr.len() && i < other.len() {
        let x = arr.item(vm, i);
        let y = other.item(vm, i);
        if !item_eq(vm, x, y)? {
            return match op {
                cmpop::EQ => Ok(Value::FALSE),
                cmpop::NE => Ok(Value::TRUE),
                _ => vm.compare(x, y, op),
            };
        }
        i += 1;
    }
    let r = match op {
        cmpop::LT => n < m,
        cmpop::LE => n <= m,
        cmpop::EQ => n == m,
        cmpop::NE => n != m,
        cmpop::GT => n > m,
        _ => n >= m,
    };
    Ok(Value::from_bool(r))
}

fn lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LT)
}
fn le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::LE)
}
fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::EQ)
}
fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::NE)
}
fn gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GT)
}
fn ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, cmpop::GE)
}
