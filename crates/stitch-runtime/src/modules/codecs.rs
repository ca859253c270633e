//! The `_codecs` module: the codec registry (`register`, `lookup` through the
//! search functions, importing `encodings` on first use), error handler
//! registry with the standard handlers, `encode`/`decode`, and the per-codec
//! functions the `encodings` package calls (in `codecs_fns.rs`).

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::util::{add_fns, is_callable};
use crate::builtins::args;
use crate::object::{ValueExt, dict, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

const SEARCH: &str = "_codecs.search";
const CACHE: &str = "_codecs.cache";
const ERRORS: &str = "_codecs.errors";

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_codecs");
    add_fns(
        vm,
        m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("lookup", lookup_fn),
            ("encode", encode),
            ("decode", decode),
            ("lookup_error", lookup_error),
            ("register_error", register_error),
        ],
    );
    super::codecs_fns::add(vm, m);
    error_handlers(vm);
    Ok(m)
}

fn registry_list(vm: &mut Vm) -> Value {
    if let Some(v) = vm.registry.get(SEARCH) {
        return *v;
    }
    let l = list::new(vm, &[]);
    vm.registry.insert(SEARCH, l);
    l
}

fn registry_dict(vm: &mut Vm, key: &'static str) -> Value {
    if let Some(v) = vm.registry.get(key) {
        return *v;
    }
    let d = dict::new(vm);
    vm.registry.insert(key, d);
    d
}

/// The standard error handlers, registered once.
fn error_handlers(vm: &mut Vm) -> Value {
    if let Some(d) = vm.registry.get(ERRORS) {
        return *d;
    }
    let d = registry_dict(vm, ERRORS);
    for (name, fname, f) in super::codecs_fns::HANDLERS {
        let b = crate::object::function::new_builtin(vm, fname, *f, Value::NONE, 0);
        let k = pystr::new(vm, name);
        let _ = dict::set(vm, d, k, b);
    }
    d
}

fn register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "register", 1, 1)?;
    if !is_callable(vm, a.pos[0]) {
        return Err(vm.type_error("argument must be callable"));
    }
    let l = registry_list(vm);
    list::push(list::vec(l), a.pos[0]);
    Ok(Value::NONE)
}

fn unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "unregister", 1, 1)?;
    let l = registry_list(vm);
    if let Some(i) = list::items(l).iter().position(|f| *f == a.pos[0]) {
        list::remove_at(list::vec(l), i);
        let c = registry_dict(vm, CACHE);
        // SAFETY: the cache is a dict.
        dict::clear(unsafe { c.raw::<stitch_core::layout::DictObj>() });
    }
    Ok(Value::NONE)
}

/// The name as the registry normalizes it: lower case, spaces as underscores.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `codecs.lookup(encoding)`: the CodecInfo from the search functions.
pub fn lookup(vm: &mut Vm, encoding: Value) -> PyResult<Value> {
    let Some(name) = pystr::text_of(encoding) else {
        return Err(vm.type_error(format!(
            "lookup() argument must be str, not {}",
            vm.type_name(encoding)
        )));
    };
    let norm = normalize(name);
    let key = pystr::new(vm, &norm);
    let cache = registry_dict(vm, CACHE);
    if let Some(v) = dict::get(vm, cache, key)? {
        return Ok(v);
    }
    let l = registry_list(vm);
    if list::items(l).is_empty() {
        crate::import::import_module(vm, "encodings")?;
    }
    let funcs = crate::gc::Rooted::from_vec(list::items(l).to_vec());
    for f in funcs.iter() {
        let r = vm.call(*f, &[key])?;
        if r.is_none() {
            continue;
        }
        let is_tuple = r.is_kind(Kind::Tuple) || tuple::native(r).is_some();
        if !is_tuple || vm.len(r)? != 4 {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        dict::set(vm, cache, key, r)?;
        return Ok(r);
    }
    let shown = name.to_string();
    Err(vm.new_error(vm.exc.lookup_error, format!("unknown encoding: {shown}")))
}

fn lookup_fn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "lookup", 1, 1)?;
    lookup(vm, a.pos[0])
}

fn codec_call(vm: &mut Vm, a: &Args, name: &str, index: i64) -> PyResult<Value> {
    let sig = args::Sig::new(name, &["obj", "encoding", "errors"], 1);
    let [obj, enc, errors] = args::parse::<3>(vm, a, &sig)?;
    let enc = if enc.is_null() {
        pystr::new(vm, "utf-8")
    } else {
        enc
    };
    let errors = if errors.is_null() {
        pystr::new(vm, "strict")
    } else {
        errors
    };
    let info = lookup(vm, enc)?;
    let f = vm.getitem(info, Value::small(index))?;
    let r = vm.call(f, &[obj, errors])?;
    if !r.is_kind(Kind::Tuple) || tuple::len(r) != 2 {
        let what = if index == 0 { "encoder" } else { "decoder" };
        return Err(vm.type_error(format!("{what} must return a tuple (object, integer)")));
    }
    Ok(tuple::items(r)[0])
}

fn encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    codec_call(vm, a, "encode", 0)
}

fn decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    codec_call(vm, a, "decode", 1)
}

fn lookup_error(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "lookup_error", 1, 1)?;
    let Some(name) = pystr::text_of(a.pos[0]).map(str::to_string) else {
        return Err(vm.type_error(format!(
            "lookup_error() argument must be str, not {}",
            vm.type_name(a.pos[0])
        )));
    };
    let d = error_handlers(vm);
    match dict::get(vm, d, a.pos[0])? {
        Some(h) => Ok(h),
        None => Err(vm.new_error(
            vm.exc.lookup_error,
            format!("unknown error handler name '{name}'"),
        )),
    }
}

fn register_error(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "register_error", 2, 2)?;
    if pystr::text_of(a.pos[0]).is_none() {
        return Err(vm.type_error(format!(
            "register_error() argument 1 must be str, not {}",
            vm.type_name(a.pos[0])
        )));
    }
    if !is_callable(vm, a.pos[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    let d = error_handlers(vm);
    dict::set(vm, d, a.pos[0], a.pos[1])?;
    Ok(Value::NONE)
}

/// `(obj, start, end)` of a Unicode error handed to an error handler.
pub fn error_parts(vm: &mut Vm, exc: Value) -> PyResult<(Value, i64, i64)> {
    let obj = vm.getattr_str(exc, "object")?;
    let s = vm.getattr_str(exc, "start")?;
    let e = vm.getattr_str(exc, "end")?;
    Ok((obj, int::to_i64_clamped(s), int::to_i64_clamped(e)))
}

/// `codecs.encode(obj, encoding, errors)` through the registry (for encodings the
/// runtime's own codecs do not know).
pub fn encode_object(vm: &mut Vm, obj: Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let e = pystr::new(vm, encoding);
    let r = pystr::new(vm, errors);
    encode(vm, &Args::new(&[obj, e, r]))
}

/// `codecs.decode(obj, encoding, errors)` through the registry.
pub fn decode_object(vm: &mut Vm, obj: Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let e = pystr::new(vm, encoding);
    let r = pystr::new(vm, errors);
    decode(vm, &Args::new(&[obj, e, r]))
}
