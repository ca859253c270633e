//! Quickening: rewriting a generic instruction in place into the specialised form
//! that fits the operands it sees, with the inline-cache words that form's guards
//! check (type and dict versions, shapes, slot indices, function identities).
//!
//! An instruction that cannot be specialised backs off exponentially before trying
//! again; a specialised instruction whose guard fails is rewritten back to its
//! family's generic form (see `interp.rs`) and may be specialised again later.

use stitch_core::instr::{Instr, Op, binop, cmpop};
use stitch_core::layout::{DictObj, InstanceObj, Kind, ListIterObj, code_flags};
use stitch_core::value::Value;

use super::PyResult;
use super::interp::Interp;
use crate::object::function::{BuiltinObj, builtin_flags};
use crate::object::types::{self, flags};
use crate::object::{CodeObj, FunctionObj, ShapeObj, ValueExt, dict, instance, module};

/// Most times a failing specialisation backs off (2**12 executions).
const MAX_BACKOFF: u8 = 12;

/// Sets the counter for the next specialisation attempt after a failure.
pub fn backoff(ins: *mut Instr) {
    // SAFETY: ins is a live instruction word.
    unsafe {
        let exp = ((*ins)._pad + 1).min(MAX_BACKOFF);
        (*ins)._pad = exp;
        (*ins).counter = (1u16 << exp) - 1;
    }
}

/// Rewrites the instruction to `op` with cache words `cache`.
fn rewrite(ins: *mut Instr, op: Op, cache: &[u64]) {
    debug_assert!(cache.len() <= op.cache_words());
    // SAFETY: the instruction has op.cache_words() words after it (same family).
    unsafe {
        for (i, w) in cache.iter().enumerate() {
            *(ins.add(1 + i) as *mut u64) = *w;
        }
        // The back-off exponent stays: a site that keeps deoptimising (a
        // polymorphic one) waits longer and longer before specialising again.
        (*ins).op = op as u8;
    }
}

/// The `SPECIALIZE` helper: TRUE when the running instruction was rewritten.
pub fn specialize(it: &mut Interp) -> PyResult<Value> {
    let ins = it.cur as *mut Instr;
    // SAFETY: cur is the running instruction.
    let (op, arg) = unsafe { ((*ins).opcode(), (*ins).arg) };
    let sp = it.sp;
    let peek = |n: usize| -> Value { unsafe { *sp.sub(n + 1) } };
    let choice: Option<(Op, Vec<u64>)> = match op {
        Op::LOAD_GLOBAL => load_global(it, arg),
        Op::LOAD_ATTR => load_attr(it, peek(0), arg),
        Op::LOAD_METHOD => load_method(it, peek(0), arg),
        Op::STORE_ATTR => store_attr(it, peek(0), arg),
        Op::BINARY_OP => binary_op(peek(1), peek(0), arg),
        Op::COMPARE_OP => compare_op(peek(1), peek(0), arg),
        Op::BINARY_SUBSCR => binary_subscr(peek(1), peek(0)),
        Op::STORE_SUBSCR => store_subscr(peek(1), peek(0)),
        Op::FOR_ITER => for_iter(it, peek(0)),
        Op::CALL => call(it, arg),
        _ => None,
    };
    if choice.is_none() && std::env::var_os("STITCH_SPEC_DEBUG").is_some() {
        let code = unsafe { Value::from_ptr((*it.frame).code).raw::<CodeObj>() };
        let line = code.line_of(unsafe { it.cur.offset_from(it.code_start) } as u32);
        eprintln!(
            "specialize failed: {} line {line} top {}",
            op.name(),
            it.vm.type_name(peek(0))
        );
    }
    if let Some(s) = it.vm.stats.as_mut() {
        let counts = if choice.is_some() {
            &mut s.specialized
        } else {
            &mut s.failed
        };
        counts[op as usize] += 1;
    }
    match choice {
        Some((new, cache)) => {
            rewrite(ins, new, &cache);
            Ok(Value::TRUE)
        }
        None => {
            backoff(ins);
            Ok(Value::FALSE)
        }
    }
}

/// Entries a polymorphic inline cache holds.
const POLY_ENTRIES: usize = 4;

/// On a guard failure of an instance attribute or method instruction: adds the
/// receiver's shape to the instruction's cache (turning a monomorphic form into the
/// polymorphic one) when it fits. Returns false when the instruction should fall
/// back to its generic form instead.
pub fn extend_polymorphic(it: &mut Interp) -> bool {
    let ins = it.cur as *mut Instr;
    // SAFETY: cur is the running instruction, with its family's cache words after it.
    let (op, arg) = unsafe { ((*ins).opcode(), (*ins).arg) };
    let word = |i: usize| -> u64 { unsafe { *(ins.add(1 + i) as *const u64) } };
    // SAFETY: guards change nothing before failing: the receiver (of attribute
    // instructions) is on top.
    let obj = unsafe { *it.sp.sub(1) };
    match op {
        Op::LOAD_ATTR_INSTANCE
        | Op::LOAD_ATTR_INSTANCE_POLY
        | Op::STORE_ATTR_INSTANCE
        | Op::STORE_ATTR_INSTANCE_POLY => {
            let load = matches!(op, Op::LOAD_ATTR_INSTANCE | Op::LOAD_ATTR_INSTANCE_POLY);
            let mut entries: Vec<(u64, u64)> =
                if matches!(op, Op::LOAD_ATTR_INSTANCE | Op::STORE_ATTR_INSTANCE) {
                    vec![(word(1), (word(0) << 32) | word(2))]
                } else {
                    (0..POLY_ENTRIES)
                        .map(|i| (word(2 * i), word(2 * i + 1)))
                        .filter(|e| e.0 != 0)
                        .collect()
                };
            let mono = if load {
                load_attr(it, obj, arg)
            } else {
                store_attr(it, obj, arg)
            };
            let Some((Op::LOAD_ATTR_INSTANCE | Op::STORE_ATTR_INSTANCE, c)) = mono else {
                return false;
            };
            let entry = (c[1], (c[0] << 32) | c[2]);
            entries.retain(|e| e.0 != entry.0);
            if entries.len() >= POLY_ENTRIES {
                return false;
            }
            entries.push(entry);
            let mut cache = vec![0u64; 2 * POLY_ENTRIES];
            for (i, (shape, w)) in entries.iter().enumerate() {
                cache[2 * i] = *shape;
                cache[2 * i + 1] = *w;
            }
            let new = if load {
                Op::LOAD_ATTR_INSTANCE_POLY
            } else {
                Op::STORE_ATTR_INSTANCE_POLY
            };
            rewrite(ins, new, &cache);
            true
        }
        Op::LOAD_METHOD_INSTANCE | Op::LOAD_METHOD_INSTANCE_POLY => {
            let mut entries: Vec<(u64, u64, u64)> = if op == Op::LOAD_METHOD_INSTANCE {
                vec![(word(1), word(0), word(2))]
            } else {
                (0..POLY_ENTRIES)
                    .map(|i| (word(3 * i), word(3 * i + 1), word(3 * i + 2)))
                    .filter(|e| e.0 != 0)
                    .collect()
            };
            let Some((Op::LOAD_METHOD_INSTANCE, c)) = load_method(it, obj, arg) else {
                return false;
            };
            let entry = (c[1], c[0], c[2]);
            entries.retain(|e| e.0 != entry.0);
            if entries.len() >= POLY_ENTRIES {
                return false;
            }
            entries.push(entry);
            let mut cache = vec![0u64; 3 * POLY_ENTRIES];
            for (i, (shape, version, f)) in entries.iter().enumerate() {
                cache[3 * i] = *shape;
                cache[3 * i + 1] = *version;
                cache[3 * i + 2] = *f;
            }
            rewrite(ins, Op::LOAD_METHOD_INSTANCE_POLY, &cache);
            true
        }
        Op::CALL_PY_EXACT_ARGS | Op::CALL_BOUND_METHOD_EXACT_ARGS => {
            // A call site that sees several functions: guard on their shape instead.
            let Some((mono, _)) = call(it, arg) else {
                return false;
            };
            let new = match mono {
                Op::CALL_PY_EXACT_ARGS => Op::CALL_PY_SIMPLE,
                Op::CALL_BOUND_METHOD_EXACT_ARGS => Op::CALL_BOUND_METHOD_SIMPLE,
                _ => return false,
            };
            rewrite(ins, new, &[]);
            true
        }
        _ => false,
    }
}

fn name_at(it: &Interp, i: u32) -> Value {
    // SAFETY: the running frame's code is a CodeObj.
    unsafe { Value::from_ptr((*it.frame).code).raw::<CodeObj>() }.names[i as usize]
}

fn keys_version(d: Value) -> u64 {
    dict::keys_version(unsafe { d.raw::<DictObj>() }) as u64
}

fn load_global(it: &mut Interp, arg: u32) -> Option<(Op, Vec<u64>)> {
    let name = name_at(it, arg);
    // SAFETY: the running frame has globals and builtins dicts.
    let (g, b) = unsafe {
        (
            Value::from_ptr((*it.frame).globals),
            Value::from_ptr((*it.frame).builtins),
        )
    };
    if let Some(i) = dict::index_of_key_str(unsafe { g.raw::<DictObj>() }, name) {
        return Some((Op::LOAD_GLOBAL_MODULE, vec![keys_version(g), i as u64]));
    }
    let i = dict::index_of_key_str(unsafe { b.raw::<DictObj>() }, name)?;
    Some((
        Op::LOAD_GLOBAL_BUILTIN,
        vec![keys_version(g), keys_version(b), i as u64],
    ))
}

/// The shape of an instance in shape mode, and the index of `name` in it.
fn shape_of(obj: Value) -> Option<&'static ShapeObj> {
    let inst = obj.get::<InstanceObj>()?;
    if inst.shape.is_null() {
        return None;
    }
    // SAFETY: a non-null shape pointer is a live shape.
    Some(unsafe { &*(inst.shape as *mut ShapeObj) })
}

/// True when the class attribute `attr` does not take precedence over (or interfere
/// with) instance attributes: a plain value or a non-data descriptor.
fn is_plain_or_method(vm: &super::Vm, attr: Value) -> bool {
    match attr.kind() {
        Some(Kind::Function) | Some(Kind::Builtin) => true,
        Some(Kind::Native) => {
            crate::object::native::descriptor_kind(attr) != crate::object::native::DescrKind::Data
        }
        Some(Kind::Instance) => {
            let t = vm.type_of(attr);
            types::lookup(t, vm.names.set).is_none() && types::lookup(t, vm.names.delete).is_none()
        }
        _ => true,
    }
}

fn plain_type(t: Value) -> bool {
    types::ty(t).prefix.flags & (flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR) == 0
}

fn load_attr(it: &mut Interp, obj: Value, arg: u32) -> Option<(Op, Vec<u64>)> {
    let name = name_at(it, arg);
    let vm = &*it.vm;
    match obj.kind()? {
        Kind::Instance => {
            let t = vm.type_of(obj);
            if !plain_type(t) {
                return None;
            }
            if let Some(a) = types::lookup(t, name)
                && !is_plain_or_method(vm, a)
            {
                return None;
            }
            let shape = shape_of(obj)?;
            let i = instance::shape_index(shape, name)?;
            Some((
                Op::LOAD_ATTR_INSTANCE,
                vec![
                    types::version(t) as u64,
                    shape as *const ShapeObj as u64,
                    i as u64,
                ],
            ))
        }
        Kind::Module => {
            if !plain_type(vm.type_of(obj)) {
                return None;
            }
            let d = module::dict_of(obj);
            let i = dict::index_of_key_str(unsafe { d.raw::<DictObj>() }, name)?;
            Some((Op::LOAD_ATTR_MODULE, vec![keys_version(d), i as u64]))
        }
        Kind::Type => {
            let meta = vm.type_of(obj);
            if meta != vm.types.type_ {
                return None;
            }
            if types::lookup(meta, name).is_some() {
                return None;
            }
            let a = types::lookup(obj, name)?;
            let cacheable = matches!(
                a.kind(),
                Some(Kind::Function) | None | Some(Kind::Str | Kind::Tuple | Kind::Int)
            ) || (a.is_kind(Kind::Type));
            if !cacheable {
                return None;
            }
            Some((
                Op::LOAD_ATTR_CLASS,
                vec![obj.0, types::version(obj) as u64, a.0],
            ))
        }
        _ => None,
    }
}

fn load_method(it: &mut Interp, obj: Value, arg: u32) -> Option<(Op, Vec<u64>)> {
    let name = name_at(it, arg);
    let vm = &*it.vm;
    match obj.kind()? {
        Kind::Instance => {
            let t = vm.type_of(obj);
            if !plain_type(t) {
                return None;
            }
            let a = types::lookup(t, name)?;
            let is_method =
                a.is_kind(Kind::Function) || a.get::<BuiltinObj>().is_some_and(|b| b.is_method());
            if !is_method {
                return None;
            }
            let shape = shape_of(obj)?;
            if instance::shape_index(shape, name).is_some() {
                return None;
            }
            Some((
                Op::LOAD_METHOD_INSTANCE,
                vec![
                    types::version(t) as u64,
                    shape as *const ShapeObj as u64,
                    a.0,
                ],
            ))
        }
        Kind::Module => {
            if !plain_type(vm.type_of(obj)) {
                return None;
            }
            let d = module::dict_of(obj);
            let i = dict::index_of_key_str(unsafe { d.raw::<DictObj>() }, name)?;
            Some((Op::LOAD_METHOD_MODULE, vec![keys_version(d), i as u64]))
        }
        Kind::Type | Kind::Exception | Kind::Function | Kind::Native | Kind::Generator => None,
        _ => {
            let t = vm.type_of(obj);
            if types::ty(t).prefix.flags & flags::HEAPTYPE != 0 || !plain_type(t) {
                return None;
            }
            let a = types::lookup(t, name)?;
            let b = a.get::<BuiltinObj>()?;
            if b.flags & builtin_flags::METHOD == 0 || b.flags & builtin_flags::CLASSMETHOD != 0 {
                return None;
            }
            Some((Op::LOAD_METHOD_BUILTIN, vec![t.ptr::<u8>() as u64, 0, a.0]))
        }
    }
}

fn store_attr(it: &mut Interp, obj: Value, arg: u32) -> Option<(Op, Vec<u64>)> {
    let name = name_at(it, arg);
    let inst = obj.get::<InstanceObj>()?;
    let t = it.vm.type_of(obj);
    let tf = types::ty(t).prefix.flags;
    if tf & flags::CUSTOM_SETATTR != 0 {
        return None;
    }
    if let Some(a) = types::lookup(t, name)
        && !is_plain_or_method(it.vm, a)
    {
        return None;
    }
    if tf & flags::NO_DICT != 0 && !it.vm.in_slots(t, name) {
        // __slots__ classes: only declared names can be stored (the generic path raises).
        return None;
    }
    let shape = shape_of(obj)?;
    let version = types::version(t) as u64;
    if let Some(i) = instance::shape_index(shape, name) {
        return Some((
            Op::STORE_ATTR_INSTANCE,
            vec![version, shape as *const ShapeObj as u64, i as u64],
        ));
    }
    let name = crate::object::str::intern_value(it.vm, name);
    let next = instance::transition(it.vm, Value::from_ptr(shape as *const ShapeObj), name);
    let idx = unsafe { next.raw::<ShapeObj>() }.len - 1;
    if idx >= inst.ninline {
        return None;
    }
    Some((
        Op::STORE_ATTR_INSTANCE_ADD,
        vec![
            version,
            shape as *const ShapeObj as u64,
            idx as u64,
            next.ptr::<u8>() as u64,
        ],
    ))
}

fn float_mix(a: Value, b: Value) -> bool {
    (a.is_float() || a.is_small_int())
        && (b.is_float() || b.is_small_int())
        && (a.is_float() || b.is_float())
}

fn binary_op(a: Value, b: Value, arg: u32) -> Option<(Op, Vec<u64>)> {
    let op = arg % binop::INPLACE;
    if a.is_small_int()
        && b.is_small_int()
        && !matches!(op, binop::TRUEDIV | binop::POW | binop::MATMUL)
    {
        return Some((Op::BINARY_OP_INT, vec![]));
    }
    if float_mix(a, b) && matches!(op, binop::ADD | binop::SUB | binop::MUL | binop::TRUEDIV) {
        return Some((Op::BINARY_OP_FLOAT, vec![]));
    }
    if a.is_kind(Kind::Str) && b.is_kind(Kind::Str) && op == binop::ADD {
        return Some((Op::BINARY_OP_ADD_STR, vec![]));
    }
    None
}

fn compare_op(a: Value, b: Value, arg: u32) -> Option<(Op, Vec<u64>)> {
    if a.is_small_int() && b.is_small_int() {
        return Some((Op::COMPARE_OP_INT, vec![]));
    }
    if float_mix(a, b) {
        return Some((Op::COMPARE_OP_FLOAT, vec![]));
    }
    if a.is_kind(Kind::Str) && b.is_kind(Kind::Str) && (arg == cmpop::EQ || arg == cmpop::NE) {
        return Some((Op::COMPARE_OP_STR, vec![]));
    }
    None
}

fn binary_subscr(c: Value, k: Value) -> Option<(Op, Vec<u64>)> {
    match c.kind()? {
        Kind::List if k.is_small_int() => Some((Op::BINARY_SUBSCR_LIST_INT, vec![])),
        Kind::Tuple if k.is_small_int() => Some((Op::BINARY_SUBSCR_TUPLE_INT, vec![])),
        Kind::Dict => Some((Op::BINARY_SUBSCR_DICT, vec![])),
        Kind::Str if k.is_small_int() && crate::object::str::is_ascii(c) => {
            Some((Op::BINARY_SUBSCR_STR_INT, vec![]))
        }
        _ => None,
    }
}

fn store_subscr(c: Value, k: Value) -> Option<(Op, Vec<u64>)> {
    match c.kind()? {
        Kind::List if k.is_small_int() => Some((Op::STORE_SUBSCR_LIST_INT, vec![])),
        Kind::Dict => Some((Op::STORE_SUBSCR_DICT, vec![])),
        _ => None,
    }
}

fn for_iter(interp: &Interp, it: Value) -> Option<(Op, Vec<u64>)> {
    if it.is_kind(Kind::Generator) && interp.vm.type_of(it) == interp.vm.types.generator {
        return Some((Op::FOR_ITER_GEN, vec![]));
    }
    match it.kind()? {
        Kind::ListIter => {
            let _ = it.get::<ListIterObj>()?;
            Some((Op::FOR_ITER_LIST, vec![]))
        }
        Kind::TupleIter => Some((Op::FOR_ITER_TUPLE, vec![])),
        Kind::RangeIter => Some((Op::FOR_ITER_RANGE, vec![])),
        _ => None,
    }
}

/// A function whose code takes exactly `nargs` positional arguments and nothing else.
fn simple_function(f: Value, nargs: u32) -> bool {
    let Some(fo) = f.get::<FunctionObj>() else {
        return false;
    };
    let c = &fo.code().prefix;
    c.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        && c.kwonlyargcount == 0
        && c.argcount == nargs
}

fn call(it: &mut Interp, argc: u32) -> Option<(Op, Vec<u64>)> {
    // SAFETY: the CALL operands are on the stack.
    let (callable, self_slot) =
        unsafe { (*it.sp.sub(argc as usize + 2), *it.sp.sub(argc as usize + 1)) };
    let vm = &mut *it.vm;
    match callable.kind()? {
        Kind::Function => {
            let nargs = argc + !self_slot.is_null() as u32;
            if !simple_function(callable, nargs) {
                return None;
            }
            let v = unsafe { callable.raw::<FunctionObj>() }.prefix.version as u64;
            Some((Op::CALL_PY_EXACT_ARGS, vec![callable.0, v]))
        }
        Kind::Method => {
            if !self_slot.is_null() {
                return None;
            }
            let m = unsafe { callable.raw::<stitch_core::layout::MethodObj>() };
            if !simple_function(m.func, argc + 1) {
                return None;
            }
            let v = unsafe { m.func.raw::<FunctionObj>() }.prefix.version as u64;
            Some((Op::CALL_BOUND_METHOD_EXACT_ARGS, vec![m.func.0, v]))
        }
        Kind::Builtin => Some((Op::CALL_NATIVE, vec![callable.0])),
        Kind::Type => {
            if !self_slot.is_null() || vm.type_of(callable) != vm.types.type_ {
                return None;
            }
            let t = types::ty(callable);
            if t.layout != Kind::Instance
                || t.native_base != vm.types.object
                || t.prefix.flags & flags::HEAPTYPE == 0
            {
                return None;
            }
            let obj_dict = types::ty(vm.types.object).dict;
            if types::lookup(callable, vm.names.new) != dict::get_str(obj_dict, vm.names.new) {
                return None;
            }
            if dict::get_str(t.dict, vm.names.abstractmethods).is_some() {
                return None;
            }
            let init = types::lookup(callable, vm.names.init)?;
            if !simple_function(init, argc + 1) {
                return None;
            }
            Some((
                Op::CALL_CLASS_INIT,
                vec![callable.0, types::version(callable) as u64, init.0],
            ))
        }
        _ => None,
    }
}
