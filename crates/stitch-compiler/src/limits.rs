//! CPython's limits on deeply nested source, checked on the AST: its parser gives
//! up with MemoryError when its recursion passes 6000 levels, and its compiler
//! with RecursionError ("maximum recursion depth exceeded during compilation")
//! when expressions and statements nest more than 3000 deep.
//!
//! The parser's depth is estimated from the constructs that recurse in CPython's
//! grammar (unary operators, `not`, `**`, `lambda`, conditional expressions,
//! `elif`, brackets), with costs measured against CPython 3.11.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};

use crate::error::{CompileError, ErrorKind, ErrorText};

/// CPython's parser stack limit (`MAXSTACK`).
const PARSER_LIMIT: usize = 6000;
/// Parser levels before the first expression of a module-level statement.
const PARSER_BASE: usize = 32;
/// Parser levels of one bracket: from an atom down the whole expression grammar.
const BRACKET: usize = 28;
/// Parser levels per nested statement block.
const BLOCK: usize = 4;
/// The compiler's limit on nested expressions and statements.
const COMPILER_LIMIT: usize = 3000;
/// How deep the walk goes looking for the parser's limit past the compiler's
/// (the parser's error comes first in CPython).
const WALK_LIMIT: usize = 7000;

struct Depth {
    /// Nesting of expressions and statements (as CPython's AST optimizer counts).
    ast: usize,
    /// Estimated parser recursion.
    peg: usize,
    too_deep_ast: bool,
    too_deep_peg: bool,
}

impl Depth {
    fn stop(&self) -> bool {
        self.too_deep_peg || self.ast > WALK_LIMIT
    }

    /// Enters one more expression or statement.
    fn enter(&mut self) {
        self.ast += 1;
        if self.ast > COMPILER_LIMIT {
            self.too_deep_ast = true;
        }
    }

    fn with_peg(&mut self, add: usize, f: impl FnOnce(&mut Self)) {
        self.peg += add;
        if self.peg >= PARSER_LIMIT {
            self.too_deep_peg = true;
        } else {
            f(self);
        }
        self.peg -= add;
    }

    fn expr_at(&mut self, e: &Expr, add: usize) {
        self.with_peg(add, |d| d.visit_expr(e));
    }

    fn exprs_at<'a>(&mut self, es: impl IntoIterator<Item = &'a Expr>, add: usize) {
        for e in es {
            if self.stop() {
                return;
            }
            self.expr_at(e, add);
        }
    }

    fn elifs(&mut self, clauses: &[ast::ElifElseClause], i: usize) {
        let Some(c) = clauses.get(i) else { return };
        if self.stop() {
            return;
        }
        // Each `elif` is an `if` nested in the previous one's `else`.
        let nested = c.test.is_some();
        if nested {
            self.enter();
            self.peg += 1;
            if self.peg >= PARSER_LIMIT {
                self.too_deep_peg = true;
            }
        }
        if !self.stop() {
            if let Some(t) = &c.test {
                self.visit_expr(t);
            }
            self.with_peg(BLOCK, |d| d.visit_body(&c.body));
            self.elifs(clauses, i + 1);
        }
        if nested {
            self.ast -= 1;
            self.peg -= 1;
        }
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.stop() {
            return;
        }
        self.enter();
        if !self.stop() {
            match s {
                Stmt::If(i) => {
                    self.visit_expr(&i.test);
                    self.with_peg(BLOCK, |d| d.visit_body(&i.body));
                    self.elifs(&i.elif_else_clauses, 0);
                }
                _ => self.with_peg(BLOCK, |d| visitor::walk_stmt(d, s)),
            }
        }
        self.ast -= 1;
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if self.stop() {
            return;
        }
        self.enter();
        if self.stop() {
            self.ast -= 1;
            return;
        }
        match e {
            Expr::UnaryOp(u) => self.expr_at(&u.operand, 1),
            Expr::BinOp(b) if b.op == ast::Operator::Pow => {
                self.expr_at(&b.left, 0);
                self.expr_at(&b.right, 2);
            }
            Expr::BinOp(b) => {
                self.expr_at(&b.left, 0);
                self.expr_at(&b.right, 0);
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.with_peg(BRACKET, |d| d.visit_parameters(p));
                }
                self.expr_at(&l.body, 2);
            }
            Expr::If(i) => {
                self.expr_at(&i.body, 0);
                self.expr_at(&i.test, 0);
                self.expr_at(&i.orelse, 1);
            }
            Expr::Attribute(a) => self.expr_at(&a.value, 0),
            Expr::Subscript(s) => {
                self.expr_at(&s.value, 0);
                self.expr_at(&s.slice, BRACKET);
            }
            Expr::Call(c) => {
                self.expr_at(&c.func, 0);
                self.exprs_at(c.arguments.args.iter(), BRACKET);
                self.exprs_at(c.arguments.keywords.iter().map(|k| &k.value), BRACKET);
            }
            Expr::BoolOp(b) => self.exprs_at(b.values.iter(), 0),
            Expr::Compare(c) => {
                self.expr_at(&c.left, 0);
                self.exprs_at(c.comparators.iter(), 0);
            }
            Expr::Tuple(t) if !t.parenthesized => self.exprs_at(t.elts.iter(), 0),
            _ => self.with_peg(BRACKET, |d| visitor::walk_expr(d, e)),
        }
        self.ast -= 1;
    }
}

fn error(kind: ErrorKind, msg: &str) -> CompileError {
    CompileError { kind, msg: msg.into(), lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: ErrorText::Nothing }
}

/// MemoryError or RecursionError when `body` nests deeper than CPython allows.
pub fn check_module(body: &[Stmt]) -> Result<(), CompileError> {
    let mut d = Depth { ast: 0, peg: PARSER_BASE, too_deep_ast: false, too_deep_peg: false };
    for s in body {
        d.visit_stmt(s);
        if d.stop() {
            break;
        }
    }
    finish(&d)
}

/// [`check_module`] for `eval` input.
pub fn check_expression(e: &Expr) -> Result<(), CompileError> {
    let mut d = Depth { ast: 0, peg: PARSER_BASE, too_deep_ast: false, too_deep_peg: false };
    d.visit_expr(e);
    finish(&d)
}

fn finish(d: &Depth) -> Result<(), CompileError> {
    if d.too_deep_peg {
        return Err(error(ErrorKind::MemoryError, ""));
    }
    if d.too_deep_ast {
        return Err(error(ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation"));
    }
    Ok(())
}
