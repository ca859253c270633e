//! Encoding and decoding for the codecs the runtime knows (utf-8, latin-1, ascii).

use crate::vm::{PyResult, Vm};

fn normalize(enc: &str) -> String {
    enc.to_ascii_lowercase().replace(['_', ' '], "-")
}

pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    match normalize(encoding).as_str() {
        "utf-8" | "utf8" => Ok(s.as_bytes().to_vec()),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "ascii" | "us-ascii" => {
            let limit = if normalize(encoding).contains("ascii") { 0x80 } else { 0x100 };
            let name = if limit == 0x80 { "ascii" } else { "latin-1" };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                let u = c as u32;
                if u < limit {
                    out.push(u as u8);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "backslashreplace" => out.extend(format!("\\u{u:04x}").bytes()),
                        _ => {
                            return Err(vm.new_error(
                                vm.exc.unicode_encode_error,
                                format!(
                                    "'{name}' codec can't encode character '\\x{u:02x}' in position {i}: ordinal not in range({limit})"
                                ),
                            ));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_error(vm.exc.lookup_error, format!("unknown encoding: {encoding}"))),
    }
}

pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match normalize(encoding).as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => match errors {
                "replace" => Ok(String::from_utf8_lossy(b).into_owned()),
                "ignore" => Ok(String::from_utf8_lossy(b).replace('\u{fffd}', "")),
                _ => {
                    let pos = e.valid_up_to();
                    let reason = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
                    Err(vm.new_error(
                        vm.exc.unicode_decode_error,
                        format!("'utf-8' codec can't decode byte 0x{:02x} in position {pos}: {reason}", b[pos]),
                    ))
                }
            },
        },
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Ok(b.iter().map(|&c| c as char).collect()),
        "ascii" | "us-ascii" => {
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        _ => {
                            return Err(vm.new_error(
                                vm.exc.unicode_decode_error,
                                format!("'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"),
                            ));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_error(vm.exc.lookup_error, format!("unknown encoding: {encoding}"))),
    }
}
