//! Generators and coroutines: a generator object owns a copy of its suspended frame
//! (locals and value stack); resuming copies it onto the value stack, pushes a frame
//! and runs it as an entry frame until it yields or returns.

use stitch_core::frame::frame_kind;
use stitch_core::instr::{Instr, Op};
use stitch_core::layout::{CodePrefix, Header, Kind, code_flags};
use stitch_core::value::Value;

use super::interp::{Exit, Interp, run_from};
use super::{PyErr, PyResult, Vm};
use crate::object::{CodeObj, ExceptionObj, FunctionObj, GeneratorObj, ValueExt};

pub const CREATED: u8 = 0;
pub const SUSPENDED: u8 = 1;
pub const RUNNING: u8 = 2;
pub const CLOSED: u8 = 3;

/// How a resumed generator stopped.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

fn gen_obj(g: Value) -> &'static mut GeneratorObj {
    // SAFETY: callers pass generator objects.
    unsafe { g.raw::<GeneratorObj>() }
}

/// `RETURN_GENERATOR`: turns the running frame into a generator object.
pub fn make_generator(it: &mut Interp) -> PyResult<Value> {
    let frame = it.frame;
    // SAFETY: the running frame is consistent (synced before the helper).
    let (code, func, globals, builtins, saved, pc) = unsafe {
        let f = &*frame;
        let n = f.sp.offset_from(f.locals) as usize;
        let saved = std::slice::from_raw_parts(f.locals, n).to_vec();
        let pc = it.pc.offset_from(it.code_start) as usize;
        (
            Value::from_ptr(f.code),
            f.func,
            Value::from_ptr(f.globals),
            Value::from_ptr(f.builtins),
            saved,
            pc,
        )
    };
    let vm = &mut *it.vm;
    let flags = unsafe { code.raw::<CodeObj>() }.prefix.flags;
    let ty = if flags & code_flags::COROUTINE != 0 {
        vm.types.coroutine
    } else if flags & code_flags::ASYNC_GENERATOR != 0 {
        vm.types.async_generator
    } else {
        vm.types.generator
    };
    let (name, qualname) = match func.get::<FunctionObj>() {
        Some(f) => (f.name, f.qualname),
        None => {
            let c = unsafe { code.raw::<CodeObj>() };
            (c.name, c.qualname)
        }
    };
    let stack_len = saved.len();
    Ok(vm.alloc_obj(
        ty,
        GeneratorObj {
            header: Header::new(Kind::Generator),
            code,
            func,
            globals,
            builtins,
            saved,
            pc,
            stack_len,
            state: CREATED,
            exc_info: Value::NULL,
            name,
            qualname,
            lasti: pc as u32,
            frame_obj: Value::NULL,
            extra: Value::NULL,
        },
    ))
}

fn kind_word(vm: &Vm, g: Value) -> &'static str {
    let t = vm.type_of(g);
    if t == vm.types.coroutine {
        "coroutine"
    } else if t == vm.types.async_generator {
        "async generator"
    } else {
        "generator"
    }
}

/// Resumes `g`, sending `sent` (or throwing `throw` if not NULL).
pub fn resume(vm: &mut Vm, g: Value, sent: Value, throw: Value) -> PyResult<GenResult> {
    resume_impl(vm, g, sent, throw, true)
}

/// `resume`; with `delegate` false a thrown exception is raised in `g` itself
/// even when it is suspended in a `yield from` (the sub-iterator already failed).
fn resume_impl(
    vm: &mut Vm,
    g: Value,
    sent: Value,
    throw: Value,
    delegate: bool,
) -> PyResult<GenResult> {
    let go = gen_obj(g);
    match go.state {
        RUNNING => return Err(vm.value_error(format!("{} already executing", kind_word(vm, g)))),
        CLOSED => {
            if !throw.is_null() {
                return Err(PyErr(throw));
            }
            if vm.type_of(g) == vm.types.coroutine {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(GenResult::Returned(Value::NONE));
        }
        CREATED if throw.is_null() && !sent.is_none() => {
            return Err(vm.type_error(format!(
                "can't send non-None value to a just-started {}",
                kind_word(vm, g)
            )));
        }
        _ => {}
    }
    if delegate
        && !throw.is_null()
        && go.state == SUSPENDED
        && let Some(r) = throw_into_yield_from(vm, g, throw)?
    {
        return Ok(r);
    }
    let go = gen_obj(g);
    let top = vm.stack_top();
    // SAFETY: the value stack has room (push_frame checks the end); the saved values
    // are copied above the live stack before the frame that covers them is pushed.
    unsafe {
        let code = &*go.code.ptr::<CodePrefix>();
        if top.add(go.saved.len() + code.stacksize as usize + 16) >= vm.stack_end {
            return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        *top = Value::NONE;
        let locals = top.add(1);
        std::ptr::copy_nonoverlapping(go.saved.as_ptr(), locals, go.saved.len());
        let saved_scratch = vm.scratch_top;
        vm.scratch_top = locals.add(go.saved.len());
        let pushed =
            super::call::push_frame(vm, go.code, go.func, go.globals, go.builtins, locals, top);
        vm.scratch_top = saved_scratch;
        let f = pushed?;
        let go = gen_obj(g);
        (*f).sp = locals.add(go.saved.len());
        // The frame now holds the values: no stale copy keeps them alive.
        go.saved.clear();
        (*f).pc = code.instrs.add(go.pc);
        (*f).lasti = go.lasti;
        (*f).kind |= frame_kind::ENTRY | frame_kind::GENERATOR;
        (*f).generator = g;
        let throwing = !throw.is_null();
        if throwing {
            vm.pending = throw;
        } else {
            *(*f).sp = sent;
            (*f).sp = (*f).sp.add(1);
        }
        go.state = RUNNING;
        let outer_exc = vm.exc_info;
        if !go.exc_info.is_null() {
            vm.exc_info = go.exc_info;
        }
        let r = if crate::gc::stack::approx_sp() < vm.native_stack_limit {
            super::call::pop_frame(vm, f);
            Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"))
        } else {
            run_from(vm, f, throwing)
        };
        let go = gen_obj(g);
        match r {
            Ok(Exit::Yield(v)) => {
                let n = (*f).sp.offset_from((*f).locals) as usize;
                go.saved.clear();
                go.saved
                    .extend_from_slice(std::slice::from_raw_parts((*f).locals, n));
                go.pc = (*f).pc.offset_from(code.instrs) as usize;
                go.lasti = (*f).lasti;
                go.state = SUSPENDED;
                go.exc_info = if vm.exc_info != outer_exc {
                    vm.exc_info
                } else {
                    Value::NULL
                };
                vm.exc_info = outer_exc;
                super::call::pop_frame(vm, f);
                Ok(GenResult::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                go.state = CLOSED;
                go.saved.clear();
                go.exc_info = Value::NULL;
                vm.exc_info = outer_exc;
                Ok(GenResult::Returned(v))
            }
            Err(e) => {
                go.state = CLOSED;
                go.saved.clear();
                go.exc_info = Value::NULL;
                vm.exc_info = outer_exc;
                if vm.is_instance_of(e.0, vm.exc.stop_iteration)
                    || (vm.type_of(g) == vm.types.async_generator
                        && vm.is_instance_of(e.0, vm.exc.stop_async_iteration))
                {
                    let what = if vm.is_instance_of(e.0, vm.exc.stop_iteration) {
                        "StopIteration"
                    } else {
                        "StopAsyncIteration"
                    };
                    let err = vm.runtime_error(format!("{} raised {what}", kind_word(vm, g)));
                    let eo = err.0.raw::<ExceptionObj>();
                    eo.cause = e.0;
                    eo.suppress_context = true;
                    eo.context = e.0;
                    return Err(err);
                }
                Err(e)
            }
        }
    }
}

/// `FOR_ITER_GEN`: pushes the frame of generator `g` to run in the current loop,
/// its yields landing in `ret` (the caller's next stack slot). Returns
/// `FRAME_PUSHED`, `EXHAUSTED` when `g` already finished, or the next value when
/// `g` cannot run inline.
pub fn enter_inline(vm: &mut Vm, g: Value, ret: *mut Value) -> PyResult<Value> {
    use stitch_core::env::{EXHAUSTED, FRAME_PUSHED};
    if vm.type_of(g) != vm.types.generator {
        return Ok(vm.next(g)?.unwrap_or(EXHAUSTED));
    }
    let go = gen_obj(g);
    match go.state {
        RUNNING => return Err(vm.value_error("generator already executing")),
        CLOSED => return Ok(EXHAUSTED),
        _ => {}
    }
    // SAFETY: `ret` is the caller's stack top (synced); the saved values are copied
    // above it before the frame that covers them is pushed.
    unsafe {
        let code = &*go.code.ptr::<CodePrefix>();
        if ret.add(go.saved.len() + code.stacksize as usize + 16) >= vm.stack_end {
            return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        *ret = Value::NONE;
        let locals = ret.add(1);
        std::ptr::copy_nonoverlapping(go.saved.as_ptr(), locals, go.saved.len());
        let saved_scratch = vm.scratch_top;
        vm.scratch_top = locals.add(go.saved.len());
        let pushed =
            super::call::push_frame(vm, go.code, go.func, go.globals, go.builtins, locals, ret);
        vm.scratch_top = saved_scratch;
        let f = pushed?;
        let go = gen_obj(g);
        (*f).sp = locals.add(go.saved.len());
        // The frame now holds the values: no stale copy keeps them alive.
        go.saved.clear();
        (*f).pc = code.instrs.add(go.pc);
        (*f).lasti = go.lasti;
        (*f).kind |= frame_kind::GENERATOR | frame_kind::FOR_ITER;
        (*f).generator = g;
        // The value "sent" into the generator.
        *(*f).sp = Value::NONE;
        (*f).sp = (*f).sp.add(1);
        go.state = RUNNING;
        (*f).aux = vm.exc_info;
        if !go.exc_info.is_null() {
            vm.exc_info = go.exc_info;
        }
    }
    Ok(FRAME_PUSHED)
}

/// An inline generator frame yielded: saves it into its generator and pops it.
///
/// # Safety
/// `f` is the running frame, pushed by [`enter_inline`], with its registers synced.
pub unsafe fn suspend_inline(vm: &mut Vm, f: *mut stitch_core::frame::Frame) {
    unsafe {
        let go = gen_obj((*f).generator);
        let code = &*(*f).code;
        let n = (*f).sp.offset_from((*f).locals) as usize;
        go.saved.clear();
        go.saved
            .extend_from_slice(std::slice::from_raw_parts((*f).locals, n));
        go.pc = (*f).pc.offset_from(code.instrs) as usize;
        go.lasti = (*f).lasti;
        go.state = SUSPENDED;
        let outer = (*f).aux;
        go.exc_info = if vm.exc_info != outer {
            vm.exc_info
        } else {
            Value::NULL
        };
        vm.exc_info = outer;
        super::call::pop_frame(vm, f);
    }
}

/// An inline generator frame returned, or an exception left it: the generator is
/// finished and its frame popped. With an exception, returns the one to propagate
/// (StopIteration raised inside becomes RuntimeError, as in `resume`).
///
/// # Safety
/// `f` is the running frame, pushed by [`enter_inline`].
pub unsafe fn finish_inline(vm: &mut Vm, f: *mut stitch_core::frame::Frame, exc: Value) -> Value {
    unsafe {
        let g = (*f).generator;
        let go = gen_obj(g);
        go.state = CLOSED;
        go.saved.clear();
        go.exc_info = Value::NULL;
        vm.exc_info = (*f).aux;
        super::call::pop_frame(vm, f);
        if !exc.is_null() && vm.is_instance_of(exc, vm.exc.stop_iteration) {
            let err = vm.runtime_error("generator raised StopIteration");
            let eo = err.0.raw::<ExceptionObj>();
            eo.cause = exc;
            eo.suppress_context = true;
            eo.context = exc;
            return err.0;
        }
        exc
    }
}

/// When `g` is suspended in a `yield from` (or `await`), a thrown exception goes to
/// the sub-iterator first. Returns `None` to throw into `g` itself instead.
fn throw_into_yield_from(vm: &mut Vm, g: Value, exc: Value) -> PyResult<Option<GenResult>> {
    let go = gen_obj(g);
    let code = unsafe { go.code.raw::<CodeObj>() };
    let instrs: &[Instr] = &code.instrs;
    let Some(next) = instrs.get(go.pc) else {
        return Ok(None);
    };
    if next.opcode() != Op::JUMP_BACKWARD {
        return Ok(None);
    }
    let send_at = next.arg as usize;
    if instrs.get(send_at).map(|i| i.opcode()) != Some(Op::SEND) {
        return Ok(None);
    }
    let Some(&sub) = go.saved.last() else {
        return Ok(None);
    };
    let sub_result = if sub.is_kind(Kind::Generator) {
        if vm.is_instance_of(exc, vm.exc.generator_exit) {
            close(vm, sub)?;
            return Ok(None);
        }
        go.state = RUNNING;
        let r = resume(vm, sub, Value::NONE, exc);
        gen_obj(g).state = SUSPENDED;
        match r {
            Ok(GenResult::Yielded(v)) => return Ok(Some(GenResult::Yielded(v))),
            Ok(GenResult::Returned(v)) => Ok(v),
            Err(e) => Err(e),
        }
    } else {
        if vm.is_instance_of(exc, vm.exc.generator_exit) {
            if let Some(close) = vm.getattr_opt(sub, vm.names.close)? {
                vm.call(close, &[])?;
            }
            return Ok(None);
        }
        match vm.getattr_opt(sub, vm.names.throw)? {
            None => return Ok(None),
            Some(t) => {
                gen_obj(g).state = RUNNING;
                let ty = vm.type_of(exc);
                let r = vm.call(t, &[ty, exc, Value::NONE]);
                gen_obj(g).state = SUSPENDED;
                match r {
                    Ok(v) => return Ok(Some(GenResult::Yielded(v))),
                    Err(e) if vm.is_instance_of(e.0, vm.exc.stop_iteration) => Ok(stop_value(e.0)),
                    Err(e) => Err(e),
                }
            }
        }
    };
    match sub_result {
        Ok(v) => {
            // The sub-iterator finished: `yield from` evaluates to v.
            let go = gen_obj(g);
            go.saved.pop();
            go.saved.push(v);
            go.pc = instrs[send_at].arg as usize;
            resume_after_send(vm, g)
        }
        Err(e) => {
            // Raise the sub-iterator's exception inside g (not into the
            // sub-iterator again).
            resume_impl(vm, g, Value::NONE, e.0, false).map(Some)
        }
    }
}

/// Resumes `g` without pushing a sent value (its stack is already complete).
fn resume_after_send(vm: &mut Vm, g: Value) -> PyResult<Option<GenResult>> {
    // Push-less resume: pop the value we would push by storing it as the sent value.
    let go = gen_obj(g);
    let v = go.saved.pop().unwrap_or(Value::NONE);
    resume(vm, g, v, Value::NULL).map(Some)
}

/// The value carried by a StopIteration.
pub fn stop_value(exc: Value) -> Value {
    crate::object::exception::args(exc)
        .first()
        .copied()
        .unwrap_or(Value::NONE)
}

/// `next(g)`: `None` when the generator finishes.
pub fn next(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    if vm.type_of(g) != vm.types.generator {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(g))));
    }
    match resume(vm, g, Value::NONE, Value::NULL)? {
        GenResult::Yielded(v) => Ok(Some(v)),
        GenResult::Returned(_) => Ok(None),
    }
}

/// `g.send(v)`.
pub fn send_method(vm: &mut Vm, g: Value, v: Value) -> PyResult<Value> {
    match resume(vm, g, v, Value::NULL)? {
        GenResult::Yielded(y) => Ok(y),
        GenResult::Returned(r) => Err(vm.stop_iteration(r)),
    }
}

/// `g.throw(exc)`.
pub fn throw_method(vm: &mut Vm, g: Value, exc: Value) -> PyResult<Value> {
    match resume(vm, g, Value::NONE, exc)? {
        GenResult::Yielded(y) => Ok(y),
        GenResult::Returned(r) => Err(vm.stop_iteration(r)),
    }
}

/// `g.close()`.
pub fn close(vm: &mut Vm, g: Value) -> PyResult<Value> {
    let go = gen_obj(g);
    if go.state == CLOSED {
        return Ok(Value::NONE);
    }
    if go.state == CREATED {
        go.state = CLOSED;
        go.saved.clear();
        return Ok(Value::NONE);
    }
    let exc = vm.new_exception(vm.exc.generator_exit, &[]);
    match resume(vm, g, Value::NONE, exc) {
        Ok(GenResult::Yielded(_)) => {
            Err(vm.runtime_error(format!("{} ignored GeneratorExit", kind_word(vm, g))))
        }
        Ok(GenResult::Returned(_)) => Ok(Value::NONE),
        Err(e)
            if vm.is_instance_of(e.0, vm.exc.generator_exit)
                || vm.is_instance_of(e.0, vm.exc.stop_iteration) =>
        {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

/// The `SEND` step of `yield from`/`await`: the yielded value, or `EXHAUSTED` with
/// the result written to `out`.
pub fn send(vm: &mut Vm, receiver: Value, v: Value, out: *mut Value) -> PyResult<Value> {
    let r = if receiver.is_kind(Kind::Generator) {
        match resume(vm, receiver, v, Value::NULL)? {
            GenResult::Yielded(y) => return Ok(y),
            GenResult::Returned(r) => r,
        }
    } else {
        let res = if v.is_none() {
            match vm.call_special(receiver, vm.names.next, &[]) {
                Ok(Some(y)) => Ok(y),
                Ok(None) => match vm.next(receiver)? {
                    Some(y) => return Ok(y),
                    None => Err(vm.stop_iteration(Value::NONE)),
                },
                Err(e) => Err(e),
            }
        } else {
            vm.call_method(receiver, "send", &[v])
        };
        match res {
            Ok(y) => return Ok(y),
            Err(e) if vm.is_instance_of(e.0, vm.exc.stop_iteration) => stop_value(e.0),
            Err(e) => return Err(e),
        }
    };
    // SAFETY: the uop passes the receiver's slot.
    unsafe { *out = r };
    Ok(stitch_core::env::EXHAUSTED)
}

/// `await v`: the iterator to delegate to.
pub fn get_awaitable(vm: &mut Vm, v: Value, where_: u32) -> PyResult<Value> {
    // A coroutine, or a generator from a `types.coroutine` function.
    if v.is_kind(Kind::Generator)
        && (vm.type_of(v) == vm.types.coroutine
            || crate::builtins::code::is_iterable_coroutine(gen_obj(v).code))
    {
        if gen_obj(v).state == CLOSED {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(v);
    }
    match vm.lookup_special(v, vm.names.await_) {
        Some(_) => {
            let it = vm
                .call_special(v, vm.names.await_, &[])?
                .unwrap_or(Value::NONE);
            if it.is_kind(Kind::Generator) && vm.type_of(it) == vm.types.coroutine {
                return Err(vm.type_error("__await__() returned a coroutine"));
            }
            if vm.lookup_special(it, vm.names.next).is_none()
                && !crate::object::native::is_iterator(it)
                && !it.is_kind(Kind::Generator)
            {
                return Err(vm.type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    vm.type_name(it)
                )));
            }
            Ok(it)
        }
        None => {
            let msg = match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    vm.type_name(v)
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    vm.type_name(v)
                ),
                _ => format!(
                    "object {} can't be used in 'await' expression",
                    vm.type_name(v)
                ),
            };
            Err(vm.type_error(msg))
        }
    }
}

pub fn get_aiter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.call_special(v, vm.names.aiter, &[])? {
        Some(it) => Ok(it),
        None => Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

pub fn get_anext(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.call_special(v, vm.names.anext, &[])? {
        Some(aw) => get_awaitable(vm, aw, 0),
        None => Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

pub fn async_gen_wrap(vm: &mut Vm, v: Value) -> PyResult<Value> {
    super::asyncgen::wrap(vm, v)
}

/// `gi_frame`-style info: the code of a generator.
pub fn code_of(g: Value) -> Value {
    gen_obj(g).code
}
