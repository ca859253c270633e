//! File-system functions of `posix`: the working directory, `listdir`, `mkdir`,
//! `rmdir`, `unlink`, `rename`, `replace`, `link`, `symlink`, `readlink`,
//! `access`, `chmod`, `umask`, `truncate`.

use std::ffi::CStr;

use stitch_core::value::Value;

use super::path::{self, Allow, PATH, PATH_FD, Path};
use super::stat::{dir_fd_arg, flag};
use crate::builtins::args::{self, Sig};
use crate::object::{int, list};
use crate::vm::{Args, PyResult, Vm};

fn sig<'a>(name: &'a str, params: &'a [&'a str], required: usize, kwonly_from: usize) -> Sig<'a> {
    Sig {
        name,
        params,
        required,
        kwonly_from,
        posonly_until: 0,
    }
}

fn check(vm: &mut Vm, r: libc::c_int, p: &Path) -> PyResult<Value> {
    if r != 0 {
        Err(path::path_error(vm, p))
    } else {
        Ok(Value::NONE)
    }
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(p) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec()),
        Err(e) => Err(path::os_error(vm, e.raw_os_error().unwrap_or(libc::ENOENT))),
    }
}

/// `os.getcwd()`.
pub fn getcwd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getcwd", 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(path::path_result(vm, &b, false))
}

/// `os.getcwdb()`.
pub fn getcwdb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getcwdb", 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(path::path_result(vm, &b, true))
}

/// `os.chdir(path)`.
pub fn chdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("chdir", &["path"], 1))?;
    let p = path::path_arg(vm, "chdir", "path", p, PATH_FD)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchdir(fd),
            None => libc::chdir(p.ptr()),
        }
    };
    check(vm, r, &p)
}

/// The entry names of an open directory stream (without `.` and `..`), closing it.
///
/// # Safety
/// `dir` is an open directory stream, not used afterwards.
pub unsafe fn read_dir_names(dir: *mut libc::DIR) -> Result<Vec<Vec<u8>>, i32> {
    let mut out = Vec::new();
    loop {
        // SAFETY: errno is thread-local; readdir returns entries until NULL.
        unsafe { *libc::__errno_location() = 0 };
        let e = unsafe { libc::readdir(dir) };
        if e.is_null() {
            let code = path::errno();
            unsafe { libc::closedir(dir) };
            if code != 0 {
                return Err(code);
            }
            return Ok(out);
        }
        let name = unsafe { CStr::from_ptr((*e).d_name.as_ptr()) }.to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        out.push(name.to_vec());
    }
}

/// Opens a directory stream for a path or (a duplicate of) a descriptor.
pub fn open_dir(p: &Path) -> Result<*mut libc::DIR, i32> {
    let d = unsafe {
        match p.fd {
            Some(fd) => {
                let dup = libc::dup(fd);
                if dup < 0 {
                    return Err(path::errno());
                }
                let d = libc::fdopendir(dup);
                if d.is_null() {
                    let code = path::errno();
                    libc::close(dup);
                    return Err(code);
                }
                libc::rewinddir(d);
                d
            }
            None => {
                let ptr = if p.c.is_some() {
                    p.ptr()
                } else {
                    c".".as_ptr()
                };
                libc::opendir(ptr)
            }
        }
    };
    if d.is_null() {
        Err(path::errno())
    } else {
        Ok(d)
    }
}

/// `os.listdir(path=None)`.
pub fn listdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("listdir", &["path"], 0))?;
    let p = path::path_arg(
        vm,
        "listdir",
        "path",
        p,
        Allow {
            fd: true,
            none: true,
        },
    )?;
    let names = open_dir(&p).and_then(|d| unsafe { read_dir_names(d) });
    let names = match names {
        Ok(n) => n,
        Err(code) => {
            let f = if p.obj.is_none() { vm.empty_str } else { p.obj };
            let f = if p.obj.is_none() {
                crate::object::str::new(vm, ".")
            } else {
                f
            };
            return Err(path::os_error_with(vm, code, f, Value::NULL));
        }
    };
    let out = list::new(vm, &[]);
    for n in names {
        let v = path::path_result(vm, &n, p.is_bytes);
        list::push(list::vec(out), v);
    }
    Ok(out)
}

/// `os.mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn mkdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p, mode, dir_fd] =
        args::parse::<3>(vm, a, &sig("mkdir", &["path", "mode", "dir_fd"], 1, 2))?;
    let p = path::path_arg(vm, "mkdir", "path", p, PATH)?;
    let mode = if mode.is_null() {
        0o777
    } else {
        int_arg(vm, mode)?
    };
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let r = unsafe { libc::mkdirat(dfd, p.ptr(), mode as libc::mode_t) };
    check(vm, r, &p)
}

/// An int argument (`index`), clamped to i64.
pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    Ok(int::to_i64_clamped(n))
}

/// `os.rmdir(path, *, dir_fd=None)`.
pub fn rmdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p, dir_fd] = args::parse::<2>(vm, a, &sig("rmdir", &["path", "dir_fd"], 1, 1))?;
    let p = path::path_arg(vm, "rmdir", "path", p, PATH)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let r = unsafe { libc::unlinkat(dfd, p.ptr(), libc::AT_REMOVEDIR) };
    check(vm, r, &p)
}

fn unlink_as(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let [p, dir_fd] = args::parse::<2>(vm, a, &sig(name, &["path", "dir_fd"], 1, 1))?;
    let p = path::path_arg(vm, name, "path", p, PATH)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let r = unsafe { libc::unlinkat(dfd, p.ptr(), 0) };
    check(vm, r, &p)
}

/// `os.unlink(path, *, dir_fd=None)`.
pub fn unlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unlink_as(vm, a, "unlink")
}

/// `os.remove(path, *, dir_fd=None)`.
pub fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unlink_as(vm, a, "remove")
}

fn two_paths(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    extra: &[&str],
) -> PyResult<(Path, Path, [Value; 3])> {
    let mut params = vec!["src", "dst"];
    params.extend_from_slice(extra);
    let s = Sig {
        name,
        params: &params,
        required: 2,
        kwonly_from: 2,
        posonly_until: 0,
    };
    let mut vals = [Value::NULL; 5];
    match params.len() {
        4 => vals[..4].copy_from_slice(&args::parse::<4>(vm, a, &s)?),
        5 => vals.copy_from_slice(&args::parse::<5>(vm, a, &s)?),
        _ => vals[..2].copy_from_slice(&args::parse::<2>(vm, a, &s)?),
    }
    let src = path::path_arg(vm, name, "src", vals[0], PATH)?;
    let dst = path::path_arg(vm, name, "dst", vals[1], PATH)?;
    Ok((src, dst, [vals[2], vals[3], vals[4]]))
}

fn rename_as(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let (src, dst, [sfd, dfd, _]) = two_paths(vm, a, name, &["src_dir_fd", "dst_dir_fd"])?;
    let sfd = dir_fd_arg(vm, sfd)?;
    let dfd = dir_fd_arg(vm, dfd)?;
    let r = unsafe { libc::renameat(sfd, src.ptr(), dfd, dst.ptr()) };
    if r != 0 {
        let code = path::errno();
        return Err(path::os_error_with(vm, code, src.obj, dst.obj));
    }
    Ok(Value::NONE)
}

/// `os.rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn rename(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rename_as(vm, a, "rename")
}

/// `os.replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rename_as(vm, a, "replace")
}

/// `os.link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub fn link(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (src, dst, [sfd, dfd, follow]) = two_paths(
        vm,
        a,
        "link",
        &["src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    let sfd = dir_fd_arg(vm, sfd)?;
    let dfd = dir_fd_arg(vm, dfd)?;
    let follow = flag(vm, follow, true)?;
    let r = unsafe {
        libc::linkat(
            sfd,
            src.ptr(),
            dfd,
            dst.ptr(),
            if follow { libc::AT_SYMLINK_FOLLOW } else { 0 },
        )
    };
    if r != 0 {
        let code = path::errno();
        return Err(path::os_error_with(vm, code, src.obj, dst.obj));
    }
    Ok(Value::NONE)
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn symlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sig(
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
        2,
        3,
    );
    let [src, dst, _dir, dir_fd] = args::parse::<4>(vm, a, &s)?;
    let src = path::path_arg(vm, "symlink", "src", src, PATH)?;
    let dst = path::path_arg(vm, "symlink", "dst", dst, PATH)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let r = unsafe { libc::symlinkat(src.ptr(), dfd, dst.ptr()) };
    if r != 0 {
        let code = path::errno();
        return Err(path::os_error_with(vm, code, src.obj, dst.obj));
    }
    Ok(Value::NONE)
}

/// `os.readlink(path, *, dir_fd=None)`.
pub fn readlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p, dir_fd] = args::parse::<2>(vm, a, &sig("readlink", &["path", "dir_fd"], 1, 1))?;
    let p = path::path_arg(vm, "readlink", "path", p, PATH)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let mut buf = vec![0u8; 4096];
    let n = unsafe {
        libc::readlinkat(
            dfd,
            p.ptr(),
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
        )
    };
    if n < 0 {
        return Err(path::path_error(vm, &p));
    }
    buf.truncate(n as usize);
    Ok(path::path_result(vm, &buf, p.is_bytes))
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
pub fn access(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sig(
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    );
    let [p, mode, dir_fd, eff, follow] = args::parse::<5>(vm, a, &s)?;
    let p = path::path_arg(vm, "access", "path", p, PATH)?;
    let mode = int_arg(vm, mode)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let mut fl = 0;
    if flag(vm, eff, false)? {
        fl |= libc::AT_EACCESS;
    }
    if !flag(vm, follow, true)? {
        fl |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let r = unsafe { libc::faccessat(dfd, p.ptr(), mode as libc::c_int, fl) };
    Ok(Value::from_bool(r == 0))
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub fn chmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sig(
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    );
    let [p, mode, dir_fd, follow] = args::parse::<4>(vm, a, &s)?;
    let p = path::path_arg(vm, "chmod", "path", p, PATH_FD)?;
    let mode = int_arg(vm, mode)? as libc::mode_t;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let follow = flag(vm, follow, true)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchmod(fd, mode),
            None => libc::fchmodat(
                dfd,
                p.ptr(),
                mode,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    check(vm, r, &p)
}

/// `os.fchmod(fd, mode)`.
pub fn fchmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, mode] = args::parse::<2>(vm, a, &Sig::new("fchmod", &["fd", "mode"], 2))?;
    let fd = path::fd_arg(vm, fd)?;
    let mode = int_arg(vm, mode)? as libc::mode_t;
    if unsafe { libc::fchmod(fd, mode) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.umask(mask)`.
pub fn umask(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [m] = args::parse::<1>(vm, a, &Sig::positional("umask", &["mask"], 1))?;
    let m = int_arg(vm, m)?;
    let old = unsafe { libc::umask(m as libc::mode_t) };
    Ok(Value::small(old as i64))
}

/// `os.truncate(path, length)`.
pub fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p, len] = args::parse::<2>(vm, a, &Sig::new("truncate", &["path", "length"], 2))?;
    let p = path::path_arg(vm, "truncate", "path", p, PATH_FD)?;
    let len = int_arg(vm, len)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::ftruncate(fd, len),
            None => libc::truncate(p.ptr(), len),
        }
    };
    check(vm, r, &p)
}

/// `os.ftruncate(fd, length)`.
pub fn ftruncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd, len] = args::parse::<2>(vm, a, &Sig::positional("ftruncate", &["fd", "length"], 2))?;
    let fd = path::fd_arg(vm, fd)?;
    let len = int_arg(vm, len)?;
    if unsafe { libc::ftruncate(fd, len) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(Value::NONE)
}

/// `os.chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`.
pub fn chown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sig(
        "chown",
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
    );
    let [p, uid, gid, dir_fd, follow] = args::parse::<5>(vm, a, &s)?;
    let p = path::path_arg(vm, "chown", "path", p, PATH_FD)?;
    let uid = int_arg(vm, uid)? as libc::uid_t;
    let gid = int_arg(vm, gid)? as libc::gid_t;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let follow = flag(vm, follow, true)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchown(fd, uid, gid),
            None => libc::fchownat(
                dfd,
                p.ptr(),
                uid,
                gid,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    check(vm, r, &p)
}

/// `os.mkfifo(path, mode=0o666, *, dir_fd=None)`.
pub fn mkfifo(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p, mode, dir_fd] =
        args::parse::<3>(vm, a, &sig("mkfifo", &["path", "mode", "dir_fd"], 1, 2))?;
    let p = path::path_arg(vm, "mkfifo", "path", p, PATH)?;
    let mode = if mode.is_null() {
        0o666
    } else {
        int_arg(vm, mode)?
    };
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let r = unsafe { libc::mkfifoat(dfd, p.ptr(), mode as libc::mode_t) };
    check(vm, r, &p)
}
