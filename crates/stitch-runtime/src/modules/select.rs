//! The `select` module for Linux: `select.select` (on top of poll(2)), `poll`
//! objects and `epoll` objects, with the constants `selectors` reads. Waits are
//! retried after EINTR once signal handlers ran (PEP 475).

use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::util::{native_type, new_for_class, payload, this};
use crate::builtins::{add_classmethods, add_methods, add_static, args};
use crate::gc::{Rooted, Tracer};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{int, list, module, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "select");
    super::util::add_ints(vm, m, CONSTANTS);
    let oe = vm.exc.os_error;
    module::set(vm, m, "error", oe);
    super::util::add_fns(vm, m, &[("select", select), ("poll", poll_new)]);
    let p = native_type(vm, "select", "poll", false);
    add_methods(vm, p, &[("register", poll_register), ("modify", poll_modify), ("unregister", poll_unregister), ("poll", poll_poll)]);
    let e = native_type(vm, "select", "epoll", true);
    add_static(vm, e, &[("__new__", epoll_new)]);
    add_classmethods(vm, e, &[("fromfd", epoll_fromfd)]);
    add_methods(
        vm,
        e,
        &[
            ("register", epoll_register),
            ("modify", epoll_modify),
            ("unregister", epoll_unregister),
            ("poll", epoll_poll),
            ("close", epoll_close),
            ("fileno", epoll_fileno),
            ("__enter__", epoll_enter),
            ("__exit__", epoll_exit),
        ],
    );
    crate::builtins::add_getsets(vm, e, &[("closed", epoll_closed, None)]);
    module::set(vm, m, "epoll", e);
    Ok(m)
}

/// The current errno.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// OSError (the subclass for the errno) for `code`.
pub fn os_error(vm: &mut Vm, code: i32) -> PyErr {
    crate::modules::posix::path::os_error(vm, code)
}

/// After EINTR: runs the signal handlers (their exception wins).
pub fn after_eintr(vm: &mut Vm) -> PyResult<()> {
    crate::signals::handle_pending(vm)
}

/// `PyObject_AsFileDescriptor`: an int, or the int `obj.fileno()` returns.
pub fn fd_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = if int::is_int(v) || v.is_bool() {
        vm.index(v)?
    } else {
        let f = match vm.getattr_str(v, "fileno") {
            Ok(f) => f,
            Err(_) => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        };
        let r = vm.call(f, &[])?;
        if !int::is_int(r) {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        vm.index(r)?
    };
    let fd = match int::to_i64(n) {
        Some(x) if x <= i32::MAX as i64 && x >= i32::MIN as i64 => x as i32,
        _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    if fd < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// The deadline of a wait of `ms` milliseconds (negative: forever).
fn deadline(ms: i64) -> Option<std::time::Instant> {
    (ms >= 0).then(|| std::time::Instant::now() + std::time::Duration::from_millis(ms as u64))
}

/// Milliseconds left until `deadline` (for retries after EINTR).
fn remaining(deadline: Option<std::time::Instant>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => d.saturating_duration_since(std::time::Instant::now()).as_millis().min(i32::MAX as u128) as i32,
    }
}

/// poll(2) over `fds`, retrying after EINTR.
fn do_poll(vm: &mut Vm, fds: &mut [libc::pollfd], ms: i64) -> PyResult<usize> {
    let dl = deadline(ms);
    let mut wait = if ms < 0 { -1 } else { ms.min(i32::MAX as i64) as i32 };
    loop {
        // SAFETY: fds is a valid array of pollfd of the given length.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, wait) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_error(vm, e));
        }
        after_eintr(vm)?;
        wait = remaining(dl);
    }
}

/// A timeout in seconds (None: forever) as milliseconds, rounded up.
fn seconds_to_ms(vm: &mut Vm, v: Value, msg: &str) -> PyResult<i64> {
    if v.is_none() || v.is_null() {
        return Ok(-1);
    }
    let secs = if v.is_float() {
        v.as_f64()
    } else if int::is_int(v) || v.is_bool() {
        let n = vm.index(v)?;
        int::to_f64(vm, n)?
    } else if vm.lookup_special(v, vm.names.float).is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else {
        return Err(vm.type_error(msg.to_string()));
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Ok(-2);
    }
    let ms = (secs * 1000.0).ceil();
    if ms > i32::MAX as f64 {
        return Err(vm.overflow_error("timeout is too large"));
    }
    Ok(ms as i64)
}

// ---- select.select ----

fn select(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "select", 3, 4)?;
    let timeout = a.pos.get(3).copied().unwrap_or(Value::NONE);
    let ms = seconds_to_ms(vm, timeout, "timeout must be a float or None")?;
    if ms == -2 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    let mut objs: Vec<Rooted> = Vec::new();
    let mut fds: Vec<Vec<i32>> = Vec::new();
    for &seq in &a.pos[..3] {
        let items = match vm.collect_iter(seq) {
            Ok(v) => v,
            Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
        };
        let mut these = Vec::with_capacity(items.len());
        for &o in items.iter() {
            let fd = fd_of(vm, o)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(vm.value_error("filedescriptor out of range in select()"));
            }
            these.push(fd);
        }
        objs.push(items);
        fds.push(these);
    }
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    for (k, these) in fds.iter().enumerate() {
        for &fd in these {
            pfds.push(libc::pollfd { fd, events: masks[k], revents: 0 });
        }
    }
    do_poll(vm, &mut pfds, ms)?;
    for p in &pfds {
        if p.revents & libc::POLLNVAL != 0 {
            return Err(os_error(vm, libc::EBADF));
        }
    }
    let mut out = Rooted::new();
    let mut at = 0;
    for (k, these) in fds.iter().enumerate() {
        let l = list::new(vm, &[]);
        out.push(l);
        for (j, _) in these.iter().enumerate() {
            let p = &pfds[at + j];
            let hit = match k {
                0 => p.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
                1 => p.revents & (libc::POLLOUT | libc::POLLERR) != 0,
                _ => p.revents & libc::POLLPRI != 0,
            };
            if hit {
                list::push(list::vec(l), objs[k][j]);
            }
        }
        at += these.len();
    }
    Ok(tuple::new(vm, &out))
}

// ---- poll objects ----

struct Poll {
    fds: RefCell<Vec<(i32, i16)>>,
}

impl NativeData for Poll {
    native_any!();
}

fn poll_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "poll", 0, 0)?;
    let t = vm.registry["select.poll"];
    Ok(crate::object::native::new(vm, t, Box::new(Poll { fds: RefCell::new(Vec::new()) })))
}

fn mask_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(&v) => {
            let n = vm.index(v)?;
            Ok(int::to_i64(n).unwrap_or(-1))
        }
    }
}

fn poll_register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p: &Poll = this(vm, a, "select.poll", "register")?;
    args::count(vm, &a.tail(), "register", 1, 2)?;
    let fd = fd_of(vm, a.pos[1])?;
    let mask = mask_arg(vm, a.pos.get(2), (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64)?;
    if !(0..=0xffff).contains(&mask) {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask as u16 as i16,
        None => fds.push((fd, mask as u16 as i16)),
    }
    Ok(Value::NONE)
}

fn poll_modify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p: &Poll = this(vm, a, "select.poll", "modify")?;
    args::count(vm, &a.tail(), "modify", 2, 2)?;
    let fd = fd_of(vm, a.pos[1])?;
    let mask = mask_arg(vm, a.pos.get(2), 0)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask as u16 as i16,
        None => {
            drop(fds);
            return Err(os_error(vm, libc::ENOENT));
        }
    }
    Ok(Value::NONE)
}

fn poll_unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p: &Poll = this(vm, a, "select.poll", "unregister")?;
    args::count(vm, &a.tail(), "unregister", 1, 1)?;
    let fd = fd_of(vm, a.pos[1])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::NONE)
        }
        None => {
            drop(fds);
            let k = Value::small(fd as i64);
            Err(vm.key_error(k))
        }
    }
}

fn poll_poll(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p: &Poll = this(vm, a, "select.poll", "poll")?;
    args::count(vm, &a.tail(), "poll", 0, 1)?;
    let ms = match a.pos.get(1) {
        None => -1,
        Some(&v) if v.is_none() => -1,
        Some(&v) if v.is_float() => {
            let f = v.as_f64();
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            f.ceil() as i64
        }
        Some(&v) if int::is_int(v) || v.is_bool() => {
            let n = vm.index(v)?;
            int::to_i64(n).unwrap_or(i64::MAX)
        }
        Some(_) => return Err(vm.type_error("timeout must be an integer or None")),
    };
    let mut pfds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, ev)| libc::pollfd { fd, events: ev, revents: 0 }).collect();
    do_poll(vm, &mut pfds, if ms < 0 { -1 } else { ms })?;
    let l = list::new(vm, &[]);
    for pf in pfds.iter().filter(|pf| pf.revents != 0) {
        let t = tuple::new(vm, &[Value::small(pf.fd as i64), Value::small(pf.revents as u16 as i64)]);
        list::push(list::vec(l), t);
    }
    Ok(l)
}

// ---- epoll objects ----

pub struct Epoll {
    fd: Cell<i32>,
}

impl NativeData for Epoll {
    fn trace(&self, _t: &mut Tracer) {}
    native_any!();
}

fn epoll_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let [sizehint, _flags] = args::parse::<2>(vm, &a.tail(), &args::Sig::new("epoll", &["sizehint", "flags"], 0))?;
    if !sizehint.is_null() {
        let n = vm.index(sizehint)?;
        let n = int::to_i64(n).unwrap_or(0);
        if n == 0 || n < -1 {
            return Err(vm.value_error("negative sizehint"));
        }
    }
    // SAFETY: plain syscall.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(vm, errno()));
    }
    let base = vm.registry["select.epoll"];
    Ok(new_for_class(vm, cls, base, Box::new(Epoll { fd: Cell::new(fd) })))
}

fn epoll_fromfd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, &a.tail(), "fromfd", 1, 1)?;
    let fd = fd_of(vm, a.pos[1])?;
    let base = vm.registry["select.epoll"];
    Ok(new_for_class(vm, a.pos[0], base, Box::new(Epoll { fd: Cell::new(fd) })))
}

fn ep<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a Epoll> {
    let e: &Epoll = this(vm, a, "select.epoll", m)?;
    if e.fd.get() < 0 {
        return Err(vm.value_error("I/O operation on closed epoll object"));
    }
    Ok(e)
}

fn epoll_ctl(vm: &mut Vm, e: &Epoll, op: i32, fd: i32, mask: u32) -> PyResult<Value> {
    let mut ev = libc::epoll_event { events: mask, u64: fd as u64 };
    // SAFETY: ev is a valid epoll_event.
    let r = unsafe { libc::epoll_ctl(e.fd.get(), op, fd, &mut ev) };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::NONE)
}

fn epoll_register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = ep(vm, a, "register")?;
    let [fd, mask] = args::parse::<2>(vm, &a.tail(), &args::Sig::new("register", &["fd", "eventmask"], 1))?;
    let fd = fd_of(vm, fd)?;
    let m = if mask.is_null() {
        (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32
    } else {
        mask_arg(vm, Some(&mask), 0)? as u32
    };
    epoll_ctl(vm, e, libc::EPOLL_CTL_ADD, fd, m)
}

fn epoll_modify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = ep(vm, a, "modify")?;
    let [fd, mask] = args::parse::<2>(vm, &a.tail(), &args::Sig::new("modify", &["fd", "eventmask"], 2))?;
    let fd = fd_of(vm, fd)?;
    let m = mask_arg(vm, Some(&mask), 0)? as u32;
    epoll_ctl(vm, e, libc::EPOLL_CTL_MOD, fd, m)
}

fn epoll_unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = ep(vm, a, "unregister")?;
    let [fd] = args::parse::<1>(vm, &a.tail(), &args::Sig::new("unregister", &["fd"], 1))?;
    let fd = fd_of(vm, fd)?;
    epoll_ctl(vm, e, libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = ep(vm, a, "poll")?;
    let [timeout, maxevents] =
        args::parse::<2>(vm, &a.tail(), &args::Sig::new("poll", &["timeout", "maxevents"], 0))?;
    let ms = seconds_to_ms(vm, timeout, "timeout must be an integer or None")?;
    let ms = if ms < 0 { -1 } else { ms };
    let mut max = -1;
    if !maxevents.is_null() {
        let n = vm.index(maxevents)?;
        max = int::to_i64(n).unwrap_or(0);
    }
    if max == -1 {
        max = libc::FD_SETSIZE as i64 - 1;
    } else if max < 1 {
        return Err(vm.value_error(format!("maxevents must be greater than 0, got {max}")));
    }
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; max.min(65536) as usize];
    let dl = deadline(ms);
    let mut wait = ms as i32;
    let n = loop {
        // SAFETY: evs has room for evs.len() events.
        let r = unsafe { libc::epoll_wait(e.fd.get(), evs.as_mut_ptr(), evs.len() as i32, wait) };
        if r >= 0 {
            break r as usize;
        }
        let code = errno();
        if code != libc::EINTR {
            return Err(os_error(vm, code));
        }
        after_eintr(vm)?;
        wait = remaining(dl);
    };
    let l = list::new(vm, &[]);
    for ev in evs.iter().take(n) {
        let (fd, events) = (ev.u64 as i64, ev.events as i64);
        let t = tuple::new(vm, &[Value::small(fd), Value::small(events)]);
        list::push(list::vec(l), t);
    }
    Ok(l)
}

fn epoll_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e: &Epoll = this(vm, a, "select.epoll", "close")?;
    let fd = e.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing a descriptor this object owns.
        unsafe { libc::close(fd) };
    }
    Ok(Value::NONE)
}

fn epoll_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = ep(vm, a, "fileno")?;
    Ok(Value::small(e.fd.get() as i64))
}

fn epoll_closed(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(payload::<Epoll>(v).is_none_or(|e| e.fd.get() < 0)))
}

fn epoll_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    ep(vm, a, "__enter__")?;
    Ok(a.pos[0])
}

fn epoll_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    epoll_close(vm, &Args::new(&a.pos[..1]))
}
