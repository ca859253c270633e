//! The special methods of weak proxies: attribute access, conversions,
//! containers, comparisons and arithmetic all forward to the referent.

use stitch_core::instr::{binop, cmpop, unaryop};
use stitch_core::value::Value;

use super::weakref::{proxy_repr, unwrap_proxy};
use crate::builtins::add_methods;
use crate::object::function::NativeFn;
use crate::vm::{Args, PyResult, Vm};

fn target(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unwrap_proxy(vm, a.pos[0])
}

fn arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Value> {
    match a.pos.get(i) {
        Some(&v) => unwrap_proxy(vm, v),
        None => Err(vm.type_error("expected an argument")),
    }
}

fn getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let n = arg(vm, a, 1)?;
    let n = crate::builtins::object_type::name_arg(vm, n)?;
    vm.getattr(o, n)
}

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let n = arg(vm, a, 1)?;
    let n = crate::builtins::object_type::name_arg(vm, n)?;
    let v = arg(vm, a, 2)?;
    vm.setattr(o, n, v)?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let n = arg(vm, a, 1)?;
    let n = crate::builtins::object_type::name_arg(vm, n)?;
    vm.delattr(o, n)?;
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_repr(vm, a.pos[0])
}

fn str_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    vm.str(o)
}

fn bool_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    Ok(Value::from_bool(vm.truth(o)?))
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    Ok(Value::small(vm.len(o)? as i64))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    vm.iter(o)
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    match vm.next(o)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NULL)),
    }
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let x = arg(vm, a, 1)?;
    Ok(Value::from_bool(vm.contains(o, x)?))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let k = arg(vm, a, 1)?;
    vm.getitem(o, k)
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let k = arg(vm, a, 1)?;
    let v = arg(vm, a, 2)?;
    vm.setitem(o, k, v)?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    let k = arg(vm, a, 1)?;
    vm.delitem(o, k)?;
    Ok(Value::NONE)
}

fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = target(vm, a)?;
    vm.call_kw(o, &a.tail())
}

fn special0(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let o = target(vm, a)?;
    let n = crate::object::str::intern(vm, name);
    match vm.call_special(o, n, &[])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "bad operand type for {name}: '{}'",
            vm.type_name(o)
        ))),
    }
}

macro_rules! unary {
    ($($f:ident => $op:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let o = target(vm, a)?;
            crate::vm::ops::unary_op(vm, $op, o)
        })*
    };
}
unary!(neg => unaryop::NEG, pos => unaryop::POS, invert => unaryop::INVERT);

macro_rules! special {
    ($($f:ident => $name:literal),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> { special0(vm, a, $name) })*
    };
}
special!(abs => "__abs__", int_ => "__int__", float_ => "__float__", index => "__index__", reversed => "__reversed__", bytes => "__bytes__");

macro_rules! binary {
    ($($f:ident, $r:ident, $i:ident => $op:expr),*) => {
        $(
            fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = (target(vm, a)?, arg(vm, a, 1)?);
                crate::vm::ops::binary_op(vm, $op, x, y)
            }
            fn $r(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = (target(vm, a)?, arg(vm, a, 1)?);
                crate::vm::ops::binary_op(vm, $op, y, x)
            }
            fn $i(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = (target(vm, a)?, arg(vm, a, 1)?);
                crate::vm::ops::binary_op(vm, $op + binop::INPLACE, x, y)
            }
        )*
    };
}
binary!(
    add, radd, iadd => binop::ADD,
    sub, rsub, isub => binop::SUB,
    mul, rmul, imul => binop::MUL,
    truediv, rtruediv, itruediv => binop::TRUEDIV,
    floordiv, rfloordiv, ifloordiv => binop::FLOORDIV,
    mod_, rmod, imod => binop::MOD,
    pow, rpow, ipow => binop::POW,
    lshift, rlshift, ilshift => binop::LSHIFT,
    rshift, rrshift, irshift => binop::RSHIFT,
    and, rand, iand => binop::AND,
    or, ror, ior => binop::OR,
    xor, rxor, ixor => binop::XOR,
    matmul, rmatmul, imatmul => binop::MATMUL
);

macro_rules! compare {
    ($($f:ident => $op:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let (x, y) = (target(vm, a)?, arg(vm, a, 1)?);
            vm.compare(x, y, $op)
        })*
    };
}
compare!(lt => cmpop::LT, le => cmpop::LE, eq => cmpop::EQ, ne => cmpop::NE, gt => cmpop::GT, ge => cmpop::GE);

/// Adds the forwarding special methods to a proxy type.
pub fn add_forwarding(vm: &mut Vm, t: Value) {
    let defs: &[(&'static str, NativeFn)] = &[
        ("__getattribute__", getattribute),
        ("__getattr__", getattribute),
        ("__setattr__", setattr),
        ("__delattr__", delattr),
        ("__repr__", repr),
        ("__str__", str_),
        ("__bool__", bool_),
        ("__len__", len),
        ("__iter__", iter),
        ("__next__", next),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__invert__", invert),
        ("__abs__", abs),
        ("__int__", int_),
        ("__float__", float_),
        ("__index__", index),
        ("__reversed__", reversed),
        ("__bytes__", bytes),
        ("__add__", add),
        ("__radd__", radd),
        ("__iadd__", iadd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__isub__", isub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__imul__", imul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__itruediv__", itruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__ifloordiv__", ifloordiv),
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__imod__", imod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__ipow__", ipow),
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__ilshift__", ilshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__irshift__", irshift),
        ("__and__", and),
        ("__rand__", rand),
        ("__iand__", iand),
        ("__or__", or),
        ("__ror__", ror),
        ("__ior__", ior),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("__ixor__", ixor),
        ("__matmul__", matmul),
        ("__rmatmul__", rmatmul),
        ("__imatmul__", imatmul),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    add_methods(vm, t, defs);
}

/// `__call__` for callable proxies.
pub fn add_call(vm: &mut Vm, t: Value) {
    add_methods(vm, t, &[("__call__", call)]);
}
