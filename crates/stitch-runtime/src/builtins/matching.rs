//! Runtime support of the `match` statement: which subjects are sequences and
//! mappings, key lookup for mapping patterns, and attribute extraction for class
//! patterns (`__match_args__`).

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{dict, str as pystr, tuple, types};
use crate::vm::{PyResult, Vm};

/// `collections.abc` marks its Sequence and Mapping classes with these flags in
/// `__abc_tpflags__`, as CPython's `_abc` does.
const TPFLAGS_SEQUENCE: i64 = 1 << 5;
const TPFLAGS_MAPPING: i64 = 1 << 6;

fn abc_flags(vm: &mut Vm, v: Value) -> i64 {
    let key = pystr::intern(vm, "__abc_tpflags__");
    let t = vm.type_of(v);
    let mut flags = 0;
    for c in types::ty(t).mro.clone() {
        if let Some(f) = dict::get_str(types::ty(c).dict, key)
            && f.is_small_int()
        {
            flags |= f.small_value();
        }
    }
    flags
}

fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(Kind::List | Kind::Tuple) => return true,
        Some(Kind::Str | Kind::Bytes | Kind::Dict) => return false,
        _ => {}
    }
    if crate::object::range::parts(v).is_some() {
        return true;
    }
    let t = vm.type_of(v);
    if [vm.types.str, vm.types.bytes, vm.types.bytearray].iter().any(|b| types::is_subtype(t, *b)) {
        return false;
    }
    if [vm.types.list, vm.types.tuple].iter().any(|b| types::is_subtype(t, *b)) {
        return true;
    }
    if vm.registry.get("deque").is_some_and(|d| types::is_subtype(t, *d)) {
        return true;
    }
    abc_flags(vm, v) & TPFLAGS_SEQUENCE != 0
}

fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if v.is_kind(Kind::Dict) || dict::native(v).is_some() {
        return true;
    }
    if v.is_kind(Kind::Native) && vm.type_of(v) == vm.types.mappingproxy {
        return true;
    }
    abc_flags(vm, v) & TPFLAGS_MAPPING != 0
}

pub fn match_sequence(vm: &mut Vm, subject: Value) -> PyResult<Value> {
    Ok(Value::from_bool(is_sequence(vm, subject)))
}

pub fn match_mapping(vm: &mut Vm, subject: Value) -> PyResult<Value> {
    Ok(Value::from_bool(is_mapping(vm, subject)))
}

/// The values of `keys` in the mapping `subject` (a tuple), or None if one is missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let keys = crate::gc::Rooted::from_vec(tuple::items(keys).to_vec());
    let mut seen = crate::gc::Rooted::new();
    let mut values = crate::gc::Rooted::new();
    let get = vm.getattr_str(subject, "get")?;
    let dummy = vm.not_implemented;
    for k in keys.iter() {
        for s in seen.iter() {
            if vm.eq_bool(*s, *k)? {
                let r = vm.repr_string(*k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        seen.push(*k);
        let v = vm.call(get, &[*k, dummy])?;
        if v == dummy {
            return Ok(Value::NONE);
        }
        values.push(v);
    }
    Ok(tuple::new(vm, &values))
}

/// `dict(subject)` without `keys` (for `**rest`).
pub fn copy_dict_without_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let d = dict::new(vm);
    crate::builtins::dict_update_from(vm, d, subject)?;
    for k in tuple::items(keys).to_vec() {
        dict::remove(vm, d, k)?;
    }
    Ok(d)
}

/// Builtin types whose single positional sub-pattern matches the subject itself.
fn matches_self(vm: &Vm, cls: Value) -> bool {
    let t = &vm.types;
    [t.bool, t.bytearray, t.bytes, t.dict, t.float, t.frozenset, t.int, t.list, t.set, t.str, t.tuple]
        .contains(&cls)
}

/// `case cls(p0, p1, kw=...)`: the attributes to match, or None.
pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, names: Value, nargs: u32) -> PyResult<Value> {
    if !cls.is_kind(Kind::Type) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !vm.isinstance(subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut attrs = crate::gc::Rooted::new();
    let mut seen: Vec<String> = Vec::new();
    let cname = types::name(cls).to_string();
    let nargs = nargs as usize;
    if nargs > 0 {
        let match_args = vm.getattr_opt(cls, vm.names.match_args)?;
        match match_args {
            None if matches_self(vm, cls) => {
                if nargs > 1 {
                    return Err(vm.type_error(format!(
                        "{cname}() accepts 1 positional sub-pattern ({nargs} given)"
                    )));
                }
                attrs.push(subject);
            }
            ma => {
                let items: Vec<Value> = match ma {
                    None => Vec::new(),
                    Some(t) if t.is_kind(Kind::Tuple) => tuple::items(t).to_vec(),
                    Some(t) => {
                        return Err(vm.type_error(format!(
                            "{cname}.__match_args__ must be a tuple (got {})",
                            vm.type_name(t)
                        )));
                    }
                };
                if nargs > items.len() {
                    return Err(vm.type_error(format!(
                        "{cname}() accepts {} positional sub-pattern{} ({nargs} given)",
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &items[..nargs] {
                    let Some(n) = pystr::text_of(*name) else {
                        return Err(vm.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            vm.type_name(*name)
                        )));
                    };
                    let n = n.to_string();
                    if seen.contains(&n) {
                        return Err(vm.type_error(format!("{cname}() got multiple sub-patterns for attribute '{n}'")));
                    }
                    seen.push(n.clone());
                    let key = pystr::intern(vm, &n);
                    match vm.getattr_opt(subject, key) {
                        Ok(Some(v)) => attrs.push(v),
                        Ok(None) => return Ok(Value::NONE),
                        Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => return Ok(Value::NONE),
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }
    for name in tuple::items(names).to_vec() {
        let n = pystr::as_str(name).to_string();
        if seen.contains(&n) {
            return Err(vm.type_error(format!("{cname}() got multiple sub-patterns for attribute '{n}'")));
        }
        seen.push(n);
        let key = pystr::intern_value(vm, name);
        match vm.getattr_opt(subject, key) {
            Ok(Some(v)) => attrs.push(v),
            Ok(None) => return Ok(Value::NONE),
            Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => return Ok(Value::NONE),
            Err(e) => return Err(e),
        }
    }
    Ok(tuple::new(vm, &attrs))
}
