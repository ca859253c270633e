//! The `_ast` module: the AST node classes (built from the table in
//! `ast_nodes.rs`) with CPython's constructor (positional arguments in `_fields`
//! order, keywords for anything), `__reduce__`, and the `PyCF_*` flags.
//! Producing trees from source (`compile(..., PyCF_ONLY_AST)`) is the compiler's.

use std::collections::HashMap;

use stitch_core::value::Value;

use super::ast_nodes::NODES;
use super::util::add_ints;
use crate::builtins::add_methods;
use crate::gc::Rooted;
use crate::object::{dict, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_ast");
    add_ints(
        vm,
        m,
        &[
            ("PyCF_ONLY_AST", 1024),
            ("PyCF_TYPE_COMMENTS", 4096),
            ("PyCF_ALLOW_TOP_LEVEL_AWAIT", 8192),
        ],
    );
    let mut made: HashMap<&str, Value> = HashMap::new();
    let keep = Rooted::new();
    let mut keep = keep;
    for node in NODES {
        let base = if node.base.is_empty() {
            vm.types.object
        } else {
            made.get(node.base).copied().unwrap_or(vm.types.object)
        };
        let ns = dict::new(vm);
        keep.push(ns);
        let modname = pystr::new(vm, "ast");
        dict::set_str(ns, vm.names.module, modname);
        let fields = names_tuple(vm, node.fields);
        let k = pystr::intern(vm, "_fields");
        dict::set_str(ns, k, fields);
        let k = pystr::intern(vm, "__match_args__");
        dict::set_str(ns, k, fields);
        if let Some(attrs) = node.attributes {
            let t = names_tuple(vm, attrs);
            let k = pystr::intern(vm, "_attributes");
            dict::set_str(ns, k, t);
        }
        for o in node.optional {
            let k = pystr::intern(vm, o);
            dict::set_str(ns, k, Value::NONE);
        }
        let name = pystr::new(vm, node.name);
        let bases = tuple::new(vm, &[base]);
        let ty_ty = vm.types.type_;
        let cls = vm.call(ty_ty, &[name, bases, ns])?;
        keep.push(cls);
        if node.base.is_empty() {
            add_methods(
                vm,
                cls,
                &[("__init__", ast_init), ("__reduce__", ast_reduce)],
            );
        }
        made.insert(node.name, cls);
        module::set(vm, m, node.name, cls);
    }
    Ok(m)
}

fn names_tuple(vm: &mut Vm, names: &[&str]) -> Value {
    let mut items = Rooted::new();
    for n in names {
        let s = pystr::intern(vm, n);
        items.push(s);
    }
    tuple::new(vm, &items)
}

fn ast_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let cls = vm.type_of(obj);
    let k = pystr::intern(vm, "_fields");
    let fields = match vm.getattr_opt(cls, k)? {
        Some(f) => vm.collect_iter(f)?,
        None => Rooted::new(),
    };
    let pos = &a.pos[1..];
    let name = super::util::short_name(cls);
    if pos.len() > fields.len() {
        let n = fields.len();
        return Err(vm.type_error(format!(
            "{name} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        let f = crate::builtins::object_type::name_arg(vm, fields[i])?;
        vm.setattr(obj, f, *v)?;
    }
    for (i, kname) in a.kwnames.iter().enumerate() {
        if let Some(p) = fields[..pos.len()]
            .iter()
            .position(|f| pystr::text_of(*f) == pystr::text_of(*kname))
        {
            let fname = pystr::text_of(fields[p]).unwrap_or("");
            return Err(vm.type_error(format!("{name} got multiple values for argument '{fname}'")));
        }
        let key = pystr::intern_value(vm, *kname);
        vm.setattr(obj, key, a.kwvals[i])?;
    }
    Ok(Value::NONE)
}

fn ast_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos[0];
    let cls = vm.type_of(obj);
    let d = vm.getattr(obj, vm.names.dict)?;
    let empty = vm.empty_tuple;
    if dict::len(d) == 0 {
        return Ok(tuple::new(vm, &[cls, empty]));
    }
    Ok(tuple::new(vm, &[cls, empty, d]))
}
