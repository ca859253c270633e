//! Encoding and decoding for the codecs the runtime knows (utf-8, ascii, latin-1,
//! utf-16 and utf-32 with their byte-order variants), with CPython's encoding
//! aliases, error handlers and error messages.

use crate::vm::{PyErr, PyResult, Vm};

/// The codecs, by canonical name.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// Looks an encoding name up as Python's `encodings` package normalizes it.
fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let mut norm = String::new();
    let mut pending = false;
    for c in encoding.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            norm.extend(c.to_lowercase());
            pending = false;
        } else {
            pending = true;
        }
    }
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "latin" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return Err(vm.new_error(vm.exc.lookup_error, format!("unknown encoding: {encoding}"))),
    })
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_error(
        vm.exc.lookup_error,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `'\xe9'`-style escape of a code point in codec messages.
fn escaped(u: u32) -> String {
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(order) => {
            let be = order.unwrap_or(false);
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let mut push = |u: u16| out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if order.is_none() {
                push(0xfeff);
            }
            let mut buf = [0u16; 2];
            for c in s.chars() {
                for &u in c.encode_utf16(&mut buf).iter() {
                    push(u);
                }
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let be = order.unwrap_or(false);
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let mut push = |u: u32| out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if order.is_none() {
                push(0xfeff);
            }
            for c in s.chars() {
                push(c as u32);
            }
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let u = chars[i] as u32;
        if u < limit {
            out.push(u as u8);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < limit)
            .map_or(chars.len(), |k| i + k);
        match errors {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", escaped(u))
                } else {
                    format!("characters in position {}-{}", i, end - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                );
                return Err(vm.new_error(vm.exc.unicode_encode_error, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend(escaped(c as u32).bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    match codec {
        Codec::Utf8 => decode_utf8(vm, b, errors),
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                if b[i] < 0x80 {
                    out.push(b[i] as char);
                    i += 1;
                    continue;
                }
                let reason = "ordinal not in range(128)";
                handle_decode_error(vm, codec, b, i, i + 1, reason, errors, &mut out)?;
                i += 1;
            }
            Ok(out)
        }
        Codec::Utf16(order) => decode_utf16(vm, b, order, errors),
        Codec::Utf32(order) => decode_utf32(vm, b, order, errors),
    }
}

/// Applies the error handler to the undecodable bytes `b[start..end]`.
#[allow(clippy::too_many_arguments)]
fn handle_decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let what = if end - start == 1 {
                format!("byte 0x{:02x} in position {start}", b[start])
            } else {
                format!("bytes in position {}-{}", start, end - 1)
            };
            let msg = format!("'{}' codec can't decode {what}: {reason}", codec.name());
            Err(vm.new_error(vm.exc.unicode_decode_error, msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

fn decode_utf8(vm: &mut Vm, b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let (len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) => {
                        let first = rest[good];
                        let reason = if (0xc2..=0xf4).contains(&first) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        (n, reason)
                    }
                };
                let start = offset + good;
                handle_decode_error(
                    vm,
                    Codec::Utf8,
                    b,
                    start,
                    start + len,
                    reason,
                    errors,
                    &mut out,
                )?;
                rest = &rest[good + len..];
                offset = start + len;
            }
        }
    }
}

fn decode_utf16(vm: &mut Vm, b: &[u8], order: Option<bool>, errors: &str) -> PyResult<String> {
    let mut be = order.unwrap_or(false);
    let mut start = 0;
    if order.is_none() && b.len() >= 2 {
        if b[..2] == [0xff, 0xfe] {
            start = 2;
        } else if b[..2] == [0xfe, 0xff] {
            be = true;
            start = 2;
        }
    }
    let codec = Codec::Utf16(Some(be));
    let mut out = String::new();
    let unit = |i: usize| -> u16 {
        let p = [b[i], b[i + 1]];
        if be {
            u16::from_be_bytes(p)
        } else {
            u16::from_le_bytes(p)
        }
    };
    let mut i = start;
    while i < b.len() {
        if i + 1 >= b.len() {
            handle_decode_error(vm, codec, b, i, b.len(), "truncated data", errors, &mut out)?;
            break;
        }
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        if u >= 0xdc00 {
            handle_decode_error(vm, codec, b, i, i + 2, "illegal encoding", errors, &mut out)?;
            i += 2;
            continue;
        }
        if i + 3 >= b.len() {
            handle_decode_error(
                vm,
                codec,
                b,
                i,
                b.len(),
                "unexpected end of data",
                errors,
                &mut out,
            )?;
            break;
        }
        let lo = unit(i + 2);
        if !(0xdc00..0xe000).contains(&lo) {
            handle_decode_error(
                vm,
                codec,
                b,
                i,
                i + 2,
                "illegal UTF-16 surrogate",
                errors,
                &mut out,
            )?;
            i += 2;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((lo as u32) - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        i += 4;
    }
    Ok(out)
}

fn decode_utf32(vm: &mut Vm, b: &[u8], order: Option<bool>, errors: &str) -> PyResult<String> {
    let mut be = order.unwrap_or(false);
    let mut start = 0;
    if order.is_none() && b.len() >= 4 {
        if b[..4] == [0xff, 0xfe, 0, 0] {
            start = 4;
        } else if b[..4] == [0, 0, 0xfe, 0xff] {
            be = true;
            start = 4;
        }
    }
    let codec = Codec::Utf32(Some(be));
    let mut out = String::new();
    let mut i = start;
    while i < b.len() {
        if i + 3 >= b.len() {
            handle_decode_error(vm, codec, b, i, b.len(), "truncated data", errors, &mut out)?;
            break;
        }
        let p = [b[i], b[i + 1], b[i + 2], b[i + 3]];
        let u = if be {
            u32::from_be_bytes(p)
        } else {
            u32::from_le_bytes(p)
        };
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None => {
                let reason = if u >= 0x110000 {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                handle_decode_error(vm, codec, b, i, i + 4, reason, errors, &mut out)?;
            }
        }
        i += 4;
    }
    Ok(out)
}
