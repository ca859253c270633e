//! Literals and constant folding.
//!
//! Literals become constants, and operations on constants fold at compile time
//! as CPython's AST optimizer folds them: unary operators, arithmetic, shifts and
//! bitwise operators on numbers (within its size limits), concatenation and
//! repetition of strings, bytes and tuples, and tuples of constants; sets and
//! lists of constants iterated or tested with `in` become frozenset and tuple
//! constants ([`iter_constant`]). Anything that could raise, or that CPython
//! would not fold, is left to run time.

use num_bigint::{BigInt, Sign};
use num_traits::{Pow, ToPrimitive};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::error::{CompileError, Span};
use crate::source::SourceMap;

/// Strings and bytes longer than this are not built by repetition.
const MAX_FOLDED_LEN: usize = 4096;
/// Ints wider than this are not built by `*`, `**` or `<<`.
const MAX_FOLDED_INT_BITS: u64 = 128;
/// Tuples longer than this are not built by repetition...
const MAX_FOLDED_ITEMS: usize = 256;
/// ...nor with more items than this, nested ones included.
const MAX_TOTAL_ITEMS: usize = 1024;

/// The constant value of `e`, if it has one.
pub fn fold(
    e: &Expr,
    max_digits: usize,
    src: &SourceMap,
) -> Result<Option<Constant>, CompileError> {
    Ok(match e {
        Expr::NumberLiteral(n) => Some(number(n, max_digits, src)?),
        Expr::StringLiteral(s) => Some(Constant::Str(s.value.to_str().to_string())),
        Expr::BytesLiteral(b) => Some(Constant::Bytes(b.value.bytes().collect())),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::UnaryOp(u) => match fold(&u.operand, max_digits, src)? {
            Some(c) => unary(u.op, c),
            None => None,
        },
        Expr::BinOp(b) => {
            let (Some(l), Some(r)) = (
                fold(&b.left, max_digits, src)?,
                fold(&b.right, max_digits, src)?,
            ) else {
                return Ok(None);
            };
            binary(b.op, l, r)
        }
        Expr::Tuple(t) if !t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for e in &t.elts {
                match fold(e, max_digits, src)? {
                    Some(c) => items.push(c),
                    None => return Ok(None),
                }
            }
            Some(Constant::Tuple(items))
        }
        _ => None,
    })
}

/// The constant of a list or set display that is iterated (`for`, a
/// comprehension) or the right operand of a final `in` / `not in` (CPython's
/// `fold_iter`): a tuple for a list, a frozenset for a set, when every item is
/// constant.
pub fn iter_constant(
    e: &Expr,
    max_digits: usize,
    src: &SourceMap,
) -> Result<Option<Constant>, CompileError> {
    let (elts, set) = match e {
        Expr::List(l) => (&l.elts, false),
        Expr::Set(s) => (&s.elts, true),
        _ => return Ok(None),
    };
    let Some(items) = constants(elts, max_digits, src)? else {
        return Ok(None);
    };
    Ok(Some(if set {
        Constant::FrozenSet(items)
    } else {
        Constant::Tuple(items)
    }))
}

/// The constants of display items, if they all are (no starred item).
pub fn constants(
    elts: &[Expr],
    max_digits: usize,
    src: &SourceMap,
) -> Result<Option<Vec<Constant>>, CompileError> {
    let mut items = Vec::with_capacity(elts.len());
    for e in elts {
        if matches!(e, Expr::Starred(_)) {
            return Ok(None);
        }
        match fold(e, max_digits, src)? {
            Some(c) => items.push(c),
            None => return Ok(None),
        }
    }
    Ok(Some(items))
}

fn number(
    n: &ast::ExprNumberLiteral,
    max_digits: usize,
    src: &SourceMap,
) -> Result<Constant, CompileError> {
    Ok(match &n.value {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(BigInt::from(v)),
            None => Constant::Int(parse_big(&i.to_string(), max_digits, n, src)?),
        },
        ast::Number::Float(f) => Constant::Float(*f),
        ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
    })
}

/// Parses an int literal token (`0x...`, `1_000`, ...) that did not fit in 64 bits.
fn parse_big(
    token: &str,
    max_digits: usize,
    n: &ast::ExprNumberLiteral,
    src: &SourceMap,
) -> Result<BigInt, CompileError> {
    let t: String = token.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    if radix == 10 && max_digits > 0 && digits.len() > max_digits {
        return Err(CompileError::syntax(
            format!(
                "Exceeds the limit ({max_digits} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                digits.len()
            ),
            src.span(n.range()),
        ));
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
        .ok_or_else(|| CompileError::syntax("invalid int literal", Span::default()))
}

/// `not`'s view of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => i.sign() != Sign::NoSign,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

fn unary(op: ast::UnaryOp, c: Constant) -> Option<Constant> {
    use ast::UnaryOp as U;
    match (op, c) {
        (U::Not, c) => Some(Constant::Bool(!truthy(&c))),
        (U::USub, Constant::Int(i)) => Some(Constant::Int(-i)),
        (U::USub, Constant::Bool(b)) => Some(Constant::Int(-BigInt::from(u8::from(b)))),
        (U::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (U::USub, Constant::Complex(a, b)) => Some(Constant::Complex(-a, -b)),
        (U::UAdd, c @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex(..))) => Some(c),
        (U::UAdd, Constant::Bool(b)) => Some(Constant::Int(BigInt::from(u8::from(b)))),
        (U::Invert, Constant::Int(i)) => Some(Constant::Int(-i - 1)),
        (U::Invert, Constant::Bool(b)) => Some(Constant::Int(-BigInt::from(u8::from(b)) - 1)),
        _ => None,
    }
}

/// An int operand: an int or a bool.
fn int_of(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

/// A number as the float it converts to exactly (ints of at most 53 bits).
fn exact_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = int_of(c)?;
            if i.bits() > 53 {
                return None;
            }
            i.to_f64()
        }
    }
}

/// Integer operators as CPython's AST optimizer folds them (`safe_multiply`,
/// `safe_power` and `safe_lshift` keep results within 128 bits); what would
/// raise is left to run time.
fn int_binary(op: ast::Operator, a: BigInt, b: BigInt, bools: bool) -> Option<Constant> {
    use ast::Operator as O;
    let zero = BigInt::from(0);
    let int = |i: BigInt| Some(Constant::Int(i));
    match op {
        O::Add => int(a + b),
        O::Sub => int(a - b),
        O::Mult => {
            if a != zero && b != zero && a.bits() + b.bits() > MAX_FOLDED_INT_BITS {
                return None;
            }
            int(a * b)
        }
        O::Div => {
            if b == zero {
                return None;
            }
            Some(Constant::Float(true_divide(&a, &b)?))
        }
        O::FloorDiv | O::Mod => {
            if b == zero {
                return None;
            }
            let (mut q, mut r) = (&a / &b, &a % &b);
            if r != zero && (r.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
                q -= 1;
                r += &b;
            }
            int(if op == O::FloorDiv { q } else { r })
        }
        O::Pow => {
            if b.sign() == Sign::Minus {
                // A float power (C's pow) of exactly converted operands.
                if a == zero || a.bits() > 53 || b.bits() > 53 {
                    return None;
                }
                return Some(Constant::Float(a.to_f64()?.powf(b.to_f64()?)));
            }
            if b == zero {
                return int(BigInt::from(1));
            }
            if a == zero {
                return int(zero);
            }
            let e = b.to_u64()?;
            if a.bits() > MAX_FOLDED_INT_BITS / e {
                return None;
            }
            int(a.pow(u32::try_from(e).ok()?))
        }
        O::LShift => {
            if b.sign() == Sign::Minus {
                return None;
            }
            if a == zero || b == zero {
                return int(a);
            }
            let w = b.to_u64()?;
            if w > MAX_FOLDED_INT_BITS || a.bits() > MAX_FOLDED_INT_BITS - w {
                return None;
            }
            int(a << w)
        }
        O::RShift => {
            if b.sign() == Sign::Minus {
                return None;
            }
            match b.to_u64() {
                Some(w) if w < a.bits() + 1 => int(a >> w),
                _ => int(if a.sign() == Sign::Minus {
                    BigInt::from(-1)
                } else {
                    zero
                }),
            }
        }
        O::BitOr | O::BitXor | O::BitAnd => {
            let v = match op {
                O::BitOr => &a | &b,
                O::BitXor => &a ^ &b,
                _ => &a & &b,
            };
            if bools {
                Some(Constant::Bool(v != zero))
            } else {
                int(v)
            }
        }
        O::MatMult => None,
    }
}

/// `a / b` for ints, correctly rounded (as CPython's `long_true_divide`); None
/// for a zero divisor or a result outside the normal float range.
fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.sign() == Sign::NoSign {
        return None;
    }
    if a.bits() <= 53 && b.bits() <= 53 {
        return Some(a.to_f64()? / b.to_f64()?);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (x, y) = (a.magnitude(), b.magnitude());
    if x.bits() == 0 {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so that the quotient has at least 55 bits.
    let shift = 55 + y.bits() as i64 - x.bits() as i64;
    let (num, den) = if shift >= 0 {
        (x << shift as u64, y.clone())
    } else {
        (x.clone(), y << (-shift) as u64)
    };
    let q = &num / &den;
    let sticky = &num % &den != num_bigint::BigUint::from(0u8);
    let drop = q.bits() - 53;
    let mut mantissa = &q >> drop;
    let rest = &q - (&mantissa << drop);
    let half = num_bigint::BigUint::from(1u8) << (drop - 1);
    if rest > half || (rest == half && (sticky || mantissa.bit(0))) {
        mantissa += 1u8;
    }
    let exp = drop as i64 - shift;
    let m = mantissa.to_f64()?;
    // Within the normal range, the scaling by a power of two is exact.
    if !(-1000..=960).contains(&exp) {
        return None;
    }
    let v = m * 2f64.powi(exp as i32);
    Some(if negative { -v } else { v })
}

/// CPython's `float_divmod`: (floor quotient, remainder).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `n` repetitions of a sequence of `size` items, if CPython's `safe_multiply`
/// folds it (at most `limit` items; `n` an int).
fn repeat_count(n: &BigInt, size: usize, limit: usize) -> Option<usize> {
    let n = n.to_i64()?;
    if size == 0 {
        return Some(0);
    }
    if n < 0 || n as u64 > (limit / size) as u64 {
        return None;
    }
    Some(n as usize)
}

/// Items in a constant, nested tuples and frozensets included (CPython's
/// `check_complexity`): what is left of `limit`.
fn complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(t) | Constant::FrozenSet(t) = c {
        limit -= t.len() as i64;
        for x in t {
            if limit < 0 {
                break;
            }
            limit = complexity(x, limit);
        }
    }
    limit
}

fn as_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Int(_) | Constant::Bool(_) => int_of(c)?.to_f64().filter(|f| f.is_finite()),
        Constant::Float(f) => Some(*f),
        _ => None,
    }
}

fn is_number(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::Bool(_) | Constant::Float(_))
}

fn binary(op: ast::Operator, l: Constant, r: Constant) -> Option<Constant> {
    use ast::Operator as O;
    if let (Some(a), Some(b)) = (int_of(&l), int_of(&r)) {
        let bools = matches!((&l, &r), (Constant::Bool(_), Constant::Bool(_)));
        return int_binary(op, a, b, bools);
    }
    match (op, &l, &r) {
        (O::Add | O::Sub | O::Mult, _, _) if is_number(&l) && is_number(&r) => {
            let (a, b) = (as_f64(&l)?, as_f64(&r)?);
            let v = match op {
                O::Add => a + b,
                O::Sub => a - b,
                _ => a * b,
            };
            Some(Constant::Float(v))
        }
        (O::Div | O::FloorDiv | O::Mod, _, _) if is_number(&l) && is_number(&r) => {
            let (a, b) = (exact_f64(&l)?, exact_f64(&r)?);
            if b == 0.0 {
                return None;
            }
            Some(Constant::Float(match op {
                O::Div => a / b,
                O::FloorDiv => float_divmod(a, b).0,
                _ => float_divmod(a, b).1,
            }))
        }
        (O::Add, Constant::Int(_) | Constant::Float(_), Constant::Complex(re, im)) => {
            Some(Constant::Complex(as_f64(&l)? + re, 0.0 + *im))
        }
        (O::Sub, Constant::Int(_) | Constant::Float(_), Constant::Complex(re, im)) => {
            Some(Constant::Complex(as_f64(&l)? - re, 0.0 - im))
        }
        (O::Add, Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}"))),
        (O::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([a.as_slice(), b].concat()))
        }
        (O::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(v))
        }
        (
            O::Mult,
            Constant::Int(_) | Constant::Bool(_),
            Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_),
        ) => binary(op, r, l),
        (O::Mult, Constant::Str(s), _) => {
            let n = repeat_count(&int_of(&r)?, s.chars().count(), MAX_FOLDED_LEN)?;
            Some(Constant::Str(s.repeat(n)))
        }
        (O::Mult, Constant::Bytes(b), _) => {
            let n = repeat_count(&int_of(&r)?, b.len(), MAX_FOLDED_LEN)?;
            Some(Constant::Bytes(b.repeat(n)))
        }
        (O::Mult, Constant::Tuple(t), _) => {
            let n = repeat_count(&int_of(&r)?, t.len(), MAX_FOLDED_ITEMS)?;
            if n > 0 && complexity(&l, (MAX_TOTAL_ITEMS / n) as i64) < 0 {
                return None;
            }
            Some(Constant::Tuple(
                t.iter().cycle().take(t.len() * n).cloned().collect(),
            ))
        }
        _ => None,
    }
}
