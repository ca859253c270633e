//! Incremental codecs for text files: decoders that keep an incomplete trailing
//! sequence for the next chunk and expose CPython's `(buffer, flags)` state (which
//! `TextIOWrapper.tell` packs into its cookies), encoders that write a byte-order
//! mark only at the start of a stream. The whole-buffer work is `text/codecs.rs`.

use stitch_core::value::Value;

use crate::text::codecs;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// `Some(true)` big-endian, `Some(false)` little-endian, `None` from the BOM.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    /// A codec of the `codecs` registry (the objects live in the TextIOWrapper).
    Python,
}

impl Kind {
    /// The codec's canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Utf8 => "utf-8",
            Kind::Utf8Sig => "utf-8-sig",
            Kind::Ascii => "ascii",
            Kind::Latin1 => "latin-1",
            Kind::Utf16(None) => "utf-16",
            Kind::Utf16(Some(false)) => "utf-16-le",
            Kind::Utf16(Some(true)) => "utf-16-be",
            Kind::Utf32(None) => "utf-32",
            Kind::Utf32(Some(false)) => "utf-32-le",
            Kind::Utf32(Some(true)) => "utf-32-be",
            Kind::Python => "python",
        }
    }
}

/// Normalizes an encoding name as the `encodings` package does.
fn normalize(encoding: &str) -> String {
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

/// The codec for an encoding name, or CPython's LookupError.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Kind> {
    Ok(match normalize(encoding).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Kind::Utf8,
        "utf_8_sig" | "utf8_sig" => Kind::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Kind::Ascii,
        "latin_1" | "latin1" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "latin" | "iso_8859_1_1987" => Kind::Latin1,
        "utf_16" | "utf16" | "u16" => Kind::Utf16(None),
        "utf_16_le" | "utf_16le" => Kind::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Kind::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Kind::Utf32(None),
        "utf_32_le" | "utf_32le" => Kind::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Kind::Utf32(Some(true)),
        _ => return Err(vm.new_error(vm.exc.lookup_error, format!("unknown encoding: {encoding}"))),
    })
}

/// Bytes a UTF-8 lead byte needs in all.
fn utf8_len(b: u8) -> usize {
    match b {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 1,
    }
}

/// Whether `cont` may follow lead byte `lead` as its first continuation byte.
fn utf8_second_ok(lead: u8, cont: u8) -> bool {
    match lead {
        0xe0 => (0xa0..=0xbf).contains(&cont),
        0xed => (0x80..=0x9f).contains(&cont),
        0xf0 => (0x90..=0xbf).contains(&cont),
        0xf4 => (0x80..=0x8f).contains(&cont),
        _ => (0x80..=0xbf).contains(&cont),
    }
}

/// The length of an incomplete but valid UTF-8 sequence at the end of `b`.
fn utf8_incomplete_tail(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=3.min(n) {
        let i = n - back;
        let c = b[i];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = utf8_len(c);
        if need <= back {
            return 0;
        }
        for (k, &x) in b[i + 1..].iter().enumerate() {
            let ok = if k == 0 {
                utf8_second_ok(c, x)
            } else {
                (0x80..=0xbf).contains(&x)
            };
            if !ok {
                return 0;
            }
        }
        return back;
    }
    0
}

/// An incremental decoder.
#[derive(Clone)]
pub struct Decoder {
    pub kind: Kind,
    pub errors: String,
    /// Undecoded bytes kept for the next call.
    pub pending: Vec<u8>,
    /// For BOM-detecting codecs: the byte order once known (`Some(big_endian)`);
    /// for utf-8-sig: `Some(_)` once the signature question is settled.
    pub order: Option<bool>,
}

impl Decoder {
    pub fn new(kind: Kind, errors: &str) -> Decoder {
        let order = match kind {
            Kind::Utf16(o) | Kind::Utf32(o) => o,
            _ => None,
        };
        Decoder {
            kind,
            errors: errors.to_string(),
            pending: Vec::new(),
            order,
        }
    }

    pub fn reset(&mut self) {
        *self = Decoder::new(self.kind, &self.errors);
    }

    /// Decodes `input` (after what is pending); `final` flushes everything.
    pub fn decode(&mut self, vm: &mut Vm, input: &[u8], final_: bool) -> PyResult<String> {
        match self.kind {
            Kind::Ascii | Kind::Latin1 => codecs::decode(vm, input, self.kind.name(), &self.errors),
            Kind::Utf8 | Kind::Utf8Sig => {
                let mut data = std::mem::take(&mut self.pending);
                data.extend_from_slice(input);
                if self.kind == Kind::Utf8Sig && self.order.is_none() {
                    const BOM: &[u8] = b"\xef\xbb\xbf";
                    if data.len() < 3 && BOM.starts_with(&data) && !final_ {
                        self.pending = data;
                        return Ok(String::new());
                    }
                    if data.starts_with(BOM) {
                        data.drain(..3);
                    }
                    self.order = Some(false);
                }
                let keep = if final_ {
                    0
                } else {
                    utf8_incomplete_tail(&data)
                };
                let cut = data.len() - keep;
                self.pending = data[cut..].to_vec();
                codecs::decode(vm, &data[..cut], "utf-8", &self.errors)
            }
            Kind::Utf16(_) | Kind::Utf32(_) => self.decode_wide(vm, input, final_),
            Kind::Python => Ok(String::new()),
        }
    }

    fn decode_wide(&mut self, vm: &mut Vm, input: &[u8], final_: bool) -> PyResult<String> {
        let wide32 = matches!(self.kind, Kind::Utf32(_));
        let unit = if wide32 { 4 } else { 2 };
        let mut data = std::mem::take(&mut self.pending);
        data.extend_from_slice(input);
        if self.order.is_none() {
            if data.len() < unit && !final_ {
                self.pending = data;
                return Ok(String::new());
            }
            let (le, be): (&[u8], &[u8]) = if wide32 {
                (b"\xff\xfe\0\0", b"\0\0\xfe\xff")
            } else {
                (b"\xff\xfe", b"\xfe\xff")
            };
            if data.starts_with(le) {
                self.order = Some(false);
                data.drain(..unit);
            } else if data.starts_with(be) {
                self.order = Some(true);
                data.drain(..unit);
            } else if data.len() >= unit || final_ {
                self.order = Some(false);
            }
        }
        let be = self.order.unwrap_or(false);
        let mut cut = if final_ {
            data.len()
        } else {
            data.len() - data.len() % unit
        };
        if !final_ && !wide32 && cut >= 2 {
            let last = if be {
                u16::from_be_bytes([data[cut - 2], data[cut - 1]])
            } else {
                u16::from_le_bytes([data[cut - 2], data[cut - 1]])
            };
            if (0xd800..0xdc00).contains(&last) {
                cut -= 2;
            }
        }
        self.pending = data[cut..].to_vec();
        let name = match (wide32, be) {
            (false, false) => "utf-16-le",
            (false, true) => "utf-16-be",
            (true, false) => "utf-32-le",
            (true, true) => "utf-32-be",
        };
        codecs::decode(vm, &data[..cut], name, &self.errors)
    }

    /// CPython's `getstate()`: pending bytes and the codec's flag.
    pub fn getstate(&self) -> (Vec<u8>, u64) {
        let flag = match self.kind {
            Kind::Utf16(None) | Kind::Utf32(None) => match self.order {
                None => 2,
                Some(be) => be as u64,
            },
            Kind::Utf8Sig if self.order.is_none() => 1,
            _ => 0,
        };
        (self.pending.clone(), flag)
    }

    /// CPython's `setstate((buffer, flag))`.
    pub fn setstate(&mut self, buf: &[u8], flag: u64) {
        self.pending = buf.to_vec();
        match self.kind {
            Kind::Utf16(None) | Kind::Utf32(None) => {
                self.order = match flag {
                    0 => Some(false),
                    1 => Some(true),
                    _ => None,
                }
            }
            Kind::Utf8Sig => self.order = if flag == 0 { Some(false) } else { None },
            _ => {}
        }
    }
}

/// An encoder: plain codecs, with a BOM at the start of the stream for utf-16,
/// utf-32 and utf-8-sig; or a `codecs` incremental encoder (`py`).
#[derive(Clone)]
pub struct Encoder {
    pub kind: Kind,
    pub errors: String,
    /// The BOM is still to be written.
    pub at_start: bool,
    pub py: Value,
}

impl Encoder {
    pub fn new(kind: Kind, errors: &str) -> Encoder {
        Encoder {
            kind,
            errors: errors.to_string(),
            at_start: true,
            py: Value::NULL,
        }
    }

    /// True when encoding is a plain copy of the UTF-8 text.
    pub fn is_utf8(&self) -> bool {
        self.kind == Kind::Utf8 || (self.kind == Kind::Utf8Sig && !self.at_start)
    }

    /// Marks the stream position as its start (a BOM is due) or not.
    pub fn set_start(&mut self, vm: &mut Vm, at_start: bool) -> PyResult<()> {
        self.at_start = at_start;
        if self.py.is_null() {
            return Ok(());
        }
        if at_start {
            vm.call_method(self.py, "reset", &[]).map(|_| ())
        } else {
            vm.call_method(self.py, "setstate", &[Value::small(0)])
                .map(|_| ())
        }
    }

    pub fn encode(&mut self, vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
        let r = match self.kind {
            Kind::Utf8 => Ok(text.as_bytes().to_vec()),
            Kind::Utf8Sig => {
                let mut v = if self.at_start {
                    b"\xef\xbb\xbf".to_vec()
                } else {
                    Vec::new()
                };
                v.extend_from_slice(text.as_bytes());
                Ok(v)
            }
            Kind::Utf16(None) | Kind::Utf32(None) => {
                let name = if self.at_start {
                    self.kind.name()
                } else if matches!(self.kind, Kind::Utf16(_)) {
                    "utf-16-le"
                } else {
                    "utf-32-le"
                };
                codecs::encode(vm, text, name, &self.errors)
            }
            Kind::Python => {
                let t = crate::object::str::new(vm, text);
                let r = vm.call_method(self.py, "encode", &[t])?;
                match crate::object::bytes::native(r) {
                    Some(b) => Ok(crate::object::bytes::data(b).to_vec()),
                    None => Err(vm.type_error(format!(
                        "encoder should return a bytes object, not '{}'",
                        vm.type_name(r)
                    ))),
                }
            }
            k => codecs::encode(vm, text, k.name(), &self.errors),
        };
        if r.is_ok() && !text.is_empty() {
            self.at_start = false;
        }
        r
    }
}
