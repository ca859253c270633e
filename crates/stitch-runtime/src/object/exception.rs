//! Exception instances: construction, the attributes every exception has (`args`,
//! `__traceback__`, `__cause__`, `__context__`, ...), and the per-type attributes
//! (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`, ...).
//!
//! The per-type attributes CPython keeps in C fields are kept in a separate dict
//! (`attrs`), so that `__dict__` only holds what the program set itself.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{ExceptionObj, ValueExt, dict, str as pystr, tuple};
use crate::vm::Vm;

/// The exception object, if `v` is one.
pub fn obj(v: Value) -> Option<&'static mut ExceptionObj> {
    v.get::<ExceptionObj>()
}

/// Attributes CPython keeps outside the instance dict (each has a descriptor on
/// its type).
const SLOTS: &[&str] = &[
    "name",
    "obj",
    "msg",
    "path",
    "errno",
    "strerror",
    "filename",
    "filename2",
    "characters_written",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
    "print_file_and_line",
    "value",
    "code",
];

fn is_slot(name: &str) -> bool {
    SLOTS.contains(&name)
}

/// Sets an attribute (a per-type one, or one in the exception's dict).
pub fn set_attr(vm: &mut Vm, exc: Value, name: &str, value: Value) {
    let Some(e) = obj(exc) else { return };
    let slot = is_slot(name);
    let d = if slot { e.attrs } else { e.dict };
    let d = if d.is_null() {
        let d = dict::new(vm);
        let Some(e) = obj(exc) else { return };
        if slot {
            e.attrs = d;
        } else {
            e.dict = d;
        }
        d
    } else {
        d
    };
    let k = pystr::intern(vm, name);
    dict::set_str(d, k, value);
}

/// An attribute set with [`set_attr`], if set.
pub fn get_attr(vm: &mut Vm, exc: Value, name: &str) -> Option<Value> {
    let e = obj(exc)?;
    let d = if is_slot(name) { e.attrs } else { e.dict };
    if d.is_null() {
        return None;
    }
    let k = pystr::intern(vm, name);
    dict::get_str(d, k)
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
            let t = obj(exc).map(|o| o.args).unwrap_or(Value::NONE);
            vm.repr_string(t)
        }
    }
}
