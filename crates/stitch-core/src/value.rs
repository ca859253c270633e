//! NaN-boxed values: every Python value is one 64-bit word.
//!
//! Layout of the word (the top 16 bits are the tag):
//! - a float is its own IEEE-754 bits; NaNs are canonicalised to the two quiet NaNs
//!   `0x7FF8_0000_0000_0000` and `0xFFF8_0000_0000_0000`, so every word below
//!   `0xFFF9 << 48` is a float;
//! - `0xFFF9`: a small int, a 48-bit two's complement payload;
//! - `0xFFFA`: an immediate constant (`None`, `False`, `True`);
//! - `0xFFFB`: a pointer to a heap object (48-bit address) whose header holds its type;
//! - `0xFFFE`: `NULL`, the absent value (unbound local, empty slot, error return).
//!
//! An int that fits in 48 bits is always small: the heap holds only big ints, so int
//! equality of two small ints is word equality.

/// One Python value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// Words below this are floats.
pub const FLOAT_LIMIT: u64 = 0xFFF9 << TAG_SHIFT;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_CONST: u64 = 0xFFFA;
pub const TAG_PTR: u64 = 0xFFFB;
pub const TAG_NULL: u64 = 0xFFFE;

/// Smallest and largest small int.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

impl Value {
    pub const NONE: Value = Value(TAG_CONST << TAG_SHIFT);
    pub const FALSE: Value = Value((TAG_CONST << TAG_SHIFT) | 2);
    pub const TRUE: Value = Value((TAG_CONST << TAG_SHIFT) | 3);
    pub const NULL: Value = Value(TAG_NULL << TAG_SHIFT);

    #[inline(always)]
    pub const fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    // ---- floats ----
    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0 < FLOAT_LIMIT
    }
    /// A float from arbitrary bits: NaNs are canonicalised.
    #[inline(always)]
    pub fn from_f64(f: f64) -> Value {
        if f.is_nan() {
            Value(if f.is_sign_negative() {
                0xFFF8_0000_0000_0000
            } else {
                0x7FF8_0000_0000_0000
            })
        } else {
            Value(f.to_bits())
        }
    }
    /// A float produced by arithmetic on canonical floats. On x86-64 and aarch64 such a
    /// result is never a NaN with a payload, so it needs no canonicalisation.
    #[inline(always)]
    pub fn from_f64_arith(f: f64) -> Value {
        let v = Value(f.to_bits());
        if v.0 >= FLOAT_LIMIT {
            return Value::from_f64(f);
        }
        v
    }
    #[inline(always)]
    pub fn as_f64(self) -> f64 {
        f64::from_bits(self.0)
    }

    // ---- small ints ----
    #[inline(always)]
    pub const fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline(always)]
    pub const fn fits_small(i: i64) -> bool {
        i >= SMALL_INT_MIN && i <= SMALL_INT_MAX
    }
    /// A small int. The caller guarantees `fits_small(i)`.
    #[inline(always)]
    pub const fn small(i: i64) -> Value {
        Value(((i as u64) & PAYLOAD_MASK) | (TAG_INT << TAG_SHIFT))
    }
    #[inline(always)]
    pub const fn small_value(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }
    /// `Some(small int)` when `i` fits.
    #[inline(always)]
    pub const fn try_small(i: i64) -> Option<Value> {
        if Value::fits_small(i) {
            Some(Value::small(i))
        } else {
            None
        }
    }

    // ---- constants ----
    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline(always)]
    pub const fn is_bool(self) -> bool {
        (self.0 & !1) == Value::FALSE.0
    }
    #[inline(always)]
    pub const fn from_bool(b: bool) -> Value {
        Value(Value::FALSE.0 | b as u64)
    }
    #[inline(always)]
    pub const fn is_true(self) -> bool {
        self.0 == Value::TRUE.0
    }
    #[inline(always)]
    pub const fn is_null(self) -> bool {
        self.0 == Value::NULL.0
    }

    // ---- heap pointers ----
    #[inline(always)]
    pub const fn is_ptr(self) -> bool {
        self.tag() == TAG_PTR
    }
    #[inline(always)]
    pub fn from_ptr<T>(p: *const T) -> Value {
        Value((p as u64) | (TAG_PTR << TAG_SHIFT))
    }
    /// The heap address. Only meaningful when `is_ptr()`.
    #[inline(always)]
    pub fn ptr<T>(self) -> *mut T {
        (self.0 & PAYLOAD_MASK) as *mut T
    }
    /// The object header of a heap value. Only meaningful when `is_ptr()`.
    #[inline(always)]
    pub fn header(self) -> *mut crate::layout::Header {
        self.ptr()
    }
    /// The layout kind of a heap value, or `None` for immediates.
    #[inline(always)]
    pub fn kind(self) -> Option<crate::layout::Kind> {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged value always points at a live object header.
            Some(unsafe { (*self.header()).kind })
        } else {
            None
        }
    }
    /// True when this is a heap object of exactly this layout kind.
    #[inline(always)]
    pub fn is_kind(self, kind: crate::layout::Kind) -> bool {
        // SAFETY: as above.
        self.is_ptr() && unsafe { (*self.header()).kind == kind }
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_float() {
            write!(f, "Float({})", self.as_f64())
        } else if self.is_small_int() {
            write!(f, "Int({})", self.small_value())
        } else if self.is_none() {
            f.write_str("None")
        } else if self.is_bool() {
            write!(f, "Bool({})", self.is_true())
        } else if self.is_null() {
            f.write_str("NULL")
        } else if self.is_ptr() {
            write!(f, "Ptr({:#x})", self.0 & PAYLOAD_MASK)
        } else {
            write!(f, "Value({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip_and_stay_below_tags() {
        for f in [0.0, -0.0, 1.5, -1e300, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE] {
            let v = Value::from_f64(f);
            assert!(v.is_float());
            assert_eq!(v.as_f64().to_bits(), f.to_bits());
        }
        let nan = Value::from_f64(f64::from_bits(0xFFFF_0000_0000_1234));
        assert!(nan.is_float() && nan.as_f64().is_nan());
        let inf = f64::INFINITY;
        assert!(Value::from_f64_arith(inf - inf).is_float());
    }

    #[test]
    fn small_ints_sign_extend() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 123456789012] {
            let v = Value::small(i);
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.small_value(), i);
        }
        assert!(Value::try_small(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_small(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn constants_are_distinct() {
        let all = [Value::NONE, Value::FALSE, Value::TRUE, Value::NULL];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_ptr());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(Value::TRUE.is_bool() && Value::FALSE.is_bool() && !Value::NONE.is_bool());
        assert_eq!(Value::from_bool(true), Value::TRUE);
    }
}
