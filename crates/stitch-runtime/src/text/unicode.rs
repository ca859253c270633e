//! Character properties and case mappings with CPython 3.11's Unicode data
//! (tables in `unicode_data.rs`), plus the str-level case conversions built on
//! them (final sigma, title case, swapcase, capitalize).

use super::unicode_data as d;

/// The property flags of a code point.
pub fn props(c: char) -> u16 {
    let u = c as u32;
    if u < 0x80 {
        return ascii_props(u as u8);
    }
    let i = d::PROPS.partition_point(|&(start, _)| start <= u);
    d::PROPS
        .get(i.wrapping_sub(1))
        .map(|&(_, f)| f)
        .unwrap_or(0)
}

fn ascii_props(b: u8) -> u16 {
    let mut f = 0;
    if b.is_ascii_alphabetic() {
        f |= d::ALPHA | d::CASED | d::XID_START | d::XID_CONTINUE;
        f |= if b.is_ascii_lowercase() {
            d::LOWER
        } else {
            d::UPPER
        };
    }
    if b.is_ascii_digit() {
        f |= d::DECIMAL | d::DIGIT | d::NUMERIC | d::XID_CONTINUE;
    }
    if b == b'_' {
        f |= d::XID_START | d::XID_CONTINUE;
    }
    if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f | b' ') {
        f |= d::SPACE;
    }
    if (0x20..0x7f).contains(&b) {
        f |= d::PRINTABLE;
    }
    if matches!(b, b'\'' | b'.' | b':' | b'^' | b'`') {
        f |= d::IGNORABLE;
    }
    f
}

#[inline]
pub fn has(c: char, flag: u16) -> bool {
    props(c) & flag != 0
}
pub fn is_alpha(c: char) -> bool {
    has(c, d::ALPHA)
}
pub fn is_decimal(c: char) -> bool {
    has(c, d::DECIMAL)
}
pub fn is_digit(c: char) -> bool {
    has(c, d::DIGIT)
}
pub fn is_numeric(c: char) -> bool {
    has(c, d::NUMERIC)
}
pub fn is_alnum(c: char) -> bool {
    has(c, d::ALPHA | d::DECIMAL | d::DIGIT | d::NUMERIC)
}
pub fn is_space(c: char) -> bool {
    has(c, d::SPACE)
}
pub fn is_printable(c: char) -> bool {
    has(c, d::PRINTABLE)
}
pub fn is_lower(c: char) -> bool {
    has(c, d::LOWER)
}
pub fn is_upper(c: char) -> bool {
    has(c, d::UPPER)
}
pub fn is_title(c: char) -> bool {
    has(c, d::TITLE)
}
pub fn is_cased(c: char) -> bool {
    has(c, d::CASED)
}
pub fn is_case_ignorable(c: char) -> bool {
    has(c, d::IGNORABLE)
}
pub fn is_xid_start(c: char) -> bool {
    has(c, d::XID_START)
}
pub fn is_xid_continue(c: char) -> bool {
    has(c, d::XID_CONTINUE)
}

/// Python's line boundaries (`str.splitlines`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The decimal digit value of `c` (what int() and float() accept).
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    if c.is_ascii_digit() {
        return Some(u - '0' as u32);
    }
    let i = d::DECIMAL_RUNS.partition_point(|&(first, _)| first <= u);
    let &(first, last) = d::DECIMAL_RUNS.get(i.wrapping_sub(1))?;
    if u <= last {
        Some((u - first) % 10)
    } else {
        None
    }
}

/// Applies a mapping table to one code point, pushing the result.
fn map_into(c: char, map: &[(u32, u32, u32, i32)], multi: &[(u32, &str)], out: &mut String) {
    let u = c as u32;
    let i = map.partition_point(|&(first, _, _, _)| first <= u);
    if let Some(&(first, last, stride, delta)) = map.get(i.wrapping_sub(1))
        && u <= last
        && (u - first).is_multiple_of(stride)
        && let Some(m) = char::from_u32((u as i64 + delta as i64) as u32)
    {
        out.push(m);
        return;
    }
    if let Ok(k) = multi.binary_search_by_key(&u, |&(cp, _)| cp) {
        out.push_str(multi[k].1);
        return;
    }
    out.push(c);
}

pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        map_into(c, d::LOWER_MAP, d::LOWER_MULTI, out)
    }
}
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        map_into(c, d::UPPER_MAP, d::UPPER_MULTI, out)
    }
}
pub fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        map_into(c, d::TITLE_MAP, d::TITLE_MULTI, out)
    }
}
pub fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        map_into(c, d::FOLD_MAP, d::FOLD_MULTI, out)
    }
}

const SIGMA: char = '\u{3a3}';

/// Lowercases `chars[i]`, with the final-sigma rule for capital sigma.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != SIGMA {
        return push_lower(c, out);
    }
    // Final when preceded by a cased letter and not followed by one (skipping
    // case-ignorable characters either way).
    let before = chars[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
    let mut fin = before.is_some_and(|&x| is_cased(x));
    if fin {
        let after = chars[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
        fin = after.is_none_or(|&x| !is_cased(x));
    }
    out.push(if fin { '\u{3c2}' } else { '\u{3c3}' });
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    out
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(c, &mut out);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&chars, i, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.capitalize()`: the first character in title case, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `str.title()`: title case after uncased characters, lowercase after cased ones.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `str.islower()`: at least one cased character and no upper or title case ones.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if is_xid_start(c) => cs.all(is_xid_continue),
        _ => false,
    }
}
