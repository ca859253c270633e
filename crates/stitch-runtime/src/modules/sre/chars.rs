//! Character predicates and case mappings of the regex engine, in the three
//! flavours `_sre` knows: ASCII, locale (the C library's view of single bytes;
//! under the UTF-8 and C locales Stitch runs in that is ASCII) and Unicode
//! (CPython 3.11's database, through `text::unicode`).

use std::sync::OnceLock;

use crate::text::unicode;

/// `\n`, the only line break of `.`, `^`, `$` and the non-Unicode categories.
pub const LINEFEED: u32 = b'\n' as u32;

#[inline]
pub fn lower_ascii(c: u32) -> u32 {
    if c < 128 { (c as u8).to_ascii_lowercase() as u32 } else { c }
}

#[inline]
pub fn upper_ascii(c: u32) -> u32 {
    if c < 128 { (c as u8).to_ascii_uppercase() as u32 } else { c }
}

/// `tolower` of the C library for a byte (ASCII under the locales in use).
#[inline]
pub fn lower_locale(c: u32) -> u32 {
    lower_ascii(c)
}

#[inline]
pub fn upper_locale(c: u32) -> u32 {
    upper_ascii(c)
}

/// The first code point of a full case mapping, CPython's `Py_UNICODE_TOLOWER`.
fn first_of(c: u32, push: fn(char, &mut String)) -> u32 {
    let Some(ch) = char::from_u32(c) else { return c };
    let mut s = String::new();
    push(ch, &mut s);
    s.chars().next().map_or(c, |x| x as u32)
}

/// Case tables for the Basic Multilingual Plane, built on first use.
fn bmp_table(cell: &'static OnceLock<Box<[u32]>>, push: fn(char, &mut String)) -> &'static [u32] {
    cell.get_or_init(|| (0..0x10000u32).map(|c| first_of(c, push)).collect())
}

static LOWER: OnceLock<Box<[u32]>> = OnceLock::new();
static UPPER: OnceLock<Box<[u32]>> = OnceLock::new();

#[inline]
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        return lower_ascii(c);
    }
    match bmp_table(&LOWER, unicode::push_lower).get(c as usize) {
        Some(&l) => l,
        None => first_of(c, unicode::push_lower),
    }
}

#[inline]
pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        return upper_ascii(c);
    }
    match bmp_table(&UPPER, unicode::push_upper).get(c as usize) {
        Some(&u) => u,
        None => first_of(c, unicode::push_upper),
    }
}

#[inline]
pub fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

#[inline]
pub fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

#[inline]
pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

#[inline]
pub fn is_locale_word(c: u32) -> bool {
    is_ascii_word(c)
}

fn with_char(c: u32, f: fn(char) -> bool) -> bool {
    char::from_u32(c).is_some_and(f)
}

#[inline]
pub fn is_uni_digit(c: u32) -> bool {
    if c < 128 { is_ascii_digit(c) } else { with_char(c, unicode::is_decimal) }
}

#[inline]
pub fn is_uni_space(c: u32) -> bool {
    if c < 128 { matches!(c, 9..=13 | 28..=32) } else { with_char(c, unicode::is_space) }
}

#[inline]
pub fn is_uni_word(c: u32) -> bool {
    if c < 128 { is_ascii_word(c) } else { with_char(c, unicode::is_alnum) }
}

#[inline]
pub fn is_uni_linebreak(c: u32) -> bool {
    if c < 128 { matches!(c, 10..=13 | 28..=30) } else { with_char(c, unicode::is_linebreak) }
}

/// A character category (`CHCODES` of `re._constants`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
    Linebreak,
    NotLinebreak,
    LocWord,
    LocNotWord,
    UniDigit,
    UniNotDigit,
    UniSpace,
    UniNotSpace,
    UniWord,
    UniNotWord,
    UniLinebreak,
    UniNotLinebreak,
}

impl Cat {
    pub fn from_code(c: u32) -> Option<Cat> {
        use Cat::*;
        const ALL: [Cat; 18] = [
            Digit,
            NotDigit,
            Space,
            NotSpace,
            Word,
            NotWord,
            Linebreak,
            NotLinebreak,
            LocWord,
            LocNotWord,
            UniDigit,
            UniNotDigit,
            UniSpace,
            UniNotSpace,
            UniWord,
            UniNotWord,
            UniLinebreak,
            UniNotLinebreak,
        ];
        ALL.get(c as usize).copied()
    }

    #[inline]
    pub fn test(self, c: u32) -> bool {
        use Cat::*;
        match self {
            Digit => is_ascii_digit(c),
            NotDigit => !is_ascii_digit(c),
            Space => is_ascii_space(c),
            NotSpace => !is_ascii_space(c),
            Word => is_ascii_word(c),
            NotWord => !is_ascii_word(c),
            Linebreak => c == LINEFEED,
            NotLinebreak => c != LINEFEED,
            LocWord => is_locale_word(c),
            LocNotWord => !is_locale_word(c),
            UniDigit => is_uni_digit(c),
            UniNotDigit => !is_uni_digit(c),
            UniSpace => is_uni_space(c),
            UniNotSpace => !is_uni_space(c),
            UniWord => is_uni_word(c),
            UniNotWord => !is_uni_word(c),
            UniLinebreak => is_uni_linebreak(c),
            UniNotLinebreak => !is_uni_linebreak(c),
        }
    }
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(c: u32) -> bool {
    c != lower_unicode(c) || c != upper_unicode(c)
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}
