//! The combinatoric iterators of `itertools` (`product`, `permutations`,
//! `combinations`, `combinations_with_replacement`) and `zip_longest`.

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::itertools::{iter_type, new_args};
use crate::builtins::args;
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn add(vm: &mut Vm, m: Value) {
    for (name, f) in [
        ("product", product_new as crate::object::function::NativeFn),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
        ("zip_longest", zip_longest_new),
    ] {
        let t = iter_type(vm, name, f);
        module::set(vm, m, name, t);
    }
}

fn make(vm: &mut Vm, cls: Value, key: &'static str, data: Box<dyn NativeData>) -> Value {
    let base = vm.registry[key];
    super::util::new_for_class(vm, cls, base, data)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// State shared by the combinatoric iterators: the pool(s) and index vectors.
struct Comb {
    kind: Kind,
    /// product: a tuple of pool tuples; otherwise the pool tuple.
    pools: Value,
    r: usize,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    first: Cell<bool>,
    done: Cell<bool>,
}

impl NativeData for Comb {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pools);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if self.done.get() {
            return Some(Ok(None));
        }
        let ok = if self.first.get() {
            self.first.set(false);
            self.start()
        } else {
            self.advance()
        };
        if !ok {
            self.done.set(true);
            return Some(Ok(None));
        }
        let items: Vec<Value> = {
            let idx = self.indices.borrow();
            match self.kind {
                Kind::Product => {
                    let pools = tuple::items(self.pools);
                    idx.iter()
                        .enumerate()
                        .map(|(i, &k)| tuple::items(pools[i])[k])
                        .collect()
                }
                _ => {
                    let pool = tuple::items(self.pools);
                    idx[..self.r].iter().map(|&k| pool[k]).collect()
                }
            }
        };
        Some(Ok(Some(tuple::new(vm, &items))))
    }
    native_any!();
}

impl Comb {
    fn pool_len(&self) -> usize {
        tuple::len(self.pools)
    }

    /// Sets up the first result; false when there is none.
    fn start(&self) -> bool {
        let n = self.pool_len();
        let r = self.r;
        match self.kind {
            Kind::Product => {
                let pools = tuple::items(self.pools);
                if pools.iter().any(|p| tuple::len(*p) == 0) {
                    return false;
                }
                *self.indices.borrow_mut() = vec![0; pools.len()];
                true
            }
            Kind::Permutations => {
                if r > n {
                    return false;
                }
                *self.indices.borrow_mut() = (0..n).collect();
                *self.cycles.borrow_mut() = (0..r).map(|i| n - i).collect();
                true
            }
            Kind::Combinations => {
                if r > n {
                    return false;
                }
                *self.indices.borrow_mut() = (0..r).collect();
                true
            }
            Kind::WithReplacement => {
                if n == 0 && r > 0 {
                    return false;
                }
                *self.indices.borrow_mut() = vec![0; r];
                true
            }
        }
    }

    /// Moves to the next result; false at the end.
    fn advance(&self) -> bool {
        let n = self.pool_len();
        let r = self.r;
        let mut idx = self.indices.borrow_mut();
        match self.kind {
            Kind::Product => {
                let pools = tuple::items(self.pools);
                for i in (0..idx.len()).rev() {
                    idx[i] += 1;
                    if idx[i] < tuple::len(pools[i]) {
                        return true;
                    }
                    idx[i] = 0;
                }
                false
            }
            Kind::Permutations => {
                let mut cycles = self.cycles.borrow_mut();
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = idx.remove(i);
                        idx.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        idx.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
            Kind::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else {
                    return false;
                };
                idx[i] += 1;
                for j in i + 1..r {
                    idx[j] = idx[j - 1] + 1;
                }
                true
            }
            Kind::WithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| idx[i] != n - 1) else {
                    return false;
                };
                let v = idx[i] + 1;
                for x in idx[i..].iter_mut() {
                    *x = v;
                }
                true
            }
        }
    }
}

fn new_comb(
    vm: &mut Vm,
    cls: Value,
    key: &'static str,
    kind: Kind,
    pools: Value,
    r: usize,
) -> Value {
    let data = Comb {
        kind,
        pools,
        r,
        indices: RefCell::new(Vec::new()),
        cycles: RefCell::new(Vec::new()),
        first: Cell::new(true),
        done: Cell::new(false),
    };
    make(vm, cls, key, Box::new(data))
}

fn r_arg(vm: &mut Vm, r: Value, permutations: bool) -> PyResult<Option<usize>> {
    if r.is_null() || r.is_none() {
        return Ok(None);
    }
    if permutations && !crate::object::int::is_int(r) {
        return Err(vm.type_error("Expected int as r"));
    }
    if r.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let iv = vm.index(r)?;
    let Some(n) = crate::object::int::to_i64(iv) else {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    };
    if n < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn pool_of(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let items = vm.collect_iter(iterable)?;
    Ok(tuple::new(vm, &items))
}

fn product_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.product")?;
    let mut repeat = 1;
    if rest.kwnames.len() > 1 {
        return Err(vm.type_error(format!(
            "product() takes at most 1 keyword argument ({} given)",
            rest.kwnames.len()
        )));
    }
    for (i, k) in rest.kwnames.iter().enumerate() {
        if pystr::as_str(*k) != "repeat" {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for product()",
                pystr::as_str(*k)
            )));
        }
        let v = rest.kwvals[i];
        if v.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        repeat = vm.index_value(v)?;
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut pools = Rooted::new();
    for &it in rest.pos {
        let p = pool_of(vm, it)?;
        pools.push(p);
    }
    let base = pools.clone();
    pools.clear();
    for _ in 0..repeat {
        pools.extend_from_slice(&base);
    }
    let pt = tuple::new(vm, &pools);
    let n = pools.len();
    Ok(new_comb(vm, cls, "itertools.product", Kind::Product, pt, n))
}

fn permutations_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.permutations")?;
    let [iterable, r] = args::parse::<2>(
        vm,
        &rest,
        &args::Sig::new("permutations", &["iterable", "r"], 1),
    )?;
    let pool = pool_of(vm, iterable)?;
    let r = r_arg(vm, r, true)?.unwrap_or(tuple::len(pool));
    Ok(new_comb(
        vm,
        cls,
        "itertools.permutations",
        Kind::Permutations,
        pool,
        r,
    ))
}

fn combinations_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.combinations")?;
    let [iterable, r] = args::parse::<2>(
        vm,
        &rest,
        &args::Sig::new("combinations", &["iterable", "r"], 2),
    )?;
    let pool = pool_of(vm, iterable)?;
    let r = r_arg(vm, r, false)?.unwrap_or(0);
    Ok(new_comb(
        vm,
        cls,
        "itertools.combinations",
        Kind::Combinations,
        pool,
        r,
    ))
}

fn cwr_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.combinations_with_replacement")?;
    let sig = args::Sig::new("combinations_with_replacement", &["iterable", "r"], 2);
    let [iterable, r] = args::parse::<2>(vm, &rest, &sig)?;
    let pool = pool_of(vm, iterable)?;
    let r = r_arg(vm, r, false)?.unwrap_or(0);
    Ok(new_comb(
        vm,
        cls,
        "itertools.combinations_with_replacement",
        Kind::WithReplacement,
        pool,
        r,
    ))
}

// ---- zip_longest ----

struct ZipLongest {
    its: RefCell<Vec<Value>>,
    active: Cell<usize>,
    fill: Value,
}

impl NativeData for ZipLongest {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.its.borrow());
        t.mark(self.fill);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let n = self.its.borrow().len();
        if n == 0 || self.active.get() == 0 {
            return Some(Ok(None));
        }
        let mut out = Rooted::new();
        for i in 0..n {
            let it = self.its.borrow()[i];
            if it.is_null() {
                out.push(self.fill);
                continue;
            }
            match vm.next(it) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => {
                    self.its.borrow_mut()[i] = Value::NULL;
                    self.active.set(self.active.get() - 1);
                    if self.active.get() == 0 {
                        return Some(Ok(None));
                    }
                    out.push(self.fill);
                }
                Err(e) => {
                    self.active.set(0);
                    return Some(Err(e));
                }
            }
        }
        Some(Ok(Some(tuple::new(vm, &out))))
    }
    native_any!();
}

fn zip_longest_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.zip_longest")?;
    let mut fill = Value::NONE;
    for (i, k) in rest.kwnames.iter().enumerate() {
        if pystr::as_str(*k) != "fillvalue" {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = rest.kwvals[i];
    }
    let mut its = Rooted::new();
    for &x in rest.pos {
        let it = vm.iter(x)?;
        its.push(it);
    }
    let n = its.len();
    let data = ZipLongest {
        its: RefCell::new(its.to_vec()),
        active: Cell::new(n),
        fill,
    };
    Ok(make(vm, cls, "itertools.zip_longest", Box::new(data)))
}
