//! The buffered binary streams (`BufferedReader`, `BufferedWriter`,
//! `BufferedRandom`): the shared state and the read/write algorithms. A stream
//! over an exact `FileIO` reaches the descriptor directly; over any other raw
//! object it calls `readinto`/`write`/`seek`/`tell`. The Python methods are in
//! `buffered_methods.rs`.
//!
//! The buffers live in an `Rc<RefCell<Core>>` that a TextIOWrapper above can
//! share, and that a process-wide list knows about: pending output is written
//! when the collector frees the stream and at exit, as CPython does when it
//! finalizes unclosed files.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use stitch_core::value::Value;

use super::fileio::{self, FileIO, FileState};
use crate::gc::Tracer;
use crate::modules::posix::path as ppath;
use crate::modules::util::payload;
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytearray, bytes, int};
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BKind {
    Reader,
    Writer,
    Random,
}

/// The buffers of a buffered stream.
pub struct Core {
    /// The descriptor, when the raw stream is an exact FileIO.
    pub file: Option<Rc<FileState>>,
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub wbuf: Vec<u8>,
    /// Text a TextIOWrapper above has encoded but not yet handed to this stream
    /// (CPython's `pending_bytes`): it comes after `wbuf`.
    pub tpending: Vec<u8>,
    pub size: usize,
}

impl Core {
    /// Writes pending output straight to the descriptor (finalization, exit).
    pub fn flush_to_fd(&mut self) {
        if self.wbuf.is_empty() && self.tpending.is_empty() {
            return;
        }
        if let Some(f) = &self.file {
            let fd = f.fd.get();
            if fd >= 0 {
                let _ = fileio::sys_write_all(fd, &self.wbuf);
                let _ = fileio::sys_write_all(fd, &self.tpending);
            }
        }
        self.wbuf.clear();
        self.tpending.clear();
    }
}

impl Drop for Core {
    fn drop(&mut self) {
        self.flush_to_fd();
    }
}

thread_local! {
    static LIVE: RefCell<(Vec<Weak<RefCell<Core>>>, usize)> = const { RefCell::new((Vec::new(), 64)) };
}

/// Remembers a core so that its output is written at exit.
fn register(core: &Rc<RefCell<Core>>) {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        if l.0.len() >= l.1 {
            l.0.retain(|w| w.strong_count() > 0);
            l.1 = (l.0.len() * 2).max(64);
        }
        l.0.push(Rc::downgrade(core));
    });
}

/// Writes the pending output of the files the program opened (not the standard
/// streams) whose descriptor refers to file `(dev, ino)`.
pub fn flush_writers_of(dev: u64, ino: u64) {
    let cores: Vec<Rc<RefCell<Core>>> =
        LIVE.with(|l| l.borrow().0.iter().filter_map(|w| w.upgrade()).collect());
    for c in cores {
        let Ok(mut c) = c.try_borrow_mut() else {
            continue;
        };
        if c.wbuf.is_empty() && c.tpending.is_empty() {
            continue;
        }
        let Some(fd) = c
            .file
            .as_ref()
            .filter(|f| f.closefd.get())
            .map(|f| f.fd.get())
        else {
            continue;
        };
        // SAFETY: an all-zero stat is a valid out-buffer.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if fd >= 0
            && unsafe { libc::fstat(fd, &mut st) } == 0
            && st.st_dev == dev
            && st.st_ino == ino
        {
            c.flush_to_fd();
        }
    }
}

/// True when some file the program opened has output not yet written.
pub fn any_dirty() -> bool {
    LIVE.with(|l| {
        l.borrow().0.iter().any(|w| {
            w.upgrade().is_some_and(|c| {
                c.try_borrow().is_ok_and(|c| {
                    !(c.wbuf.is_empty() && c.tpending.is_empty())
                        && c.file.as_ref().is_some_and(|f| f.closefd.get())
                })
            })
        })
    })
}

/// Writes the pending output of every live buffered stream over a descriptor.
pub fn flush_all_at_exit() {
    let cores: Vec<Rc<RefCell<Core>>> =
        LIVE.with(|l| l.borrow().0.iter().filter_map(|w| w.upgrade()).collect());
    for c in cores {
        if let Ok(mut c) = c.try_borrow_mut() {
            c.flush_to_fd();
        }
    }
}

pub struct Buffered {
    pub kind: BKind,
    pub raw: Cell<Value>,
    pub core: Rc<RefCell<Core>>,
    /// 0 before `__init__`, 1 ready, 2 detached.
    pub state: Cell<u8>,
}

impl NativeData for Buffered {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.raw.get());
    }
    native_any!();
}

pub fn new_empty(kind: BKind) -> Buffered {
    Buffered {
        kind,
        raw: Cell::new(Value::NONE),
        core: Rc::new(RefCell::new(Core {
            file: None,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            tpending: Vec::new(),
            size: super::DEFAULT_BUFFER_SIZE,
        })),
        state: Cell::new(0),
    }
}

/// The buffered stream behind `v` when it is an exact native one.
pub fn native(v: Value) -> Option<&'static Buffered> {
    if super::iobase::is_native(v) {
        payload::<Buffered>(v)
    } else {
        None
    }
}

fn os_err(vm: &mut Vm, code: i32) -> PyErr {
    ppath::os_error(vm, code)
}

impl Buffered {
    pub fn readable(&self) -> bool {
        self.kind != BKind::Writer
    }
    pub fn writable(&self) -> bool {
        self.kind != BKind::Reader
    }

    /// Sets the raw stream (from `__init__`).
    pub fn setup(&self, raw: Value, size: usize) {
        let file = if super::iobase::is_native(raw) {
            payload::<FileIO>(raw).map(|f| f.st.clone())
        } else {
            None
        };
        {
            let mut c = self.core.borrow_mut();
            c.file = file;
            c.size = size;
            c.rbuf.clear();
            c.rpos = 0;
            c.wbuf.clear();
        }
        self.raw.set(raw);
        self.state.set(1);
        register(&self.core);
    }

    /// Uninitialized or detached streams refuse every operation.
    pub fn check_ready(&self, vm: &mut Vm) -> PyResult<Value> {
        match self.state.get() {
            0 => Err(vm.value_error("I/O operation on uninitialized object")),
            2 => Err(vm.value_error("raw stream has been detached")),
            _ => Ok(self.raw.get()),
        }
    }

    fn fd(&self) -> Option<i32> {
        self.core.borrow().file.as_ref().map(|f| f.fd.get())
    }

    /// `raw.closed`.
    pub fn closed(&self, vm: &mut Vm) -> PyResult<bool> {
        let raw = self.check_ready(vm)?;
        if let Some(fd) = self.fd() {
            return Ok(fd < 0);
        }
        super::iobase::is_closed(vm, raw)
    }

    /// ValueError(`msg`) when the raw stream is closed.
    pub fn check_closed(&self, vm: &mut Vm, msg: &str) -> PyResult<()> {
        if self.closed(vm)? {
            Err(vm.value_error(msg))
        } else {
            Ok(())
        }
    }

    pub fn avail(&self) -> usize {
        let c = self.core.borrow();
        c.rbuf.len() - c.rpos
    }

    // ---- raw operations ----

    /// One raw read of at most `n` bytes; `None` when it would block.
    pub fn raw_read(&self, vm: &mut Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        if let Some(fd) = self.fd() {
            if fd < 0 {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::sys_read(fd, n).map_err(|c| os_err(vm, c));
        }
        let raw = self.raw.get();
        let Some(zeros) = fileio::zeroed(n) else {
            return Err(int::memory_error(vm));
        };
        let b = bytearray::new(vm, zeros);
        let r = vm.call_method(raw, "readinto", &[b])?;
        if r.is_none() {
            return Ok(None);
        }
        let k = vm.index(r)?;
        let k = int::to_i64_clamped(k);
        if k < 0 || k as usize > n {
            return Err(vm.new_error(
                vm.exc.os_error,
                format!("raw readinto() returned invalid length {k} (should have been between 0 and {n})"),
            ));
        }
        let d = bytearray::data(b);
        Ok(Some(d[..(k as usize).min(d.len())].to_vec()))
    }

    /// The rest of the raw stream.
    fn raw_readall(&self, vm: &mut Vm) -> PyResult<Option<Vec<u8>>> {
        if let Some(fd) = self.fd() {
            if fd < 0 {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::sys_readall(fd).map_err(|c| os_err(vm, c));
        }
        let raw = self.raw.get();
        let name = crate::object::str::intern(vm, "readall");
        if vm.getattr_opt(raw, name)?.is_some() {
            let r = vm.call_method(raw, "readall", &[])?;
            if r.is_none() {
                return Ok(None);
            }
            return match bytes::native(r) {
                Some(b) => Ok(Some(bytes::data(b).to_vec())),
                None => Err(vm.type_error("readall() should return bytes")),
            };
        }
        let mut out = Vec::new();
        loop {
            let size = self.core.borrow().size;
            match self.raw_read(vm, size)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(d) if d.is_empty() => return Ok(Some(out)),
                Some(d) => out.extend_from_slice(&d),
            }
        }
    }

    /// One raw write; `None` when it would block.
    fn raw_write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<Option<usize>> {
        if let Some(fd) = self.fd() {
            if fd < 0 {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::sys_write(fd, data).map_err(|c| os_err(vm, c));
        }
        let raw = self.raw.get();
        let b = bytes::new(vm, data);
        let r = vm.call_method(raw, "write", &[b])?;
        if r.is_none() {
            return Ok(None);
        }
        let k = vm.index(r)?;
        let k = int::to_i64_clamped(k);
        if k < 0 || k as usize > data.len() {
            return Err(vm.new_error(
                vm.exc.os_error,
                format!(
                    "raw write() returned invalid length {k} (should have been between 0 and {})",
                    data.len()
                ),
            ));
        }
        Ok(Some(k as usize))
    }

    pub fn raw_seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        if let Some(fd) = self.fd() {
            if fd < 0 {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::sys_seek(fd, pos, whence).map_err(|c| os_err(vm, c));
        }
        let raw = self.raw.get();
        let p = int::from_i64(vm, pos);
        let r = vm.call_method(raw, "seek", &[p, Value::small(whence as i64)])?;
        let n = vm.index(r)?;
        let n = int::to_i64_clamped(n);
        if n < 0 {
            return Err(vm.new_error(
                vm.exc.os_error,
                format!("Raw stream returned invalid position {n}"),
            ));
        }
        Ok(n)
    }

    pub fn raw_tell(&self, vm: &mut Vm) -> PyResult<i64> {
        if let Some(fd) = self.fd() {
            if fd < 0 {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::sys_seek(fd, 0, libc::SEEK_CUR).map_err(|c| os_err(vm, c));
        }
        let raw = self.raw.get();
        let r = vm.call_method(raw, "tell", &[])?;
        let n = vm.index(r)?;
        let n = int::to_i64_clamped(n);
        if n < 0 {
            return Err(vm.new_error(
                vm.exc.os_error,
                format!("Raw stream returned invalid position {n}"),
            ));
        }
        Ok(n)
    }

    // ---- algorithms ----

    /// Writes out all pending output.
    pub fn flush_writes(&self, vm: &mut Vm) -> PyResult<()> {
        loop {
            let data = {
                let mut c = self.core.borrow_mut();
                if c.wbuf.is_empty() {
                    return Ok(());
                }
                if let Some(f) = &c.file {
                    let fd = f.fd.get();
                    if fd >= 0 {
                        let r = fileio::sys_write_all(fd, &c.wbuf);
                        c.wbuf.clear();
                        drop(c);
                        return r.map_err(|code| os_err(vm, code));
                    }
                }
                std::mem::take(&mut c.wbuf)
            };
            let r = self.raw_write(vm, &data);
            let n = match r {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.requeue(&data);
                    return Err(vm.new_error(
                        vm.exc.blocking_io_error,
                        "write could not complete without blocking",
                    ));
                }
                Err(e) => {
                    self.requeue(&data);
                    return Err(e);
                }
            };
            self.requeue(&data[n..]);
        }
    }

    fn requeue(&self, rest: &[u8]) {
        let mut c = self.core.borrow_mut();
        let mut v = rest.to_vec();
        v.extend_from_slice(&c.wbuf);
        c.wbuf = v;
    }

    /// Drops read-ahead, moving the raw position back to the logical one.
    pub fn rewind_reads(&self, vm: &mut Vm) -> PyResult<()> {
        let n = self.avail();
        {
            let mut c = self.core.borrow_mut();
            c.rbuf.clear();
            c.rpos = 0;
        }
        if n > 0 {
            self.raw_seek(vm, -(n as i64), libc::SEEK_CUR)?;
        }
        Ok(())
    }

    /// Before reading: pending output goes out first.
    fn prepare_read(&self, vm: &mut Vm) -> PyResult<()> {
        if self.kind == BKind::Random && !self.core.borrow().wbuf.is_empty() {
            self.flush_writes(vm)?;
        }
        Ok(())
    }

    /// Takes up to `n` buffered bytes.
    pub fn take(&self, n: usize) -> Vec<u8> {
        let mut c = self.core.borrow_mut();
        let k = n.min(c.rbuf.len() - c.rpos);
        let out = c.rbuf[c.rpos..c.rpos + k].to_vec();
        c.rpos += k;
        if c.rpos == c.rbuf.len() {
            c.rbuf.clear();
            c.rpos = 0;
        }
        out
    }

    /// One raw read into the (empty) buffer: the number of bytes read, 0 at end of
    /// file, None when it would block.
    fn fill(&self, vm: &mut Vm) -> PyResult<Option<usize>> {
        let size = self.core.borrow().size;
        let d = self.raw_read(vm, size)?;
        Ok(d.map(|d| {
            let n = d.len();
            let mut c = self.core.borrow_mut();
            if c.rpos == c.rbuf.len() {
                c.rbuf.clear();
                c.rpos = 0;
            }
            c.rbuf.extend_from_slice(&d);
            n
        }))
    }

    /// `read(n)`: `n` < 0 reads to the end; None when nothing could be read
    /// without blocking.
    pub fn read(&self, vm: &mut Vm, n: i64) -> PyResult<Option<Vec<u8>>> {
        self.prepare_read(vm)?;
        if n < 0 {
            let mut out = self.take(usize::MAX);
            match self.raw_readall(vm)? {
                Some(d) => out.extend_from_slice(&d),
                None if out.is_empty() => return Ok(None),
                None => {}
            }
            return Ok(Some(out));
        }
        let n = n as usize;
        if n <= self.avail() {
            return Ok(Some(self.take(n)));
        }
        // CPython's order: what is buffered, then whole blocks straight from the
        // raw stream, then the rest through the buffer (which keeps what is left).
        let mut out = self.take(n);
        let size = self.core.borrow().size;
        let mut remaining = n - out.len();
        let none_or = |out: Vec<u8>| if out.is_empty() { None } else { Some(out) };
        while remaining >= size {
            let r = remaining / size * size;
            match self.raw_read(vm, r)? {
                None => return Ok(none_or(out)),
                Some(d) if d.is_empty() => return Ok(Some(out)),
                Some(d) => {
                    remaining -= d.len();
                    out.extend_from_slice(&d);
                }
            }
        }
        {
            let mut c = self.core.borrow_mut();
            c.rbuf.clear();
            c.rpos = 0;
        }
        while remaining > 0 && self.core.borrow().rbuf.len() < size {
            let want = size - self.core.borrow().rbuf.len();
            let d = match self.raw_read(vm, want)? {
                None => return Ok(none_or(out)),
                Some(d) if d.is_empty() => break,
                Some(d) => d,
            };
            let mut c = self.core.borrow_mut();
            c.rbuf.extend_from_slice(&d);
            let k = remaining.min(c.rbuf.len() - c.rpos);
            let from = c.rpos;
            out.extend_from_slice(&c.rbuf[from..from + k]);
            c.rpos += k;
            remaining -= k;
        }
        Ok(Some(out))
    }

    /// `read1(n)`: buffered bytes if there are any, else one raw read.
    pub fn read1(&self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        self.prepare_read(vm)?;
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.avail() > 0 {
            return Ok(self.take(n));
        }
        Ok(self.raw_read(vm, n)?.unwrap_or_default())
    }

    /// `peek()`: the buffered bytes, reading once if there are none.
    pub fn peek(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        self.prepare_read(vm)?;
        if self.avail() == 0 {
            self.fill(vm)?;
        }
        let c = self.core.borrow();
        Ok(c.rbuf[c.rpos..].to_vec())
    }

    /// `readline(limit)`.
    pub fn readline(&self, vm: &mut Vm, limit: i64) -> PyResult<Vec<u8>> {
        self.prepare_read(vm)?;
        let mut out = Vec::new();
        loop {
            let want = if limit < 0 {
                usize::MAX
            } else {
                limit as usize - out.len()
            };
            if want == 0 {
                break;
            }
            let found = {
                let c = self.core.borrow();
                let avail = &c.rbuf[c.rpos..];
                let scan = &avail[..avail.len().min(want)];
                scan.iter()
                    .position(|&b| b == b'\n')
                    .map(|i| i + 1)
                    .unwrap_or(scan.len())
            };
            let got = self.take(found);
            let done = got.ends_with(b"\n");
            out.extend_from_slice(&got);
            if done || (limit >= 0 && out.len() >= limit as usize) {
                break;
            }
            match self.fill(vm)? {
                None | Some(0) => break,
                Some(_) => {}
            }
        }
        Ok(out)
    }

    /// `write(data)`, as CPython's BufferedWriter: data that fits is buffered;
    /// otherwise the buffer is written out, then the data straight to the raw
    /// stream while more than a buffer's worth is left, and the rest buffered.
    pub fn write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<usize> {
        if self.kind == BKind::Random && self.avail() > 0 {
            self.rewind_reads(vm)?;
        }
        let size = {
            let mut c = self.core.borrow_mut();
            if c.wbuf.len() + data.len() <= c.size {
                c.wbuf.extend_from_slice(data);
                return Ok(data.len());
            }
            c.size
        };
        self.flush_writes(vm)?;
        let mut rest = data;
        while rest.len() > size {
            match self.raw_write(vm, rest)? {
                Some(n) if n > 0 => rest = &rest[n..],
                _ => {
                    self.core.borrow_mut().wbuf.extend_from_slice(rest);
                    return Err(vm.new_error(
                        vm.exc.blocking_io_error,
                        "write could not complete without blocking",
                    ));
                }
            }
        }
        self.core.borrow_mut().wbuf.extend_from_slice(rest);
        Ok(data.len())
    }

    /// Queues encoded text (a TextIOWrapper's pending output): handed to the
    /// buffer when `chunk` bytes are queued or `now`; `flush` also writes out.
    pub fn queue_text(
        &self,
        vm: &mut Vm,
        data: &[u8],
        chunk: usize,
        now: bool,
        flush: bool,
    ) -> PyResult<()> {
        let (over, ready) = {
            let c = self.core.borrow();
            (
                c.tpending.len() + data.len() > chunk,
                c.tpending.len() + data.len() >= chunk,
            )
        };
        if over {
            self.hand_text(vm)?;
        }
        self.core.borrow_mut().tpending.extend_from_slice(data);
        if ready || now || flush {
            self.hand_text(vm)?;
        }
        if flush {
            self.flush_writes(vm)?;
        }
        Ok(())
    }

    /// Hands queued text to the buffer (`buffer.write(pending)`).
    pub fn hand_text(&self, vm: &mut Vm) -> PyResult<()> {
        let t = std::mem::take(&mut self.core.borrow_mut().tpending);
        if t.is_empty() {
            return Ok(());
        }
        self.write(vm, &t).map(|_| ())
    }

    /// The logical position.
    pub fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        let pos = self.raw_tell(vm)?;
        let (avail, pending) = {
            let c = self.core.borrow();
            (c.rbuf.len() - c.rpos, c.wbuf.len())
        };
        Ok((pos - avail as i64 + pending as i64).max(0))
    }

    /// `seek(pos, whence)` after writing out pending output.
    pub fn seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        if self.writable() {
            self.flush_writes(vm)?;
        }
        let mut pos = pos;
        if whence == 1 {
            pos -= self.avail() as i64;
        }
        {
            let mut c = self.core.borrow_mut();
            c.rbuf.clear();
            c.rpos = 0;
        }
        self.raw_seek(vm, pos, whence)
    }

    /// Writes out pending output and puts the raw position at the logical one.
    pub fn flush_and_rewind(&self, vm: &mut Vm) -> PyResult<()> {
        if self.writable() {
            self.flush_writes(vm)?;
        }
        if self.readable() {
            self.rewind_reads(vm)?;
        }
        Ok(())
    }
}
