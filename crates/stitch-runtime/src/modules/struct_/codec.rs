//! Packing values into bytes and unpacking them, code by code, with the
//! conversions and range errors of CPython's native, little- and big-endian
//! tables (on a little-endian host `<` shares most native routines).

use stitch_core::value::Value;

use super::format::{Code, Layout, Mode};
use crate::gc::Rooted;
use crate::object::{bytes, bytearray, int, tuple};
use crate::vm::{PyErr, PyResult, Vm};

/// A `struct.error` with `msg`.
pub fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    match super::make_error(vm) {
        Ok(t) => vm.new_error(t, msg),
        Err(e) => e,
    }
}

/// Packs `args` (exactly `layout.items` values) into `out` (zeroed, `layout.size` long).
pub fn pack(vm: &mut Vm, layout: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut k = 0;
    for code in &layout.codes {
        match code.ch {
            b's' | b'p' => {
                let v = args[k];
                k += 1;
                pack_bytes(vm, code, v, &mut out[code.offset..code.offset + code.count])?;
            }
            _ => {
                for r in 0..code.count {
                    let v = args[k];
                    k += 1;
                    let at = code.offset + r * code.size;
                    pack_one(vm, layout.mode, code.ch, v, &mut out[at..at + code.size])?;
                }
            }
        }
    }
    Ok(())
}

fn pack_bytes(vm: &mut Vm, code: &Code, v: Value, out: &mut [u8]) -> PyResult<()> {
    let data = match bytes::native(v) {
        Some(b) => bytes::data(b),
        None => match bytearray::native(v) {
            Some(b) => bytearray::data(b),
            None => {
                return Err(error(vm, format!("argument for '{}' must be a bytes object", code.ch as char)));
            }
        },
    };
    if code.ch == b's' {
        let n = data.len().min(out.len());
        out[..n].copy_from_slice(&data[..n]);
    } else if !out.is_empty() {
        let n = data.len().min(out.len() - 1);
        out[1..1 + n].copy_from_slice(&data[..n]);
        out[0] = n.min(255) as u8;
    }
    Ok(())
}

/// The integer argument of an integer code (`__index__` allowed).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if int::is_int(v) || v.is_bool() {
        return vm.index(v);
    }
    if !v.is_float() && vm.lookup_special(v, vm.names.index).is_some() {
        return vm.index(v);
    }
    Err(error(vm, "required argument is not an integer"))
}

/// The float argument of a float code.
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match crate::modules::math::to_f64(vm, v) {
        Ok(f) => Ok(f),
        Err(_) => Err(error(vm, "required argument is not a float")),
    }
}

fn range_signed(vm: &mut Vm, ch: u8, bits: u32) -> PyErr {
    let max = (1i64 << (bits - 1)) - 1;
    error(vm, format!("'{}' format requires {} <= number <= {}", ch as char, -max - 1, max))
}

fn range_unsigned(vm: &mut Vm, ch: u8, bits: u32) -> PyErr {
    let max = (1u64 << bits) - 1;
    error(vm, format!("'{}' format requires 0 <= number <= {}", ch as char, max))
}

/// Whether `ch` uses CPython's native routine in `mode`.
fn native_routine(mode: Mode, ch: u8) -> bool {
    match mode {
        Mode::Native => true,
        Mode::Little => matches!(ch, b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'q' | b'Q' | b'c' | b'e'),
        Mode::Big => matches!(ch, b'b' | b'B' | b'c'),
    }
}

fn put(out: &mut [u8], mode: Mode, le: &[u8]) {
    let n = out.len();
    if mode == Mode::Big {
        for (i, b) in le[..n].iter().enumerate() {
            out[n - 1 - i] = *b;
        }
    } else {
        out.copy_from_slice(&le[..n]);
    }
}

fn pack_one(vm: &mut Vm, mode: Mode, ch: u8, v: Value, out: &mut [u8]) -> PyResult<()> {
    match ch {
        b'c' => {
            match bytes::native(v).map(bytes::data) {
                Some(d) if d.len() == 1 => out[0] = d[0],
                _ => return Err(error(vm, "char format requires a bytes object of length 1")),
            }
            return Ok(());
        }
        b'?' => {
            out[0] = vm.truth(v)? as u8;
            return Ok(());
        }
        b'e' => {
            let x = float_arg(vm, v)?;
            let h = half_bits(x).ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?;
            put(out, mode, &h.to_le_bytes());
            return Ok(());
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if mode != Mode::Native && y.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            put(out, mode, &y.to_le_bytes());
            return Ok(());
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(out, mode, &x.to_le_bytes());
            return Ok(());
        }
        _ => {}
    }
    let n = int_arg(vm, v)?;
    let i = int::to_i64(n);
    let unsigned = || -> Option<u64> {
        match i {
            Some(x) if x >= 0 => Some(x as u64),
            Some(_) => None,
            None => u64::try_from(int::to_bigint(n)).ok(),
        }
    };
    let out_of_range = "argument out of range";
    let bits: u64 = if native_routine(mode, ch) {
        match ch {
            b'b' | b'B' | b'h' | b'H' | b'i' | b'l' | b'q' | b'n' => {
                let x = match i {
                    Some(x) => x,
                    None => return Err(error(vm, out_of_range)),
                };
                let bad = |lo: i64, hi: i64| x < lo || x > hi;
                let msg = match ch {
                    b'b' if bad(-128, 127) => Some("byte format requires -128 <= number <= 127".to_string()),
                    b'B' if bad(0, 255) => Some("ubyte format requires 0 <= number <= 255".to_string()),
                    b'h' if bad(-32768, 32767) => Some("short format requires -32768 <= number <= 32767".to_string()),
                    b'H' if bad(0, 65535) => Some("ushort format requires 0 <= number <= 65535".to_string()),
                    b'i' if bad(i32::MIN as i64, i32::MAX as i64) => return Err(range_signed(vm, ch, 32)),
                    _ => None,
                };
                if let Some(m) = msg {
                    return Err(error(vm, m));
                }
                x as u64
            }
            b'P' => match i {
                Some(x) => x as u64,
                None => match unsigned() {
                    Some(x) => x,
                    None => return Err(error(vm, "int too large to convert")),
                },
            },
            _ => {
                // I L Q N
                let x = match unsigned() {
                    Some(x) => x,
                    None => return Err(error(vm, out_of_range)),
                };
                if ch == b'I' && x > u32::MAX as u64 {
                    return Err(range_unsigned(vm, ch, 32));
                }
                x
            }
        }
    } else {
        let nbits = (out.len() * 8) as u32;
        match ch {
            b'h' | b'i' | b'l' => {
                let x = match i {
                    Some(x) => x,
                    None => return Err(error(vm, out_of_range)),
                };
                let max = (1i64 << (nbits - 1)) - 1;
                if x < -max - 1 || x > max {
                    return Err(range_signed(vm, ch, nbits));
                }
                x as u64
            }
            b'H' | b'I' | b'L' => {
                let x = match unsigned() {
                    Some(x) => x,
                    None => return Err(error(vm, out_of_range)),
                };
                if x > (1u64 << nbits) - 1 {
                    return Err(range_unsigned(vm, ch, nbits));
                }
                x
            }
            b'q' => match i {
                Some(x) => x as u64,
                None => return Err(error(vm, "int too large to convert")),
            },
            _ => match unsigned() {
                Some(x) => x,
                None => return Err(error(vm, "int too large to convert")),
            },
        }
    };
    put(out, mode, &bits.to_le_bytes());
    Ok(())
}

/// IEEE 754 binary16 bits of `x` (round half to even), None on overflow.
pub fn half_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let b = a.to_bits();
    let exp = ((b >> 52) & 0x7ff) as i64 - 1023;
    if exp < -14 {
        // Subnormal (or rounds to the smallest normal): units of 2**-24.
        let n = round_half_even(a * 16777216.0);
        return Some(sign | n as u16);
    }
    let mant = b & ((1u64 << 52) - 1);
    let mut m = mant >> 42;
    let rem = mant & ((1u64 << 42) - 1);
    let half = 1u64 << 41;
    if rem > half || (rem == half && m & 1 == 1) {
        m += 1;
    }
    let mut e = exp;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 { 2.0 * (x / 2.0).round() } else { r }
}

/// The value of binary16 bits.
pub fn half_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    if e == 0x1f {
        if m == 0.0 {
            return sign * f64::INFINITY;
        }
        return if sign < 0.0 { -f64::NAN } else { f64::NAN };
    }
    if e == 0 {
        return sign * m * 2f64.powi(-24);
    }
    sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15)
}

/// Unpacks `data` (exactly `layout.size` bytes) into a tuple.
pub fn unpack(vm: &mut Vm, layout: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut vals = Rooted::from_vec(Vec::with_capacity(layout.items));
    for code in &layout.codes {
        match code.ch {
            b's' => {
                let v = bytes::new(vm, &data[code.offset..code.offset + code.count]);
                vals.push(v);
            }
            b'p' => {
                let field = &data[code.offset..code.offset + code.count];
                let v = if field.is_empty() {
                    bytes::new(vm, &[])
                } else {
                    let n = (field[0] as usize).min(field.len() - 1);
                    bytes::new(vm, &field[1..1 + n])
                };
                vals.push(v);
            }
            _ => {
                for r in 0..code.count {
                    let at = code.offset + r * code.size;
                    let v = unpack_one(vm, layout.mode, code.ch, &data[at..at + code.size]);
                    vals.push(v);
                }
            }
        }
    }
    Ok(tuple::new(vm, &vals))
}

fn unpack_one(vm: &mut Vm, mode: Mode, ch: u8, field: &[u8]) -> Value {
    let mut le = [0u8; 8];
    let n = field.len();
    if mode == Mode::Big {
        for i in 0..n {
            le[i] = field[n - 1 - i];
        }
    } else {
        le[..n].copy_from_slice(field);
    }
    let raw = u64::from_le_bytes(le);
    match ch {
        b'c' => bytes::new(vm, field),
        b'?' => Value::from_bool(raw != 0),
        b'e' => Value::from_f64(half_value(raw as u16)),
        b'f' => Value::from_f64(f32::from_bits(raw as u32) as f64),
        b'd' => Value::from_f64(f64::from_bits(raw)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - 8 * n as u32;
            let x = ((raw << shift) as i64) >> shift;
            int::from_i64(vm, x)
        }
        _ => int::from_u64(vm, raw),
    }
}
