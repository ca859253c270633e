//! `itertools.tee` and the `_tee` iterator: tees share a linked list of blocks of
//! buffered values (blocks nobody can reach any more are collected).

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::itertools::{iter_type, new_args};
use super::util::{payload, this};
use crate::builtins::{add_methods, args};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{module, tuple};
use crate::vm::{Args, PyResult, Vm};

const BLOCK: usize = 57;

pub fn add(vm: &mut Vm, m: Value) {
    let t = iter_type(vm, "_tee", tee_new);
    add_methods(vm, t, &[("__copy__", tee_copy)]);
    module::set(vm, m, "_tee", t);
    let data = super::util::native_type(vm, "itertools", "_tee_dataobject", false);
    let _ = data;
    super::util::add_fns(vm, m, &[("tee", tee)]);
}

/// A block of values read from the shared source.
struct TeeData {
    it: Value,
    values: RefCell<Vec<Value>>,
    next: Cell<Value>,
    running: Cell<bool>,
}

impl NativeData for TeeData {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it);
        t.mark_all(&self.values.borrow());
        t.mark(self.next.get());
    }
    native_any!();
}

fn new_data(vm: &mut Vm, it: Value) -> Value {
    let ty = vm.registry["itertools._tee_dataobject"];
    native::new(
        vm,
        ty,
        Box::new(TeeData {
            it,
            values: RefCell::new(Vec::new()),
            next: Cell::new(Value::NULL),
            running: Cell::new(false),
        }),
    )
}

struct Tee {
    data: Cell<Value>,
    index: Cell<usize>,
}

impl NativeData for Tee {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.data.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step(vm))
    }
    native_any!();
}

impl Tee {
    fn step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.index.get() >= BLOCK {
            let d = self.data.get();
            let Some(td) = payload::<TeeData>(d) else {
                return Ok(None);
            };
            let mut n = td.next.get();
            if n.is_null() {
                n = new_data(vm, td.it);
                td.next.set(n);
            }
            self.data.set(n);
            self.index.set(0);
        }
        let d = self.data.get();
        let Some(td) = payload::<TeeData>(d) else {
            return Ok(None);
        };
        let i = self.index.get();
        let have = td.values.borrow().get(i).copied();
        let v = match have {
            Some(v) => v,
            None => {
                if td.running.get() {
                    return Err(vm.runtime_error("cannot re-enter the tee iterator"));
                }
                td.running.set(true);
                let r = vm.next(td.it);
                td.running.set(false);
                let Some(v) = r? else { return Ok(None) };
                td.values.borrow_mut().push(v);
                v
            }
        };
        self.index.set(i + 1);
        Ok(Some(v))
    }
}

fn new_tee(vm: &mut Vm, cls: Value, data: Value, index: usize) -> Value {
    let base = vm.registry["itertools._tee"];
    super::util::new_for_class(
        vm,
        cls,
        base,
        Box::new(Tee {
            data: Cell::new(data),
            index: Cell::new(index),
        }),
    )
}

/// A tee over `iterable` (a tee itself is copied).
fn tee_from(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    let base = vm.registry["itertools._tee"];
    if let Some(t) = payload::<Tee>(it)
        && vm.type_of(it) == base
    {
        return Ok(new_tee(vm, base, t.data.get(), t.index.get()));
    }
    let d = new_data(vm, it);
    Ok(new_tee(vm, base, d, 0))
}

fn tee_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools._tee")?;
    args::count(vm, &rest, "_tee", 1, 1)?;
    let t = tee_from(vm, rest.pos[0])?;
    if cls == vm.registry["itertools._tee"] {
        return Ok(t);
    }
    let Some(p) = payload::<Tee>(t) else {
        return Ok(t);
    };
    Ok(new_tee(vm, cls, p.data.get(), p.index.get()))
}

fn tee_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t: &Tee = this(vm, a, "itertools._tee", "__copy__")?;
    let cls = vm.type_of(a.pos[0]);
    Ok(new_tee(vm, cls, t.data.get(), t.index.get()))
}

fn tee(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "tee", 1, 2)?;
    let n = match a.pos.get(1) {
        Some(&n) => {
            if n.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_value(n)?
        }
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple);
    }
    let it = vm.iter(a.pos[0])?;
    let copy = crate::object::str::intern(vm, "__copy__");
    let first = if vm.lookup_special(it, copy).is_some() {
        it
    } else {
        tee_from(vm, it)?
    };
    let mut out = crate::gc::Rooted::new();
    out.push(first);
    for _ in 1..n {
        let c = vm.call_special(first, copy, &[])?.unwrap_or(Value::NONE);
        out.push(c);
    }
    Ok(tuple::new(vm, &out))
}
