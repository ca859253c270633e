//! `_posixsubprocess.fork_exec`, what `subprocess.Popen` runs on POSIX: fork,
//! set up the child's descriptors, directory, session and signals, then exec;
//! failures in the child are reported on the error pipe in the
//! `OSError:<hex errno>:<message>` form `subprocess` parses.

use std::ffi::CString;

use stitch_core::value::Value;

use crate::modules::select::{errno, os_error};
use crate::object::{bytes, int, module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_posixsubprocess");
    crate::modules::util::add_fns(vm, m, &[("fork_exec", fork_exec)]);
    Ok(m)
}

fn fs_bytes(vm: &mut Vm, v: Value) -> PyResult<CString> {
    let raw = if let Some(s) = pystr::text_of(v) {
        s.as_bytes().to_vec()
    } else if let Some(b) = bytes::native(v) {
        bytes::data(b).to_vec()
    } else {
        let p = vm.call_method(v, "__fspath__", &[])?;
        return fs_bytes(vm, p);
    };
    CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))
}

fn opt_list(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for &x in items.iter() {
        out.push(fs_bytes(vm, x)?);
    }
    Ok(Some(out))
}

fn int_of(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_none() {
        return Ok(-1);
    }
    let n = vm.index(v)?;
    Ok(int::to_i64(n).unwrap_or(-1))
}

/// Everything the child needs, prepared before the fork.
struct Plan {
    argv: Vec<CString>,
    exes: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    keep: Vec<i32>,
    fds: [i32; 8],
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    gid: i64,
    uid: i64,
    umask: i64,
}

fn fork_exec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::args::count(vm, a, "fork_exec", 22, 23)?;
    let p = &a.pos;
    let argv = opt_list(vm, p[0])?.unwrap_or_default();
    let exes = opt_list(vm, p[1])?.unwrap_or_default();
    let close_fds = vm.truth(p[2])?;
    let keep_items = vm.collect_iter(p[3])?;
    let mut keep = Vec::with_capacity(keep_items.len());
    for &k in keep_items.iter() {
        keep.push(int_of(vm, k)? as i32);
    }
    let cwd = if p[4].is_none() { None } else { Some(fs_bytes(vm, p[4])?) };
    let env = opt_list(vm, p[5])?;
    let mut fds = [-1i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int_of(vm, p[6 + i])? as i32;
    }
    let restore_signals = vm.truth(p[14])?;
    let setsid = vm.truth(p[15])?;
    let pgid = int_of(vm, p[16])?;
    let gid = int_of(vm, p[17])?;
    if !p[18].is_none() {
        return Err(vm.not_supported("extra_groups"));
    }
    let uid = int_of(vm, p[19])?;
    let umask = int_of(vm, p[20])?;
    let preexec = p[21];
    let plan = Plan { argv, exes, env, cwd, close_fds, keep, fds, restore_signals, setsid, pgid, gid, uid, umask };
    // SAFETY: fork in a single-threaded process; the child only makes system
    // calls (and the optional preexec_fn) before exec or _exit.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(os_error(vm, errno()));
    }
    if pid == 0 {
        child(vm, &plan, preexec);
    }
    Ok(Value::small(pid as i64))
}

fn report(errpipe: i32, code: i32, msg: &str) {
    let text = format!("OSError:{code:x}:{msg}");
    // SAFETY: writing a local buffer to a descriptor.
    unsafe {
        libc::write(errpipe, text.as_ptr() as *const _, text.len());
    }
}

fn child(vm: &mut Vm, plan: &Plan, preexec: Value) -> ! {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite, _errpipe_read, errpipe_write] = plan.fds;
    // SAFETY: system calls in the freshly forked child.
    unsafe {
        for fd in [p2cwrite, c2pread, errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                let fl = libc::fcntl(fd, libc::F_GETFD);
                libc::fcntl(fd, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                report(errpipe_write, errno(), "noexec");
                libc::_exit(255);
            }
        }
        for &fd in &plan.keep {
            if fd != errpipe_write {
                let fl = libc::fcntl(fd, libc::F_GETFD);
                if fl >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
                }
            }
        }
        if let Some(cwd) = &plan.cwd
            && libc::chdir(cwd.as_ptr()) < 0
        {
            report(errpipe_write, errno(), "noexec");
            libc::_exit(255);
        }
        if plan.umask >= 0 {
            libc::umask(plan.umask as libc::mode_t);
        }
        if plan.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if plan.setsid && libc::setsid() < 0 {
            report(errpipe_write, errno(), "noexec");
            libc::_exit(255);
        }
        if plan.pgid >= 0 && libc::setpgid(0, plan.pgid as libc::pid_t) < 0 {
            report(errpipe_write, errno(), "noexec");
            libc::_exit(255);
        }
        if plan.gid >= 0 && libc::setregid(plan.gid as libc::gid_t, plan.gid as libc::gid_t) < 0 {
            report(errpipe_write, errno(), "noexec");
            libc::_exit(255);
        }
        if plan.uid >= 0 && libc::setreuid(plan.uid as libc::uid_t, plan.uid as libc::uid_t) < 0 {
            report(errpipe_write, errno(), "noexec");
            libc::_exit(255);
        }
    }
    if !preexec.is_none() && vm.call(preexec, &[]).is_err() {
        let msg = "SubprocessError:0:Exception occurred in preexec_fn.";
        // SAFETY: writing a static message, then leaving the child.
        unsafe {
            libc::write(errpipe_write, msg.as_ptr() as *const _, msg.len());
            libc::_exit(255);
        }
    }
    if plan.close_fds {
        close_open_fds(&plan.keep);
    }
    let mut argv: Vec<*const libc::c_char> = plan.argv.iter().map(|c| c.as_ptr()).collect();
    argv.push(std::ptr::null());
    let envp: Option<Vec<*const libc::c_char>> = plan.env.as_ref().map(|e| {
        let mut v: Vec<*const libc::c_char> = e.iter().map(|c| c.as_ptr()).collect();
        v.push(std::ptr::null());
        v
    });
    let mut saved = 0;
    for exe in &plan.exes {
        // SAFETY: argv and envp are NULL-terminated arrays of C strings.
        unsafe {
            match &envp {
                Some(env) => libc::execve(exe.as_ptr(), argv.as_ptr(), env.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    let code = if saved != 0 { saved } else { errno() };
    report(errpipe_write, code, "");
    // SAFETY: leaving the child without running the parent's exit handlers.
    unsafe { libc::_exit(255) }
}

/// Closes every descriptor from 3 up except those in `keep`.
fn close_open_fds(keep: &[i32]) {
    let mut fds: Vec<i32> = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/proc/self/fd") {
        for e in rd.flatten() {
            if let Some(n) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) {
                fds.push(n);
            }
        }
    } else {
        // SAFETY: plain syscall.
        let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(256, 65536) as i32;
        fds.extend(3..max);
    }
    for fd in fds {
        if fd >= 3 && !keep.contains(&fd) {
            // SAFETY: closing descriptors in the child before exec.
            unsafe { libc::close(fd) };
        }
    }
}
