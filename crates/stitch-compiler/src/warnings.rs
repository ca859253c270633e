//! The SyntaxWarnings CPython 3.11's compiler gives: `is` with a literal, calling
//! or subscripting a literal ("perhaps you missed a comma?"), and an assertion on
//! a non-empty tuple. Found in the order CPython's compiler meets them.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::error::CompileError;
use crate::source::SourceMap;
use crate::{Warning, WarningCategory, WarningStage, fold};

struct Finder<'s> {
    src: &'s SourceMap,
    out: Vec<Warning>,
}

/// What the compiler knows about an expression's type (`infer_type`).
fn type_name(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex(..) => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Ellipsis => "ellipsis",
        Constant::Code(_) => "code",
    }
}

impl<'s> Finder<'s> {
    fn constant(&self, e: &Expr) -> Option<Constant> {
        match e {
            // f-strings are not constants for the compiler.
            Expr::FString(_) => None,
            _ => fold::fold(e, 4300, self.src).ok().flatten(),
        }
    }

    /// `infer_type`: the type of a literal or display, if it is one.
    fn infer(&self, e: &Expr) -> Option<&'static str> {
        Some(match e {
            Expr::Tuple(_) => self.constant(e).map(|c| type_name(&c)).unwrap_or("tuple"),
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            Expr::Slice(_) => return None,
            _ => return self.constant(e).map(|c| type_name(&c)),
        })
    }

    fn warn(&mut self, at: &impl Ranged, msg: String) {
        let (lineno, _) = self.src.line_col(at.range().start());
        let error = CompileError::syntax(msg.clone(), self.src.span(at.range()));
        let (category, stage) = (WarningCategory::SyntaxWarning, WarningStage::Compiler);
        self.out.push(Warning {
            lineno,
            msg,
            category,
            stage,
            past_error: false,
            error,
        });
    }

    /// A constant, or a display the compiler folds into one.
    fn is_constant(&self, e: &Expr) -> bool {
        !matches!(e, Expr::FString(_)) && self.constant(e).is_some()
    }

    fn check_is_arg(&self, e: &Expr) -> bool {
        match self.constant(e) {
            None => true,
            Some(c) => matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        }
    }

    fn check_compare(&mut self, c: &ast::ExprCompare) {
        let mut left = self.check_is_arg(&c.left);
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = self.check_is_arg(right_e);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (!right || !left) {
                let msg = if *op == ast::CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(c, msg.to_string());
                return;
            }
            left = right;
        }
    }

    fn check_caller(&mut self, call: &ast::ExprCall) {
        let f = call.func.as_ref();
        let literal = match f {
            Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::Dict(_)
            | Expr::DictComp(_)
            | Expr::Set(_)
            | Expr::SetComp(_)
            | Expr::Generator(_)
            | Expr::FString(_) => true,
            _ => self.is_constant(f),
        };
        if literal && let Some(t) = self.infer(f) {
            self.warn(
                call,
                format!("'{t}' object is not callable; perhaps you missed a comma?"),
            );
        }
    }

    fn check_subscript(&mut self, s: &ast::ExprSubscript) {
        if s.ctx != ast::ExprContext::Load {
            return;
        }
        let v = s.value.as_ref();
        // check_subscripter
        let not_subscriptable = match v {
            Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_) => true,
            _ => matches!(
                self.constant(v),
                Some(
                    Constant::None
                        | Constant::Ellipsis
                        | Constant::Int(_)
                        | Constant::Bool(_)
                        | Constant::Float(_)
                        | Constant::Complex(..)
                )
            ),
        };
        if not_subscriptable && let Some(t) = self.infer(v) {
            self.warn(
                s,
                format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            );
            return;
        }
        // check_index
        let Some(index_type) = self.infer(&s.slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let indexable = match v {
            Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_) => true,
            _ => matches!(
                self.constant(v),
                Some(Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_))
            ),
        };
        if indexable && let Some(t) = self.infer(v) {
            self.warn(s, format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"));
        }
    }
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            // The value is compiled before the targets.
            Stmt::Assign(a) => {
                self.visit_expr(&a.value);
                for t in &a.targets {
                    self.visit_expr(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.value);
                self.visit_expr(&a.target);
            }
            Stmt::Assert(a) => {
                if let Expr::Tuple(t) = a.test.as_ref()
                    && !t.elts.is_empty()
                {
                    self.warn(
                        a,
                        "assertion is always true, perhaps remove parentheses?".to_string(),
                    );
                }
                visitor::walk_stmt(self, s);
            }
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Compare(c) => self.check_compare(c),
            Expr::Call(c) => self.check_caller(c),
            Expr::Subscript(s) => self.check_subscript(s),
            _ => {}
        }
        visitor::walk_expr(self, e);
    }
}

/// The SyntaxWarnings of a module.
pub fn module_warnings(body: &[Stmt], src: &SourceMap) -> Vec<Warning> {
    let mut f = Finder {
        src,
        out: Vec::new(),
    };
    for s in body {
        f.visit_stmt(s);
    }
    f.out
}

/// The SyntaxWarnings of an expression (`eval`).
pub fn expression_warnings(e: &Expr, src: &SourceMap) -> Vec<Warning> {
    let mut f = Finder {
        src,
        out: Vec::new(),
    };
    f.visit_expr(e);
    f.out
}
