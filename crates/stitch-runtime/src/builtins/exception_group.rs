//! `except*` support: splitting exception groups by type.

use stitch_core::value::Value;

use crate::vm::{PyResult, Vm};

pub fn check_eg_match(vm: &mut Vm, exc: Value, ty: Value, out: *mut Value) -> PyResult<Value> {
    let _ = (exc, ty, out);
    Err(vm.not_supported("except*"))
}

pub fn prep_reraise_star(vm: &mut Vm, orig: Value, excs: Value) -> PyResult<Value> {
    let _ = (orig, excs);
    Err(vm.not_supported("except*"))
}
