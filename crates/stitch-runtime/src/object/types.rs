//! Type objects: layout, creation (builtin and user classes), C3 method resolution
//! order, attribute lookup along the MRO, and version tags for inline caches.

use stitch_core::layout::{Header, Kind, TypePrefix};
use stitch_core::value::Value;

use super::{ValueExt, dict};
use crate::gc::Tracer;
use crate::vm::{Args, PyResult, Vm};

/// A native `__new__`: builds an instance of `cls` (a subtype of the builtin type).
pub type NewFn = fn(&mut Vm, Value, &Args) -> PyResult<Value>;

/// Type flags (`TypePrefix::flags`).
pub mod flags {
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1;
    /// Defined by a class statement (attributes can be set).
    pub const HEAPTYPE: u32 = 2;
    /// Some class in the MRO overrides `__getattribute__`.
    pub const CUSTOM_GETATTRIBUTE: u32 = 4;
    /// Some class in the MRO defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 8;
    /// Some class in the MRO overrides `__setattr__` or `__delattr__`.
    pub const CUSTOM_SETATTR: u32 = 16;
    /// A subclass of BaseException.
    pub const EXCEPTION: u32 = 32;
    /// Instances have no `__dict__` (`__slots__` without `__dict__`).
    pub const NO_DICT: u32 = 64;
    /// Instances are immutable builtins (no attribute assignment at all).
    pub const IMMUTABLE: u32 = 128;
    /// Some class in the MRO defines `__del__`.
    pub const HAS_DEL: u32 = 256;
}

#[repr(C)]
pub struct TypeObj {
    pub prefix: TypePrefix,
    pub name: String,
    pub qualname: String,
    pub bases: Vec<Value>,
    pub mro: Vec<Value>,
    /// The namespace (a dict).
    pub dict: Value,
    /// The layout of instances.
    pub layout: Kind,
    /// The builtin type whose layout instances extend (`object` for plain classes).
    pub native_base: Value,
    pub subclasses: Vec<Value>,
    /// Inline attribute slots to give new instances.
    pub slot_hint: usize,
    /// The empty shape of instances of this type.
    pub root_shape: Value,
    pub new: Option<NewFn>,
    /// Names declared in `__slots__` (a tuple) or NULL.
    pub slots: Value,
}

impl TypeObj {
    pub fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.bases);
        t.mark_all(&self.mro);
        t.mark(self.dict);
        t.mark(self.native_base);
        t.mark_all(&self.subclasses);
        t.mark(self.root_shape);
        t.mark(self.slots);
    }
}

/// The type object behind a type value.
#[inline]
pub fn ty(v: Value) -> &'static mut TypeObj {
    // SAFETY: callers pass type objects.
    unsafe { v.raw::<TypeObj>() }
}

pub fn is_type(v: Value) -> bool {
    v.is_kind(Kind::Type)
}

static NEXT_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// The type's version tag, assigning a fresh one if it has none (never 0).
pub fn version(t: Value) -> u32 {
    let to = ty(t);
    if to.prefix.version == 0 {
        to.prefix.version = NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    to.prefix.version
}

/// Forgets the version of `t` and of every subclass (their attributes changed).
pub fn invalidate(t: Value) {
    let mut work = vec![t];
    while let Some(x) = work.pop() {
        let to = ty(x);
        to.prefix.version = 0;
        work.extend(to.subclasses.iter().copied());
    }
}

/// Allocates a bare type object (no dict entries yet).
pub fn alloc_type(vm: &mut Vm, metatype: Value, name: &str, layout: Kind, fl: u32) -> Value {
    let d = dict::new(vm);
    let t = TypeObj {
        prefix: TypePrefix {
            header: Header::new(Kind::Type),
            version: 0,
            flags: fl,
        },
        name: name.to_string(),
        qualname: name.to_string(),
        bases: Vec::new(),
        mro: Vec::new(),
        dict: d,
        layout,
        native_base: Value::NULL,
        subclasses: Vec::new(),
        slot_hint: 4,
        root_shape: Value::NULL,
        new: None,
        slots: Value::NULL,
    };
    vm.alloc_obj(metatype, t)
}

/// Sets the bases of a type and computes its MRO (C3 linearisation).
pub fn set_bases(vm: &mut Vm, t: Value, bases: Vec<Value>) -> PyResult<()> {
    let mro = compute_mro(vm, t, &bases)?;
    for b in &bases {
        ty(*b).subclasses.push(t);
    }
    let to = ty(t);
    to.bases = bases;
    to.mro = mro;
    Ok(())
}

/// `cls.__bases__ = new`: recomputes the MROs of `t` and its subclasses (all or
/// nothing: an inconsistent MRO anywhere leaves every class as it was).
pub fn replace_bases(vm: &mut Vm, t: Value, new: Vec<Value>) -> PyResult<()> {
    let old = std::mem::replace(&mut ty(t).bases, new.clone());
    // Subclasses in an order where each class comes after its bases.
    let mut order = vec![t];
    let mut i = 0;
    while i < order.len() {
        for s in ty(order[i]).subclasses.clone() {
            order.retain(|x| *x != s);
            order.push(s);
        }
        i += 1;
    }
    let old_mros: Vec<Vec<Value>> = order.iter().map(|c| ty(*c).mro.clone()).collect();
    for c in &order {
        let bases = ty(*c).bases.clone();
        match compute_mro(vm, *c, &bases) {
            Ok(m) => ty(*c).mro = m,
            Err(e) => {
                for (c, m) in order.iter().zip(old_mros) {
                    ty(*c).mro = m;
                }
                ty(t).bases = old;
                return Err(e);
            }
        }
    }
    for b in &old {
        ty(*b).subclasses.retain(|x| *x != t);
    }
    for b in &new {
        ty(*b).subclasses.push(t);
    }
    invalidate(t);
    Ok(())
}

/// C3 linearisation of `t` with `bases`.
pub fn compute_mro(vm: &mut Vm, t: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| ty(*b).mro.clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![t];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&head)) {
                candidate = Some(head);
                break;
            }
        }
        let Some(c) = candidate else {
            let names: Vec<String> = {
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                heads.iter().map(|h| ty(*h).name.clone()).collect()
            };
            return Err(vm.new_error(
                vm.exc.type_error,
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            ));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// Looks `name` (a str) up along the MRO of `t`.
#[inline]
pub fn lookup(t: Value, name: Value) -> Option<Value> {
    lookup_with_owner(t, name).map(|(v, _)| v)
}

/// Like `lookup`, also returning the class where it was found.
///
/// Answers (found or not) are cached by the type's version tag and the name's
/// address: versions are never reused and change whenever the type or a base is
/// modified, and the cache is emptied by every collection, before an address can be
/// reused.
pub fn lookup_with_owner(t: Value, name: Value) -> Option<(Value, Value)> {
    let version = version(t);
    let slot = cache_slot(version, name);
    let hit = LOOKUP_CACHE.with(|c| {
        // SAFETY: the cache is only touched by this thread, never re-entrantly.
        let e = unsafe { &(*c.get())[slot] };
        (e.version == version && e.name == name).then_some((e.value, e.owner))
    });
    if let Some((value, owner)) = hit {
        return if value.is_null() {
            None
        } else {
            Some((value, owner))
        };
    }
    let found = lookup_uncached(t, name);
    let (value, owner) = found.unwrap_or((Value::NULL, Value::NULL));
    LOOKUP_CACHE.with(|c| {
        // SAFETY: as above.
        unsafe {
            (*c.get())[slot] = CacheEntry {
                version,
                name,
                value,
                owner,
            }
        };
    });
    found
}

fn lookup_uncached(t: Value, name: Value) -> Option<(Value, Value)> {
    for c in &ty(t).mro {
        if let Some(v) = dict::get_str(ty(*c).dict, name) {
            return Some((v, *c));
        }
    }
    None
}

const LOOKUP_CACHE_SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct CacheEntry {
    version: u32,
    name: Value,
    value: Value,
    owner: Value,
}

const EMPTY_ENTRY: CacheEntry = CacheEntry {
    version: 0,
    name: Value::NULL,
    value: Value::NULL,
    owner: Value::NULL,
};

thread_local! {
    /// The type attribute cache of `lookup_with_owner`.
    static LOOKUP_CACHE: std::cell::UnsafeCell<[CacheEntry; LOOKUP_CACHE_SIZE]> =
        const { std::cell::UnsafeCell::new([EMPTY_ENTRY; LOOKUP_CACHE_SIZE]) };
}

#[inline]
fn cache_slot(version: u32, name: Value) -> usize {
    let h = (version as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (name.0 >> 4);
    (h ^ (h >> 29)) as usize & (LOOKUP_CACHE_SIZE - 1)
}

/// Empties the type attribute cache (every collection does, see `lookup_with_owner`).
pub fn clear_lookup_cache() {
    LOOKUP_CACHE.with(|c| {
        // SAFETY: as above.
        unsafe { (*c.get()).fill(EMPTY_ENTRY) };
    });
}

/// True when `sub` is `sup` or derives from it.
#[inline]
pub fn is_subtype(sub: Value, sup: Value) -> bool {
    sub == sup || ty(sub).mro.contains(&sup)
}

/// The type's name as shown in messages.
pub fn name(t: Value) -> &'static str {
    &ty(t).name
}

/// Recomputes the flags that depend on which special methods the MRO defines.
pub fn update_flags(vm: &mut Vm, t: Value) {
    let mut work = vec![t];
    while let Some(x) = work.pop() {
        let getattribute = lookup(x, vm.names.getattribute);
        let getattr = lookup(x, vm.names.getattr);
        let setattr = lookup(x, vm.names.setattr);
        let delattr = lookup(x, vm.names.delattr);
        let del = lookup(x, vm.names.del);
        let obj_dict = ty(vm.types.object).dict;
        let obj_getattribute = dict::get_str(obj_dict, vm.names.getattribute);
        let obj_setattr = dict::get_str(obj_dict, vm.names.setattr);
        let obj_delattr = dict::get_str(obj_dict, vm.names.delattr);
        let to = ty(x);
        let mut f = to.prefix.flags
            & !(flags::CUSTOM_GETATTRIBUTE
                | flags::HAS_GETATTR
                | flags::CUSTOM_SETATTR
                | flags::HAS_DEL);
        if getattribute.is_some() && getattribute != obj_getattribute {
            f |= flags::CUSTOM_GETATTRIBUTE;
        }
        if getattr.is_some() {
            f |= flags::HAS_GETATTR;
        }
        if del.is_some() {
            crate::gc::note_del_class();
            f |= flags::HAS_DEL;
        }
        if (setattr.is_some() && setattr != obj_setattr)
            || (delattr.is_some() && delattr != obj_delattr)
        {
            f |= flags::CUSTOM_SETATTR;
        }
        to.prefix.flags = f;
        work.extend(to.subclasses.iter().copied());
    }
}

/// The type of any value.
#[inline]
pub fn type_of(vm: &Vm, v: Value) -> Value {
    if v.is_ptr() {
        // SAFETY: heap objects always have a type.
        Value::from_ptr(unsafe { (*v.header()).ty })
    } else if v.is_float() {
        vm.types.float
    } else if v.is_small_int() {
        vm.types.int
    } else if v.is_bool() {
        vm.types.bool
    } else {
        vm.types.none_type
    }
}
