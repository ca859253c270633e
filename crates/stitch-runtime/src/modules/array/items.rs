//! Array typecodes: item sizes, and the conversions between Python values and
//! the machine representation, with CPython's messages for each typecode.

use stitch_core::value::Value;

use crate::object::{int, str as pystr};
use crate::vm::{PyResult, Vm};

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// The item size of a typecode.
pub fn itemsize(c: u8) -> Option<usize> {
    Some(match c {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// The value stored at `bytes` (one item of typecode `c`).
pub fn get(vm: &mut Vm, c: u8, b: &[u8]) -> Value {
    let mut le = [0u8; 8];
    le[..b.len()].copy_from_slice(b);
    let raw = u64::from_le_bytes(le);
    match c {
        b'b' => Value::small(raw as u8 as i8 as i64),
        b'B' => Value::small(raw as u8 as i64),
        b'h' => Value::small(raw as u16 as i16 as i64),
        b'H' => Value::small(raw as u16 as i64),
        b'i' => Value::small(raw as u32 as i32 as i64),
        b'I' => int::from_u64(vm, raw as u32 as u64),
        b'l' | b'q' => int::from_i64(vm, raw as i64),
        b'L' | b'Q' => int::from_u64(vm, raw),
        b'f' => Value::from_f64(f32::from_bits(raw as u32) as f64),
        b'd' => Value::from_f64(f64::from_bits(raw)),
        b'u' => {
            let ch = char::from_u32(raw as u32).unwrap_or('\u{fffd}');
            let mut buf = [0u8; 4];
            pystr::new(vm, ch.encode_utf8(&mut buf))
        }
        _ => Value::NONE,
    }
}

/// The code point stored in a `u` item.
pub fn code_point(b: &[u8]) -> u32 {
    let mut le = [0u8; 4];
    le.copy_from_slice(&b[..4]);
    u32::from_le_bytes(le)
}

fn overflow<T>(vm: &mut Vm, msg: &str) -> PyResult<T> {
    Err(vm.overflow_error(msg.to_string()))
}

/// An int item argument, converted with `__index__`.
fn int_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index(v)
}

/// A C long, or CPython's overflow message.
fn long_of(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let n = int_of(vm, v)?;
    match int::to_i64(n) {
        Some(x) => Ok(x),
        None => overflow(vm, "Python int too large to convert to C long"),
    }
}

fn check(vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return overflow(vm, &format!("{what} is less than minimum"));
    }
    if x > hi {
        return overflow(vm, &format!("{what} is greater than maximum"));
    }
    Ok(())
}

/// The bytes of `v` as an item of typecode `c` (into `out`, `itemsize(c)` long).
pub fn set(vm: &mut Vm, c: u8, v: Value, out: &mut [u8]) -> PyResult<()> {
    let bits: u64 = match c {
        b'b' => {
            let x = long_of(vm, v)?;
            check(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            check(vm, x, -128, 127, "signed char")?;
            x as u64
        }
        b'B' => {
            let x = long_of(vm, v)?;
            check(vm, x, 0, 255, "unsigned byte integer")?;
            x as u64
        }
        b'h' => {
            let x = long_of(vm, v)?;
            check(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            x as u64
        }
        b'H' => {
            let x = long_of(vm, v)?;
            check(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            check(vm, x, 0, 65535, "unsigned short")?;
            x as u64
        }
        b'i' => {
            let x = long_of(vm, v)?;
            check(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            x as u64
        }
        b'l' => long_of(vm, v)? as u64,
        b'q' => {
            let n = int_of(vm, v)?;
            match int::to_i64(n) {
                Some(x) => x as u64,
                None => return overflow(vm, "int too big to convert"),
            }
        }
        b'I' | b'L' | b'Q' => {
            let n = int_of(vm, v)?;
            if int::signum(n) < 0 {
                let msg = if c == b'Q' {
                    "can't convert negative int to unsigned"
                } else {
                    "can't convert negative value to unsigned int"
                };
                return overflow(vm, msg);
            }
            let x = match int::to_i64(n) {
                Some(x) => Some(x as u64),
                None => u64::try_from(int::to_bigint(n)).ok(),
            };
            let Some(x) = x else {
                let msg =
                    if c == b'Q' { "int too big to convert" } else { "Python int too large to convert to C unsigned long" };
                return overflow(vm, msg);
            };
            if c == b'I' && x > u32::MAX as u64 {
                return overflow(vm, "unsigned int is greater than maximum");
            }
            x
        }
        b'f' => (float_of(vm, v)? as f32).to_bits() as u64,
        b'd' => float_of(vm, v)?.to_bits(),
        b'u' => {
            let ch = pystr::text_of(v).and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(ch), None) => Some(ch),
                    _ => None,
                }
            });
            match ch {
                Some(ch) => ch as u64,
                None => return Err(vm.type_error("array item must be unicode character")),
            }
        }
        _ => 0,
    };
    let n = out.len();
    out.copy_from_slice(&bits.to_le_bytes()[..n]);
    Ok(())
}

fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    crate::modules::math::to_f64(vm, v)
}

/// Whether the typecode holds floats.
pub fn is_float(c: u8) -> bool {
    c == b'f' || c == b'd'
}
