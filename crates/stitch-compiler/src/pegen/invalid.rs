//! The `invalid_*` rules of CPython 3.11's grammar: tried only in the second
//! pass, they raise the specific error messages. Each returns `Ok(())` when it
//! does not match (the caller restores the position).

use super::{Comp, ErrType, N, NK, Parser, R, Rule, Stop, Targets, invalid_target};
use crate::tokenize::Kind;

fn last_comprehension_item(comps: &[Comp]) -> Option<N> {
    let c = comps.last()?;
    Some(c.ifs.last().cloned().unwrap_or_else(|| c.iter.clone()))
}

fn is_legacy(n: &N) -> bool {
    matches!(&n.kind, NK::Name(s) if s == "print" || s == "exec")
}

impl<'t> Parser<'t> {
    /// RAISE_SYNTAX_ERROR_INVALID_TARGET: raises when `e` holds an invalid target.
    pub(super) fn raise_invalid_target(&mut self, ty: Targets, e: &N) -> Result<(), Stop> {
        if let Some(bad) = invalid_target(e, ty) {
            let verb = if ty == Targets::Del { "delete" } else { "assign to" };
            return Err(self.raise_node(&bad, format!("cannot {verb} {}", bad.name())));
        }
        Ok(())
    }

    pub(super) fn invalid_arguments(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // args ',' a='*'
        if self.args()?.is_some()
            && self.op(",")?.is_some()
            && let Some(star) = self.op("*")?
        {
            let n = self.tok_node(star);
            return Err(self.raise_node(&n, "iterable argument unpacking follows keyword argument unpacking"));
        }
        self.mark = m;
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        if let Some(a) = self.expression()?
            && let Some(b) = self.for_if_clauses()?
            && self.op(",")?.is_some()
        {
            let m2 = self.mark;
            if self.args()?.is_none() {
                self.mark = m2;
                if !(self.expression()?.is_some() && self.for_if_clauses()?.is_some()) {
                    self.mark = m2;
                }
            }
            if let Some(last) = last_comprehension_item(&b) {
                return Err(self.raise_range(&a, &last, "Generator expression must be parenthesized"));
            }
        }
        self.mark = m;
        // a=NAME b='=' expression for_if_clauses
        if let Some(a) = self.name()?
            && let Some(b) = self.op("=")?
            && self.expression()?.is_some()
            && self.for_if_clauses()?.is_some()
        {
            let bn = self.tok_node(b);
            return Err(self.raise_range(&a, &bn, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
        }
        self.mark = m;
        // a=args b=for_if_clauses
        if let Some(a) = self.args()?
            && let Some(b) = self.for_if_clauses()?
            && let NK::Call { args, .. } = &a.kind
            && args.len() > 1
            && let (Some(x), Some(last)) = (args.last(), last_comprehension_item(&b))
        {
            let x = x.clone();
            return Err(self.raise_range(&x, &last, "Generator expression must be parenthesized"));
        }
        self.mark = m;
        // args ',' a=expression b=for_if_clauses
        if self.args()?.is_some()
            && self.op(",")?.is_some()
            && let Some(a) = self.expression()?
            && let Some(b) = self.for_if_clauses()?
            && let Some(last) = last_comprehension_item(&b)
        {
            return Err(self.raise_range(&a, &last, "Generator expression must be parenthesized"));
        }
        self.mark = m;
        // a=args ',' args
        if let Some(a) = self.args()?
            && self.op(",")?.is_some()
            && self.args()?.is_some()
        {
            let unpacking = matches!(&a.kind, NK::Call { keywords, .. } if keywords.iter().any(|k| k.arg.is_none()));
            let msg = if unpacking {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            return Err(self.raise_last(ErrType::Syntax, msg));
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_kwarg(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        for k in ["True", "False", "None"] {
            if let Some(a) = self.kw(k)?
                && let Some(b) = self.op("=")?
            {
                let (an, bn) = (self.tok_node(a), self.tok_node(b));
                return Err(self.raise_range(&an, &bn, format!("cannot assign to {k}")));
            }
            self.mark = m;
        }
        if let Some(a) = self.name()?
            && let Some(b) = self.op("=")?
            && self.expression()?.is_some()
            && self.for_if_clauses()?.is_some()
        {
            let bn = self.tok_node(b);
            return Err(self.raise_range(&a, &bn, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
        }
        self.mark = m;
        let name_eq = self.name()?.is_some() && self.at_op("=")?;
        self.mark = m;
        if !name_eq
            && let Some(a) = self.expression()?
            && let Some(b) = self.op("=")?
        {
            let bn = self.tok_node(b);
            return Err(self.raise_range(&a, &bn, "expression cannot contain assignment, perhaps you meant \"==\"?"));
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_legacy_expression(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        if let Some(a) = self.name()?
            && !self.at_op("(")?
            && let Some(b) = self.star_expressions()?
            && is_legacy(&a)
        {
            let NK::Name(n) = &a.kind else { unreachable!() };
            let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
            return Err(self.raise_range(&a, &b, msg));
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_expression(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        let t = self.cur()?;
        let soft = t.kind == Kind::Name && matches!(self.text(&t), "_" | "case" | "match");
        let name_string = t.kind == Kind::Name && !super::is_keyword(self.text(&t)) && {
            self.mark += 1;
            let r = self.at_kind(Kind::String)?;
            self.mark = m;
            r
        };
        if !soft && !name_string {
            if let Some(a) = self.disjunction()?
                && let Some(b) = self.expression_without_invalid()?
            {
                let level = self.t.tokens.get(self.mark.wrapping_sub(1)).map(|t| t.level).unwrap_or(0);
                if !is_legacy(&a) && level != 0 {
                    return Err(self.raise_range(&a, &b, "invalid syntax. Perhaps you forgot a comma?"));
                }
            }
            self.mark = m;
        }
        // a=disjunction 'if' b=disjunction !('else'|':')
        if let Some(a) = self.disjunction()?
            && self.kw("if")?.is_some()
            && let Some(b) = self.disjunction()?
            && !self.at_any(&["else", ":"])?
        {
            return Err(self.raise_range(&a, &b, "expected 'else' after 'if' expression"));
        }
        self.mark = m;
        Ok(())
    }

    /// `invalid_named_expression` (memo).
    pub(super) fn invalid_named_expression(&mut self) -> Result<(), Stop> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::InvalidNamedExpression) {
            let _ = v;
            self.mark = start;
            return Ok(());
        }
        self.invalid_named_expression_inner()?;
        self.mark = start;
        self.memo_put(Rule::InvalidNamedExpression, start, &None);
        Ok(())
    }

    fn invalid_named_expression_inner(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // a=expression ':=' expression
        if let Some(a) = self.expression()?
            && self.op(":=")?.is_some()
            && self.expression()?.is_some()
        {
            return Err(self.raise_node(&a, format!("cannot use assignment expressions with {}", a.name())));
        }
        self.mark = m;
        // a=NAME '=' b=bitwise_or !('='|':=')
        if let Some(a) = self.name()?
            && self.op("=")?.is_some()
            && let Some(b) = self.bitwise_or()?
            && !self.at_any(&["=", ":="])?
        {
            return Err(self.raise_range(&a, &b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
        }
        self.mark = m;
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        let excluded = self.lookahead(|p| p.excluded_target_start())?;
        if !excluded
            && let Some(a) = self.bitwise_or()?
            && self.op("=")?.is_some()
            && self.bitwise_or()?.is_some()
            && !self.at_any(&["=", ":="])?
        {
            return Err(self.raise_node(&a, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", a.name())));
        }
        self.mark = m;
        Ok(())
    }

    /// `list | tuple | genexp | 'True' | 'None' | 'False'`.
    fn excluded_target_start(&mut self) -> R<()> {
        let m = self.mark;
        for k in ["True", "None", "False"] {
            if self.kw(k)?.is_some() {
                return Ok(Some(()));
            }
        }
        if self.at_op("[")? {
            let saved = self.invalid;
            let r = self.atom_list_only()?;
            self.invalid = saved;
            if r {
                return Ok(Some(()));
            }
            self.mark = m;
        }
        if self.at_op("(")? {
            if self.tuple_only()? || {
                self.mark = m;
                self.genexp()?.is_some()
            } {
                return Ok(Some(()));
            }
            self.mark = m;
        }
        Ok(None)
    }

    fn atom_list_only(&mut self) -> Result<bool, Stop> {
        let m = self.mark;
        if self.op("[")?.is_none() {
            return Ok(false);
        }
        let m2 = self.mark;
        if self.star_named_expressions()?.is_none() {
            self.mark = m2;
        }
        if self.op("]")?.is_some() {
            return Ok(true);
        }
        self.mark = m;
        Ok(false)
    }

    fn tuple_only(&mut self) -> Result<bool, Stop> {
        let m = self.mark;
        if self.op("(")?.is_none() {
            return Ok(false);
        }
        let m2 = self.mark;
        let mut ok = false;
        if self.star_named_expression()?.is_some() && self.op(",")?.is_some() {
            ok = true;
            let m3 = self.mark;
            if self.star_named_expressions()?.is_none() {
                self.mark = m3;
            }
        }
        if !ok {
            self.mark = m2;
        }
        if self.op(")")?.is_some() {
            return Ok(true);
        }
        self.mark = m;
        Ok(false)
    }

    pub(super) fn invalid_assignment(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // a=invalid_ann_assign_target ':' expression
        if let Some(a) = self.invalid_ann_assign_target()?
            && self.op(":")?.is_some()
            && self.expression()?.is_some()
        {
            return Err(self.raise_node(&a, format!("only single target (not {}) can be annotated", a.name())));
        }
        self.mark = m;
        // a=star_named_expression ',' star_named_expressions* ':' expression
        if let Some(a) = self.star_named_expression()?
            && self.op(",")?.is_some()
        {
            self.many(|p| p.star_named_expressions())?;
            if self.op(":")?.is_some() && self.expression()?.is_some() {
                return Err(self.raise_node(&a, "only single target (not tuple) can be annotated"));
            }
        }
        self.mark = m;
        // a=expression ':' expression
        if let Some(a) = self.expression()?
            && self.op(":")?.is_some()
            && self.expression()?.is_some()
        {
            return Err(self.raise_node(&a, "illegal target for annotation"));
        }
        self.mark = m;
        // (star_targets '=')* a=star_expressions '='
        self.many(|p| {
            if p.star_targets()?.is_some() && p.op("=")?.is_some() {
                Ok(Some(()))
            } else {
                Ok(None)
            }
        })?;
        if let Some(a) = self.star_expressions()?
            && self.op("=")?.is_some()
        {
            self.raise_invalid_target(Targets::Star, &a)?;
        }
        self.mark = m;
        // (star_targets '=')* a=yield_expr '='
        self.many(|p| {
            if p.star_targets()?.is_some() && p.op("=")?.is_some() {
                Ok(Some(()))
            } else {
                Ok(None)
            }
        })?;
        if let Some(a) = self.yield_expr()?
            && self.op("=")?.is_some()
        {
            return Err(self.raise_node(&a, "assignment to yield expression not possible"));
        }
        self.mark = m;
        // a=star_expressions augassign (yield_expr | star_expressions)
        if let Some(a) = self.star_expressions()?
            && self.augassign()?.is_some()
            && self.annotated_rhs()?.is_some()
        {
            return Err(self.raise_node(&a, format!("'{}' is an illegal expression for augmented assignment", a.name())));
        }
        self.mark = m;
        Ok(())
    }

    fn invalid_ann_assign_target(&mut self) -> R<N> {
        let m = self.mark;
        if self.at_op("[")? {
            if let Some(l) = self.list_node()? {
                return Ok(Some(l));
            }
            self.mark = m;
        }
        if self.at_op("(")? {
            if let Some(t) = self.tuple_node()? {
                return Ok(Some(t));
            }
            self.mark = m;
            if self.op("(")?.is_some()
                && let Some(a) = self.invalid_ann_assign_target()?
                && self.op(")")?.is_some()
            {
                return Ok(Some(a));
            }
        }
        self.mark = m;
        Ok(None)
    }

    fn list_node(&mut self) -> R<N> {
        let m = self.mark;
        if self.atom_list_only()? {
            let elts = vec![];
            return Ok(Some(self.node(NK::List(elts), m)));
        }
        Ok(None)
    }

    fn tuple_node(&mut self) -> R<N> {
        let m = self.mark;
        if self.tuple_only()? {
            return Ok(Some(self.node(NK::Tuple(vec![]), m)));
        }
        Ok(None)
    }

    pub(super) fn invalid_del_stmt(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        if self.kw("del")?.is_some()
            && let Some(a) = self.star_expressions()?
        {
            self.raise_invalid_target(Targets::Del, &a)?;
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_for_target(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        self.kw("async")?;
        if self.kw("for")?.is_some()
            && let Some(a) = self.star_expressions()?
        {
            self.raise_invalid_target(Targets::For, &a)?;
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_group(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        if self.op("(")?.is_some()
            && let Some(a) = self.starred_expression()?
            && self.op(")")?.is_some()
        {
            return Err(self.raise_node(&a, "cannot use starred expression here"));
        }
        self.mark = m;
        if self.op("(")?.is_some()
            && let Some(a) = self.op("**")?
            && self.expression()?.is_some()
            && self.op(")")?.is_some()
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "cannot use double starred expression here"));
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_comprehension(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // ('[' | '(' | '{') a=starred_expression for_if_clauses
        if self.at_any(&["[", "(", "{"])? {
            self.mark += 1;
            if let Some(a) = self.starred_expression()?
                && self.for_if_clauses()?.is_some()
            {
                return Err(self.raise_node(&a, "iterable unpacking cannot be used in comprehension"));
            }
        }
        self.mark = m;
        // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
        if self.at_any(&["[", "{"])? {
            self.mark += 1;
            if let Some(a) = self.star_named_expression()?
                && self.op(",")?.is_some()
            {
                let m2 = self.mark;
                if let Some(b) = self.star_named_expressions()?
                    && self.for_if_clauses()?.is_some()
                    && let Some(last) = b.last()
                {
                    let last = last.clone();
                    return Err(self.raise_range(&a, &last, "did you forget parentheses around the comprehension target?"));
                }
                self.mark = m2;
                let comma = self.mark - 1;
                if self.for_if_clauses()?.is_some() {
                    let cn = self.tok_node(comma);
                    return Err(self.raise_range(&a, &cn, "did you forget parentheses around the comprehension target?"));
                }
            }
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_dict_comprehension(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        if self.op("{")?.is_some()
            && let Some(a) = self.op("**")?
            && self.bitwise_or()?.is_some()
            && self.for_if_clauses()?.is_some()
            && self.op("}")?.is_some()
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "dict unpacking cannot be used in dict comprehension"));
        }
        self.mark = m;
        Ok(())
    }

    /// After '{': `invalid_double_starred_kvpairs`.
    pub(super) fn invalid_double_starred_kvpairs(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        if self.double_starred_kvpair()?.is_some() {
            loop {
                let m2 = self.mark;
                if self.op(",")?.is_some() && self.double_starred_kvpair()?.is_some() {
                    continue;
                }
                self.mark = m2;
                break;
            }
            if self.op(",")?.is_some() {
                self.invalid_kvpair()?;
            }
        }
        self.mark = m;
        // expression ':' a='*' bitwise_or
        if self.expression()?.is_some()
            && self.op(":")?.is_some()
            && let Some(a) = self.op("*")?
            && self.bitwise_or()?.is_some()
        {
            let n = self.tok_node(a);
            return Err(self.raise_from(&n, "cannot use a starred expression in a dictionary value"));
        }
        self.mark = m;
        // expression a=':' &('}'|',')
        if self.expression()?.is_some()
            && let Some(a) = self.op(":")?
            && self.at_any(&["}", ","])?
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "expression expected after dictionary key and ':'"));
        }
        self.mark = m;
        Ok(())
    }

    fn invalid_kvpair(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        if let Some(a) = self.expression()?
            && !self.at_op(":")?
        {
            return Err(self.raise_at(
                ErrType::Syntax,
                "':' expected after dictionary key",
                a.line,
                a.end_col as i64 - 1,
                a.end_line,
                -1,
            ));
        }
        self.mark = m;
        if self.expression()?.is_some()
            && self.op(":")?.is_some()
            && let Some(a) = self.op("*")?
            && self.bitwise_or()?.is_some()
        {
            let n = self.tok_node(a);
            return Err(self.raise_from(&n, "cannot use a starred expression in a dictionary value"));
        }
        self.mark = m;
        if self.expression()?.is_some()
            && let Some(a) = self.op(":")?
            && self.at_any(&["}", ","])?
        {
            let n = self.tok_node(a);
            return Err(self.raise_node(&n, "expression expected after dictionary key and ':'"));
        }
        self.mark = m;
        Ok(())
    }

    /// `','.(expression ['as' star_target])+` (or `expressions` inside parentheses).
    fn with_item_list(&mut self, paren: bool) -> Result<bool, Stop> {
        let mut n = 0;
        loop {
            let m = self.mark;
            if n > 0 && self.op(",")?.is_none() {
                break;
            }
            let e = if paren { self.expressions()? } else { self.expression()? };
            if e.is_none() {
                self.mark = m;
                break;
            }
            let m2 = self.mark;
            if !(self.kw("as")?.is_some() && self.star_target()?.is_some()) {
                self.mark = m2;
            }
            n += 1;
        }
        Ok(n > 0)
    }

    pub(super) fn invalid_with_stmt(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        self.kw("async")?;
        if self.kw("with")?.is_some() && self.with_item_list(false)? && self.at_kind(Kind::Newline)? {
            self.mark += 1;
            return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
        }
        self.mark = m;
        self.kw("async")?;
        if self.kw("with")?.is_some() && self.op("(")?.is_some() && self.with_item_list(true)? {
            self.op(",")?;
            if self.op(")")?.is_some() && self.at_kind(Kind::Newline)? {
                self.mark += 1;
                return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
            }
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_with_stmt_indent(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        for paren in [false, true] {
            self.mark = m;
            self.kw("async")?;
            let Some(a) = self.kw("with")? else { continue };
            if paren {
                if self.op("(")?.is_none() || !self.with_item_list(true)? {
                    continue;
                }
                self.op(",")?;
                if self.op(")")?.is_none() {
                    continue;
                }
            } else if !self.with_item_list(false)? {
                continue;
            }
            if self.op(":")?.is_some() && self.kind(Kind::Newline)?.is_some() && !self.at_kind(Kind::Indent)? {
                let line = self.t.tokens[a].line;
                return Err(self.raise_last(
                    ErrType::Indentation,
                    format!("expected an indented block after 'with' statement on line {line}"),
                ));
            }
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_try_stmt(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // a='try' ':' NEWLINE !INDENT
        if let Some(a) = self.kw("try")?
            && self.op(":")?.is_some()
            && self.kind(Kind::Newline)?.is_some()
            && !self.at_kind(Kind::Indent)?
        {
            let line = self.t.tokens[a].line;
            return Err(self.raise_last(
                ErrType::Indentation,
                format!("expected an indented block after 'try' statement on line {line}"),
            ));
        }
        self.mark = m;
        // 'try' ':' block !('except' | 'finally')
        if self.kw("try")?.is_some() && self.op(":")?.is_some() && self.block()?.is_some() && !self.at_any(&["except", "finally"])? {
            return Err(self.raise_last(ErrType::Syntax, "expected 'except' or 'finally' block"));
        }
        self.mark = m;
        // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
        // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
        for star_first in [false, true] {
            self.mark = m;
            if self.kw("try")?.is_none() || self.op(":")?.is_none() {
                break;
            }
            self.many(|p| p.block())?;
            let n = if star_first {
                self.many(|p| p.except_star_block())?
            } else {
                self.many(|p| p.except_block())?
            };
            if n == 0 {
                continue;
            }
            let Some(a) = self.kw("except")? else { continue };
            let msg = "cannot have both 'except' and 'except*' on the same 'try'";
            if !star_first {
                let Some(b) = self.op("*")? else { continue };
                if self.expression()?.is_none() {
                    continue;
                }
                let m2 = self.mark;
                if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                    self.mark = m2;
                }
                if self.op(":")?.is_some() {
                    let (an, bn) = (self.tok_node(a), self.tok_node(b));
                    return Err(self.raise_range(&an, &bn, msg));
                }
            } else {
                let m2 = self.mark;
                if self.expression()?.is_some() {
                    let m3 = self.mark;
                    if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                        self.mark = m3;
                    }
                } else {
                    self.mark = m2;
                }
                if self.op(":")?.is_some() {
                    let an = self.tok_node(a);
                    return Err(self.raise_node(&an, msg));
                }
            }
        }
        self.mark = m;
        Ok(())
    }

    pub(super) fn invalid_except_stmt(&mut self) -> Result<(), Stop> {
        let m = self.mark;
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        if self.kw("except")?.is_some() {
            self.op("*")?;
            if let Some(a) = self.expression()?
                && self.op(",")?.is_some()
                && self.expressions()?.is_some()
            {
                let m2 = self.mark;
                if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                    self.mark = m2;
                }
                if self.op(":")?.is_some() {
                    return Err(self.raise_from(&a, "multiple exception types must be parenthesized"));
                }
            }
        }
        self.mark = m;
        // a='except' '*'? expression ['as' NAME ] NEWLINE
        if self.kw("except")?.is_some() {
            self.op("*")?;
            if self.expression()?.is_some() {
                let m2 = self.mark;
                if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                    self.mark = m2;
                }
                if self.kind(Kind::Newline)?.is_some() {
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
            }
        }
        self.mark = m;
        // a='except' NEWLINE
        if self.kw("except")?.is_some() && self.kind(Kind::Newline)?.is_some() {
            return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
        }
        self.mark = m;
        // a='except' '*' (NEWLINE | ':')
        if self.kw("except")?.is_some() && self.op("*")?.is_some() && (self.kind(Kind::Newline)?.is_some() || self.op(":")?.is_some()) {
            return Err(self.raise_last(ErrType::Syntax, "expected one or more exception types"));
        }
        self.mark = m;
        Ok(())
    }
}
