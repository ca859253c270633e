//! File-descriptor functions of `posix`: `open`, `close`, `read`, `write`,
//! `lseek`, `dup`, `pipe`, `fsync`, `isatty`, `sendfile`, inheritance and
//! blocking flags, `get_terminal_size`, `device_encoding`.

use stitch_core::value::Value;

use super::fs::int_arg;
use super::path::{self, PATH};
use super::stat::dir_fd_arg;
use crate::builtins::args::{self, Sig};
use crate::object::{bytearray, bytes, int, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// The bytes of a bytes-like argument (bytes, bytearray), or CPython's TypeError.
pub fn buffer_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::native(v) {
        return Ok(bytes::data(b).to_vec());
    }
    if let Some(b) = bytearray::native(v) {
        return Ok(bytearray::data(b).to_vec());
    }
    if let Some(d) = crate::modules::io::buffer_bytes(vm, v)? {
        return Ok(d);
    }
    Err(vm.type_error(format!(
        "{what}a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`.
pub fn open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = Sig {
        name: "open",
        params: &["path", "flags", "mode", "dir_fd"],
        required: 2,
        kwonly_from: 3,
        posonly_until: 0,
    };
    let [p, flags, mode, dir_fd] = args::parse::<4>(vm, a, &s)?;
    let p = path::path_arg(vm, "open", "path", p, PATH)?;
    let flags = int_arg(vm, flags)? as libc::c_int;
    let mode = if mode.is_null() {
        0o777
    } else {
        int_arg(vm, mode)?
    };
    let dfd = dir_fd_arg(vm, dir_fd)?;
    loop {
        let fd =
            unsafe { libc::openat(dfd, p.ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
        if fd >= 0 {
            return Ok(Value::small(fd as i64));
        }
        if path::errno() == libc::EINTR {
            crate::signals::handle_pending(vm)?;
            continue;
        }
        return Err(path::path_error(vm, &p));
    }
}

fn fd1(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i32> {
    let [fd] = args::parse::<1>(vm, a, &Sig::new(name, &["fd"], 1))?;
    path::fd_arg(vm, fd)
}

/// `os.close(fd)`.
pub fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd1(vm, a, "close")?;
    if unsafe { libc::close(fd) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.closerange(fd_low, fd_high)`.
pub fn closerange(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [lo, hi] = args::parse::<2>(
        vm,
        a,
        &Sig::positional("closerange", &["fd_low", "fd_high"], 2),
    )?;
    let lo = path::fd_arg(vm, lo)?.max(0);
    let hi = path::fd_arg(vm, hi)?;
    for fd in lo..hi {
        unsafe { libc::close(fd) };
    }
    Ok(Value::NONE)
}

/// `os.read(fd, length)`.
pub fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, n] = args::parse::<2>(vm, a, &Sig::positional("read", &["fd", "length"], 2))?;
    let fd = path::fd_arg(vm, fd)?;
    let n = int_arg(vm, n)?;
    if n < 0 {
        return Err(path::os_error(vm, libc::EINVAL));
    }
    match crate::modules::io::fileio::sys_read(fd, n as usize) {
        Ok(Some(buf)) => Ok(bytes::new(vm, &buf)),
        Ok(None) => Err(path::os_error(vm, libc::EAGAIN)),
        Err(libc::ENOMEM) => Err(int::memory_error(vm)),
        Err(code) => Err(path::os_error(vm, code)),
    }
}

/// `os.write(fd, data)`.
pub fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, data] = args::parse::<2>(vm, a, &Sig::positional("write", &["fd", "data"], 2))?;
    let fd = path::fd_arg(vm, fd)?;
    let data = buffer_arg(vm, data, "")?;
    loop {
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r >= 0 {
            return Ok(Value::small(r as i64));
        }
        if path::errno() == libc::EINTR {
            crate::signals::handle_pending(vm)?;
            continue;
        }
        return Err(path::last_error(vm));
    }
}

/// `os.lseek(fd, position, whence)`.
pub fn lseek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, pos, how] = args::parse::<3>(
        vm,
        a,
        &Sig::positional("lseek", &["fd", "position", "whence"], 3),
    )?;
    let fd = path::fd_arg(vm, fd)?;
    let pos = int_arg(vm, pos)?;
    let how = int_arg(vm, how)? as libc::c_int;
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    Ok(int::from_i64(vm, r))
}

/// `os.isatty(fd)`.
pub fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("isatty", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}

/// `os.dup(fd)`.
pub fn dup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("dup", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::small(r as i64))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
pub fn dup2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, fd2, inh] =
        args::parse::<3>(vm, a, &Sig::new("dup2", &["fd", "fd2", "inheritable"], 2))?;
    let fd = path::fd_arg(vm, fd)?;
    let fd2 = path::fd_arg(vm, fd2)?;
    let inh = super::stat::flag(vm, inh, true)?;
    let r = unsafe { libc::dup3(fd, fd2, if inh { 0 } else { libc::O_CLOEXEC }) };
    let r = if r < 0 && path::errno() == libc::EINVAL && fd == fd2 {
        fd
    } else {
        r
    };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::small(r as i64))
}

/// `os.pipe()`.
pub fn pipe(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "pipe", 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(tuple::new(
        vm,
        &[Value::small(fds[0] as i64), Value::small(fds[1] as i64)],
    ))
}

/// A descriptor from an int or an object with `fileno()`.
fn fileno_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if int::is_int(v) || v.is_bool() {
        return path::fd_arg(vm, v);
    }
    let f = vm.call_method(v, "fileno", &[])?;
    path::fd_arg(vm, f)
}

/// `os.fsync(fd)`.
pub fn fsync(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::new("fsync", &["fd"], 1))?;
    let fd = fileno_arg(vm, fd)?;
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.get_inheritable(fd)`.
pub fn get_inheritable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("get_inheritable", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::from_bool(r & libc::FD_CLOEXEC == 0))
}

/// `os.set_inheritable(fd, inheritable)`.
pub fn set_inheritable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, inh] = args::parse::<2>(
        vm,
        a,
        &Sig::positional("set_inheritable", &["fd", "inheritable"], 2),
    )?;
    let fd = path::fd_arg(vm, fd)?;
    let inh = vm.truth(inh)?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    let nf = if inh {
        r & !libc::FD_CLOEXEC
    } else {
        r | libc::FD_CLOEXEC
    };
    if unsafe { libc::fcntl(fd, libc::F_SETFD, nf) } < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.get_blocking(fd)`.
pub fn get_blocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("get_blocking", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::from_bool(r & libc::O_NONBLOCK == 0))
}

/// `os.set_blocking(fd, blocking)`.
pub fn set_blocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, b] = args::parse::<2>(
        vm,
        a,
        &Sig::positional("set_blocking", &["fd", "blocking"], 2),
    )?;
    let fd = path::fd_arg(vm, fd)?;
    let b = vm.truth(b)?;
    let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if r < 0 {
        return Err(path::last_error(vm));
    }
    let nf = if b {
        r & !libc::O_NONBLOCK
    } else {
        r | libc::O_NONBLOCK
    };
    if unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } < 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.sendfile(out_fd, in_fd, offset, count)`.
pub fn sendfile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = Sig::new("sendfile", &["out_fd", "in_fd", "offset", "count"], 4);
    let [out, inp, off, count] = args::parse::<4>(vm, a, &s)?;
    let out = path::fd_arg(vm, out)?;
    let inp = path::fd_arg(vm, inp)?;
    let count = int_arg(vm, count)?.max(0) as usize;
    loop {
        let r = if off.is_none() {
            unsafe { libc::sendfile(out, inp, std::ptr::null_mut(), count) }
        } else {
            let mut o = int_arg(vm, off)? as libc::off_t;
            unsafe { libc::sendfile(out, inp, &mut o, count) }
        };
        if r >= 0 {
            return Ok(int::from_i64(vm, r as i64));
        }
        if path::errno() == libc::EINTR {
            crate::signals::handle_pending(vm)?;
            continue;
        }
        return Err(path::last_error(vm));
    }
}

/// `os.get_terminal_size(fd=1)`.
pub fn get_terminal_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("get_terminal_size", &["fd"], 0))?;
    let fd = if fd.is_null() {
        1
    } else {
        path::fd_arg(vm, fd)?
    };
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(path::last_error(vm));
    }
    let ty = vm.registry["os.terminal_size"];
    Ok(crate::modules::structseq::new(
        vm,
        ty,
        &[
            Value::small(ws.ws_col as i64),
            Value::small(ws.ws_row as i64),
        ],
    ))
}

/// `os.device_encoding(fd)`.
pub fn device_encoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::new("device_encoding", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(pystr::new(vm, "utf-8"));
    }
    Ok(Value::NONE)
}
