//! Code objects as Python sees them: the `co_*` attributes with CPython's meanings
//! (flags translated to CPython's `CO_*` bits), `co_positions()` and `co_lines()`
//! over the per-word source locations (one entry per two bytes of "bytecode", as
//! `f_lasti`/`tb_lasti` count), and `replace()`.

use std::cell::Cell;

use stitch_core::layout::{Kind, code_flags};
use stitch_core::value::Value;

use super::{add_getsets, add_methods};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{CodeObj, ValueExt, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// Runtime-only code flag: a generator function's code marked by
/// `types.coroutine` (`CO_ITERABLE_COROUTINE`): its generators can be awaited.
/// Kept above the bits `stitch_core::layout::code_flags` uses.
pub const ITERABLE_COROUTINE: u32 = 1 << 20;

/// True for the code of a `types.coroutine` generator function.
pub fn is_iterable_coroutine(code: Value) -> bool {
    code.is_kind(Kind::Code) && cobj(code).prefix.flags & ITERABLE_COROUTINE != 0
}

/// CPython's `CO_*` flag bits.
mod co {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

pub fn init(vm: &mut Vm) {
    let c = vm.types.code;
    add_getsets(
        vm,
        c,
        &[
            ("co_name", code_name, None),
            ("co_qualname", code_qualname, None),
            ("co_filename", code_filename, None),
            ("co_firstlineno", code_firstlineno, None),
            ("co_argcount", code_argcount, None),
            ("co_posonlyargcount", code_posonlyargcount, None),
            ("co_kwonlyargcount", code_kwonlyargcount, None),
            ("co_nlocals", code_nlocals, None),
            ("co_varnames", code_varnames, None),
            ("co_cellvars", code_cellvars, None),
            ("co_freevars", code_freevars, None),
            ("co_names", code_names, None),
            ("co_consts", code_consts, None),
            ("co_stacksize", code_stacksize, None),
            ("co_flags", code_flags_get, None),
        ],
    );
    add_methods(
        vm,
        c,
        &[
            ("__repr__", code_repr),
            ("co_positions", co_positions),
            ("co_lines", co_lines),
            ("replace", code_replace),
        ],
    );
}

fn cobj(v: Value) -> &'static CodeObj {
    // SAFETY: the getsets and methods are installed on the code type only.
    unsafe { v.raw::<CodeObj>() }
}

fn code_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = cobj(a.pos[0]);
    let (name, file, line) = (c.name, c.filename, c.unit.firstlineno);
    let name = pystr::text_of(name).unwrap_or("?").to_string();
    let file = pystr::text_of(file).unwrap_or("?").to_string();
    let s = format!(
        "<code object {name} at {:#x}, file \"{file}\", line {line}>",
        vm.id_of(a.pos[0])
    );
    Ok(pystr::new(vm, &s))
}

fn code_name(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(cobj(v).name)
}
fn code_qualname(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(cobj(v).qualname)
}
fn code_filename(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(cobj(v).filename)
}
fn code_firstlineno(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).unit.firstlineno as i64))
}
fn code_argcount(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).prefix.argcount as i64))
}
fn code_posonlyargcount(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).prefix.posonlyargcount as i64))
}
fn code_kwonlyargcount(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).prefix.kwonlyargcount as i64))
}
fn code_nlocals(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).unit.varnames.len() as i64))
}
fn code_stacksize(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cobj(v).prefix.stacksize as i64))
}

/// CPython's `co_flags` for a code object.
pub fn cpython_flags(c: &CodeObj) -> u32 {
    let f = c.prefix.flags;
    let mut out = 0;
    if f & code_flags::NAMESPACE == 0 {
        out |= co::OPTIMIZED | co::NEWLOCALS;
    }
    if f & code_flags::VARARGS != 0 {
        out |= co::VARARGS;
    }
    if f & code_flags::VARKEYWORDS != 0 {
        out |= co::VARKEYWORDS;
    }
    if f & code_flags::GENERATOR != 0 {
        out |= co::GENERATOR;
    }
    if f & code_flags::COROUTINE != 0 {
        out |= co::COROUTINE;
    }
    if f & code_flags::ASYNC_GENERATOR != 0 {
        out |= co::ASYNC_GENERATOR;
    }
    if f & ITERABLE_COROUTINE != 0 {
        out |= co::ITERABLE_COROUTINE;
    }
    if c.unit.freevars.is_empty()
        && c.unit.cellvars.is_empty()
        && f & code_flags::HAS_CELL_ARGS == 0
    {
        out |= co::NOFREE;
    }
    out
}

fn code_flags_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(cpython_flags(cobj(v)) as i64))
}

fn str_tuple(vm: &mut Vm, names: &[String]) -> Value {
    let mut vals = crate::gc::Rooted::new();
    for n in names {
        let s = pystr::intern(vm, n);
        vals.push(s);
    }
    tuple::new(vm, &vals)
}

fn code_varnames(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let names = cobj(v).unit.varnames.clone();
    Ok(str_tuple(vm, &names))
}
fn code_cellvars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let names = cobj(v).unit.cellvars.clone();
    Ok(str_tuple(vm, &names))
}
fn code_freevars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let names = cobj(v).unit.freevars.clone();
    Ok(str_tuple(vm, &names))
}
fn code_names(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let names = cobj(v).names.clone();
    Ok(tuple::new(vm, &names))
}
fn code_consts(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let consts = cobj(v).consts.clone();
    Ok(tuple::new(vm, &consts))
}

/// The iterator of `co_positions()` or `co_lines()`.
struct LocationIter {
    code: Value,
    pos: Cell<usize>,
    lines: bool,
}

impl NativeData for LocationIter {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark(self.code);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let locs = &cobj(self.code).unit.locations;
        let i = self.pos.get();
        if i >= locs.len() {
            return Some(Ok(None));
        }
        let opt = |n: u32, ok: bool| {
            if ok {
                Value::small(n as i64)
            } else {
                Value::NONE
            }
        };
        if self.lines {
            // A run of words on the same line: (start, end, line) in bytes.
            let line = locs[i].line;
            let mut j = i + 1;
            while j < locs.len() && locs[j].line == line {
                j += 1;
            }
            self.pos.set(j);
            let t = tuple::new(
                vm,
                &[
                    Value::small(2 * i as i64),
                    Value::small(2 * j as i64),
                    opt(line, line != 0),
                ],
            );
            return Some(Ok(Some(t)));
        }
        self.pos.set(i + 1);
        let l = locs[i];
        let known = l.line != 0;
        let t = tuple::new(
            vm,
            &[
                opt(l.line, known),
                opt(l.end_line, known),
                opt(l.col, known),
                opt(l.end_col, known),
            ],
        );
        Some(Ok(Some(t)))
    }
    native_any!();
}

fn location_iter_type(vm: &mut Vm) -> Value {
    let t = crate::modules::util::native_type(vm, "builtins", "positions_iterator", false);
    crate::modules::util::iterator_methods(vm, t);
    t
}

fn location_iter(vm: &mut Vm, code: Value, lines: bool) -> Value {
    let t = crate::modules::util::registered(vm, "builtins.positions_iterator", location_iter_type);
    native::new(
        vm,
        t,
        Box::new(LocationIter {
            code,
            pos: Cell::new(0),
            lines,
        }),
    )
}

fn co_positions(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "co_positions", 1, 1)?;
    Ok(location_iter(vm, a.pos[0], false))
}

fn co_lines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "co_lines", 1, 1)?;
    Ok(location_iter(vm, a.pos[0], true))
}

/// `code.replace(**changes)`: a copy with `co_name`, `co_qualname`,
/// `co_filename`, `co_firstlineno` or the generator/coroutine bits of `co_flags`
/// changed (what `types.coroutine` and decorators rewriting names need).
fn code_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let this = a.pos[0];
    let c = cobj(this);
    let mut unit = (*c.unit).clone();
    unit.code = c.instrs.clone();
    let mut flags = c.prefix.flags;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let key = pystr::as_str(*k);
        let text = |vm: &mut Vm, v: Value| -> PyResult<String> {
            pystr::text_of(v).map(str::to_string).ok_or_else(|| {
                vm.type_error(format!(
                    "replace() argument '{key}' must be str, not {}",
                    vm.type_name(v)
                ))
            })
        };
        match key {
            "co_name" => unit.name = text(vm, *v)?,
            "co_qualname" => unit.qualname = text(vm, *v)?,
            "co_filename" => unit.filename = text(vm, *v)?,
            "co_firstlineno" => unit.firstlineno = vm.index_value(*v)? as u32,
            "co_flags" => {
                let want = vm.index_value(*v)? as u32;
                if want & co::ITERABLE_COROUTINE != 0 {
                    flags |= ITERABLE_COROUTINE;
                } else {
                    flags &= !ITERABLE_COROUTINE;
                }
            }
            _ => {
                if vm.getattr_opt(this, *k)?.is_none() {
                    return Err(vm.type_error(format!(
                        "'{key}' is an invalid keyword argument for replace()"
                    )));
                }
                return Err(vm.not_supported(&format!("code.replace({key}=...)")));
            }
        }
    }
    // Constants keep their identity (the old object keeps them alive meanwhile).
    let consts = c.consts.clone();
    let new = crate::object::function::new_code(vm, unit);
    let n = cobj(new) as *const CodeObj as *mut CodeObj;
    // SAFETY: `new` was just allocated and is not shared; the vectors keep their
    // length, so the prefix pointers are refreshed below.
    unsafe {
        (*n).consts = consts;
        (*n).prefix.flags = flags;
        (*n).prefix.consts = (*n).consts.as_ptr();
    }
    if new.is_kind(Kind::Code) {
        Ok(new)
    } else {
        Err(vm.type_error("replace(): not a code object"))
    }
}
