//! The `array` module: typed arrays of machine values (`array.array` with every
//! typecode of CPython 3.11), stored as raw native bytes. Item conversions live
//! in `items.rs`, sequence operators in `seq.rs`, bytes-like access in `buffer.rs`.

pub mod buffer;
pub mod items;
pub mod memoryview;
mod seq;

pub use seq::ssize_arg as seq_ssize;

use std::cell::{Cell, UnsafeCell};

use stitch_core::value::Value;

use super::util::{iterator_methods, native_type, new_for_class, payload, this};
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::{self, NativeData};
use crate::object::{bytes, dict, int, list, module, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub const TYPE: &str = "array.array";

pub struct Array {
    pub code: u8,
    data: UnsafeCell<Vec<u8>>,
}

impl NativeData for Array {
    native_any!();
}

impl Array {
    pub fn new(code: u8, data: Vec<u8>) -> Array {
        Array { code, data: UnsafeCell::new(data) }
    }
    /// The raw bytes. Not to be kept across calls into Python code.
    pub fn bytes(&self) -> &'static [u8] {
        // SAFETY: single-threaded; the object outlives the use by the caller's contract.
        unsafe { &*(self.data.get() as *const Vec<u8>) }
    }
    /// The raw byte vector, for mutation (same contract as `bytes`).
    #[allow(clippy::mut_from_ref)]
    pub fn bytes_mut(&self) -> &'static mut Vec<u8> {
        // SAFETY: as for `bytes`; no other borrow is live across this.
        unsafe { &mut *self.data.get() }
    }
    pub fn isz(&self) -> usize {
        items::itemsize(self.code).unwrap_or(1)
    }
    pub fn len(&self) -> usize {
        self.bytes().len() / self.isz()
    }
    pub fn item(&self, vm: &mut Vm, i: usize) -> Value {
        let n = self.isz();
        match self.bytes().get(i * n..(i + 1) * n) {
            Some(b) => items::get(vm, self.code, b),
            None => Value::NONE,
        }
    }
    /// The bytes of `v` as one item.
    pub fn encode(&self, vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
        let mut out = vec![0u8; self.isz()];
        items::set(vm, self.code, v, &mut out)?;
        Ok(out)
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "array");
    let t = array_type(vm);
    module::set(vm, m, "array", t);
    module::set(vm, m, "ArrayType", t);
    super::util::set_str(vm, m, "typecodes", items::TYPECODES);
    super::util::add_fns(vm, m, &[("_array_reconstructor", reconstructor)]);
    let f = vm.getattr_str(m, "_array_reconstructor")?;
    vm.registry.insert("array._array_reconstructor", f);
    Ok(m)
}

fn array_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "array", "array", true);
    add_static(vm, t, &[("__new__", array_new)]);
    let defs: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("byteswap", byteswap),
        ("buffer_info", buffer_info),
        ("frombytes", frombytes),
        ("tobytes", tobytes),
        ("fromlist", fromlist),
        ("tolist", tolist),
        ("fromunicode", fromunicode),
        ("tounicode", tounicode),
        ("fromfile", fromfile),
        ("tofile", tofile),
        ("__copy__", copy),
        ("__deepcopy__", deepcopy),
        ("__reduce_ex__", reduce_ex),
        ("__sizeof__", sizeof),
        ("__repr__", repr),
        ("__iter__", iter),
    ];
    add_methods(vm, t, defs);
    seq::add(vm, t);
    add_getsets(vm, t, &[("typecode", typecode_get, None), ("itemsize", itemsize_get, None)]);
    let k = pystr::intern(vm, "__hash__");
    dict::set_str(types::ty(t).dict, k, Value::NONE);
    super::util::add_class_getitem(vm, t);
    let it = native_type(vm, "array", "arrayiterator", false);
    iterator_methods(vm, it);
    add_methods(vm, it, &[("__reduce__", iter_reduce)]);
    t
}

pub fn me(vm: &mut Vm, a: &Args, method: &str) -> PyResult<&'static Array> {
    this::<Array>(vm, a, TYPE, method)
}

/// A new exact `array.array`.
pub fn new_array(vm: &mut Vm, code: u8, data: Vec<u8>) -> Value {
    let t = vm.registry[TYPE];
    native::new(vm, t, Box::new(Array::new(code, data)))
}

/// One positional argument of a METH_O method.
fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    super::util::no_kw(vm, a, name)?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", a.pos.len() - 1)));
    }
    Ok(a.pos[1])
}

fn none(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    super::util::no_kw(vm, a, name)?;
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("{name}() takes no arguments ({} given)", a.pos.len() - 1)));
    }
    Ok(())
}

fn typecode_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = payload::<Array>(v).map(|a| a.code).unwrap_or(b'b');
    Ok(pystr::new(vm, &(c as char).to_string()))
}

fn itemsize_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(payload::<Array>(v).map(|a| a.isz()).unwrap_or(1) as i64))
}

// ---- construction ----

fn array_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let rest = &a.pos[1..];
    let own_init = types::lookup(cls, vm.names.init) != types::lookup(vm.registry[TYPE], vm.names.init);
    if a.has_kwargs() && !own_init {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    if rest.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({} given)", rest.len())));
    }
    let tc = rest[0];
    let code = match pystr::text_of(tc) {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
        Some(_) => return Err(vm.type_error("array() argument 1 must be a unicode character, not str")),
        None => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(tc)
            )));
        }
    };
    if !code.is_ascii() || items::itemsize(code as u8).is_none() {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let code = code as u8;
    let base = vm.registry[TYPE];
    let obj = new_for_class(vm, cls, base, Box::new(Array::new(code, Vec::new())));
    let Some(&init) = rest.get(1) else {
        return Ok(obj);
    };
    if init.is_none() {
        return Ok(obj);
    }
    let arr = payload::<Array>(obj).ok_or_else(|| vm.type_error("array expected"))?;
    if let Some(s) = pystr::text_of(init) {
        if code != b'u' {
            return Err(vm.type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code as char
            )));
        }
        push_unicode(arr, s);
        return Ok(obj);
    }
    if let Some(src) = payload::<Array>(init) {
        if src.code == b'u' && code != b'u' {
            return Err(vm.type_error(format!(
                "cannot use a unicode array to initialize an array with typecode '{}'",
                code as char
            )));
        }
        if src.code == code {
            let data = src.bytes().to_vec();
            arr.bytes_mut().extend_from_slice(&data);
            return Ok(obj);
        }
    }
    let raw = bytes::native(init).map(bytes::data).or_else(|| crate::object::bytearray::native(init).map(crate::object::bytearray::data));
    if let Some(b) = raw {
        let b = b.to_vec();
        add_bytes(vm, arr, &b)?;
        return Ok(obj);
    }
    extend_iter(vm, arr, init)?;
    Ok(obj)
}

fn push_unicode(arr: &Array, s: &str) {
    let v = arr.bytes_mut();
    for ch in s.chars() {
        v.extend_from_slice(&(ch as u32).to_le_bytes());
    }
}

fn add_bytes(vm: &mut Vm, arr: &Array, b: &[u8]) -> PyResult<()> {
    if b.len() % arr.isz() != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    arr.bytes_mut().extend_from_slice(b);
    Ok(())
}

/// Appends the items of any iterable, one at a time.
pub fn extend_iter(vm: &mut Vm, arr: &Array, src: Value) -> PyResult<()> {
    let it = vm.iter(src)?;
    while let Some(x) = vm.next(it)? {
        let b = arr.encode(vm, x)?;
        arr.bytes_mut().extend_from_slice(&b);
    }
    Ok(())
}

fn reconstructor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_array_reconstructor", 4, 4)?;
    let (cls, tc, items_) = (a.pos[0], a.pos[1], a.pos[3]);
    let code = pystr::text_of(tc).and_then(|s| s.bytes().next()).unwrap_or(0);
    if items::itemsize(code).is_none() {
        return Err(vm.value_error("second argument must be a valid type code"));
    }
    let data = buffer::read(vm, items_)?.to_vec();
    let base = vm.registry[TYPE];
    let obj = new_for_class(vm, cls, base, Box::new(Array::new(code, Vec::new())));
    if let Some(arr) = payload::<Array>(obj) {
        add_bytes(vm, arr, &data)?;
    }
    Ok(obj)
}

// ---- methods ----

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "append")?;
    let v = one(vm, a, "array.append")?;
    let b = arr.encode(vm, v)?;
    arr.bytes_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

/// `a.extend(src)` (also `+=`): arrays must share the typecode.
pub fn extend_with(vm: &mut Vm, arr: &Array, src: Value) -> PyResult<()> {
    if let Some(o) = payload::<Array>(src) {
        if o.code != arr.code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let data = o.bytes().to_vec();
        arr.bytes_mut().extend_from_slice(&data);
        return Ok(());
    }
    extend_iter(vm, arr, src)
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "extend")?;
    let v = one(vm, a, "array.extend")?;
    extend_with(vm, arr, v)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "insert")?;
    args::count(vm, &a.tail(), "insert", 2, 2)?;
    let i = seq::ssize_arg(vm, a.pos[1])?;
    let b = arr.encode(vm, a.pos[2])?;
    let n = arr.len() as i64;
    let mut j = if i < 0 { i + n } else { i };
    j = j.clamp(0, n);
    let at = j as usize * arr.isz();
    arr.bytes_mut().splice(at..at, b);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "pop")?;
    args::count(vm, &a.tail(), "pop", 0, 1)?;
    let i = match a.pos.get(1) {
        Some(&v) => seq::ssize_arg(vm, v)?,
        None => -1,
    };
    let n = arr.len();
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let Some(j) = list::position(i, n) else {
        return Err(vm.index_error("pop index out of range"));
    };
    let v = arr.item(vm, j);
    let s = arr.isz();
    arr.bytes_mut().drain(j * s..(j + 1) * s);
    Ok(v)
}

/// The position of the first item equal to `x` in `lo..hi`.
fn find(vm: &mut Vm, arr: &Array, x: Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    while i < hi.min(arr.len()) {
        let v = arr.item(vm, i);
        if seq::item_eq(vm, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "remove")?;
    let x = one(vm, a, "array.remove")?;
    match find(vm, arr, x, 0, usize::MAX)? {
        Some(j) => {
            let s = arr.isz();
            if j < arr.len() {
                arr.bytes_mut().drain(j * s..(j + 1) * s);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "index")?;
    args::count(vm, &a.tail(), "index", 1, 3)?;
    let n = arr.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
        let mut i = match v {
            Some(&v) => seq::ssize_arg(vm, v)?,
            None => default,
        };
        if i < 0 {
            i = (i + n).max(0);
        }
        Ok(i as usize)
    };
    let lo = bound(vm, a.pos.get(2), 0)?;
    let hi = bound(vm, a.pos.get(3), i64::MAX)?;
    match find(vm, arr, a.pos[1], lo, hi)? {
        Some(j) => Ok(Value::small(j as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "count")?;
    let x = one(vm, a, "array.count")?;
    let mut c = 0;
    let mut i = 0;
    while i < arr.len() {
        let v = arr.item(vm, i);
        if seq::item_eq(vm, v, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::small(c))
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "reverse")?;
    none(vm, a, "array.reverse")?;
    let s = arr.isz();
    let data = arr.bytes_mut();
    let out: Vec<u8> = data.chunks(s).rev().flatten().copied().collect();
    *data = out;
    Ok(Value::NONE)
}

fn byteswap(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "byteswap")?;
    none(vm, a, "array.byteswap")?;
    let s = arr.isz();
    for chunk in arr.bytes_mut().chunks_mut(s) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn buffer_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "buffer_info")?;
    none(vm, a, "array.buffer_info")?;
    let addr = int::from_u64(vm, arr.bytes().as_ptr() as u64);
    let n = int::from_i64(vm, arr.len() as i64);
    Ok(tuple::new(vm, &[addr, n]))
}

fn frombytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "frombytes")?;
    let v = one(vm, a, "array.frombytes")?;
    let b = buffer::read(vm, v)?.to_vec();
    add_bytes(vm, arr, &b)?;
    Ok(Value::NONE)
}

fn tobytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "tobytes")?;
    none(vm, a, "array.tobytes")?;
    Ok(bytes::new(vm, arr.bytes()))
}

fn fromlist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "fromlist")?;
    let v = one(vm, a, "array.fromlist")?;
    if list::native(v).is_none() {
        return Err(vm.type_error("arg must be list"));
    }
    let items_ = Rooted::from_vec(list::items(list::native(v).unwrap_or(v)).to_vec());
    let mut out = Vec::with_capacity(items_.len() * arr.isz());
    for &x in items_.iter() {
        out.extend(arr.encode(vm, x)?);
    }
    arr.bytes_mut().extend_from_slice(&out);
    Ok(Value::NONE)
}

/// The items as a list.
pub fn to_list(vm: &mut Vm, arr: &Array) -> Value {
    let l = list::new(vm, &[]);
    for i in 0..arr.len() {
        let v = arr.item(vm, i);
        list::push(list::vec(l), v);
    }
    l
}

fn tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "tolist")?;
    none(vm, a, "array.tolist")?;
    Ok(to_list(vm, arr))
}

fn fromunicode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "fromunicode")?;
    let v = one(vm, a, "array.fromunicode")?;
    let Some(s) = pystr::text_of(v) else {
        return Err(vm.type_error(format!("fromunicode() argument must be str, not {}", vm.type_name(v))));
    };
    if arr.code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    push_unicode(arr, s);
    Ok(Value::NONE)
}

/// The text of a `u` array.
pub fn to_string(arr: &Array) -> String {
    arr.bytes().chunks(4).map(|c| char::from_u32(items::code_point(c)).unwrap_or('\u{fffd}')).collect()
}

fn tounicode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "tounicode")?;
    none(vm, a, "array.tounicode")?;
    if arr.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s = to_string(arr);
    Ok(pystr::new(vm, &s))
}

fn fromfile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "fromfile")?;
    args::count(vm, &a.tail(), "fromfile", 2, 2)?;
    let n = seq::ssize_arg(vm, a.pos[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let want = (n as usize).saturating_mul(arr.isz());
    let w = int::from_i64(vm, want as i64);
    let data = vm.call_method(a.pos[1], "read", &[w])?;
    let Some(b) = bytes::native(data) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let b = bytes::data(b).to_vec();
    let whole = b.len() / arr.isz() * arr.isz();
    arr.bytes_mut().extend_from_slice(&b[..whole]);
    if b.len() != want {
        return Err(vm.new_error(vm.exc.eof_error, "read() didn't return enough bytes"));
    }
    Ok(Value::NONE)
}

fn tofile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "tofile")?;
    let f = one(vm, a, "array.tofile")?;
    const BLOCK: usize = 64 * 1024;
    let total = arr.bytes().len();
    let mut at = 0;
    while at < total {
        let end = (at + BLOCK).min(arr.bytes().len());
        if at >= end {
            break;
        }
        let chunk = bytes::new(vm, &arr.bytes()[at..end]);
        vm.call_method(f, "write", &[chunk])?;
        at = end;
    }
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__copy__")?;
    let data = arr.bytes().to_vec();
    Ok(new_array(vm, arr.code, data))
}

fn deepcopy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__deepcopy__")?;
    one(vm, a, "array.__deepcopy__")?;
    let data = arr.bytes().to_vec();
    Ok(new_array(vm, arr.code, data))
}

/// CPython's machine format code of a typecode (little-endian host).
fn mformat(code: u8) -> i64 {
    match code {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

fn reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__reduce_ex__")?;
    let proto = match a.pos.get(1) {
        Some(&p) => seq::ssize_arg(vm, p)?,
        None => 0,
    };
    let cls = vm.type_of(a.pos[0]);
    let tc = pystr::new(vm, &(arr.code as char).to_string());
    let d = match vm.getattr_str(a.pos[0], "__dict__") {
        Ok(d) if d.is_kind(stitch_core::layout::Kind::Dict) && dict::len(d) > 0 => d,
        _ => Value::NONE,
    };
    if proto < 3 {
        let l = to_list(vm, arr);
        let args_ = tuple::new(vm, &[tc, l]);
        return Ok(tuple::new(vm, &[cls, args_, d]));
    }
    let b = bytes::new(vm, arr.bytes());
    let args_ = tuple::new(vm, &[cls, tc, Value::small(mformat(arr.code)), b]);
    let f = vm.registry["array._array_reconstructor"];
    Ok(tuple::new(vm, &[f, args_, d]))
}

fn sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__sizeof__")?;
    Ok(int::from_i64(vm, 64 + arr.bytes_mut().capacity() as i64))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arr = me(vm, a, "__repr__")?;
    let name = super::util::short_name(vm.type_of(a.pos[0]));
    let c = arr.code as char;
    let s = if arr.len() == 0 {
        format!("{name}('{c}')")
    } else if arr.code == b'u' {
        let text = to_string(arr);
        let t = pystr::new(vm, &text);
        let r = vm.repr_string(t)?;
        format!("{name}('{c}', {r})")
    } else {
        let l = to_list(vm, arr);
        let r = vm.repr_string(l)?;
        format!("{name}('{c}', {r})")
    };
    Ok(pystr::new(vm, &s))
}

// ---- iteration ----

struct ArrayIter {
    arr: Value,
    pos: Cell<usize>,
}

impl NativeData for ArrayIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.arr);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let Some(arr) = payload::<Array>(self.arr) else {
            return Some(Ok(None));
        };
        let i = self.pos.get();
        if i >= arr.len() {
            self.pos.set(usize::MAX / 2);
            return Some(Ok(None));
        }
        self.pos.set(i + 1);
        Some(Ok(Some(arr.item(vm, i))))
    }
    native_any!();
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    me(vm, a, "__iter__")?;
    let t = vm.registry["array.arrayiterator"];
    Ok(native::new(vm, t, Box::new(ArrayIter { arr: a.pos[0], pos: Cell::new(0) })))
}

fn iter_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it: &ArrayIter = this(vm, a, "array.arrayiterator", "__reduce__")?;
    let f = vm.getattr_str(vm.builtins, "iter")?;
    let args_ = tuple::new(vm, &[it.arr]);
    let pos = int::from_i64(vm, it.pos.get().min(usize::MAX / 4) as i64);
    Ok(tuple::new(vm, &[f, args_, pos]))
}
