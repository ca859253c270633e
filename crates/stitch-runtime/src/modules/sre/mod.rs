//! `_sre`, the regular expression engine under CPython's pure-Python `re`
//! package: `compile` turns the opcode list made by `re._compiler` into a
//! `re.Pattern`, plus the case helpers the compiler uses and the constants.
//!
//! Layout: `code` decodes and checks the opcodes, `charset`/`chars` are the
//! character tests, `engine` is the backtracking matcher (explicit stack),
//! `search` the scanning loop, `subject` the strings matched, `pattern`/`ops`
//! the Pattern type and its methods, `matchobj` the Match type, `scanner` the
//! scanner type.

pub mod charset;
pub mod chars;
pub mod code;
pub mod engine;
pub mod first;
pub mod matchobj;
pub mod ops;
pub mod pattern;
pub mod resume;
pub mod scanner;
pub mod search;
pub mod subject;
pub mod util_args;

use stitch_core::value::Value;

use super::util::{add_fns, add_ints, set_str};
use crate::builtins::args;
use crate::object::{int, module};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_sre");
    add_fns(
        vm,
        m,
        &[
            ("compile", pattern::compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    add_ints(
        vm,
        m,
        &[
            ("MAGIC", code::MAGIC),
            ("CODESIZE", 4),
            ("MAXREPEAT", code::MAXREPEAT as i64),
            ("MAXGROUPS", code::MAXGROUPS as i64),
        ],
    );
    set_str(vm, m, "copyright", " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    pattern::pattern_type(vm);
    matchobj::match_type(vm);
    Ok(m)
}

fn getcodesize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getcodesize", 0, 0)?;
    Ok(Value::small(4))
}

/// The `character: int` argument of the case helpers (a C int).
fn character(vm: &mut Vm, a: &Args, name: &str) -> PyResult<u32> {
    args::count(vm, a, name, 1, 1)?;
    let v = a.pos[0];
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    match int::to_i64(i) {
        Some(x) if (i32::MIN as i64..=i32::MAX as i64).contains(&x) => Ok(x as i32 as u32),
        Some(x) if x > 0 => Err(vm.overflow_error("signed integer is greater than maximum")),
        Some(_) => Err(vm.overflow_error("signed integer is less than minimum")),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

fn ascii_iscased(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = character(vm, a, "ascii_iscased")?;
    Ok(Value::from_bool(chars::ascii_iscased(c)))
}

fn unicode_iscased(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = character(vm, a, "unicode_iscased")?;
    Ok(Value::from_bool(chars::unicode_iscased(c)))
}

fn ascii_tolower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = character(vm, a, "ascii_tolower")?;
    Ok(int::from_i64(vm, chars::lower_ascii(c) as i32 as i64))
}

fn unicode_tolower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = character(vm, a, "unicode_tolower")?;
    Ok(int::from_i64(vm, chars::lower_unicode(c) as i32 as i64))
}
