//! `TextIOWrapper.tell` and `seek`: CPython's opaque cookies. A cookie packs the
//! byte position of a safe start point (64 bits), the decoder flags there (32),
//! the bytes to feed (32), the chars to skip (32) and an end-of-file flag (8); the
//! numbers match CPython's because the search for the start point is the same.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive, Zero};
use stitch_core::value::Value;

use super::iobase::unsupported;
use super::textio::{TextDecoder, TextIO, char_count, char_offset};
use crate::object::{bytearray, bytes, int};
use crate::vm::{PyResult, Vm};

#[derive(Default, Debug, Clone, Copy)]
struct Cookie {
    start_pos: i64,
    dec_flags: u32,
    bytes_to_feed: u32,
    chars_to_skip: u32,
    need_eof: bool,
}

impl Cookie {
    fn build(&self, vm: &mut Vm) -> Value {
        if self.dec_flags == 0
            && self.bytes_to_feed == 0
            && self.chars_to_skip == 0
            && !self.need_eof
        {
            return int::from_i64(vm, self.start_pos);
        }
        let mut b = BigInt::from(self.start_pos as u64);
        b += BigInt::from(self.dec_flags) << 64usize;
        b += BigInt::from(self.bytes_to_feed) << 96usize;
        b += BigInt::from(self.chars_to_skip) << 128usize;
        b += BigInt::from(self.need_eof as u8) << 160usize;
        int::from_bigint(vm, b)
    }

    fn parse(vm: &mut Vm, v: &BigInt) -> PyResult<Cookie> {
        if v.bits() > 168 {
            return Err(vm.overflow_error("int too big to convert"));
        }
        let field = |shift: usize, bits: usize| -> u64 {
            let mask = (BigInt::from(1u8) << bits) - 1;
            let x: BigInt = (v >> shift) & mask;
            x.to_u64().unwrap_or(0)
        };
        Ok(Cookie {
            start_pos: field(0, 64) as i64,
            dec_flags: field(64, 32) as u32,
            bytes_to_feed: field(96, 32) as u32,
            chars_to_skip: field(128, 32) as u32,
            need_eof: field(160, 8) != 0,
        })
    }
}

impl TextIO {
    fn buffer_tell(&self, vm: &mut Vm) -> PyResult<i64> {
        if let Some(b) = self.fast() {
            return b.tell(vm);
        }
        let buf = self.buffer.get();
        let r = vm.call_method(buf, "tell", &[])?;
        let n = vm.index(r)?;
        Ok(int::to_i64_clamped(n))
    }

    fn buffer_seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<Value> {
        let buf = self.buffer.get();
        if let Some(b) = self.fast() {
            b.check_closed(vm, "seek of closed file")?;
            let n = b.seek(vm, pos, whence)?;
            return Ok(int::from_i64(vm, n));
        }
        let p = int::from_i64(vm, pos);
        vm.call_method(buf, "seek", &[p, Value::small(whence as i64)])
    }

    fn flush_method(&self, vm: &mut Vm, me: Value) -> PyResult<()> {
        if super::iobase::is_native(me) {
            self.flush(vm)
        } else {
            vm.call_method(me, "flush", &[]).map(|_| ())
        }
    }

    /// `tell()`.
    pub fn tell(&self, vm: &mut Vm, me: Value) -> PyResult<Value> {
        self.check_open(vm)?;
        if !self.cfg.borrow().seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        if !self.rs.borrow().telling {
            return Err(vm.new_error(vm.exc.os_error, "telling position disabled by next() call"));
        }
        self.flush_pending(vm)?;
        self.flush_method(vm, me)?;
        let pos = self.buffer_tell(vm)?;
        let rs = self.rs.borrow();
        let (Some(dec), Some((flags, next_input))) = (rs.decoder.as_ref(), rs.snapshot.as_ref())
        else {
            drop(rs);
            return Ok(int::from_i64(vm, pos));
        };
        let cookie = Cookie {
            start_pos: pos - next_input.len() as i64,
            dec_flags: *flags as u32,
            ..Default::default()
        };
        let chars_to_skip = char_count(&rs.decoded[..rs.dpos]);
        if chars_to_skip == 0 {
            drop(rs);
            return Ok(cookie.build(vm));
        }
        let d = dec.clone();
        let input = next_input.clone();
        let ratio = rs.b2cratio;
        drop(rs);
        // A Python codec object is shared with the live decoder: its state is
        // put back afterwards, as CPython does.
        let saved = if d.py.is_null() {
            Value::NULL
        } else {
            vm.call_method(d.py, "getstate", &[])?
        };
        let r = search(vm, d.clone(), &input, ratio, cookie, chars_to_skip);
        if !saved.is_null() {
            vm.call_method(d.py, "setstate", &[saved])?;
        }
        let cookie = r?;
        Ok(cookie.build(vm))
    }

    /// `seek(cookie, whence)`.
    pub fn seek(&self, vm: &mut Vm, me: Value, cookie: Value, whence: i64) -> PyResult<Value> {
        self.check_open(vm)?;
        if !self.cfg.borrow().seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        let mut cookie_v = cookie;
        let mut result = cookie;
        let zero = Value::small(0);
        match whence {
            1 | 2 => {
                if !vm.eq_bool(cookie, zero)? {
                    let msg = if whence == 1 {
                        "can't do nonzero cur-relative seeks"
                    } else {
                        "can't do nonzero end-relative seeks"
                    };
                    return Err(unsupported(vm, msg));
                }
                if whence == 1 {
                    cookie_v = if super::iobase::is_native(me) {
                        self.tell(vm, me)?
                    } else {
                        vm.call_method(me, "tell", &[])?
                    };
                    result = cookie_v;
                } else {
                    self.flush_method(vm, me)?;
                    {
                        let mut rs = self.rs.borrow_mut();
                        rs.decoded.clear();
                        rs.dpos = 0;
                        rs.snapshot = None;
                    }
                    self.with_decoder(vm, |vm, d| d.reset(vm))?;
                    let r = self.buffer_seek(vm, 0, 2)?;
                    let at_start = int::is_int(r) && int::to_bigint(r).is_zero();
                    self.with_encoder(vm, |vm, e| e.set_start(vm, at_start))?;
                    return Ok(r);
                }
            }
            0 => {}
            w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        }
        let lt = vm.compare(cookie_v, zero, stitch_core::instr::cmpop::LT)?;
        if vm.truth(lt)? {
            let r = vm.repr_string(cookie_v)?;
            return Err(vm.value_error(format!("negative seek position {r}")));
        }
        let big = if cookie_v.is_float() {
            let f = cookie_v.as_f64();
            if !f.is_finite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            BigInt::from_f64(f.trunc()).unwrap_or_default()
        } else {
            let n = vm.index(cookie_v)?;
            int::to_bigint(n)
        };
        self.flush_method(vm, me)?;
        let c = Cookie::parse(vm, &big)?;
        self.buffer_seek(vm, c.start_pos, 0)?;
        {
            let mut rs = self.rs.borrow_mut();
            rs.decoded.clear();
            rs.dpos = 0;
            rs.snapshot = None;
        }
        self.with_decoder(vm, |vm, d| set_state(vm, d, &c))?;
        if c.chars_to_skip > 0 {
            let input = self.read_exact_for_seek(vm, c.bytes_to_feed as i64)?;
            let decoded = self
                .with_decoder(vm, |vm, d| d.decode(vm, &input, c.need_eof))?
                .unwrap_or_default();
            let mut rs = self.rs.borrow_mut();
            rs.snapshot = Some((c.dec_flags as u64, input));
            if char_count(&decoded) < c.chars_to_skip as usize {
                drop(rs);
                return Err(vm.new_error(vm.exc.os_error, "can't restore logical file position"));
            }
            rs.dpos = char_offset(&decoded, c.chars_to_skip as usize);
            rs.decoded = decoded;
        } else {
            self.rs.borrow_mut().snapshot = Some((c.dec_flags as u64, Vec::new()));
        }
        let at_start = c.start_pos == 0 && c.dec_flags == 0;
        self.with_encoder(vm, |vm, e| e.set_start(vm, at_start))?;
        Ok(result)
    }

    fn read_exact_for_seek(&self, vm: &mut Vm, n: i64) -> PyResult<Vec<u8>> {
        if let Some(b) = self.fast() {
            return Ok(b.read(vm, n)?.unwrap_or_default());
        }
        let buf = self.buffer.get();
        let r = vm.call_method(buf, "read", &[Value::small(n)])?;
        if let Some(x) = bytes::native(r) {
            return Ok(bytes::data(x).to_vec());
        }
        if let Some(x) = bytearray::native(r) {
            return Ok(bytearray::data(x).to_vec());
        }
        Err(vm.type_error(format!(
            "underlying read() should have returned a bytes object, not '{}'",
            vm.type_name(r)
        )))
    }
}

/// Sets the decoder to the state at a safe start point (`reset` at the very
/// start, as CPython does for codecs whose initial state is not `(b"", 0)`).
fn set_state(vm: &mut Vm, d: &mut TextDecoder, c: &Cookie) -> PyResult<()> {
    if c.start_pos == 0 && c.dec_flags == 0 {
        d.reset(vm)
    } else {
        d.setstate(vm, b"", c.dec_flags as u64)
    }
}

/// CPython's search for the cookie of the current position: from the snapshot,
/// a safe start point close before it, then bytes to feed and chars to skip.
fn search(
    vm: &mut Vm,
    mut d: TextDecoder,
    input: &[u8],
    ratio: f64,
    mut cookie: Cookie,
    mut chars_to_skip: usize,
) -> PyResult<Cookie> {
    let mut skip_bytes = ((ratio * chars_to_skip as f64) as i64).min(input.len() as i64);
    let mut skip_back = 1i64;
    while skip_bytes > 0 {
        set_state(vm, &mut d, &cookie)?;
        let n = char_count(&d.decode(vm, &input[..skip_bytes as usize], false)?);
        if n <= chars_to_skip {
            let (buf, fl) = d.getstate(vm)?;
            if buf.is_empty() {
                cookie.dec_flags = fl as u32;
                chars_to_skip -= n;
                break;
            }
            skip_bytes -= buf.len() as i64;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        set_state(vm, &mut d, &cookie)?;
    }
    cookie.start_pos += skip_bytes;
    if chars_to_skip == 0 {
        return Ok(cookie);
    }
    let mut chars_decoded = 0usize;
    let mut i = skip_bytes as usize;
    while i < input.len() {
        let n = char_count(&d.decode(vm, &input[i..i + 1], false)?);
        chars_decoded += n;
        cookie.bytes_to_feed += 1;
        let (buf, fl) = d.getstate(vm)?;
        if buf.is_empty() && chars_decoded <= chars_to_skip {
            cookie.start_pos += cookie.bytes_to_feed as i64;
            chars_to_skip -= chars_decoded;
            cookie.dec_flags = fl as u32;
            cookie.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= chars_to_skip {
            break;
        }
        i += 1;
    }
    if i >= input.len() {
        chars_decoded += char_count(&d.decode(vm, b"", true)?);
        cookie.need_eof = true;
        if chars_decoded < chars_to_skip {
            return Err(vm.new_error(vm.exc.os_error, "can't reconstruct logical file position"));
        }
    }
    cookie.chars_to_skip = chars_to_skip as u32;
    Ok(cookie)
}
