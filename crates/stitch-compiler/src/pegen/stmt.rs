//! Statements of CPython 3.11's grammar.

use super::{ErrType, N, Parser, R, Rule, Stop};
use crate::tokenize::Kind;

impl<'t> Parser<'t> {
    /// `statements: statement+`.
    pub(super) fn statements(&mut self) -> R<()> {
        let mut n = 0;
        while self.statement()?.is_some() {
            n += 1;
        }
        Ok((n > 0).then_some(()))
    }

    /// `statement: compound_stmt | simple_stmts`.
    fn statement(&mut self) -> R<()> {
        self.enter()?;
        let r = self.statement_inner();
        self.leave();
        r
    }

    fn statement_inner(&mut self) -> R<()> {
        let m = self.mark;
        if self.compound_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.simple_stmts()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`.
    pub(super) fn simple_stmts(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.simple_stmt()?.is_none() {
                break 'a;
            }
            if self.at_op(";")? {
                break 'a;
            }
            if self.kind(Kind::Newline)?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        'b: {
            if self.simple_stmt()?.is_none() {
                break 'b;
            }
            loop {
                let m2 = self.mark;
                if self.op(";")?.is_some() && self.simple_stmt()?.is_some() {
                    continue;
                }
                self.mark = m2;
                break;
            }
            self.op(";")?;
            if self.kind(Kind::Newline)?.is_none() {
                break 'b;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `simple_stmt` (memo).
    fn simple_stmt(&mut self) -> R<()> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::SimpleStmt) {
            return Ok(v.map(|_| ()));
        }
        let r = self.simple_stmt_inner()?;
        let v: Option<N> = r.map(|_| self.tok_node(start));
        self.memo_put(Rule::SimpleStmt, start, &v);
        Ok(r)
    }

    fn simple_stmt_inner(&mut self) -> R<()> {
        let m = self.mark;
        if self.assignment()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.star_expressions()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("return")? && self.return_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_any(&["import", "from"])? && self.import_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("raise")? && self.raise_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.kw("pass")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("del")? && self.del_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("yield")? && self.yield_expr()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("assert")? && self.assert_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.kw("break")?.is_some() || self.kw("continue")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("global")? || self.at_kw("nonlocal")? {
            self.mark += 1;
            if self.name_list()?.is_some() {
                return Ok(Some(()));
            }
        }
        self.mark = m;
        Ok(None)
    }

    /// `','.NAME+`.
    fn name_list(&mut self) -> R<()> {
        if self.name()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.name()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    /// `compound_stmt`.
    fn compound_stmt(&mut self) -> R<()> {
        let m = self.mark;
        if self.at_any(&["def", "@", "async"])? && self.function_def()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("if")? && self.if_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_any(&["class", "@"])? && self.class_def()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_any(&["with", "async"])? && self.with_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_any(&["for", "async"])? && self.for_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("try")? && self.try_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.at_kw("while")? && self.while_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.match_stmt()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    // ---- simple statements ----

    /// `assignment`.
    fn assignment(&mut self) -> R<()> {
        let m = self.mark;
        // NAME ':' expression ['=' annotated_rhs]
        'a: {
            if self.name()?.is_none() || self.op(":")?.is_none() || self.expression()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.op("=")?.is_some() && self.annotated_rhs()?.is_some()) {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        'b: {
            let m1 = self.mark;
            let ok = 'g: {
                if self.op("(")?.is_some() && self.single_target()?.is_some() && self.op(")")?.is_some() {
                    break 'g true;
                }
                self.mark = m1;
                self.single_subscript_attribute_target()?.is_some()
            };
            if !ok || self.op(":")?.is_none() || self.expression()?.is_none() {
                break 'b;
            }
            let m2 = self.mark;
            if !(self.op("=")?.is_some() && self.annotated_rhs()?.is_some()) {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        'c: {
            let mut n = 0;
            loop {
                let m2 = self.mark;
                if self.star_targets()?.is_some() && self.op("=")?.is_some() {
                    n += 1;
                    continue;
                }
                self.mark = m2;
                break;
            }
            if n == 0 {
                break 'c;
            }
            if self.annotated_rhs()?.is_none() {
                break 'c;
            }
            if self.at_op("=")? {
                break 'c;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        // single_target augassign ~ (yield_expr | star_expressions)
        'd: {
            if self.single_target()?.is_none() || self.augassign()?.is_none() {
                break 'd;
            }
            // Cut: no other alternative is tried after the operator.
            if self.annotated_rhs()?.is_none() {
                self.mark = m;
                return Ok(None);
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_assignment()?;
            self.mark = m;
        }
        Ok(None)
    }

    /// `annotated_rhs: yield_expr | star_expressions`.
    pub(super) fn annotated_rhs(&mut self) -> R<N> {
        let m = self.mark;
        if let Some(y) = self.yield_expr()? {
            return Ok(Some(y));
        }
        self.mark = m;
        self.star_expressions()
    }

    pub(super) fn augassign(&mut self) -> R<usize> {
        for op in ["+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="] {
            if let Some(i) = self.op(op)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn return_stmt(&mut self) -> R<()> {
        if self.kw("return")?.is_none() {
            return Ok(None);
        }
        let m = self.mark;
        if self.star_expressions()?.is_none() {
            self.mark = m;
        }
        Ok(Some(()))
    }

    fn raise_stmt(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.kw("raise")?.is_none() || self.expression()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.kw("from")?.is_some() && self.expression()?.is_some()) {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.kw("raise")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn del_stmt(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.kw("del")?.is_none() || self.del_targets()?.is_none() {
                break 'a;
            }
            if !(self.at_op(";")? || self.at_kind(Kind::Newline)?) {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_del_stmt()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn assert_stmt(&mut self) -> R<()> {
        if self.kw("assert")?.is_none() || self.expression()?.is_none() {
            return Ok(None);
        }
        let m = self.mark;
        if !(self.op(",")?.is_some() && self.expression()?.is_some()) {
            self.mark = m;
        }
        Ok(Some(()))
    }

    fn import_stmt(&mut self) -> R<()> {
        let m = self.mark;
        // import_name: 'import' dotted_as_names
        'a: {
            if self.kw("import")?.is_none() || self.dotted_as_names()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        // import_from
        'b: {
            if self.kw("from")?.is_none() {
                break 'b;
            }
            while self.op(".")?.is_some() || self.op("...")?.is_some() {}
            if self.dotted_name()?.is_none() || self.kw("import")?.is_none() {
                break 'b;
            }
            if self.import_from_targets()?.is_none() {
                break 'b;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        'c: {
            if self.kw("from")?.is_none() {
                break 'c;
            }
            let mut n = 0;
            while self.op(".")?.is_some() || self.op("...")?.is_some() {
                n += 1;
            }
            if n == 0 || self.kw("import")?.is_none() || self.import_from_targets()?.is_none() {
                break 'c;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn import_from_targets(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.op("(")?.is_none() || self.import_from_as_names()?.is_none() {
                break 'a;
            }
            self.op(",")?;
            if self.op(")")?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        'b: {
            if self.import_from_as_names()?.is_none() || self.at_op(",")? {
                break 'b;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.op("*")?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            // import_from_as_names ',' NEWLINE
            if self.import_from_as_names()?.is_some()
                && self.op(",")?.is_some()
                && self.kind(Kind::Newline)?.is_some()
            {
                return Err(self.raise_last(ErrType::Syntax, "trailing comma not allowed without surrounding parentheses"));
            }
            self.mark = m;
        }
        Ok(None)
    }

    fn import_from_as_names(&mut self) -> R<()> {
        if self.import_from_as_name()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.import_from_as_name()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    fn import_from_as_name(&mut self) -> R<()> {
        if self.name()?.is_none() {
            return Ok(None);
        }
        let m = self.mark;
        if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
            self.mark = m;
        }
        Ok(Some(()))
    }

    fn dotted_as_names(&mut self) -> R<()> {
        if self.dotted_as_name()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.dotted_as_name()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    fn dotted_as_name(&mut self) -> R<()> {
        if self.dotted_name()?.is_none() {
            return Ok(None);
        }
        let m = self.mark;
        if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
            self.mark = m;
        }
        Ok(Some(()))
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`.
    fn dotted_name(&mut self) -> R<()> {
        if self.name()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(".")?.is_some() && self.name()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    // ---- blocks ----

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block` (memo).
    pub(super) fn block(&mut self) -> R<()> {
        let start = self.mark;
        if let Some(v) = self.memo_get(Rule::Block) {
            return Ok(v.map(|_| ()));
        }
        self.enter()?;
        let r = self.block_inner();
        self.leave();
        let r = r?;
        let v = r.map(|_| self.tok_node(start));
        self.memo_put(Rule::Block, start, &v);
        Ok(r)
    }

    fn block_inner(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.kind(Kind::Newline)?.is_none() || self.kind(Kind::Indent)?.is_none() {
                break 'a;
            }
            if self.statements()?.is_none() || self.kind(Kind::Dedent)?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.simple_stmts()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            if self.kind(Kind::Newline)?.is_some() && !self.at_kind(Kind::Indent)? {
                return Err(self.raise_last(ErrType::Indentation, "expected an indented block"));
            }
            self.mark = m;
        }
        Ok(None)
    }

    /// `NEWLINE !INDENT` after a block header: IndentationError.
    fn expect_indent_after(&mut self, what: &str, line: u32) -> Result<bool, Stop> {
        let m = self.mark;
        if self.kind(Kind::Newline)?.is_some() && !self.at_kind(Kind::Indent)? {
            return Err(self.raise_last(
                ErrType::Indentation,
                format!("expected an indented block after {what} on line {line}"),
            ));
        }
        self.mark = m;
        Ok(false)
    }

    /// `decorators: ('@' named_expression NEWLINE)+`.
    fn decorators(&mut self) -> R<()> {
        let mut n = 0;
        loop {
            let m = self.mark;
            if self.op("@")?.is_some() && self.named_expression()?.is_some() && self.kind(Kind::Newline)?.is_some() {
                n += 1;
                continue;
            }
            self.mark = m;
            break;
        }
        Ok((n > 0).then_some(()))
    }

    fn class_def(&mut self) -> R<()> {
        let m = self.mark;
        if self.decorators()?.is_some() && self.class_def_raw()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        self.class_def_raw()
    }

    fn class_def_raw(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(c) = self.kw("class")? else { break 'inv };
                if self.name()?.is_none() {
                    break 'inv;
                }
                let m2 = self.mark;
                if !(self.op("(")?.is_some() && {
                    self.arguments()?;
                    self.op(")")?.is_some()
                }) {
                    self.mark = m2;
                }
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    let line = self.t.tokens[c].line;
                    self.expect_indent_after("class definition", line)?;
                }
            }
            self.mark = m;
        }
        'a: {
            if self.kw("class")?.is_none() || self.name()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.op("(")?.is_some() && {
                self.arguments()?;
                self.op(")")?.is_some()
            }) {
                self.mark = m2;
            }
            if self.op(":")?.is_none() || self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn function_def(&mut self) -> R<()> {
        let m = self.mark;
        if self.decorators()?.is_some() && self.function_def_raw()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        self.function_def_raw()
    }

    fn function_def_raw(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                self.kw("async")?;
                let Some(d) = self.kw("def")? else { break 'inv };
                if self.name()?.is_none() || self.op("(")?.is_none() {
                    break 'inv;
                }
                self.params()?;
                if self.op(")")?.is_none() {
                    break 'inv;
                }
                let m2 = self.mark;
                if !(self.op("->")?.is_some() && self.expression()?.is_some()) {
                    self.mark = m2;
                }
                if self.op(":")?.is_none() {
                    break 'inv;
                }
                let line = self.t.tokens[d].line;
                self.expect_indent_after("function definition", line)?;
            }
            self.mark = m;
        }
        'a: {
            self.kw("async")?;
            if self.kw("def")?.is_none() || self.name()?.is_none() {
                break 'a;
            }
            self.forced_op("(")?;
            self.params()?;
            if self.op(")")?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.op("->")?.is_some() && self.expression()?.is_some()) {
                self.mark = m2;
            }
            self.forced_op(":")?;
            if self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    /// `&&'x'`: the token must be there, or "expected 'x'".
    pub(super) fn forced_op(&mut self, op: &str) -> Result<(), Stop> {
        if self.op(op)?.is_some() {
            return Ok(());
        }
        let t = self.tok_node(self.mark);
        Err(self.raise_node(&t, format!("expected '{op}'")))
    }

    fn if_stmt(&mut self) -> R<()> {
        self.enter()?;
        let r = self.cond_stmt("if");
        self.leave();
        r
    }

    /// `if_stmt` and `elif_stmt`, which only differ by their keyword.
    fn cond_stmt(&mut self, kw: &str) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw(kw)? else { break 'inv };
                if self.named_expression()?.is_none() {
                    break 'inv;
                }
                let line = self.t.tokens[k].line;
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    self.expect_indent_after(&format!("'{kw}' statement"), line)?;
                }
            }
            self.mark = m;
        }
        'a: {
            if self.kw(kw)?.is_none() || self.named_expression()?.is_none() || self.op(":")?.is_none() {
                break 'a;
            }
            if self.block()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if self.at_kw("elif")? {
                self.enter()?;
                let r = self.cond_stmt("elif");
                self.leave();
                if r?.is_some() {
                    return Ok(Some(()));
                }
            }
            self.mark = m2;
            if self.else_block()?.is_none() {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn else_block(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("else")? else { break 'inv };
                if self.op(":")?.is_none() {
                    break 'inv;
                }
                let line = self.t.tokens[k].line;
                self.expect_indent_after("'else' statement", line)?;
            }
            self.mark = m;
        }
        if self.kw("else")?.is_none() {
            return Ok(None);
        }
        self.forced_op(":")?;
        if self.block()?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        Ok(Some(()))
    }

    fn while_stmt(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("while")? else { break 'inv };
                if self.named_expression()?.is_none() {
                    break 'inv;
                }
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    let line = self.t.tokens[k].line;
                    self.expect_indent_after("'while' statement", line)?;
                }
            }
            self.mark = m;
        }
        'a: {
            if self.kw("while")?.is_none() || self.named_expression()?.is_none() || self.op(":")?.is_none() {
                break 'a;
            }
            if self.block()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if self.else_block()?.is_none() {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn for_stmt(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                self.kw("async")?;
                let Some(k) = self.kw("for")? else { break 'inv };
                if self.star_targets()?.is_none() || self.kw("in")?.is_none() || self.star_expressions()?.is_none() {
                    break 'inv;
                }
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    let line = self.t.tokens[k].line;
                    self.expect_indent_after("'for' statement", line)?;
                }
            }
            self.mark = m;
        }
        'a: {
            self.kw("async")?;
            if self.kw("for")?.is_none() || self.star_targets()?.is_none() || self.kw("in")?.is_none() {
                break 'a;
            }
            // Cut after 'in'.
            if self.star_expressions()?.is_none() || self.op(":")?.is_none() || self.block()?.is_none() {
                self.mark = m;
                return Ok(None);
            }
            let m2 = self.mark;
            if self.else_block()?.is_none() {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_for_target()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn with_stmt(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            self.invalid_with_stmt_indent()?;
            self.mark = m;
        }
        // ASYNC? 'with' '(' ','.with_item+ ','? ')' ':' block
        'a: {
            self.kw("async")?;
            if self.kw("with")?.is_none() || self.op("(")?.is_none() {
                break 'a;
            }
            if self.with_items()?.is_none() {
                break 'a;
            }
            self.op(",")?;
            if self.op(")")?.is_none() || self.op(":")?.is_none() || self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        'b: {
            self.kw("async")?;
            if self.kw("with")?.is_none() || self.with_items()?.is_none() || self.op(":")?.is_none() {
                break 'b;
            }
            if self.block()?.is_none() {
                break 'b;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_with_stmt()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn with_items(&mut self) -> R<()> {
        if self.with_item()?.is_none() {
            return Ok(None);
        }
        loop {
            let m = self.mark;
            if self.op(",")?.is_some() && self.with_item()?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(Some(()));
        }
    }

    fn with_item(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.expression()?.is_none() || self.kw("as")?.is_none() || self.star_target()?.is_none() {
                break 'a;
            }
            if !self.at_any(&[",", ")", ":"])? {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            // expression 'as' a=expression &(',' | ')' | ':')
            'inv: {
                if self.expression()?.is_none() || self.kw("as")?.is_none() {
                    break 'inv;
                }
                let Some(a) = self.expression()? else { break 'inv };
                if !self.at_any(&[",", ")", ":"])? {
                    break 'inv;
                }
                self.raise_invalid_target(super::Targets::Star, &a)?;
            }
            self.mark = m;
        }
        if self.expression()?.is_some() {
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn try_stmt(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            self.invalid_try_stmt()?;
            self.mark = m;
        }
        'a: {
            if self.kw("try")?.is_none() {
                break 'a;
            }
            self.forced_op(":")?;
            if self.block()?.is_none() {
                break 'a;
            }
            let after = self.mark;
            if self.finally_block()?.is_some() {
                return Ok(Some(()));
            }
            self.mark = after;
            for star in [false, true] {
                self.mark = after;
                let mut n = 0;
                loop {
                    let m2 = self.mark;
                    let r = if star { self.except_star_block()? } else { self.except_block()? };
                    if r.is_none() {
                        self.mark = m2;
                        break;
                    }
                    n += 1;
                }
                if n == 0 {
                    continue;
                }
                let m2 = self.mark;
                if self.else_block()?.is_none() {
                    self.mark = m2;
                }
                let m2 = self.mark;
                if self.finally_block()?.is_none() {
                    self.mark = m2;
                }
                return Ok(Some(()));
            }
        }
        self.mark = m;
        Ok(None)
    }

    pub(super) fn except_block(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            // invalid_except_stmt_indent
            'inv: {
                let Some(k) = self.kw("except")? else { break 'inv };
                let m2 = self.mark;
                let ok = 'e: {
                    if self.expression()?.is_none() {
                        break 'e false;
                    }
                    let m3 = self.mark;
                    if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                        self.mark = m3;
                    }
                    self.op(":")?.is_some()
                };
                let ok = ok || {
                    self.mark = m2;
                    self.op(":")?.is_some()
                };
                if !ok {
                    break 'inv;
                }
                let line = self.t.tokens[k].line;
                self.expect_indent_after("'except' statement", line)?;
            }
            self.mark = m;
        }
        'a: {
            if self.kw("except")?.is_none() || self.expression()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                self.mark = m2;
            }
            if self.op(":")?.is_none() || self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        'b: {
            if self.kw("except")?.is_none() || self.op(":")?.is_none() || self.block()?.is_none() {
                break 'b;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_except_stmt()?;
            self.mark = m;
        }
        Ok(None)
    }

    pub(super) fn except_star_block(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("except")? else { break 'inv };
                if self.op("*")?.is_none() || self.expression()?.is_none() {
                    break 'inv;
                }
                let m3 = self.mark;
                if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                    self.mark = m3;
                }
                if self.op(":")?.is_none() {
                    break 'inv;
                }
                let line = self.t.tokens[k].line;
                self.expect_indent_after("'except*' statement", line)?;
            }
            self.mark = m;
        }
        'a: {
            if self.kw("except")?.is_none() || self.op("*")?.is_none() || self.expression()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if !(self.kw("as")?.is_some() && self.name()?.is_some()) {
                self.mark = m2;
            }
            if self.op(":")?.is_none() || self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            self.invalid_except_stmt()?;
            self.mark = m;
        }
        Ok(None)
    }

    fn finally_block(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("finally")? else { break 'inv };
                if self.op(":")?.is_none() {
                    break 'inv;
                }
                let line = self.t.tokens[k].line;
                self.expect_indent_after("'finally' statement", line)?;
            }
            self.mark = m;
        }
        if self.kw("finally")?.is_none() {
            return Ok(None);
        }
        self.forced_op(":")?;
        if self.block()?.is_none() {
            self.mark = m;
            return Ok(None);
        }
        Ok(Some(()))
    }

    // ---- match ----

    fn match_stmt(&mut self) -> R<()> {
        let m = self.mark;
        'a: {
            if self.kw("match")?.is_none() || self.subject_expr()?.is_none() || self.op(":")?.is_none() {
                break 'a;
            }
            if self.kind(Kind::Newline)?.is_none() || self.kind(Kind::Indent)?.is_none() {
                break 'a;
            }
            let mut n = 0;
            while self.case_block()?.is_some() {
                n += 1;
            }
            if n == 0 || self.kind(Kind::Dedent)?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("match")? else { break 'inv };
                if self.subject_expr()?.is_none() {
                    break 'inv;
                }
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    let line = self.t.tokens[k].line;
                    self.expect_indent_after("'match' statement", line)?;
                }
            }
            self.mark = m;
        }
        Ok(None)
    }

    fn subject_expr(&mut self) -> R<()> {
        let m = self.mark;
        if self.star_named_expression()?.is_some() && self.op(",")?.is_some() {
            let m2 = self.mark;
            if self.star_named_expressions()?.is_none() {
                self.mark = m2;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(self.named_expression()?.map(|_| ()))
    }

    fn case_block(&mut self) -> R<()> {
        let m = self.mark;
        if self.invalid {
            'inv: {
                let Some(k) = self.kw("case")? else { break 'inv };
                if self.patterns()?.is_none() {
                    break 'inv;
                }
                let m2 = self.mark;
                if self.guard()?.is_none() {
                    self.mark = m2;
                }
                if self.at_kind(Kind::Newline)? {
                    self.mark += 1;
                    return Err(self.raise_last(ErrType::Syntax, "expected ':'"));
                }
                if self.op(":")?.is_some() {
                    let line = self.t.tokens[k].line;
                    self.expect_indent_after("'case' statement", line)?;
                }
            }
            self.mark = m;
        }
        'a: {
            if self.kw("case")?.is_none() || self.patterns()?.is_none() {
                break 'a;
            }
            let m2 = self.mark;
            if self.guard()?.is_none() {
                self.mark = m2;
            }
            if self.op(":")?.is_none() || self.block()?.is_none() {
                break 'a;
            }
            return Ok(Some(()));
        }
        self.mark = m;
        Ok(None)
    }

    fn guard(&mut self) -> R<()> {
        if self.kw("if")?.is_none() {
            return Ok(None);
        }
        Ok(self.named_expression()?.map(|_| ()))
    }
}
