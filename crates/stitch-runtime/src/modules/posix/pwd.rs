//! The `pwd` module: the password database (`getpwuid`, `getpwnam`,
//! `getpwall`) as `pwd.struct_passwd` struct sequences; `os.path.expanduser`
//! needs it when `HOME` is not set.

use std::ffi::{CStr, CString};

use stitch_core::value::Value;

use crate::builtins::args::{self, Sig};
use crate::modules::structseq;
use crate::modules::util::add_fns;
use crate::object::{int, list, module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

const FIELDS: [&str; 7] = [
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell",
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "pwd");
    let t = structseq::new_type(vm, "pwd", "struct_passwd", &FIELDS, 7, true);
    vm.registry.insert("pwd.struct_passwd", t);
    module::set(vm, m, "struct_passwd", t);
    add_fns(
        vm,
        m,
        &[
            ("getpwuid", getpwuid),
            ("getpwnam", getpwnam),
            ("getpwall", getpwall),
        ],
    );
    Ok(m)
}

fn text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: passwd strings are NUL-terminated.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// A `struct_passwd` from a C entry.
fn entry(vm: &mut Vm, pw: &libc::passwd) -> Value {
    let mut vals = crate::gc::Rooted::new();
    for s in [text(pw.pw_name), text(pw.pw_passwd)] {
        let v = pystr::new(vm, &s);
        vals.push(v);
    }
    let uid = int::from_i64(vm, pw.pw_uid as i64);
    vals.push(uid);
    let gid = int::from_i64(vm, pw.pw_gid as i64);
    vals.push(gid);
    for s in [text(pw.pw_gecos), text(pw.pw_dir), text(pw.pw_shell)] {
        let v = pystr::new(vm, &s);
        vals.push(v);
    }
    let ty = vm.registry["pwd.struct_passwd"];
    structseq::new(vm, ty, &vals)
}

/// Looks an entry up with a reentrant libc call (`f` fills `pw` and `result`).
fn lookup(
    f: impl Fn(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> libc::c_int,
) -> Option<libc::passwd> {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: zeroed passwd is a valid out-buffer.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let r = f(&mut pw, buf.as_mut_ptr(), size, &mut result);
        if r == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        if r != 0 || result.is_null() {
            return None;
        }
        // The strings point into buf: copy them out before it goes.
        let owned = libc::passwd {
            pw_name: leak(pw.pw_name),
            pw_passwd: leak(pw.pw_passwd),
            pw_uid: pw.pw_uid,
            pw_gid: pw.pw_gid,
            pw_gecos: leak(pw.pw_gecos),
            pw_dir: leak(pw.pw_dir),
            pw_shell: leak(pw.pw_shell),
        };
        return Some(owned);
    }
}

/// Copies a C string to the heap (freed by [`free_entry`]).
fn leak(p: *mut libc::c_char) -> *mut libc::c_char {
    let s = CString::new(text(p)).unwrap_or_default();
    s.into_raw()
}

fn free_entry(pw: libc::passwd) {
    for p in [
        pw.pw_name,
        pw.pw_passwd,
        pw.pw_gecos,
        pw.pw_dir,
        pw.pw_shell,
    ] {
        if !p.is_null() {
            // SAFETY: made by CString::into_raw in `leak`.
            drop(unsafe { CString::from_raw(p) });
        }
    }
}

/// `pwd.getpwuid(uid)`.
fn getpwuid(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [u] = args::parse::<1>(vm, a, &Sig::positional("getpwuid", &["uid"], 1))?;
    if !int::is_int(u) && !u.is_bool() {
        return Err(vm.type_error(format!("uid should be integer, not {}", vm.type_name(u))));
    }
    let uid = int::to_i64(u);
    let found = match uid {
        Some(n) if (0..=u32::MAX as i64).contains(&n) => {
            // SAFETY: getpwuid_r writes into the buffers it is given.
            lookup(|pw, buf, size, res| unsafe {
                libc::getpwuid_r(n as libc::uid_t, pw, buf, size, res)
            })
        }
        _ => None,
    };
    match found {
        Some(pw) => {
            let v = entry(vm, &pw);
            free_entry(pw);
            Ok(v)
        }
        None => {
            let r = vm.str_string(u)?;
            let msg = pystr::new(vm, &format!("getpwuid(): uid not found: {r}"));
            Err(vm.key_error(msg))
        }
    }
}

/// `pwd.getpwnam(name)`.
fn getpwnam(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [n] = args::parse::<1>(vm, a, &Sig::positional("getpwnam", &["name"], 1))?;
    let Some(name) = pystr::text_of(n) else {
        return Err(vm.type_error(format!(
            "getpwnam() argument must be str, not {}",
            vm.type_name(n)
        )));
    };
    let Ok(c) = CString::new(name) else {
        return Err(vm.value_error("embedded null character"));
    };
    // SAFETY: getpwnam_r writes into the buffers it is given.
    let found =
        lookup(|pw, buf, size, res| unsafe { libc::getpwnam_r(c.as_ptr(), pw, buf, size, res) });
    match found {
        Some(pw) => {
            let v = entry(vm, &pw);
            free_entry(pw);
            Ok(v)
        }
        None => {
            let r = vm.repr_string(n)?;
            let msg = pystr::new(vm, &format!("getpwnam(): name not found: {r}"));
            Err(vm.key_error(msg))
        }
    }
}

/// `pwd.getpwall()`.
fn getpwall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "getpwall", 0, 0)?;
    let out = list::new(vm, &[]);
    // SAFETY: the non-reentrant enumeration is used from the single VM thread.
    unsafe { libc::setpwent() };
    loop {
        let p = unsafe { libc::getpwent() };
        if p.is_null() {
            break;
        }
        let v = entry(vm, unsafe { &*p });
        list::push(list::vec(out), v);
    }
    unsafe { libc::endpwent() };
    Ok(out)
}
