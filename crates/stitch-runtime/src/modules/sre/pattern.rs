//! `re.Pattern`: `_sre.compile` (checks and decodes the code), the pattern's
//! attributes, repr, equality and hash. The matching methods are in `ops.rs`.

use stitch_core::value::Value;

use super::code::{self, Program};
use super::subject::Subject;
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::Tracer;
use crate::modules::util::{native_type, payload, this};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{dict, int, list, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub const TYPE: &str = "re.Pattern";

pub const FLAG_LOCALE: i64 = 4;
pub const FLAG_UNICODE: i64 = 32;
pub const FLAG_ASCII: i64 = 256;

pub struct Pattern {
    pub prog: Program,
    pub code: Box<[u32]>,
    /// The source (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub groups: usize,
    /// Group names to numbers (a dict), NULL without named groups.
    pub groupindex: Value,
    /// Numbers to names (a tuple), NULL without named groups.
    pub indexgroup: Value,
    /// 1 for bytes, 0 for str, -1 when the pattern is unknown.
    pub is_bytes: i8,
    /// `re.Match`, at hand for every match.
    pub match_type: Value,
}

impl NativeData for Pattern {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark(self.groupindex);
        t.mark(self.indexgroup);
        t.mark(self.match_type);
    }
    native_any!();
}

impl Pattern {
    /// The subject for `string`, checked against the pattern's kind.
    pub fn subject(&self, vm: &mut Vm, string: Value) -> PyResult<Subject> {
        let s = Subject::new(vm, string)?;
        if s.is_bytes && self.is_bytes == 0 {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        if !s.is_bytes && self.is_bytes > 0 {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        Ok(s)
    }
}

pub fn pattern_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.registry.get(TYPE) {
        return *t;
    }
    let t = native_type(vm, "re", "Pattern", false);
    add_static(vm, t, &[("__new__", no_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__hash__", hash),
            ("__copy__", copy),
            ("__deepcopy__", deepcopy),
        ],
    );
    super::ops::add_methods(vm, t);
    add_getsets(
        vm,
        t,
        &[
            ("pattern", get_pattern, Some(super::matchobj::readonly)),
            ("flags", get_flags, Some(super::matchobj::readonly)),
            ("groups", get_groups, Some(super::matchobj::readonly)),
            ("groupindex", get_groupindex, None),
        ],
    );
    crate::modules::util::add_class_getitem(vm, t);
    t
}

fn no_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 're.Pattern' instances"))
}

pub fn me(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'static Pattern> {
    this::<Pattern>(vm, a, TYPE, m)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = args::Sig::new("compile", &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6);
    let [pattern, flags, code, groups, groupindex, indexgroup] = args::parse::<6>(vm, a, &sig)?;
    let flags = vm.index_value(flags)?;
    if list::native(code).is_none() {
        return Err(bad_arg(vm, 3, "list", code));
    }
    let groups = vm.index_value(groups)?;
    if dict::native(groupindex).is_none() {
        return Err(bad_arg(vm, 5, "dict", groupindex));
    }
    if tuple::native(indexgroup).is_none() {
        return Err(bad_arg(vm, 6, "tuple", indexgroup));
    }
    let items = list::items(list::native(code).unwrap_or(code));
    let mut words = Vec::with_capacity(items.len());
    for &v in items {
        let i = vm.index(v)?;
        let w = int::to_bigint(i);
        if w.sign() == num_bigint::Sign::Minus {
            return Err(vm.overflow_error("can't convert negative int to unsigned"));
        }
        match u32::try_from(&w) {
            Ok(x) => words.push(x),
            Err(_) => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }
    let is_bytes = if pattern.is_none() { -1 } else { Subject::new(vm, pattern)?.is_bytes as i8 };
    let prog = if groups < 0 { None } else { code::decode(&words, groups as u64) };
    let Some(prog) = prog else {
        return Err(vm.runtime_error("invalid SRE code"));
    };
    let groupindex = dict::native(groupindex).unwrap_or(groupindex);
    let indexgroup = tuple::native(indexgroup).unwrap_or(indexgroup);
    let named = dict::len(groupindex) > 0;
    let p = Pattern {
        prog,
        code: words.into_boxed_slice(),
        pattern,
        flags,
        groups: groups as usize,
        groupindex: if named { groupindex } else { Value::NULL },
        indexgroup: if named && tuple::len(indexgroup) > 0 { indexgroup } else { Value::NULL },
        is_bytes,
        match_type: super::matchobj::match_type(vm),
    };
    let ty = pattern_type(vm);
    Ok(native::new(vm, ty, Box::new(p)))
}

fn bad_arg(vm: &mut Vm, n: usize, want: &str, got: Value) -> crate::vm::PyErr {
    vm.type_error(format!("compile() argument {n} must be {want}, not {}", vm.type_name(got)))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "__repr__")?;
    const NAMES: [(&str, i64); 9] = [
        ("re.TEMPLATE", 1),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let mut flags = p.flags;
    if p.is_bytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut parts = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            parts.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{:x}", flags as i32));
    }
    let src = vm.repr_string(p.pattern)?;
    let src: String = src.chars().take(200).collect();
    let s = if parts.is_empty() {
        format!("re.compile({src})")
    } else {
        format!("re.compile({src}, {})", parts.join("|"))
    };
    Ok(pystr::new(vm, &s))
}

fn same(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Option<bool>> {
    let p = me(vm, a, name)?;
    args::count(vm, &a.tail(), name, 1, 1)?;
    let other = a.pos[1];
    let ty = pattern_type(vm);
    if vm.type_of(other) != ty {
        return Ok(None);
    }
    if other == a.pos[0] {
        return Ok(Some(true));
    }
    let Some(q) = payload::<Pattern>(other) else { return Ok(None) };
    if p.flags != q.flags || p.is_bytes != q.is_bytes || p.code != q.code {
        return Ok(Some(false));
    }
    vm.eq_bool(p.pattern, q.pattern).map(Some)
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match same(vm, a, "__eq__")? {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented,
    })
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match same(vm, a, "__ne__")? {
        Some(b) => Value::from_bool(!b),
        None => vm.not_implemented,
    })
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = me(vm, a, "__hash__")?;
    let mut h = vm.hash(p.pattern)?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= pystr::hash_bytes(&bytes);
    h ^= p.flags;
    h ^= p.is_bytes as i64;
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(int::from_i64(vm, h))
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__copy__")?;
    Ok(a.pos[0])
}

fn deepcopy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__deepcopy__")?;
    args::count(vm, &a.tail(), "__deepcopy__", 1, 1)?;
    Ok(a.pos[0])
}

fn get(vm: &mut Vm, v: Value) -> PyResult<&'static Pattern> {
    match payload::<Pattern>(v) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor for 're.Pattern' objects doesn't apply")),
    }
}

fn get_pattern(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(get(vm, v)?.pattern)
}

fn get_flags(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = get(vm, v)?.flags;
    Ok(int::from_i64(vm, f))
}

fn get_groups(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = get(vm, v)?.groups;
    Ok(int::from_i64(vm, g as i64))
}

fn get_groupindex(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let gi = get(vm, v)?.groupindex;
    if gi.is_null() {
        return Ok(dict::new(vm));
    }
    Ok(crate::builtins::mappingproxy(vm, gi))
}
