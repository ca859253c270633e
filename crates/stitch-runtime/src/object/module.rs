//! Module objects.

use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::{ModuleObj, ValueExt, dict, str as pystr};
use crate::vm::Vm;

/// A new module named `name` with a fresh namespace.
pub fn new(vm: &mut Vm, name: &str) -> Value {
    let d = dict::new(vm);
    let n = pystr::new(vm, name);
    dict::set_str(d, vm.names.name, n);
    dict::set_str(d, vm.names.doc, Value::NONE);
    let package = pystr::intern(vm, "__package__");
    dict::set_str(d, package, Value::NONE);
    let loader = pystr::intern(vm, "__loader__");
    dict::set_str(d, loader, Value::NONE);
    let spec = pystr::intern(vm, "__spec__");
    dict::set_str(d, spec, Value::NONE);
    with_dict(vm, d)
}

/// A module object around an existing namespace dict.
pub fn with_dict(vm: &mut Vm, d: Value) -> Value {
    let ty = vm.types.module;
    vm.alloc_obj(
        ty,
        ModuleObj {
            header: Header::new(Kind::Module),
            dict: d,
        },
    )
}

pub fn dict_of(m: Value) -> Value {
    unsafe { m.raw::<ModuleObj>() }.dict
}

/// Sets `module.name = value`.
pub fn set(vm: &mut Vm, m: Value, name: &str, value: Value) {
    let k = pystr::intern(vm, name);
    dict::set_str(dict_of(m), k, value);
}

/// `module.name`, if set.
pub fn get(vm: &mut Vm, m: Value, name: &str) -> Option<Value> {
    let k = pystr::intern(vm, name);
    dict::get_str(dict_of(m), k)
}
