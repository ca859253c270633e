//! Argument parsing for native functions, with CPython's error messages.

use stitch_core::value::Value;

use crate::object::str as pystr;
use crate::vm::{Args, PyResult, Vm};

/// How a native function's parameters are declared.
pub struct Sig<'a> {
    pub name: &'a str,
    /// Parameter names in order; the first `required` are required.
    pub params: &'a [&'a str],
    pub required: usize,
    /// Parameters from this index on can only be passed by keyword.
    pub kwonly_from: usize,
    /// Parameters before this index can only be passed by position.
    pub posonly_until: usize,
}

impl<'a> Sig<'a> {
    /// Positional-or-keyword parameters.
    pub const fn new(name: &'a str, params: &'a [&'a str], required: usize) -> Sig<'a> {
        Sig {
            name,
            params,
            required,
            kwonly_from: usize::MAX,
            posonly_until: 0,
        }
    }
    /// Positional-only parameters (keywords are rejected).
    pub const fn positional(name: &'a str, params: &'a [&'a str], required: usize) -> Sig<'a> {
        Sig {
            name,
            params,
            required,
            kwonly_from: usize::MAX,
            posonly_until: usize::MAX,
        }
    }
}

/// Binds `args` to the signature; missing optional parameters are NULL.
pub fn parse<const N: usize>(vm: &mut Vm, args: &Args, sig: &Sig) -> PyResult<[Value; N]> {
    debug_assert_eq!(sig.params.len(), N);
    let mut out = [Value::NULL; N];
    let npos_allowed = sig.kwonly_from.min(N);
    let given = args.pos.len();
    if given > npos_allowed {
        let msg = if npos_allowed == 0 {
            format!("{}() takes no positional arguments", sig.name)
        } else if sig.required == npos_allowed && args.kwnames.is_empty() {
            if npos_allowed == 1 {
                format!("{}() takes exactly one argument ({} given)", sig.name, given)
            } else {
                format!("{}() takes exactly {} arguments ({} given)", sig.name, npos_allowed, given)
            }
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                sig.name,
                npos_allowed,
                if npos_allowed == 1 { "" } else { "s" },
                given + args.kwnames.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    out[..given].copy_from_slice(args.pos);
    // As in CPython, a missing required argument is reported before a keyword given
    // twice, which is reported before an unknown keyword.
    let mut twice: Option<String> = None;
    let mut unknown: Option<String> = None;
    for (k, name) in args.kwnames.iter().enumerate() {
        let n = pystr::as_str(*name);
        match sig.params.iter().position(|p| *p == n) {
            Some(i) if i >= sig.posonly_until => {
                if !out[i].is_null() {
                    twice.get_or_insert_with(|| {
                        format!("argument for {}() given by name ('{}') and position ({})", sig.name, n, i + 1)
                    });
                    continue;
                }
                out[i] = args.kwvals[k];
            }
            _ => {
                if sig.posonly_until == usize::MAX {
                    return Err(vm.type_error(format!("{}() takes no keyword arguments", sig.name)));
                }
                unknown.get_or_insert_with(|| format!("'{n}' is an invalid keyword argument for {}()", sig.name));
            }
        }
    }
    for i in 0..sig.required.min(N) {
        if out[i].is_null() {
            if sig.kwonly_from <= i {
                return Err(vm.type_error(format!(
                    "{}() missing required keyword-only argument: '{}'",
                    sig.name, sig.params[i]
                )));
            }
            if sig.posonly_until == usize::MAX {
                let msg = if sig.required == 1 && N == 1 {
                    format!("{}() takes exactly one argument (0 given)", sig.name)
                } else {
                    format!(
                        "{} expected {} argument{}, got {}",
                        sig.name,
                        if sig.required == N { format!("{N}") } else { format!("at least {}", sig.required) },
                        if sig.required == 1 { "" } else { "s" },
                        given
                    )
                };
                return Err(vm.type_error(msg));
            }
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                sig.name,
                sig.params[i],
                i + 1
            )));
        }
    }
    if let Some(msg) = twice.or(unknown) {
        return Err(vm.type_error(msg));
    }
    Ok(out)
}

/// Rejects keyword arguments.
pub fn no_kwargs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Checks the number of positional arguments for functions with CPython's
/// "expected N arguments, got M" messages.
pub fn count(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    no_kwargs(vm, args, name)?;
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A method's `self`, checked to be an instance of the expected type.
pub fn self_of(vm: &mut Vm, args: &Args, ty: Value, method: &str) -> PyResult<Value> {
    let Some(&s) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{method}' of '{}' object needs an argument",
            crate::object::types::name(ty)
        )));
    };
    if !vm.is_instance_of(s, ty) {
        return Err(vm.type_error(format!(
            "descriptor '{method}' for '{}' objects doesn't apply to a '{}' object",
            crate::object::types::name(ty),
            vm.type_name(s)
        )));
    }
    Ok(s)
}
