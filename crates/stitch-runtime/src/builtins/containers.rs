//! Container types: `list`, `tuple`, `dict` (and its views), `set`, `frozenset`,
//! `range`, `slice`, and the iterator types `enumerate`, `zip`, `map`, `filter`,
//! `reversed` and `iter(callable, sentinel)`.
//!
//! This module holds what the types share (argument checks with CPython's messages,
//! guarded reprs, sequence comparison); each type lives in its own submodule.

mod alias;
mod dict;
mod iters;
mod list;
mod range;
mod set;
pub(crate) mod sort;
mod tuple;
mod views;

use stitch_core::instr::cmpop;
use stitch_core::layout::InstanceObj;
use stitch_core::value::Value;

use crate::object::{ValueExt, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub use dict::{dict_equal, update_from as dict_update};
pub use list::list_sort;
pub use sort::sort_values;

pub fn init(vm: &mut Vm) {
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    range::init(vm);
    iters::init(vm);
    alias::init(vm);
}

// ---- argument checks (counts exclude `self`) ----

fn no_kwargs(vm: &mut Vm, a: &Args, qualname: &str) -> PyResult<()> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    Ok(())
}

/// A method taking exactly one argument (`METH_O`).
pub(crate) fn one_arg(vm: &mut Vm, a: &Args, qualname: &str) -> PyResult<Value> {
    no_kwargs(vm, a, qualname)?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    Ok(a.pos[1])
}

/// A method taking no argument (`METH_NOARGS`).
pub(crate) fn no_args(vm: &mut Vm, a: &Args, qualname: &str) -> PyResult<()> {
    no_kwargs(vm, a, qualname)?;
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// A method with positional-only parameters (Argument Clinic): the arguments after
/// `self`, between `min` and `max` of them.
pub(crate) fn pos_args<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    qualname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(vm, a, qualname)?;
    let rest = a.pos.get(1..).unwrap_or(&[]);
    if rest.len() < min || rest.len() > max {
        let name = qualname.rsplit('.').next().unwrap_or(qualname);
        arity(vm, name, rest.len(), min, max)?;
    }
    Ok(rest)
}

/// `name expected N arguments, got M` (Argument Clinic and `PyArg_UnpackTuple`).
pub(crate) fn arity(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A slot wrapper (`__len__`, `__lt__`...): exactly `n` arguments after self.
pub(crate) fn slot_args(vm: &mut Vm, a: &Args, n: usize) -> PyResult<()> {
    let given = a.pos.len().saturating_sub(1);
    if given != n || a.has_kwargs() {
        if a.has_kwargs() {
            return Err(vm.type_error("wrapper takes no keyword arguments"));
        }
        return Err(vm.type_error(format!(
            "expected {n} argument{}, got {given}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

// ---- shared helpers ----

/// The native object behind `v` (for instances of subclasses of builtin types).
pub(crate) fn native_of(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

/// The class argument of a type's `__new__`, checked as CPython's `tp_new` wrapper
/// checks it.
pub(crate) fn new_cls(vm: &mut Vm, a: &Args, base: Value) -> PyResult<Value> {
    let name = crate::object::types::name(base);
    let Some(&cls) = a.pos.first() else {
        return Err(vm.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    if !cls.is_kind(stitch_core::layout::Kind::Type) {
        return Err(vm.type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    if !crate::object::types::is_subtype(cls, base) {
        let c = crate::object::types::name(cls);
        return Err(vm.type_error(format!(
            "{name}.__new__({c}): {c} is not a subtype of {name}"
        )));
    }
    Ok(cls)
}

/// `v` as it should be returned for class `cls`: wrapped in an instance of a subclass.
pub(crate) fn for_class(vm: &mut Vm, cls: Value, base_ty: Value, v: Value) -> Value {
    if cls == base_ty {
        v
    } else {
        super::numbers::subclass_instance(vm, cls, v)
    }
}

/// The error for a method called on an object without the expected native layout.
pub(crate) fn wrong_self(vm: &mut Vm, what: &str, v: Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "descriptor requires a '{what}' object but received a '{}'",
        vm.type_name(v)
    ))
}

/// Runs `f` with `obj` marked as being repr'd; a nested repr of `obj` gives `again`.
pub(crate) fn repr_guarded(
    vm: &mut Vm,
    obj: Value,
    again: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<Value> {
    if vm.repr_guard.contains(&obj) {
        return Ok(pystr::new(vm, again));
    }
    vm.repr_guard.push(obj);
    let r = f(vm);
    if let Some(p) = vm.repr_guard.iter().rposition(|x| *x == obj) {
        vm.repr_guard.remove(p);
    }
    let s = r?;
    Ok(pystr::new(vm, &s))
}

/// `", ".join(repr(x) for x in items)`, reading the items afresh at each step (they
/// may change while an item's `__repr__` runs).
pub(crate) fn join_reprs(vm: &mut Vm, items: impl Fn() -> &'static [Value]) -> PyResult<String> {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&x) = items().get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(x)?;
        out.push_str(pystr::as_str(r));
        i += 1;
    }
    Ok(out)
}

/// `a == b` as containers test it: identity first (a float is identical to the
/// same bits), then `__eq__`.
pub(crate) fn same_or_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    vm.eq_bool(a, b)
}

/// Rich comparison of two sequences, read afresh at each step, as CPython's
/// list and tuple comparisons do.
pub(crate) fn compare_seqs(
    vm: &mut Vm,
    a: Value,
    b: Value,
    items: fn(Value) -> &'static [Value],
    op: u32,
) -> PyResult<Value> {
    let (la, lb) = (items(a).len(), items(b).len());
    if la != lb && (op == cmpop::EQ || op == cmpop::NE) {
        return Ok(Value::from_bool(op == cmpop::NE));
    }
    let mut i = 0;
    loop {
        let (xs, ys) = (items(a), items(b));
        if i >= xs.len() || i >= ys.len() {
            break;
        }
        let (x, y) = (xs[i], ys[i]);
        if !same_or_eq(vm, x, y)? {
            break;
        }
        i += 1;
    }
    let (xs, ys) = (items(a), items(b));
    if i >= xs.len() || i >= ys.len() {
        let (la, lb) = (xs.len(), ys.len());
        let r = match op {
            cmpop::LT => la < lb,
            cmpop::LE => la <= lb,
            cmpop::EQ => la == lb,
            cmpop::NE => la != lb,
            cmpop::GT => la > lb,
            _ => la >= lb,
        };
        return Ok(Value::from_bool(r));
    }
    match op {
        cmpop::EQ => Ok(Value::FALSE),
        cmpop::NE => Ok(Value::TRUE),
        _ => {
            let (x, y) = (xs[i], ys[i]);
            vm.compare(x, y, op)
        }
    }
}

/// `cls[args]` for the builtin generic types.
pub(crate) fn class_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arg = one_arg(vm, a, "__class_getitem__")?;
    crate::object::native::generic_alias(vm, a.pos[0], arg)
}

/// An index argument converted like Argument Clinic's `Py_ssize_t` converter.
pub(crate) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_value(v)
}

/// A `start`/`stop` argument of `index()` (`_PyEval_SliceIndexNotNone`): clamped.
pub(crate) fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_small_int() {
        return Ok(v.small_value());
    }
    let ok = !v.is_float()
        && (crate::object::int::is_int(v) || vm.lookup_special(v, vm.names.index).is_some());
    if !ok {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = vm.index(v)?;
    Ok(crate::object::int::to_i64_clamped(i))
}
