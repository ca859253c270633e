//! The builtin `memoryview`: one-dimensional views (any start, length and
//! stride) of a bytes-like exporter (bytes, bytearray, array, memoryview), with
//! items read and written through the struct codec of the view's format.

use std::cell::Cell;

use stitch_core::value::Value;

use super::Array;
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::modules::struct_::{codec, format};
use crate::modules::util::{native_type, payload, short_name};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::{self, NativeData};
use crate::object::{bytearray, bytes, int, list, slice, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub const TYPE: &str = "builtins.memoryview";

pub struct MemoryView {
    /// The exporter (never another memoryview).
    obj: Value,
    /// Byte offset of item 0.
    start: usize,
    len: usize,
    /// Bytes from one item to the next (negative for reversed views).
    stride: isize,
    itemsize: usize,
    format: String,
    readonly: bool,
    released: Cell<bool>,
}

impl NativeData for MemoryView {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.obj);
    }
    native_any!();
}

impl MemoryView {
    fn contiguous(&self) -> bool {
        self.len <= 1 || self.stride == self.itemsize as isize
    }
    /// The byte offset of item `i` in the exporter.
    fn at(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.stride) as usize
    }
    /// The bytes of the view, copied (None when the exporter shrank under it).
    fn gather(&self) -> Option<Vec<u8>> {
        let src = exporter_bytes(self.obj)?;
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        for i in 0..self.len {
            let at = self.at(i);
            out.extend_from_slice(src.get(at..at + self.itemsize)?);
        }
        Some(out)
    }
}

/// The bytes of an exporter (bytes, bytearray, array).
fn exporter_bytes(v: Value) -> Option<&'static [u8]> {
    if let Some(b) = bytes::native(v) {
        return Some(bytes::data(b));
    }
    if let Some(b) = bytearray::native(v) {
        return Some(bytearray::data(b));
    }
    payload::<Array>(v).map(|a| a.bytes())
}

/// The mutable bytes of a writable exporter.
fn exporter_bytes_mut(v: Value) -> Option<&'static mut [u8]> {
    if let Some(b) = bytearray::native(v) {
        return bytearray::vec_mut(b).map(|v| v.as_mut_slice());
    }
    payload::<Array>(v).map(|a| a.bytes_mut().as_mut_slice())
}

/// The contiguous bytes of a memoryview (for the buffer protocol).
pub fn view_bytes(v: Value) -> Option<&'static [u8]> {
    let m = payload::<MemoryView>(v)?;
    if m.released.get() || !m.contiguous() {
        return None;
    }
    let src = exporter_bytes(m.obj)?;
    src.get(m.start..m.start + m.len * m.itemsize)
}

/// Whether `v` is a writable contiguous memoryview, and its bytes.
pub fn view_bytes_mut(v: Value) -> Option<&'static mut [u8]> {
    let m = payload::<MemoryView>(v)?;
    if m.released.get() || m.readonly || !m.contiguous() {
        return None;
    }
    let src = exporter_bytes_mut(m.obj)?;
    src.get_mut(m.start..m.start + m.len * m.itemsize)
}

pub fn install(vm: &mut Vm) {
    let t = native_type(vm, "builtins", "memoryview", false);
    add_static(vm, t, &[("__new__", mv_new)]);
    let defs: &[(&'static str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("cast", cast),
        ("toreadonly", toreadonly),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__hash__", hash),
        ("__iter__", iter),
        ("__repr__", repr),
    ];
    add_methods(vm, t, defs);
    add_getsets(
        vm,
        t,
        &[
            ("obj", g_obj, None),
            ("nbytes", g_nbytes, None),
            ("readonly", g_readonly, None),
            ("itemsize", g_itemsize, None),
            ("format", g_format, None),
            ("ndim", g_ndim, None),
            ("shape", g_shape, None),
            ("strides", g_strides, None),
            ("suboffsets", g_suboffsets, None),
            ("c_contiguous", g_contig, None),
            ("f_contiguous", g_contig, None),
            ("contiguous", g_contig, None),
        ],
    );
    let k = pystr::intern(vm, "memoryview");
    crate::object::dict::set_str(vm.builtins_dict, k, t);
}

fn released_error(vm: &mut Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

fn me(vm: &mut Vm, a: &Args) -> PyResult<&'static MemoryView> {
    let Some(m) = a.pos.first().and_then(|v| payload::<MemoryView>(*v)) else {
        return Err(vm.type_error("descriptor requires a 'memoryview' object"));
    };
    if m.released.get() {
        return Err(released_error(vm));
    }
    Ok(m)
}

fn live(vm: &mut Vm, v: Value) -> PyResult<&'static MemoryView> {
    match payload::<MemoryView>(v) {
        Some(m) if !m.released.get() => Ok(m),
        Some(_) => Err(released_error(vm)),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn new_view(vm: &mut Vm, m: MemoryView) -> Value {
    let t = vm.registry[TYPE];
    native::new(vm, t, Box::new(m))
}

/// A view of the whole of `obj`, or None when it exports no buffer.
fn view_of(obj: Value) -> Option<MemoryView> {
    if let Some(m) = payload::<MemoryView>(obj) {
        if m.released.get() {
            return None;
        }
        return Some(MemoryView {
            obj: m.obj,
            start: m.start,
            len: m.len,
            stride: m.stride,
            itemsize: m.itemsize,
            format: m.format.clone(),
            readonly: m.readonly,
            released: Cell::new(false),
        });
    }
    let (format, itemsize, readonly, n) = if let Some(b) = bytes::native(obj) {
        ("B".to_string(), 1, true, bytes::data(b).len())
    } else if let Some(b) = bytearray::native(obj) {
        ("B".to_string(), 1, false, bytearray::data(b).len())
    } else if let Some(a) = payload::<Array>(obj) {
        let f = if a.code == b'u' { "w".to_string() } else { (a.code as char).to_string() };
        (f, a.isz(), false, a.bytes().len())
    } else {
        return None;
    };
    Some(MemoryView {
        obj,
        start: 0,
        len: n / itemsize,
        stride: itemsize as isize,
        itemsize,
        format,
        readonly,
        released: Cell::new(false),
    })
}

/// `memoryview(obj)` as a Rust call (None when obj is not bytes-like).
pub fn new_of(vm: &mut Vm, obj: Value) -> Option<Value> {
    let m = view_of(obj)?;
    Some(new_view(vm, m))
}

fn mv_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.pos.len() - 1 + a.kwnames.len();
    if n > 1 {
        return Err(vm.type_error(format!("memoryview() takes at most 1 argument ({n} given)")));
    }
    let [obj] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("memoryview", &["object"], 1))?;
    if let Some(m) = payload::<MemoryView>(obj)
        && m.released.get()
    {
        return Err(released_error(vm));
    }
    match view_of(obj) {
        Some(m) => Ok(new_view(vm, m)),
        None => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(obj)
        ))),
    }
}

fn layout(m: &MemoryView) -> Option<format::Layout> {
    let f = m.format.strip_prefix('@').unwrap_or(&m.format);
    if f.len() != 1 || !"cbB?hHiIlLqQnNPefd".contains(f) {
        return None;
    }
    format::parse(f.as_bytes()).ok()
}

fn unsupported(vm: &mut Vm, m: &MemoryView) -> PyErr {
    let e = vm.exc.not_implemented_error;
    vm.new_error(e, format!("memoryview: format {} not supported", m.format))
}

/// Item `i` as a Python value.
fn item(vm: &mut Vm, m: &MemoryView, i: usize) -> PyResult<Value> {
    let Some(l) = layout(m) else {
        return Err(unsupported(vm, m));
    };
    let at = m.at(i);
    let Some(b) = exporter_bytes(m.obj).and_then(|s| s.get(at..at + m.itemsize)).map(<[u8]>::to_vec) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let t = codec::unpack(vm, &l, &b)?;
    Ok(tuple::items(t).first().copied().unwrap_or(Value::NONE))
}

fn tobytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    let [_order] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("tobytes", &["order"], 0))?;
    let b = m.gather().ok_or_else(|| released_error(vm))?;
    Ok(bytes::new(vm, &b))
}

fn tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    args::count(vm, &a.tail(), "tolist", 0, 0)?;
    if layout(m).is_none() {
        return Err(unsupported(vm, m));
    }
    let mut out = Rooted::new();
    for i in 0..m.len {
        let v = item(vm, m, i)?;
        out.push(v);
    }
    Ok(list::new(vm, &out))
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    let b = m.gather().ok_or_else(|| released_error(vm))?;
    let tmp = bytes::new(vm, &b);
    let mut pos = vec![tmp];
    pos.extend_from_slice(&a.pos[1..]);
    let f = vm.getattr_str(tmp, "hex")?;
    vm.call_kw(f, &Args { pos: &pos[1..], kwnames: a.kwnames, kwvals: a.kwvals })
}

fn release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos.first().and_then(|v| payload::<MemoryView>(*v)) {
        Some(m) => {
            m.released.set(true);
            Ok(Value::NONE)
        }
        None => Err(vm.type_error("descriptor 'release' requires a 'memoryview' object")),
    }
}

fn enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a)?;
    Ok(a.pos[0])
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    release(vm, &Args::new(&a.pos[..1]))
}

fn cast(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    let [fmt, shape] = args::parse::<2>(vm, &a.tail(), &args::Sig::new("cast", &["format", "shape"], 1))?;
    let Some(f) = pystr::text_of(fmt) else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", vm.type_name(fmt))));
    };
    let code = f.strip_prefix('@').unwrap_or(f);
    let size = match format::parse(code.as_bytes()) {
        Ok(l) if code.len() == 1 && "cbB?hHiIlLqQnNPefd".contains(code) => l.size,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    if !m.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    if !shape.is_null() && !shape.is_none() {
        let dims = vm.collect_iter(shape)?;
        let ok = dims.len() == 1 && int::to_i64(dims[0]).is_some_and(|n| n as usize * size == nbytes);
        if !ok {
            return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
    }
    let v = MemoryView {
        obj: m.obj,
        start: m.start,
        len: nbytes / size,
        stride: size as isize,
        itemsize: size,
        format: f.to_string(),
        readonly: m.readonly,
        released: Cell::new(false),
    };
    Ok(new_view(vm, v))
}

fn toreadonly(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    let mut v = view_of(a.pos[0]).ok_or_else(|| released_error(vm))?;
    v.readonly = true;
    let _ = m;
    Ok(new_view(vm, v))
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    Ok(Value::small(m.len as i64))
}

/// An item key: Ok(Some(i)) for an index, Ok(None) for a slice.
fn key(vm: &mut Vm, m: &MemoryView, k: Value) -> PyResult<Option<usize>> {
    if slice::as_slice(k).is_some() {
        return Ok(None);
    }
    let k = match tuple::native(k) {
        Some(t) if tuple::len(t) == 1 => tuple::items(t)[0],
        _ => k,
    };
    let is_index = !k.is_float() && (int::is_int(k) || k.is_bool() || vm.lookup_special(k, vm.names.index).is_some());
    if !is_index {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let n = vm.index(k)?;
    let i = int::to_i64(n).unwrap_or(i64::MAX);
    match crate::object::list::position(i, m.len) {
        Some(j) => Ok(Some(j)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    let k = a.pos.get(1).copied().unwrap_or(Value::NONE);
    match key(vm, m, k)? {
        Some(i) => item(vm, m, i),
        None => {
            let (start, _stop, step, n) = slice::indices(vm, k, m.len)?;
            let v = MemoryView {
                obj: m.obj,
                start: if n == 0 { m.start } else { m.at(start as usize) },
                len: n,
                stride: m.stride * step as isize,
                itemsize: m.itemsize,
                format: m.format.clone(),
                readonly: m.readonly,
                released: Cell::new(false),
            };
            Ok(new_view(vm, v))
        }
    }
}

/// The bytes of `v` as one item of the view's format.
fn encode(vm: &mut Vm, m: &MemoryView, v: Value) -> PyResult<Vec<u8>> {
    let Some(l) = layout(m) else {
        return Err(unsupported(vm, m));
    };
    let mut out = vec![0u8; m.itemsize];
    match codec::pack(vm, &l, &[v], &mut out) {
        Ok(()) => Ok(out),
        Err(e) => {
            let st = crate::modules::struct_::make_error(vm)?;
            let is_struct = vm.is_instance_of(e.0, st);
            if is_struct || vm.is_instance_of(e.0, vm.exc.overflow_error) {
                let msg = if vm.is_instance_of(e.0, vm.exc.overflow_error) || !msg_is_type(vm, e.0)? {
                    format!("memoryview: invalid value for format '{}'", m.format)
                } else {
                    return Err(vm.type_error(format!("memoryview: invalid type for format '{}'", m.format)));
                };
                return Err(vm.value_error(msg));
            }
            Err(e)
        }
    }
}

/// Whether a struct.error reports a wrong argument type.
fn msg_is_type(vm: &mut Vm, e: Value) -> PyResult<bool> {
    let s = vm.exception_str(e)?;
    Ok(s.starts_with("required argument is not") || s.contains("must be a bytes object"))
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let (k, v) = (a.pos.get(1).copied().unwrap_or(Value::NONE), a.pos.get(2).copied().unwrap_or(Value::NONE));
    match key(vm, m, k)? {
        Some(i) => {
            let b = encode(vm, m, v)?;
            let at = m.at(i);
            if let Some(dst) = exporter_bytes_mut(m.obj).and_then(|s| s.get_mut(at..at + m.itemsize)) {
                dst.copy_from_slice(&b);
            }
            Ok(Value::NONE)
        }
        None => {
            let (start, _stop, step, n) = slice::indices(vm, k, m.len)?;
            let src = match view_of(v) {
                Some(s) => s,
                None => {
                    return Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(v)
                    )));
                }
            };
            if src.len != n || src.itemsize != m.itemsize || src.format.trim_start_matches('@') != m.format.trim_start_matches('@') {
                return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            let data = src.gather().ok_or_else(|| released_error(vm))?;
            if let Some(dst) = exporter_bytes_mut(m.obj) {
                for (j, chunk) in data.chunks(m.itemsize).enumerate() {
                    let at = m.at((start + j as i64 * step) as usize);
                    if let Some(d) = dst.get_mut(at..at + m.itemsize) {
                        d.copy_from_slice(chunk);
                    }
                }
            }
            Ok(Value::NONE)
        }
    }
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

/// The items of a bytes-like value for comparison, or None.
fn values_of(vm: &mut Vm, v: Value) -> PyResult<Option<Rooted>> {
    let Some(m) = view_of(v) else {
        return Ok(None);
    };
    if layout(&m).is_none() {
        return Ok(None);
    }
    let mut out = Rooted::new();
    for i in 0..m.len {
        let x = item(vm, &m, i)?;
        out.push(x);
    }
    Ok(Some(out))
}

fn equal(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let this_v = a.pos[0];
    let other = a.pos.get(1).copied().unwrap_or(Value::NONE);
    let m = match payload::<MemoryView>(this_v) {
        Some(m) => m,
        None => return Ok(None),
    };
    if this_v == other {
        return Ok(Some(true));
    }
    if m.released.get() || payload::<MemoryView>(other).is_some_and(|o| o.released.get()) {
        return Ok(Some(false));
    }
    if view_of(other).is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (values_of(vm, this_v)?, values_of(vm, other)?) else {
        return Ok(Some(false));
    };
    if x.len() != y.len() {
        return Ok(Some(false));
    }
    for (p, q) in x.iter().zip(y.iter()) {
        let r = vm.compare(*p, *q, stitch_core::instr::cmpop::EQ)?;
        if !vm.truth(r)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match equal(vm, a)? {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented,
    })
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match equal(vm, a)? {
        Some(b) => Value::from_bool(!b),
        None => vm.not_implemented,
    })
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = me(vm, a)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let f = m.format.trim_start_matches('@');
    if f != "B" && f != "b" && f != "c" {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = m.gather().ok_or_else(|| released_error(vm))?;
    let tmp = bytes::new(vm, &b);
    let h = vm.hash(tmp)?;
    Ok(int::from_i64(vm, h))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = tolist(vm, a)?;
    vm.iter(l)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos[0];
    let released = payload::<MemoryView>(v).is_none_or(|m| m.released.get());
    let id = vm.id_of(v);
    let s = if released { format!("<released memory at {id:#x}>") } else { format!("<memory at {id:#x}>") };
    let _ = short_name;
    Ok(pystr::new(vm, &s))
}

fn g_obj(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(live(vm, v)?.obj)
}
fn g_nbytes(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(int::from_i64(vm, (m.len * m.itemsize) as i64))
}
fn g_readonly(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(live(vm, v)?.readonly))
}
fn g_itemsize(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(live(vm, v)?.itemsize as i64))
}
fn g_format(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = live(vm, v)?.format.clone();
    Ok(pystr::new(vm, &f))
}
fn g_ndim(vm: &mut Vm, v: Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(Value::small(1))
}
fn g_shape(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = live(vm, v)?.len;
    Ok(tuple::new(vm, &[Value::small(n as i64)]))
}
fn g_strides(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = live(vm, v)?.stride;
    Ok(tuple::new(vm, &[Value::small(s as i64)]))
}
fn g_suboffsets(vm: &mut Vm, v: Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(vm.empty_tuple)
}
fn g_contig(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(live(vm, v)?.contiguous()))
}
