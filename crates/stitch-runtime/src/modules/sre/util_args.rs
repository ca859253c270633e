//! Argument conversions shared by the pattern and match methods.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{dict, int};
use crate::vm::{PyErr, PyResult, Vm};

pub fn no_such_group(vm: &mut Vm) -> PyErr {
    vm.index_error("no such group")
}

/// True when `v` supports `__index__` (CPython's `PyIndex_Check`).
pub fn is_index(vm: &Vm, v: Value) -> bool {
    int::is_int(v) || int::native(v).is_some() || (!v.is_float() && vm.lookup_special(v, vm.names.index).is_some())
}

/// The group number `g` designates (an index or a name of `groupindex`); `None`
/// when there is no such group (CPython's `match_getindex`).
pub fn group_index(vm: &mut Vm, groupindex: Value, g: Value) -> PyResult<Option<usize>> {
    if g.is_small_int() {
        return Ok(usize::try_from(g.small_value()).ok());
    }
    if g.is_kind(Kind::Str) {
        if groupindex.is_null() {
            return Ok(None);
        }
        return Ok(match dict::get(vm, groupindex, g)? {
            Some(i) if int::is_int(i) || int::native(i).is_some() => usize::try_from(int::to_i64_clamped(i)).ok(),
            _ => None,
        });
    }
    if is_index(vm, g) {
        let i = vm.index(g)?;
        let i = int::to_i64_clamped(i);
        return Ok(usize::try_from(i).ok());
    }
    if groupindex.is_null() {
        return Ok(None);
    }
    match dict::get(vm, groupindex, g)? {
        Some(i) if int::is_int(i) || int::native(i).is_some() => Ok(usize::try_from(int::to_i64_clamped(i)).ok()),
        _ => Ok(None),
    }
}

/// A `Py_ssize_t` argument (`default` when absent).
pub fn ssize(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    vm.index_value(v)
}
