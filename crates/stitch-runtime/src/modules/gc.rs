//! The `gc` module: `collect` runs the tracing collector; `enable`/`disable`
//! switch automatic collection; the generational statistics of CPython are
//! reported as constants (this collector has one generation).

use stitch_core::value::Value;

use super::util::{add_fns, add_ints};
use crate::builtins::args;
use crate::object::{dict, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// CPython's check for functions without parameters.
fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if !a.pos.is_empty() || a.has_kwargs() {
        return Err(vm.type_error(format!(
            "gc.{name}() takes no arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    Ok(())
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "gc");
    add_fns(
        vm,
        m,
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
            ("get_objects", empty_list),
            ("get_referrers", empty_list),
            ("get_referents", empty_list),
            ("get_stats", get_stats),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", noop),
            ("unfreeze", noop),
            ("get_freeze_count", get_freeze_count),
        ],
    );
    add_ints(
        vm,
        m,
        &[
            ("DEBUG_STATS", 1),
            ("DEBUG_COLLECTABLE", 2),
            ("DEBUG_UNCOLLECTABLE", 4),
            ("DEBUG_SAVEALL", 32),
            ("DEBUG_LEAK", 38),
        ],
    );
    for n in ["garbage", "callbacks"] {
        let l = list::new(vm, &[]);
        module::set(vm, m, n, l);
    }
    Ok(m)
}

fn collect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [g] = args::parse::<1>(vm, a, &args::Sig::new("collect", &["generation"], 0))?;
    if !g.is_null() {
        let n = vm.index_value(g)?;
        if !(0..=2).contains(&n) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    crate::gc::finalize::collect_all(vm, collect);
    Ok(Value::small(0))
}

fn enable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "enable")?;
    vm.gc_enabled = true;
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "disable")?;
    vm.gc_enabled = false;
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "isenabled")?;
    Ok(Value::from_bool(vm.gc_enabled))
}

fn get_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "get_count")?;
    Ok(tuple::new(
        vm,
        &[Value::small(0), Value::small(0), Value::small(0)],
    ))
}

thread_local! {
    static THRESHOLD: std::cell::Cell<(i64, i64, i64)> = const { std::cell::Cell::new((700, 10, 10)) };
    static DEBUG: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

fn get_threshold(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "get_threshold")?;
    let (x, y, z) = THRESHOLD.with(|t| t.get());
    Ok(tuple::new(
        vm,
        &[Value::small(x), Value::small(y), Value::small(z)],
    ))
}

fn set_threshold(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "set_threshold", 1, 3)?;
    let (_, mut y, mut z) = THRESHOLD.with(|t| t.get());
    let x = vm.index_value(a.pos[0])?;
    if let Some(&v) = a.pos.get(1) {
        y = vm.index_value(v)?;
    }
    if let Some(&v) = a.pos.get(2) {
        z = vm.index_value(v)?;
    }
    THRESHOLD.with(|t| t.set((x, y, z)));
    Ok(Value::NONE)
}

fn get_debug(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "get_debug")?;
    Ok(Value::small(DEBUG.with(|d| d.get())))
}

fn set_debug(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "set_debug", 1, 1)?;
    let f = vm.index_value(a.pos[0])?;
    DEBUG.with(|d| d.set(f));
    Ok(Value::NONE)
}

fn empty_list(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(list::new(vm, &[]))
}

fn get_stats(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "get_stats")?;
    let mut gens = crate::gc::Rooted::new();
    for g in 0..3 {
        let d = dict::new(vm);
        gens.push(d);
        let n = if g == 2 { vm.collections as i64 } else { 0 };
        for (k, v) in [("collections", n), ("collected", 0), ("uncollectable", 0)] {
            let key = pystr::new(vm, k);
            dict::set(vm, d, key, Value::small(v))?;
        }
    }
    Ok(list::new(vm, &gens))
}

fn is_tracked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "is_tracked", 1, 1)?;
    Ok(Value::from_bool(tracked(vm, a.pos[0])))
}

/// Whether CPython's collector would track `v`: containers are, except dicts
/// holding only atomic values and empty tuples.
fn tracked(vm: &Vm, v: Value) -> bool {
    use stitch_core::layout::Kind;
    let atomic = |x: Value| {
        !x.is_ptr()
            || matches!(
                x.kind(),
                Some(Kind::Str) | Some(Kind::Int) | Some(Kind::Bytes)
            )
    };
    match v.kind() {
        None | Some(Kind::Str) | Some(Kind::Int) | Some(Kind::Bytes) => false,
        Some(Kind::Dict) if vm.type_of(v) == vm.types.dict => dict::items(v)
            .iter()
            .any(|(k, x)| !atomic(*k) || !atomic(*x)),
        Some(Kind::Tuple) => !crate::object::tuple::items(v).is_empty(),
        _ => true,
    }
}

fn is_finalized(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "is_finalized", 1, 1)?;
    Ok(Value::FALSE)
}

fn noop(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn get_freeze_count(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(0))
}
