//! The abstract object protocol: attribute access (with descriptors), repr and str,
//! hashing, equality and ordering, truth, length, iteration, subscription,
//! instantiation and isinstance, with fast paths for builtin kinds and the special
//! method fallbacks Python defines.

use stitch_core::instr::cmpop;
use stitch_core::layout::{InstanceObj, Kind, ListObj, MethodObj, TupleObj};
use stitch_core::value::Value;

use super::{Args, PyErr, PyResult, Vm};
use crate::object::native::{self, NativeObj};
use crate::object::types::{self, TypeObj, flags};
use crate::object::{
    BuiltinObj, ExceptionObj, ModuleObj, ValueExt, dict, float, instance, int, list, str as pystr,
    tuple,
};

/// What a class attribute is, as a descriptor.
enum Descr {
    /// A Python function: binds as a method.
    Function,
    /// A native method: binds its first argument.
    NativeMethod,
    /// A data descriptor (defines `__set__`/`__delete__`): wins over instance attributes.
    Data,
    /// Has `__get__` only.
    NonData,
    /// Not a descriptor.
    Plain,
}

impl Vm {
    pub fn type_of(&self, v: Value) -> Value {
        types::type_of(self, v)
    }

    pub fn type_name(&self, v: Value) -> &'static str {
        types::name(self.type_of(v))
    }

    fn classify(&self, attr: Value) -> Descr {
        match attr.kind() {
            Some(Kind::Function) => Descr::Function,
            Some(Kind::Builtin) => {
                let b = unsafe { attr.raw::<BuiltinObj>() };
                if b.is_method() {
                    Descr::NativeMethod
                } else {
                    Descr::Plain
                }
            }
            Some(Kind::Native) => match native::descriptor_kind(attr) {
                native::DescrKind::Data => Descr::Data,
                native::DescrKind::NonData => Descr::NonData,
                native::DescrKind::None => Descr::Plain,
            },
            Some(Kind::Instance) => {
                let t = self.type_of(attr);
                if types::lookup(t, self.names.set).is_some()
                    || types::lookup(t, self.names.delete).is_some()
                {
                    Descr::Data
                } else if types::lookup(t, self.names.get).is_some() {
                    Descr::NonData
                } else {
                    Descr::Plain
                }
            }
            _ => Descr::Plain,
        }
    }

    /// `descr.__get__(obj, owner)` for a descriptor found on a class.
    pub fn descr_get(&mut self, attr: Value, obj: Value, owner: Value) -> PyResult<Value> {
        match attr.kind() {
            Some(Kind::Function) => {
                if obj.is_null() || obj.is_none() && owner != self.types.none_type {
                    Ok(attr)
                } else {
                    Ok(self.new_method(attr, obj))
                }
            }
            Some(Kind::Builtin) => {
                if obj.is_null() {
                    Ok(attr)
                } else {
                    Ok(crate::object::function::bind_builtin(self, attr, obj))
                }
            }
            Some(Kind::Native) => native::descr_get(self, attr, obj, owner),
            _ => {
                let t = self.type_of(attr);
                match types::lookup(t, self.names.get) {
                    Some(get) => {
                        let o = if obj.is_null() { Value::NONE } else { obj };
                        self.call(get, &[attr, o, owner])
                    }
                    None => Ok(attr),
                }
            }
        }
    }

    pub fn new_method(&mut self, func: Value, self_: Value) -> Value {
        let ty = self.types.method;
        self.alloc_obj(
            ty,
            MethodObj {
                header: stitch_core::layout::Header::new(Kind::Method),
                func,
                self_,
            },
        )
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_raw(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// `getattr(obj, name)` by Rust name.
    pub fn getattr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = pystr::intern(self, name);
        self.getattr(obj, n)
    }

    /// Attribute lookup that returns `None` instead of raising AttributeError (also
    /// one raised by a descriptor or `__getattr__`, as CPython's
    /// `_PyObject_LookupAttr`).
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        match self.getattr_raw(obj, name) {
            Err(e) if self.is_instance_of(e.0, self.exc.attribute_error) => Ok(None),
            r => r,
        }
    }

    /// Attribute lookup: `None` when nothing is found, errors (AttributeErrors
    /// raised by descriptors included) propagated.
    fn getattr_raw(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let tf = types::ty(ty).prefix.flags;
        if tf & (flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR) != 0 {
            return self.getattr_custom(obj, name, ty, tf);
        }
        if obj.is_kind(Kind::Type) {
            return self.type_getattr(obj, name);
        }
        self.generic_getattr(obj, name)
    }

    fn getattr_custom(
        &mut self,
        obj: Value,
        name: Value,
        ty: Value,
        tf: u32,
    ) -> PyResult<Option<Value>> {
        let r = if tf & flags::CUSTOM_GETATTRIBUTE != 0 {
            let ga = types::lookup(ty, self.names.getattribute).expect("flagged __getattribute__");
            match self.call(ga, &[obj, name]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.is_instance_of(e.0, self.exc.attribute_error) => {
                    if tf & flags::HAS_GETATTR == 0 {
                        return Err(e);
                    }
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        } else if obj.is_kind(Kind::Type) {
            self.type_getattr(obj, name)
        } else {
            self.generic_getattr(obj, name)
        }?;
        if r.is_some() || tf & flags::HAS_GETATTR == 0 {
            return Ok(r);
        }
        let ga = types::lookup(ty, self.names.getattr).expect("flagged __getattr__");
        match self.call(ga, &[obj, name]) {
            Ok(v) => Ok(Some(v)),
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__`.
    pub fn generic_getattr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let attr = types::lookup(ty, name);
        let kind = attr.map(|a| self.classify(a));
        if let (Some(a), Some(Descr::Data)) = (attr, &kind) {
            return self.descr_get(a, obj, ty).map(Some);
        }
        if let Some(v) = self.instance_attr(obj, name)? {
            return Ok(Some(v));
        }
        match (attr, kind) {
            (Some(a), Some(Descr::Function)) => Ok(Some(self.new_method(a, obj))),
            (Some(a), Some(Descr::NativeMethod)) => {
                Ok(Some(crate::object::function::bind_builtin(self, a, obj)))
            }
            (Some(a), Some(Descr::NonData)) => self.descr_get(a, obj, ty).map(Some),
            // A bound method delegates other attributes to its function (its type's
            // dict has a `__module__` entry that CPython's method type lacks).
            (Some(_), _) | (None, _)
                if obj.is_kind(Kind::Method) && (attr.is_none() || name == self.names.module) =>
            {
                let f = unsafe { obj.raw::<MethodObj>() }.func;
                self.getattr_opt(f, name)
            }
            (Some(a), _) => Ok(Some(a)),
            (None, _) => Ok(None),
        }
    }

    /// The object's own attribute (instance dict or shape slots), if it has one.
    pub fn instance_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        match obj.kind() {
            Some(Kind::Instance) => Ok(instance::get_attr(self, obj, name)),
            Some(Kind::Module) => {
                let d = unsafe { obj.raw::<ModuleObj>() }.dict;
                Ok(dict::get_str(d, name))
            }
            Some(Kind::Exception) => {
                let d = unsafe { obj.raw::<ExceptionObj>() }.dict;
                if d.is_null() {
                    Ok(None)
                } else {
                    Ok(dict::get_str(d, name))
                }
            }
            Some(Kind::Function) => {
                let d = unsafe { obj.raw::<crate::object::FunctionObj>() }.dict;
                if d.is_null() {
                    Ok(None)
                } else {
                    Ok(dict::get_str(d, name))
                }
            }
            Some(Kind::Native) => native::instance_attr(self, obj, name),
            _ => Ok(None),
        }
    }

    /// `type.__getattribute__`: metatype data descriptors, then the class's MRO, then
    /// the metatype.
    pub fn type_getattr(&mut self, cls: Value, name: Value) -> PyResult<Option<Value>> {
        let meta = self.type_of(cls);
        let meta_attr = types::lookup(meta, name);
        if let Some(ma) = meta_attr
            && matches!(self.classify(ma), Descr::Data)
        {
            return self.descr_get(ma, cls, meta).map(Some);
        }
        if let Some(a) = types::lookup(cls, name) {
            return match self.classify(a) {
                Descr::Function | Descr::Plain => Ok(Some(a)),
                Descr::NativeMethod => Ok(Some(a)),
                _ => self.descr_get(a, Value::NULL, cls).map(Some),
            };
        }
        if let Some(ma) = meta_attr {
            return match self.classify(ma) {
                Descr::Plain => Ok(Some(ma)),
                _ => self.descr_get(ma, cls, meta).map(Some),
            };
        }
        Ok(None)
    }

    pub fn attribute_error(&mut self, obj: Value, name: Value) -> PyErr {
        let n = pystr::as_str(name);
        let msg = if obj.is_kind(Kind::Type) {
            format!(
                "type object '{}' has no attribute '{}'",
                types::name(obj),
                n
            )
        } else if obj.is_kind(Kind::Module) {
            let mname = self.module_name(obj);
            format!("module '{mname}' has no attribute '{n}'")
        } else {
            format!("'{}' object has no attribute '{}'", self.type_name(obj), n)
        };
        let e = self.new_error(self.exc.attribute_error, msg);
        crate::object::exception::set_attr_error_info(self, e.0, obj, name);
        e
    }

    fn module_name(&mut self, m: Value) -> String {
        let d = unsafe { m.raw::<ModuleObj>() }.dict;
        match dict::get_str(d, self.names.name) {
            Some(v) if v.is_kind(Kind::Str) => pystr::as_str(v).to_string(),
            _ => "?".to_string(),
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if types::ty(ty).prefix.flags & flags::CUSTOM_SETATTR != 0 {
            let f = types::lookup(ty, self.names.setattr).expect("flagged __setattr__");
            self.call(f, &[obj, name, value])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__` (and `object.__delattr__` when `value` is NULL).
    pub fn generic_setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        if obj.is_kind(Kind::Type) {
            return self.type_setattr(obj, name, value);
        }
        let ty = self.type_of(obj);
        if let Some(a) = types::lookup(ty, name)
            && matches!(self.classify(a), Descr::Data)
        {
            return native::descr_set(self, a, obj, value);
        }
        let stored = match obj.kind() {
            Some(Kind::Instance) => {
                if types::ty(ty).prefix.flags & flags::NO_DICT != 0 && !self.in_slots(ty, name) {
                    false
                } else if value.is_null() {
                    if !instance::del_attr(self, obj, name) {
                        return Err(self.attribute_error(obj, name));
                    }
                    true
                } else {
                    instance::set_attr(self, obj, name, value);
                    true
                }
            }
            Some(Kind::Module) => {
                let d = unsafe { obj.raw::<ModuleObj>() }.dict;
                self.dict_store(d, obj, name, value)?;
                true
            }
            Some(Kind::Exception) => {
                let e = unsafe { obj.raw::<ExceptionObj>() };
                if e.dict.is_null() {
                    e.dict = dict::new(self);
                }
                let d = e.dict;
                self.dict_store(d, obj, name, value)?;
                true
            }
            Some(Kind::Function) => {
                let f = unsafe { obj.raw::<crate::object::FunctionObj>() };
                if f.dict.is_null() {
                    f.dict = dict::new(self);
                }
                let d = f.dict;
                self.dict_store(d, obj, name, value)?;
                true
            }
            _ => false,
        };
        if !stored {
            let n = pystr::as_str(name);
            let has = types::lookup(ty, name).is_some();
            let msg = if has {
                format!(
                    "'{}' object attribute '{}' is read-only",
                    self.type_name(obj),
                    n
                )
            } else {
                format!("'{}' object has no attribute '{}'", self.type_name(obj), n)
            };
            return Err(self.new_error(self.exc.attribute_error, msg));
        }
        Ok(())
    }

    /// True when `name` is declared in the `__slots__` of a class in the MRO.
    pub fn in_slots(&self, ty: Value, name: Value) -> bool {
        let n = pystr::as_str(name);
        types::ty(ty).mro.iter().any(|c| {
            let s = types::ty(*c).slots;
            !s.is_null() && tuple::items(s).iter().any(|x| pystr::as_str(*x) == n)
        })
    }

    fn dict_store(&mut self, d: Value, obj: Value, name: Value, value: Value) -> PyResult<()> {
        if value.is_null() {
            if dict::remove_str(d, name).is_none() {
                return Err(self.attribute_error(obj, name));
            }
        } else {
            dict::set_str(d, name, value);
        }
        Ok(())
    }

    fn type_setattr(&mut self, cls: Value, name: Value, value: Value) -> PyResult<()> {
        let meta = self.type_of(cls);
        if let Some(a) = types::lookup(meta, name)
            && matches!(self.classify(a), Descr::Data)
        {
            return native::descr_set(self, a, cls, value);
        }
        if types::ty(cls).prefix.flags & flags::HEAPTYPE == 0 {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                pystr::as_str(name),
                types::name(cls)
            )));
        }
        let d = types::ty(cls).dict;
        self.dict_store(d, cls, name, value)?;
        types::invalidate(cls);
        if pystr::as_str(name).starts_with("__") {
            types::update_flags(self, cls);
        }
        Ok(())
    }

    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if types::ty(ty).prefix.flags & flags::CUSTOM_SETATTR != 0
            && let Some(f) = types::lookup(ty, self.names.delattr)
        {
            self.call(f, &[obj, name])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, Value::NULL)
    }

    /// Looks up a special method on the type of `obj` (not the instance).
    #[inline]
    pub fn lookup_special(&self, obj: Value, name: Value) -> Option<Value> {
        types::lookup(self.type_of(obj), name)
    }

    /// Calls the special method `name` of `obj`'s type with `obj` first; `None` if the
    /// type does not define it.
    pub fn call_special(
        &mut self,
        obj: Value,
        name: Value,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(f) = self.lookup_special(obj, name) else {
            return Ok(None);
        };
        match f.kind() {
            Some(Kind::Function) | Some(Kind::Builtin) => {
                // The receiver and arguments in a stack buffer (no heap vector).
                let mut buf = [Value::NULL; 4];
                if args.len() < buf.len() {
                    buf[0] = obj;
                    buf[1..=args.len()].copy_from_slice(args);
                    return self.call(f, &buf[..=args.len()]).map(Some);
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj);
                all.extend_from_slice(args);
                let all = crate::gc::Rooted::from_vec(all);
                self.call(f, &all).map(Some)
            }
            _ => {
                let ty = self.type_of(obj);
                let bound = self.descr_get(f, obj, ty)?;
                self.call(bound, args).map(Some)
            }
        }
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.getattr_str(obj, name)?;
        self.call(m, args)
    }

    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        super::call::call(self, f, args)
    }

    pub fn call_kw(&mut self, f: Value, args: &Args) -> PyResult<Value> {
        super::call::call_args(self, f, args)
    }

    // ---- repr and str ----

    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        if v.is_kind(Kind::Str) {
            let s = crate::builtins::strings::repr(pystr::as_str(v));
            return Ok(pystr::new(self, &s));
        }
        if let Some(s) = self.repr_fast(v) {
            return Ok(pystr::new(self, &s));
        }
        self.enter_recursion(" while getting the repr of an object")?;
        let r = self.repr_slow(v);
        self.leave_recursion();
        r
    }

    /// repr of immediates and numbers without calling Python.
    fn repr_fast(&self, v: Value) -> Option<String> {
        if v.is_float() {
            return Some(float::repr(v.as_f64()));
        }
        if v.is_small_int() {
            return Some(v.small_value().to_string());
        }
        if v.is_none() {
            return Some("None".into());
        }
        if v.is_bool() {
            return Some(if v.is_true() {
                "True".into()
            } else {
                "False".into()
            });
        }
        None
    }

    fn repr_slow(&mut self, v: Value) -> PyResult<Value> {
        let r = match self.call_special(v, self.names.repr, &[])? {
            Some(r) => r,
            None => {
                let s = self.default_repr(v);
                pystr::new(self, &s)
            }
        };
        if pystr::text_of(r).is_none() {
            return Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                self.type_name(r)
            )));
        }
        Ok(r)
    }

    /// `<module.Name object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> String {
        let t = self.type_of(v);
        let module = dict::get_str(types::ty(t).dict, self.names.module)
            .filter(|m| m.is_kind(Kind::Str))
            .map(|m| pystr::as_str(m).to_string());
        let qn = types::ty(t).qualname.clone();
        match module {
            Some(m) if m != "builtins" => format!("<{m}.{qn} object at {:#x}>", self.id_of(v)),
            _ => format!("<{qn} object at {:#x}>", self.id_of(v)),
        }
    }

    /// `id(v)`.
    pub fn id_of(&self, v: Value) -> u64 {
        if v.is_ptr() {
            v.ptr::<u8>() as u64
        } else {
            v.0 & 0xffff_ffff_ffff
        }
    }

    /// repr as a Rust string.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(pystr::text_of(r).unwrap_or("").to_string())
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if v.is_kind(Kind::Str) {
            return Ok(v);
        }
        if let Some(s) = self.repr_fast(v) {
            return Ok(pystr::new(self, &s));
        }
        let ty = self.type_of(v);
        let f = types::lookup(ty, self.names.str);
        let obj_str = dict::get_str(types::ty(self.types.object).dict, self.names.str);
        if f.is_none() || f == obj_str {
            return self.repr(v);
        }
        let r = self
            .call_special(v, self.names.str, &[])?
            .unwrap_or(Value::NONE);
        if pystr::text_of(r).is_none() {
            return Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(r)
            )));
        }
        if !r.is_kind(Kind::Str) {
            let s = pystr::text_of(r).unwrap_or("").to_string();
            return Ok(pystr::new(self, &s));
        }
        Ok(r)
    }

    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(pystr::as_str(r).to_string())
    }

    // ---- recursion guard for native recursion ----

    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit
            || crate::gc::stack::approx_sp() < self.native_stack_limit
        {
            self.depth -= 1;
            return Err(self.new_error(
                self.exc.recursion_error,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        Ok(())
    }

    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    // ---- hashing ----

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(int::hash_i64(v.small_value()));
        }
        if v.is_float() {
            return Ok(float::hash(v.as_f64()));
        }
        match v.kind() {
            Some(Kind::Str) => return Ok(pystr::hash(v)),
            Some(Kind::Int) => {
                return Ok(int::hash_obj(unsafe { v.raw::<crate::object::IntObj>() }));
            }
            Some(Kind::Tuple) => return tuple::hash(self, v),
            None => {
                if v.is_bool() {
                    return Ok(v.is_true() as i64);
                }
                // None: CPython hashes its address; any fixed value will do.
                return Ok(0x3a4b_5c6d_7e8f);
            }
            _ => {}
        }
        let ty = self.type_of(v);
        match types::lookup(ty, self.names.hash) {
            Some(h) if h.is_none() => {
                Err(self.type_error(format!("unhashable type: '{}'", types::name(ty))))
            }
            Some(h) if !is_default_hash(self, h) => {
                let r = self
                    .call_special(v, self.names.hash, &[])?
                    .unwrap_or(Value::NONE);
                if r.is_small_int() {
                    let x = r.small_value();
                    return Ok(if x == -1 { -2 } else { x });
                }
                if let Some(b) = r.get::<crate::object::IntObj>() {
                    // A result that fits a Py_hash_t is used as is (-1 becomes -2).
                    return Ok(match int::to_i64(r) {
                        Some(-1) => -2,
                        Some(x) => x,
                        None => int::hash_obj(b),
                    });
                }
                Err(self.type_error("__hash__ method should return an integer"))
            }
            _ => Ok(pointer_hash(self.id_of(v))),
        }
    }

    // ---- comparison ----

    /// `a == b` as a bool, with the identity shortcut containers use.
    pub fn eq_bool(&mut self, a: Value, b: Value) -> PyResult<bool> {
        // Identity implies equality here (as in CPython's containers), also for a
        // NaN compared with itself.
        if a == b {
            return Ok(true);
        }
        if a.is_float() && b.is_float() {
            return Ok(a.as_f64() == b.as_f64());
        }
        let r = self.compare(a, b, cmpop::EQ)?;
        self.truth(r)
    }

    /// Rich comparison `a <op> b`.
    pub fn compare(&mut self, a: Value, b: Value, op: u32) -> PyResult<Value> {
        if let Some(r) = super::ops::compare_fast(self, a, b, op)? {
            return Ok(r);
        }
        self.enter_recursion(" in comparison")?;
        let r = self.compare_slow(a, b, op);
        self.leave_recursion();
        r
    }

    fn compare_slow(&mut self, a: Value, b: Value, op: u32) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let name = self.cmp_name(op);
        let rname = self.cmp_name(cmpop::swapped(op));
        let mut reflected_tried = false;
        if ta != tb && types::is_subtype(tb, ta) && types::lookup(tb, rname).is_some() {
            reflected_tried = true;
            if let Some(r) = self.call_special(b, rname, &[a])?
                && r != self.not_implemented
            {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_special(a, name, &[b])?
            && r != self.not_implemented
        {
            return Ok(r);
        }
        if !reflected_tried
            && let Some(r) = self.call_special(b, rname, &[a])?
            && r != self.not_implemented
        {
            return Ok(r);
        }
        match op {
            cmpop::EQ => Ok(Value::from_bool(a == b)),
            cmpop::NE => Ok(Value::from_bool(a != b)),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                stitch_core::instr::cmpop::SYMBOLS[op as usize],
                types::name(ta),
                types::name(tb)
            ))),
        }
    }

    fn cmp_name(&self, op: u32) -> Value {
        match op {
            cmpop::LT => self.names.lt,
            cmpop::LE => self.names.le,
            cmpop::EQ => self.names.eq,
            cmpop::NE => self.names.ne,
            cmpop::GT => self.names.gt,
            _ => self.names.ge,
        }
    }

    // ---- truth, length ----

    pub fn truth(&mut self, v: Value) -> PyResult<bool> {
        if v.is_bool() {
            return Ok(v.is_true());
        }
        if v.is_none() {
            return Ok(false);
        }
        if v.is_small_int() {
            return Ok(v.small_value() != 0);
        }
        if v.is_float() {
            return Ok(v.as_f64() != 0.0);
        }
        match v.kind() {
            Some(Kind::Str) => return Ok(pystr::char_len(v) != 0),
            Some(Kind::List) => return Ok(unsafe { v.raw::<ListObj>() }.items.len != 0),
            Some(Kind::Tuple) => return Ok(unsafe { v.raw::<TupleObj>() }.len != 0),
            Some(Kind::Dict) => return Ok(dict::len(v) != 0),
            Some(Kind::Int) => return Ok(true),
            Some(Kind::Function) | Some(Kind::Type) | Some(Kind::Module) | Some(Kind::Builtin) => {
                return Ok(true);
            }
            _ => {}
        }
        if let Some(r) = self.call_special(v, self.names.bool_, &[])? {
            if r.is_bool() {
                return Ok(r.is_true());
            }
            return Err(self.type_error(format!(
                "__bool__ should return bool, returned {}",
                self.type_name(r)
            )));
        }
        if self.lookup_special(v, self.names.len).is_some() {
            return Ok(self.len(v)? != 0);
        }
        Ok(true)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        match v.kind() {
            Some(Kind::Str) => return Ok(pystr::char_len(v)),
            Some(Kind::List) => return Ok(unsafe { v.raw::<ListObj>() }.items.len),
            Some(Kind::Tuple) => return Ok(unsafe { v.raw::<TupleObj>() }.len),
            Some(Kind::Dict) => return Ok(dict::len(v)),
            _ => {}
        }
        match self.call_special(v, self.names.len, &[])? {
            Some(r) => {
                let n = self.index_value(r).map_err(|_| {
                    self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(r)
                    ))
                })?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    /// An int usable as an index (`__index__`), as i64; OverflowError-free callers
    /// use `index_big` for the full value.
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(v.small_value());
        }
        if v.is_bool() {
            return Ok(v.is_true() as i64);
        }
        let i = self.index(v)?;
        match int::to_i64(i) {
            Some(x) => Ok(x),
            None => Err(self.new_error(
                self.exc.overflow_error,
                "Python int too large to convert to C ssize_t",
            )),
        }
    }

    /// `operator.index(v)`: an int value.
    pub fn index(&mut self, v: Value) -> PyResult<Value> {
        if v.is_small_int() || v.is_kind(Kind::Int) {
            return Ok(v);
        }
        if v.is_bool() {
            return Ok(Value::small(v.is_true() as i64));
        }
        if let Some(n) = int::native(v) {
            return Ok(n);
        }
        match self.call_special(v, self.names.index, &[])? {
            Some(r) if r.is_small_int() || r.is_kind(Kind::Int) => Ok(r),
            Some(r) => Err(self.type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(r)
            ))),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    // ---- iteration ----

    /// `iter(v)`.
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        if let Some(it) = crate::object::native::iter_fast(self, v) {
            return Ok(it);
        }
        if let Some(r) = self.call_special(v, self.names.iter, &[])? {
            if self.lookup_special(r, self.names.next).is_none() && !is_native_iterator(r) {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(r)
                )));
            }
            return Ok(r);
        }
        if self.lookup_special(v, self.names.getitem).is_some() {
            return Ok(crate::object::native::seq_iter(self, v));
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if let Some(r) = crate::object::native::next_fast(self, it)? {
            return Ok(r);
        }
        match self.call_special(it, self.names.next, &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
            Err(e) if self.is_instance_of(e.0, self.exc.stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every item of an iterable.
    pub fn collect_iter(&mut self, v: Value) -> PyResult<crate::gc::Rooted> {
        if let Some(l) = v.get::<ListObj>() {
            return Ok(crate::gc::Rooted::from_vec(l.items.as_slice().to_vec()));
        }
        if let Some(t) = v.get::<TupleObj>() {
            return Ok(crate::gc::Rooted::from_vec(t.as_slice().to_vec()));
        }
        let it = self.iter(v)?;
        let mut out = crate::gc::Rooted::new();
        while let Some(x) = self.next(it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ---- subscription ----

    /// The native dict behind an instance of a dict subclass whose special method
    /// `name` is dict's own (not overridden).
    #[inline]
    fn inherited_dict_slot(&self, c: Value, name: Value) -> Option<Value> {
        let d = unsafe { c.raw::<InstanceObj>() }.base;
        if !d.is_kind(Kind::Dict) {
            return None;
        }
        let (_, owner) = types::lookup_with_owner(self.type_of(c), name)?;
        (owner == self.types.dict).then_some(d)
    }

    /// True for objects of exactly type `bytearray`.
    #[inline]
    fn is_exact_bytearray(&self, c: Value) -> bool {
        // SAFETY: callers pass heap objects.
        unsafe { (*c.header()).ty.cast::<u8>() == self.types.bytearray.header().cast::<u8>() }
    }

    pub fn getitem(&mut self, c: Value, k: Value) -> PyResult<Value> {
        match c.kind() {
            Some(Kind::List) => return list::getitem(self, c, k),
            Some(Kind::Tuple) => return tuple::getitem(self, c, k),
            Some(Kind::Dict) => {
                return match dict::get(self, c, k)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(k)),
                };
            }
            Some(Kind::Str) => return crate::builtins::strings::getitem(self, c, k),
            Some(Kind::Bytes) => return crate::builtins::bytes::getitem(self, c, k),
            Some(Kind::Instance) => {
                if let Some(d) = self.inherited_dict_slot(c, self.names.getitem) {
                    // dict.__getitem__ of a dict subclass, without the call.
                    if let Some(v) = dict::get(self, d, k)? {
                        return Ok(v);
                    }
                    if let Some(m) = self.lookup_special(c, self.names.missing) {
                        return self.call(m, &[c, k]);
                    }
                    return Err(self.key_error(k));
                }
            }
            Some(Kind::Native) if k.is_small_int() && self.is_exact_bytearray(c) => {
                let d = crate::object::bytearray::data(c);
                return match list::position(k.small_value(), d.len()) {
                    Some(j) => Ok(Value::small(d[j] as i64)),
                    None => Err(self.index_error("bytearray index out of range")),
                };
            }
            _ => {}
        }
        if let Some(r) = self.call_special(c, self.names.getitem, &[k])? {
            return Ok(r);
        }
        if c.is_kind(Kind::Type) {
            if c == self.types.type_ {
                return crate::object::native::generic_alias(self, c, k);
            }
            if let Some(f) = types::lookup(c, self.names.class_getitem) {
                let f = self.descr_get(f, Value::NULL, c)?;
                return self.call(f, &[k]);
            }
            return Err(self.type_error(format!("type '{}' is not subscriptable", types::name(c))));
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(c)
        )))
    }

    pub fn setitem(&mut self, c: Value, k: Value, v: Value) -> PyResult<()> {
        match c.kind() {
            Some(Kind::List) => return list::setitem(self, c, k, v),
            Some(Kind::Dict) => return dict::set(self, c, k, v),
            Some(Kind::Instance) => {
                if let Some(d) = self.inherited_dict_slot(c, self.names.setitem) {
                    return dict::set(self, d, k, v);
                }
            }
            Some(Kind::Native)
                if k.is_small_int()
                    && v.is_small_int()
                    && (0..256).contains(&v.small_value())
                    && self.is_exact_bytearray(c) =>
            {
                if let Some(d) = crate::object::bytearray::vec_mut(c) {
                    match list::position(k.small_value(), d.len()) {
                        Some(j) => d[j] = v.small_value() as u8,
                        None => return Err(self.index_error("bytearray index out of range")),
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        if self.call_special(c, self.names.setitem, &[k, v])?.is_some() {
            return Ok(());
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(c)
        )))
    }

    pub fn delitem(&mut self, c: Value, k: Value) -> PyResult<()> {
        match c.kind() {
            Some(Kind::List) => return list::delitem(self, c, k),
            Some(Kind::Dict) => {
                return match dict::remove(self, c, k)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(k)),
                };
            }
            _ => {}
        }
        if self.call_special(c, self.names.delitem, &[k])?.is_some() {
            return Ok(());
        }
        // CPython: types with the sequence protocol fail in PySequence_DelItem
        // ("doesn't") for an integer key; the others in PyObject_DelItem.
        let seq = matches!(
            c.kind(),
            Some(Kind::Str | Kind::Bytes | Kind::Tuple | Kind::Set | Kind::Instance | Kind::Native)
        );
        let index = k.is_small_int() || crate::object::int::is_int(k);
        let verb = if seq && index { "doesn't" } else { "does not" };
        Err(self.type_error(format!(
            "'{}' object {verb} support item deletion",
            self.type_name(c)
        )))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        match container.kind() {
            Some(Kind::Dict) => return Ok(dict::get(self, container, item)?.is_some()),
            Some(Kind::Str) => {
                let Some(s) = pystr::text_of(item) else {
                    return Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    )));
                };
                let hay = pystr::as_str(container);
                if let [b] = s.as_bytes() {
                    // One ASCII character: a byte search.
                    return Ok(hay.as_bytes().contains(b));
                }
                return Ok(hay.contains(s));
            }
            Some(Kind::List) | Some(Kind::Tuple) => {
                // By position over the live items (an __eq__ may change the list).
                let mut i = 0;
                loop {
                    let items = if container.is_kind(Kind::List) {
                        unsafe { container.raw::<ListObj>() }.items.as_slice()
                    } else {
                        tuple::items(container)
                    };
                    let Some(&x) = items.get(i) else {
                        return Ok(false);
                    };
                    i += 1;
                    let eq = match super::ops::primitive_cmp(x, item) {
                        Some(ord) => ord == Some(std::cmp::Ordering::Equal) || x == item,
                        None => self.eq_bool(x, item)?,
                    };
                    if eq {
                        return Ok(true);
                    }
                }
            }
            Some(Kind::Set) => return crate::object::set::contains(self, container, item),
            _ => {}
        }
        if let Some(r) = self.call_special(container, self.names.contains, &[item])? {
            return self.truth(r);
        }
        if self.lookup_special(container, self.names.iter).is_none()
            && self.lookup_special(container, self.names.getitem).is_none()
            && crate::object::native::iter_fast(self, container).is_none()
        {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(it)? {
            if self.eq_bool(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ---- types ----

    pub fn is_instance_of(&self, v: Value, cls: Value) -> bool {
        types::is_subtype(self.type_of(v), cls)
    }

    /// `isinstance(v, cls)` with `__instancecheck__` and tuples.
    pub fn isinstance(&mut self, v: Value, cls: Value) -> PyResult<bool> {
        if cls.is_kind(Kind::Type) {
            if self.is_instance_of(v, cls) {
                return Ok(true);
            }
            let meta = self.type_of(cls);
            if meta == self.types.type_ {
                return Ok(false);
            }
        }
        if let Some(t) = cls.get::<TupleObj>() {
            // A tuple's items never change: read them in place by position.
            for i in 0..t.len {
                let c = t.as_slice()[i];
                if self.isinstance(v, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(f) = self.lookup_special(cls, self.names.instancecheck) {
            let r = self.call(f, &[cls, v])?;
            return self.truth(r);
        }
        if !cls.is_kind(Kind::Type) {
            return Err(
                self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
            );
        }
        Ok(false)
    }

    /// `issubclass(sub, cls)` with `__subclasscheck__` and tuples.
    pub fn issubclass(&mut self, sub: Value, cls: Value) -> PyResult<bool> {
        if let Some(t) = cls.get::<TupleObj>() {
            for i in 0..t.len {
                let c = t.as_slice()[i];
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if cls.is_kind(Kind::Type) && self.type_of(cls) == self.types.type_ {
            if !sub.is_kind(Kind::Type) {
                return Err(self.type_error("issubclass() arg 1 must be a class"));
            }
            return Ok(types::is_subtype(sub, cls));
        }
        if let Some(f) = self.lookup_special(cls, self.names.subclasscheck) {
            let r = self.call(f, &[cls, sub])?;
            return self.truth(r);
        }
        if !cls.is_kind(Kind::Type) {
            return Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        if !sub.is_kind(Kind::Type) {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        Ok(types::is_subtype(sub, cls))
    }
}

/// `cls(*args)`: `__new__` then `__init__`.
pub fn call_type(vm: &mut Vm, cls: Value, args: &Args) -> PyResult<Value> {
    if cls == vm.types.type_ && args.pos.len() == 1 && !args.has_kwargs() {
        return Ok(vm.type_of(args.pos[0]));
    }
    // A metaclass with its own __call__.
    let meta = vm.type_of(cls);
    if meta != vm.types.type_
        && let Some(c) = types::lookup(meta, vm.names.call)
        && !c.is_kind(Kind::Builtin)
    {
        if !c.is_kind(Kind::Function) {
            // Any other descriptor binds as usual (a class stored as `__call__`
            // is called as it is).
            let bound = vm.descr_get(c, cls, meta)?;
            return vm.call_kw(bound, args);
        }
        let mut pos = vec![cls];
        pos.extend_from_slice(args.pos);
        return vm.call_kw(
            c,
            &Args {
                pos: &pos,
                kwnames: args.kwnames,
                kwvals: args.kwvals,
            },
        );
    }
    type_call_default(vm, cls, args)
}

/// Runs `f` on `[first, rest...]`, gathered on the native stack (where the
/// collector sees it) when short, else in a rooted vector.
fn with_prepended<R>(first: Value, rest: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    const N: usize = 8;
    if rest.len() < N {
        let mut buf = [Value::NULL; N];
        buf[0] = first;
        buf[1..=rest.len()].copy_from_slice(rest);
        f(std::hint::black_box(&buf[..=rest.len()]))
    } else {
        let mut v = crate::gc::Rooted::from_vec(Vec::with_capacity(rest.len() + 1));
        v.push(first);
        v.extend_from_slice(rest);
        f(&v)
    }
}

/// `type.__call__`: `cls.__new__(cls, *args)` then, for an instance of cls,
/// `obj.__init__(*args)`.
pub fn type_call_default(vm: &mut Vm, cls: Value, args: &Args) -> PyResult<Value> {
    let new = types::lookup(cls, vm.names.new);
    let obj = match new {
        Some(n) => {
            let n = match n.get::<NativeObj>() {
                Some(_) => vm.descr_get(n, Value::NULL, cls)?,
                None => n,
            };
            with_prepended(cls, args.pos, |pos| {
                vm.call_kw(
                    n,
                    &Args {
                        pos,
                        kwnames: args.kwnames,
                        kwvals: args.kwvals,
                    },
                )
            })?
        }
        None => {
            return Err(vm.type_error(format!("cannot create '{}' instances", types::name(cls))));
        }
    };
    if !vm.is_instance_of(obj, cls) {
        return Ok(obj);
    }
    if let Some(init) = types::lookup(cls, vm.names.init) {
        let r = with_prepended(obj, args.pos, |pos| {
            vm.call_kw(
                init,
                &Args {
                    pos,
                    kwnames: args.kwnames,
                    kwvals: args.kwvals,
                },
            )
        })?;
        if !r.is_none() {
            return Err(vm.type_error(format!(
                "__init__() should return None, not '{}'",
                vm.type_name(r)
            )));
        }
    }
    Ok(obj)
}

fn is_default_hash(vm: &Vm, h: Value) -> bool {
    dict::get_str(types::ty(vm.types.object).dict, vm.names.hash) == Some(h)
}

/// CPython's hash of an object address.
pub fn pointer_hash(addr: u64) -> i64 {
    let y = addr.rotate_right(4) as i64;
    if y == -1 { -2 } else { y }
}

fn is_native_iterator(v: Value) -> bool {
    matches!(
        v.kind(),
        Some(Kind::ListIter)
            | Some(Kind::TupleIter)
            | Some(Kind::RangeIter)
            | Some(Kind::Generator)
    ) || crate::object::native::is_iterator(v)
}

/// Instance objects: the native object behind a builtin-subclass instance.
pub fn native_base(v: Value) -> Value {
    match v.get::<InstanceObj>() {
        Some(i) if !i.base.is_null() => i.base,
        _ => v,
    }
}

#[allow(dead_code)]
fn _types_used(_: &TypeObj) {}
