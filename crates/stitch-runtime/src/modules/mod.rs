//! Native modules (written in Rust): their registry and creation on first import.

pub mod io;
pub mod libm;
pub mod math;
pub mod math_gamma;
pub mod math_int;
pub mod namespace;
pub mod structseq;
pub mod sys;
pub mod sys_info;
pub mod time;
pub mod util;

use stitch_core::value::Value;

use crate::vm::{PyResult, Vm};

/// Native modules by name, created on first import.
pub const NATIVE: &[(&str, fn(&mut Vm) -> PyResult<Value>)] = &[("math", math::init), ("time", time::init)];

/// Creates sys and the standard streams.
pub fn init(vm: &mut Vm) {
    io::init(vm);
    sys::init(vm);
}

/// The native module `name`, created if it exists.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    for (n, f) in NATIVE {
        if *n == name {
            return f(vm).map(Some);
        }
    }
    Ok(None)
}
