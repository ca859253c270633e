//! The import system: `import a.b.c`, `from x import y`, relative imports, packages,
//! `sys.modules` caching (set before a module runs, so circular imports see the
//! partial module), native modules, and modules found on `sys.path`.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{dict, list, module, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// `IMPORT_NAME`: imports `name` (relative to `globals` when `level` > 0) and returns
/// the top-level package, or the module itself when `fromlist` is non-empty.
pub fn import_name(vm: &mut Vm, name: Value, globals: Value, fromlist: Value, level: Value) -> PyResult<Value> {
    let level = if level.is_small_int() { level.small_value() } else { 0 };
    let n = pystr::text_of(name).unwrap_or("").to_string();
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let full = if level > 0 { resolve_relative(vm, &n, globals, level as usize)? } else { n.clone() };
    if full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let m = import_module(vm, &full)?;
    let has_fromlist = !fromlist.is_null() && !fromlist.is_none() && vm.truth(fromlist)?;
    if has_fromlist {
        if module::get(vm, m, "__path__").is_some() {
            let names = vm.collect_iter(fromlist)?;
            for x in names.iter() {
                let Some(s) = pystr::text_of(*x) else { continue };
                if s == "*" {
                    continue;
                }
                let key = pystr::intern(vm, s);
                if dict::get_str(module::dict_of(m), key).is_none() {
                    let sub = format!("{full}.{s}");
                    match import_module(vm, &sub) {
                        Ok(_) => {}
                        // Only a missing submodule itself is ignored (as in
                        // `_handle_fromlist`); errors from its code propagate.
                        Err(e)
                            if vm.is_instance_of(e.0, vm.exc.module_not_found_error)
                                && crate::object::exception::get_attr(vm, e.0, "name")
                                    .and_then(pystr::text_of)
                                    .is_some_and(|missing| missing == sub) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        return Ok(m);
    }
    if level > 0 && n.is_empty() {
        return Ok(m);
    }
    let top_name = if level > 0 {
        // The top-level part of what was named relatively.
        let base_len = full.len() - n.len();
        let first = n.split('.').next().unwrap_or("");
        format!("{}{}", &full[..base_len], first)
    } else {
        n.split('.').next().unwrap_or("").to_string()
    };
    match lookup_module(vm, &top_name) {
        Some(t) => Ok(t),
        None => Ok(m),
    }
}

fn resolve_relative(vm: &mut Vm, name: &str, globals: Value, level: usize) -> PyResult<String> {
    let package = dict::get_str(globals, vm.names.package)
        .filter(|p| p.is_kind(Kind::Str))
        .map(|p| pystr::as_str(p).to_string());
    let package = match package {
        Some(p) => p,
        None => {
            let modname = dict::get_str(globals, vm.names.name)
                .and_then(|n| pystr::text_of(n).map(str::to_string))
                .unwrap_or_default();
            if dict::get_str(globals, vm.names.path).is_some() {
                modname
            } else {
                modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(vm.new_error(vm.exc.import_error, "attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if level - 1 >= parts.len() {
        return Err(vm.new_error(vm.exc.import_error, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

fn lookup_module(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = pystr::new(vm, name);
    dict::get_str(vm.modules, k).filter(|m| !m.is_none())
}

/// Imports a module by its full dotted name.
pub fn import_module(vm: &mut Vm, full: &str) -> PyResult<Value> {
    if let Some(m) = lookup_module(vm, full) {
        return Ok(m);
    }
    let (parent, child) = match full.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, full),
    };
    let search = match parent {
        Some(p) => {
            let pm = import_module(vm, p)?;
            if let Some(m) = lookup_module(vm, full) {
                return Ok(m);
            }
            match module::get(vm, pm, "__path__") {
                Some(path) => vm.collect_iter(path)?.to_vec(),
                None => {
                    return Err(not_found(vm, full, Some(&format!("No module named '{full}'; '{p}' is not a package"))));
                }
            }
        }
        None => {
            if let Some(m) = crate::modules::native_module(vm, full)? {
                let k = pystr::new(vm, full);
                dict::set_str(vm.modules, k, m);
                return Ok(m);
            }
            let path = module::get(vm, vm.sys, "path").unwrap_or(Value::NONE);
            if path.is_none() { Vec::new() } else { vm.collect_iter(path)?.to_vec() }
        }
    };
    for dir in search {
        let Some(d) = pystr::text_of(dir) else { continue };
        let base = if d.is_empty() { ".".to_string() } else { d.to_string() };
        let pkg_init = format!("{base}/{child}/__init__.py");
        let file = format!("{base}/{child}.py");
        if std::path::Path::new(&pkg_init).is_file() {
            let pkg_dir = format!("{base}/{child}");
            return load_source(vm, full, &pkg_init, Some(&pkg_dir), parent);
        }
        if std::path::Path::new(&file).is_file() {
            return load_source(vm, full, &file, None, parent);
        }
    }
    Err(not_found(vm, full, None))
}

fn not_found(vm: &mut Vm, name: &str, msg: Option<&str>) -> crate::vm::PyErr {
    let m = msg.map(str::to_string).unwrap_or_else(|| format!("No module named '{name}'"));
    let e = vm.new_error(vm.exc.module_not_found_error, m.clone());
    let n = pystr::new(vm, name);
    crate::object::exception::set_attr(vm, e.0, "name", n);
    let mv = pystr::new(vm, &m);
    crate::object::exception::set_attr(vm, e.0, "msg", mv);
    e
}

fn load_source(vm: &mut Vm, full: &str, path: &str, pkg_dir: Option<&str>, parent: Option<&str>) -> PyResult<Value> {
    let source = crate::run::read_source(vm, path)?;
    let abs = std::fs::canonicalize(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_string());
    let m = module::new(vm, full);
    let file = pystr::new(vm, &abs);
    module::set(vm, m, "__file__", file);
    let package = match pkg_dir {
        Some(_) => full.to_string(),
        None => parent.unwrap_or("").to_string(),
    };
    let pkg = pystr::new(vm, &package);
    module::set(vm, m, "__package__", pkg);
    if let Some(d) = pkg_dir {
        let dabs = std::fs::canonicalize(d).map(|p| p.display().to_string()).unwrap_or_else(|_| d.to_string());
        let dv = pystr::new(vm, &dabs);
        let l = list::new(vm, &[dv]);
        module::set(vm, m, "__path__", l);
    }
    let b = vm.builtins;
    module::set(vm, m, "__builtins__", b);
    let k = pystr::new(vm, full);
    dict::set_str(vm.modules, k, m);
    let code = match crate::run::compile_source(vm, &source, &abs, stitch_compiler::Mode::Module, true) {
        Ok(c) => c,
        Err(e) => {
            dict::remove_str(vm.modules, k);
            return Err(e);
        }
    };
    let globals = module::dict_of(m);
    if let Err(e) = crate::vm::call::run_code(vm, code, globals, globals) {
        dict::remove_str(vm.modules, k);
        return Err(e);
    }
    // The module object may have been replaced in sys.modules by its code.
    let m = dict::get_str(vm.modules, k).unwrap_or(m);
    if let Some(p) = parent
        && let Some(pm) = lookup_module(vm, p)
    {
        let child = full.rsplit('.').next().unwrap_or(full);
        module::set(vm, pm, child, m);
    }
    Ok(m)
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(vm: &mut Vm, m: Value, name: Value) -> PyResult<Value> {
    match vm.getattr_opt(m, name) {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => {}
        Err(e) if vm.is_instance_of(e.0, vm.exc.attribute_error) => {}
        Err(e) => return Err(e),
    }
    let modname = vm
        .getattr_opt(m, vm.names.name)?
        .and_then(|n| pystr::text_of(n).map(str::to_string));
    if let Some(mn) = &modname
        && let Some(sub) = lookup_module(vm, &format!("{mn}.{}", pystr::as_str(name)))
    {
        return Ok(sub);
    }
    let n = pystr::as_str(name).to_string();
    let mn = modname.unwrap_or_else(|| "<unknown module name>".to_string());
    let file = if m.is_kind(Kind::Module) {
        module::get(vm, m, "__file__").and_then(|f| pystr::text_of(f).map(str::to_string))
    } else {
        None
    };
    let loc = file.map(|f| format!(" ({f})")).unwrap_or_else(|| " (unknown location)".to_string());
    let e = vm.new_error(vm.exc.import_error, format!("cannot import name '{n}' from '{mn}'{loc}"));
    let nv = pystr::new(vm, &mn);
    crate::object::exception::set_attr(vm, e.0, "name", nv);
    Err(e)
}

/// `from module import *` into namespace `ns`.
pub fn import_star(vm: &mut Vm, m: Value, ns: Value) -> PyResult<()> {
    let names: Vec<Value> = match vm.getattr_opt(m, vm.names.all)? {
        Some(all) => vm.collect_iter(all)?.to_vec(),
        None => {
            let d = vm.getattr(m, vm.names.dict)?;
            dict::items(d)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| pystr::text_of(*k).is_some_and(|s| !s.starts_with('_')))
                .collect()
        }
    };
    let names = crate::gc::Rooted::from_vec(names);
    for n in names.iter() {
        let Some(s) = pystr::text_of(*n) else {
            return Err(vm.type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                "module",
                vm.type_name(*n)
            )));
        };
        let key = pystr::intern(vm, s);
        let v = vm.getattr(m, key)?;
        if ns.is_kind(Kind::Dict) {
            dict::set_str(ns, key, v);
        } else {
            vm.setitem(ns, key, v)?;
        }
    }
    let _ = tuple::len;
    Ok(())
}
