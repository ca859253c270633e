//! Runtime support of the `match` statement.

use stitch_core::value::Value;

use crate::vm::{PyResult, Vm};

pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, names: Value, nargs: u32) -> PyResult<Value> {
    let _ = (subject, cls, names, nargs);
    Err(vm.not_supported("the match statement"))
}

pub fn match_mapping(vm: &mut Vm, subject: Value) -> PyResult<Value> {
    let _ = subject;
    Err(vm.not_supported("the match statement"))
}

pub fn match_sequence(vm: &mut Vm, subject: Value) -> PyResult<Value> {
    let _ = subject;
    Err(vm.not_supported("the match statement"))
}

pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let _ = (subject, keys);
    Err(vm.not_supported("the match statement"))
}

pub fn copy_dict_without_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let _ = (subject, keys);
    Err(vm.not_supported("the match statement"))
}
