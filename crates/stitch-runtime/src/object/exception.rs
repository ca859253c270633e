//! Exception instances: construction, the attributes every exception has (`args`,
//! `__traceback__`, `__cause__`, `__context__`, ...), and the per-type attributes
//! (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`, ...).

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{ExceptionObj, ValueExt, dict, str as pystr, tuple};
use crate::vm::Vm;

/// The exception object, if `v` is one.
pub fn obj(v: Value) -> Option<&'static mut ExceptionObj> {
    v.get::<ExceptionObj>()
}

/// Sets an extra attribute (stored in the exception's dict).
pub fn set_attr(vm: &mut Vm, exc: Value, name: &str, value: Value) {
    let Some(e) = obj(exc) else { return };
    if e.dict.is_null() {
        let d = dict::new(vm);
        obj(exc).expect("exception").dict = d;
    }
    let k = pystr::intern(vm, name);
    dict::set_str(obj(exc).expect("exception").dict, k, value);
}

/// An extra attribute, if set.
pub fn get_attr(vm: &mut Vm, exc: Value, name: &str) -> Option<Value> {
    let e = obj(exc)?;
    if e.dict.is_null() {
        return None;
    }
    let k = pystr::intern(vm, name);
    dict::get_str(e.dict, k)
}

/// Records `name` and `obj` on an AttributeError (for "Did you mean" hints).
pub fn set_attr_error_info(vm: &mut Vm, exc: Value, target: Value, name: Value) {
    set_attr(vm, exc, "name", name);
    set_attr(vm, exc, "obj", target);
}

/// The `args` tuple.
pub fn args(exc: Value) -> &'static [Value] {
    match obj(exc) {
        Some(e) if e.args.is_kind(Kind::Tuple) => tuple::items(e.args),
        _ => &[],
    }
}

/// `str(exc)` for the builtin `BaseException.__str__`.
pub fn default_str(vm: &mut Vm, exc: Value) -> crate::vm::PyResult<String> {
    let a = args(exc).to_vec();
    match a.len() {
        0 => Ok(String::new()),
        1 => vm.str_string(a[0]),
        _ => {
            let t = obj(exc).expect("exception").args;
            vm.repr_string(t)
        }
    }
}
