//! Methods and attributes of BaseException and its subclasses.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{add_getsets, add_methods, add_static};
use crate::object::{ExceptionObj, ValueExt, exception, int, str as pystr, tuple, types};
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
    let si = vm.exc.stop_iteration;
    add_methods(vm, si, &[("__init__", stop_iteration_init)]);
    let se = vm.exc.system_exit;
    add_methods(vm, se, &[("__init__", system_exit_init)]);
    let ke = vm.exc.key_error;
    add_methods(vm, ke, &[("__str__", key_error_str)]);
    let ne = vm.exc.name_error;
    add_methods(vm, ne, &[("__init__", name_error_init)]);
    add_getsets(vm, ne, &[("name", name_get, Some(name_set))]);
    let ae = vm.exc.attribute_error;
    add_methods(vm, ae, &[("__init__", attribute_error_init)]);
    add_getsets(vm, ae, &[("name", name_get, Some(name_set)), ("obj", obj_get, Some(obj_set))]);
    let ie = vm.exc.import_error;
    add_methods(vm, ie, &[("__init__", import_error_init), ("__str__", import_error_str)]);
    let oe = vm.exc.os_error;
    add_methods(vm, oe, &[("__init__", os_error_init), ("__str__", os_error_str)]);
    let sy = vm.exc.syntax_error;
    add_methods(vm, sy, &[("__init__", syntax_error_init), ("__str__", syntax_error_str)]);
}

fn exc_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    if !cls.is_kind(Kind::Type) || !types::is_subtype(cls, vm.exc.base_exception) {
        return Err(vm.type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    Ok(vm.new_exception(cls, &a.pos[1..]))
}

fn exc_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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

fn exc_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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
    let args = crate::object::exception::obj(e).map(|o| o.args).unwrap_or(Value::NONE);
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

/// Stores `args` and keeps the first as `attr` (None when absent).
fn init_with_first(vm: &mut Vm, a: &Args, attr: &str) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let v = a.pos.get(1).copied().unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], attr, v);
    Ok(Value::NONE)
}

fn stop_iteration_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    init_with_first(vm, a, "value")
}

fn system_exit_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let code = match a.pos.len() {
        1 => Value::NONE,
        2 => a.pos[1],
        _ => crate::object::exception::obj(a.pos[0]).map(|o| o.args).unwrap_or(Value::NONE),
    };
    exception::set_attr(vm, a.pos[0], "code", code);
    Ok(Value::NONE)
}

fn key_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = exception::args(a.pos[0]).to_vec();
    if args.len() == 1 {
        return vm.repr(args[0]);
    }
    exc_str(vm, a)
}

fn name_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let name = a.kw("name").unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "name", name);
    Ok(Value::NONE)
}

fn attribute_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let name = a.kw("name").unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "name", name);
    // `obj` stays unset unless given (no "Did you mean" without it).
    if let Some(obj) = a.kw("obj") {
        exception::set_attr(vm, a.pos[0], "obj", obj);
    }
    Ok(Value::NONE)
}

fn name_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(exception::get_attr(vm, e, "name").unwrap_or(Value::NONE))
}
fn name_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exception::set_attr(vm, e, "name", v);
    Ok(())
}
fn obj_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(exception::get_attr(vm, e, "obj").unwrap_or(Value::NONE))
}
fn obj_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exception::set_attr(vm, e, "obj", v);
    Ok(())
}

fn import_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let msg = a.pos.get(1).copied().filter(|_| a.pos.len() == 2).unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "msg", msg);
    for n in ["name", "path"] {
        let v = a.kw(n).unwrap_or(Value::NONE);
        exception::set_attr(vm, a.pos[0], n, v);
    }
    Ok(Value::NONE)
}

fn import_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match exception::get_attr(vm, a.pos[0], "msg") {
        Some(m) if !m.is_none() => vm.str(m),
        _ => exc_str(vm, a),
    }
}

fn os_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let e = a.pos[0];
    let args = &a.pos[1..];
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&args.len()) {
        (
            args[0],
            args[1],
            args.get(2).copied().unwrap_or(Value::NONE),
            args.get(4).copied().unwrap_or(Value::NONE),
        )
    } else {
        (Value::NONE, Value::NONE, Value::NONE, Value::NONE)
    };
    exception::set_attr(vm, e, "errno", errno);
    exception::set_attr(vm, e, "strerror", strerror);
    exception::set_attr(vm, e, "filename", filename);
    exception::set_attr(vm, e, "filename2", filename2);
    if (2..=5).contains(&args.len()) {
        // args keeps only (errno, strerror).
        let t = tuple::new(vm, &args[..2]);
        if let Some(o) = e.get::<ExceptionObj>() {
            o.args = t;
        }
    }
    Ok(Value::NONE)
}

fn os_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let get = |vm: &mut Vm, n: &str| exception::get_attr(vm, e, n).unwrap_or(Value::NONE);
    let (errno, strerror, filename, filename2) =
        (get(vm, "errno"), get(vm, "strerror"), get(vm, "filename"), get(vm, "filename2"));
    if !filename.is_none() {
        let f = vm.repr_string(filename)?;
        let s = if !filename2.is_none() {
            let f2 = vm.repr_string(filename2)?;
            format!("[Errno {}] {}: {} -> {}", vm.str_string(errno)?, vm.str_string(strerror)?, f, f2)
        } else {
            format!("[Errno {}] {}: {}", vm.str_string(errno)?, vm.str_string(strerror)?, f)
        };
        return Ok(pystr::new(vm, &s));
    }
    if !errno.is_none() && !strerror.is_none() {
        let s = format!("[Errno {}] {}", vm.str_string(errno)?, vm.str_string(strerror)?);
        return Ok(pystr::new(vm, &s));
    }
    exc_str(vm, a)
}

fn syntax_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))?;
    let e = a.pos[0];
    let msg = a.pos.get(1).copied().unwrap_or(Value::NONE);
    exception::set_attr(vm, e, "msg", msg);
    let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    let details = a.pos.get(2).copied();
    let items: Vec<Value> = match details {
        Some(d) if d.is_kind(Kind::Tuple) => tuple::items(d).to_vec(),
        Some(d) => vm.collect_iter(d)?.to_vec(),
        None => Vec::new(),
    };
    if details.is_some() && !(4..=6).contains(&items.len()) {
        return Err(vm.index_error("tuple index out of range"));
    }
    for (i, n) in names.iter().enumerate() {
        let v = items.get(i).copied().unwrap_or(Value::NONE);
        exception::set_attr(vm, e, n, v);
    }
    exception::set_attr(vm, e, "print_file_and_line", Value::NONE);
    Ok(Value::NONE)
}

fn syntax_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let msg = exception::get_attr(vm, e, "msg").unwrap_or(Value::NONE);
    let msg = if msg.is_none() { exception::default_str(vm, e)? } else { vm.str_string(msg)? };
    let filename = exception::get_attr(vm, e, "filename").filter(|v| !v.is_none());
    let lineno = exception::get_attr(vm, e, "lineno").filter(|v| int::is_int(*v));
    let s = match (filename, lineno) {
        (Some(f), Some(l)) => {
            let f = vm.str_string(f)?;
            let base = f.rsplit('/').next().unwrap_or(&f).to_string();
            format!("{msg} ({base}, line {})", vm.str_string(l)?)
        }
        (Some(f), None) => {
            let f = vm.str_string(f)?;
            let base = f.rsplit('/').next().unwrap_or(&f).to_string();
            format!("{msg} ({base})")
        }
        (None, Some(l)) => format!("{msg} (line {})", vm.str_string(l)?),
        _ => msg,
    };
    Ok(pystr::new(vm, &s))
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
    let _ = syntax_error_init(vm, &Args::new(&[e, msg, details]));
    e
}
