//! `BaseExceptionGroup` / `ExceptionGroup` and the runtime side of `except*`:
//! splitting a group by a condition, and assembling what is re-raised after the
//! clauses ran.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::{add_methods, add_static};
use crate::gc::Rooted;
use crate::object::{ExceptionObj, exception, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let b = vm.exc.base_exception_group;
    add_static(vm, b, &[("__new__", group_new)]);
    add_methods(
        vm,
        b,
        &[
            ("__init__", group_init),
            ("__str__", group_str),
            ("__repr__", group_repr),
            ("derive", group_derive),
            ("split", group_split),
            ("subgroup", group_subgroup),
        ],
    );
    let ty = vm.exc.exception_group;
    // ExceptionGroup is also an Exception.
    let mro = vec![ty, b, vm.exc.exception, vm.exc.base_exception, vm.types.object];
    types::ty(ty).mro = mro;
    types::ty(ty).bases = vec![b, vm.exc.exception];
    types::ty(vm.exc.exception).subclasses.push(ty);
}

fn is_group(vm: &Vm, v: Value) -> bool {
    v.is_kind(Kind::Exception) && vm.is_instance_of(v, vm.exc.base_exception_group)
}

/// The `exceptions` of a group.
fn members(vm: &mut Vm, g: Value) -> Vec<Value> {
    match exception::get_attr(vm, g, "exceptions") {
        Some(t) if t.is_kind(Kind::Tuple) => tuple::items(t).to_vec(),
        _ => Vec::new(),
    }
}

fn group_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut cls = a.pos[0];
    if a.pos.len() != 3 || a.has_kwargs() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let (msg, excs) = (a.pos[1], a.pos[2]);
    if pystr::text_of(msg).is_none() {
        return Err(vm.type_error(format!("argument 1 must be str, not {}", vm.type_name(msg))));
    }
    let is_seq = excs.is_kind(Kind::List) || excs.is_kind(Kind::Tuple) || vm.lookup_special(excs, vm.names.getitem).is_some();
    if !is_seq || excs.is_kind(Kind::Str) || excs.is_kind(Kind::Dict) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect_iter(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if !e.is_kind(Kind::Exception) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !vm.is_instance_of(*e, vm.exc.exception) {
            all_exceptions = false;
        }
    }
    if cls == vm.exc.base_exception_group {
        if all_exceptions {
            cls = vm.exc.exception_group;
        }
    } else if types::is_subtype(cls, vm.exc.exception) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let e = vm.new_exception(cls, &[msg, excs]);
    exception::set_attr(vm, e, "message", msg);
    let t = tuple::new(vm, &items);
    exception::set_attr(vm, e, "exceptions", t);
    Ok(e)
}

fn group_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn group_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = a.pos[0];
    let msg = exception::get_attr(vm, g, "message").unwrap_or(vm.empty_str);
    let n = members(vm, g).len();
    let s = format!(
        "{} ({n} sub-exception{})",
        pystr::text_of(msg).unwrap_or(""),
        if n == 1 { "" } else { "s" }
    );
    Ok(pystr::new(vm, &s))
}

fn group_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = a.pos[0];
    let name = types::ty(vm.type_of(g)).name.clone();
    let msg = exception::get_attr(vm, g, "message").unwrap_or(vm.empty_str);
    let m = vm.repr_string(msg)?;
    let excs = exception::obj(g).map(|o| o.args).filter(|t| t.is_kind(Kind::Tuple)).map(|t| tuple::items(t).get(1).copied().unwrap_or(Value::NONE)).unwrap_or(Value::NONE);
    let e = vm.repr_string(excs)?;
    Ok(pystr::new(vm, &format!("{name}({m}, {e})")))
}

/// A group like `g` (same message and class family) holding `excs`, carrying g's
/// metadata (traceback, cause, context, notes).
fn derive_with_metadata(vm: &mut Vm, g: Value, excs: &[Value]) -> PyResult<Value> {
    let l = crate::object::list::new(vm, excs);
    let new = vm.call_method(g, "derive", &[l])?;
    if let (Some(src), Some(dst)) = (exception::obj(g), exception::obj(new)) {
        dst.traceback = src.traceback;
        dst.cause = src.cause;
        dst.context = src.context;
        dst.suppress_context = src.suppress_context;
    }
    if let Some(notes) = exception::get_attr(vm, g, "__notes__") {
        exception::set_attr(vm, new, "__notes__", notes);
    }
    Ok(new)
}

fn group_derive(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "derive", 2, 2)?;
    let msg = exception::get_attr(vm, a.pos[0], "message").unwrap_or(vm.empty_str);
    vm.call(vm.exc.base_exception_group, &[msg, a.pos[1]])
}

/// Does a leaf exception match the split condition (a type, tuple, or predicate)?
fn leaf_matches(vm: &mut Vm, e: Value, cond: Value) -> PyResult<bool> {
    if cond.is_kind(Kind::Type) || cond.is_kind(Kind::Tuple) {
        return vm.isinstance(e, cond);
    }
    let r = vm.call(cond, &[e])?;
    vm.truth(r)
}

/// Splits `g` by `cond`: (matching part, rest), each None when empty.
fn split(vm: &mut Vm, g: Value, cond: Value) -> PyResult<(Value, Value)> {
    if leaf_matches(vm, g, cond)? && (cond.is_kind(Kind::Type) || cond.is_kind(Kind::Tuple) || !is_group(vm, g)) {
        return Ok((g, Value::NONE));
    }
    if !is_group(vm, g) {
        return Ok((Value::NONE, g));
    }
    let mut matched = Rooted::new();
    let mut rest = Rooted::new();
    for e in members(vm, g) {
        let (m, r) = if is_group(vm, e) { split(vm, e, cond)? } else if leaf_matches(vm, e, cond)? { (e, Value::NONE) } else { (Value::NONE, e) };
        if !m.is_none() {
            matched.push(m);
        }
        if !r.is_none() {
            rest.push(r);
        }
    }
    let m = if matched.is_empty() { Value::NONE } else { derive_with_metadata(vm, g, &matched)? };
    let r = if rest.is_empty() { Value::NONE } else { derive_with_metadata(vm, g, &rest)? };
    Ok((m, r))
}

fn check_condition(vm: &mut Vm, cond: Value) -> PyResult<()> {
    let ok = |vm: &Vm, c: Value| c.is_kind(Kind::Type) && types::is_subtype(c, vm.exc.base_exception);
    if ok(vm, cond) || vm.is_callable(cond) && !cond.is_kind(Kind::Type) {
        return Ok(());
    }
    if cond.is_kind(Kind::Tuple) && tuple::items(cond).iter().all(|c| ok(vm, *c)) {
        return Ok(());
    }
    Err(vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
}

fn group_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "split", 2, 2)?;
    check_condition(vm, a.pos[1])?;
    let (m, r) = split(vm, a.pos[0], a.pos[1])?;
    Ok(tuple::new(vm, &[m, r]))
}

fn group_subgroup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::args::count(vm, a, "subgroup", 2, 2)?;
    check_condition(vm, a.pos[1])?;
    Ok(split(vm, a.pos[0], a.pos[1])?.0)
}

/// `except* T`: `out` receives `[rest, match]`.
pub fn check_eg_match(vm: &mut Vm, exc: Value, ty: Value, out: *mut Value) -> PyResult<Value> {
    let classes: Vec<Value> = if ty.is_kind(Kind::Tuple) { tuple::items(ty).to_vec() } else { vec![ty] };
    for c in &classes {
        if !c.is_kind(Kind::Type) || !types::is_subtype(*c, vm.exc.base_exception) {
            return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        if types::is_subtype(*c, vm.exc.base_exception_group) {
            return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
    }
    let (rest, matched) = if exc.is_none() {
        (Value::NONE, Value::NONE)
    } else if !is_group(vm, exc) {
        if vm.isinstance(exc, ty)? {
            let msg = vm.empty_str;
            let t = tuple::new(vm, &[exc]);
            let g = vm.call(vm.exc.base_exception_group, &[msg, t])?;
            if let (Some(src), Some(dst)) = (exception::obj(exc), exception::obj(g)) {
                dst.traceback = src.traceback;
            }
            (Value::NONE, g)
        } else {
            (exc, Value::NONE)
        }
    } else {
        let (m, r) = split(vm, exc, ty)?;
        (r, m)
    };
    if !matched.is_none() {
        vm.exc_info = matched;
    }
    // SAFETY: the micro-op passes two stack slots.
    unsafe {
        *out = rest;
        *out.add(1) = matched;
    }
    Ok(Value::NONE)
}

/// The leaf exceptions of an exception (itself if not a group).
fn leaves(vm: &mut Vm, e: Value, out: &mut Vec<Value>) {
    if is_group(vm, e) {
        for m in members(vm, e) {
            leaves(vm, m, out);
        }
    } else {
        out.push(e);
    }
}

fn same_metadata(a: &ExceptionObj, b: &ExceptionObj) -> bool {
    a.traceback == b.traceback && a.cause == b.cause && a.context == b.context
}

/// After the `except*` clauses: what to re-raise (None if nothing).
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, excs: Value) -> PyResult<Value> {
    let items: Vec<Value> = crate::object::list::items(excs).iter().copied().filter(|e| !e.is_none()).collect();
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(vm, orig) {
        // A lone exception matched by except*: re-raised as is, or what a clause raised.
        return Ok(items[0]);
    }
    let mut raised = Rooted::new();
    let mut reraised_leaves = Vec::new();
    for e in &items {
        let is_reraise = match (exception::obj(*e), exception::obj(orig)) {
            (Some(x), Some(o)) => *e == orig || same_metadata(x, o),
            _ => false,
        };
        if is_reraise {
            leaves(vm, *e, &mut reraised_leaves);
        } else {
            raised.push(*e);
        }
    }
    let leaves_list = Rooted::from_vec(reraised_leaves);
    let keep = if leaves_list.is_empty() {
        Value::NONE
    } else {
        let mut all = Vec::new();
        leaves(vm, orig, &mut all);
        if all.iter().all(|l| leaves_list.contains(l)) {
            orig
        } else {
            split_by_identity(vm, orig, &leaves_list)?
        }
    };
    if raised.is_empty() {
        return Ok(keep);
    }
    if !keep.is_none() {
        raised.push(keep);
    }
    let msg = vm.empty_str;
    let l = crate::object::list::new(vm, &raised);
    vm.call(vm.exc.base_exception_group, &[msg, l])
}

/// The part of `g` whose leaves are among `keep` (by identity), with g's structure.
fn split_by_identity(vm: &mut Vm, g: Value, keep: &[Value]) -> PyResult<Value> {
    if !is_group(vm, g) {
        return Ok(if keep.contains(&g) { g } else { Value::NONE });
    }
    let mut parts = Rooted::new();
    for m in members(vm, g) {
        let p = split_by_identity(vm, m, keep)?;
        if !p.is_none() {
            parts.push(p);
        }
    }
    if parts.is_empty() {
        return Ok(Value::NONE);
    }
    derive_with_metadata(vm, g, &parts)
}
