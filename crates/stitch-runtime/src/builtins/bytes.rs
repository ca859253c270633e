//! The `bytes` and `bytearray` types: constructors, special methods (indexing,
//! concatenation, comparison, `in`, `%`, repr) and bytearray's mutating methods.
//! The text-like methods shared by both live in `bytes_methods.rs`.

use stitch_core::instr::cmpop;
use stitch_core::layout::{InstanceObj, Kind};
use stitch_core::value::Value;

use super::args::{self, Sig};
use super::strings::{no_args, one_arg, pos_args, wrapper0, wrapper1};
use super::{add_methods, add_static};
use crate::object::{ValueExt, bytearray, bytes, dict, int, list, str as pystr, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let b = vm.types.bytes;
    let ba = vm.types.bytearray;
    add_static(vm, b, &[("__new__", bytes_new)]);
    add_static(vm, ba, &[("__new__", bytearray_new)]);
    for t in [b, ba] {
        add_methods(
            vm,
            t,
            &[
                ("__repr__", b_repr),
                ("__str__", b_repr),
                ("__len__", b_len),
                ("__eq__", b_eq),
                ("__ne__", b_ne),
                ("__lt__", b_lt),
                ("__le__", b_le),
                ("__gt__", b_gt),
                ("__ge__", b_ge),
                ("__add__", b_add),
                ("__mul__", b_mul),
                ("__rmul__", b_mul),
                ("__mod__", b_mod),
                ("__rmod__", b_rmod),
                ("__contains__", b_contains),
                ("__getitem__", b_getitem),
                ("__iter__", b_iter),
            ],
        );
    }
    add_methods(
        vm,
        b,
        &[
            ("__hash__", b_hash),
            ("__bytes__", b_bytes),
            ("__getnewargs__", b_getnewargs),
        ],
    );
    let none = Value::NONE;
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(ba).dict, k, none);
    add_methods(
        vm,
        ba,
        &[
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
            ("__alloc__", ba_alloc),
            ("append", ba_append),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("reverse", ba_reverse),
            ("clear", ba_clear),
            ("copy", ba_copy),
        ],
    );
    super::bytes_methods::init(vm);
}

/// The bytes of a bytes-like object (bytes, bytearray, or subclass instances).
pub fn buffer_of(v: Value) -> Option<&'static [u8]> {
    if let Some(b) = bytes::native(v) {
        return Some(bytes::data(b));
    }
    if let Some(b) = bytearray::native(v) {
        return Some(bytearray::data(b));
    }
    crate::modules::array::buffer::extra_bytes_of(v)
}

/// True when `v` is a bytearray (or subclass instance).
pub fn is_bytearray(v: Value) -> bool {
    bytearray::native(v).is_some()
}

/// The bytes of `self` of a bytes or bytearray method.
pub fn this(a: &Args) -> &'static [u8] {
    buffer_of(a.pos[0]).unwrap_or(&[])
}

/// "bytes" or "bytearray", for messages.
pub fn family(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A new object of self's family (bytes or bytearray) holding `data`.
pub fn make(vm: &mut Vm, like: Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) {
        bytearray::new(vm, data)
    } else {
        bytes::new(vm, &data)
    }
}

/// A buffer argument, or "a bytes-like object is required, not 'T'".
pub fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<&'static [u8]> {
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The bytes `bytes(x)` would build from `x` (not str; `what` is the type name in
/// range errors).
fn from_source(vm: &mut Vm, x: Value, range_msg: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(x) {
        return Ok(b.to_vec());
    }
    if int::is_int(x)
        || int::native(x).is_some()
        || (vm.lookup_special(x, vm.names.index).is_some() && !x.is_float())
    {
        let n = vm.index(x)?;
        let Some(n) = int::to_i64(n) else {
            return Err(vm.overflow_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(x)
            )));
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n > (1 << 34) {
            return Err(vm.new_error(vm.exc.memory_error, ""));
        }
        return Ok(vec![0; n as usize]);
    }
    let iterable = x.is_kind(Kind::List)
        || x.is_kind(Kind::Tuple)
        || crate::object::native::iter_fast(vm, x).is_some()
        || vm.lookup_special(x, vm.names.iter).is_some()
        || vm.lookup_special(x, vm.names.getitem).is_some();
    if !iterable {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(x)
        )));
    }
    let items = vm.collect_iter(x)?;
    let mut out = Vec::with_capacity(items.len());
    for &v in items.iter() {
        out.push(byte_value(vm, v, range_msg)?);
    }
    Ok(out)
}

/// An int argument that must be a byte.
pub fn byte_value(vm: &mut Vm, v: Value, range_msg: &str) -> PyResult<u8> {
    let i = vm.index(v)?;
    match int::to_i64(i).filter(|x| (0..256).contains(x)) {
        Some(x) => Ok(x as u8),
        None => Err(vm.value_error(range_msg.to_string())),
    }
}

/// Shared argument handling of `bytes(...)` and `bytearray(...)`.
fn construct(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    range_msg: &str,
    empty_ok: bool,
) -> PyResult<Option<Vec<u8>>> {
    let [src, encoding, errors] = args::parse::<3>(
        vm,
        &a.tail(),
        &Sig::new(name, &["source", "encoding", "errors"], 0),
    )?;
    if src.is_null() {
        if !encoding.is_null() || !errors.is_null() {
            let what = if encoding.is_null() {
                "errors"
            } else {
                "encoding"
            };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(if empty_ok { None } else { Some(Vec::new()) });
    }
    if let Some(s) = pystr::text_of(src) {
        if encoding.is_null() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let enc = super::strings::str_arg(vm, encoding, &format!("{name}() argument 'encoding'"))?;
        let err = if errors.is_null() {
            "strict"
        } else {
            super::strings::str_arg(vm, errors, &format!("{name}() argument 'errors'"))?
        };
        return crate::text::codecs::encode(vm, s, enc, err).map(Some);
    }
    if !encoding.is_null() || !errors.is_null() {
        let what = if encoding.is_null() {
            "errors"
        } else {
            "encoding"
        };
        return Err(vm.type_error(format!("{what} without a string argument")));
    }
    if name == "bytes" && buffer_of(src).is_none() {
        let n = pystr::intern(vm, "__bytes__");
        if let Some(r) = vm.call_special(src, n, &[])? {
            return match bytes::native(r) {
                Some(b) => Ok(Some(bytes::data(b).to_vec())),
                None => Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(r)
                ))),
            };
        }
    }
    from_source(vm, src, range_msg).map(Some)
}

fn bytes_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let data =
        construct(vm, a, "bytes", "bytes must be in range(0, 256)", false)?.unwrap_or_default();
    let v = bytes::new(vm, &data);
    if cls == vm.types.bytes {
        return Ok(v);
    }
    Ok(super::numbers::subclass_instance(vm, cls, v))
}

fn bytearray_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let data =
        construct(vm, a, "bytearray", "byte must be in range(0, 256)", false)?.unwrap_or_default();
    let v = bytearray::new(vm, data);
    if cls == vm.types.bytearray {
        return Ok(v);
    }
    Ok(super::numbers::subclass_instance(vm, cls, v))
}

/// `repr(b)` of bytes or bytearray values.
pub fn repr_of(vm: &Vm, v: Value) -> String {
    let data = buffer_of(v).unwrap_or(&[]);
    if is_bytearray(v) {
        // bytearray's repr escapes single quotes even inside double quotes.
        let r = bytes::repr(data);
        let r = if r.starts_with("b\"") {
            let inner = &r[2..r.len() - 1];
            format!("b\"{}\"", inner.replace('\'', "\\'"))
        } else {
            r
        };
        let name = if v.get::<InstanceObj>().is_some() {
            vm.type_name(v)
        } else {
            "bytearray"
        };
        format!("{name}({r})")
    } else {
        bytes::repr(data)
    }
}

fn b_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__repr__")?;
    let r = repr_of(vm, a.pos[0]);
    Ok(pystr::new(vm, &r))
}
fn b_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__len__")?;
    Ok(Value::small(this(a).len() as i64))
}
fn b_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__hash__")?;
    let h = bytes::native(a.pos[0]).map(bytes::hash).unwrap_or(0);
    Ok(int::from_i64(vm, h))
}
fn b_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytes.__bytes__")?;
    Ok(bytes::native(a.pos[0]).unwrap_or(a.pos[0]))
}
fn b_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytes.__getnewargs__")?;
    let b = bytes::new(vm, this(a));
    Ok(crate::object::tuple::new(vm, &[b]))
}

fn b_cmp(vm: &mut Vm, a: &Args, op: u32, name: &str) -> PyResult<Value> {
    let o = wrapper1(vm, a, name)?;
    // bytes compares only with bytes; bytearray with any buffer.
    let other = if is_bytearray(a.pos[0]) {
        buffer_of(o)
    } else {
        bytes::native(o).map(bytes::data)
    };
    let Some(ob) = other else {
        return Ok(vm.not_implemented);
    };
    let ord = this(a).cmp(ob);
    Ok(Value::from_bool(match op {
        cmpop::LT => ord.is_lt(),
        cmpop::LE => ord.is_le(),
        cmpop::EQ => ord.is_eq(),
        cmpop::NE => ord.is_ne(),
        cmpop::GT => ord.is_gt(),
        _ => ord.is_ge(),
    }))
}
fn b_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::EQ, "__eq__")
}
fn b_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::NE, "__ne__")
}
fn b_lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::LT, "__lt__")
}
fn b_le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::LE, "__le__")
}
fn b_gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::GT, "__gt__")
}
fn b_ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    b_cmp(vm, a, cmpop::GE, "__ge__")
}

fn b_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = wrapper1(vm, a, "__add__")?;
    let Some(ob) = buffer_of(o) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_name(o),
            family(a.pos[0])
        )));
    };
    let mut out = Vec::with_capacity(this(a).len() + ob.len());
    out.extend_from_slice(this(a));
    out.extend_from_slice(ob);
    Ok(make(vm, a.pos[0], out))
}

/// `data * n` with CPython's size checks.
fn repeated(vm: &mut Vm, data: &[u8], n: Value) -> PyResult<Vec<u8>> {
    let n = super::strings::seq_count(vm, n)?;
    let count = match int::to_i64(n) {
        Some(c) => c.max(0) as usize,
        None if int::to_bigint(n).sign() == num_bigint::Sign::Minus => 0,
        None => {
            return Err(vm.overflow_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(n)
            )));
        }
    };
    if !data.is_empty() && count > (1usize << 34) / data.len() {
        return Err(vm.new_error(vm.exc.memory_error, ""));
    }
    Ok(data.repeat(count))
}

fn b_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = wrapper1(vm, a, "__mul__")?;
    let data = this(a).to_vec();
    let out = repeated(vm, &data, n)?;
    Ok(make(vm, a.pos[0], out))
}

fn b_mod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = wrapper1(vm, a, "__mod__")?;
    let fmt = this(a).to_vec();
    let out = crate::text::percent::format_bytes(vm, &fmt, args)?;
    Ok(make(vm, a.pos[0], out))
}
fn b_rmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper1(vm, a, "__rmod__")?;
    Ok(vm.not_implemented)
}

/// `x in b`: an int byte or a bytes-like substring.
pub fn contains(vm: &mut Vm, hay: Value, x: Value) -> PyResult<bool> {
    if let Some(sub) = buffer_of(x) {
        let h = buffer_of(hay).unwrap_or(&[]);
        return Ok(find_sub(h, sub, false).is_some());
    }
    if int::is_int(x)
        || int::native(x).is_some()
        || (!x.is_float() && vm.lookup_special(x, vm.names.index).is_some())
    {
        let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(buffer_of(hay).unwrap_or(&[]).contains(&b));
    }
    Err(vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(x)
    )))
}

fn b_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = wrapper1(vm, a, "__contains__")?;
    contains(vm, a.pos[0], x).map(Value::from_bool)
}

/// First (or last) index of `sub` in `h`.
pub fn find_sub(h: &[u8], sub: &[u8], reverse: bool) -> Option<usize> {
    if sub.is_empty() {
        return Some(if reverse { h.len() } else { 0 });
    }
    if sub.len() > h.len() {
        return None;
    }
    if reverse {
        (0..=h.len() - sub.len())
            .rev()
            .find(|&i| &h[i..i + sub.len()] == sub)
    } else if sub.len() == 1 {
        h.iter().position(|&c| c == sub[0])
    } else {
        h.windows(sub.len()).position(|w| w == sub)
    }
}

fn b_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = wrapper1(vm, a, "__getitem__")?;
    getitem(vm, a.pos[0], k)
}

/// `b[k]` for bytes and bytearray.
pub fn getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    let fam = family(v);
    let n = buffer_of(v).unwrap_or(&[]).len();
    if let Some(sl) = crate::object::slice::as_slice(k) {
        let (start, _stop, step, len) = crate::object::slice::indices(vm, sl, n)?;
        let d = buffer_of(v).unwrap_or(&[]);
        let out: Vec<u8> = (0..len)
            .filter_map(|j| d.get((start + j as i64 * step) as usize).copied())
            .collect();
        return Ok(make(vm, v, out));
    }
    let i = index_of(vm, k, fam)?;
    let d = buffer_of(v).unwrap_or(&[]);
    let j = if i < 0 { i + n as i64 } else { i };
    match usize::try_from(j).ok().and_then(|j| d.get(j)) {
        Some(&b) => Ok(Value::small(b as i64)),
        None if fam == "bytes" => Err(vm.index_error("index out of range")),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

/// An integer index for `fam` ("byte indices must be integers or slices").
fn index_of(vm: &mut Vm, k: Value, fam: &str) -> PyResult<i64> {
    if k.is_small_int() {
        return Ok(k.small_value());
    }
    let ok = k.is_bool()
        || int::is_int(k)
        || int::native(k).is_some()
        || (!k.is_float() && vm.lookup_special(k, vm.names.index).is_some());
    if !ok {
        let what = if fam == "bytes" { "byte" } else { "bytearray" };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(k)
        )));
    }
    let i = vm.index(k)?;
    match int::to_i64(i) {
        Some(x) => Ok(x),
        None => Err(vm.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(k)
        ))),
    }
}

fn b_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper0(vm, a, "__iter__")?;
    if let Some(b) = bytes::native(a.pos[0]) {
        return vm.iter(b);
    }
    Ok(crate::object::native::seq_iter(vm, a.pos[0]))
}

// ---- bytearray mutation ----

fn ba_vec(a: &Args) -> &'static mut Vec<u8> {
    match bytearray::native(a.pos[0]).and_then(bytearray::vec_mut) {
        Some(v) => v,
        None => {
            // Unreachable for bound methods; a static empty vector keeps this total.
            Box::leak(Box::default())
        }
    }
}

fn ba_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() || a.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    }
    let (k, v) = (a.pos[1], a.pos[2]);
    if let Some(sl) = crate::object::slice::as_slice(k) {
        let src = if let Some(b) = buffer_of(v) {
            b.to_vec()
        } else if int::is_int(v) || pystr::text_of(v).is_some() {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            from_source(vm, v, "byte must be in range(0, 256)")?
        };
        let n = ba_vec(a).len();
        let (start, stop, step, len) = crate::object::slice::indices(vm, sl, n)?;
        let vec = ba_vec(a);
        if step == 1 {
            let stop = (stop.max(start)) as usize;
            vec.splice(start as usize..stop.min(vec.len()), src);
            return Ok(Value::NONE);
        }
        if src.len() != len {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {len}",
                src.len()
            )));
        }
        for (j, b) in src.into_iter().enumerate() {
            let idx = (start + j as i64 * step) as usize;
            if let Some(slot) = vec.get_mut(idx) {
                *slot = b;
            }
        }
        return Ok(Value::NONE);
    }
    let i = index_of(vm, k, "bytearray")?;
    let b = byte_value(vm, v, "byte must be in range(0, 256)")?;
    let vec = ba_vec(a);
    let j = if i < 0 { i + vec.len() as i64 } else { i };
    match usize::try_from(j).ok().and_then(|j| vec.get_mut(j)) {
        Some(slot) => {
            *slot = b;
            Ok(Value::NONE)
        }
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn ba_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = wrapper1(vm, a, "__delitem__")?;
    if let Some(sl) = crate::object::slice::as_slice(k) {
        let n = ba_vec(a).len();
        let (start, _stop, step, len) = crate::object::slice::indices(vm, sl, n)?;
        let mut drop: Vec<usize> = (0..len)
            .map(|j| (start + j as i64 * step) as usize)
            .collect();
        drop.sort_unstable();
        let vec = ba_vec(a);
        let mut k = 0;
        let mut idx = 0;
        vec.retain(|_| {
            let keep = !(k < drop.len() && drop[k] == idx);
            if !keep {
                k += 1;
            }
            idx += 1;
            keep
        });
        return Ok(Value::NONE);
    }
    let i = index_of(vm, k, "bytearray")?;
    let vec = ba_vec(a);
    let j = if i < 0 { i + vec.len() as i64 } else { i };
    if j < 0 || j as usize >= vec.len() {
        return Err(vm.index_error("bytearray index out of range"));
    }
    vec.remove(j as usize);
    Ok(Value::NONE)
}

fn ba_iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = wrapper1(vm, a, "__iadd__")?;
    let Some(ob) = buffer_of(o) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(o))));
    };
    let add = ob.to_vec();
    ba_vec(a).extend_from_slice(&add);
    Ok(a.pos[0])
}

fn ba_imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = wrapper1(vm, a, "__imul__")?;
    let data = this(a).to_vec();
    let out = repeated(vm, &data, n)?;
    *ba_vec(a) = out;
    Ok(a.pos[0])
}

fn ba_alloc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytearray.__alloc__")?;
    let v = ba_vec(a);
    Ok(Value::small(if v.is_empty() && v.capacity() == 0 {
        0
    } else {
        v.capacity().max(v.len() + 1) as i64
    }))
}

fn ba_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "bytearray.append")?;
    let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
    ba_vec(a).push(b);
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "bytearray.extend")?;
    let add = if let Some(b) = buffer_of(x) {
        b.to_vec()
    } else {
        let iterable = x.is_kind(Kind::List)
            || x.is_kind(Kind::Tuple)
            || crate::object::native::iter_fast(vm, x).is_some()
            || vm.lookup_special(x, vm.names.iter).is_some()
            || vm.lookup_special(x, vm.names.getitem).is_some();
        if !iterable {
            return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(x))));
        }
        from_source(vm, x, "byte must be in range(0, 256)")?
    };
    ba_vec(a).extend_from_slice(&add);
    Ok(Value::NONE)
}

fn ba_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pos_args(vm, a, "insert", "bytearray.insert", 2, 2)?;
    let i = vm.index_value(a.pos[1])?;
    let b = byte_value(vm, a.pos[2], "byte must be in range(0, 256)")?;
    let vec = ba_vec(a);
    let n = vec.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    vec.insert(j as usize, b);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pos_args(vm, a, "pop", "bytearray.pop", 0, 1)?;
    let i = match a.pos.get(1) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let vec = ba_vec(a);
    if vec.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + vec.len() as i64 } else { i };
    if j < 0 || j as usize >= vec.len() {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::small(vec.remove(j as usize) as i64))
}

fn ba_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "bytearray.remove")?;
    let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
    let vec = ba_vec(a);
    match vec.iter().position(|&c| c == b) {
        Some(i) => {
            vec.remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytearray.reverse")?;
    ba_vec(a).reverse();
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytearray.clear")?;
    ba_vec(a).clear();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bytearray.copy")?;
    let d = this(a).to_vec();
    Ok(bytearray::new(vm, d))
}

/// A list of new objects of self's family.
pub fn part_list(vm: &mut Vm, like: Value, parts: &[&[u8]]) -> Value {
    let mut vals = crate::gc::Rooted::new();
    for p in parts {
        let v = make(vm, like, p.to_vec());
        vals.push(v);
    }
    list::new(vm, &vals)
}
