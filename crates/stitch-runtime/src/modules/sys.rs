//! The `sys` module.

use stitch_core::value::Value;

use crate::builtins::args;
use crate::object::function::{NativeFn, new_builtin};
use crate::object::{dict, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let m = module::new(vm, "sys");
    vm.sys = m;
    let modules = dict::new(vm);
    vm.modules = modules;
    let fns: &[(&'static str, NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("_getframe", getframe),
        ("getdefaultencoding", getdefaultencoding),
        ("displayhook", displayhook),
        ("excepthook", excepthook),
    ];
    for (name, f) in fns {
        let v = new_builtin(vm, name, *f, m, 0);
        module::set(vm, m, name, v);
    }
    let [stdin, stdout, stderr] = crate::modules::io::std_streams(vm);
    for (n, v) in [
        ("stdin", stdin),
        ("stdout", stdout),
        ("stderr", stderr),
        ("__stdin__", stdin),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
    ] {
        module::set(vm, m, n, v);
    }
    module::set(vm, m, "modules", modules);
    let b = vm.builtins;
    let k = pystr::intern(vm, "builtins");
    dict::set_str(modules, k, b);
    let k = pystr::intern(vm, "sys");
    dict::set_str(modules, k, m);
    let maxsize = int::from_i64(vm, i64::MAX);
    module::set(vm, m, "maxsize", maxsize);
    let platform = pystr::new(vm, "linux");
    module::set(vm, m, "platform", platform);
    let bo = pystr::new(
        vm,
        if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        },
    );
    module::set(vm, m, "byteorder", bo);
    let version = pystr::new(vm, "3.11.7 (stitch) [rustc]");
    module::set(vm, m, "version", version);
    let hexv = int::from_i64(vm, 0x030b07f0);
    module::set(vm, m, "hexversion", hexv);
    let empty = list::new(vm, &[]);
    module::set(vm, m, "argv", empty);
    let path = list::new(vm, &[]);
    module::set(vm, m, "path", path);
    let flags = dict::new(vm);
    module::set(vm, m, "_xoptions", flags);
    let bmn = {
        let mut vals = crate::gc::Rooted::new();
        for n in ["builtins", "sys"]
            .into_iter()
            .chain(crate::modules::NATIVE.iter().map(|(n, _)| *n))
        {
            let s = pystr::new(vm, n);
            vals.push(s);
        }
        tuple::new(vm, &vals)
    };
    module::set(vm, m, "builtin_module_names", bmn);
    let exe = pystr::new(
        vm,
        &std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
    );
    module::set(vm, m, "executable", exe);
    super::sys_info::init(vm, m);
}

/// `sys.argv` from the command line.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    let mut vals = crate::gc::Rooted::new();
    for a in argv {
        let s = pystr::new(vm, a);
        vals.push(s);
    }
    let l = list::new(vm, &vals);
    module::set(vm, vm.sys, "argv", l);
    super::sys_info::set_orig_argv(vm);
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "exit", 0, 1)?;
    let args: Vec<Value> = a.pos.to_vec();
    let e = vm.call(vm.exc.system_exit, &args)?;
    Err(crate::vm::PyErr(e))
}

fn getrecursionlimit(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(_vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "setrecursionlimit", 1, 1)?;
    let v = a.pos[0];
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err(vm.new_error(
            vm.exc.recursion_error,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.depth
            ),
        ));
    }
    vm.recursion_limit = n.min(i32::MAX as i64) as usize;
    Ok(Value::NONE)
}

fn exc_info(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let e = vm.exc_info;
    if e.is_null() || e.is_none() {
        return Ok(tuple::new(vm, &[Value::NONE, Value::NONE, Value::NONE]));
    }
    let t = vm.type_of(e);
    let tb = crate::object::exception::obj(e)
        .map(|o| o.traceback)
        .unwrap_or(Value::NONE);
    Ok(tuple::new(vm, &[t, e, tb]))
}

fn exception(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let e = vm.exc_info;
    Ok(if e.is_null() { Value::NONE } else { e })
}

fn intern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "intern", 1, 1)?;
    if !a.pos[0].is_kind(stitch_core::layout::Kind::Str) {
        return Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(a.pos[0])
        )));
    }
    Ok(pystr::intern_value(vm, a.pos[0]))
}

fn getsizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getsizeof", 1, 2)?;
    Ok(Value::small(if a.pos[0].is_ptr() { 56 } else { 28 }))
}

fn get_int_max_str_digits(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [n] = args::parse::<1>(
        vm,
        a,
        &args::Sig::new("set_int_max_str_digits", &["maxdigits"], 1),
    )?;
    let n = vm.index_value(n)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}

fn getframe(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "_getframe", 0, 1)?;
    let depth = if a.pos.is_empty() {
        0
    } else {
        vm.index_value(a.pos[0])?
    };
    let mut f = vm.frame;
    for _ in 0..depth {
        if f.is_null() {
            break;
        }
        // SAFETY: frames are linked through prev.
        f = unsafe { (*f).prev };
    }
    if f.is_null() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    // Snapshots of f and every frame below it, so that `f_back` walks the stack
    // (logging.findCaller, inspect.stack, warnings' stacklevel).
    let mut chain = Vec::new();
    while !f.is_null() {
        chain.push(f);
        // SAFETY: frames are linked through prev.
        f = unsafe { (*f).prev };
    }
    let mut back = Value::NONE;
    for &fr in chain.iter().rev() {
        // SAFETY: fr is a live frame.
        let (code, globals, lasti) =
            unsafe { (Value::from_ptr((*fr).code), Value::from_ptr((*fr).globals), (*fr).lasti) };
        let ty = vm.types.frame;
        let obj = crate::builtins::frame::FrameObj { code, globals, lasti, locals: Value::NONE, back };
        back = crate::object::native::new(vm, ty, Box::new(obj));
    }
    Ok(back)
}

fn getdefaultencoding(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(pystr::new(vm, "utf-8"))
}

fn displayhook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "displayhook", 1, 1)?;
    let v = a.pos[0];
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let r = vm.repr_string(v)?;
    let out = module::get(vm, vm.sys, "stdout").unwrap_or(Value::NONE);
    crate::builtins::functions::write_to(vm, out, &format!("{r}\n"))?;
    let k = pystr::intern(vm, "_");
    dict::set_str(vm.builtins_dict, k, v);
    Ok(Value::NONE)
}

fn excepthook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "excepthook", 3, 3)?;
    let text = crate::vm::traceback::format_exception(vm, a.pos[1]);
    let err = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
    crate::builtins::functions::write_to(vm, err, &text)?;
    Ok(Value::NONE)
}
