//! The `_bisect` module: binary search and insertion in sorted sequences, with
//! `lo`/`hi` bounds and `key`, comparing only with `<` as CPython does.

use stitch_core::instr::cmpop;
use stitch_core::value::Value;

use super::util::add_fns;
use crate::builtins::args;
use crate::object::{int, list, module};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_bisect");
    add_fns(
        vm,
        m,
        &[
            ("bisect_left", bisect_left),
            ("bisect_right", bisect_right),
            ("insort_left", insort_left),
            ("insort_right", insort_right),
        ],
    );
    Ok(m)
}

struct Call {
    a: Value,
    x: Value,
    lo: i64,
    hi: i64,
    key: Value,
}

fn parse(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Call> {
    let sig = args::Sig {
        name,
        params: &["a", "x", "lo", "hi", "key"],
        required: 2,
        kwonly_from: 4,
        posonly_until: 0,
    };
    let [seq, x, lo, hi, key] = args::parse::<5>(vm, a, &sig)?;
    let lo = if lo.is_null() {
        0
    } else {
        let v = vm.index(lo)?;
        int::to_i64_clamped(v)
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = if hi.is_null() || hi.is_none() {
        -1
    } else {
        let v = vm.index(hi)?;
        int::to_i64_clamped(v)
    };
    let hi = if hi < 0 { vm.len(seq)? as i64 } else { hi };
    let key = if key.is_null() { Value::NONE } else { key };
    Ok(Call {
        a: seq,
        x,
        lo,
        hi,
        key,
    })
}

fn item(vm: &mut Vm, seq: Value, i: i64) -> PyResult<Value> {
    if let Some(l) = list::native(seq).filter(|l| *l == seq)
        && let Some(v) = list::items(l).get(i as usize)
    {
        return Ok(*v);
    }
    vm.getitem(seq, Value::small(i))
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let r = vm.compare(a, b, cmpop::LT)?;
    vm.truth(r)
}

/// The insertion point: after equal items (`right`) or before them.
fn search(vm: &mut Vm, c: &Call, x: Value, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (c.lo, c.hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut v = item(vm, c.a, mid)?;
        if !c.key.is_none() {
            v = vm.call(c.key, &[v])?;
        }
        let go_left = if right {
            less(vm, x, v)?
        } else {
            !less(vm, v, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = parse(vm, a, "bisect_left")?;
    search(vm, &c, c.x, false).map(Value::small)
}

fn bisect_right(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = parse(vm, a, "bisect_right")?;
    search(vm, &c, c.x, true).map(Value::small)
}

fn insort(vm: &mut Vm, a: &Args, name: &str, right: bool) -> PyResult<Value> {
    let c = parse(vm, a, name)?;
    let probe = if c.key.is_none() {
        c.x
    } else {
        vm.call(c.key, &[c.x])?
    };
    let i = search(vm, &c, probe, right)?;
    if vm.type_of(c.a) == vm.types.list {
        let n = list::items(c.a).len();
        list::insert(list::vec(c.a), (i.max(0) as usize).min(n), c.x);
    } else {
        vm.call_method(c.a, "insert", &[Value::small(i), c.x])?;
    }
    Ok(Value::NONE)
}

fn insort_left(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    insort(vm, a, "insort_left", false)
}

fn insort_right(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    insort(vm, a, "insort_right", true)
}
