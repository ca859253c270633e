//! `_io.TextIOWrapper`: the state and the reading and writing algorithms
//! (CPython's: chunked decoding with snapshots for `tell`, the three newline
//! modes, line buffering). Over an exact native buffered stream the text goes
//! straight into its buffer; over any other object through its methods. The
//! Python methods are in `textio_methods.rs`, `tell`/`seek` in `textio_seek.rs`.
//!
//! No `RefCell` borrow is held across a call that can run Python code.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use stitch_core::value::Value;

use super::buffered::{self, Buffered};
use super::codec::{self, Decoder, Encoder};
use super::iobase::unsupported;
use super::newline::NlState;
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{bytearray, bytes, int};
use crate::vm::{PyResult, Vm};

/// A codec decoder behind an optional universal-newline stage, with the state
/// CPython's `IncrementalNewlineDecoder(decoder)` reports. For codecs the
/// runtime does not know, `py` is the `codecs` incremental decoder (kept alive
/// by `TextIO::py_decoder`).
#[derive(Clone)]
pub struct TextDecoder {
    pub codec: Decoder,
    pub nl: Option<NlState>,
    pub py: Value,
}

/// `(bytes, int)` from a Python codec's `getstate()`.
fn py_state(vm: &mut Vm, st: Value) -> PyResult<(Vec<u8>, u64)> {
    if st.is_kind(stitch_core::layout::Kind::Tuple) && crate::object::tuple::len(st) == 2 {
        let it = crate::object::tuple::items(st);
        let (b, f) = (it[0], it[1]);
        if let Some(b) = bytes::native(b) {
            let data = bytes::data(b).to_vec();
            let f = vm.index(f)?;
            return Ok((data, int::to_i64_clamped(f) as u64));
        }
    }
    Err(vm.type_error("illegal decoder state"))
}

impl TextDecoder {
    pub fn decode(&mut self, vm: &mut Vm, input: &[u8], final_: bool) -> PyResult<String> {
        let out = if self.py.is_null() {
            self.codec.decode(vm, input, final_)?
        } else {
            let b = bytes::new(vm, input);
            let r = vm.call_method(self.py, "decode", &[b, Value::from_bool(final_)])?;
            match crate::object::str::text_of(r) {
                Some(t) => t.to_string(),
                None => {
                    return Err(vm.type_error(format!(
                        "decoder should return a string result, not '{}'",
                        vm.type_name(r)
                    )));
                }
            }
        };
        Ok(match &mut self.nl {
            Some(nl) => nl.process(out, final_),
            None => out,
        })
    }
    pub fn getstate(&self, vm: &mut Vm) -> PyResult<(Vec<u8>, u64)> {
        let (b, f) = if self.py.is_null() {
            self.codec.getstate()
        } else {
            let st = vm.call_method(self.py, "getstate", &[])?;
            py_state(vm, st)?
        };
        Ok(match &self.nl {
            Some(nl) => (b, (f << 1) | nl.pendingcr as u64),
            None => (b, f),
        })
    }
    pub fn setstate(&mut self, vm: &mut Vm, buf: &[u8], flags: u64) -> PyResult<()> {
        let flags = match &mut self.nl {
            Some(nl) => {
                nl.pendingcr = flags & 1 == 1;
                flags >> 1
            }
            None => flags,
        };
        if self.py.is_null() {
            self.codec.setstate(buf, flags);
            return Ok(());
        }
        let b = bytes::new(vm, buf);
        let f = int::from_i64(vm, flags as i64);
        let t = crate::object::tuple::new(vm, &[b, f]);
        vm.call_method(self.py, "setstate", &[t]).map(|_| ())
    }
    pub fn reset(&mut self, vm: &mut Vm) -> PyResult<()> {
        if let Some(nl) = &mut self.nl {
            nl.reset();
        }
        if self.py.is_null() {
            self.codec.reset();
            return Ok(());
        }
        vm.call_method(self.py, "reset", &[]).map(|_| ())
    }
}

/// Settings fixed by `__init__` (and `reconfigure`).
#[derive(Clone)]
pub struct Config {
    pub encoding: String,
    pub errors: String,
    pub kind: codec::Kind,
    pub readuniversal: bool,
    pub readtranslate: bool,
    pub readnl: Option<String>,
    pub writetranslate: bool,
    pub writenl: Option<String>,
    pub line_buffering: bool,
    pub write_through: bool,
    pub seekable: bool,
    pub has_read1: bool,
    pub chunk_size: usize,
}

/// What reading and writing change.
pub struct ReadState {
    pub decoder: Option<TextDecoder>,
    pub encoder: Option<Encoder>,
    pub decoded: String,
    /// Byte offset of the next unread char in `decoded`.
    pub dpos: usize,
    /// `(decoder flags, bytes fed since)` at the start of `decoded`.
    pub snapshot: Option<(u64, Vec<u8>)>,
    pub telling: bool,
    pub b2cratio: f64,
}

pub struct TextIO {
    pub buffer: Cell<Value>,
    pub mode: Cell<Value>,
    pub cfg: RefCell<Config>,
    pub rs: RefCell<ReadState>,
    /// Encoded output for a buffer that is not a native buffered stream.
    pub pending: RefCell<Vec<u8>>,
    /// 0 before `__init__`, 1 ready, 2 detached.
    pub state: Cell<u8>,
    /// The `codecs` incremental decoder and encoder, for codecs the runtime
    /// does not know (NULL otherwise).
    pub py_decoder: Cell<Value>,
    pub py_encoder: Cell<Value>,
}

impl NativeData for TextIO {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.buffer.get());
        t.mark(self.mode.get());
        t.mark(self.py_decoder.get());
        t.mark(self.py_encoder.get());
    }
    native_any!();
}

pub fn empty() -> TextIO {
    TextIO {
        buffer: Cell::new(Value::NONE),
        mode: Cell::new(Value::NULL),
        cfg: RefCell::new(Config {
            encoding: String::new(),
            errors: String::new(),
            kind: codec::Kind::Utf8,
            readuniversal: false,
            readtranslate: false,
            readnl: None,
            writetranslate: false,
            writenl: None,
            line_buffering: false,
            write_through: false,
            seekable: false,
            has_read1: false,
            chunk_size: 8192,
        }),
        rs: RefCell::new(ReadState {
            decoder: None,
            encoder: None,
            decoded: String::new(),
            dpos: 0,
            snapshot: None,
            telling: false,
            b2cratio: 0.0,
        }),
        pending: RefCell::new(Vec::new()),
        state: Cell::new(0),
        py_decoder: Cell::new(Value::NULL),
        py_encoder: Cell::new(Value::NULL),
    }
}

/// Where a line ends in `s`: `Ok(end)` after the terminator, or `Err(consumed)`:
/// how much can be set aside without splitting a terminator.
pub fn find_line_ending(
    s: &str,
    translated: bool,
    universal: bool,
    readnl: Option<&str>,
) -> Result<usize, usize> {
    let b = s.as_bytes();
    if translated {
        return b
            .iter()
            .position(|&c| c == b'\n')
            .map(|i| i + 1)
            .ok_or(b.len());
    }
    if universal {
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' {
                return Ok(i + 1);
            }
            if c == b'\r' {
                return Ok(if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                });
            }
        }
        return Err(b.len());
    }
    let nl = readnl.unwrap_or("\n");
    match s.find(nl) {
        Some(i) => Ok(i + nl.len()),
        None => {
            if nl.len() > 1 && s.ends_with(&nl[..1]) {
                Err(b.len() - 1)
            } else {
                Err(b.len())
            }
        }
    }
}

/// The byte offset of char `n` in `s` (its length when shorter).
pub fn char_offset(s: &str, n: usize) -> usize {
    if s.is_ascii() {
        return n.min(s.len());
    }
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

pub fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl TextIO {
    /// The buffer, checking that the wrapper is initialized and attached.
    pub fn attached(&self, vm: &mut Vm) -> PyResult<Value> {
        match self.state.get() {
            0 => Err(vm.value_error("I/O operation on uninitialized object")),
            2 => Err(vm.value_error("underlying buffer has been detached")),
            _ => Ok(self.buffer.get()),
        }
    }

    /// The native buffered stream below, when there is one.
    pub fn fast(&self) -> Option<&'static Buffered> {
        buffered::native(self.buffer.get())
    }

    pub fn is_closed(&self, vm: &mut Vm) -> PyResult<bool> {
        let buf = self.attached(vm)?;
        match self.fast() {
            Some(b) => b.closed(vm),
            None => super::iobase::is_closed(vm, buf),
        }
    }

    /// Attached and open: the buffer.
    pub fn check_open(&self, vm: &mut Vm) -> PyResult<Value> {
        let buf = self.attached(vm)?;
        if self.is_closed(vm)? {
            return Err(vm.value_error("I/O operation on closed file."));
        }
        Ok(buf)
    }

    /// Runs `f` on the decoder taken out of the state (so that Python codec
    /// code never runs under a borrow); `None` when there is no decoder.
    pub fn with_decoder<R>(
        &self,
        vm: &mut Vm,
        f: impl FnOnce(&mut Vm, &mut TextDecoder) -> PyResult<R>,
    ) -> PyResult<Option<R>> {
        let Some(mut d) = self.rs.borrow_mut().decoder.take() else {
            return Ok(None);
        };
        let r = f(vm, &mut d);
        self.rs.borrow_mut().decoder = Some(d);
        r.map(Some)
    }

    /// Like [`TextIO::with_decoder`] for the encoder.
    pub fn with_encoder<R>(
        &self,
        vm: &mut Vm,
        f: impl FnOnce(&mut Vm, &mut Encoder) -> PyResult<R>,
    ) -> PyResult<Option<R>> {
        let Some(mut e) = self.rs.borrow_mut().encoder.take() else {
            return Ok(None);
        };
        let r = f(vm, &mut e);
        self.rs.borrow_mut().encoder = Some(e);
        r.map(Some)
    }

    // ---- writing ----

    /// `write(text)` after the checks (the print fast path).
    pub fn write(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        self.check_open(vm)?;
        self.write_checked(vm, text)
    }

    pub fn write_checked(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        let (translate, line_buffering, write_through, chunk) = {
            let c = self.cfg.borrow();
            let tr = if c.writetranslate {
                c.writenl.clone()
            } else {
                None
            };
            (tr, c.line_buffering, c.write_through, c.chunk_size)
        };
        let haslf = (translate.is_some() || line_buffering) && text.contains('\n');
        let needflush = line_buffering && (haslf || text.contains('\r'));
        let text: Cow<str> = match &translate {
            Some(nl) if haslf => Cow::Owned(text.replace('\n', nl)),
            _ => Cow::Borrowed(text),
        };
        let fast_utf8 = self.rs.borrow().encoder.as_ref().map(|e| e.is_utf8());
        let data: Cow<[u8]> = match fast_utf8 {
            None => return Err(unsupported(vm, "not writable")),
            Some(true) => Cow::Borrowed(text.as_bytes()),
            Some(false) => match self.with_encoder(vm, |vm, e| e.encode(vm, &text))? {
                Some(d) => Cow::Owned(d),
                None => return Err(unsupported(vm, "not writable")),
            },
        };
        {
            let mut rs = self.rs.borrow_mut();
            if !rs.decoded.is_empty() || rs.snapshot.is_some() {
                rs.decoded.clear();
                rs.dpos = 0;
                rs.snapshot = None;
            }
        }
        self.with_decoder(vm, |vm, d| d.reset(vm))?;
        match self.fast() {
            Some(b) => b.queue_text(vm, &data, chunk, write_through, needflush),
            None => {
                let full = {
                    let mut p = self.pending.borrow_mut();
                    p.extend_from_slice(&data);
                    p.len() >= chunk
                };
                if full || needflush || write_through {
                    self.flush_pending(vm)?;
                }
                if needflush {
                    let buf = self.buffer.get();
                    vm.call_method(buf, "flush", &[])?;
                }
                Ok(())
            }
        }
    }

    /// Hands pending output to the buffer's `write` (straight to the descriptor
    /// when the buffer is an exact FileIO, as for stderr).
    pub fn flush_pending(&self, vm: &mut Vm) -> PyResult<()> {
        if let Some(b) = self.fast() {
            return b.hand_text(vm);
        }
        let data = std::mem::take(&mut *self.pending.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
        let buf = self.buffer.get();
        if super::iobase::is_native(buf)
            && let Some(f) = crate::modules::util::payload::<super::fileio::FileIO>(buf)
        {
            let fd = f.check_writable(vm)?;
            return super::fileio::sys_write_all(fd, &data)
                .map_err(|c| crate::modules::posix::path::os_error(vm, c));
        }
        let b = bytes::new(vm, &data);
        vm.call_method(buf, "write", &[b])?;
        Ok(())
    }

    /// `flush()` after the checks.
    pub fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        let buf = self.check_open(vm)?;
        let seekable = self.cfg.borrow().seekable;
        self.rs.borrow_mut().telling = seekable;
        self.flush_pending(vm)?;
        match self.fast() {
            Some(b) if b.writable() => {
                b.check_closed(vm, "flush of closed file")?;
                b.flush_and_rewind(vm)
            }
            _ => vm.call_method(buf, "flush", &[]).map(|_| ()),
        }
    }

    // ---- reading ----

    fn check_readable(&self, vm: &mut Vm) -> PyResult<()> {
        if self.rs.borrow().decoder.is_none() {
            return Err(unsupported(vm, "not readable"));
        }
        Ok(())
    }

    /// Bytes from the buffer's `read1`/`read` (or the native stream).
    fn buffer_read(&self, vm: &mut Vm, n: i64, read1: bool) -> PyResult<Vec<u8>> {
        if let Some(b) = self.fast() {
            if read1 {
                return b.read1(vm, n.max(0) as usize);
            }
            return Ok(b.read(vm, n)?.unwrap_or_default());
        }
        let buf = self.buffer.get();
        let name = if read1 { "read1" } else { "read" };
        let arg = int::from_i64(vm, n);
        let r = if n < 0 && !read1 {
            vm.call_method(buf, name, &[])?
        } else {
            vm.call_method(buf, name, &[arg])?
        };
        if r.is_none() {
            return Ok(Vec::new());
        }
        if let Some(x) = bytes::native(r) {
            return Ok(bytes::data(x).to_vec());
        }
        if let Some(x) = bytearray::native(r) {
            return Ok(bytearray::data(x).to_vec());
        }
        Err(vm.type_error(format!(
            "underlying {name}() should have returned a bytes-like object, not '{}'",
            vm.type_name(r)
        )))
    }

    /// Reads and decodes one chunk; false at end of file.
    pub fn read_chunk(&self, vm: &mut Vm, size_hint: usize) -> PyResult<bool> {
        let (has_read1, chunk_size) = {
            let c = self.cfg.borrow();
            (c.has_read1, c.chunk_size)
        };
        let (telling, ratio) = {
            let rs = self.rs.borrow();
            if rs.decoder.is_none() {
                drop(rs);
                return Err(unsupported(vm, "not readable"));
            }
            (rs.telling, rs.b2cratio)
        };
        let state = if telling {
            self.with_decoder(vm, |vm, d| d.getstate(vm))?
        } else {
            None
        };
        let hint = if size_hint > 0 {
            (ratio.max(1.0) * size_hint as f64) as usize
        } else {
            0
        };
        let n = chunk_size.max(hint);
        let input = self.buffer_read(vm, n as i64, has_read1)?;
        let mut eof = input.is_empty();
        let Some(decoded) = self.with_decoder(vm, |vm, d| d.decode(vm, &input, eof))? else {
            return Ok(false);
        };
        let mut rs = self.rs.borrow_mut();
        let nchars = char_count(&decoded);
        rs.decoded = decoded;
        rs.dpos = 0;
        rs.b2cratio = if nchars > 0 {
            input.len() as f64 / nchars as f64
        } else {
            0.0
        };
        if nchars > 0 {
            eof = false;
        }
        if telling && let Some((mut buf, flags)) = state {
            buf.extend_from_slice(&input);
            rs.snapshot = Some((flags, buf));
        }
        Ok(!eof)
    }

    /// Takes up to `n` decoded chars (all when `n` is None).
    fn take_decoded(&self, n: Option<usize>) -> String {
        let mut rs = self.rs.borrow_mut();
        let rest = &rs.decoded[rs.dpos..];
        let end = match n {
            Some(n) => char_offset(rest, n),
            None => rest.len(),
        };
        let out = rest[..end].to_string();
        rs.dpos += end;
        out
    }

    /// Writes pending output before reading (CPython's `_textiowrapper_writeflush`).
    fn before_read(&self, vm: &mut Vm) -> PyResult<()> {
        self.flush_pending(vm)
    }

    /// `read(n)` after the checks (`n` < 0 reads everything).
    pub fn read(&self, vm: &mut Vm, n: i64) -> PyResult<String> {
        self.check_readable(vm)?;
        self.before_read(vm)?;
        if n < 0 {
            let data = self.buffer_read(vm, -1, false)?;
            let decoded = self
                .with_decoder(vm, |vm, d| d.decode(vm, &data, true))?
                .unwrap_or_default();
            let mut rs = self.rs.borrow_mut();
            let mut out = rs.decoded[rs.dpos..].to_string();
            out.push_str(&decoded);
            rs.decoded.clear();
            rs.dpos = 0;
            rs.snapshot = None;
            return Ok(out);
        }
        let n = n as usize;
        let mut out = self.take_decoded(Some(n));
        let mut got = char_count(&out);
        while got < n {
            if !self.read_chunk(vm, n - got)? {
                break;
            }
            let more = self.take_decoded(Some(n - got));
            got += char_count(&more);
            out.push_str(&more);
        }
        Ok(out)
    }

    fn decoded_empty(&self) -> bool {
        let rs = self.rs.borrow();
        rs.dpos >= rs.decoded.len()
    }

    /// `readline(limit)` after the checks.
    pub fn readline(&self, vm: &mut Vm, limit: i64) -> PyResult<String> {
        self.check_readable(vm)?;
        self.before_read(vm)?;
        let (translated, universal, readnl) = {
            let c = self.cfg.borrow();
            (c.readtranslate, c.readuniversal, c.readnl.clone())
        };
        let mut chunks = String::new();
        let mut chunked = 0usize;
        let mut remaining = String::new();
        loop {
            let mut eof = false;
            while self.decoded_empty() {
                if !self.read_chunk(vm, 0)? {
                    eof = true;
                    break;
                }
            }
            let mut rs = self.rs.borrow_mut();
            if eof {
                rs.decoded.clear();
                rs.dpos = 0;
                rs.snapshot = None;
                chunks.push_str(&remaining);
                return Ok(chunks);
            }
            let offset = remaining.len();
            let joined;
            let line: &str = if remaining.is_empty() {
                &rs.decoded[rs.dpos..]
            } else {
                joined = format!("{remaining}{}", &rs.decoded[rs.dpos..]);
                &joined
            };
            let found = find_line_ending(line, translated, universal, readnl.as_deref());
            let mut end = match found {
                Ok(e) | Err(e) => e,
            };
            let over = limit >= 0 && char_count(&line[..end]) + chunked >= limit as usize;
            if over {
                end = char_offset(line, limit as usize - chunked);
            }
            if found.is_ok() || over {
                let piece = line[..end].to_string();
                if end >= offset {
                    rs.dpos += end - offset;
                } else {
                    let rest = format!("{}{}", &line[end..offset], &rs.decoded[rs.dpos..]);
                    rs.decoded = rest;
                    rs.dpos = 0;
                }
                chunks.push_str(&piece);
                return Ok(chunks);
            }
            chunks.push_str(&line[..end]);
            chunked += char_count(&line[..end]);
            remaining = line[end..].to_string();
            rs.decoded.clear();
            rs.dpos = 0;
        }
    }
}
