//! The `itertools` module: `count`, `cycle`, `repeat`, `accumulate`, `chain`,
//! `compress`, `dropwhile`, `takewhile`, `filterfalse`, `islice`, `starmap`,
//! `pairwise` and `groupby` here; `tee` in `itertools_tee.rs`; the combinatoric
//! iterators and `zip_longest` in `itertools_comb.rs`.

use std::cell::{Cell, RefCell};

use stitch_core::instr::binop;
use stitch_core::value::Value;

use super::util::{iterator_methods, native_type, new_for_class, payload, this};
use crate::builtins::{add_classmethods, add_methods, add_static, args};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::NativeData;
use crate::object::{int, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "itertools");
    let defs: &[(&'static str, NativeFn)] = &[
        ("count", count_new),
        ("cycle", cycle_new),
        ("repeat", repeat_new),
        ("accumulate", accumulate_new),
        ("chain", chain_new),
        ("compress", compress_new),
        ("dropwhile", dropwhile_new),
        ("takewhile", takewhile_new),
        ("filterfalse", filterfalse_new),
        ("islice", islice_new),
        ("starmap", starmap_new),
        ("pairwise", pairwise_new),
        ("groupby", groupby_new),
    ];
    for (name, f) in defs {
        let t = iter_type(vm, name, *f);
        module::set(vm, m, name, t);
    }
    let count = vm.registry["itertools.count"];
    add_methods(vm, count, &[("__repr__", count_repr)]);
    let repeat = vm.registry["itertools.repeat"];
    add_methods(
        vm,
        repeat,
        &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
    );
    let chain = vm.registry["itertools.chain"];
    add_classmethods(vm, chain, &[("from_iterable", chain_from_iterable)]);
    super::util::add_class_getitem(vm, chain);
    let grouper = native_type(vm, "itertools", "_grouper", false);
    iterator_methods(vm, grouper);
    super::itertools_tee::add(vm, m);
    super::itertools_comb::add(vm, m);
    Ok(m)
}

/// A subclassable iterator type `itertools.name` with `__new__`.
pub fn iter_type(vm: &mut Vm, name: &'static str, new: NativeFn) -> Value {
    let t = native_type(vm, "itertools", name, true);
    add_static(vm, t, &[("__new__", new)]);
    iterator_methods(vm, t);
    t
}

/// `cls` (checked to be a subtype of the registered type `key`) and the
/// arguments after it, for `__new__`.
pub fn new_args<'a>(vm: &mut Vm, a: &Args<'a>, key: &str) -> PyResult<(Value, Args<'a>)> {
    let base = vm.registry.get(key).copied().unwrap_or(vm.types.object);
    let cls = super::util::new_cls(vm, a, base)?;
    Ok((cls, a.tail()))
}

/// Rejects keyword arguments for the exact type (`name() takes no keyword arguments`).
pub fn no_kwargs(vm: &mut Vm, cls: Value, base: &str, a: &Args) -> PyResult<()> {
    if a.has_kwargs() && Some(&cls) == vm.registry.get(base) {
        let short = base.rsplit('.').next().unwrap_or(base);
        return Err(vm.type_error(format!("{short}() takes no keyword arguments")));
    }
    Ok(())
}

fn make(vm: &mut Vm, cls: Value, key: &'static str, data: Box<dyn NativeData>) -> Value {
    let base = vm.registry[key];
    new_for_class(vm, cls, base, data)
}

/// The repr name of an itertools object: its type's name.
fn type_name(vm: &Vm, v: Value) -> &'static str {
    super::util::short_name(vm.type_of(v))
}

// ---- count ----

struct Count {
    cur: Cell<Value>,
    step: Value,
}

impl NativeData for Count {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.cur.get());
        t.mark(self.step);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let c = self.cur.get();
        if let (true, true) = (c.is_small_int(), self.step.is_small_int())
            && let Some(n) = Value::try_small(c.small_value() + self.step.small_value())
        {
            self.cur.set(n);
            return Some(Ok(Some(c)));
        }
        Some(
            crate::vm::ops::binary_op(vm, binop::ADD, c, self.step).map(|n| {
                self.cur.set(n);
                Some(c)
            }),
        )
    }
    native_any!();
}

fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() || v.is_float() || int::is_int(v) || vm.type_of(v) == vm.types.complex {
        return true;
    }
    let names = [
        vm.names.index,
        vm.names.int,
        vm.names.float,
        vm.names.complex,
    ];
    names.iter().any(|n| vm.lookup_special(v, *n).is_some())
}

fn count_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.count")?;
    let [start, step] =
        args::parse::<2>(vm, &rest, &args::Sig::new("count", &["start", "step"], 0))?;
    let start = if start.is_null() {
        Value::small(0)
    } else {
        start
    };
    let step = if step.is_null() {
        Value::small(1)
    } else {
        step
    };
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(make(
        vm,
        cls,
        "itertools.count",
        Box::new(Count {
            cur: Cell::new(start),
            step,
        }),
    ))
}

fn count_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c: &Count = this(vm, a, "itertools.count", "__repr__")?;
    let name = type_name(vm, a.pos[0]);
    let cur = vm.repr_string(c.cur.get())?;
    let s = if c.step.is_small_int() && c.step.small_value() == 1 {
        format!("{name}({cur})")
    } else {
        let step = vm.repr_string(c.step)?;
        format!("{name}({cur}, {step})")
    };
    Ok(pystr::new(vm, &s))
}

// ---- cycle ----

struct Cycle {
    it: Cell<Value>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeData for Cycle {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it.get());
        t.mark_all(&self.saved.borrow());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let it = self.it.get();
        if !it.is_null() {
            match vm.next(it) {
                Ok(Some(v)) => {
                    self.saved.borrow_mut().push(v);
                    return Some(Ok(Some(v)));
                }
                Ok(None) => self.it.set(Value::NULL),
                Err(e) => return Some(Err(e)),
            }
        }
        let saved = self.saved.borrow();
        if saved.is_empty() {
            return Some(Ok(None));
        }
        let i = self.index.get() % saved.len();
        self.index.set(i + 1);
        Some(Ok(Some(saved[i])))
    }
    native_any!();
}

fn cycle_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.cycle")?;
    no_kwargs(vm, cls, "itertools.cycle", &rest)?;
    args::count(vm, &Args::new(rest.pos), "cycle", 1, 1)?;
    let it = vm.iter(rest.pos[0])?;
    let data = Cycle {
        it: Cell::new(it),
        saved: RefCell::new(Vec::new()),
        index: Cell::new(0),
    };
    Ok(make(vm, cls, "itertools.cycle", Box::new(data)))
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    /// Remaining repetitions, or None for forever.
    left: Cell<Option<i64>>,
}

impl NativeData for Repeat {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.obj);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        match self.left.get() {
            None => Some(Ok(Some(self.obj))),
            Some(0) => Some(Ok(None)),
            Some(n) => {
                self.left.set(Some(n - 1));
                Some(Ok(Some(self.obj)))
            }
        }
    }
    native_any!();
}

fn repeat_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.repeat")?;
    let [obj, times] = args::parse::<2>(
        vm,
        &rest,
        &args::Sig::new("repeat", &["object", "times"], 1),
    )?;
    let left = if times.is_null() {
        None
    } else {
        if times.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = vm.index(times)?;
        let n = int::to_i64(n)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
        Some(n.max(0))
    };
    Ok(make(
        vm,
        cls,
        "itertools.repeat",
        Box::new(Repeat {
            obj,
            left: Cell::new(left),
        }),
    ))
}

fn repeat_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Repeat = this(vm, a, "itertools.repeat", "__repr__")?;
    let name = type_name(vm, a.pos[0]);
    let o = vm.repr_string(r.obj)?;
    let s = match r.left.get() {
        None => format!("{name}({o})"),
        Some(n) => format!("{name}({o}, {n})"),
    };
    Ok(pystr::new(vm, &s))
}

fn repeat_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Repeat = this(vm, a, "itertools.repeat", "__length_hint__")?;
    match r.left.get() {
        Some(n) => Ok(int::from_i64(vm, n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Value,
    total: Cell<Value>,
    initial: Cell<Value>,
}

impl NativeData for Accumulate {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.it, self.func, self.total.get(), self.initial.get()]);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let init = self.initial.get();
        if !init.is_null() {
            self.initial.set(Value::NULL);
            self.total.set(init);
            return Some(Ok(Some(init)));
        }
        let v = match vm.next(self.it) {
            Ok(Some(v)) => v,
            other => return Some(other),
        };
        let total = self.total.get();
        let r = if total.is_null() {
            Ok(v)
        } else if self.func.is_none() {
            crate::vm::ops::binary_op(vm, binop::ADD, total, v)
        } else {
            vm.call(self.func, &[total, v])
        };
        Some(r.map(|t| {
            self.total.set(t);
            Some(t)
        }))
    }
    native_any!();
}

fn accumulate_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.accumulate")?;
    let sig = args::Sig {
        name: "accumulate",
        params: &["iterable", "func", "initial"],
        required: 1,
        kwonly_from: 2,
        posonly_until: 0,
    };
    let [iterable, func, initial] = args::parse::<3>(vm, &rest, &sig)?;
    let it = vm.iter(iterable)?;
    let func = if func.is_null() { Value::NONE } else { func };
    let initial = if initial.is_null() || initial.is_none() {
        Value::NULL
    } else {
        initial
    };
    let data = Accumulate {
        it,
        func,
        total: Cell::new(Value::NULL),
        initial: Cell::new(initial),
    };
    Ok(make(vm, cls, "itertools.accumulate", Box::new(data)))
}

// ---- chain ----

struct Chain {
    /// The iterator over the iterables.
    source: Cell<Value>,
    active: Cell<Value>,
}

impl NativeData for Chain {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.source.get());
        t.mark(self.active.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        loop {
            let active = self.active.get();
            if active.is_null() {
                let src = self.source.get();
                if src.is_null() {
                    return Some(Ok(None));
                }
                match vm.next(src) {
                    Ok(Some(iterable)) => match vm.iter(iterable) {
                        Ok(it) => self.active.set(it),
                        Err(e) => {
                            self.source.set(Value::NULL);
                            return Some(Err(e));
                        }
                    },
                    Ok(None) => {
                        self.source.set(Value::NULL);
                        return Some(Ok(None));
                    }
                    Err(e) => {
                        self.source.set(Value::NULL);
                        return Some(Err(e));
                    }
                }
                continue;
            }
            match vm.next(active) {
                Ok(Some(v)) => return Some(Ok(Some(v))),
                Ok(None) => self.active.set(Value::NULL),
                Err(e) => return Some(Err(e)),
            }
        }
    }
    native_any!();
}

fn chain_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.chain")?;
    no_kwargs(vm, cls, "itertools.chain", &rest)?;
    let t = tuple::new(vm, rest.pos);
    let src = vm.iter(t)?;
    Ok(make(
        vm,
        cls,
        "itertools.chain",
        Box::new(Chain {
            source: Cell::new(src),
            active: Cell::new(Value::NULL),
        }),
    ))
}

fn chain_from_iterable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    args::count(vm, &a.tail(), "from_iterable", 1, 1)?;
    let src = vm.iter(a.pos[1])?;
    Ok(make(
        vm,
        cls,
        "itertools.chain",
        Box::new(Chain {
            source: Cell::new(src),
            active: Cell::new(Value::NULL),
        }),
    ))
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ----

/// Iterators that pair one source iterator with a function (or selectors).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Compress,
    DropWhile,
    TakeWhile,
    FilterFalse,
    StarMap,
}

struct Filter {
    mode: Mode,
    it: Value,
    func: Value,
    /// dropwhile: done dropping; takewhile: stopped.
    flag: Cell<bool>,
}

impl NativeData for Filter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it);
        t.mark(self.func);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step(vm))
    }
    native_any!();
}

impl Filter {
    fn step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            if self.mode == Mode::TakeWhile && self.flag.get() {
                return Ok(None);
            }
            let Some(v) = vm.next(self.it)? else {
                return Ok(None);
            };
            match self.mode {
                Mode::Compress => {
                    let Some(s) = vm.next(self.func)? else {
                        return Ok(None);
                    };
                    if vm.truth(s)? {
                        return Ok(Some(v));
                    }
                }
                Mode::DropWhile => {
                    if self.flag.get() {
                        return Ok(Some(v));
                    }
                    let r = vm.call(self.func, &[v])?;
                    if !vm.truth(r)? {
                        self.flag.set(true);
                        return Ok(Some(v));
                    }
                }
                Mode::TakeWhile => {
                    let r = vm.call(self.func, &[v])?;
                    if vm.truth(r)? {
                        return Ok(Some(v));
                    }
                    self.flag.set(true);
                    return Ok(None);
                }
                Mode::FilterFalse => {
                    let r = if self.func.is_none() {
                        v
                    } else {
                        vm.call(self.func, &[v])?
                    };
                    if !vm.truth(r)? {
                        return Ok(Some(v));
                    }
                }
                Mode::StarMap => {
                    let items = vm.collect_iter(v)?;
                    return vm.call(self.func, &items).map(Some);
                }
            }
        }
    }
}

fn compress_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.compress")?;
    let [data, selectors] = args::parse::<2>(
        vm,
        &rest,
        &args::Sig::new("compress", &["data", "selectors"], 2),
    )?;
    let it = vm.iter(data)?;
    let sel = vm.iter(selectors)?;
    let f = Filter {
        mode: Mode::Compress,
        it,
        func: sel,
        flag: Cell::new(false),
    };
    Ok(make(vm, cls, "itertools.compress", Box::new(f)))
}

fn func_iter_new(
    vm: &mut Vm,
    a: &Args,
    name: &'static str,
    key: &'static str,
    mode: Mode,
) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, key)?;
    no_kwargs(vm, cls, key, &rest)?;
    args::count(vm, &Args::new(rest.pos), name, 2, 2)?;
    let func = rest.pos[0];
    let it = vm.iter(rest.pos[1])?;
    let f = Filter {
        mode,
        it,
        func,
        flag: Cell::new(false),
    };
    Ok(make(vm, cls, key, Box::new(f)))
}

fn dropwhile_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    func_iter_new(vm, a, "dropwhile", "itertools.dropwhile", Mode::DropWhile)
}

fn takewhile_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    func_iter_new(vm, a, "takewhile", "itertools.takewhile", Mode::TakeWhile)
}

fn filterfalse_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    func_iter_new(
        vm,
        a,
        "filterfalse",
        "itertools.filterfalse",
        Mode::FilterFalse,
    )
}

fn starmap_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    func_iter_new(vm, a, "starmap", "itertools.starmap", Mode::StarMap)
}

// ---- islice ----

struct ISlice {
    it: Cell<Value>,
    next: Cell<i64>,
    stop: Option<i64>,
    step: i64,
    cnt: Cell<i64>,
}

impl NativeData for ISlice {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let it = self.it.get();
        if it.is_null() {
            return Some(Ok(None));
        }
        while self.cnt.get() < self.next.get() {
            match vm.next(it) {
                Ok(Some(_)) => self.cnt.set(self.cnt.get() + 1),
                other => {
                    self.it.set(Value::NULL);
                    return Some(other.map(|_| None));
                }
            }
        }
        if let Some(stop) = self.stop
            && self.cnt.get() >= stop
        {
            self.it.set(Value::NULL);
            return Some(Ok(None));
        }
        let v = match vm.next(it) {
            Ok(Some(v)) => v,
            other => {
                self.it.set(Value::NULL);
                return Some(other);
            }
        };
        self.cnt.set(self.cnt.get() + 1);
        let mut n = self.next.get().saturating_add(self.step);
        if let Some(stop) = self.stop
            && n > stop
        {
            n = stop;
        }
        self.next.set(n);
        Some(Ok(Some(v)))
    }
    native_any!();
}

/// An islice bound: None, or an int in 0..=maxsize.
fn islice_arg(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    let idx = match vm.index(v) {
        Ok(i) => i,
        Err(e) if vm.is_instance_of(e.0, vm.exc.type_error) => return Err(vm.value_error(msg)),
        Err(e) => return Err(e),
    };
    match int::to_i64(idx) {
        Some(n) if n >= 0 => Ok(Some(n)),
        Some(_) => Err(vm.value_error(msg)),
        None => {
            if int::to_bigint(idx).sign() == num_bigint::Sign::Minus {
                Err(vm.value_error(msg))
            } else {
                Ok(Some(i64::MAX))
            }
        }
    }
}

fn islice_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.islice")?;
    no_kwargs(vm, cls, "itertools.islice", &rest)?;
    let p = rest.pos;
    args::count(vm, &Args::new(p), "islice", 2, 4)?;
    let (start, stop, step) = if p.len() == 2 {
        let stop = islice_arg(
            vm,
            p[1],
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        (0, stop, 1)
    } else {
        let msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let start = islice_arg(vm, p[1], msg)?;
        let stop = islice_arg(
            vm,
            p[2],
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        let step = match p.get(3) {
            Some(&s) if !s.is_none() => {
                let m = "Step for islice() must be a positive integer or None.";
                match islice_arg(vm, s, m) {
                    Ok(Some(n)) if n >= 1 => n,
                    Ok(_) => return Err(vm.value_error(m)),
                    Err(e) if vm.is_instance_of(e.0, vm.exc.value_error) => {
                        return Err(vm.value_error(m));
                    }
                    Err(e) => return Err(e),
                }
            }
            _ => 1,
        };
        (start.unwrap_or(0), stop, step)
    };
    let it = vm.iter(p[0])?;
    let data = ISlice {
        it: Cell::new(it),
        next: Cell::new(start),
        stop,
        step,
        cnt: Cell::new(0),
    };
    Ok(make(vm, cls, "itertools.islice", Box::new(data)))
}

// ---- pairwise ----

struct Pairwise {
    it: Cell<Value>,
    old: Cell<Value>,
}

impl NativeData for Pairwise {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.it.get());
        t.mark(self.old.get());
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let it = self.it.get();
        if it.is_null() {
            return Some(Ok(None));
        }
        let mut old = self.old.get();
        if old.is_null() {
            match vm.next(it) {
                Ok(Some(v)) => {
                    old = v;
                    self.old.set(v);
                }
                other => {
                    self.it.set(Value::NULL);
                    return Some(other.map(|_| None));
                }
            }
        }
        match vm.next(it) {
            Ok(Some(new)) => {
                self.old.set(new);
                Some(Ok(Some(tuple::new(vm, &[old, new]))))
            }
            other => {
                self.it.set(Value::NULL);
                self.old.set(Value::NULL);
                Some(other.map(|_| None))
            }
        }
    }
    native_any!();
}

fn pairwise_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.pairwise")?;
    no_kwargs(vm, cls, "itertools.pairwise", &rest)?;
    args::count(vm, &Args::new(rest.pos), "pairwise", 1, 1)?;
    let it = vm.iter(rest.pos[0])?;
    Ok(make(
        vm,
        cls,
        "itertools.pairwise",
        Box::new(Pairwise {
            it: Cell::new(it),
            old: Cell::new(Value::NULL),
        }),
    ))
}

// ---- groupby ----

struct GroupBy {
    it: Value,
    key: Value,
    tgtkey: Cell<Value>,
    currkey: Cell<Value>,
    currvalue: Cell<Value>,
    currgrouper: Cell<Value>,
}

impl NativeData for GroupBy {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[
            self.it,
            self.key,
            self.tgtkey.get(),
            self.currkey.get(),
            self.currvalue.get(),
            self.currgrouper.get(),
        ]);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, this: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step_group(vm, this))
    }
    native_any!();
}

impl GroupBy {
    /// Advances to the next value; false at the end.
    fn step(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(v) = vm.next(self.it)? else {
            return Ok(false);
        };
        let k = if self.key.is_none() {
            v
        } else {
            vm.call(self.key, &[v])?
        };
        self.currvalue.set(v);
        self.currkey.set(k);
        Ok(true)
    }

    fn step_group(&self, vm: &mut Vm, this: Value) -> PyResult<Option<Value>> {
        self.currgrouper.set(Value::NULL);
        loop {
            let ck = self.currkey.get();
            if !ck.is_null() {
                let tk = self.tgtkey.get();
                if tk.is_null() || !vm.eq_bool(tk, ck)? {
                    break;
                }
            }
            if !self.step(vm)? {
                return Ok(None);
            }
        }
        let ck = self.currkey.get();
        self.tgtkey.set(ck);
        let ty = vm.registry["itertools._grouper"];
        let g = crate::object::native::new(
            vm,
            ty,
            Box::new(Grouper {
                parent: this,
                tgtkey: ck,
            }),
        );
        self.currgrouper.set(g);
        Ok(Some(tuple::new(vm, &[ck, g])))
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
}

impl NativeData for Grouper {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.parent);
        t.mark(self.tgtkey);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, this: Value) -> Option<PyResult<Option<Value>>> {
        let Some(gb) = payload::<GroupBy>(self.parent) else {
            return Some(Ok(None));
        };
        Some((|| {
            if gb.currgrouper.get() != this {
                return Ok(None);
            }
            if gb.currvalue.get().is_null() && !gb.step(vm)? {
                return Ok(None);
            }
            if !vm.eq_bool(self.tgtkey, gb.currkey.get())? {
                return Ok(None);
            }
            let v = gb.currvalue.get();
            gb.currvalue.set(Value::NULL);
            gb.currkey.set(Value::NULL);
            Ok(Some(v))
        })())
    }
    native_any!();
}

fn groupby_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, rest) = new_args(vm, a, "itertools.groupby")?;
    let [iterable, key] = args::parse::<2>(
        vm,
        &rest,
        &args::Sig::new("groupby", &["iterable", "key"], 1),
    )?;
    let it = vm.iter(iterable)?;
    let key = if key.is_null() { Value::NONE } else { key };
    let data = GroupBy {
        it,
        key,
        tgtkey: Cell::new(Value::NULL),
        currkey: Cell::new(Value::NULL),
        currvalue: Cell::new(Value::NULL),
        currgrouper: Cell::new(Value::NULL),
    };
    Ok(make(vm, cls, "itertools.groupby", Box::new(data)))
}
