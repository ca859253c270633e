//! `str.encode` / `bytes.decode`: the codecs the runtime implements natively
//! (utf-8, utf-8-sig, ascii, latin-1, utf-16, utf-32, unicode_escape,
//! raw_unicode_escape) with CPython's aliases, error handlers (builtin and
//! registered with `codecs.register_error`) and UnicodeError objects; any other
//! encoding goes through the codec registry (`registry.rs`).

use stitch_core::value::Value;

use super::escape_codecs as esc;
use crate::builtins::unicode_errors::{decode_error, encode_error, make_exception};
use crate::object::{bytes, int, str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

/// The natively implemented codecs.
#[derive(Clone, Copy, PartialEq)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// Byte order: None detects a BOM (decoding) or writes one (encoding).
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    UnicodeEscape,
    RawUnicodeEscape,
}

impl Codec {
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

/// `encodings.normalize_encoding`: runs of non-alphanumerics (but '.') become one
/// '_', lowercased.
pub fn normalize(encoding: &str) -> String {
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
    norm
}

/// The native codec an encoding name (or one of its aliases) denotes.
pub fn native_codec(encoding: &str) -> Option<Codec> {
    Some(match normalize(encoding).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
        | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "latin" | "iso_8859_1_1987" | "csisolatin1" | "ibm819" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        _ => return None,
    })
}

/// An error handler.
#[derive(Clone, Copy)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Custom(Value),
}

fn handler(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Custom(super::registry::lookup_error(vm, errors)?),
    })
}

/// The str object an encode error refers to (created on first need).
struct Source<'a> {
    text: &'a str,
    value: Option<Value>,
}

impl Source<'_> {
    fn value(&mut self, vm: &mut Vm) -> Value {
        match self.value {
            Some(v) => v,
            None => {
                let v = pystr::new(vm, self.text);
                self.value = Some(v);
                v
            }
        }
    }
}

/// The replacement and resume position a custom handler returned.
fn call_handler(
    vm: &mut Vm,
    h: Value,
    exc: Value,
    len: usize,
    decoding: bool,
) -> PyResult<(Value, usize)> {
    let r = vm.call(h, &[exc])?;
    let bad = || {
        if decoding {
            "decoding error handler must return (str, int) tuple"
        } else {
            "encoding error handler must return (str/bytes, int) tuple"
        }
    };
    let items = match tuple::native(r) {
        Some(t) => tuple::items(t).to_vec(),
        None => return Err(vm.type_error(bad())),
    };
    let ok_rep =
        |v: Value| pystr::text_of(v).is_some() || (!decoding && bytes::native(v).is_some());
    if items.len() != 2 || !ok_rep(items[0]) || !int::is_int(items[1]) {
        return Err(vm.type_error(bad()));
    }
    let pos = int::to_i64(items[1]).unwrap_or(i64::MAX);
    let pos = if pos < 0 { pos + len as i64 } else { pos };
    if pos < 0 || pos > len as i64 {
        return Err(vm.index_error(format!(
            "position {} from error handler out of bounds",
            int::to_i64(items[1]).unwrap_or(0)
        )));
    }
    Ok((items[0], pos as usize))
}

/// Handles unencodable `chars[start..end]`: appends the replacement, returns the
/// position to resume at.
#[allow(clippy::too_many_arguments)]
fn encode_failure(
    vm: &mut Vm,
    h: Handler,
    codec: &str,
    src: &mut Source,
    chars: &[char],
    start: usize,
    end: usize,
    reason: &str,
    limit: u32,
    out: &mut Vec<u8>,
) -> PyResult<usize> {
    let bad = &chars[start..end];
    match h {
        Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
            let obj = src.value(vm);
            Err(encode_error(vm, codec, obj, start, end, reason))
        }
        Handler::Ignore => Ok(end),
        Handler::Replace => {
            out.extend(std::iter::repeat_n(b'?', bad.len()));
            Ok(end)
        }
        Handler::BackslashReplace => {
            for c in bad {
                out.extend(esc::hex_escape(*c as u32).bytes());
            }
            Ok(end)
        }
        Handler::XmlCharRefReplace => {
            for c in bad {
                out.extend(format!("&#{};", *c as u32).bytes());
            }
            Ok(end)
        }
        Handler::NameReplace => {
            for c in bad {
                out.extend(esc::name_escape(*c).bytes());
            }
            Ok(end)
        }
        Handler::Custom(f) => {
            let obj = src.value(vm);
            let exc = make_exception(vm, false, codec, obj, start, end, reason);
            let (rep, pos) = call_handler(vm, f, exc, chars.len(), false)?;
            if let Some(b) = bytes::native(rep) {
                out.extend_from_slice(bytes::data(b));
            } else {
                for c in pystr::text_of(rep).unwrap_or("").chars() {
                    if (c as u32) >= limit {
                        return Err(encode_error(vm, codec, obj, start, end, reason));
                    }
                    out.push(c as u32 as u8);
                }
            }
            Ok(pos)
        }
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = native_codec(encoding) else {
        return super::registry::encode(vm, s, encoding, errors);
    };
    encode_with(vm, codec, s, errors)
}

/// Encodes with a native codec.
pub fn encode_with(vm: &mut Vm, codec: Codec, s: &str, errors: &str) -> PyResult<Vec<u8>> {
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = vec![0xef, 0xbb, 0xbf];
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        Codec::UnicodeEscape => return Ok(esc::unicode_escape_encode(s)),
        Codec::RawUnicodeEscape => return Ok(esc::raw_unicode_escape_encode(s)),
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
    if s.chars().all(|c| (c as u32) < limit) {
        return Ok(s.chars().map(|c| c as u32 as u8).collect());
    }
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut src = Source {
        text: s,
        value: None,
    };
    let mut h: Option<Handler> = None;
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
        let hd = match h {
            Some(hd) => hd,
            None => {
                let hd = handler(vm, errors)?;
                h = Some(hd);
                hd
            }
        };
        i = encode_failure(
            vm,
            hd,
            codec.name(),
            &mut src,
            &chars,
            i,
            end,
            reason,
            limit,
            &mut out,
        )?;
    }
    Ok(out)
}

/// Decoding state: the input, its bytes object for errors, the handler.
struct Decoder<'a> {
    data: &'a [u8],
    name: &'static str,
    errors: &'a str,
    handler: Option<Handler>,
    object: Option<Value>,
}

impl Decoder<'_> {
    /// Handles the undecodable `data[start..end]`; returns where to resume.
    fn fail(
        &mut self,
        vm: &mut Vm,
        start: usize,
        end: usize,
        reason: &str,
        out: &mut String,
    ) -> PyResult<usize> {
        let h = match self.handler {
            Some(h) => h,
            None => {
                let h = handler(vm, self.errors)?;
                self.handler = Some(h);
                h
            }
        };
        match h {
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                Err(vm.type_error("don't know how to handle UnicodeDecodeError in error callback"))
            }
            Handler::Strict | Handler::SurrogatePass => {
                let obj = self.object(vm);
                Err(decode_error(vm, self.name, obj, start, end, reason))
            }
            Handler::Ignore => Ok(end),
            // Lone surrogates cannot be represented: surrogateescape gives U+FFFD.
            Handler::Replace => {
                out.push('\u{fffd}');
                Ok(end)
            }
            Handler::SurrogateEscape => {
                out.extend(std::iter::repeat_n('\u{fffd}', end - start));
                Ok(end)
            }
            Handler::BackslashReplace => {
                for &x in &self.data[start..end] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
                Ok(end)
            }
            Handler::Custom(f) => {
                let obj = self.object(vm);
                let exc = make_exception(vm, true, self.name, obj, start, end, reason);
                let (rep, pos) = call_handler(vm, f, exc, self.data.len(), true)?;
                out.push_str(pystr::text_of(rep).unwrap_or(""));
                Ok(pos)
            }
        }
    }

    fn object(&mut self, vm: &mut Vm) -> Value {
        match self.object {
            Some(v) => v,
            None => {
                let v = bytes::new(vm, self.data);
                self.object = Some(v);
                v
            }
        }
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = native_codec(encoding) else {
        return super::registry::decode(vm, b, encoding, errors);
    };
    decode_with(vm, codec, b, errors, true).map(|(s, _)| s)
}

/// Decodes with a native codec; with `fin` false an incomplete sequence at the
/// end is left undecoded. Returns the text and the bytes consumed.
pub fn decode_with(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize)> {
    let mut d = Decoder {
        data: b,
        name: codec.name(),
        errors,
        handler: None,
        object: None,
    };
    match codec {
        Codec::Utf8 => decode_utf8(vm, &mut d, 0, fin),
        Codec::Utf8Sig => {
            let skip = if b.starts_with(&[0xef, 0xbb, 0xbf]) {
                3
            } else {
                0
            };
            if !fin && skip == 0 && b.len() < 3 && [0xef, 0xbb, 0xbf].starts_with(b) {
                return Ok((String::new(), 0));
            }
            d.name = "utf-8";
            decode_utf8(vm, &mut d, skip, fin)
        }
        Codec::Latin1 => Ok((b.iter().map(|&c| c as char).collect(), b.len())),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                if b[i] < 0x80 {
                    out.push(b[i] as char);
                    i += 1;
                } else {
                    i = d.fail(vm, i, i + 1, "ordinal not in range(128)", &mut out)?;
                }
            }
            Ok((out, b.len()))
        }
        Codec::Utf16(order) => decode_utf16(vm, &mut d, order, fin),
        Codec::Utf32(order) => decode_utf32(vm, &mut d, order, fin),
        Codec::UnicodeEscape => decode_unicode_escape(vm, &mut d, fin),
        Codec::RawUnicodeEscape => decode_raw_unicode_escape(vm, &mut d, fin),
    }
}

fn decode_utf8(vm: &mut Vm, d: &mut Decoder, start: usize, fin: bool) -> PyResult<(String, usize)> {
    let b = d.data;
    let mut out = String::with_capacity(b.len());
    let mut pos = start;
    loop {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok((out, b.len()));
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or(""));
                let at = pos + good;
                let (len, reason) = match e.error_len() {
                    None => {
                        if !fin {
                            return Ok((out, at));
                        }
                        (b.len() - at, "unexpected end of data")
                    }
                    Some(n) => {
                        let first = b[at];
                        let reason = if (0xc2..=0xf4).contains(&first) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        (n, reason)
                    }
                };
                pos = d.fail(vm, at, at + len, reason, &mut out)?;
            }
        }
    }
}

fn decode_utf16(
    vm: &mut Vm,
    d: &mut Decoder,
    order: Option<bool>,
    fin: bool,
) -> PyResult<(String, usize)> {
    let b = d.data;
    let mut be = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() {
        if b.len() >= 2 && b[..2] == [0xff, 0xfe] {
            i = 2;
        } else if b.len() >= 2 && b[..2] == [0xfe, 0xff] {
            be = true;
            i = 2;
        }
    }
    d.name = if be { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> u16 {
        let p = [b[i], b[i + 1]];
        if be {
            u16::from_be_bytes(p)
        } else {
            u16::from_le_bytes(p)
        }
    };
    let mut out = String::new();
    while i < b.len() {
        if i + 1 >= b.len() {
            if !fin {
                return Ok((out, i));
            }
            i = d.fail(vm, i, b.len(), "truncated data", &mut out)?;
            continue;
        }
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        if u >= 0xdc00 {
            i = d.fail(vm, i, i + 2, "illegal encoding", &mut out)?;
            continue;
        }
        if i + 3 >= b.len() {
            if !fin {
                return Ok((out, i));
            }
            i = d.fail(vm, i, b.len(), "unexpected end of data", &mut out)?;
            continue;
        }
        let lo = unit(i + 2);
        if !(0xdc00..0xe000).contains(&lo) {
            i = d.fail(vm, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((lo as u32) - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        i += 4;
    }
    Ok((out, b.len()))
}

fn decode_utf32(
    vm: &mut Vm,
    d: &mut Decoder,
    order: Option<bool>,
    fin: bool,
) -> PyResult<(String, usize)> {
    let b = d.data;
    let mut be = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() {
        if b.len() >= 4 && b[..4] == [0xff, 0xfe, 0, 0] {
            i = 4;
        } else if b.len() >= 4 && b[..4] == [0, 0, 0xfe, 0xff] {
            be = true;
            i = 4;
        }
    }
    d.name = if be { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::new();
    while i < b.len() {
        if i + 3 >= b.len() {
            if !fin {
                return Ok((out, i));
            }
            i = d.fail(vm, i, b.len(), "truncated data", &mut out)?;
            continue;
        }
        let p = [b[i], b[i + 1], b[i + 2], b[i + 3]];
        let u = if be {
            u32::from_be_bytes(p)
        } else {
            u32::from_le_bytes(p)
        };
        match char::from_u32(u) {
            Some(c) => {
                out.push(c);
                i += 4;
            }
            None => {
                let reason = if u >= 0x110000 {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                i = d.fail(vm, i, i + 4, reason, &mut out)?;
            }
        }
    }
    Ok((out, b.len()))
}

fn decode_unicode_escape(vm: &mut Vm, d: &mut Decoder, fin: bool) -> PyResult<(String, usize)> {
    let b = d.data;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    let mut invalid: Option<u8> = None;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i] as char);
            i += 1;
            continue;
        }
        if invalid.is_none()
            && let Some(&c) = b.get(i + 1)
            && !esc::is_known_escape(c)
        {
            invalid = Some(c);
        }
        match esc::unicode_escape_step(b, i) {
            Ok((c, next)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                i = next;
            }
            Err(e) => {
                if !fin && e.end == b.len() && e.reason != "unknown Unicode character name" {
                    return Ok((out, i));
                }
                i = d.fail(vm, e.start, e.end, e.reason, &mut out)?;
            }
        }
    }
    if let Some(c) = invalid {
        let cat = vm.exc.deprecation_warning;
        let shown = if c.is_ascii_graphic() || c == b' ' {
            (c as char).to_string()
        } else {
            format!("\\x{c:02x}")
        };
        crate::modules::util::warn(vm, cat, &format!("invalid escape sequence '\\{shown}'"), 1)?;
    }
    Ok((out, b.len()))
}

fn decode_raw_unicode_escape(vm: &mut Vm, d: &mut Decoder, fin: bool) -> PyResult<(String, usize)> {
    let b = d.data;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i] as char);
            i += 1;
            continue;
        }
        // In a run of backslashes only an odd last one starts a \u escape.
        let run = b[i..].iter().take_while(|&&c| c == b'\\').count();
        if run % 2 == 0 || !matches!(b.get(i + run), Some(b'u' | b'U')) {
            out.extend(std::iter::repeat_n('\\', run));
            i += run;
            continue;
        }
        out.extend(std::iter::repeat_n('\\', run - 1));
        i += run - 1;
        match esc::raw_escape_step(b, i) {
            None => {
                out.push('\\');
                i += 1;
            }
            Some(Ok((c, next))) => {
                out.push(c);
                i = next;
            }
            Some(Err(e)) => {
                if !fin && e.end == b.len() {
                    return Ok((out, i));
                }
                i = d.fail(vm, e.start, e.end, e.reason, &mut out)?;
            }
        }
    }
    Ok((out, b.len()))
}

/// An error for a bytes-like argument of the wrong type.
pub fn need_bytes(vm: &mut Vm, v: Value) -> PyErr {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}
