//! The slow paths micro-ops call (see `stitch_core::env::Helpers`): the generic
//! semantics of every instruction, written against the running frame.
//!
//! Each function has the helper's name and arguments, takes the interpreter, and
//! returns `PyResult<Value>`; the glue in `interp.rs` turns errors into the NULL
//! convention.

use stitch_core::env::{EXHAUSTED, ErrorCode};
use stitch_core::instr::make_function_flags as mf;
use stitch_core::layout::{CellObj, CodePrefix, Header, Kind, ListObj};
use stitch_core::value::Value;

use super::interp::Interp;
use super::{PyResult, Vm};
use crate::object::types;
use crate::object::{CodeObj, ExceptionObj, ValueExt, dict, list, set, slice, str as pystr, tuple};

type R = PyResult<Value>;

fn code_obj(it: &Interp) -> &'static CodeObj {
    // SAFETY: the running frame's code is a CodeObj.
    unsafe { Value::from_ptr((*it.frame).code).raw::<CodeObj>() }
}

fn name_at(it: &Interp, i: u32) -> Value {
    code_obj(it).names[i as usize]
}

fn globals(it: &Interp) -> Value {
    Value::from_ptr(unsafe { (*it.frame).globals })
}

fn builtins(it: &Interp) -> Value {
    Value::from_ptr(unsafe { (*it.frame).builtins })
}

pub fn raise_error(it: &mut Interp, code: u32, arg: u64) -> R {
    let c = code_obj(it);
    let name = c.unit.slot_name(arg as usize).to_string();
    let vm = &mut *it.vm;
    let e = if code == ErrorCode::UnboundLocal as u32 {
        vm.new_error(
            vm.exc.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    } else if c.unit.slot_is_free(arg as usize) {
        vm.new_error(
            vm.exc.name_error,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    } else {
        vm.new_error(
            vm.exc.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    };
    if !e.0.is_null() {
        let n = pystr::new(vm, &name);
        crate::object::exception::set_attr(vm, e.0, "name", n);
    }
    Err(e)
}

pub fn load_global(it: &mut Interp, name: u32) -> R {
    let n = name_at(it, name);
    if let Some(v) = dict::get_str(globals(it), n) {
        return Ok(v);
    }
    if let Some(v) = dict::get_str(builtins(it), n) {
        return Ok(v);
    }
    Err(it.vm.name_error(n))
}

pub fn store_global(it: &mut Interp, name: u32, v: Value) -> R {
    let n = name_at(it, name);
    dict::set_str(globals(it), n, v);
    Ok(Value::NONE)
}

pub fn delete_global(it: &mut Interp, name: u32) -> R {
    let n = name_at(it, name);
    match dict::remove_str(globals(it), n) {
        Some(_) => Ok(Value::NONE),
        None => Err(it.vm.name_error(n)),
    }
}

fn namespace(it: &Interp) -> Value {
    let ns = unsafe { (*it.frame).ns };
    if ns.is_null() { globals(it) } else { ns }
}

pub fn load_name(it: &mut Interp, name: u32) -> R {
    let n = name_at(it, name);
    let ns = namespace(it);
    if ns.is_kind(Kind::Dict) {
        if let Some(v) = dict::get_str(ns, n) {
            return Ok(v);
        }
    } else {
        match it.vm.getitem(ns, n) {
            Ok(v) => return Ok(v),
            Err(e) if it.vm.is_instance_of(e.0, it.vm.exc.key_error) => {}
            Err(e) => return Err(e),
        }
    }
    load_global(it, name)
}

pub fn store_name(it: &mut Interp, name: u32, v: Value) -> R {
    let n = name_at(it, name);
    let ns = namespace(it);
    if ns.is_kind(Kind::Dict) {
        dict::set_str(ns, n, v);
    } else {
        it.vm.setitem(ns, n, v)?;
    }
    Ok(Value::NONE)
}

pub fn delete_name(it: &mut Interp, name: u32) -> R {
    let n = name_at(it, name);
    let ns = namespace(it);
    if ns.is_kind(Kind::Dict) {
        if dict::remove_str(ns, n).is_some() {
            return Ok(Value::NONE);
        }
        return Err(it.vm.name_error(n));
    }
    match it.vm.delitem(ns, n) {
        Ok(()) => Ok(Value::NONE),
        Err(e) if it.vm.is_instance_of(e.0, it.vm.exc.key_error) => Err(it.vm.name_error(n)),
        Err(e) => Err(e),
    }
}

pub fn load_class_deref(it: &mut Interp, idx: u32) -> R {
    let slot = idx & 0xffff;
    let n = name_at(it, idx >> 16);
    let ns = namespace(it);
    if ns.is_kind(Kind::Dict) {
        if let Some(v) = dict::get_str(ns, n) {
            return Ok(v);
        }
    } else {
        match it.vm.getitem(ns, n) {
            Ok(v) => return Ok(v),
            Err(e) if it.vm.is_instance_of(e.0, it.vm.exc.key_error) => {}
            Err(e) => return Err(e),
        }
    }
    // SAFETY: the slot holds a cell.
    let cell = unsafe { *(*it.frame).locals.add(slot as usize) };
    let v = unsafe { cell.raw::<CellObj>() }.value;
    if v.is_null() {
        return raise_error(it, ErrorCode::UnboundDeref as u32, slot as u64);
    }
    Ok(v)
}

pub fn make_cell(it: &mut Interp, v: Value) -> R {
    Ok(new_cell(it.vm, v))
}

pub fn new_cell(vm: &mut Vm, v: Value) -> Value {
    let ty = vm.types.cell;
    vm.alloc_obj(
        ty,
        CellObj {
            header: Header::new(Kind::Cell),
            value: v,
        },
    )
}

pub fn load_attr(it: &mut Interp, obj: Value, name: u32) -> R {
    let n = name_at(it, name);
    it.vm.getattr(obj, n)
}

pub fn load_method(it: &mut Interp, obj: Value, name: u32, out: *mut Value) -> R {
    let n = name_at(it, name);
    let vm = &mut *it.vm;
    let ty = vm.type_of(obj);
    let plain = types::ty(ty).prefix.flags
        & (types::flags::CUSTOM_GETATTRIBUTE | types::flags::HAS_GETATTR)
        == 0;
    if plain
        && !obj.is_kind(Kind::Type)
        && let Some(attr) = types::lookup(ty, n)
    {
        let is_method = attr.is_kind(Kind::Function)
            || attr
                .get::<crate::object::BuiltinObj>()
                .is_some_and(|b| b.is_method());
        if is_method && vm.instance_attr(obj, n)?.is_none() {
            // SAFETY: the uop reserved two slots at out.
            unsafe {
                *out = attr;
                *out.add(1) = obj;
            }
            return Ok(Value::NONE);
        }
    }
    let v = vm.getattr(obj, n)?;
    // SAFETY: as above.
    unsafe {
        *out = v;
        *out.add(1) = Value::NULL;
    }
    Ok(Value::NONE)
}

pub fn store_attr(it: &mut Interp, obj: Value, name: u32, v: Value) -> R {
    let n = name_at(it, name);
    it.vm.setattr(obj, n, v)?;
    Ok(Value::NONE)
}

pub fn delete_attr(it: &mut Interp, obj: Value, name: u32) -> R {
    let n = name_at(it, name);
    it.vm.delattr(obj, n)?;
    Ok(Value::NONE)
}

pub fn binary_subscr(it: &mut Interp, c: Value, k: Value) -> R {
    it.vm.getitem(c, k)
}

pub fn store_subscr(it: &mut Interp, c: Value, k: Value, v: Value) -> R {
    it.vm.setitem(c, k, v)?;
    Ok(Value::NONE)
}

pub fn delete_subscr(it: &mut Interp, c: Value, k: Value) -> R {
    it.vm.delitem(c, k)?;
    Ok(Value::NONE)
}

pub fn build_slice(it: &mut Interp, a: Value, b: Value, c: Value) -> R {
    Ok(slice::for_subscript(it.vm, a, b, c))
}

pub fn binary_op(it: &mut Interp, op: u32, a: Value, b: Value) -> R {
    super::ops::binary_op(it.vm, op, a, b)
}

pub fn unary_op(it: &mut Interp, op: u32, v: Value) -> R {
    super::ops::unary_op(it.vm, op, v)
}

pub fn compare_op(it: &mut Interp, op: u32, a: Value, b: Value) -> R {
    it.vm.compare(a, b, op)
}

pub fn contains(it: &mut Interp, a: Value, b: Value) -> R {
    it.vm.contains(b, a).map(Value::from_bool)
}

pub fn truth(it: &mut Interp, v: Value) -> R {
    it.vm.truth(v).map(Value::from_bool)
}

pub fn get_iter(it: &mut Interp, v: Value) -> R {
    it.vm.iter(v)
}

pub fn push_generator_frame(it: &mut Interp, g: Value, ret: *mut Value) -> R {
    super::generator::enter_inline(it.vm, g, ret)
}

pub fn for_iter(it: &mut Interp, iter: Value) -> R {
    match it.vm.next(iter)? {
        Some(v) => Ok(v),
        None => Ok(EXHAUSTED),
    }
}

fn slice_at(items: *mut Value, n: u32) -> &'static [Value] {
    // SAFETY: the uop passes n live stack values.
    unsafe { std::slice::from_raw_parts(items, n as usize) }
}

pub fn build_tuple(it: &mut Interp, items: *mut Value, n: u32) -> R {
    Ok(tuple::new(it.vm, slice_at(items, n)))
}

pub fn build_list(it: &mut Interp, items: *mut Value, n: u32) -> R {
    Ok(list::new(it.vm, slice_at(items, n)))
}

pub fn build_set(it: &mut Interp, items: *mut Value, n: u32) -> R {
    let s = set::new(it.vm);
    for v in slice_at(items, n) {
        set::add(it.vm, s, *v)?;
    }
    Ok(s)
}

pub fn build_map(it: &mut Interp, items: *mut Value, n: u32) -> R {
    let d = dict::new(it.vm);
    let kv = slice_at(items, 2 * n);
    for pair in kv.chunks(2) {
        dict::set(it.vm, d, pair[0], pair[1])?;
    }
    Ok(d)
}

pub fn build_string(it: &mut Interp, items: *mut Value, n: u32) -> R {
    let parts = slice_at(items, n);
    let mut s = String::new();
    for p in parts {
        s.push_str(pystr::text_of(*p).unwrap_or(""));
    }
    Ok(pystr::new(it.vm, &s))
}

pub fn list_append(it: &mut Interp, l: Value, v: Value) -> R {
    let _ = it;
    list::push(&mut unsafe { l.raw::<ListObj>() }.items, v);
    Ok(Value::NONE)
}

pub fn set_add(it: &mut Interp, s: Value, v: Value) -> R {
    set::add(it.vm, s, v)?;
    Ok(Value::NONE)
}

pub fn map_add(it: &mut Interp, m: Value, k: Value, v: Value) -> R {
    dict::set(it.vm, m, k, v)?;
    Ok(Value::NONE)
}

pub fn list_extend(it: &mut Interp, l: Value, iterable: Value) -> R {
    let vm = &mut *it.vm;
    let items = match vm.collect_iter(iterable) {
        Ok(i) => i,
        Err(e) => {
            if vm.is_instance_of(e.0, vm.exc.type_error)
                && vm.lookup_special(iterable, vm.names.iter).is_none()
                && crate::object::native::iter_fast(vm, iterable).is_none()
                && vm.lookup_special(iterable, vm.names.getitem).is_none()
            {
                return Err(vm.type_error(format!(
                    "Value after * must be an iterable, not {}",
                    vm.type_name(iterable)
                )));
            }
            return Err(e);
        }
    };
    let v = list::vec(l);
    for x in items.iter() {
        list::push(v, *x);
    }
    Ok(Value::NONE)
}

pub fn set_update(it: &mut Interp, s: Value, iterable: Value) -> R {
    set::update(it.vm, s, iterable)?;
    Ok(Value::NONE)
}

pub fn dict_update(it: &mut Interp, d: Value, other: Value) -> R {
    let vm = &mut *it.vm;
    if dict::native(other).is_none() && vm.lookup_special(other, vm.names.keys).is_none() {
        return Err(vm.type_error(format!("'{}' object is not a mapping", vm.type_name(other))));
    }
    crate::builtins::dict_update_from(vm, d, other)?;
    Ok(Value::NONE)
}

pub fn dict_merge(it: &mut Interp, func: Value, d: Value, other: Value) -> R {
    let vm = &mut *it.vm;
    // The function's name is only formatted for an error message.
    if dict::native(other).is_none() && vm.lookup_special(other, vm.names.keys).is_none() {
        let fname = crate::builtins::function_str(vm, func);
        return Err(vm.type_error(format!(
            "{fname} argument after ** must be a mapping, not {}",
            vm.type_name(other)
        )));
    }
    let pairs = crate::builtins::mapping_items(vm, other)?;
    for (k, v) in pairs {
        if dict::get(vm, d, k)?.is_some() {
            let fname = crate::builtins::function_str(vm, func);
            return Err(vm.type_error(format!(
                "{fname} got multiple values for keyword argument '{}'",
                pystr::as_str(k)
            )));
        }
        dict::set(vm, d, k, v)?;
    }
    Ok(Value::NONE)
}

pub fn list_to_tuple(it: &mut Interp, l: Value) -> R {
    let items = list::items(l).to_vec();
    Ok(tuple::new(it.vm, &items))
}

pub fn unpack_sequence(it: &mut Interp, seq: Value, n: u32, out: *mut Value) -> R {
    let vm = &mut *it.vm;
    let n = n as usize;
    let rooted;
    let items: &[Value] = match seq_view(seq) {
        Some(s) => s,
        None => {
            rooted = unpack_items(vm, seq, Some(n))?;
            &rooted
        }
    };
    if items.len() != n {
        return Err(if items.len() > n {
            vm.value_error(format!("too many values to unpack (expected {n})"))
        } else {
            vm.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ))
        });
    }
    for (i, v) in items.iter().rev().enumerate() {
        // SAFETY: the uop reserved n slots at out.
        unsafe { *out.add(i) = *v };
    }
    Ok(Value::NONE)
}

/// The items of a list or tuple, read in place.
fn seq_view(seq: Value) -> Option<&'static [Value]> {
    if let Some(l) = seq.get::<ListObj>() {
        return Some(l.items.as_slice());
    }
    if seq.is_kind(Kind::Tuple) {
        return Some(tuple::items(seq));
    }
    None
}

/// The items of an unpacking source; with `limit`, stops after limit + 1 items.
fn unpack_items(vm: &mut Vm, seq: Value, limit: Option<usize>) -> PyResult<crate::gc::Rooted> {
    if let Some(s) = seq_view(seq) {
        return Ok(crate::gc::Rooted::from_vec(s.to_vec()));
    }
    let iter = match vm.iter(seq) {
        Ok(i) => i,
        Err(e)
            if vm.is_instance_of(e.0, vm.exc.type_error)
                && vm.lookup_special(seq, vm.names.iter).is_none() =>
        {
            return Err(vm.type_error(format!(
                "cannot unpack non-iterable {} object",
                vm.type_name(seq)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = crate::gc::Rooted::new();
    while let Some(x) = vm.next(iter)? {
        out.push(x);
        if let Some(l) = limit
            && out.len() > l
        {
            break;
        }
    }
    Ok(out)
}

pub fn unpack_ex(it: &mut Interp, seq: Value, counts: u32, out: *mut Value) -> R {
    let vm = &mut *it.vm;
    let before = (counts & 0xff) as usize;
    let after = (counts >> 8) as usize;
    let rooted;
    // A list or tuple is read in place: no Python code runs below, and the
    // source stays reachable from the local `seq` while the middle list is made.
    let items: &[Value] = match seq_view(seq) {
        Some(s) => s,
        None => {
            rooted = unpack_items(vm, seq, None)?;
            &rooted
        }
    };
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let len = items.len();
    let mid = list::new(vm, &items[before..len - after]);
    // Slots from the top: the items after the star (last first), the middle list,
    // then the items before it.
    let mut k = 0;
    // SAFETY: the uop reserved before + after + 1 slots at out.
    unsafe {
        for v in items[len - after..].iter().rev() {
            *out.add(k) = *v;
            k += 1;
        }
        *out.add(k) = mid;
        k += 1;
        for v in items[..before].iter().rev() {
            *out.add(k) = *v;
            k += 1;
        }
    }
    let _ = seq;
    Ok(Value::NONE)
}

pub fn call(it: &mut Interp, base: *mut Value, argc: u32, kwnames: Value) -> R {
    // SAFETY: the uop passes the call's stack slots.
    unsafe { super::call::call_on_stack(it.vm, base, argc as usize, kwnames) }
}

pub fn call_ex(it: &mut Interp, base: *mut Value) -> R {
    let vm = &mut *it.vm;
    // SAFETY: the uop passes 4 live slots.
    let (callable, self_, args, kwargs) =
        unsafe { (*base, *base.add(1), *base.add(2), *base.add(3)) };
    let mut pos = crate::gc::Rooted::new();
    if !self_.is_null() {
        pos.push(self_);
    }
    if args.is_kind(Kind::Tuple) {
        pos.extend_from_slice(tuple::items(args));
    } else {
        let items = match vm.collect_iter(args) {
            Ok(i) => i,
            Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => {
                let fname = crate::builtins::function_str(vm, callable);
                return Err(vm.type_error(format!(
                    "{fname} argument after * must be an iterable, not {}",
                    vm.type_name(args)
                )));
            }
            Err(e) => return Err(e),
        };
        pos.extend_from_slice(&items);
    }
    let mut kwnames = crate::gc::Rooted::new();
    let mut kwvals = crate::gc::Rooted::new();
    if !kwargs.is_null() {
        for (k, v) in dict::items(kwargs) {
            if !k.is_kind(Kind::Str) {
                return Err(vm.type_error("keywords must be strings"));
            }
            kwnames.push(k);
            kwvals.push(v);
        }
    }
    vm.call_kw(
        callable,
        &super::Args {
            pos: &pos,
            kwnames: &kwnames,
            kwvals: &kwvals,
        },
    )
}

pub fn make_function(it: &mut Interp, base: *mut Value, flags: u32) -> R {
    let n = flags.count_ones() as usize;
    // SAFETY: the uop passes n + 2 live slots.
    let vals = unsafe { std::slice::from_raw_parts(base, n + 2) };
    let mut k = 0;
    let mut take = |bit: u32| {
        if flags & bit != 0 {
            k += 1;
            vals[k - 1]
        } else {
            Value::NULL
        }
    };
    let defaults = take(mf::DEFAULTS);
    let kwdefaults = take(mf::KWDEFAULTS);
    let annotations = take(mf::ANNOTATIONS);
    let closure = take(mf::CLOSURE);
    let code = vals[n];
    let qualname = vals[n + 1];
    let (g, b) = (globals(it), builtins(it));
    Ok(crate::object::function::new_function(
        it.vm,
        code,
        qualname,
        g,
        b,
        defaults,
        kwdefaults,
        annotations,
        closure,
    ))
}

pub fn raise(it: &mut Interp, exc: Value, cause: Value) -> R {
    let vm = &mut *it.vm;
    if exc.is_null() {
        let cur = vm.exc_info;
        if cur.is_null() || cur.is_none() {
            return Err(vm.runtime_error("No active exception to reraise"));
        }
        vm.reraise = true;
        return Err(super::PyErr(cur));
    }
    let e = make_exception(vm, exc, "exceptions must derive from BaseException")?;
    if !cause.is_null() {
        let c = if cause.is_none() {
            Value::NONE
        } else {
            make_exception(vm, cause, "exception causes must derive from BaseException")?
        };
        let eo = unsafe { e.raw::<ExceptionObj>() };
        eo.cause = c;
        eo.suppress_context = true;
    }
    vm.set_context(e);
    Err(super::PyErr(e))
}

/// An exception instance from a raise operand (a class is instantiated).
pub fn make_exception(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Value> {
    if v.is_kind(Kind::Type) && types::is_subtype(v, vm.exc.base_exception) {
        let e = vm.call(v, &[])?;
        if !e.is_kind(Kind::Exception) {
            let r = vm.repr_string(v)?;
            return Err(vm.type_error(format!(
                "calling {r} should have returned an instance of BaseException, not {}",
                vm.type_name(e)
            )));
        }
        return Ok(e);
    }
    if v.is_kind(Kind::Exception) {
        return Ok(v);
    }
    Err(vm.type_error(msg))
}

pub fn reraise(it: &mut Interp, exc: Value) -> R {
    it.vm.reraise = true;
    Err(super::PyErr(exc))
}

pub fn push_exc_info(it: &mut Interp, exc: Value) -> R {
    let prev = it.vm.exc_info;
    it.vm.exc_info = exc;
    Ok(if prev.is_null() { Value::NONE } else { prev })
}

pub fn pop_except(it: &mut Interp, prev: Value) -> R {
    it.vm.exc_info = if prev.is_none() { Value::NULL } else { prev };
    Ok(Value::NONE)
}

pub fn check_exc_match(it: &mut Interp, exc: Value, ty: Value) -> R {
    let vm = &mut *it.vm;
    let classes: Vec<Value> = if ty.is_kind(Kind::Tuple) {
        tuple::items(ty).to_vec()
    } else {
        vec![ty]
    };
    for c in &classes {
        if !c.is_kind(Kind::Type) || !types::is_subtype(*c, vm.exc.base_exception) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
    }
    let et = vm.type_of(exc);
    Ok(Value::from_bool(
        classes.iter().any(|c| types::is_subtype(et, *c)),
    ))
}

pub fn check_eg_match(it: &mut Interp, exc: Value, ty: Value, out: *mut Value) -> R {
    crate::builtins::exception_group::check_eg_match(it.vm, exc, ty, out)
}

pub fn prep_reraise_star(it: &mut Interp, orig: Value, excs: Value) -> R {
    crate::builtins::exception_group::prep_reraise_star(it.vm, orig, excs)
}

pub fn before_with(it: &mut Interp, mgr: Value, out: *mut Value) -> R {
    let vm = &mut *it.vm;
    let enter = vm.lookup_special(mgr, vm.names.enter);
    let exit = vm.lookup_special(mgr, vm.names.exit);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            vm.type_name(mgr)
        )));
    };
    let ty = vm.type_of(mgr);
    let exit_bound = vm.descr_get(exit, mgr, ty)?;
    let enter_bound = vm.descr_get(enter, mgr, ty)?;
    let res = vm.call(enter_bound, &[])?;
    // SAFETY: the uop reserved two slots at out.
    unsafe {
        *out = exit_bound;
        *out.add(1) = res;
    }
    Ok(Value::NONE)
}

pub fn before_async_with(it: &mut Interp, mgr: Value, out: *mut Value) -> R {
    let vm = &mut *it.vm;
    let enter = vm.lookup_special(mgr, vm.names.aenter);
    let exit = vm.lookup_special(mgr, vm.names.aexit);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            vm.type_name(mgr)
        )));
    };
    let ty = vm.type_of(mgr);
    let exit_bound = vm.descr_get(exit, mgr, ty)?;
    let enter_bound = vm.descr_get(enter, mgr, ty)?;
    let res = vm.call(enter_bound, &[])?;
    // SAFETY: the uop reserved two slots at out.
    unsafe {
        *out = exit_bound;
        *out.add(1) = res;
    }
    Ok(Value::NONE)
}

pub fn with_except_start(it: &mut Interp, exit: Value, exc: Value) -> R {
    let vm = &mut *it.vm;
    let ty = vm.type_of(exc);
    let tb = unsafe { exc.raw::<ExceptionObj>() }.traceback;
    vm.call(exit, &[ty, exc, tb])
}

pub fn import_name(it: &mut Interp, name: u32, fromlist: Value, level: Value) -> R {
    let n = name_at(it, name);
    let g = globals(it);
    crate::import::import_name(it.vm, n, g, fromlist, level)
}

pub fn import_from(it: &mut Interp, module: Value, name: u32) -> R {
    let n = name_at(it, name);
    crate::import::import_from(it.vm, module, n)
}

pub fn import_star(it: &mut Interp, module: Value) -> R {
    let ns = namespace(it);
    crate::import::import_star(it.vm, module, ns)?;
    Ok(Value::NONE)
}

pub fn load_special(it: &mut Interp, which: u32) -> R {
    let vm = &mut *it.vm;
    Ok(match which {
        0 => vm.registry["__build_class__"],
        _ => vm.exc.assertion_error,
    })
}

pub fn setup_annotations(it: &mut Interp) -> R {
    let ns = namespace(it);
    let vm = &mut *it.vm;
    let key = vm.names.annotations;
    if ns.is_kind(Kind::Dict) {
        if dict::get_str(ns, key).is_none() {
            let d = dict::new(vm);
            dict::set_str(ns, key, d);
        }
    } else if vm.getitem(ns, key).is_err() {
        let d = dict::new(vm);
        vm.setitem(ns, key, d)?;
    }
    Ok(Value::NONE)
}

pub fn format_value(it: &mut Interp, v: Value, spec: Value, flags: u32) -> R {
    let vm = &mut *it.vm;
    let v = match flags & 3 {
        1 => vm.str(v)?,
        2 => vm.repr(v)?,
        3 => crate::builtins::ascii(vm, v)?,
        _ => v,
    };
    if v.is_kind(Kind::Str) && (spec.is_null() || pystr::as_str(spec).is_empty()) {
        return Ok(v);
    }
    let spec = if spec.is_null() { vm.empty_str } else { spec };
    crate::builtins::format(vm, v, spec)
}

pub fn make_generator(it: &mut Interp) -> R {
    super::generator::make_generator(it)
}

pub fn send(it: &mut Interp, receiver: Value, v: Value, out: *mut Value) -> R {
    super::generator::send(it.vm, receiver, v, out)
}

pub fn get_yield_from_iter(it: &mut Interp, v: Value) -> R {
    let vm = &mut *it.vm;
    if v.is_kind(Kind::Generator) {
        let is_coro = vm.type_of(v) == vm.types.coroutine;
        if is_coro {
            // SAFETY: frame code is a code prefix.
            let flags = unsafe { (*(*it.frame).code).flags };
            if flags & (stitch_core::layout::code_flags::COROUTINE) == 0 {
                return Err(vm.type_error(
                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                ));
            }
        }
        return Ok(v);
    }
    vm.iter(v)
}

pub fn get_awaitable(it: &mut Interp, v: Value, where_: u32) -> R {
    super::generator::get_awaitable(it.vm, v, where_)
}

pub fn get_aiter(it: &mut Interp, v: Value) -> R {
    super::generator::get_aiter(it.vm, v)
}

pub fn get_anext(it: &mut Interp, v: Value) -> R {
    super::generator::get_anext(it.vm, v)
}

pub fn end_async_for(it: &mut Interp, exc: Value) -> R {
    let vm = &mut *it.vm;
    if vm.is_instance_of(exc, vm.exc.stop_async_iteration) {
        return Ok(Value::NONE);
    }
    vm.reraise = true;
    Err(super::PyErr(exc))
}

pub fn cleanup_throw(it: &mut Interp, sub: Value, exc: Value, out: *mut Value) -> R {
    let _ = (sub, out);
    it.vm.reraise = true;
    Err(super::PyErr(exc))
}

pub fn async_gen_wrap(it: &mut Interp, v: Value) -> R {
    super::generator::async_gen_wrap(it.vm, v)
}

pub fn match_class(it: &mut Interp, subject: Value, cls: Value, names: Value, nargs: u32) -> R {
    crate::builtins::matching::match_class(it.vm, subject, cls, names, nargs)
}

pub fn match_mapping(it: &mut Interp, subject: Value) -> R {
    crate::builtins::matching::match_mapping(it.vm, subject)
}

pub fn match_sequence(it: &mut Interp, subject: Value) -> R {
    crate::builtins::matching::match_sequence(it.vm, subject)
}

pub fn match_keys(it: &mut Interp, subject: Value, keys: Value) -> R {
    crate::builtins::matching::match_keys(it.vm, subject, keys)
}

pub fn get_len(it: &mut Interp, v: Value) -> R {
    let n = it.vm.len(v)?;
    Ok(crate::object::int::from_u64(it.vm, n as u64))
}

pub fn copy_dict_without_keys(it: &mut Interp, subject: Value, keys: Value) -> R {
    crate::builtins::matching::copy_dict_without_keys(it.vm, subject, keys)
}

pub fn print_expr(it: &mut Interp, v: Value) -> R {
    let vm = &mut *it.vm;
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let hook = crate::object::module::get(vm, vm.sys, "displayhook");
    match hook {
        Some(h) => vm.call(h, &[v]),
        None => Err(vm.runtime_error("lost sys.displayhook")),
    }
}

pub fn specialize(it: &mut Interp) -> R {
    super::specialize::specialize(it)
}

pub fn push_frame_exact(it: &mut Interp, base: *mut Value, nargs: u32) -> R {
    // SAFETY: the uop passes the call's stack slots; the function was guarded.
    unsafe { super::call::push_exact_frame(it.vm, base, nargs)? };
    Ok(stitch_core::env::FRAME_PUSHED)
}

pub fn enter_inlined(it: &mut Interp) -> R {
    let f = it.vm.frame;
    if f == it.frame {
        // The call failed (its exception is pending) and pushed nothing.
        return Ok(Value::NULL);
    }
    // SAFETY: the call pushed and initialised f.
    unsafe { it.load(f) };
    Ok(Value::NONE)
}

pub fn leave_inlined(it: &mut Interp) -> R {
    let f = it.frame;
    // SAFETY: f is a plain function frame pushed by an inlined call (never the run
    // loop's entry); its result was stored at ret.
    unsafe {
        let ret = (*f).ret;
        super::call::pop_frame(it.vm, f);
        let caller = it.vm.frame;
        it.load(caller);
        it.sp = ret.add(1);
    }
    Ok(Value::NONE)
}

pub fn call_native(it: &mut Interp, base: *mut Value, argc: u32) -> R {
    // SAFETY: the uop passes the call's stack slots; the callable is a builtin.
    unsafe { super::call::call_native_on_stack(it.vm, base, argc as usize, Value::NULL) }
}

pub fn push_init_frame(it: &mut Interp, base: *mut Value, argc: u32, init: Value) -> R {
    // SAFETY: the uop passes the call's stack slots; the class was guarded.
    unsafe { super::call::push_init_frame(it.vm, base, argc, init)? };
    Ok(stitch_core::env::FRAME_PUSHED)
}

pub fn concat_str(it: &mut Interp, a: Value, b: Value) -> R {
    super::ops::binary_op(it.vm, stitch_core::instr::binop::ADD, a, b)
}

pub fn dict_subscr(it: &mut Interp, d: Value, k: Value) -> R {
    match dict::get(it.vm, d, k)? {
        Some(v) => Ok(v),
        None => Err(it.vm.key_error(k)),
    }
}

pub fn dict_store(it: &mut Interp, d: Value, k: Value, v: Value) -> R {
    dict::set(it.vm, d, k, v)?;
    Ok(Value::NONE)
}

pub fn str_char(it: &mut Interp, s: Value, i: u64) -> R {
    let b = pystr::as_str(s).as_bytes()[i as usize];
    Ok(it.vm.ascii_chars[(b & 0x7f) as usize])
}

pub fn periodic(it: &mut Interp) -> R {
    crate::signals::handle_pending(it.vm)?;
    Ok(Value::NONE)
}

/// The code prefix of the running frame (for helpers that need it).
pub fn running_code(it: &Interp) -> &'static CodePrefix {
    // SAFETY: the frame has code.
    unsafe { &*(*it.frame).code }
}
