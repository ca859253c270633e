//! The `match` statement.
//!
//! Each case copies the subject and compiles its pattern. A pattern consumes the value
//! on top of the stack and either falls through (having stored its captures) or jumps
//! to its failure label, also with its value consumed; values a composite pattern has
//! extracted but not yet consumed are popped by a cleanup block on the way out.

use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::{Ranged, TextRange};
use stitch_core::instr::{Op, cmpop};

use super::{Compiler, R};
use crate::assemble::Label;
use crate::code::Constant;

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            self.set_loc(case.pattern.range());
            let irrefutable = case.guard.is_none() && is_irrefutable(&case.pattern);
            if irrefutable && i + 1 < n {
                return Err(self.err(
                    irrefutable_message(&case.pattern),
                    case.pattern.range(),
                ));
            }
            let next = self.new_label();
            // [subject]
            self.emit(Op::COPY, 1);
            self.pattern(&case.pattern, next)?;
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next)?;
            }
            self.set_loc(case.range);
            self.emit(Op::POP_TOP, 0);
            self.stmts(&case.body)?;
            self.emit_jump(Op::JUMP, end);
            self.bind(next);
        }
        self.set_loc(m.range);
        self.emit(Op::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// A block that pops `n` values and jumps to `fail`.
    fn cleanup(&mut self, n: usize, fail: Label) -> Label {
        if n == 0 {
            return fail;
        }
        let skip = self.new_label();
        let l = self.new_label();
        self.emit_jump(Op::JUMP, skip);
        self.bind(l);
        for _ in 0..n {
            self.emit(Op::POP_TOP, 0);
        }
        self.emit_jump(Op::JUMP, fail);
        self.bind(skip);
        l
    }

    fn pattern(&mut self, p: &'a Pattern, fail: Label) -> R {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.set_loc(p.range());
                self.emit(Op::COMPARE_OP, cmpop::EQ);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, fail);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c);
                self.emit(Op::IS_OP, 0);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, fail);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::POP_TOP, 0),
                (None, Some(n)) => self.capture(n)?,
                (Some(inner), name) => {
                    self.emit(Op::COPY, 1);
                    let f = self.cleanup(1, fail);
                    self.pattern(inner, f)?;
                    match name {
                        Some(n) => self.capture(n)?,
                        None => self.emit(Op::POP_TOP, 0),
                    }
                }
            },
            Pattern::MatchOr(o) => {
                let success = self.new_label();
                let k = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < k {
                        let next = self.new_label();
                        self.emit(Op::COPY, 1);
                        self.pattern(alt, next)?;
                        self.emit(Op::POP_TOP, 0);
                        self.emit_jump(Op::JUMP, success);
                        self.bind(next);
                    } else {
                        self.pattern(alt, fail)?;
                    }
                }
                self.bind(success);
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, p.range(), fail)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fail)?,
            Pattern::MatchClass(c) => self.class_pattern(c, fail)?,
            Pattern::MatchStar(s) => {
                return Err(self.err("can't use starred expression here", s.range));
            }
        }
        Ok(())
    }

    fn capture(&mut self, n: &ast::Identifier) -> R {
        if n.id.as_str() == "_" {
            self.emit(Op::POP_TOP, 0);
            return Ok(());
        }
        self.name_op(&n.id, ast::ExprContext::Store);
        Ok(())
    }

    fn sequence_pattern(&mut self, pats: &'a [Pattern], range: TextRange, fail: Label) -> R {
        let star = pats.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        if pats.iter().filter(|p| matches!(p, Pattern::MatchStar(_))).count() > 1 {
            return Err(self.err("multiple starred names in sequence pattern", range));
        }
        let n = pats.len();
        let f1 = self.cleanup(1, fail);
        self.emit(Op::MATCH_SEQUENCE, 0);
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f1);
        self.emit(Op::GET_LEN, 0);
        match star {
            None => {
                self.load_const(Constant::Int((n as i64).into()));
                self.emit(Op::COMPARE_OP, cmpop::EQ);
            }
            Some(_) => {
                self.load_const(Constant::Int(((n - 1) as i64).into()));
                self.emit(Op::COMPARE_OP, cmpop::GE);
            }
        }
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f1);
        match star {
            None => self.emit(Op::UNPACK_SEQUENCE, n as u32),
            Some(i) => {
                let before = i as u32;
                let after = (n - i - 1) as u32;
                self.emit(Op::UNPACK_EX, before | (after << 8));
            }
        }
        for (i, p) in pats.iter().enumerate() {
            let f = self.cleanup(n - 1 - i, fail);
            match p {
                Pattern::MatchStar(s) => match &s.name {
                    Some(name) => self.capture(name)?,
                    None => self.emit(Op::POP_TOP, 0),
                },
                _ => self.pattern(p, f)?,
            }
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, fail: Label) -> R {
        let n = m.keys.len();
        let f1 = self.cleanup(1, fail);
        self.emit(Op::MATCH_MAPPING, 0);
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f1);
        if n == 0 && m.rest.is_none() {
            self.emit(Op::POP_TOP, 0);
            return Ok(());
        }
        if n > 0 {
            self.emit(Op::GET_LEN, 0);
            self.load_const(Constant::Int((n as i64).into()));
            self.emit(Op::COMPARE_OP, cmpop::GE);
            self.emit_jump(Op::POP_JUMP_IF_FALSE, f1);
        }
        for k in &m.keys {
            self.expr(k)?;
        }
        self.emit(Op::BUILD_TUPLE, n as u32);
        // [subject, keys]
        self.emit(Op::MATCH_KEYS, 0);
        // [subject, keys, values or None]
        let f3 = self.cleanup(3, fail);
        self.emit(Op::COPY, 1);
        self.emit_jump(Op::POP_JUMP_IF_NONE, f3);
        self.emit(Op::UNPACK_SEQUENCE, n as u32);
        for (i, p) in m.patterns.iter().enumerate() {
            let f = self.cleanup(n - 1 - i + 2, fail);
            self.pattern(p, f)?;
        }
        // [subject, keys]
        match &m.rest {
            Some(rest) => {
                self.emit(Op::COPY_DICT_WITHOUT_KEYS, 0);
                self.capture(rest)?;
                self.emit(Op::POP_TOP, 0);
            }
            None => {
                self.emit(Op::POP_TOP, 0);
                self.emit(Op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, fail: Label) -> R {
        let nargs = c.arguments.patterns.len();
        let nkw = c.arguments.keywords.len();
        let names: Vec<Constant> = c
            .arguments
            .keywords
            .iter()
            .map(|k| Constant::Str(k.attr.id.to_string()))
            .collect();
        for (i, k) in c.arguments.keywords.iter().enumerate() {
            if c.arguments.keywords[..i].iter().any(|o| o.attr.id == k.attr.id) {
                return Err(self.err(
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                    k.attr.range,
                ));
            }
        }
        self.expr(&c.cls)?;
        self.load_const(Constant::Tuple(names));
        self.set_loc(c.range);
        // [subject, cls, names] -> [attributes or None]
        self.emit(Op::MATCH_CLASS, nargs as u32);
        let f1 = self.cleanup(1, fail);
        self.emit(Op::COPY, 1);
        self.emit_jump(Op::POP_JUMP_IF_NONE, f1);
        let total = nargs + nkw;
        self.emit(Op::UNPACK_SEQUENCE, total as u32);
        let subs = c
            .arguments
            .patterns
            .iter()
            .chain(c.arguments.keywords.iter().map(|k| &k.pattern));
        for (i, p) in subs.enumerate() {
            let f = self.cleanup(total - 1 - i, fail);
            self.pattern(p, f)?;
        }
        Ok(())
    }
}

fn is_irrefutable(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => a.pattern.as_deref().is_none_or(is_irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().any(is_irrefutable),
        _ => false,
    }
}

fn irrefutable_message(p: &Pattern) -> String {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => match &a.name {
            Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.id),
            None => "wildcard makes remaining patterns unreachable".to_string(),
        },
        _ => "wildcard makes remaining patterns unreachable".to_string(),
    }
}
