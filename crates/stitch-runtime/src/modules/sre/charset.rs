//! Single-character tests of the engine: literals (with their case-insensitive
//! variants), `.`, categories and character sets (`IN` with its literal, range,
//! category, bitmap and big-bitmap members). A set keeps a 256-bit table of its
//! answers for the first 256 code points, case folding included.

use super::chars::{self, Cat, LINEFEED};

/// How a character is case-folded before it is looked up in a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    None,
    Ascii,
    Unicode,
    Locale,
}

/// A member of a character set.
#[derive(Debug)]
pub enum Item {
    Negate,
    Lit(u32),
    Cat(Cat),
    Bits(Box<[u32; 8]>),
    Range(u32, u32),
    RangeUniIgnore(u32, u32),
    Big { index: Box<[u8; 256]>, blocks: Box<[[u32; 8]]> },
}

/// A character set (`IN` and its case-insensitive variants).
#[derive(Debug)]
pub struct CharSet {
    fold: Fold,
    low: [u64; 4],
    items: Box<[Item]>,
}

impl CharSet {
    pub fn new(items: Vec<Item>, fold: Fold) -> CharSet {
        let mut s = CharSet { fold, low: [0; 4], items: items.into_boxed_slice() };
        let mut low = [0u64; 4];
        for c in 0..256u32 {
            if s.slow(c) {
                low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        s.low = low;
        s
    }

    /// Membership of `c` after case folding.
    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.slow(c)
    }

    fn slow(&self, c: u32) -> bool {
        match self.fold {
            Fold::None => self.raw(c),
            Fold::Ascii => self.raw(chars::lower_ascii(c)),
            Fold::Unicode => self.raw(chars::lower_unicode(c)),
            Fold::Locale => {
                let lo = chars::lower_locale(c);
                if self.raw(lo) {
                    return true;
                }
                let up = chars::upper_locale(c);
                up != lo && self.raw(up)
            }
        }
    }

    /// Membership of `c` as given (CPython's `charset()`).
    pub fn raw(&self, c: u32) -> bool {
        let mut ok = true;
        for item in self.items.iter() {
            let hit = match item {
                Item::Negate => {
                    ok = !ok;
                    false
                }
                Item::Lit(l) => c == *l,
                Item::Cat(cat) => cat.test(c),
                Item::Bits(b) => c < 256 && b[(c >> 5) as usize] & (1 << (c & 31)) != 0,
                Item::Range(lo, hi) => *lo <= c && c <= *hi,
                Item::RangeUniIgnore(lo, hi) => {
                    (*lo <= c && c <= *hi) || {
                        let u = chars::upper_unicode(c);
                        *lo <= u && u <= *hi
                    }
                }
                Item::Big { index, blocks } => {
                    c < 0x10000 && {
                        let b = index[(c >> 8) as usize] as usize;
                        let low = c & 255;
                        blocks.get(b).is_some_and(|blk| blk[(low >> 5) as usize] & (1 << (low & 31)) != 0)
                    }
                }
            };
            if hit {
                return ok;
            }
        }
        !ok
    }
}

/// A test of one character.
#[derive(Debug)]
pub enum Test {
    Lit(u32),
    NotLit(u32),
    LitIgnore(u32),
    NotLitIgnore(u32),
    LitUniIgnore(u32),
    NotLitUniIgnore(u32),
    LitLocIgnore(u32),
    NotLitLocIgnore(u32),
    Any,
    AnyAll,
    Cat(Cat),
    In(Box<CharSet>),
}

#[inline]
fn loc_ignore(pattern: u32, c: u32) -> bool {
    c == pattern || chars::lower_locale(c) == pattern || chars::upper_locale(c) == pattern
}

impl Test {
    #[inline]
    pub fn matches(&self, c: u32) -> bool {
        match self {
            Test::Lit(l) => c == *l,
            Test::NotLit(l) => c != *l,
            Test::LitIgnore(l) => chars::lower_ascii(c) == *l,
            Test::NotLitIgnore(l) => chars::lower_ascii(c) != *l,
            Test::LitUniIgnore(l) => chars::lower_unicode(c) == *l,
            Test::NotLitUniIgnore(l) => chars::lower_unicode(c) != *l,
            Test::LitLocIgnore(l) => loc_ignore(*l, c),
            Test::NotLitLocIgnore(l) => !loc_ignore(*l, c),
            Test::Any => c != LINEFEED,
            Test::AnyAll => true,
            Test::Cat(cat) => cat.test(c),
            Test::In(set) => set.contains(c),
        }
    }
}
