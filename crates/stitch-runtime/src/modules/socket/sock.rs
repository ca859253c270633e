//! `_socket.socket`: a socket descriptor with CPython's timeout modes (blocking,
//! non-blocking, or a timeout: the descriptor is non-blocking and each call waits
//! with poll(2) first), and its methods.

use std::cell::Cell;
use std::mem::size_of;

use stitch_core::value::Value;

use super::addr::{self, SockAddr};
use crate::builtins::{add_getsets, add_methods, add_static, args};
use crate::modules::array::buffer;
use crate::modules::select::{after_eintr, errno, os_error};
use crate::modules::util::{native_type, new_for_class, payload, this};
use crate::native_any;
use crate::object::function::NativeFn;
use crate::object::native::NativeData;
use crate::object::{bytes, int, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub const TYPE: &str = "_socket.socket";

pub struct Socket {
    pub fd: Cell<i32>,
    pub family: Cell<i32>,
    pub ty: Cell<i32>,
    pub proto: Cell<i32>,
    /// Seconds; negative means None (blocking).
    pub timeout: Cell<f64>,
}

impl NativeData for Socket {
    native_any!();
}

pub fn socket_type(vm: &mut Vm) -> Value {
    let t = native_type(vm, "_socket", "socket", true);
    add_static(vm, t, &[("__new__", sock_new)]);
    let defs: &[(&'static str, NativeFn)] = &[
        ("__init__", sock_init),
        ("__repr__", repr),
        ("close", close),
        ("detach", detach),
        ("fileno", fileno),
        ("dup", dup),
        ("setblocking", setblocking),
        ("getblocking", getblocking),
        ("settimeout", settimeout),
        ("gettimeout", gettimeout),
        ("bind", bind),
        ("listen", listen),
        ("_accept", accept),
        ("connect", connect),
        ("connect_ex", connect_ex),
        ("getsockname", getsockname),
        ("getpeername", getpeername),
        ("send", send),
        ("sendall", sendall),
        ("sendto", sendto),
        ("recv", recv),
        ("recv_into", recv_into),
        ("recvfrom", recvfrom),
        ("setsockopt", setsockopt),
        ("getsockopt", getsockopt),
        ("shutdown", shutdown),
    ];
    add_methods(vm, t, defs);
    add_getsets(
        vm,
        t,
        &[
            ("family", get_family, None),
            ("type", get_type, None),
            ("proto", get_proto, None),
            ("timeout", get_timeout, None),
        ],
    );
    t
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a Socket> {
    this::<Socket>(vm, a, TYPE, m)
}

/// The module's default timeout (negative: None).
pub fn default_timeout(vm: &Vm) -> f64 {
    vm.registry
        .get("_socket.defaulttimeout")
        .map(|v| if v.is_float() { v.as_f64() } else { -1.0 })
        .unwrap_or(-1.0)
}

fn set_nonblocking(fd: i32, on: bool) {
    // SAFETY: fcntl on a descriptor (errors ignored as CPython's internal_setblocking reports them late).
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl >= 0 {
            let new = if on {
                fl | libc::O_NONBLOCK
            } else {
                fl & !libc::O_NONBLOCK
            };
            if new != fl {
                libc::fcntl(fd, libc::F_SETFL, new);
            }
        }
    }
}

fn apply_timeout(s: &Socket) {
    if s.fd.get() >= 0 {
        set_nonblocking(s.fd.get(), s.timeout.get() >= 0.0);
    }
}

pub fn new_socket(vm: &mut Vm, cls: Value, fd: i32, family: i32, ty: i32, proto: i32) -> Value {
    let base = vm.registry[TYPE];
    let timeout = default_timeout(vm);
    let s = Socket {
        fd: Cell::new(fd),
        family: Cell::new(family),
        ty: Cell::new(ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC)),
        proto: Cell::new(proto),
        timeout: Cell::new(timeout),
    };
    apply_timeout(&s);
    new_for_class(vm, cls, base, Box::new(s))
}

fn sock_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(new_socket(
        vm,
        a.pos[0],
        -1,
        libc::AF_INET,
        libc::SOCK_STREAM,
        0,
    ))
}

fn small_int(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    match int::to_i64(n) {
        Some(x) if (i32::MIN as i64..=i32::MAX as i64).contains(&x) => Ok(x as i32),
        _ => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

fn getsockopt_int(fd: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: v and len are valid for the call.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            opt,
            &mut v as *mut _ as *mut libc::c_void,
            &mut len,
        )
    };
    (r == 0).then_some(v)
}

fn sock_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "__init__")?;
    let sig = args::Sig::new("socket", &["family", "type", "proto", "fileno"], 0);
    let [family, ty, proto, fileno] = args::parse::<4>(vm, &a.tail(), &sig)?;
    let opt = |vm: &mut Vm, v: Value| -> PyResult<i32> {
        if v.is_null() || v.is_none() {
            Ok(-1)
        } else {
            small_int(vm, v)
        }
    };
    let (mut family, mut ty, mut proto) = (opt(vm, family)?, opt(vm, ty)?, opt(vm, proto)?);
    let fd = if fileno.is_null() || fileno.is_none() {
        if family == -1 {
            family = libc::AF_INET;
        }
        if ty == -1 {
            ty = libc::SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        // SAFETY: plain syscall.
        let fd = unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) };
        if fd < 0 {
            return Err(os_error(vm, errno()));
        }
        fd
    } else {
        let fd = small_int(vm, fileno)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        if family == -1 {
            family = getsockopt_int(fd, libc::SO_DOMAIN).ok_or_else(|| os_error(vm, errno()))?;
        }
        if ty == -1 {
            ty = getsockopt_int(fd, libc::SO_TYPE).ok_or_else(|| os_error(vm, errno()))?;
        }
        if proto == -1 {
            proto = getsockopt_int(fd, libc::SO_PROTOCOL).ok_or_else(|| os_error(vm, errno()))?;
        }
        fd
    };
    s.fd.set(fd);
    s.family.set(family);
    s.ty.set(ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    s.timeout.set(default_timeout(vm));
    apply_timeout(s);
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "__repr__")?;
    let r = format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.ty.get(),
        s.proto.get()
    );
    Ok(pystr::new(vm, &r))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "close")?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing the descriptor this socket owns.
        let r = unsafe { libc::close(fd) };
        if r < 0 && errno() != libc::ECONNRESET {
            return Err(os_error(vm, errno()));
        }
    }
    Ok(Value::NONE)
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "detach")?;
    Ok(Value::small(s.fd.replace(-1) as i64))
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "fileno")?;
    Ok(Value::small(s.fd.get() as i64))
}

fn dup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "dup")?;
    // SAFETY: plain syscall.
    let fd = unsafe { libc::fcntl(s.fd.get(), libc::F_DUPFD_CLOEXEC, 0) };
    if fd < 0 {
        return Err(os_error(vm, errno()));
    }
    let t = vm.registry[TYPE];
    Ok(new_socket(
        vm,
        t,
        fd,
        s.family.get(),
        s.ty.get(),
        s.proto.get(),
    ))
}

fn setblocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "setblocking")?;
    args::count(vm, &a.tail(), "setblocking", 1, 1)?;
    let on = vm.truth(a.pos[1])?;
    s.timeout.set(if on { -1.0 } else { 0.0 });
    apply_timeout(s);
    Ok(Value::NONE)
}

fn getblocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "getblocking")?;
    Ok(Value::from_bool(s.timeout.get() != 0.0))
}

/// A timeout argument in seconds (None: negative), with CPython's messages.
pub fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let secs = if v.is_float() {
        v.as_f64()
    } else if int::is_int(v) || v.is_bool() {
        let n = vm.index(v)?;
        int::to_f64(vm, n)?
    } else if vm.lookup_special(v, vm.names.float).is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(secs)
}

fn settimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "settimeout")?;
    args::count(vm, &a.tail(), "settimeout", 1, 1)?;
    let t = timeout_arg(vm, a.pos[1])?;
    s.timeout.set(t);
    apply_timeout(s);
    Ok(Value::NONE)
}

fn timeout_value(s: &Socket) -> Value {
    let t = s.timeout.get();
    if t < 0.0 {
        Value::NONE
    } else {
        Value::from_f64(t)
    }
}

fn gettimeout(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "gettimeout")?;
    Ok(timeout_value(s))
}

fn get_family(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(
        payload::<Socket>(v).map(|s| s.family.get()).unwrap_or(-1) as i64,
    ))
}
fn get_type(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(
        payload::<Socket>(v).map(|s| s.ty.get()).unwrap_or(-1) as i64,
    ))
}
fn get_proto(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(
        payload::<Socket>(v).map(|s| s.proto.get()).unwrap_or(-1) as i64,
    ))
}
fn get_timeout(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(payload::<Socket>(v)
        .map(timeout_value)
        .unwrap_or(Value::NONE))
}

fn timed_out(vm: &mut Vm) -> PyErr {
    let t = vm.exc.timeout_error;
    vm.new_error(t, "timed out")
}

/// Runs `op` (a system call returning a negative value on error) in the socket's
/// timeout mode: waits first when there is a timeout, retries after EINTR.
fn sock_call(
    vm: &mut Vm,
    s: &Socket,
    writing: bool,
    mut op: impl FnMut(i32) -> isize,
) -> PyResult<isize> {
    let timeout = s.timeout.get();
    let deadline = (timeout > 0.0)
        .then(|| std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout));
    loop {
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(std::time::Instant::now());
            let ms = left.as_millis().min(i32::MAX as u128) as i32
                + i32::from(left.subsec_nanos() % 1_000_000 != 0);
            let mut p = libc::pollfd {
                fd: s.fd.get(),
                events: if writing { libc::POLLOUT } else { libc::POLLIN },
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let r = unsafe { libc::poll(&mut p, 1, ms) };
            if r < 0 {
                let e = errno();
                if e == libc::EINTR {
                    after_eintr(vm)?;
                    continue;
                }
                return Err(os_error(vm, e));
            }
            if r == 0 {
                return Err(timed_out(vm));
            }
        }
        let r = op(s.fd.get());
        if r >= 0 {
            return Ok(r);
        }
        let e = errno();
        if e == libc::EINTR {
            after_eintr(vm)?;
            continue;
        }
        if deadline.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(os_error(vm, e));
    }
}

fn bind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "bind")?;
    args::count(vm, &a.tail(), "bind", 1, 1)?;
    let sa = addr::parse(vm, s.family.get(), a.pos[1], "bind")?;
    // SAFETY: sa holds a valid address of sa.len bytes.
    if unsafe { libc::bind(s.fd.get(), sa.as_ptr(), sa.len) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}

fn listen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "listen")?;
    args::count(vm, &a.tail(), "listen", 0, 1)?;
    let backlog = match a.pos.get(1) {
        Some(&v) => small_int(vm, v)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: plain syscall.
    if unsafe { libc::listen(s.fd.get(), backlog) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}

fn accept(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "_accept")?;
    let mut sa = SockAddr::empty();
    let p = sa.as_mut_ptr();
    let lp: *mut libc::socklen_t = &mut sa.len;
    // SAFETY: p and lp point into sa, alive for the call.
    let fd = sock_call(vm, s, false, |fd| unsafe {
        libc::accept4(fd, p, lp, libc::SOCK_CLOEXEC) as isize
    })?;
    let addr = addr::to_value(vm, &sa);
    Ok(tuple::new(vm, &[Value::small(fd as i64), addr]))
}

/// connect(2) in the socket's mode; Err(errno) for connect_ex.
fn do_connect(vm: &mut Vm, s: &Socket, target: Value, caller: &str) -> PyResult<i32> {
    let sa = addr::parse(vm, s.family.get(), target, caller)?;
    loop {
        // SAFETY: sa holds a valid address.
        let r = unsafe { libc::connect(s.fd.get(), sa.as_ptr(), sa.len) };
        if r == 0 {
            return Ok(0);
        }
        let e = errno();
        if e == libc::EINTR {
            after_eintr(vm)?;
            if s.timeout.get() == 0.0 {
                return Ok(e);
            }
            continue;
        }
        if e == libc::EINPROGRESS && s.timeout.get() > 0.0 {
            let probe = sock_call(vm, s, true, |fd| {
                getsockopt_int(fd, libc::SO_ERROR).map_or(-1, |v| v as isize)
            });
            return match probe {
                Ok(code) => Ok(code as i32),
                Err(err) => Err(err),
            };
        }
        return Ok(e);
    }
}

fn connect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "connect")?;
    args::count(vm, &a.tail(), "connect", 1, 1)?;
    let e = do_connect(vm, s, a.pos[1], "connect")?;
    if e != 0 {
        return Err(os_error(vm, e));
    }
    Ok(Value::NONE)
}

fn connect_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "connect_ex")?;
    args::count(vm, &a.tail(), "connect_ex", 1, 1)?;
    let e = do_connect(vm, s, a.pos[1], "connect_ex")?;
    Ok(Value::small(e as i64))
}

fn name_of(vm: &mut Vm, a: &Args, peer: bool) -> PyResult<Value> {
    let s = me(vm, a, if peer { "getpeername" } else { "getsockname" })?;
    let mut sa = SockAddr::empty();
    // SAFETY: sa is valid storage of sa.len bytes.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd.get(), sa.as_mut_ptr(), &mut sa.len)
        } else {
            libc::getsockname(s.fd.get(), sa.as_mut_ptr(), &mut sa.len)
        }
    };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(addr::to_value(vm, &sa))
}

fn getsockname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    name_of(vm, a, false)
}

fn getpeername(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    name_of(vm, a, true)
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(&f) => small_int(vm, f),
        None => Ok(0),
    }
}

fn send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "send")?;
    args::count(vm, &a.tail(), "send", 1, 2)?;
    let data = buffer::read(vm, a.pos[1])?.to_vec();
    let flags = flags_arg(vm, a.pos.get(2))? | libc::MSG_NOSIGNAL;
    // SAFETY: data is a valid buffer.
    let n = sock_call(vm, s, true, |fd| unsafe {
        libc::send(fd, data.as_ptr() as *const _, data.len(), flags)
    })?;
    Ok(Value::small(n as i64))
}

fn sendall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "sendall")?;
    args::count(vm, &a.tail(), "sendall", 1, 2)?;
    let data = buffer::read(vm, a.pos[1])?.to_vec();
    let flags = flags_arg(vm, a.pos.get(2))? | libc::MSG_NOSIGNAL;
    let mut at = 0;
    while at < data.len() {
        let rest = &data[at..];
        // SAFETY: rest is a valid buffer.
        let n = sock_call(vm, s, true, |fd| unsafe {
            libc::send(fd, rest.as_ptr() as *const _, rest.len(), flags)
        })?;
        at += n as usize;
        crate::signals::handle_pending(vm)?;
    }
    Ok(Value::NONE)
}

fn sendto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "sendto")?;
    args::count(vm, &a.tail(), "sendto", 2, 3)?;
    let data = buffer::read(vm, a.pos[1])?.to_vec();
    let (flags, target) = if a.pos.len() == 4 {
        (flags_arg(vm, a.pos.get(2))?, a.pos[3])
    } else {
        (0, a.pos[2])
    };
    let sa = addr::parse(vm, s.family.get(), target, "sendto")?;
    let flags = flags | libc::MSG_NOSIGNAL;
    // SAFETY: data and sa are valid.
    let n = sock_call(vm, s, true, |fd| unsafe {
        libc::sendto(
            fd,
            data.as_ptr() as *const _,
            data.len(),
            flags,
            sa.as_ptr(),
            sa.len,
        )
    })?;
    Ok(Value::small(n as i64))
}

fn bufsize_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<usize> {
    let n = small_int_ssize(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

fn small_int_ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    crate::modules::array::seq_ssize(vm, v)
}

fn recv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "recv")?;
    if a.pos.len() < 2 {
        return Err(vm.type_error(format!(
            "recv() takes at least 1 argument ({} given)",
            a.pos.len() - 1
        )));
    }
    args::count(vm, &a.tail(), "recv", 1, 2)?;
    let n = bufsize_arg(vm, a.pos[1], "recv")?;
    let flags = flags_arg(vm, a.pos.get(2))?;
    let mut buf = buffer::zeroed(vm, n)?;
    let p = buf.as_mut_ptr();
    // SAFETY: buf has room for n bytes.
    let got = sock_call(vm, s, false, |fd| unsafe {
        libc::recv(fd, p as *mut _, n, flags)
    })?;
    buf.truncate(got as usize);
    Ok(bytes::new(vm, &buf))
}

fn recv_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "recv_into")?;
    let sig = args::Sig::new("recv_into", &["buffer", "nbytes", "flags"], 1);
    let [target, nbytes, flags] = args::parse::<3>(vm, &a.tail(), &sig)?;
    let cap = buffer::writable_len(vm, target)?;
    let mut n = if nbytes.is_null() {
        0
    } else {
        small_int_ssize(vm, nbytes)?
    };
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv_into"));
    }
    if n == 0 {
        n = cap as i64;
    }
    if n as usize > cap {
        return Err(vm.value_error("buffer too small for requested bytes"));
    }
    let flags = if flags.is_null() {
        0
    } else {
        small_int(vm, flags)?
    };
    let mut buf = buffer::zeroed(vm, n as usize)?;
    let p = buf.as_mut_ptr();
    let len = buf.len();
    // SAFETY: buf has room for len bytes.
    let got = sock_call(vm, s, false, |fd| unsafe {
        libc::recv(fd, p as *mut _, len, flags)
    })? as usize;
    buffer::write(vm, target, 0, &buf[..got])?;
    Ok(Value::small(got as i64))
}

fn recvfrom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "recvfrom")?;
    args::count(vm, &a.tail(), "recvfrom", 1, 2)?;
    let n = bufsize_arg(vm, a.pos[1], "recvfrom")?;
    let flags = flags_arg(vm, a.pos.get(2))?;
    let mut buf = buffer::zeroed(vm, n)?;
    let p = buf.as_mut_ptr();
    let mut sa = SockAddr::empty();
    let sp = sa.as_mut_ptr();
    let lp: *mut libc::socklen_t = &mut sa.len;
    // SAFETY: buffers alive for the call.
    let got = sock_call(vm, s, false, |fd| unsafe {
        libc::recvfrom(fd, p as *mut _, n, flags, sp, lp)
    })?;
    buf.truncate(got as usize);
    let b = bytes::new(vm, &buf);
    let addr = addr::to_value(vm, &sa);
    Ok(tuple::new(vm, &[b, addr]))
}

fn setsockopt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "setsockopt")?;
    args::count(vm, &a.tail(), "setsockopt", 3, 4)?;
    let level = small_int(vm, a.pos[1])?;
    let opt = small_int(vm, a.pos[2])?;
    let v = a.pos[3];
    let r = if a.pos.len() == 5 {
        let len = small_int(vm, a.pos[4])?;
        // SAFETY: a NULL option value of the given length, as CPython passes.
        unsafe {
            libc::setsockopt(
                s.fd.get(),
                level,
                opt,
                std::ptr::null(),
                len as libc::socklen_t,
            )
        }
    } else if int::is_int(v) || v.is_bool() {
        let x = small_int(vm, v)?;
        // SAFETY: x is a valid int for the call.
        unsafe {
            libc::setsockopt(
                s.fd.get(),
                level,
                opt,
                &x as *const _ as *const _,
                size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    } else {
        let data = buffer::read(vm, v)?.to_vec();
        // SAFETY: data is a valid buffer.
        unsafe {
            libc::setsockopt(
                s.fd.get(),
                level,
                opt,
                data.as_ptr() as *const _,
                data.len() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}

fn getsockopt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "getsockopt")?;
    args::count(vm, &a.tail(), "getsockopt", 2, 3)?;
    let level = small_int(vm, a.pos[1])?;
    let opt = small_int(vm, a.pos[2])?;
    let buflen = match a.pos.get(3) {
        Some(&v) => small_int(vm, v)?,
        None => 0,
    };
    if buflen == 0 {
        let mut x: libc::c_int = 0;
        let mut len = size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: x and len valid.
        if unsafe { libc::getsockopt(s.fd.get(), level, opt, &mut x as *mut _ as *mut _, &mut len) }
            < 0
        {
            return Err(os_error(vm, errno()));
        }
        return Ok(Value::small(x as i64));
    }
    if !(0..=1024).contains(&buflen) {
        return Err(vm.new_error(vm.exc.os_error, "getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: buf has room for len bytes.
    if unsafe { libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr() as *mut _, &mut len) } < 0
    {
        return Err(os_error(vm, errno()));
    }
    buf.truncate(len as usize);
    Ok(bytes::new(vm, &buf))
}

fn shutdown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = me(vm, a, "shutdown")?;
    args::count(vm, &a.tail(), "shutdown", 1, 1)?;
    let how = small_int(vm, a.pos[1])?;
    // SAFETY: plain syscall.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}
