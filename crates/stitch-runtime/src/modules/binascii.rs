//! The `binascii` module: hex (`hexlify`/`unhexlify` with separators), base64
//! (`b2a_base64`/`a2b_base64`, strict mode), uuencode lines, `crc32` and
//! `crc_hqx`, and `binascii.Error`/`Incomplete`, with CPython's messages.

use stitch_core::value::Value;

use super::array::buffer;
use crate::builtins::args;
use crate::object::{bytes, dict, int, module, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "binascii");
    let value_error = vm.exc.value_error;
    let err = make_exc(vm, "Error", value_error)?;
    vm.registry.insert("binascii.Error", err);
    module::set(vm, m, "Error", err);
    let exception = vm.exc.exception;
    let inc = make_exc(vm, "Incomplete", exception)?;
    module::set(vm, m, "Incomplete", inc);
    super::util::add_fns(
        vm,
        m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", b2a_hex),
            ("unhexlify", unhexlify),
            ("a2b_hex", a2b_hex),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("b2a_uu", b2a_uu),
            ("a2b_uu", a2b_uu),
        ],
    );
    Ok(m)
}

fn make_exc(vm: &mut Vm, name: &str, base: Value) -> PyResult<Value> {
    let n = pystr::new(vm, name);
    let bases = tuple::new(vm, &[base]);
    let d = dict::new(vm);
    let modname = pystr::new(vm, "binascii");
    dict::set_str(d, vm.names.module, modname);
    vm.call(vm.types.type_, &[n, bases, d])
}

fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let t = vm.registry.get("binascii.Error").copied().unwrap_or(vm.exc.value_error);
    vm.new_error(t, msg)
}

/// The `ascii_buffer` converter: ASCII str or a bytes-like object.
fn ascii_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = pystr::text_of(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match buffer::bytes_of(v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

// ---- hex ----

fn hex_impl(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let [data, sep, per] = args::parse::<3>(vm, a, &args::Sig::new(name, &["data", "sep", "bytes_per_sep"], 1))?;
    let data = buffer::read(vm, data)?.to_vec();
    let per = if per.is_null() { 1 } else { super::array::seq_ssize(vm, per)? };
    let sep = if sep.is_null() || sep.is_none() {
        None
    } else {
        let n = vm.len(sep)?;
        if n != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        match pystr::text_of(sep) {
            Some(s) => Some(s.chars().next().map(|c| c as u32 as u8).unwrap_or(b'-')),
            None => buffer::bytes_of(sep).and_then(|b| b.first().copied()),
        }
    };
    let out = hex_with_sep(&data, sep, per);
    Ok(bytes::new(vm, &out))
}

/// Hex digits of `data`, with `sep` between groups of `per` bytes (counted from
/// the right for positive `per`, from the left for negative).
pub fn hex_with_sep(data: &[u8], sep: Option<u8>, per: i64) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    let n = data.len();
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && group > 0
            && i > 0
        {
            let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out
}

fn hexlify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    hex_impl(vm, a, "hexlify")
}

fn b2a_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    hex_impl(vm, a, "b2a_hex")
}

/// The one argument of a METH_O function `binascii.name`.
fn meth_o(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error(format!("binascii.{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("binascii.{name}() takes exactly one argument ({} given)", a.pos.len())));
    }
    Ok(a.pos[0])
}

/// The one positional argument (before keyword-only ones) of `name`.
fn first_positional(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("{name}() takes exactly 1 positional argument ({} given)", a.pos.len())));
    }
    Ok(())
}

fn unhex_impl(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let h = meth_o(vm, a, name)?;
    let data = ascii_data(vm, h)?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes::new(vm, &out))
}

fn unhexlify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unhex_impl(vm, a, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unhex_impl(vm, a, "a2b_hex")
}

// ---- CRCs ----

fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (i, e) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *e = c;
    }
    t
}

/// zlib's CRC-32 of `data` continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    thread_local! {
        static TABLE: [u32; 256] = crc_table();
    }
    TABLE.with(|t| {
        let mut c = !crc;
        for &b in data {
            c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
        }
        !c
    })
}

/// An unsigned int argument masked to `bits` (CPython's `bitwise` converters).
fn masked(vm: &mut Vm, v: Value, mask: u64) -> PyResult<u64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index(v)?;
    let b = int::to_bigint(n) & num_bigint::BigInt::from(mask);
    Ok(u64::try_from(b).unwrap_or(0))
}

fn crc32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.has_kwargs() {
        return Err(vm.type_error("binascii.crc32() takes no keyword arguments"));
    }
    args::count(vm, a, "crc32", 1, 2)?;
    let data = buffer::read(vm, a.pos[0])?.to_vec();
    let crc = match a.pos.get(1) {
        Some(&c) => masked(vm, c, 0xffff_ffff)? as u32,
        None => 0,
    };
    Ok(int::from_u64(vm, crc32_update(crc, &data) as u64))
}

fn crc_hqx(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "crc_hqx", 2, 2)?;
    let data = buffer::read(vm, a.pos[0])?.to_vec();
    let mut crc = masked(vm, a.pos[1], 0xffff)? as u16;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    Ok(Value::small(crc as i64))
}

// ---- base64 ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 of `data`, padded.
pub fn b64encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    out
}

fn b2a_base64(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    first_positional(vm, a, "b2a_base64")?;
    let sig = args::Sig { kwonly_from: 1, posonly_until: 1, ..args::Sig::new("b2a_base64", &["data", "newline"], 1) };
    let [data, newline] = args::parse::<2>(vm, a, &sig)?;
    let data = buffer::read(vm, data)?.to_vec();
    let nl = if newline.is_null() { true } else { vm.truth(newline)? };
    let mut out = b64encode(&data);
    if nl {
        out.push(b'\n');
    }
    Ok(bytes::new(vm, &out))
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Decodes base64 as binascii does (non-alphabet characters skipped unless
/// `strict`); the error is the message of `binascii.Error`.
pub fn b64decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut quad = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err("Leading padding not allowed".into());
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        let v = v as u32;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn a2b_base64(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    first_positional(vm, a, "a2b_base64")?;
    let sig = args::Sig { kwonly_from: 1, posonly_until: 1, ..args::Sig::new("a2b_base64", &["data", "strict_mode"], 1) };
    let [data, strict] = args::parse::<2>(vm, a, &sig)?;
    let data = ascii_data(vm, data)?;
    let strict = if strict.is_null() { false } else { vm.truth(strict)? };
    match b64decode(&data, strict) {
        Ok(out) => Ok(bytes::new(vm, &out)),
        Err(msg) => Err(error(vm, msg)),
    }
}

// ---- uuencode ----

fn b2a_uu(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    first_positional(vm, a, "b2a_uu")?;
    let sig = args::Sig { kwonly_from: 1, posonly_until: 1, ..args::Sig::new("b2a_uu", &["data", "backtick"], 1) };
    let [data, backtick] = args::parse::<2>(vm, a, &sig)?;
    let data = buffer::read(vm, data)?.to_vec();
    let backtick = if backtick.is_null() { false } else { vm.truth(backtick)? };
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + 4);
    out.push(if backtick && data.is_empty() { b'`' } else { b' ' + data.len() as u8 });
    let enc = |c: u32| -> u8 { if backtick && c == 0 { b'`' } else { b' ' + c as u8 } };
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for k in [18, 12, 6, 0] {
            out.push(enc((n >> k) & 63));
        }
    }
    out.push(b'\n');
    Ok(bytes::new(vm, &out))
}

fn a2b_uu(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = meth_o(vm, a, "a2b_uu")?;
    let data = ascii_data(vm, v)?;
    let mut bin_len = ((*data.first().unwrap_or(&0) as i32 - b' ' as i32) & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut left: u32 = 0;
    let mut bits = 0;
    let mut pos = 1;
    while bin_len > 0 {
        let c = data.get(pos).copied();
        pos += 1;
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                ((c - b' ') & 0o77) as u32
            }
        };
        left = (left << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            bin_len -= 1;
        }
    }
    for &c in data.iter().skip(pos) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(bytes::new(vm, &out))
}
