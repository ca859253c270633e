//! The `_heapq` module: heap operations on lists with CPython's comparisons
//! (only `<`), its checks for lists resized during a comparison, and its
//! messages.

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::util::add_fns;
use crate::builtins::args;
use crate::object::{list, module};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_heapq");
    add_fns(
        vm,
        m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("_heapify_max", heapify_max),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
        ],
    );
    Ok(m)
}

/// The list behind a heap argument (`what` then `suffix` name it in the error,
/// formatted only when raised).
fn heap_arg(vm: &mut Vm, v: Value, what: &str, suffix: &str) -> PyResult<Value> {
    match list::native(v) {
        Some(l) => Ok(l),
        None => Err(vm.type_error(format!(
            "{what}{suffix} must be list, not {}",
            vm.type_name(v)
        ))),
    }
}

fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_heapq.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos[0])
}

fn item(l: Value, i: usize) -> Value {
    list::items(l).get(i).copied().unwrap_or(Value::NONE)
}

/// `a < b` (or `b < a` for the max-heap variants).
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    let r = if max {
        vm.compare(b, a, cmpop::LT)?
    } else {
        vm.compare(a, b, cmpop::LT)?
    };
    vm.truth(r)
}

fn changed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

fn swap(l: Value, i: usize, j: usize) {
    let v = list::vec(l);
    if i < v.len && j < v.len {
        let xs = list::items(l);
        let (a, b) = (xs[i], xs[j]);
        // SAFETY: both indices are below the length.
        unsafe {
            *v.ptr.add(i) = b;
            *v.ptr.add(j) = a;
        }
    }
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm, l: Value, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = list::items(l).len();
    while pos > start {
        let parent = (pos - 1) >> 1;
        let lt = less(vm, item(l, pos), item(l, parent), max)?;
        if list::items(l).len() != size {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        swap(l, parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item down.
fn sift_up(vm: &mut Vm, l: Value, mut pos: usize, max: bool) -> PyResult<()> {
    let end = list::items(l).len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let lt = less(vm, item(l, child), item(l, child + 1), max)?;
            if list::items(l).len() != end {
                return Err(changed(vm));
            }
            if !lt {
                child += 1;
            }
        }
        swap(l, pos, child);
        pos = child;
    }
    sift_down(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "heappush", 2, 2)?;
    let l = heap_arg(vm, a.pos[0], "heappush", "() argument 1")?;
    list::push(list::vec(l), a.pos[1]);
    let n = list::items(l).len();
    sift_down(vm, l, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop_impl(vm: &mut Vm, v: Value, name: &str, max: bool) -> PyResult<Value> {
    let l = heap_arg(vm, v, name, "() argument")?;
    let n = list::items(l).len();
    if n == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let last = list::remove_at(list::vec(l), n - 1);
    if n == 1 {
        return Ok(last);
    }
    let top = item(l, 0);
    // SAFETY: the list still has at least one item.
    unsafe { *list::vec(l).ptr = last };
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "heappop")?;
    pop_impl(vm, v, "heappop", false)
}

fn heappop_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "_heappop_max")?;
    pop_impl(vm, v, "_heappop_max", true)
}

fn replace_impl(vm: &mut Vm, a: &Args, name: &str, max: bool) -> PyResult<Value> {
    args::count(vm, a, name, 2, 2)?;
    let l = heap_arg(vm, a.pos[0], name, "() argument 1")?;
    if list::items(l).is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let top = item(l, 0);
    // SAFETY: the list is not empty.
    unsafe { *list::vec(l).ptr = a.pos[1] };
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace_impl(vm, a, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace_impl(vm, a, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "heappushpop", 2, 2)?;
    let l = heap_arg(vm, a.pos[0], "heappushpop", "() argument 1")?;
    let x = a.pos[1];
    if list::items(l).is_empty() {
        return Ok(x);
    }
    let top = item(l, 0);
    if !less(vm, top, x, false)? {
        return Ok(x);
    }
    if list::items(l).is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let top = item(l, 0);
    // SAFETY: the list is not empty.
    unsafe { *list::vec(l).ptr = x };
    sift_up(vm, l, 0, false)?;
    Ok(top)
}

fn heapify_impl(vm: &mut Vm, v: Value, name: &str, max: bool) -> PyResult<Value> {
    let l = heap_arg(vm, v, name, "() argument")?;
    let n = list::items(l).len();
    for i in (0..n / 2).rev() {
        sift_up(vm, l, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "heapify")?;
    heapify_impl(vm, v, "heapify", false)
}

fn heapify_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "_heapify_max")?;
    heapify_impl(vm, v, "_heapify_max", true)
}
