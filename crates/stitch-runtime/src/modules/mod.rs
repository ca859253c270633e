//! Native modules (written in Rust): their registry and creation on first import.

pub mod array;
pub mod ast;
pub mod ast_nodes;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod codecs;
pub mod codecs_fns;
pub mod collections;
pub mod contextvars;
pub mod deque;
pub mod errno;
pub mod functools;
pub mod functools_lru;
pub mod gc;
pub mod heapq;
pub mod imp;
pub mod io;
pub mod itertools;
pub mod itertools_comb;
pub mod itertools_tee;
pub mod json;
pub mod libm;
pub mod marshal;
pub mod math;
pub mod math_gamma;
pub mod math_int;
pub mod namespace;
pub mod operator;
pub mod posix;
pub mod posixsubprocess;
pub mod random;
pub mod select;
pub mod sha512;
pub mod signal;
pub mod socket;
pub mod sre;
pub mod stat;
pub mod string;
pub mod struct_;
pub mod structseq;
pub mod sys;
pub mod sys_info;
pub mod thread;
pub mod time;
pub mod util;
pub mod weakref;
pub mod weakref_proxy;

use stitch_core::value::Value;

use crate::vm::{PyResult, Vm};

/// Creates a native module.
pub type ModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Native modules by name, created on first import.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("_ast", ast::init),
    ("_bisect", bisect::init),
    ("_codecs", codecs::init),
    ("_collections", collections::init),
    ("_contextvars", contextvars::init),
    ("_functools", functools::init),
    ("_heapq", heapq::init),
    ("_imp", imp::init),
    ("_io", io::init_module),
    ("_json", json::init),
    ("_operator", operator::init),
    ("_posixsubprocess", posixsubprocess::init),
    ("_random", random::init),
    ("_sha512", sha512::init),
    ("_signal", signal::init),
    ("_socket", socket::init),
    ("_sre", sre::init),
    ("_stat", stat::init),
    ("_string", string::init),
    ("_struct", struct_::init),
    ("_thread", thread::init),
    ("_warnings", imp::warnings_init),
    ("_weakref", weakref::init),
    ("array", array::init),
    ("atexit", atexit::init),
    ("binascii", binascii::init),
    ("errno", errno::init),
    ("gc", gc::init),
    ("itertools", itertools::init),
    ("marshal", marshal::init),
    ("math", math::init),
    ("posix", posix::init),
    ("pwd", posix::pwd::init),
    ("select", select::init),
    ("time", time::init),
    ("unicodedata", crate::text::unicodedata::init),
];

/// Creates sys and the standard streams.
pub fn init(vm: &mut Vm) {
    array::memoryview::install(vm);
    io::init(vm);
    sys::init(vm);
}

/// The native module `name`, created if it exists.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    for (n, f) in NATIVE {
        if *n == name {
            return f(vm).map(Some);
        }
    }
    Ok(None)
}
