//! `_sre.SRE_Scanner`: successive matches over one string (`match()` and
//! `search()`), the engine of `finditer` and `re.Scanner`.

use std::cell::Cell;

use stitch_core::value::Value;

use super::engine::State;
use super::matchobj::new_match;
use super::pattern::Pattern;
use super::subject::{Subject, clamp};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::gc::Tracer;
use crate::modules::util::{native_type, payload, this};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::vm::{Args, PyResult, Vm};
use crate::with_text;

const TYPE: &str = "_sre.SRE_Scanner";

pub struct Scanner {
    pattern: Value,
    subj: Subject,
    /// Where the next attempt starts; -1 once exhausted.
    start: Cell<isize>,
    end: isize,
    pos: isize,
    must_advance: Cell<bool>,
    executing: Cell<bool>,
}

impl NativeData for Scanner {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark(self.subj.obj);
    }
    native_any!();
}

fn scanner_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get(TYPE) {
        return *t;
    }
    let t = native_type(vm, "_sre", "SRE_Scanner", false);
    add_static(vm, t, &[("__new__", no_new)]);
    add_methods(vm, t, &[("match", scan_match), ("search", scan_search)]);
    add_getsets(vm, t, &[("pattern", get_pattern, None)]);
    t
}

fn no_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create '_sre.SRE_Scanner' instances"))
}

pub fn new(vm: &mut Vm, pv: Value, p: &Pattern, string: Value, pos: i64, endpos: i64) -> PyResult<Value> {
    let subj = p.subject(vm, string)?;
    let (start, end) = (clamp(pos, subj.len()), clamp(endpos, subj.len()));
    let sc = Scanner {
        pattern: pv,
        subj,
        start: Cell::new(start),
        end,
        pos: start,
        must_advance: Cell::new(false),
        executing: Cell::new(false),
    };
    let ty = scanner_type(vm);
    Ok(native::new(vm, ty, Box::new(sc)))
}

fn step(vm: &mut Vm, a: &Args, name: &str, search: bool) -> PyResult<Value> {
    let sc: &Scanner = this(vm, a, TYPE, name)?;
    if sc.executing.get() {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    let start = sc.start.get();
    if start < 0 {
        return Ok(Value::NONE);
    }
    let Some(p) = payload::<Pattern>(sc.pattern) else { return Ok(Value::NONE) };
    sc.executing.set(true);
    let r = with_text!(sc.subj, t => {
        let mut st = State::new(t, start, sc.end, p.groups);
        st.must_advance = sc.must_advance.get();
        let found = if search { st.search(vm, &p.prog) } else { st.match_here(vm, &p.prog) };
        match found {
            Ok(true) => {
                let m = new_match(vm, sc.pattern, &sc.subj, &st, sc.pos, sc.end);
                sc.must_advance.set(st.ptr == st.start);
                sc.start.set(st.ptr);
                m
            }
            Ok(false) => {
                sc.start.set(-1);
                Ok(Value::NONE)
            }
            Err(e) => Err(e),
        }
    });
    sc.executing.set(false);
    r
}

fn scan_match(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    step(vm, a, "match", false)
}

fn scan_search(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    step(vm, a, "search", true)
}

fn get_pattern(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<Scanner>(v) {
        Some(s) => Ok(s.pattern),
        None => Err(vm.type_error("descriptor for '_sre.SRE_Scanner' objects doesn't apply")),
    }
}
