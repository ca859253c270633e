//! Raising exceptions from Rust: constructors for the common error types, implicit
//! chaining (`__context__`), and `str(exception)`.

use stitch_core::layout::{Header, Kind};
use stitch_core::value::Value;

use super::{PyErr, PyResult, Vm};
use crate::object::{ExceptionObj, ValueExt, str as pystr, tuple, types};

impl Vm {
    /// A new exception instance of the builtin-layout type `ty` with `args`.
    pub fn new_exception(&mut self, ty: Value, args: &[Value]) -> Value {
        let t = tuple::new(self, args);
        self.alloc_obj(
            ty,
            ExceptionObj {
                header: Header::new(Kind::Exception),
                args: t,
                traceback: Value::NONE,
                cause: Value::NULL,
                context: Value::NULL,
                suppress_context: false,
                dict: Value::NULL,
                attrs: Value::NULL,
            },
        )
    }

    /// Raises `ty(msg)`, chained to the exception being handled.
    pub fn new_error(&mut self, ty: Value, msg: impl Into<String>) -> PyErr {
        let m = msg.into();
        let s = pystr::new(self, &m);
        let e = self.new_exception(ty, &[s]);
        self.set_context(e);
        PyErr(e)
    }

    /// Raises `ty(*args)`.
    pub fn new_error_args(&mut self, ty: Value, args: &[Value]) -> PyErr {
        let e = self.new_exception(ty, args);
        self.set_context(e);
        PyErr(e)
    }

    /// Sets `exc.__context__` to the exception being handled (breaking cycles).
    pub fn set_context(&mut self, exc: Value) {
        let ctx = self.exc_info;
        if ctx.is_null() || ctx.is_none() || ctx == exc || !exc.is_kind(Kind::Exception) {
            return;
        }
        // Break a cycle: if exc is already in ctx's context chain, cut it there.
        let mut o = ctx;
        let mut steps = 0;
        while let Some(e) = o.get::<ExceptionObj>() {
            let next = e.context;
            if next == exc {
                e.context = Value::NULL;
                break;
            }
            o = next;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        // SAFETY: checked to be an exception above.
        unsafe { exc.raw::<ExceptionObj>() }.context = ctx;
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.type_error, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.value_error, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.index_error, msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.overflow_error, msg)
    }
    pub fn zero_division(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.zero_division_error, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(self.exc.runtime_error, msg)
    }
    pub fn name_error(&mut self, name: Value) -> PyErr {
        let e = self.new_error(
            self.exc.name_error,
            format!("name '{}' is not defined", pystr::as_str(name)),
        );
        crate::object::exception::set_attr(self, e.0, "name", name);
        e
    }
    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        self.new_error_args(self.exc.key_error, &[key])
    }
    /// `StopIteration(value)`.
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let e = if value.is_none() {
            self.new_error_args(self.exc.stop_iteration, &[])
        } else {
            self.new_error_args(self.exc.stop_iteration, &[value])
        };
        crate::object::exception::set_attr(self, e.0, "value", value);
        e
    }
    /// An error for an operation not implemented by this runtime yet.
    pub fn not_supported(&mut self, what: &str) -> PyErr {
        self.new_error(self.exc.system_error, format!("{what} is not supported by Stitch yet"))
    }

    /// `str(exc)` for an exception: empty, its single argument, or the args tuple.
    pub fn exception_str(&mut self, exc: Value) -> PyResult<String> {
        let s = self.str(exc)?;
        Ok(pystr::as_str(s).to_string())
    }

    /// The name shown for an exception type in tracebacks (`module.QualName` unless
    /// the module is builtins or __main__).
    pub fn exception_type_name(&mut self, ty: Value) -> String {
        let t = types::ty(ty);
        let module = crate::object::dict::get_str(t.dict, self.names.module)
            .filter(|m| m.is_kind(Kind::Str))
            .map(|m| pystr::as_str(m).to_string());
        match module {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{}", t.qualname),
            _ => t.qualname.clone(),
        }
    }
}
