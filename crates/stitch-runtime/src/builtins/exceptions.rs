//! Methods and attributes of BaseException (`types_.rs`: the subclasses with
//! attributes and messages of their own).

mod types_;

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{add_getsets, add_methods, add_static};
use crate::object::{ExceptionObj, ValueExt, exception, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let b = vm.exc.base_exception;
    add_static(vm, b, &[("__new__", exc_new)]);
    add_methods(
        vm,
        b,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
            ("__reduce__", exc_reduce),
        ],
    );
    add_getsets(
        vm,
        b,
        &[
            ("args", args_get, Some(args_set)),
            ("__traceback__", tb_get, Some(tb_set)),
            ("__cause__", cause_get, Some(cause_set)),
            ("__context__", context_get, Some(context_set)),
            ("__suppress_context__", suppress_get, Some(suppress_set)),
        ],
    );
    let tbt = vm.types.traceback;
    add_getsets(vm, tbt, &[("tb_next", crate::vm::traceback::tb_next_get, Some(crate::vm::traceback::tb_next_set))]);
    types_::init(vm);
}

fn exc_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    if !cls.is_kind(Kind::Type) || !types::is_subtype(cls, vm.exc.base_exception) {
        return Err(vm.type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    Ok(vm.new_exception(cls, &a.pos[1..]))
}

pub(super) fn exc_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", vm.type_name(e))));
    }
    let t = tuple::new(vm, &a.pos[1..]);
    if let Some(eo) = e.get::<ExceptionObj>() {
        eo.args = t;
    }
    Ok(Value::NONE)
}

pub(super) fn exc_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = exception::default_str(vm, a.pos[0])?;
    Ok(pystr::new(vm, &s))
}

fn exc_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let name = types::ty(vm.type_of(e)).name.clone();
    let args = exception::args(e).to_vec();
    let s = if args.len() == 1 {
        format!("{}({})", name, vm.repr_string(args[0])?)
    } else {
        let t = crate::object::exception::obj(e).map(|o| o.args).unwrap_or(Value::NONE);
        let r = if args.is_empty() { "()".to_string() } else { vm.repr_string(t)? };
        format!("{name}{r}")
    };
    Ok(pystr::new(vm, &s))
}

fn exc_with_traceback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "with_traceback", 2, 2)?;
    tb_set(vm, a.pos[0], a.pos[1])?;
    Ok(a.pos[0])
}

fn exc_add_note(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "add_note", 2, 2)?;
    let note = a.pos[1];
    if !note.is_kind(Kind::Str) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let e = a.pos[0];
    let notes = match exception::get_attr(vm, e, "__notes__") {
        Some(n) => n,
        None => {
            let l = crate::object::list::new(vm, &[]);
            exception::set_attr(vm, e, "__notes__", l);
            l
        }
    };
    match crate::object::list::native(notes) {
        Some(l) => crate::object::list::push(crate::object::list::vec(l), note),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::NONE)
}

fn exc_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let t = vm.type_of(e);
    let (args, d) = crate::object::exception::obj(e).map(|o| (o.args, o.dict)).unwrap_or((Value::NONE, Value::NULL));
    if !d.is_null() && crate::object::dict::len(d) > 0 {
        return Ok(tuple::new(vm, &[t, args, d]));
    }
    Ok(tuple::new(vm, &[t, args]))
}

fn eobj(vm: &mut Vm, v: Value) -> PyResult<&'static mut ExceptionObj> {
    match v.get::<ExceptionObj>() {
        Some(e) => Ok(e),
        None => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn args_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(eobj(vm, e)?.args)
}
fn args_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    let items = vm.collect_iter(v)?;
    let t = tuple::new(vm, &items);
    eobj(vm, e)?.args = t;
    Ok(())
}
fn tb_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(eobj(vm, e)?.traceback)
}
fn tb_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if !v.is_none() && vm.type_of(v) != vm.types.traceback {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    eobj(vm, e)?.traceback = v;
    Ok(())
}
fn null_to_none(v: Value) -> Value {
    if v.is_null() { Value::NONE } else { v }
}
fn cause_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(null_to_none(eobj(vm, e)?.cause))
}
fn cause_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if !v.is_none() && !v.is_kind(Kind::Exception) {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let o = eobj(vm, e)?;
    o.cause = v;
    o.suppress_context = true;
    Ok(())
}
fn context_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(null_to_none(eobj(vm, e)?.context))
}
fn context_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if !v.is_none() && !v.is_kind(Kind::Exception) {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    eobj(vm, e)?.context = v;
    Ok(())
}
fn suppress_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(Value::from_bool(eobj(vm, e)?.suppress_context))
}
fn suppress_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    let b = vm.truth(v)?;
    eobj(vm, e)?.suppress_context = b;
    Ok(())
}

/// A SyntaxError (or subclass) instance for a compile error.
pub fn syntax_error(vm: &mut Vm, err: &stitch_compiler::CompileError, filename: &str, text: Option<&str>) -> Value {
    use stitch_compiler::ErrorKind as K;
    let ty = match err.kind {
        K::SyntaxError => vm.exc.syntax_error,
        K::IndentationError => vm.exc.indentation_error,
        K::TabError => vm.exc.tab_error,
        K::ValueError => vm.exc.value_error,
        K::RecursionError => vm.exc.recursion_error,
        K::MemoryError => vm.exc.memory_error,
    };
    let msg = pystr::new(vm, &err.msg);
    if !matches!(err.kind, K::SyntaxError | K::IndentationError | K::TabError) {
        let args: &[Value] = if err.msg.is_empty() { &[] } else { &[msg] };
        return vm.new_exception(ty, args);
    }
    let fname = pystr::new(vm, filename);
    let line = text.map(|t| pystr::new(vm, t)).unwrap_or(Value::NONE);
    let n = |x: u32| if x == 0 { Value::NONE } else { Value::small(x as i64) };
    let details = tuple::new(
        vm,
        &[fname, n(err.lineno), Value::small(err.offset), line, n(err.end_lineno), Value::small(err.end_offset)],
    );
    let e = vm.new_exception(ty, &[msg, details]);
    let _ = types_::syntax_error_init(vm, &Args::new(&[e, msg, details]));
    e
}
