//! Struct format strings: byte order and alignment prefix, repeat counts, the
//! size of every code, and the layout (offsets) of a parsed format.

/// Which of CPython's three tables a format uses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// `@` (or no prefix): native sizes and alignment.
    Native,
    /// `<` and `=` (this host is little-endian): standard sizes.
    Little,
    /// `>` and `!`: standard sizes.
    Big,
}

/// One code of a format with its repeat count.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub ch: u8,
    pub offset: usize,
    /// Repetitions (for `s` and `p`: the byte length of the one item).
    pub count: usize,
    /// The size of one repetition.
    pub size: usize,
}

/// A parsed format.
#[derive(Clone, Debug)]
pub struct Layout {
    pub mode: Mode,
    /// Codes other than padding.
    pub codes: Vec<Code>,
    pub size: usize,
    /// Values packed or unpacked.
    pub items: usize,
}

/// The size and alignment of `ch` in `mode`, or None for a bad char.
fn entry(ch: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

const TOO_LONG: &str = "total struct size too long";

/// Parses a format (its bytes), with CPython's struct.error messages.
pub fn parse(fmt: &[u8]) -> Result<Layout, &'static str> {
    if fmt.contains(&0) {
        return Err("embedded null character");
    }
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut items: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let mut num: usize = 1;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier");
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or(TOO_LONG)?;
            }
        }
        let (isize_, align) = entry(c, mode).ok_or("bad char in struct format")?;
        if align > 1 && size > 0 {
            size = size.checked_add((align - 1) - (size - 1) % align).ok_or(TOO_LONG)?;
        }
        let bytes = num.checked_mul(isize_).ok_or(TOO_LONG)?;
        let end = size.checked_add(bytes).filter(|n| *n <= isize::MAX as usize).ok_or(TOO_LONG)?;
        match c {
            b's' | b'p' => {
                items += 1;
                codes.push(Code { ch: c, offset: size, count: num, size: 1 });
            }
            b'x' => {}
            _ => {
                items = items.checked_add(num).ok_or(TOO_LONG)?;
                if num > 0 {
                    codes.push(Code { ch: c, offset: size, count: num, size: isize_ });
                }
            }
        }
        size = end;
    }
    Ok(Layout { mode, codes, size, items })
}
