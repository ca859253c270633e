//! Bootstrapping: creating the VM, the builtin types (which need each other: `type`
//! is its own type, every type has a dict, dicts need str keys), the exception
//! hierarchy, and the builtins and sys modules.

use std::collections::HashMap;

use stitch_core::layout::{Header, Kind, TypePrefix};
use stitch_core::value::Value;

use super::tables::{EXCEPTIONS, ExcTypes, Names, Types};
use super::{Options, Vm};
use crate::gc::Heap;
use crate::object::types::{self, TypeObj, flags};
use crate::object::{dict, str as pystr, tuple};

/// Allocates a type object before dicts exist (its dict is filled in later).
fn raw_type(vm: &mut Vm, name: &str, layout: Kind, fl: u32) -> Value {
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
        dict: Value::NULL,
        layout,
        native_base: Value::NULL,
        subclasses: Vec::new(),
        slot_hint: 4,
        root_shape: Value::NULL,
        new: None,
        slots: Value::NULL,
    };
    vm.alloc_obj(Value::NULL, t)
}

impl Vm {
    /// A fully initialised VM.
    pub fn new(options: Options) -> Box<Vm> {
        let jit = super::tier2::Jit::from_options(&options.xoptions);
        let (stack_base, stack_end, frames_base, frames_end) = Vm::new_stacks();
        let (stack_lo, native_stack_base) = crate::gc::stack::thread_stack_bounds();
        // Leave room below the limit for raising and printing the RecursionError.
        let native_stack_limit = stack_lo + (native_stack_base - stack_lo) / 8;
        let mut vm = Box::new(Vm {
            heap: Heap::new(),
            types: Types::empty(),
            exc: ExcTypes::empty(),
            names: Names::empty(),
            interned: HashMap::new(),
            empty_str: Value::NULL,
            ascii_chars: Vec::new(),
            empty_tuple: Value::NULL,
            not_implemented: Value::NULL,
            ellipsis: Value::NULL,
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            sys: Value::NULL,
            modules: Value::NULL,
            registry: HashMap::new(),
            stack_base,
            stack_end,
            frames_base,
            frames_end,
            frame: std::ptr::null_mut(),
            scratch_top: stack_base,
            exc_info: Value::NULL,
            pending: Value::NULL,
            reraise: false,
            recursion_limit: 1000,
            depth: 0,
            native_stack_base,
            native_stack_limit,
            options,
            source_cache: HashMap::new(),
            int_max_str_digits: 4300,
            collections: 0,
            stats: None,
            binop_names: Vec::new(),
            jit,
            gc_enabled: true,
            gc_paused: 1,
            repr_guard: Vec::new(),
            finalize_queue: Vec::new(),
        });
        vm.bootstrap_types();
        crate::builtins::init(&mut vm);
        crate::builtins::exception_group::init(&mut vm);
        crate::vm::asyncgen::init(&mut vm);
        vm.gc_paused = 0;
        // Start with no cached type lookups from the bootstrap, whose type dicts
        // were filled without version bumps.
        crate::object::types::clear_lookup_cache();
        if vm.options.stats {
            vm.stats = Some(super::stats::Stats::new());
        }
        vm
    }

    fn bootstrap_types(&mut self) {
        use Kind as K;
        let base = flags::BASETYPE;
        let t = &mut self.types;
        let _ = t;
        macro_rules! mk {
            ($field:ident, $name:literal, $kind:expr, $fl:expr) => {
                let v = raw_type(self, $name, $kind, $fl);
                self.types.$field = v;
            };
        }
        mk!(type_, "type", K::Type, base);
        mk!(object, "object", K::Instance, base);
        mk!(dict, "dict", K::Dict, base);
        mk!(str, "str", K::Str, base);
        mk!(tuple, "tuple", K::Tuple, base);
        mk!(int, "int", K::Int, base);
        mk!(bool, "bool", K::Int, 0);
        mk!(float, "float", K::Instance, base);
        mk!(complex, "complex", K::Native, base);
        mk!(bytes, "bytes", K::Bytes, base);
        mk!(bytearray, "bytearray", K::Native, base);
        mk!(list, "list", K::List, base);
        mk!(set, "set", K::Set, base);
        mk!(frozenset, "frozenset", K::Set, base);
        mk!(range, "range", K::Native, 0);
        mk!(slice, "slice", K::Native, 0);
        mk!(none_type, "NoneType", K::Instance, 0);
        mk!(not_implemented_type, "NotImplementedType", K::Instance, 0);
        mk!(ellipsis_type, "ellipsis", K::Instance, 0);
        mk!(function, "function", K::Function, 0);
        mk!(
            builtin_function,
            "builtin_function_or_method",
            K::Builtin,
            0
        );
        mk!(method_descriptor, "method_descriptor", K::Builtin, 0);
        mk!(wrapper_descriptor, "wrapper_descriptor", K::Builtin, 0);
        mk!(method, "method", K::Method, 0);
        mk!(code, "code", K::Code, 0);
        mk!(cell, "cell", K::Cell, 0);
        mk!(module, "module", K::Module, base);
        mk!(generator, "generator", K::Generator, 0);
        mk!(coroutine, "coroutine", K::Generator, 0);
        mk!(async_generator, "async_generator", K::Generator, 0);
        mk!(property, "property", K::Native, base);
        mk!(classmethod, "classmethod", K::Native, base);
        mk!(staticmethod, "staticmethod", K::Native, base);
        mk!(super_, "super", K::Native, base);
        mk!(list_iterator, "list_iterator", K::ListIter, 0);
        mk!(tuple_iterator, "tuple_iterator", K::TupleIter, 0);
        mk!(range_iterator, "range_iterator", K::RangeIter, 0);
        mk!(traceback, "traceback", K::Native, 0);
        mk!(frame, "frame", K::Native, 0);
        mk!(shape, "shape", K::Shape, 0);
        mk!(native, "native", K::Native, 0);
        mk!(getset_descriptor, "getset_descriptor", K::Native, 0);
        mk!(member_descriptor, "member_descriptor", K::Native, 0);
        mk!(mappingproxy, "mappingproxy", K::Native, 0);
        // Every type is an instance of `type` and has a namespace.
        let all = self.all_builtin_types();
        for t in &all {
            // SAFETY: t is a type object.
            unsafe { (*t.header()).ty = self.types.type_.ptr() };
        }
        for t in &all {
            let d = dict::new(self);
            types::ty(*t).dict = d;
        }
        // Strings now exist: small strings and names.
        self.empty_str = pystr::alloc_str(self, "");
        for c in 0u8..128 {
            let s = pystr::alloc_str(self, &(c as char).to_string());
            self.ascii_chars.push(s);
        }
        Names::init_all(self);
        self.empty_tuple = tuple::new_of_type(self, self.types.tuple, &[]);
        // Bases and MROs.
        let object = self.types.object;
        types::ty(object).mro = vec![object];
        types::ty(object).native_base = object;
        for t in all {
            if t == object {
                continue;
            }
            let b = if t == self.types.bool {
                self.types.int
            } else {
                object
            };
            types::set_bases(self, t, vec![b]).expect("consistent builtin MRO");
            types::ty(t).native_base = t;
        }
        types::ty(self.types.none_type).native_base = object;
        for (field, name, parent) in EXCEPTIONS {
            let t = raw_type(self, name, Kind::Exception, base | flags::EXCEPTION);
            // SAFETY: t is a type object.
            unsafe { (*t.header()).ty = self.types.type_.ptr() };
            let d = dict::new(self);
            types::ty(t).dict = d;
            let p = if field == parent {
                object
            } else {
                self.exc.get(parent).expect("parent declared first")
            };
            types::set_bases(self, t, vec![p]).expect("consistent exception MRO");
            types::ty(t).native_base = self
                .exc
                .get("base_exception")
                .filter(|v| !v.is_null())
                .unwrap_or(t);
            *self.exc.get_mut(field).expect("exception field") = t;
        }
        // Singletons.
        self.not_implemented = crate::object::instance::new(self, self.types.not_implemented_type);
        self.ellipsis = crate::object::instance::new(self, self.types.ellipsis_type);
        // `__module__` of builtin types.
        let builtins_name = pystr::intern(self, "builtins");
        let mut every = self.all_builtin_types();
        for (field, _, _) in EXCEPTIONS {
            every.push(self.exc.get(field).expect("exception"));
        }
        for t in every {
            dict::set_str(types::ty(t).dict, self.names.module, builtins_name);
            // Every class has a `__doc__` (None.__doc__ must not raise).
            if dict::get_str(types::ty(t).dict, self.names.doc).is_none() {
                dict::set_str(types::ty(t).dict, self.names.doc, Value::NONE);
            }
        }
    }

    /// Every builtin type in the `Types` table.
    pub fn all_builtin_types(&self) -> Vec<Value> {
        let t = &self.types;
        vec![
            t.type_,
            t.object,
            t.dict,
            t.str,
            t.tuple,
            t.int,
            t.bool,
            t.float,
            t.complex,
            t.bytes,
            t.bytearray,
            t.list,
            t.set,
            t.frozenset,
            t.range,
            t.slice,
            t.none_type,
            t.not_implemented_type,
            t.ellipsis_type,
            t.function,
            t.builtin_function,
            t.method_descriptor,
            t.wrapper_descriptor,
            t.method,
            t.code,
            t.cell,
            t.module,
            t.generator,
            t.coroutine,
            t.async_generator,
            t.property,
            t.classmethod,
            t.staticmethod,
            t.super_,
            t.list_iterator,
            t.tuple_iterator,
            t.range_iterator,
            t.traceback,
            t.frame,
            t.shape,
            t.native,
            t.getset_descriptor,
            t.member_descriptor,
            t.mappingproxy,
        ]
    }

    /// A new native type (iterators, views...) registered under `name`.
    pub fn new_native_type(&mut self, name: &'static str) -> Value {
        let t = types::alloc_type(self, self.types.type_, name, Kind::Native, 0);
        types::set_bases(self, t, vec![self.types.object]).expect("object base");
        types::ty(t).native_base = t;
        let m = pystr::intern(self, "builtins");
        dict::set_str(types::ty(t).dict, self.names.module, m);
        self.registry.insert(name, t);
        t
    }
}
