//! The `atexit` module: handlers registered with `register` run last-in first-out
//! when the program ends (`run_exitfuncs`, called by `run::finish`); an exception
//! in a handler is reported as "Exception ignored in atexit callback".

use stitch_core::value::Value;

use super::util::add_fns;
use crate::builtins::args;
use crate::object::{dict, list, module, tuple};
use crate::vm::{Args, PyResult, Vm};

const KEY: &str = "atexit._handlers";

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "atexit");
    handlers(vm);
    add_fns(
        vm,
        m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs_fn),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    );
    Ok(m)
}

/// The list of `(func, args, kwargs)` entries.
fn handlers(vm: &mut Vm) -> Value {
    if let Some(l) = vm.registry.get(KEY) {
        return *l;
    }
    let l = list::new(vm, &[]);
    vm.registry.insert(KEY, l);
    l
}

fn register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let f = a.pos[0];
    if !super::util::is_callable(vm, f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let rest = tuple::new(vm, &a.pos[1..]);
    let kw = dict::new(vm);
    for (i, k) in a.kwnames.iter().enumerate() {
        dict::set(vm, kw, *k, a.kwvals[i])?;
    }
    let entry = tuple::new(vm, &[f, rest, kw]);
    let l = handlers(vm);
    list::push(list::vec(l), entry);
    Ok(f)
}

fn unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "unregister", 1, 1)?;
    let l = handlers(vm);
    let mut i = 0;
    while i < list::items(l).len() {
        let entry = list::items(l)[i];
        let f = tuple::items(entry)[0];
        if vm.eq_bool(f, a.pos[0])? {
            // The list may have changed during the comparison.
            if i < list::items(l).len() && list::items(l)[i] == entry {
                list::remove_at(list::vec(l), i);
                continue;
            }
        }
        i += 1;
    }
    Ok(Value::NONE)
}

/// Runs and forgets the registered handlers, last registered first.
pub fn run_exitfuncs(vm: &mut Vm) {
    let Some(&l) = vm.registry.get(KEY) else {
        return;
    };
    while let Some(&entry) = list::items(l).last() {
        let n = list::items(l).len();
        list::remove_at(list::vec(l), n - 1);
        let parts = tuple::items(entry);
        let (f, pos, kw) = (parts[0], parts[1], parts[2]);
        let kwitems = dict::items(kw);
        let names: Vec<Value> = kwitems.iter().map(|(k, _)| *k).collect();
        let vals: Vec<Value> = kwitems.iter().map(|(_, v)| *v).collect();
        let args = Args {
            pos: tuple::items(pos),
            kwnames: &names,
            kwvals: &vals,
        };
        if let Err(e) = vm.call_kw(f, &args) {
            report(vm, f, e.0);
        }
    }
}

/// "Exception ignored in atexit callback: <repr>" and the traceback, on stderr.
fn report(vm: &mut Vm, f: Value, exc: Value) {
    crate::modules::io::flush_stdout(vm);
    let r = vm
        .repr_string(f)
        .unwrap_or_else(|_| "<object repr() failed>".to_string());
    let mut text = format!("Exception ignored in atexit callback: {r}\n");
    text.push_str(&crate::vm::traceback::format_exception(vm, exc));
    let err = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
    if crate::builtins::functions::write_to(vm, err, &text).is_err() {
        eprint!("{text}");
    }
}

fn run_exitfuncs_fn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_run_exitfuncs", 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_clear", 0, 0)?;
    let l = handlers(vm);
    list::set_items(list::vec(l), &[]);
    Ok(Value::NONE)
}

fn ncallbacks(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_ncallbacks", 0, 0)?;
    let l = handlers(vm);
    Ok(Value::small(list::items(l).len() as i64))
}
