//! `_imp`: the hooks `importlib._bootstrap` calls when `importlib` is imported
//! as a regular package (Stitch's import system is native, so importlib only
//! needs to set itself up): builtin-module queries and creation, no frozen or
//! extension modules, the import lock, and source hashes.

use stitch_core::value::Value;

use crate::builtins::args;
use crate::object::{bytes, int, list, module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_imp");
    crate::modules::util::add_fns(
        vm,
        m,
        &[
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_builtin),
            ("is_frozen", is_frozen),
            ("is_frozen_package", is_frozen),
            ("find_frozen", find_frozen),
            ("get_frozen_object", no_frozen),
            ("init_frozen", no_frozen),
            ("_frozen_module_names", frozen_names),
            ("extension_suffixes", extension_suffixes),
            ("create_dynamic", no_dynamic),
            ("exec_dynamic", exec_builtin),
            ("lock_held", lock_held),
            ("acquire_lock", nothing),
            ("release_lock", nothing),
            ("_fix_co_filename", nothing),
            ("_override_frozen_modules_for_tests", nothing),
            ("source_hash", source_hash),
        ],
    );
    crate::modules::util::set_str(vm, m, "check_hash_based_pycs", "default");
    Ok(m)
}

/// `_warnings`, empty: `warnings` then keeps its filters in Python (its
/// documented fallback when the accelerator lacks them).
pub fn warnings_init(vm: &mut Vm) -> PyResult<Value> {
    Ok(module::new(vm, "_warnings"))
}

/// Whether `name` is a module built into the runtime.
fn builtin_name(name: &str) -> bool {
    name == "sys" || name == "builtins" || name == "_imp" || crate::modules::NATIVE.iter().any(|(n, _)| *n == name)
}

fn name_arg(vm: &mut Vm, a: &Args, f: &str) -> PyResult<String> {
    args::count(vm, a, f, 1, 1)?;
    match pystr::text_of(a.pos[0]) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("{f}() argument must be str, not {}", vm.type_name(a.pos[0])))),
    }
}

fn is_builtin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = name_arg(vm, a, "is_builtin")?;
    let r = if n == "sys" || n == "builtins" {
        -1
    } else {
        builtin_name(&n) as i64
    };
    Ok(Value::small(r))
}

fn create_builtin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "create_builtin", 1, 1)?;
    let nv = vm.getattr_str(a.pos[0], "name")?;
    let Some(name) = pystr::text_of(nv).map(str::to_string) else {
        return Err(vm.type_error("spec.name must be a str"));
    };
    if let Some(m) = crate::object::dict::get_str(vm.modules, nv) {
        return Ok(m);
    }
    if name == "_imp" {
        return init(vm);
    }
    match crate::modules::native_module(vm, &name)? {
        Some(m) => Ok(m),
        None => Err(vm.new_error(vm.exc.import_error, format!("no built-in module named {name}"))),
    }
}

fn exec_builtin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "exec_builtin", 1, 1)?;
    Ok(Value::small(0))
}

fn is_frozen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    name_arg(vm, a, "is_frozen")?;
    Ok(Value::FALSE)
}

fn find_frozen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, &Args::new(a.pos), "find_frozen", 1, 1)?;
    Ok(Value::NONE)
}

fn no_frozen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.pos.first().and_then(|v| pystr::text_of(*v)).unwrap_or("?").to_string();
    Err(vm.new_error(vm.exc.import_error, format!("No such frozen object named '{n}'")))
}

fn frozen_names(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(list::new(vm, &[]))
}

fn extension_suffixes(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(list::new(vm, &[]))
}

fn no_dynamic(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.new_error(vm.exc.import_error, "extension modules are not supported by Stitch"))
}

fn lock_held(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn nothing(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed by `key`, as 8
/// little-endian bytes (what hash-based .pyc files store).
fn source_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [key, source] = args::parse::<2>(vm, a, &args::Sig { kwonly_from: 0, ..args::Sig::new("source_hash", &["key", "source"], 2) })?;
    let k = int::to_i64(vm.index(key)?).unwrap_or(0) as u64;
    let data = crate::modules::array::buffer::read(vm, source)?.to_vec();
    use std::hash::Hasher;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k, 0);
    h.write(&data);
    Ok(bytes::new(vm, &h.finish().to_le_bytes()))
}
