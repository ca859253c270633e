//! Struct sequences (`sys.flags`, `sys.float_info`, `time.struct_time`...): tuple
//! subclasses whose items are also named attributes, with CPython's repr and
//! constructor rules. Fields past the sequence part (`tm_zone`, `tm_gmtoff`) are
//! attributes only.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::util::native_of;
use crate::builtins::{add_methods, add_static};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::{self, DescrKind, NativeData};
use crate::object::types::{self, flags};
use crate::object::{dict, instance, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// A field of a struct sequence: item `index` (or an attribute past the sequence).
struct Field {
    index: usize,
    name: Value,
    n_seq: usize,
}

impl NativeData for Field {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
    }
    fn descr_kind(&self) -> DescrKind {
        DescrKind::Data
    }
    fn descr_get(&self, vm: &mut Vm, this: Value, obj: Value, _owner: Value) -> PyResult<Value> {
        if obj.is_null() {
            return Ok(this);
        }
        if self.index < self.n_seq {
            let t = native_of(obj);
            if t.is_kind(Kind::Tuple) {
                return Ok(tuple::items(t)
                    .get(self.index)
                    .copied()
                    .unwrap_or(Value::NONE));
            }
            return Ok(Value::NONE);
        }
        if obj.is_kind(Kind::Instance) {
            return Ok(instance::get_attr(vm, obj, self.name).unwrap_or(Value::NONE));
        }
        Ok(Value::NONE)
    }
    fn descr_set(&self, vm: &mut Vm, _this: Value, _obj: Value, _value: Value) -> PyResult<()> {
        Err(vm.new_error(vm.exc.attribute_error, "readonly attribute"))
    }
    native_any!();
}

/// A new struct sequence type `module.name` with `fields`, the first `n_seq` of
/// which are items. `creatable` allows `Type(seq)`.
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &'static str,
    fields: &[&str],
    n_seq: usize,
    creatable: bool,
) -> Value {
    let tname = pystr::new(vm, name);
    let tuple_ty = vm.types.tuple;
    let bases = tuple::new(vm, &[tuple_ty]);
    let ns = dict::new(vm);
    let m = pystr::new(vm, module);
    dict::set_str(ns, vm.names.module, m);
    let ty_ty = vm.types.type_;
    let t = match vm.call(ty_ty, &[tname, bases, ns]) {
        Ok(t) => t,
        Err(_) => return Value::NONE,
    };
    types::ty(t).prefix.flags &= !flags::BASETYPE;
    super::util::set_c_name(t, module, name);
    let d = types::ty(t).dict;
    let mut names = crate::gc::Rooted::new();
    for (i, f) in fields.iter().enumerate() {
        let n = pystr::intern(vm, f);
        names.push(n);
        let mty = vm.types.member_descriptor;
        let descr = native::new(
            vm,
            mty,
            Box::new(Field {
                index: i,
                name: n,
                n_seq,
            }),
        );
        dict::set_str(d, n, descr);
    }
    let all = tuple::new(vm, &names);
    let k = pystr::intern(vm, "__structseq_fields__");
    dict::set_str(d, k, all);
    let seq = tuple::new(vm, &names[..n_seq.min(names.len())]);
    let k = pystr::intern(vm, "__match_args__");
    dict::set_str(d, k, seq);
    for (k, v) in [
        ("n_sequence_fields", n_seq),
        ("n_fields", fields.len()),
        ("n_unnamed_fields", 0),
    ] {
        let key = pystr::intern(vm, k);
        dict::set_str(d, key, Value::small(v as i64));
    }
    if creatable {
        add_static(vm, t, &[("__new__", structseq_new)]);
    } else {
        add_static(vm, t, &[("__new__", no_new)]);
    }
    add_methods(
        vm,
        t,
        &[
            ("__repr__", structseq_repr),
            ("__reduce__", structseq_reduce),
        ],
    );
    types::invalidate(t);
    t
}

/// An instance of struct sequence type `ty` from all its field values.
pub fn new(vm: &mut Vm, ty: Value, values: &[Value]) -> Value {
    let n_seq = count(ty, "n_sequence_fields").min(values.len());
    let items = tuple::new(vm, &values[..n_seq]);
    let obj = crate::builtins::numbers::subclass_instance(vm, ty, items);
    let names = field_names(vm, ty);
    for (i, v) in values.iter().enumerate().skip(n_seq) {
        if let Some(n) = names.get(i) {
            instance::set_attr(vm, obj, *n, *v);
        }
    }
    obj
}

fn count(ty: Value, key: &str) -> usize {
    let d = types::ty(ty).dict;
    for (k, v) in dict::items(d) {
        if pystr::text_of(k) == Some(key) && v.is_small_int() {
            return v.small_value() as usize;
        }
    }
    0
}

fn field_names(vm: &mut Vm, ty: Value) -> Vec<Value> {
    let k = pystr::intern(vm, "__structseq_fields__");
    match types::lookup(ty, k) {
        Some(t) if t.is_kind(Kind::Tuple) => tuple::items(t).to_vec(),
        _ => Vec::new(),
    }
}

fn full_name(vm: &mut Vm, ty: Value) -> String {
    let m = dict::get_str(types::ty(ty).dict, vm.names.module).and_then(pystr::text_of);
    match m {
        Some(m) if m != "builtins" => format!("{m}.{}", super::util::short_name(ty)),
        _ => super::util::short_name(ty).to_string(),
    }
}

fn no_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first().filter(|c| c.is_kind(Kind::Type)) else {
        return Err(vm.type_error("cannot create struct sequence instances"));
    };
    let name = full_name(vm, cls);
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn structseq_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&cls) = a.pos.first().filter(|c| c.is_kind(Kind::Type)) else {
        return Err(vm.type_error("struct sequence __new__(): not enough arguments"));
    };
    let name = full_name(vm, cls);
    let sig = crate::builtins::args::Sig::new(&name, &["sequence", "dict"], 1);
    let [seq, extra] = crate::builtins::args::parse::<2>(vm, &a.tail(), &sig)?;
    let items = match vm.collect_iter(seq) {
        Ok(i) => i,
        Err(e)
            if vm.is_instance_of(e.0, vm.exc.type_error)
                && vm.lookup_special(seq, vm.names.iter).is_none() =>
        {
            return Err(vm.type_error("constructor requires a sequence"));
        }
        Err(e) => return Err(e),
    };
    let n_seq = count(cls, "n_sequence_fields");
    let n_fields = count(cls, "n_fields");
    let len = items.len();
    if len < n_seq {
        let msg = if n_seq == n_fields {
            format!("{name}() takes a {n_seq}-sequence ({len}-sequence given)")
        } else {
            format!("{name}() takes an at least {n_seq}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(msg));
    }
    if len > n_fields {
        let msg = if n_seq == n_fields {
            format!("{name}() takes a {n_seq}-sequence ({len}-sequence given)")
        } else {
            format!("{name}() takes an at most {n_fields}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(msg));
    }
    let mut values = crate::gc::Rooted::from_vec(items.to_vec());
    let names = crate::gc::Rooted::from_vec(field_names(vm, cls));
    let has_dict = !extra.is_null() && !extra.is_none();
    if has_dict && !extra.is_kind(Kind::Dict) {
        return Err(vm.type_error(format!("{name}() takes a dict as second arg, if any")));
    }
    for i in len..n_fields {
        let v = match names.get(i) {
            Some(n) if has_dict => dict::get(vm, extra, *n)?.unwrap_or(Value::NONE),
            _ => Value::NONE,
        };
        values.push(v);
    }
    Ok(new(vm, cls, &values))
}

fn structseq_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let ty = vm.type_of(obj);
    let t = native_of(obj);
    if !t.is_kind(Kind::Tuple) {
        return Err(vm.type_error("a struct sequence is required"));
    }
    let names = crate::gc::Rooted::from_vec(field_names(vm, ty));
    let mut out = format!("{}(", full_name(vm, ty));
    for (i, v) in tuple::items(t).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let n = names.get(i).and_then(|n| pystr::text_of(*n)).unwrap_or("");
        let r = vm.repr_string(*v)?;
        out.push_str(n);
        out.push('=');
        out.push_str(&r);
    }
    out.push(')');
    Ok(pystr::new(vm, &out))
}

fn structseq_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let ty = vm.type_of(obj);
    let t = native_of(obj);
    let items = if t.is_kind(Kind::Tuple) {
        tuple::items(t).to_vec()
    } else {
        Vec::new()
    };
    let n_seq = items.len();
    let seq = tuple::new(vm, &items);
    let extra = dict::new(vm);
    let names = crate::gc::Rooted::from_vec(field_names(vm, ty));
    for n in names.iter().skip(n_seq) {
        let v = if obj.is_kind(Kind::Instance) {
            instance::get_attr(vm, obj, *n).unwrap_or(Value::NONE)
        } else {
            Value::NONE
        };
        dict::set(vm, extra, *n, v)?;
    }
    let args = tuple::new(vm, &[seq, extra]);
    Ok(tuple::new(vm, &[ty, args]))
}
