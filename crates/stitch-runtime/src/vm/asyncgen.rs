//! Async generators: `__anext__`/`asend`/`athrow`/`aclose` return awaitables that
//! drive the generator's frame. Values the generator yields are wrapped
//! (`ASYNC_GEN_WRAP`) so that the awaitable can tell them from values an inner
//! `await` passes up to the event loop: a wrapped value ends the awaitable with
//! StopIteration(value); anything else is yielded through.

use std::cell::Cell;

use stitch_core::value::Value;

use super::generator::{self, GenResult};
use super::{PyResult, Vm};
use crate::builtins::{add_methods, args};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{GeneratorObj, ValueExt};
use crate::vm::Args;

/// A value yielded by an async generator (as opposed to one passed up by `await`).
pub struct Wrapped {
    pub value: Value,
}

impl NativeData for Wrapped {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark(self.value);
    }
    native_any!();
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Send,
    Throw,
    Close,
}

/// The awaitable of `asend`, `athrow` and `aclose`.
pub struct Step {
    agen: Value,
    /// The value to send, or the exception to throw, on the first step.
    first: Value,
    mode: Mode,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl NativeData for Step {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark(self.agen);
        t.mark(self.first);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(match self.step(vm, Value::NONE, Value::NULL) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.is_instance_of(e.0, vm.exc.stop_iteration) => {
                // next() reports the end as exhaustion; the value is lost as in CPython's
                // for-loop protocol. Callers that need it use send().
                Err(e)
            }
            Err(e) => Err(e),
        })
    }
    native_any!();
}

impl Step {
    fn step(&self, vm: &mut Vm, sent: Value, throw: Value) -> PyResult<Value> {
        if self.done.get() {
            return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        let first = !self.started.get();
        self.started.set(true);
        let (v, t) = if first {
            match self.mode {
                Mode::Send => (if sent.is_none() { self.first } else { sent }, throw),
                Mode::Throw | Mode::Close => (Value::NONE, if throw.is_null() { self.first } else { throw }),
            }
        } else {
            (sent, throw)
        };
        let r = generator::resume(vm, self.agen, v, t);
        match r {
            Ok(GenResult::Yielded(y)) => {
                if let Some(w) = native::downcast::<Wrapped>(y) {
                    self.done.set(true);
                    if self.mode == Mode::Close {
                        return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                    }
                    return Err(vm.stop_iteration(w.value));
                }
                Ok(y)
            }
            Ok(GenResult::Returned(_)) => {
                self.done.set(true);
                if self.mode == Mode::Close {
                    return Err(vm.stop_iteration(Value::NONE));
                }
                Err(vm.new_error_args(vm.exc.stop_async_iteration, &[]))
            }
            Err(e) => {
                self.done.set(true);
                if self.mode == Mode::Close
                    && (vm.is_instance_of(e.0, vm.exc.generator_exit) || vm.is_instance_of(e.0, vm.exc.stop_async_iteration))
                {
                    return Err(vm.stop_iteration(Value::NONE));
                }
                Err(e)
            }
        }
    }
}

pub fn init(vm: &mut Vm) {
    let step = vm.new_native_type("async_generator_asend");
    add_methods(
        vm,
        step,
        &[
            ("send", step_send),
            ("throw", step_throw),
            ("close", step_close),
            ("__next__", step_next),
            ("__iter__", step_self),
            ("__await__", step_self),
        ],
    );
    let ag = vm.types.async_generator;
    add_methods(
        vm,
        ag,
        &[
            ("__aiter__", step_self),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
}

fn new_step(vm: &mut Vm, agen: Value, first: Value, mode: Mode) -> Value {
    let ty = vm.registry["async_generator_asend"];
    native::new(
        vm,
        ty,
        Box::new(Step {
            agen,
            first,
            mode,
            started: Cell::new(false),
            done: Cell::new(false),
        }),
    )
}

fn this_step(vm: &mut Vm, a: &Args) -> PyResult<&'static Step> {
    match a.pos.first().and_then(|v| native::downcast::<Step>(*v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("expected an async generator awaitable")),
    }
}

fn step_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "send", 2, 2)?;
    this_step(vm, a)?.step(vm, a.pos[1], Value::NULL)
}

fn step_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this_step(vm, a)?.step(vm, Value::NONE, Value::NULL)
}

fn step_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "throw", 2, 4)?;
    let exc = exception_arg(vm, a.pos[1], a.pos.get(2).copied())?;
    this_step(vm, a)?.step(vm, Value::NONE, exc)
}

fn step_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this_step(vm, a)?.done.set(true);
    Ok(Value::NONE)
}

fn step_self(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0])
}

/// An exception instance from `throw(type[, value])` arguments.
fn exception_arg(vm: &mut Vm, typ: Value, val: Option<Value>) -> PyResult<Value> {
    if typ.is_kind(stitch_core::layout::Kind::Type) {
        let args: Vec<Value> = match val {
            Some(v) if !v.is_none() => vec![v],
            _ => vec![],
        };
        return vm.call(typ, &args);
    }
    if typ.is_kind(stitch_core::layout::Kind::Exception) {
        return Ok(typ);
    }
    Err(vm.type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        vm.type_name(typ)
    )))
}

fn check_gen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos.first() {
        Some(g) if g.get::<GeneratorObj>().is_some() => Ok(*g),
        _ => Err(vm.type_error("expected an async generator")),
    }
}

fn agen_anext(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = check_gen(vm, a)?;
    Ok(new_step(vm, g, Value::NONE, Mode::Send))
}

fn agen_asend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "asend", 2, 2)?;
    let g = check_gen(vm, a)?;
    Ok(new_step(vm, g, a.pos[1], Mode::Send))
}

fn agen_athrow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "athrow", 2, 4)?;
    let g = check_gen(vm, a)?;
    let exc = exception_arg(vm, a.pos[1], a.pos.get(2).copied())?;
    Ok(new_step(vm, g, exc, Mode::Throw))
}

fn agen_aclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = check_gen(vm, a)?;
    let exc = vm.new_exception(vm.exc.generator_exit, &[]);
    Ok(new_step(vm, g, exc, Mode::Close))
}

/// `ASYNC_GEN_WRAP`: marks a value yielded by an async generator.
pub fn wrap(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let ty = vm.types.native;
    Ok(native::new(vm, ty, Box::new(Wrapped { value: v })))
}
