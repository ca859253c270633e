//! The `_struct` module: `pack`, `unpack`, `calcsize`, `iter_unpack`,
//! `pack_into`, `unpack_from`, `Struct` objects and `struct.error`. Formats are
//! parsed in `format.rs`; values are converted in `codec.rs`.

pub mod codec;
pub mod format;

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use self::codec::error;
use self::format::Layout;
use super::util::{iterator_methods, native_type, new_for_class, payload, this};
use crate::builtins::{add_methods, add_static, args};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::{self, GetSet, NativeData};
use crate::object::{bytes, dict, int, module, str as pystr, tuple, types};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_struct");
    let err = make_error(vm)?;
    module::set(vm, m, "error", err);
    let st = struct_type(vm);
    module::set(vm, m, "Struct", st);
    let it = native_type(vm, "_struct", "unpack_iterator", false);
    iterator_methods(vm, it);
    add_methods(vm, it, &[("__length_hint__", iter_length_hint)]);
    let fns: &[(&'static str, NativeFn)] = &[
        ("pack", m_pack),
        ("pack_into", m_pack_into),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
        ("iter_unpack", m_iter_unpack),
        ("calcsize", m_calcsize),
        ("_clearcache", m_clearcache),
    ];
    super::util::add_fns(vm, m, fns);
    super::util::set_str(
        vm,
        m,
        "__doc__",
        "Functions to convert between Python values and C structs.",
    );
    Ok(m)
}

/// `struct.error`, a subclass of Exception defined in module `struct` (created
/// once: memoryview raises it before `_struct` is imported).
pub fn make_error(vm: &mut Vm) -> PyResult<Value> {
    if let Some(&t) = vm.registry.get("_struct.error") {
        return Ok(t);
    }
    let name = pystr::new(vm, "error");
    let exc = vm.exc.exception;
    let bases = tuple::new(vm, &[exc]);
    let d = dict::new(vm);
    let modname = pystr::new(vm, "struct");
    dict::set_str(d, vm.names.module, modname);
    let t = vm.call(vm.types.type_, &[name, bases, d])?;
    vm.registry.insert("_struct.error", t);
    Ok(t)
}

// ---- Struct objects ----

pub struct Struct {
    layout: RefCell<Layout>,
    format: Cell<Value>,
}

impl NativeData for Struct {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.format.get());
    }
    native_any!();
}

fn struct_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "_struct", "Struct", true);
    add_static(vm, t, &[("__new__", struct_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", struct_init),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
            ("__sizeof__", s_sizeof),
        ],
    );
    add_getset(vm, t, "format", s_format);
    add_getset(vm, t, "size", s_size);
    t
}

/// A read-only attribute whose messages name `_struct.Struct`.
fn add_getset(
    vm: &mut Vm,
    ty: Value,
    name: &'static str,
    get: fn(&mut Vm, Value) -> PyResult<Value>,
) {
    let gs_ty = vm.types.getset_descriptor;
    let d = native::new(
        vm,
        gs_ty,
        Box::new(GetSet {
            name,
            get,
            set: None,
            owner: "_struct.Struct",
            objclass: ty,
        }),
    );
    let k = pystr::intern(vm, name);
    dict::set_str(types::ty(ty).dict, k, d);
}

/// The bytes of a format argument and its str form, or CPython's TypeError.
fn format_arg(vm: &mut Vm, f: Value) -> PyResult<(Vec<u8>, Value)> {
    if let Some(s) = pystr::text_of(f) {
        if !s.is_ascii() {
            crate::text::codecs::encode(vm, s, "ascii", "strict")?;
        }
        let v = pystr::new(vm, s);
        return Ok((s.as_bytes().to_vec(), v));
    }
    if let Some(b) = bytes::native(f) {
        let d = bytes::data(b).to_vec();
        let text: String = d.iter().map(|&c| c as char).collect();
        let v = pystr::new(vm, &text);
        return Ok((d, v));
    }
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(f)
    )))
}

fn parse_format(vm: &mut Vm, f: Value) -> PyResult<(Layout, Value)> {
    let (fmt, text) = format_arg(vm, f)?;
    match format::parse(&fmt) {
        Ok(l) => Ok((l, text)),
        Err(msg) => Err(error(vm, msg)),
    }
}

fn struct_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let rest = a.tail();
    if rest.pos.len() + rest.kwnames.len() > 1 {
        let n = rest.pos.len() + rest.kwnames.len();
        return Err(vm.type_error(format!("Struct() takes at most 1 argument ({n} given)")));
    }
    let [f] = args::parse::<1>(vm, &rest, &args::Sig::new("Struct", &["format"], 1))?;
    let (layout, text) = parse_format(vm, f)?;
    let base = vm.registry["_struct.Struct"];
    let data = Struct {
        layout: RefCell::new(layout),
        format: Cell::new(text),
    };
    Ok(new_for_class(vm, cls, base, Box::new(data)))
}

fn struct_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s: &Struct = this(vm, a, "_struct.Struct", "__init__")?;
    let [f] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("Struct", &["format"], 1))?;
    let (layout, text) = parse_format(vm, f)?;
    *s.layout.borrow_mut() = layout;
    s.format.set(text);
    Ok(Value::NONE)
}

fn s_format(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(payload::<Struct>(v)
        .map(|s| s.format.get())
        .unwrap_or(Value::NONE))
}

fn s_size(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = payload::<Struct>(v)
        .map(|s| s.layout.borrow().size)
        .unwrap_or(0);
    Ok(int::from_i64(vm, n as i64))
}

fn s_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s: &Struct = this(vm, a, "_struct.Struct", "__sizeof__")?;
    let n = 72 + 32 * (s.layout.borrow().codes.len() + 1);
    Ok(int::from_i64(vm, n as i64))
}

/// The layout of a Struct argument or a format (module functions).
fn layout_of(vm: &mut Vm, f: Value) -> PyResult<Layout> {
    if let Some(s) = payload::<Struct>(f) {
        return Ok(s.layout.borrow().clone());
    }
    if !f.is_kind(stitch_core::layout::Kind::Str) && bytes::native(f).is_none() {
        // The module's cache is a dict: unhashable formats fail there first.
        vm.hash(f)?;
    }
    Ok(parse_format(vm, f)?.0)
}

fn layout_self(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Layout> {
    let s: &Struct = this(vm, a, "_struct.Struct", method)?;
    Ok(s.layout.borrow().clone())
}

// ---- operations ----

fn do_pack(vm: &mut Vm, l: &Layout, vals: &[Value]) -> PyResult<Value> {
    if vals.len() != l.items {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                l.items,
                vals.len()
            ),
        ));
    }
    let mut out = super::array::buffer::zeroed(vm, l.size)?;
    codec::pack(vm, l, vals, &mut out)?;
    Ok(bytes::new(vm, &out))
}

fn do_unpack(vm: &mut Vm, l: &Layout, buf: Value) -> PyResult<Value> {
    let data = super::array::buffer::read(vm, buf)?;
    if data.len() != l.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    let data = data.to_vec();
    codec::unpack(vm, l, &data)
}

fn do_unpack_from(vm: &mut Vm, l: &Layout, buf: Value, offset: Value) -> PyResult<Value> {
    let data = super::array::buffer::read(vm, buf)?.to_vec();
    let off = if offset.is_null() {
        0
    } else {
        offset_arg(vm, offset)?
    };
    let len = data.len() as i64;
    let size = l.size as i64;
    let mut start = off;
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if -off < size {
            return Err(error(
                vm,
                format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        start = off + len;
    }
    if len - start < size {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {start} (actual buffer size is {len})",
                size as i128 + start as i128
            ),
        ));
    }
    let s = start as usize;
    codec::unpack(vm, l, &data[s..s + l.size])
}

fn offset_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    int::to_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn do_pack_into(vm: &mut Vm, l: &Layout, rest: &[Value]) -> PyResult<Value> {
    let Some(&buf) = rest.first() else {
        return Err(error(vm, "pack_into expected buffer argument"));
    };
    let Some(&offset) = rest.get(1) else {
        return Err(error(vm, "pack_into expected offset argument"));
    };
    let vals = &rest[2..];
    if vals.len() != l.items {
        return Err(error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                l.items,
                vals.len()
            ),
        ));
    }
    let len = super::array::buffer::writable_len(vm, buf)? as i64;
    let off = offset_arg(vm, offset)?;
    let size = l.size as i64;
    let mut start = off;
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if -off < size {
            return Err(error(
                vm,
                format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        start = off + len;
    }
    if len - start < size {
        return Err(error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {start} (actual buffer size is {len})",
                size as i128 + start as i128
            ),
        ));
    }
    let mut out = super::array::buffer::zeroed(vm, l.size)?;
    codec::pack(vm, l, vals, &mut out)?;
    super::array::buffer::write(vm, buf, start as usize, &out)?;
    Ok(Value::NONE)
}

// ---- unpack_iterator ----

struct UnpackIter {
    layout: Layout,
    buf: Value,
    pos: Cell<usize>,
}

impl NativeData for UnpackIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.buf);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let data = match super::array::buffer::read(vm, self.buf) {
            Ok(d) => d,
            Err(e) => return Some(Err(e)),
        };
        let p = self.pos.get();
        let n = self.layout.size;
        if p + n > data.len() {
            return Some(Ok(None));
        }
        let chunk = data[p..p + n].to_vec();
        self.pos.set(p + n);
        Some(codec::unpack(vm, &self.layout, &chunk).map(Some))
    }
    native_any!();
}

fn do_iter_unpack(vm: &mut Vm, l: Layout, buf: Value) -> PyResult<Value> {
    if l.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = super::array::buffer::read(vm, buf)?;
    if data.len() % l.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    let t = vm.registry["_struct.unpack_iterator"];
    Ok(native::new(
        vm,
        t,
        Box::new(UnpackIter {
            layout: l,
            buf,
            pos: Cell::new(0),
        }),
    ))
}

fn iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it: &UnpackIter = this(vm, a, "_struct.unpack_iterator", "__length_hint__")?;
    let len = super::array::buffer::read(vm, it.buf)
        .map(|d| d.len())
        .unwrap_or(0);
    let left = len.saturating_sub(it.pos.get()) / it.layout.size.max(1);
    Ok(int::from_i64(vm, left as i64))
}

// ---- module functions ----

fn m_pack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::util::no_kw(vm, a, "pack")?;
    let Some(&f) = a.pos.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let l = layout_of(vm, f)?;
    do_pack(vm, &l, &a.pos[1..])
}

fn m_pack_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::util::no_kw(vm, a, "pack_into")?;
    let Some(&f) = a.pos.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let l = layout_of(vm, f)?;
    do_pack_into(vm, &l, &a.pos[1..])
}

fn m_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "unpack", 2, 2)?;
    let l = layout_of(vm, a.pos[0])?;
    do_unpack(vm, &l, a.pos[1])
}

fn m_unpack_from(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = args::Sig {
        posonly_until: 1,
        ..args::Sig::new("unpack_from", &["format", "buffer", "offset"], 2)
    };
    let [f, buf, off] = args::parse::<3>(vm, a, &sig)?;
    let l = layout_of(vm, f)?;
    do_unpack_from(vm, &l, buf, off)
}

fn m_iter_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "iter_unpack", 2, 2)?;
    let l = layout_of(vm, a.pos[0])?;
    do_iter_unpack(vm, l, a.pos[1])
}

fn m_calcsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::util::no_kw(vm, a, "_struct.calcsize")?;
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_struct.calcsize() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    let l = layout_of(vm, a.pos[0])?;
    Ok(int::from_i64(vm, l.size as i64))
}

fn m_clearcache(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

// ---- Struct methods ----

fn s_pack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = layout_self(vm, a, "pack")?;
    super::util::no_kw(vm, a, "pack")?;
    do_pack(vm, &l, &a.pos[1..])
}

fn s_pack_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = layout_self(vm, a, "pack_into")?;
    super::util::no_kw(vm, a, "pack_into")?;
    do_pack_into(vm, &l, &a.pos[1..])
}

fn s_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = layout_self(vm, a, "unpack")?;
    let [buf] = args::parse::<1>(
        vm,
        &a.tail(),
        &args::Sig::positional("unpack", &["buffer"], 1),
    )?;
    do_unpack(vm, &l, buf)
}

fn s_unpack_from(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = layout_self(vm, a, "unpack_from")?;
    let [buf, off] = args::parse::<2>(
        vm,
        &a.tail(),
        &args::Sig::new("unpack_from", &["buffer", "offset"], 1),
    )?;
    do_unpack_from(vm, &l, buf, off)
}

fn s_iter_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = layout_self(vm, a, "iter_unpack")?;
    let [buf] = args::parse::<1>(
        vm,
        &a.tail(),
        &args::Sig::positional("iter_unpack", &["buffer"], 1),
    )?;
    do_iter_unpack(vm, l, buf)
}
