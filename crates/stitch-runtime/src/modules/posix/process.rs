//! Process functions of `posix`: ids, `kill`, `waitpid` and the wait-status
//! macros, `_exit`, `uname`, `times`, `cpu_count`, `urandom`, `strerror`,
//! `system`, `getloadavg`, and the environment (`putenv`, `unsetenv`).

use std::ffi::{CStr, CString};

use stitch_core::value::Value;

use super::fs::int_arg;
use super::path;
use crate::builtins::args::{self, Sig};
use crate::modules::structseq;
use crate::object::{bytes, dict, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

macro_rules! id_fn {
    ($name:ident, $call:expr) => {
        pub fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            args::count(vm, a, stringify!($name), 0, 0)?;
            let v = unsafe { $call } as i64;
            Ok(int::from_i64(vm, v))
        }
    };
}

id_fn!(getpid, libc::getpid());
id_fn!(getppid, libc::getppid());
id_fn!(getuid, libc::getuid());
id_fn!(geteuid, libc::geteuid());
id_fn!(getgid, libc::getgid());
id_fn!(getegid, libc::getegid());
id_fn!(getpgrp, libc::getpgrp());

/// `os.kill(pid, signal)`.
pub fn kill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [pid, sig] = args::parse::<2>(vm, a, &Sig::positional("kill", &["pid", "signal"], 2))?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let sig = int_arg(vm, sig)? as libc::c_int;
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(path::last_error(vm));
    }
    crate::signals::handle_pending(vm)?;
    Ok(Value::NONE)
}

/// `os.waitpid(pid, options)`.
pub fn waitpid(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [pid, opts] = args::parse::<2>(vm, a, &Sig::positional("waitpid", &["pid", "options"], 2))?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let opts = int_arg(vm, opts)? as libc::c_int;
    let mut status: libc::c_int = 0;
    loop {
        let r = unsafe { libc::waitpid(pid, &mut status, opts) };
        if r >= 0 {
            return Ok(tuple::new(
                vm,
                &[Value::small(r as i64), Value::small(status as i64)],
            ));
        }
        if path::errno() == libc::EINTR {
            crate::signals::handle_pending(vm)?;
            continue;
        }
        return Err(path::last_error(vm));
    }
}

fn status_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<libc::c_int> {
    let [s] = args::parse::<1>(vm, a, &Sig::new(name, &["status"], 1))?;
    Ok(int_arg(vm, s)? as libc::c_int)
}

macro_rules! status_fn {
    ($name:ident, $f:expr, bool) => {
        pub fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let s = status_arg(vm, a, &stringify!($name).to_uppercase())?;
            Ok(Value::from_bool($f(s)))
        }
    };
    ($name:ident, $f:expr, int) => {
        pub fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let s = status_arg(vm, a, &stringify!($name).to_uppercase())?;
            Ok(Value::small($f(s) as i64))
        }
    };
}

status_fn!(wifexited, libc::WIFEXITED, bool);
status_fn!(wexitstatus, libc::WEXITSTATUS, int);
status_fn!(wifsignaled, libc::WIFSIGNALED, bool);
status_fn!(wtermsig, libc::WTERMSIG, int);
status_fn!(wifstopped, libc::WIFSTOPPED, bool);
status_fn!(wstopsig, libc::WSTOPSIG, int);

/// `os.waitstatus_to_exitcode(status)`.
pub fn waitstatus_to_exitcode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = status_arg(vm, a, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(Value::small(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::small(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

/// `os._exit(status)`.
pub fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [s] = args::parse::<1>(vm, a, &Sig::new("_exit", &["status"], 1))?;
    let s = int_arg(vm, s)?;
    unsafe { libc::_exit(s as libc::c_int) }
}

/// `os.abort()`.
pub fn abort(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    unsafe { libc::abort() }
}

fn cstr_field(f: &[libc::c_char]) -> String {
    // SAFETY: utsname fields are NUL-terminated.
    unsafe { CStr::from_ptr(f.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

/// `os.uname()`.
pub fn uname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "uname", 0, 0)?;
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(path::last_error(vm));
    }
    let fields = [
        &u.sysname[..],
        &u.nodename[..],
        &u.release[..],
        &u.version[..],
        &u.machine[..],
    ];
    let mut vals = crate::gc::Rooted::new();
    for f in fields {
        let s = pystr::new(vm, &cstr_field(f));
        vals.push(s);
    }
    let ty = vm.registry["posix.uname_result"];
    Ok(structseq::new(vm, ty, &vals))
}

/// `os.times()`.
pub fn times(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "times", 0, 0)?;
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = unsafe { libc::times(&mut t) };
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let vals = [
        Value::from_f64(t.tms_utime as f64 / tick),
        Value::from_f64(t.tms_stime as f64 / tick),
        Value::from_f64(t.tms_cutime as f64 / tick),
        Value::from_f64(t.tms_cstime as f64 / tick),
        Value::from_f64(c as f64 / tick),
    ];
    let ty = vm.registry["posix.times_result"];
    Ok(structseq::new(vm, ty, &vals))
}

/// `os.cpu_count()`.
pub fn cpu_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "cpu_count", 0, 0)?;
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 {
        Value::NONE
    } else {
        Value::small(n as i64)
    })
}

/// `os.sched_getaffinity(pid)`: the CPUs the process may run on.
pub fn sched_getaffinity(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [pid] = args::parse::<1>(vm, a, &Sig::positional("sched_getaffinity", &["pid"], 1))?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) }
        != 0
    {
        return Err(path::last_error(vm));
    }
    let s = crate::object::set::new(vm);
    for i in 0..libc::CPU_SETSIZE as usize {
        if unsafe { libc::CPU_ISSET(i, &set) } {
            crate::object::set::add(vm, s, Value::small(i as i64))?;
        }
    }
    Ok(s)
}

/// `os.urandom(size)`.
pub fn urandom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [n] = args::parse::<1>(vm, a, &Sig::positional("urandom", &["size"], 1))?;
    let n = int_arg(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let Some(mut buf) = crate::modules::io::fileio::zeroed(n as usize) else {
        return Err(int::memory_error(vm));
    };
    let mut got = 0;
    while got < buf.len() {
        let r = unsafe {
            libc::getrandom(
                buf[got..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - got,
                0,
            )
        };
        if r < 0 {
            if path::errno() == libc::EINTR {
                continue;
            }
            return Err(path::last_error(vm));
        }
        got += r as usize;
    }
    Ok(bytes::new(vm, &buf))
}

/// `os.strerror(code)`.
pub fn strerror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [c] = args::parse::<1>(vm, a, &Sig::positional("strerror", &["code"], 1))?;
    let c = int_arg(vm, c)?;
    let s = path::strerror(c as i32);
    Ok(pystr::new(vm, &s))
}

/// `os.system(command)`.
pub fn system(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [c] = args::parse::<1>(vm, a, &Sig::new("system", &["command"], 1))?;
    let p = path::path_arg(vm, "system", "command", c, path::PATH)?;
    crate::modules::io::flush_stdout(vm);
    let r = unsafe { libc::system(p.ptr()) };
    Ok(Value::small(r as i64))
}

/// `os.getloadavg()`.
pub fn getloadavg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getloadavg", 0, 0)?;
    let mut l = [0f64; 3];
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.new_error(vm.exc.os_error, "Load averages are unobtainable"));
    }
    Ok(tuple::new(
        vm,
        &[
            Value::from_f64(l[0]),
            Value::from_f64(l[1]),
            Value::from_f64(l[2]),
        ],
    ))
}

/// `os.getlogin()`.
pub fn getlogin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getlogin", 0, 0)?;
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(path::last_error(vm));
    }
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(pystr::new(vm, &s))
}

/// The environment as a dict of bytes to bytes.
pub fn environ(vm: &mut Vm) -> Value {
    let d = dict::new(vm);
    for (k, v) in std::env::vars_os() {
        let k = bytes::new(vm, std::os::unix::ffi::OsStrExt::as_bytes(k.as_os_str()));
        let v = bytes::new(vm, std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()));
        let _ = dict::set(vm, d, k, v);
    }
    d
}

fn env_bytes(vm: &mut Vm, v: Value) -> PyResult<CString> {
    let p = path::fspath(vm, v)?;
    let raw = match crate::object::str::text_of(p) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes::native(p).map(bytes::data).unwrap_or(&[]).to_vec(),
    };
    CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))
}

/// `os.putenv(name, value)`.
pub fn putenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [k, v] = args::parse::<2>(vm, a, &Sig::positional("putenv", &["name", "value"], 2))?;
    let k = env_bytes(vm, k)?;
    let v = env_bytes(vm, v)?;
    if k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.unsetenv(name)`.
pub fn unsetenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [k] = args::parse::<1>(vm, a, &Sig::positional("unsetenv", &["name"], 1))?;
    let k = env_bytes(vm, k)?;
    if unsafe { libc::unsetenv(k.as_ptr()) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.fspath(path)`.
pub fn fspath(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("fspath", &["path"], 1))?;
    path::fspath(vm, p)
}

/// `os.register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`:
/// accepted and ignored (this runtime does not fork).
pub fn register_at_fork(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = Sig {
        name: "register_at_fork",
        params: &["before", "after_in_child", "after_in_parent"],
        required: 0,
        kwonly_from: 0,
        posonly_until: 0,
    };
    let vals = args::parse::<3>(vm, a, &s)?;
    if vals.iter().all(|v| v.is_null()) {
        return Err(vm.type_error("At least one argument is required."));
    }
    Ok(Value::NONE)
}
