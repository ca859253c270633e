//! The builtin functions: `print`, `len`, `min`/`max`, `sorted`, `getattr`, `exec`...

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::args::{self, Sig};
use crate::object::function::{NativeFn, new_builtin};
use crate::object::native;
use crate::object::types;
use crate::object::{dict, float, int, iterators, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm, b: Value) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hash", hash),
        ("id", id),
        ("chr", chr),
        ("ord", ord),
        ("any", any),
        ("all", all),
        ("iter", iter),
        ("next", next),
        ("sorted", sorted),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("callable", callable),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals_builtin),
        ("format", format),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("input", input),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("__import__", import),
        ("aiter", aiter),
        ("anext", anext),
    ];
    let d = module::dict_of(b);
    for (name, f) in fns {
        let v = new_builtin(vm, name, *f, b, 0);
        let k = pystr::intern(vm, name);
        dict::set_str(d, k, v);
    }
    let t = &vm.types;
    let type_entries: Vec<(&str, Value)> = vec![
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
    ];
    for (name, ty) in type_entries {
        let k = pystr::intern(vm, name);
        dict::set_str(d, k, ty);
    }
    for name in ["enumerate", "zip", "map", "filter", "reversed"] {
        let ty = vm.registry[name];
        let k = pystr::intern(vm, name);
        dict::set_str(d, k, ty);
    }
    for (field, name, _) in crate::vm::tables::EXCEPTIONS {
        let e = vm.exc.get(field).expect("exception type");
        let k = pystr::intern(vm, name);
        dict::set_str(d, k, e);
    }
    for alias in ["EnvironmentError", "IOError"] {
        let k = pystr::intern(vm, alias);
        dict::set_str(d, k, vm.exc.os_error);
    }
    let consts = [
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("NotImplemented", vm.not_implemented),
        ("Ellipsis", vm.ellipsis),
        ("__debug__", Value::TRUE),
    ];
    for (name, v) in consts {
        let k = pystr::intern(vm, name);
        dict::set_str(d, k, v);
    }
    let bc = vm.registry["__build_class__"];
    let k = pystr::intern(vm, "__build_class__");
    dict::set_str(d, k, bc);
}

/// Writes text to a file-like object (sys.stdout by default).
pub fn write_to(vm: &mut Vm, file: Value, text: &str) -> PyResult<()> {
    if let Some(s) = crate::modules::io::native_stream(file) {
        return s.write(vm, text);
    }
    let s = pystr::new(vm, text);
    vm.call_method(file, "write", &[s])?;
    Ok(())
}

/// A function of exactly one positional argument (`METH_O`).
fn exactly_one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    args::no_kwargs(vm, a, name)?;
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos[0])
}

/// A function with positional-only parameters (`name expected N arguments, got M`).
fn positional<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    args::no_kwargs(vm, a, name)?;
    super::containers::arity(vm, name, a.pos.len(), min, max)?;
    Ok(a.pos)
}

fn print(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut sep = Value::NONE;
    let mut end = Value::NONE;
    let mut file = Value::NONE;
    let mut flush = Value::FALSE;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match pystr::as_str(*k) {
            "sep" => sep = *v,
            "end" => end = *v,
            "file" => file = *v,
            "flush" => flush = *v,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )));
            }
        }
    }
    for (v, what) in [(sep, "sep"), (end, "end")] {
        if !v.is_none() && pystr::text_of(v).is_none() {
            return Err(vm.type_error(format!(
                "{what} must be None or a string, not {}",
                vm.type_name(v)
            )));
        }
    }
    if file.is_none() {
        file = crate::object::module::get(vm, vm.sys, "stdout").unwrap_or(Value::NONE);
        if file.is_none() {
            return Ok(Value::NONE);
        }
    }
    // Each piece is converted and written in turn, as CPython does: an error in a
    // later argument's __str__ comes after the earlier ones were written.
    let write_text = |vm: &mut Vm, v: Value, default: &str| -> PyResult<()> {
        let s = if v.is_none() {
            default.to_string()
        } else {
            pystr::text_of(v).unwrap_or(default).to_string()
        };
        write_to(vm, file, &s)
    };
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            write_text(vm, sep, " ")?;
        }
        let s = vm.str(*v)?;
        write_to(vm, file, pystr::as_str(s))?;
    }
    write_text(vm, end, "\n")?;
    if vm.truth(flush)? {
        if let Some(s) = crate::modules::io::native_stream(file) {
            s.flush(vm)?;
        } else {
            vm.call_method(file, "flush", &[])?;
        }
    }
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "len")?;
    let n = vm.len(v)?;
    Ok(int::from_u64(vm, n as u64))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "repr")?;
    vm.repr(v)
}

fn ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "ascii")?;
    super::ascii(vm, v)
}

fn abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "abs")?;
    if v.is_float() {
        return Ok(Value::from_f64(v.as_f64().abs()));
    }
    if int::is_int(v) {
        if int::cmp(v, Value::small(0)).is_lt() {
            return Ok(int::neg(vm, v));
        }
        return Ok(if v.is_bool() {
            Value::small(v.is_true() as i64)
        } else {
            v
        });
    }
    match vm.call_special(v, vm.names.abs, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

fn min_max(vm: &mut Vm, a: &Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    if a.pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if a.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 2 keyword arguments ({} given)",
            a.kwnames.len()
        )));
    }
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match pystr::as_str(*k) {
            "key" => key = *v,
            "default" => default = *v,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )));
            }
        }
    }
    if a.pos.len() > 1 && !default.is_null() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let op = if is_max {
        stitch_core::instr::cmpop::GT
    } else {
        stitch_core::instr::cmpop::LT
    };
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, x: Value| -> PyResult<()> {
        let k = if key.is_none() {
            x
        } else {
            vm.call(key, &[x])?
        };
        match best {
            None => best = Some((x, k)),
            Some((_, bk)) => {
                let better = match crate::vm::ops::primitive_cmp(k, bk) {
                    Some(ord) => crate::vm::ops::ordering_holds(ord, op),
                    None => {
                        let r = vm.compare(k, bk, op)?;
                        vm.truth(r)?
                    }
                };
                if better {
                    best = Some((x, k));
                }
            }
        }
        Ok(())
    };
    if a.pos.len() > 1 {
        // The arguments themselves (the caller's, stable while we run).
        for &x in a.pos {
            consider(vm, x)?;
        }
    } else {
        let it = vm.iter(a.pos[0])?;
        while let Some(x) = vm.next(it)? {
            consider(vm, x)?;
        }
    }
    match best {
        Some((x, _)) => Ok(x),
        None if !default.is_null() => Ok(default),
        None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, false)
}

fn max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, true)
}

fn sum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let mut start = a.pos.get(1).copied();
    if a.pos.len() + a.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match pystr::as_str(*k) {
            "start" if start.is_none() => start = Some(*v),
            "start" => {
                return Err(
                    vm.type_error("argument for sum() given by name ('start') and position (2)")
                );
            }
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for sum()"
                )));
            }
        }
    }
    let mut acc = start.unwrap_or(Value::small(0));
    if pystr::text_of(acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::object::bytes::native(acc).is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if types::is_subtype(vm.type_of(acc), vm.types.bytearray) {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let src = a.pos[0];
    if acc.is_small_int()
        && let Some(b) = crate::object::bytes::native(src)
            .map(crate::object::bytes::data)
            .or_else(|| {
                (src.is_kind(Kind::Native) && vm.type_of(src) == vm.types.bytearray)
                    .then(|| crate::object::bytearray::data(src))
            })
    {
        let total = b.iter().map(|&x| x as i64).sum::<i64>() + acc.small_value();
        return Ok(int::from_i64(vm, total));
    }
    if src.is_kind(Kind::List) || src.is_kind(Kind::Tuple) {
        // Items read by position each step, as the list iterator would.
        let mut i = 0;
        loop {
            let xs = if src.is_kind(Kind::List) {
                crate::object::list::items(src)
            } else {
                crate::object::tuple::items(src)
            };
            let Some(&x) = xs.get(i) else { break };
            i += 1;
            acc = sum_add(vm, acc, x)?;
        }
        return Ok(acc);
    }
    let it = vm.iter(src)?;
    while let Some(x) = vm.next(it)? {
        acc = sum_add(vm, acc, x)?;
    }
    Ok(acc)
}

/// `acc + x` for sum(): machine arithmetic for small ints and floats.
#[inline]
fn sum_add(vm: &mut Vm, acc: Value, x: Value) -> PyResult<Value> {
    if acc.is_small_int() && x.is_small_int() {
        return Ok(int::from_i64(vm, acc.small_value() + x.small_value()));
    }
    if acc.is_float() && x.is_float() {
        return Ok(Value::from_f64(acc.as_f64() + x.as_f64()));
    }
    crate::vm::ops::binary_op(vm, stitch_core::instr::binop::ADD, acc, x)
}

/// The classes of a `X | Y` union, for isinstance/issubclass.
fn union_args(cls: Value) -> Option<Value> {
    native::downcast::<super::Union>(cls).map(|u| u.args)
}

fn isinstance(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "isinstance", 2, 2)?;
    let cls = union_args(p[1]).unwrap_or(p[1]);
    vm.isinstance(p[0], cls).map(Value::from_bool)
}

fn issubclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "issubclass", 2, 2)?;
    let cls = union_args(p[1]).unwrap_or(p[1]);
    vm.issubclass(p[0], cls).map(Value::from_bool)
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "hash")?;
    let h = vm.hash(v)?;
    Ok(int::from_i64(vm, h))
}

fn id(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "id")?;
    let i = vm.id_of(v);
    Ok(int::from_u64(vm, i))
}

/// An integer argument (`__index__`; floats are refused).
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index(v)
}

fn chr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "chr")?;
    let i = index_arg(vm, v)?;
    let Some(n) = int::to_i64(i).filter(|n| i32::try_from(*n).is_ok()) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..=0x10ffff).contains(&n) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(n as u32) {
        Some(c) => Ok(pystr::new(vm, c.encode_utf8(&mut [0u8; 4]))),
        None => {
            Err(vm
                .value_error("chr() arg is a surrogate code point, which Stitch cannot represent"))
        }
    }
}

fn ord(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "ord")?;
    if let Some(s) = pystr::text_of(v) {
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::small(c as i64)),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(d) = super::bytes::buffer_of(v) {
        if d.len() != 1 {
            return Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                d.len()
            )));
        }
        return Ok(Value::small(d[0] as i64));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn any(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "any")?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(it)? {
        if vm.truth(x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "all")?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(it)? {
        if !vm.truth(x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "iter", 1, 2)?;
    if p.len() == 1 {
        return vm.iter(p[0]);
    }
    if !vm.is_callable(p[0]) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    let ty = vm.registry["callable_iterator"];
    Ok(native::new(
        vm,
        ty,
        Box::new(iterators::CallIter {
            func: std::cell::Cell::new(p[0]),
            sentinel: p[1],
        }),
    ))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "next", 1, 2)?;
    let it = p[0];
    let is_iter = crate::object::native::is_iterator(it)
        || matches!(
            it.kind(),
            Some(Kind::ListIter | Kind::TupleIter | Kind::RangeIter)
        )
        || (it.is_kind(Kind::Generator) && vm.type_of(it) == vm.types.generator)
        || vm.lookup_special(it, vm.names.next).is_some();
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if p.len() == 2 {
        return Ok(vm.next(it)?.unwrap_or(p[1]));
    }
    if let Some(r) = crate::object::native::next_fast(vm, it)? {
        return match r {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(Value::NONE)),
        };
    }
    match vm.call_special(it, vm.names.next, &[])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it)))),
    }
}

fn sorted(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let items = vm.collect_iter(a.pos[0])?;
    let l = list::new(vm, &items);
    let rest = Args {
        pos: &[l],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    super::containers::list_sort(vm, &rest)?;
    Ok(l)
}

fn divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "divmod", 2, 2)?;
    super::numbers::divmod(vm, p[0], p[1])
}

fn pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [base, exp, m] = args::parse::<3>(vm, a, &Sig::new("pow", &["base", "exp", "mod"], 2))?;
    if m.is_null() || m.is_none() {
        return crate::vm::ops::binary_op(vm, stitch_core::instr::binop::POW, base, exp);
    }
    super::numbers::pow3(vm, base, exp, m)
}

fn round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [number, ndigits] = args::parse::<2>(vm, a, &Sig::new("round", &["number", "ndigits"], 1))?;
    super::numbers::round(vm, number, ndigits)
}

/// An attribute name argument (a str).
fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if pystr::text_of(v).is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        )));
    }
    super::object_type::name_arg(vm, v)
}

fn getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "getattr", 2, 3)?;
    let name = attr_name(vm, p[1])?;
    if p.len() == 3 {
        return match vm.getattr_opt(p[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(p[2]),
            Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => Ok(p[2]),
            Err(e) => Err(e),
        };
    }
    vm.getattr(p[0], name)
}

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "setattr", 3, 3)?;
    let name = attr_name(vm, p[1])?;
    vm.setattr(p[0], name, p[2])?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "hasattr", 2, 2)?;
    let name = attr_name(vm, p[1])?;
    match vm.getattr_opt(p[0], name) {
        Ok(r) => Ok(Value::from_bool(r.is_some())),
        Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "delattr", 2, 2)?;
    let name = attr_name(vm, p[1])?;
    vm.delattr(p[0], name)?;
    Ok(Value::NONE)
}

fn callable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = exactly_one(vm, a, "callable")?;
    Ok(Value::from_bool(vm.is_callable(v)))
}

impl Vm {
    pub fn is_callable(&self, v: Value) -> bool {
        matches!(
            v.kind(),
            Some(Kind::Function | Kind::Builtin | Kind::Method | Kind::Type)
        ) || types::lookup(self.type_of(v), self.names.call).is_some()
    }
}

fn vars(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "vars", 0, 1)?;
    let Some(&obj) = p.first() else {
        return locals(vm, a);
    };
    match vm.getattr_opt(obj, vm.names.dict) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "dir", 0, 1)?;
    let names = match p.first() {
        None => {
            let l = locals(vm, a)?;
            let keys = vm.call_method(l, "keys", &[])?;
            let items = vm.collect_iter(keys)?;
            list::new(vm, &items)
        }
        Some(&obj) => {
            let r = match vm.call_special(obj, vm.names.dir, &[])? {
                Some(r) => r,
                None => return Err(vm.type_error("object does not provide __dir__")),
            };
            let items = vm.collect_iter(r)?;
            list::new(vm, &items)
        }
    };
    super::containers::list_sort(vm, &Args::new(&[names]))?;
    Ok(names)
}

fn globals(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    noargs(vm, a, "globals")?;
    match crate::vm::call::current_globals(vm) {
        Some(g) => Ok(g),
        None => Ok(dict::new(vm)),
    }
}

fn noargs(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    args::no_kwargs(vm, a, name)?;
    if !a.pos.is_empty() {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            a.pos.len()
        )));
    }
    Ok(())
}

/// The running frame's locals (for `vars()` and `dir()`).
fn locals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    super::frame::locals_of_running(vm)
}

fn locals_builtin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    noargs(vm, a, "locals")?;
    super::frame::locals_of_running(vm)
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "format", 1, 2)?;
    let spec = if p.len() == 2 { p[1] } else { vm.empty_str };
    if pystr::text_of(spec).is_none() {
        return Err(vm.type_error(format!(
            "format() argument 2 must be str, not {}",
            vm.type_name(spec)
        )));
    }
    super::format(vm, p[0], spec)
}

fn radix(vm: &mut Vm, a: &Args, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    let v = exactly_one(vm, a, name)?;
    let v = index_arg(vm, v)?;
    let b = int::to_bigint(v);
    let digits = b.magnitude().to_str_radix(base);
    let sign = if b < num_bigint::BigInt::from(0) {
        "-"
    } else {
        ""
    };
    Ok(pystr::new(vm, &format!("{sign}{prefix}{digits}")))
}

fn bin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "bin", 2, "0b")
}
fn oct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "oct", 8, "0o")
}
fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "hex", 16, "0x")
}

fn input(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "input", 0, 1)?;
    if let Some(p) = a.pos.first() {
        let s = vm.str(*p)?;
        let stdout = crate::object::module::get(vm, vm.sys, "stdout").unwrap_or(Value::NONE);
        write_to(vm, stdout, pystr::as_str(s))?;
        if let Some(st) = crate::modules::io::native_stream(stdout) {
            st.flush(vm)?;
        }
    } else {
        let stdout = crate::object::module::get(vm, vm.sys, "stdout").unwrap_or(Value::NONE);
        if let Some(st) = crate::modules::io::native_stream(stdout) {
            st.flush(vm)?;
        }
    }
    let stdin = crate::object::module::get(vm, vm.sys, "stdin").unwrap_or(Value::NONE);
    let line = vm.call_method(stdin, "readline", &[])?;
    let s = pystr::text_of(line).unwrap_or("").to_string();
    if s.is_empty() {
        return Err(vm.new_error(vm.exc.eof_error, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(&s).to_string();
    Ok(pystr::new(vm, &s))
}

/// The source text of an exec/eval/compile argument.
fn source_arg(vm: &mut Vm, v: Value, what: &str, filename: &str) -> PyResult<String> {
    if let Some(s) = pystr::text_of(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::object::bytes::native(v) {
        let data = crate::object::bytes::data(b).to_vec();
        return crate::run::decode_bytes_source(vm, &data, filename);
    }
    Err(vm.type_error(format!(
        "{what}() arg 1 must be a string, bytes or code object"
    )))
}

fn exec_or_eval(vm: &mut Vm, a: &Args, is_eval: bool) -> PyResult<Value> {
    let name = if is_eval { "eval" } else { "exec" };
    let [src, g, l] = args::parse::<3>(
        vm,
        a,
        &Sig::positional(name, &["source", "globals", "locals"], 1),
    )?;
    let globals = if g.is_null() || g.is_none() {
        match crate::vm::call::current_globals(vm) {
            Some(g) => g,
            None => dict::new(vm),
        }
    } else if g.is_kind(Kind::Dict) {
        g
    } else {
        return Err(vm.type_error(format!(
            "{name}() globals must be a dict, not {}",
            vm.type_name(g)
        )));
    };
    let locals = if l.is_null() || l.is_none() {
        if g.is_null() || g.is_none() {
            super::frame::locals_of_running(vm)?
        } else {
            globals
        }
    } else {
        l
    };
    if dict::get_str(globals, vm.names.builtins).is_none() {
        let b = vm.builtins;
        dict::set_str(globals, vm.names.builtins, b);
    }
    let code = if src.is_kind(Kind::Code) {
        src
    } else {
        let text = source_arg(vm, src, name, "<string>")?;
        let text = if is_eval {
            text.trim_start_matches([' ', '\t']).to_string()
        } else {
            text
        };
        let mode = if is_eval {
            stitch_compiler::Mode::Expression
        } else {
            stitch_compiler::Mode::Module
        };
        crate::run::compile(vm, &text, "<string>", mode)?
    };
    let r = crate::vm::call::run_code(vm, code, globals, locals)?;
    Ok(if is_eval { r } else { Value::NONE })
}

fn exec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exec_or_eval(vm, a, false)
}

fn eval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    exec_or_eval(vm, a, true)
}

fn compile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [src, filename, mode, _flags, _dont_inherit, _optimize] = args::parse::<6>(
        vm,
        a,
        &Sig::new(
            "compile",
            &[
                "source",
                "filename",
                "mode",
                "flags",
                "dont_inherit",
                "optimize",
            ],
            3,
        ),
    )?;
    let fname = vm.str_string(filename)?;
    let text = source_arg(vm, src, "compile", &fname)?;
    let mode = match pystr::text_of(mode) {
        Some("exec") => stitch_compiler::Mode::Module,
        Some("eval") => stitch_compiler::Mode::Expression,
        Some("single") => stitch_compiler::Mode::Interactive,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    crate::run::compile(vm, &text, &fname, mode)
}

fn import(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] = args::parse::<5>(
        vm,
        a,
        &Sig::new(
            "__import__",
            &["name", "globals", "locals", "fromlist", "level"],
            1,
        ),
    )?;
    let g = if globals.is_null() || globals.is_none() {
        dict::new(vm)
    } else {
        globals
    };
    let fl = if fromlist.is_null() {
        Value::NONE
    } else {
        fromlist
    };
    let lv = if level.is_null() {
        Value::small(0)
    } else {
        level
    };
    let n = pystr::text_of(name).map(str::to_string);
    let Some(n) = n else {
        return Err(vm.type_error(format!(
            "module name must be str, not {}",
            vm.type_name(name)
        )));
    };
    let nv = pystr::intern(vm, &n);
    crate::import::import_name(vm, nv, g, fl, lv)
}

fn aiter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "aiter", 1, 1)?;
    crate::vm::generator::get_aiter(vm, a.pos[0])
}

fn anext(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "anext", 1, 2)?;
    match vm.call_special(a.pos[0], vm.names.anext, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(a.pos[0])
        ))),
    }
}

/// `float(x)` used by several builtins.
pub fn to_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_f64());
    }
    match float::as_f64(vm, v)? {
        Some(f) => Ok(f),
        None => super::numbers::float_of(vm, v),
    }
}

#[allow(dead_code)]
fn unused(_: Value) -> Value {
    tuple::items(Value::NONE);
    Value::NONE
}
