//! `_functools._lru_cache_wrapper`: the cache behind `functools.lru_cache` and
//! `functools.cache`, with CPython's keys (a lone int or str argument is its own
//! key), hit/miss counts, and least-recently-used eviction kept in a linked list
//! of nodes indexed from a dict.

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::util::{native_type, new_for_class, this};
use crate::builtins::{add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{ValueExt, dict, int, module, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn add(vm: &mut Vm, m: Value) {
    let base = native_type(vm, "functools", "_lru_cache_wrapper", true);
    add_static(vm, base, &[("__new__", lru_new)]);
    add_methods(
        vm,
        base,
        &[
            ("__call__", lru_call),
            ("__get__", lru_get),
            ("cache_info", cache_info),
            ("cache_clear", cache_clear),
            ("__copy__", lru_copy),
            ("__deepcopy__", lru_copy),
            ("__reduce__", lru_reduce),
        ],
    );
    let visible = super::functools::heap_class(vm, base, "functools", "_lru_cache_wrapper");
    module::set(vm, m, "_lru_cache_wrapper", visible);
}

/// A node of the recency list: index 0 is the sentinel.
#[derive(Clone, Copy)]
struct Node {
    key: Value,
    result: Value,
    prev: usize,
    next: usize,
}

struct Lru {
    func: Value,
    /// None: unbounded; Some(0): no caching.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    kwd_mark: Value,
    /// key -> result (unbounded) or key -> node index (bounded).
    cache: Value,
    nodes: RefCell<Vec<Node>>,
    free: RefCell<Vec<usize>>,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl NativeData for Lru {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.func, self.info_type, self.kwd_mark, self.cache]);
        for n in self.nodes.borrow().iter() {
            t.mark(n.key);
            t.mark(n.result);
        }
    }
    native_any!();
}

fn lru_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lbase = vm.registry["functools._lru_cache_wrapper"];
    let cls = super::util::new_cls(vm, a, lbase)?;
    let sig = args::Sig::new(
        "_lru_cache_wrapper",
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
    );
    let [func, maxsize, typed, info_type] = args::parse::<4>(vm, &a.tail(), &sig)?;
    if !super::util::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize.is_none() {
        None
    } else if int::is_int(maxsize) {
        Some(int::to_i64_clamped(maxsize).max(0) as usize)
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let typed = vm.truth(typed)?;
    let object = vm.types.object;
    let kwd_mark = vm.call(object, &[])?;
    let cache = dict::new(vm);
    let sentinel = Node {
        key: Value::NULL,
        result: Value::NULL,
        prev: 0,
        next: 0,
    };
    let data = Lru {
        func,
        maxsize,
        typed,
        info_type,
        kwd_mark,
        cache,
        nodes: RefCell::new(vec![sentinel]),
        free: RefCell::new(Vec::new()),
        hits: Cell::new(0),
        misses: Cell::new(0),
    };
    let base = vm.registry["functools._lru_cache_wrapper"];
    Ok(new_for_class(vm, cls, base, Box::new(data)))
}

impl Lru {
    /// CPython's `_make_key`.
    fn make_key(&self, vm: &mut Vm, pos: &[Value], kwnames: &[Value], kwvals: &[Value]) -> Value {
        if !self.typed && kwnames.is_empty() {
            if pos.len() == 1 {
                let k = pos[0];
                let t = vm.type_of(k);
                if t == vm.types.int || t == vm.types.str {
                    return k;
                }
            }
            return tuple::new(vm, pos);
        }
        let mut items = Rooted::from_vec(pos.to_vec());
        if !kwnames.is_empty() {
            items.push(self.kwd_mark);
            for (k, v) in kwnames.iter().zip(kwvals) {
                items.push(*k);
                items.push(*v);
            }
        }
        if self.typed {
            for v in pos.iter().chain(kwvals) {
                let t = vm.type_of(*v);
                items.push(t);
            }
        }
        tuple::new(vm, &items)
    }

    fn unlink(&self, i: usize) {
        let mut n = self.nodes.borrow_mut();
        let (p, x) = (n[i].prev, n[i].next);
        n[p].next = x;
        n[x].prev = p;
    }

    /// Links node `i` as the most recently used.
    fn push_back(&self, i: usize) {
        let mut n = self.nodes.borrow_mut();
        let last = n[0].prev;
        n[i].prev = last;
        n[i].next = 0;
        n[last].next = i;
        n[0].prev = i;
    }

    fn len(&self) -> usize {
        dict::len(self.cache)
    }

    fn call(&self, vm: &mut Vm, a: &Args) -> PyResult<Value> {
        let call_args = Args {
            pos: &a.pos[1..],
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        };
        if self.maxsize == Some(0) {
            self.misses.set(self.misses.get() + 1);
            return vm.call_kw(self.func, &call_args);
        }
        let key = self.make_key(vm, &a.pos[1..], a.kwnames, a.kwvals);
        let h = vm.hash(key)?;
        let found = dict::get_hashed(vm, self.cache, key, h)?;
        let Some(max) = self.maxsize else {
            if let Some(r) = found {
                self.hits.set(self.hits.get() + 1);
                return Ok(r);
            }
            self.misses.set(self.misses.get() + 1);
            let r = vm.call_kw(self.func, &call_args)?;
            dict::set_hashed(vm, self.cache, key, h, r)?;
            return Ok(r);
        };
        if let Some(idx) = found {
            let i = idx.small_value() as usize;
            let r = self.nodes.borrow()[i].result;
            self.unlink(i);
            self.push_back(i);
            self.hits.set(self.hits.get() + 1);
            return Ok(r);
        }
        self.misses.set(self.misses.get() + 1);
        let r = vm.call_kw(self.func, &call_args)?;
        if dict::get_hashed(vm, self.cache, key, h)?.is_some() {
            // A recursive call cached it meanwhile.
            return Ok(r);
        }
        if self.len() >= max {
            let oldest = self.nodes.borrow()[0].next;
            if oldest != 0 {
                let old_key = self.nodes.borrow()[oldest].key;
                self.unlink(oldest);
                {
                    let mut n = self.nodes.borrow_mut();
                    n[oldest].key = Value::NULL;
                    n[oldest].result = Value::NULL;
                }
                self.free.borrow_mut().push(oldest);
                let oh = vm.hash(old_key)?;
                dict::remove_hashed(vm, self.cache, old_key, oh)?;
            }
        }
        let node = Node {
            key,
            result: r,
            prev: 0,
            next: 0,
        };
        let reuse = self.free.borrow_mut().pop();
        let i = match reuse {
            Some(i) => {
                self.nodes.borrow_mut()[i] = node;
                i
            }
            None => {
                let mut n = self.nodes.borrow_mut();
                n.push(node);
                n.len() - 1
            }
        };
        self.push_back(i);
        dict::set_hashed(vm, self.cache, key, h, Value::small(i as i64))?;
        Ok(r)
    }
}

fn lru_of(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'static Lru> {
    this::<Lru>(vm, a, "functools._lru_cache_wrapper", m)
}

fn lru_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lru_of(vm, a, "__call__")?;
    l.call(vm, a)
}

fn lru_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(a.pos[0]);
    }
    Ok(vm.new_method(a.pos[0], obj))
}

fn cache_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lru_of(vm, a, "cache_info")?;
    let hits = int::from_u64(vm, l.hits.get());
    let misses = int::from_u64(vm, l.misses.get());
    let max = match l.maxsize {
        Some(m) => int::from_u64(vm, m as u64),
        None => Value::NONE,
    };
    let size = Value::small(l.len() as i64);
    vm.call(l.info_type, &[hits, misses, max, size])
}

fn cache_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lru_of(vm, a, "cache_clear")?;
    l.hits.set(0);
    l.misses.set(0);
    dict::clear(unsafe { l.cache.raw::<stitch_core::layout::DictObj>() });
    let mut n = l.nodes.borrow_mut();
    n.truncate(1);
    n[0].prev = 0;
    n[0].next = 0;
    l.free.borrow_mut().clear();
    Ok(Value::NONE)
}

fn lru_copy(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0])
}

fn lru_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.getattr(a.pos[0], vm.names.qualname)
}
