//! Literals and constant folding.
//!
//! Literals become constants; a few operations on constants fold at compile time
//! where the result is certain and small: signs of numbers, `+ - *` on numbers,
//! string concatenation and repetition, and tuples of constants. Anything that could
//! raise, or produce a large value, is left to run time.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::error::{CompileError, Span};
use crate::source::SourceMap;

/// Strings and bytes longer than this are not built by folding.
const MAX_FOLDED_LEN: usize = 4096;
/// Ints wider than this are not built by folding.
const MAX_FOLDED_INT_BITS: u64 = 128;

/// The constant value of `e`, if it has one.
pub fn fold(e: &Expr, max_digits: usize, src: &SourceMap) -> Result<Option<Constant>, CompileError> {
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
            let (Some(l), Some(r)) = (fold(&b.left, max_digits, src)?, fold(&b.right, max_digits, src)?) else {
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

fn number(n: &ast::ExprNumberLiteral, max_digits: usize, src: &SourceMap) -> Result<Constant, CompileError> {
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
    BigInt::parse_bytes(digits.as_bytes(), radix).ok_or_else(|| CompileError::syntax("invalid int literal", Span::default()))
}

fn unary(op: ast::UnaryOp, c: Constant) -> Option<Constant> {
    use ast::UnaryOp as U;
    match (op, c) {
        (U::USub, Constant::Int(i)) => Some(Constant::Int(-i)),
        (U::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (U::USub, Constant::Complex(a, b)) => Some(Constant::Complex(-a, -b)),
        (U::UAdd, c @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex(..))) => Some(c),
        (U::Invert, Constant::Int(i)) => Some(Constant::Int(-i - 1)),
        _ => None,
    }
}

fn small_int(i: BigInt) -> Option<Constant> {
    if i.bits() <= MAX_FOLDED_INT_BITS {
        Some(Constant::Int(i))
    } else {
        None
    }
}

fn as_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Int(i) => i.to_f64().filter(|f| f.is_finite()),
        Constant::Float(f) => Some(*f),
        _ => None,
    }
}

fn binary(op: ast::Operator, l: Constant, r: Constant) -> Option<Constant> {
    use ast::Operator as O;
    match (op, &l, &r) {
        (O::Add, Constant::Int(a), Constant::Int(b)) => small_int(a + b),
        (O::Sub, Constant::Int(a), Constant::Int(b)) => small_int(a - b),
        (O::Mult, Constant::Int(a), Constant::Int(b)) => small_int(a * b),
        (O::Add | O::Sub | O::Mult, Constant::Float(_), Constant::Float(_) | Constant::Int(_))
        | (O::Add | O::Sub | O::Mult, Constant::Int(_), Constant::Float(_)) => {
            let (a, b) = (as_f64(&l)?, as_f64(&r)?);
            let v = match op {
                O::Add => a + b,
                O::Sub => a - b,
                _ => a * b,
            };
            Some(Constant::Float(v))
        }
        (O::Add, Constant::Int(_) | Constant::Float(_), Constant::Complex(re, im)) => {
            Some(Constant::Complex(as_f64(&l)? + re, 0.0 + *im))
        }
        (O::Sub, Constant::Int(_) | Constant::Float(_), Constant::Complex(re, im)) => {
            Some(Constant::Complex(as_f64(&l)? - re, 0.0 - im))
        }
        (O::Add, Constant::Str(a), Constant::Str(b)) if a.len() + b.len() <= MAX_FOLDED_LEN => {
            Some(Constant::Str(format!("{a}{b}")))
        }
        (O::Mult, Constant::Str(s), Constant::Int(n)) | (O::Mult, Constant::Int(n), Constant::Str(s)) => {
            let n = n.to_i64()?;
            if n <= 0 {
                return Some(Constant::Str(String::new()));
            }
            if s.len().checked_mul(n as usize)? > MAX_FOLDED_LEN {
                return None;
            }
            Some(Constant::Str(s.repeat(n as usize)))
        }
        (O::Add, Constant::Tuple(a), Constant::Tuple(b)) if a.len() + b.len() <= 256 => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(v))
        }
        _ => None,
    }
}
