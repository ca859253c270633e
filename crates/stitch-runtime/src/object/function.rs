//! Functions, code objects, native (builtin) functions and methods.

use stitch_compiler::{CodeUnit, Constant};
use stitch_core::instr::{Instr, Op};
use stitch_core::layout::{CodePrefix, FunctionPrefix, Header, Kind};
use stitch_core::value::Value;

use super::{ValueExt, bytes, int, str as pystr, tuple};
use crate::gc::{Rooted, Tracer};
use crate::vm::{Args, PyResult, Vm};

/// A function implemented in Rust.
pub type NativeFn = fn(&mut Vm, &Args) -> PyResult<Value>;

/// Builtin function flags.
pub mod builtin_flags {
    /// Defined on a type: binds `self` when read from an instance.
    pub const METHOD: u32 = 1;
    /// A class method: binds the class.
    pub const CLASSMETHOD: u32 = 2;
}

#[repr(C)]
pub struct BuiltinObj {
    pub header: Header,
    pub func: NativeFn,
    pub name: &'static str,
    /// The bound object (first argument), or NULL.
    pub self_: Value,
    /// The type or module defining it.
    pub owner: Value,
    pub flags: u32,
}

impl BuiltinObj {
    pub fn is_method(&self) -> bool {
        self.flags & builtin_flags::METHOD != 0 && self.self_.is_null()
    }
}

/// A native function object.
pub fn new_builtin(
    vm: &mut Vm,
    name: &'static str,
    func: NativeFn,
    owner: Value,
    flags: u32,
) -> Value {
    let ty = if flags & builtin_flags::METHOD != 0 {
        vm.types.method_descriptor
    } else {
        vm.types.builtin_function
    };
    vm.alloc_obj(
        ty,
        BuiltinObj {
            header: Header::new(Kind::Builtin),
            func,
            name,
            self_: Value::NULL,
            owner,
            flags,
        },
    )
}

/// A method descriptor bound to `obj` (`[].append`).
pub fn bind_builtin(vm: &mut Vm, b: Value, obj: Value) -> Value {
    let src = unsafe { b.raw::<BuiltinObj>() };
    let (func, name, owner, flags) = (src.func, src.name, src.owner, src.flags);
    let self_ = if flags & builtin_flags::CLASSMETHOD != 0 && !obj.is_kind(Kind::Type) {
        vm.type_of(obj)
    } else {
        obj
    };
    let ty = vm.types.builtin_function;
    vm.alloc_obj(
        ty,
        BuiltinObj {
            header: Header::new(Kind::Builtin),
            func,
            name,
            self_,
            owner,
            flags: 0,
        },
    )
}

#[repr(C)]
pub struct CodeObj {
    pub prefix: CodePrefix,
    pub instrs: Vec<Instr>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// Everything else the compiler produced (constants stripped).
    pub unit: Box<CodeUnit>,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    /// Word indices of the call instructions (their caches may name a function).
    pub call_sites: Vec<u32>,
}

impl CodeObj {
    pub fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.consts);
        t.mark_all(&self.names);
        t.mark(self.filename);
        t.mark(self.name);
        t.mark(self.qualname);
        // A call specialised for one Python function keeps it alive while the cache
        // names it: tier 2 reads the function's code to inline the call.
        for &i in &self.call_sites {
            let i = i as usize;
            if let Some(ins) = self.instrs.get(i)
                && matches!(
                    ins.opcode(),
                    Op::CALL_PY_EXACT_ARGS | Op::CALL_BOUND_METHOD_EXACT_ARGS
                )
                && i + 1 < self.instrs.len()
            {
                // SAFETY: cache words are 8-byte words after the instruction.
                t.mark(Value(unsafe {
                    *(&self.instrs[i + 1] as *const Instr as *const u64)
                }));
            }
        }
    }
    /// The source line of instruction `i`.
    pub fn line_of(&self, i: u32) -> u32 {
        self.unit
            .locations
            .get(i as usize)
            .map(|l| l.line)
            .unwrap_or(0)
    }
}

/// Converts a compile-time constant to a value.
pub fn constant(vm: &mut Vm, c: Constant) -> Value {
    match c {
        Constant::None => Value::NONE,
        Constant::Bool(b) => Value::from_bool(b),
        Constant::Int(i) => int::from_bigint(vm, i),
        Constant::Float(f) => Value::from_f64(f),
        Constant::Complex(re, im) => super::complex::new(vm, re, im),
        Constant::Str(s) => {
            if s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                pystr::intern(vm, &s)
            } else {
                pystr::new(vm, &s)
            }
        }
        Constant::Bytes(b) => bytes::new(vm, &b),
        Constant::Tuple(items) => {
            let mut vals = Rooted::new();
            for x in items {
                let v = constant(vm, x);
                vals.push(v);
            }
            tuple::new(vm, &vals)
        }
        Constant::FrozenSet(items) => {
            // As CPython: the compiler's frozenset (items added in order) is
            // made again from its own iteration order when constants are
            // merged (and when marshalled), which can change the order.
            let first = super::set::new_frozen(vm);
            for x in items {
                let v = constant(vm, x);
                // Constants hash and compare without running Python code.
                let _ = super::set::add(vm, first, v);
            }
            let s = super::set::new_frozen(vm);
            for v in super::set::items(first) {
                let _ = super::set::add(vm, s, v);
            }
            s
        }
        Constant::Ellipsis => vm.ellipsis,
        Constant::Code(u) => new_code(vm, *u),
    }
}

/// A code object from a compiled unit.
pub fn new_code(vm: &mut Vm, mut unit: CodeUnit) -> Value {
    let mut consts = Rooted::new();
    for c in std::mem::take(&mut unit.consts) {
        let v = constant(vm, c);
        consts.push(v);
    }
    let mut names = Rooted::new();
    for n in &unit.names {
        let v = pystr::intern(vm, n);
        names.push(v);
    }
    let filename = pystr::new(vm, &unit.filename);
    let name = pystr::intern(vm, &unit.name);
    let qualname = pystr::new(vm, &unit.qualname);
    let instrs = std::mem::take(&mut unit.code);
    let ty = vm.types.code;
    // `consts` and `names` stay rooted until the object holding copies is allocated.
    let consts_v = consts.to_vec();
    let names_v = names.to_vec();
    let mut call_sites = Vec::new();
    let mut i = 0;
    while i < instrs.len() {
        let op = instrs[i].opcode();
        if op.family() == Op::CALL {
            call_sites.push(i as u32);
        }
        i += 1 + op.cache_words();
    }
    let code = CodeObj {
        prefix: CodePrefix {
            header: Header::new(Kind::Code),
            instrs: std::ptr::null_mut(),
            ninstrs: instrs.len(),
            consts: std::ptr::null(),
            names: std::ptr::null(),
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            nlocals: unit.varnames.len() as u32,
            ncells: unit.cellvars.len() as u32,
            nfrees: unit.freevars.len() as u32,
            stacksize: unit.stacksize,
            flags: unit.flags,
        },
        call_sites,
        instrs,
        consts: consts_v,
        names: names_v,
        unit: Box::new(unit),
        filename,
        name,
        qualname,
    };
    let v = vm.alloc_obj(ty, code);
    drop(consts);
    drop(names);
    let c = unsafe { v.raw::<CodeObj>() };
    c.prefix.instrs = c.instrs.as_mut_ptr();
    c.prefix.consts = c.consts.as_ptr();
    c.prefix.names = c.names.as_ptr();
    v
}

#[repr(C)]
pub struct FunctionObj {
    pub prefix: FunctionPrefix,
    pub name: Value,
    pub qualname: Value,
    pub module: Value,
    pub doc: Value,
    /// Function attributes, a dict or NULL.
    pub dict: Value,
    pub annotations: Value,
}

impl FunctionObj {
    pub fn trace(&self, t: &mut Tracer) {
        t.mark_ptr(self.prefix.code as *mut Header);
        t.mark_ptr(self.prefix.globals as *mut Header);
        t.mark_ptr(self.prefix.builtins as *mut Header);
        t.mark_all(&[
            self.prefix.defaults,
            self.prefix.kwdefaults,
            self.prefix.closure,
            self.name,
            self.qualname,
            self.module,
            self.doc,
            self.dict,
            self.annotations,
        ]);
    }
    pub fn code(&self) -> &'static CodeObj {
        unsafe { Value::from_ptr(self.prefix.code).raw::<CodeObj>() }
    }
}

static NEXT_FUNCTION_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A fresh function version: versions are never reused, so a cached (function,
/// version) pair never matches a different function.
pub fn next_function_version() -> u32 {
    NEXT_FUNCTION_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A new function.
#[allow(clippy::too_many_arguments)]
pub fn new_function(
    vm: &mut Vm,
    code: Value,
    qualname: Value,
    globals: Value,
    builtins: Value,
    defaults: Value,
    kwdefaults: Value,
    annotations: Value,
    closure: Value,
) -> Value {
    let c = unsafe { code.raw::<CodeObj>() };
    let name = c.name;
    let doc = match &c.unit.docstring {
        Some(d) => pystr::new(vm, d),
        None => Value::NONE,
    };
    let module = super::dict::get_str(globals, vm.names.name).unwrap_or(Value::NONE);
    let ty = vm.types.function;
    vm.alloc_obj(
        ty,
        FunctionObj {
            prefix: FunctionPrefix {
                header: Header::new(Kind::Function),
                code: code.ptr(),
                globals: globals.ptr(),
                builtins: builtins.ptr(),
                defaults,
                kwdefaults,
                closure,
                version: next_function_version(),
                _pad: 0,
            },
            name,
            qualname,
            module,
            doc,
            dict: Value::NULL,
            annotations,
        },
    )
}
