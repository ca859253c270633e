//! `os.scandir`: the `ScandirIterator` (a context manager over a directory stream)
//! and `os.DirEntry` (name, path, inode, cached `d_type` and stat results).

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString};

use stitch_core::value::Value;

use super::path::{self, Allow};
use super::stat::{self as pstat, flag};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::gc::Tracer;
use crate::modules::util::{native_type, payload, this};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

struct Scandir {
    dir: Cell<*mut libc::DIR>,
    /// The directory as given (prefix of entry paths), or None for a descriptor.
    prefix: Option<Vec<u8>>,
    is_bytes: bool,
    /// The descriptor scanned (entries stat relative to it).
    fd: Option<i32>,
}

impl Scandir {
    fn close(&self) {
        let d = self.dir.replace(std::ptr::null_mut());
        if !d.is_null() {
            // SAFETY: d was opened by opendir/fdopendir and not closed yet.
            unsafe { libc::closedir(d) };
        }
    }
}

impl Drop for Scandir {
    fn drop(&mut self) {
        self.close();
    }
}

impl NativeData for Scandir {
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.next_entry(vm))
    }
    native_any!();
}

impl Scandir {
    fn next_entry(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let d = self.dir.get();
            if d.is_null() {
                return Ok(None);
            }
            unsafe { *libc::__errno_location() = 0 };
            // SAFETY: d is an open directory stream.
            let e = unsafe { libc::readdir(d) };
            if e.is_null() {
                let code = path::errno();
                self.close();
                if code != 0 {
                    return Err(path::os_error(vm, code));
                }
                return Ok(None);
            }
            let (name, d_type, ino) = unsafe {
                (
                    CStr::from_ptr((*e).d_name.as_ptr()).to_bytes().to_vec(),
                    (*e).d_type,
                    (*e).d_ino,
                )
            };
            if name == b"." || name == b".." {
                continue;
            }
            let full = match &self.prefix {
                Some(p) => {
                    let mut f = p.clone();
                    if !f.is_empty() && !f.ends_with(b"/") {
                        f.push(b'/');
                    }
                    f.extend_from_slice(&name);
                    f
                }
                None => name.clone(),
            };
            let name_v = path::path_result(vm, &name, self.is_bytes);
            let path_v = path::path_result(vm, &full, self.is_bytes);
            let ty = vm.registry["posix.DirEntry"];
            let entry = DirEntry {
                name: name_v,
                path: path_v,
                c_path: CString::new(full).unwrap_or_default(),
                c_name: CString::new(name).unwrap_or_default(),
                dir_fd: self.fd,
                d_type,
                ino,
                stat: Cell::new(Value::NULL),
                lstat: Cell::new(Value::NULL),
                lmode: RefCell::new(None),
            };
            return Ok(Some(native::new(vm, ty, Box::new(entry))));
        }
    }
}

struct DirEntry {
    name: Value,
    path: Value,
    c_path: CString,
    c_name: CString,
    dir_fd: Option<i32>,
    d_type: u8,
    ino: u64,
    stat: Cell<Value>,
    lstat: Cell<Value>,
    /// The `st_mode` from lstat when `d_type` was unknown.
    lmode: RefCell<Option<u32>>,
}

impl NativeData for DirEntry {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[self.name, self.path, self.stat.get(), self.lstat.get()]);
    }
    native_any!();
}

impl DirEntry {
    fn raw_stat(&self, follow: bool) -> Result<libc::stat, i32> {
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let r = unsafe {
            match self.dir_fd {
                Some(fd) => libc::fstatat(
                    fd,
                    self.c_name.as_ptr(),
                    &mut st,
                    if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
                ),
                None => libc::fstatat(
                    libc::AT_FDCWD,
                    self.c_path.as_ptr(),
                    &mut st,
                    if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
                ),
            }
        };
        if r != 0 { Err(path::errno()) } else { Ok(st) }
    }

    fn get_stat(&self, vm: &mut Vm, follow: bool) -> PyResult<Value> {
        let follow = follow && self.is_symlink_raw(vm)?;
        let cell = if follow { &self.stat } else { &self.lstat };
        let c = cell.get();
        if !c.is_null() {
            return Ok(c);
        }
        match self.raw_stat(follow) {
            Ok(st) => {
                let v = pstat::result(vm, &st);
                cell.set(v);
                Ok(v)
            }
            Err(code) => Err(path::os_error_with(vm, code, self.path, Value::NULL)),
        }
    }

    fn is_symlink_raw(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.d_type != libc::DT_UNKNOWN {
            return Ok(self.d_type == libc::DT_LNK);
        }
        Ok(self.lmode(vm)? & libc::S_IFMT == libc::S_IFLNK)
    }

    fn lmode(&self, vm: &mut Vm) -> PyResult<u32> {
        if let Some(m) = *self.lmode.borrow() {
            return Ok(m);
        }
        match self.raw_stat(false) {
            Ok(st) => {
                *self.lmode.borrow_mut() = Some(st.st_mode);
                Ok(st.st_mode)
            }
            Err(code) => Err(path::os_error_with(vm, code, self.path, Value::NULL)),
        }
    }

    fn test_mode(&self, vm: &mut Vm, follow: bool, mode: u32) -> PyResult<bool> {
        let need_stat = self.d_type == libc::DT_UNKNOWN || (follow && self.d_type == libc::DT_LNK);
        if need_stat {
            let st = if follow {
                match self.raw_stat(true) {
                    Ok(s) => s.st_mode,
                    Err(libc::ENOENT) => return Ok(false),
                    Err(code) => return Err(path::os_error_with(vm, code, self.path, Value::NULL)),
                }
            } else {
                self.lmode(vm)?
            };
            return Ok(st & libc::S_IFMT == mode);
        }
        Ok(match mode {
            libc::S_IFDIR => self.d_type == libc::DT_DIR,
            libc::S_IFREG => self.d_type == libc::DT_REG,
            _ => self.d_type == libc::DT_LNK,
        })
    }
}

pub fn init_types(vm: &mut Vm) -> (Value, Value) {
    let it = native_type(vm, "posix", "ScandirIterator", false);
    crate::modules::util::set_c_name(it, "posix", "ScandirIterator");
    crate::modules::util::iterator_methods(vm, it);
    add_methods(
        vm,
        it,
        &[
            ("close", it_close),
            ("__enter__", it_enter),
            ("__exit__", it_exit),
        ],
    );
    let de = native_type(vm, "posix", "DirEntry", false);
    crate::modules::util::set_c_name(de, "posix", "DirEntry");
    add_static(vm, de, &[("__new__", de_new)]);
    add_methods(
        vm,
        de,
        &[
            ("is_dir", de_is_dir),
            ("is_file", de_is_file),
            ("is_symlink", de_is_symlink),
            ("stat", de_stat),
            ("inode", de_inode),
            ("__fspath__", de_fspath),
            ("__repr__", de_repr),
        ],
    );
    add_getsets(vm, de, &[("name", de_name, None), ("path", de_path, None)]);
    crate::modules::util::add_class_getitem(vm, de);
    (it, de)
}

/// `os.scandir(path=None)`.
pub fn scandir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [p] = args::parse::<1>(vm, a, &Sig::new("scandir", &["path"], 0))?;
    let p = path::path_arg(
        vm,
        "scandir",
        "path",
        p,
        Allow {
            fd: true,
            none: true,
        },
    )?;
    let dir = match super::fs::open_dir(&p) {
        Ok(d) => d,
        Err(code) => {
            let f = if p.obj.is_none() {
                pystr::new(vm, ".")
            } else {
                p.obj
            };
            return Err(path::os_error_with(vm, code, f, Value::NULL));
        }
    };
    let prefix = match p.fd {
        Some(_) => None,
        None => Some(if p.c.is_some() {
            p.bytes().to_vec()
        } else {
            b".".to_vec()
        }),
    };
    let ty = vm.registry["posix.ScandirIterator"];
    Ok(native::new(
        vm,
        ty,
        Box::new(Scandir {
            dir: Cell::new(dir),
            prefix,
            is_bytes: p.is_bytes,
            fd: p.fd,
        }),
    ))
}

fn it_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this::<Scandir>(vm, a, "ScandirIterator", "close")?.close();
    Ok(Value::NONE)
}

fn it_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this::<Scandir>(vm, a, "ScandirIterator", "__enter__")?;
    Ok(a.pos[0])
}

fn it_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this::<Scandir>(vm, a, "ScandirIterator", "__exit__")?.close();
    Ok(Value::NONE)
}

fn de_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'posix.DirEntry' instances"))
}

fn entry<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a DirEntry> {
    this::<DirEntry>(vm, a, "posix.DirEntry", m)
}

fn follow_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<bool> {
    let s = Sig {
        name,
        params: &["follow_symlinks"],
        required: 0,
        kwonly_from: 0,
        posonly_until: 0,
    };
    let [f] = args::parse::<1>(vm, &a.tail(), &s)?;
    flag(vm, f, true)
}

fn de_is_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "is_dir")?;
    let follow = follow_kw(vm, a, "is_dir")?;
    e.test_mode(vm, follow, libc::S_IFDIR).map(Value::from_bool)
}

fn de_is_file(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "is_file")?;
    let follow = follow_kw(vm, a, "is_file")?;
    e.test_mode(vm, follow, libc::S_IFREG).map(Value::from_bool)
}

fn de_is_symlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "is_symlink")?;
    args::count(vm, &a.tail(), "is_symlink", 0, 0)?;
    e.is_symlink_raw(vm).map(Value::from_bool)
}

fn de_stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "stat")?;
    let follow = follow_kw(vm, a, "stat")?;
    e.get_stat(vm, follow)
}

fn de_inode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "inode")?;
    Ok(int::from_u64(vm, e.ino))
}

fn de_fspath(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(entry(vm, a, "__fspath__")?.path)
}

fn de_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "__repr__")?;
    let r = vm.repr_string(e.name)?;
    Ok(pystr::new(vm, &format!("<DirEntry {r}>")))
}

fn de_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<DirEntry>(v) {
        Some(e) => Ok(e.name),
        None => Err(vm.type_error("expected a DirEntry")),
    }
}

fn de_path(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match payload::<DirEntry>(v) {
        Some(e) => Ok(e.path),
        None => Err(vm.type_error("expected a DirEntry")),
    }
}
