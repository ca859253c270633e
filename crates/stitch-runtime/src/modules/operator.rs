//! The `_operator` module: the operator functions (`add`, `getitem`, `iadd`...,
//! `concat`, `countOf`, `indexOf`, `length_hint`, `call`) and the callable types
//! `attrgetter`, `itemgetter` and `methodcaller`.

use stitch_core::instr::{binop, cmpop, unaryop};
use stitch_core::layout::{Kind, ListIterObj, ListObj, RangeIterObj, TupleIterObj, TupleObj};
use stitch_core::value::Value;

use super::util::{add_fns, native_type, new_for_class, this};
use crate::builtins::{add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::NativeData;
use crate::object::{ValueExt, int, module, str as pystr, tuple};
use crate::vm::ops::{binary_op, unary_op};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_operator");
    add_fns(vm, m, FUNCS);
    for (name, new, call, repr) in [
        (
            "attrgetter",
            attrgetter_new as NativeFn,
            attrgetter_call as NativeFn,
            attrgetter_repr as NativeFn,
        ),
        (
            "itemgetter",
            itemgetter_new,
            itemgetter_call,
            itemgetter_repr,
        ),
        (
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
            methodcaller_repr,
        ),
    ] {
        let t = native_type(vm, "operator", name, false);
        add_static(vm, t, &[("__new__", new)]);
        add_methods(
            vm,
            t,
            &[
                ("__call__", call),
                ("__repr__", repr),
                ("__reduce__", getter_reduce),
            ],
        );
        module::set(vm, m, name, t);
    }
    Ok(m)
}

const FUNCS: &[(&str, NativeFn)] = &[
    ("abs", abs),
    ("add", add),
    ("and_", and_),
    ("call", call),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("delitem", delitem),
    ("eq", eq),
    ("floordiv", floordiv),
    ("ge", ge),
    ("getitem", getitem),
    ("gt", gt),
    ("iadd", iadd),
    ("iand", iand),
    ("iconcat", iconcat),
    ("ifloordiv", ifloordiv),
    ("ilshift", ilshift),
    ("imatmul", imatmul),
    ("imod", imod),
    ("imul", imul),
    ("index", index),
    ("indexOf", index_of),
    ("inv", invert),
    ("invert", invert),
    ("ior", ior),
    ("ipow", ipow),
    ("irshift", irshift),
    ("is_", is_),
    ("is_not", is_not),
    ("isub", isub),
    ("itruediv", itruediv),
    ("ixor", ixor),
    ("le", le),
    ("length_hint", length_hint),
    ("lshift", lshift),
    ("lt", lt),
    ("matmul", matmul),
    ("mod", mod_),
    ("mul", mul),
    ("ne", ne),
    ("neg", neg),
    ("not_", not_),
    ("or_", or_),
    ("pos", pos),
    ("pow", pow),
    ("rshift", rshift),
    ("setitem", setitem),
    ("sub", sub),
    ("truediv", truediv),
    ("truth", truth),
    ("xor", xor),
    ("_compare_digest", compare_digest),
];

macro_rules! binary {
    ($($f:ident, $name:literal => $op:expr),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            args::count(vm, a, $name, 2, 2)?;
            binary_op(vm, $op, a.pos[0], a.pos[1])
        })*
    };
}

binary!(
    add, "add" => binop::ADD,
    sub, "sub" => binop::SUB,
    mul, "mul" => binop::MUL,
    truediv, "truediv" => binop::TRUEDIV,
    floordiv, "floordiv" => binop::FLOORDIV,
    mod_, "mod" => binop::MOD,
    pow, "pow" => binop::POW,
    lshift, "lshift" => binop::LSHIFT,
    rshift, "rshift" => binop::RSHIFT,
    and_, "and_" => binop::AND,
    or_, "or_" => binop::OR,
    xor, "xor" => binop::XOR,
    matmul, "matmul" => binop::MATMUL,
    iadd, "iadd" => binop::ADD + binop::INPLACE,
    isub, "isub" => binop::SUB + binop::INPLACE,
    imul, "imul" => binop::MUL + binop::INPLACE,
    itruediv, "itruediv" => binop::TRUEDIV + binop::INPLACE,
    ifloordiv, "ifloordiv" => binop::FLOORDIV + binop::INPLACE,
    imod, "imod" => binop::MOD + binop::INPLACE,
    ipow, "ipow" => binop::POW + binop::INPLACE,
    ilshift, "ilshift" => binop::LSHIFT + binop::INPLACE,
    irshift, "irshift" => binop::RSHIFT + binop::INPLACE,
    iand, "iand" => binop::AND + binop::INPLACE,
    ior, "ior" => binop::OR + binop::INPLACE,
    ixor, "ixor" => binop::XOR + binop::INPLACE,
    imatmul, "imatmul" => binop::MATMUL + binop::INPLACE,
);

macro_rules! compare {
    ($($f:ident, $name:literal => $op:expr),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            args::count(vm, a, $name, 2, 2)?;
            vm.compare(a.pos[0], a.pos[1], $op)
        })*
    };
}

compare!(lt, "lt" => cmpop::LT, le, "le" => cmpop::LE, eq, "eq" => cmpop::EQ, ne, "ne" => cmpop::NE, gt, "gt" => cmpop::GT, ge, "ge" => cmpop::GE);

fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos[0])
}

fn neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "neg")?;
    unary_op(vm, unaryop::NEG, v)
}

fn pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "pos")?;
    unary_op(vm, unaryop::POS, v)
}

fn invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "invert")?;
    unary_op(vm, unaryop::INVERT, v)
}

fn abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "abs")?;
    let f = vm.builtins_dict;
    let k = pystr::intern(vm, "abs");
    let absf = crate::object::dict::get_str(f, k).unwrap_or(Value::NONE);
    vm.call(absf, &[v])
}

fn not_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "not_")?;
    Ok(Value::from_bool(!vm.truth(v)?))
}

fn truth(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "truth")?;
    Ok(Value::from_bool(vm.truth(v)?))
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "index")?;
    vm.index(v)
}

fn is_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "is_", 2, 2)?;
    Ok(Value::from_bool(a.pos[0] == a.pos[1]))
}

fn is_not(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "is_not", 2, 2)?;
    Ok(Value::from_bool(a.pos[0] != a.pos[1]))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getitem", 2, 2)?;
    vm.getitem(a.pos[0], a.pos[1])
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "setitem", 3, 3)?;
    vm.setitem(a.pos[0], a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "delitem", 2, 2)?;
    vm.delitem(a.pos[0], a.pos[1])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "contains", 2, 2)?;
    Ok(Value::from_bool(vm.contains(a.pos[0], a.pos[1])?))
}

fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    !v.is_kind(Kind::Dict) && vm.lookup_special(v, vm.names.getitem).is_some()
}

fn concat_impl(vm: &mut Vm, a: &Args, name: &str, inplace: bool) -> PyResult<Value> {
    args::count(vm, a, name, 2, 2)?;
    if !is_sequence(vm, a.pos[0]) {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(a.pos[0])
        )));
    }
    let op = if inplace {
        binop::ADD + binop::INPLACE
    } else {
        binop::ADD
    };
    binary_op(vm, op, a.pos[0], a.pos[1])
}

fn concat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    concat_impl(vm, a, "concat", false)
}

fn iconcat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    concat_impl(vm, a, "iconcat", true)
}

fn count_of(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "countOf", 2, 2)?;
    let it = vm.iter(a.pos[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(it)? {
        if x == a.pos[1] || vm.eq_bool(x, a.pos[1])? {
            n += 1;
        }
    }
    Ok(int::from_i64(vm, n))
}

fn index_of(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "indexOf", 2, 2)?;
    let it = vm.iter(a.pos[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(it)? {
        if x == a.pos[1] || vm.eq_bool(x, a.pos[1])? {
            return Ok(int::from_i64(vm, n));
        }
        n += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

/// Remaining items of the builtin iterators, without calling Python.
fn builtin_hint(v: Value) -> Option<i64> {
    match v.kind()? {
        Kind::ListIter => {
            let li = v.get::<ListIterObj>()?;
            let l = li.list.get::<ListObj>()?;
            Some(l.items.len.saturating_sub(li.index) as i64)
        }
        Kind::TupleIter => {
            let ti = v.get::<TupleIterObj>()?;
            let t = ti.tuple.get::<TupleObj>()?;
            Some(t.len.saturating_sub(ti.index) as i64)
        }
        Kind::RangeIter => Some(v.get::<RangeIterObj>()?.remaining as i64),
        _ => None,
    }
}

fn length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "length_hint", 1, 2)?;
    let (obj, default) = (a.pos[0], a.pos.get(1).copied().unwrap_or(Value::small(0)));
    if !int::is_int(default) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(default)
        )));
    }
    if vm.lookup_special(obj, vm.names.len).is_some()
        || matches!(
            obj.kind(),
            Some(Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Set | Kind::Bytes)
        )
    {
        return Ok(Value::small(vm.len(obj)? as i64));
    }
    if let Some(n) = builtin_hint(obj) {
        return Ok(Value::small(n));
    }
    let Some(r) = vm.call_special(obj, vm.names.length_hint, &[])? else {
        return Ok(default);
    };
    if r == vm.not_implemented {
        return Ok(default);
    }
    if !int::is_int(r) {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(r)
        )));
    }
    if int::to_bigint(r).sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(r)
}

fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    vm.call_kw(a.pos[0], &a.tail())
}

fn compare_digest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_compare_digest", 2, 2)?;
    let (x, y) = (a.pos[0], a.pos[1]);
    match (pystr::text_of(x), pystr::text_of(y)) {
        (Some(s), Some(t)) => {
            if !s.is_ascii() || !t.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            Ok(Value::from_bool(s == t))
        }
        _ => {
            for v in [x, y] {
                if !v.is_kind(Kind::Bytes) && vm.type_of(v) != vm.types.bytearray {
                    return Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(v)
                    )));
                }
            }
            let bt = vm.types.bytes;
            let xb = if x.is_kind(Kind::Bytes) {
                x
            } else {
                vm.call(bt, &[x])?
            };
            let yb = if y.is_kind(Kind::Bytes) {
                y
            } else {
                vm.call(bt, &[y])?
            };
            Ok(Value::from_bool(
                crate::object::bytes::data(xb) == crate::object::bytes::data(yb),
            ))
        }
    }
}

// ---- attrgetter, itemgetter, methodcaller ----

/// The state of the three callable types: the arguments they were made with.
struct Getter {
    /// attrgetter: tuple of tuples of names; itemgetter: tuple of keys;
    /// methodcaller: (name, args tuple).
    items: Value,
    /// The constructor arguments, for repr and pickling.
    orig: Value,
    /// methodcaller keyword names and values.
    kwnames: Value,
    kwvals: Value,
}

impl NativeData for Getter {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.items, self.orig, self.kwnames, self.kwvals]);
    }
    native_any!();
}

fn make(vm: &mut Vm, cls: Value, key: &'static str, g: Getter) -> Value {
    let base = vm.registry[key];
    new_for_class(vm, cls, base, Box::new(g))
}

fn attrgetter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["operator.attrgetter"];
    let cls = super::util::new_cls(vm, a, base)?;
    let rest = a.tail();
    if rest.has_kwargs() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if rest.pos.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut chains = Rooted::new();
    for &n in rest.pos {
        let Some(s) = pystr::text_of(n) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let mut parts = Rooted::new();
        for p in s.split('.') {
            let k = pystr::intern(vm, p);
            parts.push(k);
        }
        let t = tuple::new(vm, &parts);
        chains.push(t);
    }
    let items = tuple::new(vm, &chains);
    let orig = tuple::new(vm, rest.pos);
    Ok(make(
        vm,
        cls,
        "operator.attrgetter",
        Getter {
            items,
            orig,
            kwnames: Value::NONE,
            kwvals: Value::NONE,
        },
    ))
}

fn attrgetter_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.attrgetter", "__call__")?;
    let rest = a.tail();
    args::count(vm, &rest, "attrgetter", 1, 1)?;
    let obj = rest.pos[0];
    let chains = tuple::items(g.items);
    let mut out = Rooted::new();
    for chain in chains {
        let mut v = obj;
        for name in tuple::items(*chain) {
            v = vm.getattr(v, *name)?;
        }
        if chains.len() == 1 {
            return Ok(v);
        }
        out.push(v);
    }
    Ok(tuple::new(vm, &out))
}

fn reprs(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for v in items {
        out.push(vm.repr_string(*v)?);
    }
    Ok(out)
}

fn qualified(vm: &Vm, v: Value, base: &str) -> String {
    let t = vm.type_of(v);
    if Some(&t) == vm.registry.get(base) {
        base.to_string()
    } else {
        super::util::short_name(t).to_string()
    }
}

fn attrgetter_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.attrgetter", "__repr__")?;
    let parts = reprs(vm, tuple::items(g.orig))?;
    let s = format!(
        "{}({})",
        qualified(vm, a.pos[0], "operator.attrgetter"),
        parts.join(", ")
    );
    Ok(pystr::new(vm, &s))
}

fn itemgetter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["operator.itemgetter"];
    let cls = super::util::new_cls(vm, a, base)?;
    let rest = a.tail();
    if rest.has_kwargs() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if rest.pos.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let items = tuple::new(vm, rest.pos);
    Ok(make(
        vm,
        cls,
        "operator.itemgetter",
        Getter {
            items,
            orig: items,
            kwnames: Value::NONE,
            kwvals: Value::NONE,
        },
    ))
}

fn itemgetter_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.itemgetter", "__call__")?;
    let rest = a.tail();
    args::count(vm, &rest, "itemgetter", 1, 1)?;
    let obj = rest.pos[0];
    let keys = tuple::items(g.items);
    if keys.len() == 1 {
        return vm.getitem(obj, keys[0]);
    }
    let mut out = Rooted::new();
    for k in keys {
        let v = vm.getitem(obj, *k)?;
        out.push(v);
    }
    Ok(tuple::new(vm, &out))
}

fn itemgetter_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.itemgetter", "__repr__")?;
    let parts = reprs(vm, tuple::items(g.items))?;
    let s = format!(
        "{}({})",
        qualified(vm, a.pos[0], "operator.itemgetter"),
        parts.join(", ")
    );
    Ok(pystr::new(vm, &s))
}

fn methodcaller_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["operator.methodcaller"];
    let cls = super::util::new_cls(vm, a, base)?;
    let rest = a.tail();
    if rest.pos.is_empty() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if pystr::text_of(rest.pos[0]).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = pystr::intern_value(vm, rest.pos[0]);
    let pos = tuple::new(vm, &rest.pos[1..]);
    let items = tuple::new(vm, &[name, pos]);
    let kwnames = tuple::new(vm, rest.kwnames);
    let kwvals = tuple::new(vm, rest.kwvals);
    let orig = tuple::new(vm, rest.pos);
    Ok(make(
        vm,
        cls,
        "operator.methodcaller",
        Getter {
            items,
            orig,
            kwnames,
            kwvals,
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.methodcaller", "__call__")?;
    let rest = a.tail();
    args::count(vm, &rest, "methodcaller", 1, 1)?;
    let parts = tuple::items(g.items);
    let m = vm.getattr(rest.pos[0], parts[0])?;
    let call_args = Args {
        pos: tuple::items(parts[1]),
        kwnames: tuple::items(g.kwnames),
        kwvals: tuple::items(g.kwvals),
    };
    vm.call_kw(m, &call_args)
}

fn methodcaller_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g: &Getter = this(vm, a, "operator.methodcaller", "__repr__")?;
    let parts = tuple::items(g.items);
    let mut out = reprs(vm, &[parts[0]])?;
    out.extend(reprs(vm, tuple::items(parts[1]))?);
    let names = tuple::items(g.kwnames);
    let vals = tuple::items(g.kwvals);
    for (k, v) in names.iter().zip(vals) {
        let r = vm.repr_string(*v)?;
        out.push(format!("{}={r}", pystr::as_str(*k)));
    }
    let s = format!(
        "{}({})",
        qualified(vm, a.pos[0], "operator.methodcaller"),
        out.join(", ")
    );
    Ok(pystr::new(vm, &s))
}

fn getter_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.pos[0];
    let Some(g) = super::util::payload::<Getter>(s) else {
        return Err(vm.type_error("cannot reduce"));
    };
    let t = vm.type_of(s);
    if !g.kwnames.is_none() && !tuple::items(g.kwnames).is_empty() {
        return Err(vm.type_error("cannot pickle a methodcaller with keyword arguments"));
    }
    Ok(tuple::new(vm, &[t, g.orig]))
}
