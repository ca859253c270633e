//! The descriptive parts of `sys`: `version_info`, `implementation`, `flags`,
//! `float_info`, `int_info`, `hash_info`, `thread_info`, prefixes, import-system
//! placeholders (`meta_path`, `path_hooks`...), and small functions the standard
//! library calls (`getfilesystemencoding`, `audit`, `getrefcount`, tracing hooks).

use stitch_core::value::Value;

use super::structseq;
use super::util::{add_fns, add_ints, set_str};
use crate::builtins::args;
use crate::gc::Rooted;
use crate::object::{dict, float, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// Adds the descriptive attributes and helper functions to `sys` module `m`.
pub fn init(vm: &mut Vm, m: Value) {
    vm.gc_paused += 1;
    version_info(vm, m);
    flags(vm, m);
    float_info(vm, m);
    int_info(vm, m);
    hash_info(vm, m);
    thread_info(vm, m);
    implementation(vm, m);
    prefixes(vm, m);
    misc(vm, m);
    add_fns(
        vm,
        m,
        &[
            ("getfilesystemencoding", getfilesystemencoding),
            ("getfilesystemencodeerrors", getfilesystemencodeerrors),
            ("getrefcount", getrefcount),
            ("audit", audit),
            ("addaudithook", addaudithook),
            ("is_finalizing", is_finalizing),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("settrace", settrace),
            ("gettrace", gettrace),
            ("setprofile", settrace),
            ("getprofile", gettrace),
            ("call_tracing", call_tracing),
            ("_clear_type_cache", noop),
            ("getallocatedblocks", getallocatedblocks),
            ("get_asyncgen_hooks", get_asyncgen_hooks),
            ("set_asyncgen_hooks", noop),
            (
                "get_coroutine_origin_tracking_depth",
                get_coroutine_origin_tracking_depth,
            ),
            ("set_coroutine_origin_tracking_depth", noop),
            ("unraisablehook", unraisablehook),
            ("breakpointhook", noop),
            ("getdlopenflags", getdlopenflags),
            ("setdlopenflags", noop),
        ],
    );
    for (alias, name) in [
        ("__displayhook__", "displayhook"),
        ("__excepthook__", "excepthook"),
        ("__unraisablehook__", "unraisablehook"),
        ("__breakpointhook__", "breakpointhook"),
    ] {
        if let Some(f) = module::get(vm, m, name) {
            module::set(vm, m, alias, f);
        }
    }
    vm.gc_paused -= 1;
}

fn version_info(vm: &mut Vm, m: Value) {
    let fields = ["major", "minor", "micro", "releaselevel", "serial"];
    let t = structseq::new_type(vm, "sys", "version_info", &fields, 5, false);
    let fin = pystr::new(vm, "final");
    let v = structseq::new(
        vm,
        t,
        &[
            Value::small(3),
            Value::small(11),
            Value::small(7),
            fin,
            Value::small(0),
        ],
    );
    module::set(vm, m, "version_info", v);
}

fn env_flag(name: &str) -> i64 {
    match std::env::var(name) {
        Ok(s) if !s.is_empty() => s.parse::<i64>().unwrap_or(1).max(1),
        _ => 0,
    }
}

fn flags(vm: &mut Vm, m: Value) {
    let fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let t = structseq::new_type(vm, "sys", "flags", &fields, fields.len(), false);
    let hash_rand = match std::env::var("PYTHONHASHSEED") {
        Ok(s) if s == "0" => 0,
        _ => 1,
    };
    let dwb = env_flag("PYTHONDONTWRITEBYTECODE");
    let vals = [
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(dwb),
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(0),
        Value::small(hash_rand),
        Value::small(0),
        Value::FALSE,
        Value::small(0),
        Value::small(0),
        Value::FALSE,
        Value::small(-1),
    ];
    let v = structseq::new(vm, t, &vals);
    module::set(vm, m, "flags", v);
    module::set(vm, m, "dont_write_bytecode", Value::from_bool(dwb != 0));
}

fn float_info(vm: &mut Vm, m: Value) {
    let fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let t = structseq::new_type(vm, "sys", "float_info", &fields, fields.len(), false);
    let vals = [
        Value::from_f64(f64::MAX),
        Value::small(1024),
        Value::small(308),
        Value::from_f64(f64::MIN_POSITIVE),
        Value::small(-1021),
        Value::small(-307),
        Value::small(15),
        Value::small(53),
        Value::from_f64(f64::EPSILON),
        Value::small(2),
        Value::small(1),
    ];
    let v = structseq::new(vm, t, &vals);
    module::set(vm, m, "float_info", v);
    set_str(vm, m, "float_repr_style", "short");
    let _ = float::repr;
}

fn int_info(vm: &mut Vm, m: Value) {
    let fields = [
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ];
    let t = structseq::new_type(vm, "sys", "int_info", &fields, fields.len(), false);
    let vals = [
        Value::small(30),
        Value::small(4),
        Value::small(4300),
        Value::small(640),
    ];
    let v = structseq::new(vm, t, &vals);
    module::set(vm, m, "int_info", v);
}

fn hash_info(vm: &mut Vm, m: Value) {
    let fields = [
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ];
    let t = structseq::new_type(vm, "sys", "hash_info", &fields, fields.len(), false);
    let modulus = int::from_i64(vm, (1i64 << 61) - 1);
    let alg = pystr::new(vm, "siphash13");
    let vals = [
        Value::small(64),
        modulus,
        Value::small(314159),
        Value::small(0),
        Value::small(1000003),
        alg,
        Value::small(64),
        Value::small(128),
        Value::small(0),
    ];
    let v = structseq::new(vm, t, &vals);
    module::set(vm, m, "hash_info", v);
}

fn thread_info(vm: &mut Vm, m: Value) {
    let fields = ["name", "lock", "version"];
    let t = structseq::new_type(vm, "sys", "thread_info", &fields, fields.len(), false);
    let name = pystr::new(vm, "pthread");
    let lock = pystr::new(vm, "semaphore");
    let v = structseq::new(vm, t, &[name, lock, Value::NONE]);
    module::set(vm, m, "thread_info", v);
}

fn implementation(vm: &mut Vm, m: Value) {
    let name = pystr::new(vm, "stitch");
    let version = module::get(vm, m, "version_info").unwrap_or(Value::NONE);
    let hexversion = int::from_i64(vm, 0x030b07f0);
    let multiarch = pystr::new(vm, &format!("{}-linux-gnu", std::env::consts::ARCH));
    let ns = super::namespace::new(
        vm,
        &[
            ("name", name),
            ("cache_tag", Value::NONE),
            ("version", version),
            ("hexversion", hexversion),
            ("_multiarch", multiarch),
        ],
    );
    module::set(vm, m, "implementation", ns);
}

fn prefixes(vm: &mut Vm, m: Value) {
    let lib = crate::stdlib::location();
    let prefix = lib
        .as_deref()
        .and_then(|l| std::path::Path::new(l).parent())
        .and_then(|p| p.parent())
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "/usr/local".to_string());
    for n in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set_str(vm, m, n, &prefix);
    }
    set_str(vm, m, "platlibdir", "lib");
    let stdlib_dir = lib.unwrap_or_default();
    if stdlib_dir.is_empty() {
        module::set(vm, m, "_stdlib_dir", Value::NONE);
    } else {
        set_str(vm, m, "_stdlib_dir", &stdlib_dir);
    }
}

fn misc(vm: &mut Vm, m: Value) {
    add_ints(vm, m, &[("maxunicode", 0x10ffff), ("api_version", 1013)]);
    for n in ["meta_path", "path_hooks", "warnoptions"] {
        let l = list::new(vm, &[]);
        module::set(vm, m, n, l);
    }
    let d = dict::new(vm);
    module::set(vm, m, "path_importer_cache", d);
    module::set(vm, m, "pycache_prefix", Value::NONE);
    set_str(vm, m, "abiflags", "");
    set_str(
        vm,
        m,
        "copyright",
        "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.",
    );
    let mut git = Rooted::new();
    for s in ["stitch", "", ""] {
        let v = pystr::new(vm, s);
        git.push(v);
    }
    let g = tuple::new(vm, &git);
    module::set(vm, m, "_git", g);
    let argv = Rooted::from_vec(Vec::new());
    let l = list::new(vm, &argv);
    module::set(vm, m, "orig_argv", l);
    set_str(vm, m, "_framework", "");
}

/// `sys.orig_argv` from the process's command line.
pub fn set_orig_argv(vm: &mut Vm) {
    let mut vals = Rooted::new();
    for a in std::env::args() {
        let s = pystr::new(vm, &a);
        vals.push(s);
    }
    let l = list::new(vm, &vals);
    module::set(vm, vm.sys, "orig_argv", l);
}

fn getfilesystemencoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getfilesystemencoding", 0, 0)?;
    Ok(pystr::new(vm, "utf-8"))
}

fn getfilesystemencodeerrors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getfilesystemencodeerrors", 0, 0)?;
    Ok(pystr::new(vm, "surrogateescape"))
}

fn getrefcount(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getrefcount", 1, 1)?;
    Ok(Value::small(2))
}

fn audit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    if pystr::text_of(a.pos[0]).is_none() {
        return Err(vm.type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(a.pos[0])
        )));
    }
    Ok(Value::NONE)
}

fn addaudithook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [_hook] = args::parse::<1>(vm, a, &args::Sig::new("addaudithook", &["hook"], 1))?;
    Ok(Value::NONE)
}

fn is_finalizing(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "is_finalizing", 0, 0)?;
    Ok(Value::FALSE)
}

thread_local! {
    static SWITCH_INTERVAL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.005) };
}

fn getswitchinterval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getswitchinterval", 0, 0)?;
    Ok(Value::from_f64(SWITCH_INTERVAL.with(|c| c.get())))
}

fn setswitchinterval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "setswitchinterval", 1, 1)?;
    let x = match float::as_f64(vm, a.pos[0])? {
        Some(x) => x,
        None => {
            return Err(vm.type_error(format!(
                "must be real number, not {}",
                vm.type_name(a.pos[0])
            )));
        }
    };
    if x <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.with(|c| c.set(x));
    Ok(Value::NONE)
}

fn settrace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "settrace", 1, 1)?;
    Ok(Value::NONE)
}

fn gettrace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "gettrace", 0, 0)?;
    Ok(Value::NONE)
}

fn call_tracing(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "call_tracing", 2, 2)?;
    let items = vm.collect_iter(a.pos[1])?;
    vm.call(a.pos[0], &items)
}

fn noop(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn getallocatedblocks(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getallocatedblocks", 0, 0)?;
    Ok(Value::small(0))
}

fn get_asyncgen_hooks(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(tuple::new(vm, &[Value::NONE, Value::NONE]))
}

fn get_coroutine_origin_tracking_depth(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(0))
}

fn getdlopenflags(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(2))
}

/// `sys.unraisablehook(unraisable)`: prints "Exception ignored in: ..." like CPython.
fn unraisablehook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "unraisablehook", 1, 1)?;
    let u = a.pos[0];
    let obj = vm.getattr_str(u, "object").unwrap_or(Value::NONE);
    let exc = vm.getattr_str(u, "exc_value").unwrap_or(Value::NONE);
    let msg = vm.getattr_str(u, "err_msg").unwrap_or(Value::NONE);
    let mut text = String::new();
    let head = pystr::text_of(msg)
        .map(str::to_string)
        .unwrap_or_else(|| "Exception ignored in".to_string());
    if !obj.is_none() {
        let r = vm
            .repr_string(obj)
            .unwrap_or_else(|_| "<object repr() failed>".to_string());
        text.push_str(&format!("{head}: {r}\n"));
    } else {
        text.push_str(&format!("{head}:\n"));
    }
    if !exc.is_none() {
        text.push_str(&crate::vm::traceback::format_exception(vm, exc));
    }
    let err = module::get(vm, vm.sys, "stderr").unwrap_or(Value::NONE);
    crate::builtins::functions::write_to(vm, err, &text)?;
    Ok(Value::NONE)
}
