//! `stat`, `lstat`, `fstat` and the `os.stat_result` struct sequence; `utime`.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::path::{self, PATH_FD, Path};
use crate::builtins::args::{self, Sig};
use crate::modules::structseq;
use crate::object::{int, tuple};
use crate::vm::{Args, PyResult, Vm};

const FIELDS: [&str; 19] = [
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// Creates `os.stat_result` (the three int times are items 7 to 9; the float times
/// of the same names are attributes, as in CPython).
pub fn make_type(vm: &mut Vm) -> Value {
    let t = structseq::new_type(vm, "os", "stat_result", &FIELDS, 10, true);
    vm.registry.insert("os.stat_result", t);
    let d = crate::object::types::ty(t).dict;
    let k = crate::object::str::intern(vm, "n_unnamed_fields");
    crate::object::dict::set_str(d, k, Value::small(3));
    if let Some(n) = crate::object::dict::get_str(d, vm.names.new) {
        vm.registry.insert("os.stat_result.__new__", n);
    }
    crate::builtins::add_static(vm, t, &[("__new__", stat_result_new)]);
    crate::object::types::invalidate(t);
    t
}

/// `os.stat_result(seq, dict=None)`: the float times default to the int ones.
fn stat_result_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&base_new) = vm.registry.get("os.stat_result.__new__") else {
        return Err(vm.type_error("cannot create 'os.stat_result' instances"));
    };
    let r = vm.call_kw(base_new, a)?;
    let t = crate::modules::util::native_of(r);
    if t.is_kind(Kind::Tuple) && r.is_kind(Kind::Instance) {
        let items = tuple::items(t);
        for (i, name) in [(7, "st_atime"), (8, "st_mtime"), (9, "st_ctime")] {
            let k = crate::object::str::intern(vm, name);
            let cur = crate::object::instance::get_attr(vm, r, k);
            if cur.is_none_or(|v| v.is_none())
                && let Some(&v) = items.get(i)
            {
                crate::object::instance::set_attr(vm, r, k, v);
            }
        }
    }
    Ok(r)
}

/// An `os.stat_result` from a `struct stat`.
pub fn result(vm: &mut Vm, st: &libc::stat) -> Value {
    let ty = match vm.registry.get("os.stat_result") {
        Some(t) => *t,
        None => make_type(vm),
    };
    let mut vals = crate::gc::Rooted::new();
    let ints: [i64; 7] = [
        st.st_mode as i64,
        st.st_ino as i64,
        st.st_dev as i64,
        st.st_nlink as i64,
        st.st_uid as i64,
        st.st_gid as i64,
        st.st_size,
    ];
    for i in ints {
        let v = int::from_i64(vm, i);
        vals.push(v);
    }
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    for (s, _) in times {
        let v = int::from_i64(vm, s);
        vals.push(v);
    }
    for (s, ns) in times {
        vals.push(Value::from_f64(s as f64 + ns as f64 * 1e-9));
    }
    for (s, ns) in times {
        let total = s as i128 * 1_000_000_000 + ns as i128;
        let v = int::from_bigint(vm, total.into());
        vals.push(v);
    }
    for i in [st.st_blksize, st.st_blocks, st.st_rdev as i64] {
        let v = int::from_i64(vm, i);
        vals.push(v);
    }
    structseq::new(vm, ty, &vals)
}

/// `stat` of a path (following symlinks or not), relative to `dir_fd`, or `fstat`.
pub fn stat_path(p: &Path, dir_fd: i32, follow: bool) -> Result<libc::stat, i32> {
    // SAFETY: an all-zero stat is a valid out-buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fstat(fd, &mut st),
            None => libc::fstatat(
                dir_fd,
                p.ptr(),
                &mut st,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    if r != 0 { Err(path::errno()) } else { Ok(st) }
}

/// A `dir_fd` keyword argument (`AT_FDCWD` when omitted or None).
pub fn dir_fd_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_null() || v.is_none() {
        Ok(libc::AT_FDCWD)
    } else {
        path::fd_arg(vm, v)
    }
}

/// A boolean keyword argument with a default.
pub fn flag(vm: &mut Vm, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        Ok(default)
    } else {
        vm.truth(v)
    }
}

fn do_stat(vm: &mut Vm, name: &str, p: Value, dir_fd: Value, follow: bool) -> PyResult<Value> {
    let p = path::path_arg(vm, name, "path", p, PATH_FD)?;
    let dfd = dir_fd_arg(vm, dir_fd)?;
    if let Some(c) = &p.c {
        crate::modules::io::settle_unclosed(c);
    }
    match stat_path(&p, dfd, follow) {
        Ok(st) => Ok(result(vm, &st)),
        Err(code) => Err(path::os_error_with(vm, code, p.obj, Value::NULL)),
    }
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub fn stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = Sig {
        name: "stat",
        params: &["path", "dir_fd", "follow_symlinks"],
        required: 1,
        kwonly_from: 1,
        posonly_until: 0,
    };
    let [p, dir_fd, follow] = args::parse::<3>(vm, a, &sig)?;
    let follow = flag(vm, follow, true)?;
    do_stat(vm, "stat", p, dir_fd, follow)
}

/// `os.lstat(path, *, dir_fd=None)`.
pub fn lstat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = Sig {
        name: "lstat",
        params: &["path", "dir_fd"],
        required: 1,
        kwonly_from: 1,
        posonly_until: 0,
    };
    let [p, dir_fd] = args::parse::<2>(vm, a, &sig)?;
    if p.is_small_int() || p.is_bool() {
        return Err(vm.type_error(format!(
            "lstat: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(p)
        )));
    }
    do_stat(vm, "lstat", p, dir_fd, false)
}

/// `os.fstat(fd)`.
pub fn fstat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = Sig::new("fstat", &["fd"], 1);
    let [fd] = args::parse::<1>(vm, a, &sig)?;
    let fd = path::fd_arg(vm, fd)?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(path::last_error(vm));
    }
    Ok(result(vm, &st))
}

/// A time argument of `utime` as seconds and nanoseconds.
fn split_time(vm: &mut Vm, v: Value) -> PyResult<libc::timespec> {
    if v.is_float() {
        let f = v.as_f64();
        let s = f.floor();
        let mut ns = ((f - s) * 1e9).round() as i64;
        let mut s = s as i64;
        if ns >= 1_000_000_000 {
            s += 1;
            ns -= 1_000_000_000;
        }
        return Ok(libc::timespec {
            tv_sec: s,
            tv_nsec: ns,
        });
    }
    let n = vm.index(v)?;
    Ok(libc::timespec {
        tv_sec: int::to_i64_clamped(n),
        tv_nsec: 0,
    })
}

fn ns_time(vm: &mut Vm, v: Value) -> PyResult<libc::timespec> {
    let n = vm.index(v)?;
    let b = int::to_bigint(n);
    let (s, ns) = num_integer::Integer::div_mod_floor(&b, &num_bigint::BigInt::from(1_000_000_000));
    let s: i64 = num_traits::ToPrimitive::to_i64(&s).unwrap_or(i64::MAX);
    let ns: i64 = num_traits::ToPrimitive::to_i64(&ns).unwrap_or(0);
    Ok(libc::timespec {
        tv_sec: s,
        tv_nsec: ns,
    })
}

fn pair(vm: &mut Vm, v: Value) -> Option<[Value; 2]> {
    let _ = vm;
    if v.is_kind(Kind::Tuple) && tuple::len(v) == 2 {
        let it = tuple::items(v);
        Some([it[0], it[1]])
    } else {
        None
    }
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn utime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sig = Sig {
        name: "utime",
        params: &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        required: 1,
        kwonly_from: 2,
        posonly_until: 0,
    };
    let [p, times, ns, dir_fd, follow] = args::parse::<5>(vm, a, &sig)?;
    let p = path::path_arg(vm, "utime", "path", p, PATH_FD)?;
    let has_times = !times.is_null() && !times.is_none();
    let has_ns = !ns.is_null();
    if has_times && has_ns {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let ts: Option<[libc::timespec; 2]> = if has_times {
        let Some([x, y]) = pair(vm, times) else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        Some([split_time(vm, x)?, split_time(vm, y)?])
    } else if has_ns {
        let Some([x, y]) = pair(vm, ns) else {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        Some([ns_time(vm, x)?, ns_time(vm, y)?])
    } else {
        None
    };
    let dfd = dir_fd_arg(vm, dir_fd)?;
    let follow = flag(vm, follow, true)?;
    let tp = match &ts {
        Some(t) => t.as_ptr(),
        None => std::ptr::null(),
    };
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::futimens(fd, tp),
            None => libc::utimensat(
                dfd,
                p.ptr(),
                tp,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    if r != 0 {
        return Err(path::path_error(vm, &p));
    }
    Ok(Value::NONE)
}

const VFS_FIELDS: [&str; 11] = [
    "f_bsize",
    "f_frsize",
    "f_blocks",
    "f_bfree",
    "f_bavail",
    "f_files",
    "f_ffree",
    "f_favail",
    "f_flag",
    "f_namemax",
    "f_fsid",
];

/// Creates `os.statvfs_result`.
pub fn make_vfs_type(vm: &mut Vm) -> Value {
    let t = structseq::new_type(vm, "os", "statvfs_result", &VFS_FIELDS, 10, true);
    vm.registry.insert("os.statvfs_result", t);
    t
}

/// `os.statvfs(path)` (a path or a descriptor).
pub fn statvfs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("statvfs", &["path"], 1))?;
    let p = path::path_arg(vm, "statvfs", "path", p, PATH_FD)?;
    vfs(vm, &p)
}

/// `os.fstatvfs(fd)`.
pub fn fstatvfs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [fd] = args::parse::<1>(vm, a, &Sig::positional("fstatvfs", &["fd"], 1))?;
    let fd = path::fd_arg(vm, fd)?;
    vfs(
        vm,
        &Path {
            obj: Value::NONE,
            is_bytes: false,
            c: None,
            fd: Some(fd),
        },
    )
}

fn vfs(vm: &mut Vm, p: &Path) -> PyResult<Value> {
    // SAFETY: an all-zero statvfs is a valid out-buffer.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fstatvfs(fd, &mut st),
            None => libc::statvfs(p.ptr(), &mut st),
        }
    };
    if r != 0 {
        return Err(if p.fd.is_some() {
            path::last_error(vm)
        } else {
            path::path_error(vm, p)
        });
    }
    let ty = match vm.registry.get("os.statvfs_result") {
        Some(t) => *t,
        None => make_vfs_type(vm),
    };
    let nums = [
        st.f_bsize as u64,
        st.f_frsize as u64,
        st.f_blocks as u64,
        st.f_bfree as u64,
        st.f_bavail as u64,
        st.f_files as u64,
        st.f_ffree as u64,
        st.f_favail as u64,
        st.f_flag as u64,
        st.f_namemax as u64,
        st.f_fsid as u64,
    ];
    let mut vals = crate::gc::Rooted::new();
    for n in nums {
        let v = int::from_u64(vm, n);
        vals.push(v);
    }
    Ok(structseq::new(vm, ty, &vals))
}
