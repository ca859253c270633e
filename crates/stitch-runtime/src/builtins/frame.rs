//! Frame objects (`sys._getframe()`, `tb_frame`) and `locals()`.

use stitch_core::value::Value;

use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{CodeObj, ValueExt, dict, str as pystr};
use crate::vm::{PyResult, Vm};

/// A snapshot of a frame: its code, globals, position and locals.
pub struct FrameObj {
    pub code: Value,
    pub globals: Value,
    pub lasti: u32,
    pub locals: Value,
    pub back: Value,
}

impl NativeData for FrameObj {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark_all(&[self.code, self.globals, self.locals, self.back]);
    }
    fn getattr(&self, vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "f_code" => Some(self.code),
            "f_globals" => Some(self.globals),
            "f_locals" => Some(if self.locals.is_none() { dict::new(vm) } else { self.locals }),
            "f_lineno" => Some(Value::small(unsafe { self.code.raw::<CodeObj>() }.line_of(self.lasti) as i64)),
            "f_lasti" => Some(Value::small(self.lasti as i64 * 2)),
            "f_back" => Some(self.back),
            "f_builtins" => Some(vm.builtins_dict),
            // Snapshots hold no live locals: clear() has nothing to release.
            "clear" => Some(crate::object::function::new_builtin(vm, "clear", frame_clear, _this, 0)),
            _ => None,
        })
    }
    native_any!();
}

fn frame_clear(_vm: &mut Vm, _a: &crate::vm::Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn snapshot(vm: &mut Vm, code: Value, globals: Value, lasti: u32, locals: Value) -> Value {
    let ty = vm.types.frame;
    native::new(vm, ty, Box::new(FrameObj { code, globals, lasti, locals, back: Value::NONE }))
}

/// The locals of the running frame as a new dict (the namespace for module and class
/// code).
pub fn locals_of_running(vm: &mut Vm) -> PyResult<Value> {
    let f = vm.frame;
    if f.is_null() {
        return Ok(dict::new(vm));
    }
    // SAFETY: the running frame is live.
    unsafe {
        if !(*f).ns.is_null() {
            return Ok((*f).ns);
        }
        let code = Value::from_ptr((*f).code).raw::<CodeObj>();
        if code.prefix.flags & stitch_core::layout::code_flags::NAMESPACE != 0 {
            return Ok(Value::from_ptr((*f).globals));
        }
        let d = dict::new(vm);
        let n = code.prefix.nlocalsplus();
        for i in 0..n {
            let mut v = *(*f).locals.add(i);
            let is_cell = i >= code.unit.varnames.len();
            if let Some(c) = v.get::<stitch_core::layout::CellObj>()
                && (is_cell || v.is_kind(stitch_core::layout::Kind::Cell))
            {
                v = c.value;
            }
            if v.is_null() {
                continue;
            }
            let name = code.unit.slot_name(i).to_string();
            let k = pystr::intern(vm, &name);
            dict::set_str(d, k, v);
        }
        Ok(d)
    }
}
