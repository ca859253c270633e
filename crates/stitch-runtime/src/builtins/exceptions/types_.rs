//! The builtin exception types with attributes or messages of their own:
//! StopIteration, SystemExit, KeyError, NameError, AttributeError, ImportError,
//! OSError (and the errno to subclass mapping), SyntaxError.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::super::{add_getsets, add_methods, add_static};
use super::{exc_init, exc_str};
use crate::object::{ExceptionObj, ValueExt, exception, int, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let si = vm.exc.stop_iteration;
    add_methods(vm, si, &[("__init__", stop_iteration_init)]);
    add_getsets(vm, si, &[("value", value_get, Some(value_set))]);
    let se = vm.exc.system_exit;
    add_methods(vm, se, &[("__init__", system_exit_init)]);
    add_getsets(vm, se, &[("code", code_get, Some(code_set))]);
    let ke = vm.exc.key_error;
    add_methods(vm, ke, &[("__str__", key_error_str)]);
    let ne = vm.exc.name_error;
    add_methods(vm, ne, &[("__init__", name_error_init)]);
    add_getsets(vm, ne, &[("name", name_get, Some(name_set))]);
    let ae = vm.exc.attribute_error;
    add_methods(vm, ae, &[("__init__", attribute_error_init)]);
    add_getsets(
        vm,
        ae,
        &[
            ("name", name_get, Some(name_set)),
            ("obj", obj_get, Some(obj_set)),
        ],
    );
    let ie = vm.exc.import_error;
    add_methods(
        vm,
        ie,
        &[
            ("__init__", import_error_init),
            ("__str__", import_error_str),
        ],
    );
    add_getsets(
        vm,
        ie,
        &[
            ("msg", msg_get, Some(msg_set)),
            ("name", name_get, Some(name_set)),
            ("path", path_get, Some(path_set)),
        ],
    );
    let oe = vm.exc.os_error;
    add_static(vm, oe, &[("__new__", os_error_new)]);
    add_methods(
        vm,
        oe,
        &[
            ("__init__", os_error_init),
            ("__str__", os_error_str),
            ("__reduce__", os_error_reduce),
        ],
    );
    add_getsets(
        vm,
        oe,
        &[
            ("errno", errno_get, Some(errno_set)),
            ("strerror", strerror_get, Some(strerror_set)),
            ("filename", filename_get, Some(filename_set)),
            ("filename2", filename2_get, Some(filename2_set)),
        ],
    );
    let bi = vm.exc.blocking_io_error;
    add_getsets(
        vm,
        bi,
        &[("characters_written", written_get, Some(written_set))],
    );
    let sy = vm.exc.syntax_error;
    add_methods(
        vm,
        sy,
        &[
            ("__init__", syntax_error_init),
            ("__str__", syntax_error_str),
        ],
    );
    add_getsets(
        vm,
        sy,
        &[
            ("msg", msg_get, Some(msg_set)),
            ("filename", filename_get, Some(filename_set)),
            ("lineno", lineno_get, Some(lineno_set)),
            ("offset", offset_get, Some(offset_set)),
            ("text", text_get, Some(text_set)),
            ("end_lineno", end_lineno_get, Some(end_lineno_set)),
            ("end_offset", end_offset_get, Some(end_offset_set)),
            ("print_file_and_line", pfl_get, Some(pfl_set)),
        ],
    );
}

// ---- attribute accessors (None when unset) ----

fn slot(vm: &mut Vm, e: Value, name: &str) -> Value {
    exception::get_attr(vm, e, name).unwrap_or(Value::NONE)
}

macro_rules! slot_accessors {
    ($($get:ident $set:ident $name:literal;)*) => {
        $(
            fn $get(vm: &mut Vm, e: Value) -> PyResult<Value> {
                Ok(slot(vm, e, $name))
            }
            fn $set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
                exception::set_attr(vm, e, $name, if v.is_null() { Value::NONE } else { v });
                Ok(())
            }
        )*
    };
}

slot_accessors! {
    name_get name_set "name";
    obj_get obj_set "obj";
    path_get path_set "path";
    errno_get errno_set "errno";
    strerror_get strerror_set "strerror";
    filename_get filename_set "filename";
    filename2_get filename2_set "filename2";
    lineno_get lineno_set "lineno";
    offset_get offset_set "offset";
    text_get text_set "text";
    end_lineno_get end_lineno_set "end_lineno";
    end_offset_get end_offset_set "end_offset";
    pfl_get pfl_set "print_file_and_line";
}

/// `msg` of SyntaxError and ImportError; for an exception made without
/// `__init__` (raised by the VM), its first argument.
fn msg_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    if let Some(m) = exception::get_attr(vm, e, "msg") {
        return Ok(m);
    }
    let args = exception::args(e);
    let is_import = vm.is_instance_of(e, vm.exc.import_error);
    Ok(match args.first() {
        Some(&a) if !is_import || args.len() == 1 => a,
        _ => Value::NONE,
    })
}
fn msg_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exception::set_attr(vm, e, "msg", if v.is_null() { Value::NONE } else { v });
    Ok(())
}

/// StopIteration.value: the first argument (also when the VM made the exception).
fn value_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(exception::get_attr(vm, e, "value")
        .unwrap_or_else(|| exception::args(e).first().copied().unwrap_or(Value::NONE)))
}
fn value_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exception::set_attr(vm, e, "value", if v.is_null() { Value::NONE } else { v });
    Ok(())
}

/// SystemExit.code: None, the argument, or the arguments.
fn code_of_args(e: Value) -> Value {
    let args = exception::args(e);
    match args.len() {
        0 => Value::NONE,
        1 => args[0],
        _ => exception::obj(e).map(|o| o.args).unwrap_or(Value::NONE),
    }
}
fn code_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(exception::get_attr(vm, e, "code").unwrap_or_else(|| code_of_args(e)))
}
fn code_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exception::set_attr(vm, e, "code", if v.is_null() { Value::NONE } else { v });
    Ok(())
}

fn written_get(vm: &mut Vm, e: Value) -> PyResult<Value> {
    match exception::get_attr(vm, e, "characters_written") {
        Some(v) if !v.is_none() => Ok(v),
        _ => Err(vm.new_error(vm.exc.attribute_error, "characters_written")),
    }
}
fn written_set(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        if exception::get_attr(vm, e, "characters_written").is_none_or(|x| x.is_none()) {
            return Err(vm.new_error(vm.exc.attribute_error, "characters_written"));
        }
        exception::set_attr(vm, e, "characters_written", Value::NONE);
        return Ok(());
    }
    let n = vm.index(v)?;
    exception::set_attr(vm, e, "characters_written", n);
    Ok(())
}

// ---- constructors ----

/// `BaseException.__init__` without keywords.
fn base_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, &Args::new(a.pos))
}

/// Rejects keywords other than `allowed`, as CPython's keyword-only parsing does.
fn only_keywords(vm: &mut Vm, a: &Args, allowed: &[&str], owner: &str) -> PyResult<()> {
    for k in a.kwnames {
        let k = pystr::as_str(*k);
        if !allowed.contains(&k) {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {owner}()"
            )));
        }
    }
    Ok(())
}

fn stop_iteration_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, a)?;
    let v = a.pos.get(1).copied().unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "value", v);
    Ok(Value::NONE)
}

fn system_exit_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, a)?;
    let code = code_of_args(a.pos[0]);
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
    only_keywords(vm, a, &["name"], "NameError")?;
    base_init(vm, a)?;
    let name = a.kw("name").unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "name", name);
    Ok(Value::NONE)
}

fn attribute_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    only_keywords(vm, a, &["name", "obj"], "AttributeError")?;
    base_init(vm, a)?;
    let name = a.kw("name").unwrap_or(Value::NONE);
    exception::set_attr(vm, a.pos[0], "name", name);
    // `obj` stays unset unless given (no "Did you mean" without it).
    if let Some(obj) = a.kw("obj") {
        exception::set_attr(vm, a.pos[0], "obj", obj);
    }
    Ok(Value::NONE)
}

fn import_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    only_keywords(vm, a, &["name", "path"], "ImportError")?;
    base_init(vm, a)?;
    let e = a.pos[0];
    let msg = if a.pos.len() == 2 {
        a.pos[1]
    } else {
        Value::NONE
    };
    exception::set_attr(vm, e, "msg", msg);
    for n in ["name", "path"] {
        let v = a.kw(n).unwrap_or(Value::NONE);
        exception::set_attr(vm, e, n, v);
    }
    Ok(Value::NONE)
}

fn import_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match msg_get(vm, a.pos[0]).ok() {
        Some(m) if m.is_kind(Kind::Str) => Ok(m),
        _ => exc_str(vm, a),
    }
}

// ---- OSError ----

/// The OSError subclass CPython picks for an errno (Linux numbering).
fn errno_subclass(vm: &Vm, errno: i64) -> Option<Value> {
    let x = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => x.blocking_io_error,
        10 => x.child_process_error,
        32 | 108 => x.broken_pipe_error,
        103 => x.connection_aborted_error,
        111 => x.connection_refused_error,
        104 => x.connection_reset_error,
        17 => x.file_exists_error,
        2 => x.file_not_found_error,
        21 => x.is_a_directory_error,
        20 => x.not_a_directory_error,
        4 => x.interrupted_error,
        1 | 13 => x.permission_error,
        3 => x.process_lookup_error,
        110 => x.timeout_error,
        _ => return None,
    })
}

/// Whether OSError's own `__init__` handles the arguments (a subclass that
/// overrides `__init__` but not `__new__`), instead of `__new__`.
fn os_error_uses_init(vm: &mut Vm, cls: Value) -> bool {
    let name = pystr::intern(vm, "__init__");
    let ours = types::lookup(vm.exc.os_error, name);
    let theirs = types::lookup(cls, name);
    ours != theirs
}

fn os_error_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut cls = a.pos[0];
    if !cls.is_kind(Kind::Type) || !types::is_subtype(cls, vm.exc.os_error) {
        return Err(vm.type_error("OSError.__new__(X): X is not a subtype of OSError"));
    }
    let args = &a.pos[1..];
    if os_error_uses_init(vm, cls) {
        return Ok(vm.new_exception(cls, &[]));
    }
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", types::name(cls))));
    }
    if cls == vm.exc.os_error
        && (2..=5).contains(&args.len())
        && int::is_int(args[0])
        && let Some(n) = int::to_i64(args[0])
        && let Some(sub) = errno_subclass(vm, n)
    {
        cls = sub;
    }
    let e = vm.new_exception(cls, args);
    os_error_setup(vm, e, args)?;
    Ok(e)
}

/// CPython's `oserror_init`: errno, strerror, filename(s) from the arguments.
fn os_error_setup(vm: &mut Vm, e: Value, args: &[Value]) -> PyResult<()> {
    if !(2..=5).contains(&args.len()) {
        return Ok(());
    }
    exception::set_attr(vm, e, "errno", args[0]);
    exception::set_attr(vm, e, "strerror", args[1]);
    let filename = args.get(2).copied().unwrap_or(Value::NONE);
    if !filename.is_none() {
        let ty = vm.type_of(e);
        if ty == vm.exc.blocking_io_error && (int::is_int(filename) || filename.is_float()) {
            let n = vm.index(filename)?;
            exception::set_attr(vm, e, "characters_written", n);
        } else {
            exception::set_attr(vm, e, "filename", filename);
            let f2 = args.get(4).copied().unwrap_or(Value::NONE);
            if !f2.is_none() {
                exception::set_attr(vm, e, "filename2", f2);
            }
            // The filenames are not part of args.
            let t = tuple::new(vm, &args[..2]);
            if let Some(o) = e.get::<ExceptionObj>() {
                o.args = t;
            }
        }
    }
    Ok(())
}

fn os_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let cls = vm.type_of(e);
    if !os_error_uses_init(vm, cls) {
        return Ok(Value::NONE);
    }
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", types::name(cls))));
    }
    exc_init(vm, a)?;
    os_error_setup(vm, e, &a.pos[1..])?;
    Ok(Value::NONE)
}

fn os_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let get = |vm: &mut Vm, n: &str| exception::get_attr(vm, e, n).unwrap_or(Value::NONE);
    let (errno, strerror, filename, filename2) = (
        get(vm, "errno"),
        get(vm, "strerror"),
        get(vm, "filename"),
        get(vm, "filename2"),
    );
    if !filename.is_none() {
        let (en, se, f) = (
            vm.str_string(errno)?,
            vm.str_string(strerror)?,
            vm.repr_string(filename)?,
        );
        let s = if !filename2.is_none() {
            let f2 = vm.repr_string(filename2)?;
            format!("[Errno {en}] {se}: {f} -> {f2}")
        } else {
            format!("[Errno {en}] {se}: {f}")
        };
        return Ok(pystr::new(vm, &s));
    }
    if !errno.is_none() && !strerror.is_none() {
        let s = format!(
            "[Errno {}] {}",
            vm.str_string(errno)?,
            vm.str_string(strerror)?
        );
        return Ok(pystr::new(vm, &s));
    }
    exc_str(vm, a)
}

fn os_error_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let mut args = exception::args(e).to_vec();
    let filename = exception::get_attr(vm, e, "filename").unwrap_or(Value::NONE);
    if args.len() == 2 && !filename.is_none() {
        args.push(filename);
        let f2 = exception::get_attr(vm, e, "filename2").unwrap_or(Value::NONE);
        if !f2.is_none() {
            args.push(Value::NONE);
            args.push(f2);
        }
    }
    let t = tuple::new(vm, &args);
    let ty = vm.type_of(e);
    Ok(tuple::new(vm, &[ty, t]))
}

// ---- SyntaxError ----

pub(super) fn syntax_error_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exc_init(vm, a)?;
    let e = a.pos[0];
    if let Some(&msg) = a.pos.get(1) {
        exception::set_attr(vm, e, "msg", msg);
    }
    if a.pos.len() == 3 {
        let info = a.pos[2];
        let items: Vec<Value> = if info.is_kind(Kind::Tuple) {
            tuple::items(info).to_vec()
        } else {
            vm.collect_iter(info)?.to_vec()
        };
        if items.len() < 4 {
            return Err(vm.type_error(format!(
                "function takes at least 4 arguments ({} given)",
                items.len()
            )));
        }
        if items.len() > 6 {
            return Err(vm.type_error(format!(
                "function takes at most 6 arguments ({} given)",
                items.len()
            )));
        }
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (i, n) in names.iter().enumerate() {
            let v = items.get(i).copied().unwrap_or(Value::NONE);
            exception::set_attr(vm, e, n, v);
        }
        if items.len() == 5 {
            return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
        }
    }
    Ok(Value::NONE)
}

fn syntax_error_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.pos[0];
    let msg = msg_get(vm, e)?;
    let msg = vm.str_string(msg)?;
    let filename = exception::get_attr(vm, e, "filename").filter(|v| v.is_kind(Kind::Str));
    let lineno = exception::get_attr(vm, e, "lineno").filter(|v| int::is_int(*v) && !v.is_bool());
    let base = filename.map(|f| {
        let f = pystr::as_str(f);
        f.rsplit('/').next().unwrap_or(f).to_string()
    });
    let s = match (base, lineno) {
        (Some(b), Some(l)) => format!("{msg} ({b}, line {})", vm.str_string(l)?),
        (Some(b), None) => format!("{msg} ({b})"),
        (None, Some(l)) => format!("{msg} (line {})", vm.str_string(l)?),
        (None, None) => msg,
    };
    Ok(pystr::new(vm, &s))
}
