//! The `unicode_escape` and `raw_unicode_escape` codecs (Python string-literal
//! escapes over latin-1 bytes), and `\N{...}` names for `namereplace`.

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point.
pub fn hex_escape(u: u32) -> String {
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// `\N{NAME}` for `namereplace`, or the hex escape of unnamed characters.
pub fn name_escape(c: char) -> String {
    match unicode_names2::name(c) {
        Some(n) => format!("\\N{{{n}}}"),
        None => hex_escape(c as u32),
    }
}

/// The character named `name` (for `\N{...}`).
pub fn lookup_name(name: &str) -> Option<char> {
    if !name.is_ascii() {
        return None;
    }
    unicode_names2::character(name)
}

pub fn unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => out.extend(hex_escape(c as u32).bytes()),
        }
    }
    out
}

pub fn raw_unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x100 {
            out.push(u as u8);
        } else if u < 0x10000 {
            out.extend(format!("\\u{u:04x}").bytes());
        } else {
            out.extend(format!("\\U{u:08x}").bytes());
        }
    }
    out
}

/// A decoding problem: the byte range and the reason.
pub struct EscapeError {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// True when `\c` is a recognised escape of `unicode_escape` (others are kept
/// with a DeprecationWarning).
pub fn is_known_escape(c: u8) -> bool {
    matches!(
        c,
        b'\n' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'0'
            ..=b'7' | b'x' | b'u' | b'U' | b'N'
    )
}

/// One step of `unicode_escape` decoding at `b[i]` (a backslash): the decoded
/// character (None for a line continuation) and the next index.
pub fn unicode_escape_step(b: &[u8], i: usize) -> Result<(Option<char>, usize), EscapeError> {
    let Some(&e) = b.get(i + 1) else {
        return Err(EscapeError {
            start: i,
            end: b.len(),
            reason: "\\ at end of string",
        });
    };
    let simple = match e {
        b'\n' => return Ok((None, i + 2)),
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(c) = simple {
        return Ok((Some(c), i + 2));
    }
    match e {
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            Ok((char::from_u32(v), j))
        }
        b'x' | b'u' | b'U' => {
            let (n, reason) = match e {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            hex_digits(b, i, n, reason)
        }
        b'N' => {
            let err = EscapeError {
                start: i,
                end: b.len(),
                reason: "malformed \\N character escape",
            };
            if b.get(i + 2) != Some(&b'{') {
                return Err(EscapeError {
                    end: (i + 2).min(b.len()),
                    ..err
                });
            }
            let Some(close) = b[i + 3..].iter().position(|&c| c == b'}') else {
                return Err(err);
            };
            let name = &b[i + 3..i + 3 + close];
            let end = i + 4 + close;
            if name.is_empty() {
                return Err(EscapeError { end, ..err });
            }
            match std::str::from_utf8(name).ok().and_then(lookup_name) {
                Some(c) => Ok((Some(c), end)),
                None => Err(EscapeError {
                    start: i,
                    end,
                    reason: "unknown Unicode character name",
                }),
            }
        }
        _ => {
            // Unknown escapes are kept as they are.
            Ok((Some('\\'), i + 1))
        }
    }
}

/// `n` hex digits after `b[i..i+2]` (`\x`, `\u`, `\U`).
fn hex_digits(
    b: &[u8],
    i: usize,
    n: usize,
    reason: &'static str,
) -> Result<(Option<char>, usize), EscapeError> {
    let mut v = 0u32;
    let mut j = i + 2;
    while j < b.len() && j < i + 2 + n {
        let Some(d) = (b[j] as char).to_digit(16) else {
            break;
        };
        v = v * 16 + d;
        j += 1;
    }
    if j < i + 2 + n {
        return Err(EscapeError {
            start: i,
            end: j,
            reason,
        });
    }
    match char::from_u32(v) {
        Some(c) => Ok((Some(c), j)),
        None if v > 0x10ffff => Err(EscapeError {
            start: i,
            end: j,
            reason: "illegal Unicode character",
        }),
        // Lone surrogates cannot be represented.
        None => Ok((Some('\u{fffd}'), j)),
    }
}

/// One step of `raw_unicode_escape` decoding at a backslash `b[i]`: Some when it
/// starts a `\u`/`\U` escape (preceded by an even run of backslashes).
pub fn raw_escape_step(b: &[u8], i: usize) -> Option<Result<(char, usize), EscapeError>> {
    let e = *b.get(i + 1)?;
    let (n, reason) = match e {
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        _ => return None,
    };
    Some(match hex_digits(b, i, n, reason) {
        Ok((c, j)) => Ok((c.unwrap_or('\u{fffd}'), j)),
        Err(mut err) => {
            if err.reason == "illegal Unicode character" {
                err.reason = "\\Uxxxxxxxx out of range";
            }
            Err(err)
        }
    })
}
