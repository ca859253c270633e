//! The standard streams: native text streams over the process's stdin, stdout and
//! stderr (stdout block-buffered unless it is a terminal, stderr unbuffered).

use std::cell::RefCell;
use std::io::{BufRead, Write};

use stitch_core::value::Value;

use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::str as pystr;
use crate::vm::{Args, PyResult, Vm};

/// Which process stream a native stream writes to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fd {
    Stdin,
    Stdout,
    Stderr,
}

pub struct Stream {
    pub fd: Fd,
    pub buf: RefCell<Vec<u8>>,
    pub line_buffered: bool,
    pub closed: std::cell::Cell<bool>,
}

impl NativeData for Stream {
    fn getattr(&self, vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "encoding" => Some(pystr::new(vm, "utf-8")),
            "errors" => Some(pystr::new(vm, if self.fd == Fd::Stderr { "backslashreplace" } else { "strict" })),
            "closed" => Some(Value::from_bool(self.closed.get())),
            "name" => Some(pystr::new(
                vm,
                match self.fd {
                    Fd::Stdin => "<stdin>",
                    Fd::Stdout => "<stdout>",
                    Fd::Stderr => "<stderr>",
                },
            )),
            "mode" => Some(pystr::new(vm, if self.fd == Fd::Stdin { "r" } else { "w" })),
            _ => None,
        })
    }
    native_any!();
}

impl Stream {
    pub fn write(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        if self.closed.get() {
            return Err(vm.value_error("I/O operation on closed file."));
        }
        match self.fd {
            Fd::Stdin => Err(vm.new_error(vm.exc.os_error, "not writable")),
            Fd::Stderr => {
                flush_stdout(vm);
                let _ = std::io::stderr().write_all(text.as_bytes());
                Ok(())
            }
            Fd::Stdout => {
                let mut b = self.buf.borrow_mut();
                b.extend_from_slice(text.as_bytes());
                if b.len() > 64 * 1024 || (self.line_buffered && text.contains('\n')) {
                    let data = std::mem::take(&mut *b);
                    drop(b);
                    write_out(&data);
                }
                Ok(())
            }
        }
    }
    pub fn flush(&self, _vm: &mut Vm) -> PyResult<()> {
        if self.fd == Fd::Stdout {
            let data = std::mem::take(&mut *self.buf.borrow_mut());
            write_out(&data);
            let _ = std::io::stdout().flush();
        }
        Ok(())
    }
}

fn write_out(data: &[u8]) {
    let mut out = std::io::stdout().lock();
    // A closed pipe on stdout ends output silently, as Python does at exit.
    let _ = out.write_all(data);
    let _ = out.flush();
}

/// The native stream behind `v`, if it is one.
pub fn native_stream(v: Value) -> Option<&'static Stream> {
    native::downcast::<Stream>(v)
}

/// Writes pending stdout output.
pub fn flush_stdout(vm: &mut Vm) {
    for name in ["__stdout__"] {
        if let Some(s) = crate::object::module::get(vm, vm.sys, name)
            && let Some(st) = native_stream(s)
        {
            let _ = st.flush(vm);
        }
    }
}

pub fn init(vm: &mut Vm) {
    let ty = vm.new_native_type("TextIOWrapper");
    crate::builtins::add_methods(
        vm,
        ty,
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("readline", stream_readline),
            ("read", stream_read),
            ("isatty", stream_isatty),
            ("fileno", stream_fileno),
            ("writable", stream_writable),
            ("readable", stream_readable),
        ],
    );
}

/// Creates the three standard streams.
pub fn std_streams(vm: &mut Vm) -> [Value; 3] {
    let ty = vm.registry["TextIOWrapper"];
    let tty = unsafe { libc::isatty(1) } == 1;
    let mk = |vm: &mut Vm, fd: Fd| {
        native::new(
            vm,
            ty,
            Box::new(Stream {
                fd,
                buf: RefCell::new(Vec::new()),
                line_buffered: tty,
                closed: std::cell::Cell::new(false),
            }),
        )
    };
    [mk(vm, Fd::Stdin), mk(vm, Fd::Stdout), mk(vm, Fd::Stderr)]
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<&'static Stream> {
    match a.pos.first().and_then(|v| native_stream(*v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("expected a stream")),
    }
}

fn stream_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a)?;
    let Some(arg) = a.pos.get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(text) = pystr::text_of(*arg) else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(*arg))));
    };
    s.write(vm, text)?;
    Ok(Value::small(text.chars().count() as i64))
}
fn stream_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a)?.flush(vm)?;
    Ok(Value::NONE)
}
fn stream_readline(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    Ok(pystr::new(vm, &line))
}
fn stream_read(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let mut s = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut s);
    Ok(pystr::new(vm, &s))
}
fn stream_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = match this(vm, a)?.fd {
        Fd::Stdin => 0,
        Fd::Stdout => 1,
        Fd::Stderr => 2,
    };
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}
fn stream_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::small(match this(vm, a)?.fd {
        Fd::Stdin => 0,
        Fd::Stdout => 1,
        Fd::Stderr => 2,
    }))
}
fn stream_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::from_bool(this(vm, a)?.fd != Fd::Stdin))
}
fn stream_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::from_bool(this(vm, a)?.fd == Fd::Stdin))
}

/// The bytes of a buffer-protocol object other than bytes and bytearray
/// (`memoryview`, array...), when the runtime has one.
pub fn buffer_bytes(_vm: &mut Vm, _v: Value) -> PyResult<Option<Vec<u8>>> {
    Ok(None)
}
