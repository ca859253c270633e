//! `_io.FileIO`: raw binary I/O on a file descriptor. The descriptor lives in a
//! shared [`FileState`] so that buffered objects above it can still flush to it
//! when the collector frees the whole chain at once; the state closes the
//! descriptor when the last holder goes (for files the program never closed).

use std::cell::Cell;
use std::rc::Rc;

use stitch_core::value::Value;

use super::iobase::{self, size_arg, unsupported};
use crate::builtins::args::{self, Sig};
use crate::builtins::{add_getsets, add_methods, add_static};
use crate::gc::Tracer;
use crate::modules::posix::path as ppath;
use crate::modules::util::{new_for_class, payload, this};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytearray, bytes, int, str as pystr};
use crate::vm::{Args, PyResult, Vm};

/// The descriptor of a FileIO, shared with the buffered objects above it.
pub struct FileState {
    pub fd: Cell<i32>,
    pub closefd: Cell<bool>,
}

impl Drop for FileState {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is owned by this state.
            unsafe { libc::close(fd) };
        }
    }
}

pub struct FileIO {
    pub st: Rc<FileState>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    pub appending: Cell<bool>,
    pub created: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    pub seekable: Cell<i8>,
    pub blksize: Cell<i64>,
    pub name: Cell<Value>,
}

impl NativeData for FileIO {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name.get());
    }
    native_any!();
}

/// A zeroed buffer of `n` bytes, or None when it cannot be allocated.
pub fn zeroed(n: usize) -> Option<Vec<u8>> {
    if n > 1 << 40 {
        return None;
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    v.resize(n, 0);
    Some(v)
}

/// How many bytes a read of `n` can return: big requests on regular files are
/// cut to what is left in the file (so `read(huge)` does not allocate `huge`).
fn read_cap(fd: i32, n: usize) -> usize {
    if n <= 1 << 16 {
        return n;
    }
    // SAFETY: an all-zero stat is a valid out-buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
        let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
        if pos >= 0 {
            let left = (st.st_size - pos).max(0) as usize;
            return n.min(left + 1);
        }
    }
    // Pipes, terminals and sockets return what they have: a bounded buffer
    // is enough.
    n.min(1 << 24)
}

/// Reads at most `n` bytes; `Ok(None)` when the descriptor would block.
pub fn sys_read(fd: i32, n: usize) -> Result<Option<Vec<u8>>, i32> {
    let n = read_cap(fd, n);
    let Some(mut buf) = zeroed(n) else {
        return Err(libc::ENOMEM);
    };
    loop {
        // SAFETY: buf has room for n bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(Some(buf));
        }
        match ppath::errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(e),
        }
    }
}

/// Writes some of `data`; `Ok(None)` when the descriptor would block.
pub fn sys_write(fd: i32, data: &[u8]) -> Result<Option<usize>, i32> {
    loop {
        // SAFETY: data is a valid slice.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r >= 0 {
            return Ok(Some(r as usize));
        }
        match ppath::errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(e),
        }
    }
}

/// Writes all of `data` (retrying partial writes).
pub fn sys_write_all(fd: i32, mut data: &[u8]) -> Result<(), i32> {
    while !data.is_empty() {
        match sys_write(fd, data)? {
            Some(0) | None => return Err(libc::EAGAIN),
            Some(n) => data = &data[n..],
        }
    }
    Ok(())
}

pub fn sys_seek(fd: i32, pos: i64, whence: i32) -> Result<i64, i32> {
    // SAFETY: plain syscall.
    let r = unsafe { libc::lseek(fd, pos, whence) };
    if r < 0 { Err(ppath::errno()) } else { Ok(r) }
}

/// Reads to the end of the file.
pub fn sys_readall(fd: i32) -> Result<Option<Vec<u8>>, i32> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let mut hint = 0usize;
    if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_size > 0 {
        let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
        if pos >= 0 && st.st_size >= pos {
            hint = (st.st_size - pos) as usize + 1;
        }
    }
    let mut out: Vec<u8> = Vec::with_capacity(hint.max(64));
    loop {
        let want = if out.len() < hint {
            hint - out.len()
        } else {
            (out.len() / 2).max(8192)
        };
        match sys_read(fd, want)? {
            None => {
                if out.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(out));
            }
            Some(b) if b.is_empty() => return Ok(Some(out)),
            Some(b) => out.extend_from_slice(&b),
        }
    }
}

impl FileIO {
    pub fn fd(&self) -> i32 {
        self.st.fd.get()
    }

    pub fn check_open(&self, vm: &mut Vm) -> PyResult<i32> {
        let fd = self.fd();
        if fd < 0 {
            Err(vm.value_error("I/O operation on closed file"))
        } else {
            Ok(fd)
        }
    }

    pub fn check_readable(&self, vm: &mut Vm) -> PyResult<i32> {
        let fd = self.check_open(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        Ok(fd)
    }

    pub fn check_writable(&self, vm: &mut Vm) -> PyResult<i32> {
        let fd = self.check_open(vm)?;
        if !self.writable.get() {
            return Err(unsupported(vm, "File not open for writing"));
        }
        Ok(fd)
    }

    /// The mode string (`rb`, `wb`, `ab+`...).
    pub fn mode(&self) -> &'static str {
        let r = self.readable.get();
        if self.created.get() {
            if r { "xb+" } else { "xb" }
        } else if self.appending.get() {
            if r { "ab+" } else { "ab" }
        } else if r {
            if self.writable.get() { "rb+" } else { "rb" }
        } else {
            "wb"
        }
    }

    /// Closes the descriptor (if owned); the object reads as closed afterwards.
    pub fn close_fd(&self) -> Result<(), i32> {
        let fd = self.st.fd.replace(-1);
        if fd >= 0 && self.st.closefd.get() {
            // SAFETY: the descriptor is owned by this object.
            if unsafe { libc::close(fd) } != 0 {
                return Err(ppath::errno());
            }
        }
        Ok(())
    }

    pub fn is_seekable(&self) -> bool {
        if self.seekable.get() < 0 {
            let ok = sys_seek(self.fd(), 0, libc::SEEK_CUR).is_ok();
            self.seekable.set(ok as i8);
        }
        self.seekable.get() == 1
    }
}

pub fn init(vm: &mut Vm) -> Value {
    let base = vm.registry["_io._RawIOBase"];
    let t = super::io_type(vm, "FileIO", base);
    add_static(vm, t, &[("__new__", fileio_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", fileio_init),
            ("read", read),
            ("readall", readall),
            ("readinto", readinto),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("seekable", seekable),
            ("readable", readable),
            ("writable", writable),
            ("fileno", fileno),
            ("isatty", isatty),
            ("_dealloc_warn", dealloc_warn),
            ("__repr__", repr),
            ("__getstate__", super::getstate),
        ],
    );
    add_getsets(
        vm,
        t,
        &[
            ("closed", closed_get, None),
            ("closefd", closefd_get, None),
            ("mode", mode_get, None),
            ("name", name_get, Some(name_set)),
            ("_blksize", blksize_get, None),
            ("_finalizing", finalizing_get, None),
        ],
    );
    t
}

/// A closed FileIO with no descriptor.
pub fn empty() -> FileIO {
    FileIO {
        st: Rc::new(FileState {
            fd: Cell::new(-1),
            closefd: Cell::new(true),
        }),
        readable: Cell::new(false),
        writable: Cell::new(false),
        appending: Cell::new(false),
        created: Cell::new(false),
        seekable: Cell::new(-1),
        blksize: Cell::new(super::DEFAULT_BUFFER_SIZE as i64),
        name: Cell::new(Value::NULL),
    }
}

fn fileio_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let base = vm.registry["_io.FileIO"];
    Ok(new_for_class(vm, cls, base, Box::new(empty())))
}

fn me<'a>(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'a FileIO> {
    this::<FileIO>(vm, a, "_io.FileIO", m)
}

/// Parsed FileIO mode flags.
pub struct Mode {
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub flags: i32,
}

pub fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let bad = "Must have exactly one of create/read/write/append mode and at most one plus";
    let mut m = Mode {
        readable: false,
        writable: false,
        appending: false,
        created: false,
        flags: 0,
    };
    let mut rwa = false;
    let mut plus = false;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(vm.value_error(bad));
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                        m.flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                        m.flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(vm.value_error(bad));
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(vm.value_error(bad));
    }
    m.flags |= if m.readable && m.writable {
        libc::O_RDWR
    } else if m.readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    m.flags |= libc::O_CLOEXEC;
    Ok(m)
}

fn fileio_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "__init__")?;
    let sig = Sig::new("FileIO", &["file", "mode", "closefd", "opener"], 1);
    let [file, mode, closefd, opener] = args::parse::<4>(vm, &a.tail(), &sig)?;
    let mode_s = if mode.is_null() {
        "r".to_string()
    } else {
        match pystr::text_of(mode) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(mode)
                )));
            }
        }
    };
    let closefd = if closefd.is_null() {
        true
    } else {
        vm.truth(closefd)?
    };
    if f.fd() >= 0 {
        let _ = f.close_fd();
    }
    let mut fd = -1;
    let mut path = None;
    if int::is_int(file) || file.is_bool() {
        let n = ppath::fd_arg(vm, file)?;
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        fd = n;
    } else {
        let p = ppath::fspath_opt(vm, file)?;
        let Some(p) = p else {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(file)
            )));
        };
        let raw = match pystr::text_of(p) {
            Some(s) => s.as_bytes().to_vec(),
            None => bytes::native(p).map(bytes::data).unwrap_or(&[]).to_vec(),
        };
        match std::ffi::CString::new(raw) {
            Ok(c) => path = Some(c),
            Err(_) => return Err(vm.value_error("embedded null byte")),
        }
    }
    let m = parse_mode(vm, &mode_s)?;
    if fd < 0 {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let c = path.unwrap_or_default();
        if opener.is_null() || opener.is_none() {
            loop {
                // SAFETY: c is a valid C string.
                let r = unsafe { libc::open(c.as_ptr(), m.flags, 0o666) };
                if r >= 0 {
                    fd = r;
                    break;
                }
                let code = ppath::errno();
                if code == libc::EINTR {
                    crate::signals::handle_pending(vm)?;
                    continue;
                }
                return Err(ppath::os_error_with(vm, code, file, Value::NULL));
            }
        } else {
            let r = vm.call(opener, &[file, Value::small(m.flags as i64)])?;
            if !int::is_int(r) {
                return Err(vm.type_error("expected integer from opener"));
            }
            let n = int::to_i64_clamped(r);
            if n < 0 {
                return Err(vm.value_error(format!("opener returned {n}")));
            }
            fd = n as i32;
        }
    }
    f.st.fd.set(fd);
    f.st.closefd.set(closefd);
    f.readable.set(m.readable);
    f.writable.set(m.writable);
    f.appending.set(m.appending);
    f.created.set(m.created);
    f.seekable.set(-1);
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } == 0 {
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let _ = f.close_fd();
            return Err(ppath::os_error_with(vm, libc::EISDIR, file, Value::NULL));
        }
        if st.st_blksize > 1 {
            f.blksize.set(st.st_blksize);
        }
    } else {
        let code = ppath::errno();
        if code == libc::EBADF {
            f.st.fd.set(-1);
            return Err(ppath::os_error(vm, code));
        }
    }
    f.name.set(file);
    if m.appending {
        let _ = sys_seek(fd, 0, libc::SEEK_END);
    }
    Ok(Value::NONE)
}

/// An OSError for errno `code` (from a failed read or write).
fn err(vm: &mut Vm, code: i32) -> crate::vm::PyErr {
    ppath::os_error(vm, code)
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "read")?;
    args::count(vm, &a.tail(), "read", 0, 1)?;
    let fd = f.check_readable(vm)?;
    let n = size_arg(vm, a.pos.get(1).copied())?;
    let r = if n < 0 {
        sys_readall(fd)
    } else {
        sys_read(fd, n as usize)
    };
    match r {
        Ok(Some(b)) => Ok(bytes::new(vm, &b)),
        Ok(None) => Ok(Value::NONE),
        Err(code) => Err(err(vm, code)),
    }
}

fn readall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "readall")?;
    let fd = f.check_open(vm)?;
    match sys_readall(fd) {
        Ok(Some(b)) => Ok(bytes::new(vm, &b)),
        Ok(None) => Ok(Value::NONE),
        Err(code) => Err(err(vm, code)),
    }
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "readinto")?;
    args::count(vm, &a.tail(), "readinto", 1, 1)?;
    let fd = f.check_readable(vm)?;
    let b = a.pos[1];
    if bytes::native(b).is_some() || pystr::text_of(b).is_some() {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(b)
        )));
    }
    let n = vm.len(b)?;
    match sys_read(fd, n) {
        Ok(Some(d)) => {
            iobase::fill_buffer(vm, b, &d)?;
            Ok(Value::small(d.len() as i64))
        }
        Ok(None) => Ok(Value::NONE),
        Err(code) => Err(err(vm, code)),
    }
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "write")?;
    args::count(vm, &a.tail(), "write", 1, 1)?;
    let fd = f.check_writable(vm)?;
    let data = crate::modules::posix::fd::buffer_arg(vm, a.pos[1], "")?;
    match sys_write(fd, &data) {
        Ok(Some(n)) => Ok(Value::small(n as i64)),
        Ok(None) => Ok(Value::NONE),
        Err(code) => Err(err(vm, code)),
    }
}

/// An offset argument (an int; floats rejected as CPython does).
pub fn offset_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    match int::to_i64(n) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "seek")?;
    args::count(vm, &a.tail(), "seek", 1, 2)?;
    let fd = f.check_open(vm)?;
    let pos = offset_arg(vm, a.pos[1])?;
    let whence = match a.pos.get(2) {
        Some(w) => offset_arg(vm, *w)? as i32,
        None => 0,
    };
    match sys_seek(fd, pos, whence) {
        Ok(p) => Ok(int::from_i64(vm, p)),
        Err(code) => Err(err(vm, code)),
    }
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "tell")?;
    let fd = f.check_open(vm)?;
    match sys_seek(fd, 0, libc::SEEK_CUR) {
        Ok(p) => Ok(int::from_i64(vm, p)),
        Err(code) => Err(err(vm, code)),
    }
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "truncate")?;
    args::count(vm, &a.tail(), "truncate", 0, 1)?;
    let fd = f.check_open(vm)?;
    if !f.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match a.pos.get(1) {
        Some(v) if !v.is_none() => offset_arg(vm, *v)?,
        _ => match sys_seek(fd, 0, libc::SEEK_CUR) {
            Ok(p) => p,
            Err(code) => return Err(err(vm, code)),
        },
    };
    if unsafe { libc::ftruncate(fd, size) } != 0 {
        return Err(ppath::last_error(vm));
    }
    Ok(int::from_i64(vm, size))
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "close")?;
    if f.fd() < 0 {
        return Ok(Value::NONE);
    }
    if let Err(code) = f.close_fd() {
        return Err(err(vm, code));
    }
    Ok(Value::NONE)
}

fn seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "seekable")?;
    f.check_open(vm)?;
    Ok(Value::from_bool(f.is_seekable()))
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "readable")?;
    f.check_open(vm)?;
    Ok(Value::from_bool(f.readable.get()))
}

fn writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "writable")?;
    f.check_open(vm)?;
    Ok(Value::from_bool(f.writable.get()))
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "fileno")?;
    let fd = f.check_open(vm)?;
    Ok(Value::small(fd as i64))
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "isatty")?;
    let fd = f.check_open(vm)?;
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}

fn dealloc_warn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = me(vm, a, "__repr__")?;
    let tn = super::qualified_type_name(vm, a.pos[0]);
    if f.fd() < 0 {
        return Ok(pystr::new(vm, &format!("<{tn} [closed]>")));
    }
    let name = f.name.get();
    let closefd = if f.st.closefd.get() { "True" } else { "False" };
    let s = if name.is_null() {
        format!("<{tn} fd={} mode='{}' closefd={closefd}>", f.fd(), f.mode())
    } else {
        let r = super::repr_guarded(vm, a.pos[0], name)?;
        format!("<{tn} name={r} mode='{}' closefd={closefd}>", f.mode())
    };
    Ok(pystr::new(vm, &s))
}

fn get<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a FileIO> {
    match payload::<FileIO>(v) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a '_io.FileIO' object")),
    }
}

fn closed_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(get(vm, v)?.fd() < 0))
}

fn closefd_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(get(vm, v)?.st.closefd.get()))
}

fn mode_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let m = get(vm, v)?.mode();
    Ok(pystr::new(vm, m))
}

fn name_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = get(vm, v)?.name.get();
    if n.is_null() {
        let k = pystr::intern(vm, "name");
        return Err(vm.attribute_error(v, k));
    }
    Ok(n)
}

fn name_set(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    get(vm, v)?.name.set(x);
    Ok(())
}

fn blksize_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(get(vm, v)?.blksize.get()))
}

fn finalizing_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    get(vm, v)?;
    Ok(Value::FALSE)
}

/// Writable-buffer check shared with BufferedReader.readinto.
pub fn is_writable_buffer(v: Value) -> bool {
    bytearray::native(v).is_some()
}
