//! Statements: assignment, control flow, definitions, exceptions, `with`, imports.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use stitch_core::instr::{Op, binop, make_function_flags};
use stitch_core::layout::code_flags;

use super::{Compiler, FBlock, R, docstring, has_annotations};
use crate::code::Constant;
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> R {
        self.enter_nested(s.range())?;
        self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.leave_nested();
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::COPY, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(r.range);
                self.emit(Op::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Op::PRINT_EXPR, 0);
                    return Ok(());
                }
                // A constant expression statement has no effect.
                if is_constant_expr(&e.value) {
                    self.emit(Op::NOP, 0);
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Op::POP_TOP, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::TypeAlias(t) => Err(self.err("invalid syntax", t.range)),
            Stmt::IpyEscapeCommand(e) => Err(self.err("invalid syntax", e.range)),
        }
    }

    // ---- definitions ----

    fn decorators(&mut self, decs: &'a [ast::Decorator]) -> R {
        for d in decs {
            self.set_loc(d.expression.range());
            self.expr(&d.expression)?;
            self.emit(Op::PUSH_NULL, 0);
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decs: &'a [ast::Decorator]) {
        for d in decs.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Op::CALL, 1);
        }
    }

    /// Pushes the defaults tuple and keyword-defaults dict; returns the
    /// `MAKE_FUNCTION` flags for them.
    pub(crate) fn defaults(&mut self, p: &'a ast::Parameters) -> Result<u32, crate::CompileError> {
        let mut flags = 0;
        let positional: Vec<&ast::ParameterWithDefault> =
            p.posonlyargs.iter().chain(&p.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BUILD_TUPLE, defaults.len() as u32);
            flags |= make_function_flags::DEFAULTS;
        }
        let kwdefaults: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| {
                a.default
                    .as_deref()
                    .map(|d| (a.parameter.name.id.as_str(), d))
            })
            .collect();
        if !kwdefaults.is_empty() {
            let class = self.class_name();
            for (name, d) in &kwdefaults {
                self.load_const(Constant::Str(super::mangle(class.as_deref(), name)));
                self.expr(d)?;
            }
            self.emit(Op::BUILD_MAP, kwdefaults.len() as u32);
            flags |= make_function_flags::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the annotations dict of a function, if it has any.
    fn annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<u32, crate::CompileError> {
        let class = self.class_name();
        let mut n = 0;
        let mut all: Vec<&'a ast::Parameter> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            all.push(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            all.push(v);
        }
        for a in &p.kwonlyargs {
            all.push(&a.parameter);
        }
        if let Some(k) = &p.kwarg {
            all.push(k);
        }
        for prm in all {
            if let Some(a) = &prm.annotation {
                self.load_const(Constant::Str(super::mangle(class.as_deref(), &prm.name.id)));
                self.annotation_expr(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.annotation_expr(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BUILD_MAP, n);
        Ok(make_function_flags::ANNOTATIONS)
    }

    fn annotation_expr(&mut self, e: &'a Expr) -> R {
        self.expr(e)
    }

    fn set_params(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= code_flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= code_flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        self.decorators(&f.decorator_list)?;
        self.set_loc(f.range);
        let firstlineno = f
            .decorator_list
            .first()
            .map(|d| self.line_of(d.range))
            .unwrap_or_else(|| self.line_of(f.range));
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.table.scope_for(f.range);
        let qualname = self.qualname_for(&f.name);
        self.enter_unit(scope, &f.name, qualname, firstlineno);
        self.set_params(&f.parameters);
        self.set_loc(f.range);
        self.prologue();
        let mut body: &[Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            self.unit().docstring = Some(doc);
            body = &body[1..];
        }
        self.stmts(body)?;
        self.implicit_return();
        let code = self.leave_unit()?;
        self.set_loc(f.range);
        self.make_closure(code, flags);
        self.apply_decorators(&f.decorator_list);
        self.set_loc(f.range);
        self.name_op(&f.name, ast::ExprContext::Store);
        Ok(())
    }

    /// `return None` at the end of a body that can fall off its end.
    pub(crate) fn implicit_return(&mut self) {
        self.load_const(Constant::None);
        self.emit(Op::RETURN_VALUE, 0);
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        self.decorators(&c.decorator_list)?;
        self.set_loc(c.range);
        let firstlineno = c
            .decorator_list
            .first()
            .map(|d| self.line_of(d.range))
            .unwrap_or_else(|| self.line_of(c.range));
        self.emit(Op::LOAD_SPECIAL, 0);
        self.emit(Op::PUSH_NULL, 0);
        let scope = self.table.scope_for(c.range);
        let qualname = self.qualname_for(&c.name);
        self.enter_unit(scope, &c.name, qualname.clone(), firstlineno);
        self.set_loc(c.range);
        self.prologue();
        self.name_op("__name__", ast::ExprContext::Load);
        self.name_op("__module__", ast::ExprContext::Store);
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", ast::ExprContext::Store);
        if has_annotations(&c.body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        let mut body: &[Stmt] = &c.body;
        if let Some(doc) = docstring(body) {
            self.set_loc(body[0].range());
            self.load_const(Constant::Str(doc));
            self.name_op("__doc__", ast::ExprContext::Store);
            body = &body[1..];
        }
        self.stmts(body)?;
        self.set_loc(c.range);
        if self.table.scopes[scope].needs_class_cell {
            let slot = self.closure_slot("__class__").unwrap_or(0);
            self.emit(Op::LOAD_CLOSURE, slot);
            self.emit(Op::COPY, 1);
            self.name_op("__classcell__", ast::ExprContext::Store);
            self.emit(Op::RETURN_VALUE, 0);
        } else {
            self.implicit_return();
        }
        let code = self.leave_unit()?;
        self.set_loc(c.range);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.id.to_string()));
        match &c.arguments {
            Some(args) => self.call_args(args, 2, c.range)?,
            None => self.emit(Op::CALL, 2),
        }
        self.apply_decorators(&c.decorator_list);
        self.set_loc(c.range);
        self.name_op(&c.name, ast::ExprContext::Store);
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R {
        let is_async_gen = self.unit().flags & code_flags::ASYNC_GENERATOR != 0;
        if let Some(v) = &r.value
            && is_async_gen
        {
            return Err(self.err("'return' with value in async generator", v.range()));
        }
        match &r.value {
            Some(v) if !is_constant_expr(v) => {
                self.expr(v)?;
                self.set_loc(r.range);
                self.unwind_all(true)?;
            }
            _ => {
                self.unwind_all(false)?;
                self.set_loc(r.range);
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
            }
        }
        self.set_loc(r.range);
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    // ---- assignment ----

    /// Stores the value on top of the stack into `target`.
    pub fn store_target(&mut self, t: &'a Expr) -> R {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => {
                self.name_op(&n.id, ast::ExprContext::Store);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a.range, a);
                let i = self.mangled_name_index(&a.attr);
                self.emit(Op::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, t.range())?;
            }
            Expr::Starred(s) => {
                return Err(self.err(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                ));
            }
            _ => return Err(self.err(format!("cannot assign to {}", describe(t)), t.range())),
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], range: TextRange) -> R {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if elts
            .iter()
            .filter(|e| matches!(e, Expr::Starred(_)))
            .count()
            > 1
        {
            return Err(self.err("multiple starred expressions in assignment", range));
        }
        self.set_loc(range);
        match star {
            Some(i) => {
                let before = i as u32;
                let after = (elts.len() - i - 1) as u32;
                if before >= 256 || after >= (1 << 24) {
                    return Err(
                        self.err("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.emit(Op::UNPACK_EX, before | (after << 8));
            }
            None => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a.range, a);
                let i = self.mangled_name_index(&a.attr);
                self.emit(Op::DELETE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::DELETE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.err(format!("cannot delete {}", describe(t)), t.range())),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop::INPLACE + operator_code(a.op);
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.name_op(&n.id, ast::ExprContext::Load);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BINARY_OP, op);
                self.set_loc(n.range);
                self.name_op(&n.id, ast::ExprContext::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::COPY, 1);
                self.set_attr_loc(at.range, at);
                let i = self.mangled_name_index(&at.attr);
                self.emit(Op::LOAD_ATTR, i);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 2);
                self.set_attr_loc(at.range, at);
                self.emit(Op::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.set_loc(s.range);
                self.emit(Op::BINARY_SUBSCR, 0);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.set_loc(s.range);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            t => {
                return Err(self.err(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        describe(t)
                    ),
                    t.range(),
                ));
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let in_fn = self.table.scopes[self.units.last().unwrap().scope].is_function_like();
        match a.target.as_ref() {
            Expr::Name(n) if a.simple => {
                if !in_fn {
                    // __annotations__[name] = annotation
                    self.set_loc(a.range);
                    self.annotation_expr(&a.annotation)?;
                    self.name_op("__annotations__", ast::ExprContext::Load);
                    let class = self.class_name();
                    self.load_const(Constant::Str(super::mangle(class.as_deref(), &n.id)));
                    self.emit(Op::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit(Op::POP_TOP, 0);
                }
                if !in_fn {
                    self.annotation_expr(&a.annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit(Op::POP_TOP, 0);
                    self.expr(&s.slice)?;
                    self.emit(Op::POP_TOP, 0);
                }
                if !in_fn {
                    self.annotation_expr(&a.annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            Expr::Name(_) => {
                if !in_fn {
                    self.annotation_expr(&a.annotation)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            t => {
                return Err(self.err(
                    format!(
                        "only single target (not {}) can be annotated",
                        describe_plural(t)
                    ),
                    t.range(),
                ));
            }
        }
        Ok(())
    }

    // ---- control flow ----

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.stmts(&i.body)?;
        let has_else = !i.elif_else_clauses.is_empty();
        if has_else {
            self.emit_jump(Op::JUMP, end);
        }
        for clause in &i.elif_else_clauses {
            self.bind(next);
            next = self.new_label();
            match &clause.test {
                Some(t) => {
                    self.set_loc(clause.range);
                    self.jump_if(t, false, next)?;
                    self.stmts(&clause.body)?;
                    self.emit_jump(Op::JUMP, end);
                }
                None => {
                    self.stmts(&clause.body)?;
                }
            }
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.new_label();
        let body = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.jump_if(&w.test, false, orelse)?;
        self.bind(body);
        self.set_loc(w.range);
        self.push_fblock(FBlock::WhileLoop { start, exit })?;
        self.stmts(&w.body)?;
        self.unit().fblocks.pop();
        self.set_loc(w.test.range());
        self.emit_jump(Op::JUMP, start);
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.iter_operand(&f.iter)?;
        // CPython 3.11 gives GET_ITER and FOR_ITER the statement's location.
        self.set_loc(f.range);
        self.emit(Op::GET_ITER, 0);
        self.bind(start);
        self.emit_jump(Op::FOR_ITER, cleanup);
        self.store_target(&f.target)?;
        self.set_loc(f.range);
        self.push_fblock(FBlock::ForLoop { start, exit })?;
        self.stmts(&f.body)?;
        self.unit().fblocks.pop();
        self.set_loc(f.target.range());
        self.emit_jump(Op::JUMP, start);
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let except = self.new_label();
        let exit = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Op::GET_AITER, 0);
        self.bind(start);
        self.setup(except, 0);
        self.emit(Op::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.await_loop();
        self.pop_block();
        self.store_target(&f.target)?;
        self.set_loc(f.range);
        self.push_fblock(FBlock::AsyncForLoop { start, exit })?;
        self.stmts(&f.body)?;
        self.unit().fblocks.pop();
        self.emit_jump(Op::JUMP, start);
        self.bind(except);
        // [aiter, exc]
        self.emit(Op::END_ASYNC_FOR, 0);
        self.stmts(&f.orelse)?;
        self.emit_jump(Op::JUMP, end);
        self.bind(exit);
        self.bind(end);
        Ok(())
    }

    fn innermost_loop(&self) -> Option<usize> {
        let u = self.units.last().unwrap();
        u.fblocks.iter().rposition(|f| {
            matches!(
                f,
                FBlock::WhileLoop { .. } | FBlock::ForLoop { .. } | FBlock::AsyncForLoop { .. }
            )
        })
    }

    fn break_stmt(&mut self, range: TextRange) -> R {
        let Some(i) = self.innermost_loop() else {
            return Err(self.err("'break' outside loop", range));
        };
        self.unwind_to(i + 1, false)?;
        let fb = self.unit().fblocks[i].clone();
        self.unwind_one(&fb, false)?;
        let exit = match fb {
            FBlock::WhileLoop { exit, .. }
            | FBlock::ForLoop { exit, .. }
            | FBlock::AsyncForLoop { exit, .. } => exit,
            _ => unreachable!(),
        };
        self.set_loc(range);
        self.emit_jump(Op::JUMP, exit);
        Ok(())
    }

    fn continue_stmt(&mut self, range: TextRange) -> R {
        let Some(i) = self.innermost_loop() else {
            return Err(self.err("'continue' not properly in loop", range));
        };
        self.unwind_to(i + 1, false)?;
        let start = match self.unit().fblocks[i] {
            FBlock::WhileLoop { start, .. }
            | FBlock::ForLoop { start, .. }
            | FBlock::AsyncForLoop { start, .. } => start,
            _ => unreachable!(),
        };
        self.set_loc(range);
        self.emit_jump(Op::JUMP, start);
        Ok(())
    }

    /// Unwinds every fblock of the unit (for `return`).
    fn unwind_all(&mut self, preserve_tos: bool) -> R {
        self.unwind_to(0, preserve_tos)
    }

    /// Unwinds the fblocks above index `keep` (innermost first), restoring them after.
    fn unwind_to(&mut self, keep: usize, preserve_tos: bool) -> R {
        let saved = self.unit().fblocks.clone();
        let result = (|| {
            while self.unit().fblocks.len() > keep {
                let fb = self.unit().fblocks.pop().unwrap();
                self.unwind_one(&fb, preserve_tos)?;
            }
            Ok(())
        })();
        self.unit().fblocks = saved;
        result
    }

    /// Emits the exit code of one fblock (the fblock itself is already popped).
    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match fb {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } | FBlock::AsyncForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::TryExcept => self.pop_block(),
            FBlock::FinallyTry { body } => {
                self.pop_block();
                self.stmts(body)?;
            }
            FBlock::FinallyEnd => {
                // [prev, exc, (tos)]
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.pop_block();
                self.emit(Op::POP_EXCEPT, 0);
            }
            FBlock::With { is_async } => {
                self.pop_block();
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_none(*is_async);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_block();
                }
                self.pop_block();
                if preserve_tos {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
            FBlock::ExceptionHandler => {}
        }
        Ok(())
    }

    /// `[exit]` -> `[]`, calling `exit(None, None, None)` (and awaiting it).
    fn call_exit_none(&mut self, is_async: bool) {
        self.emit(Op::PUSH_NULL, 0);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::CALL, 3);
        if is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.await_loop();
        }
        self.emit(Op::POP_TOP, 0);
    }

    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, ast::ExprContext::Store);
        self.name_op(name, ast::ExprContext::Del);
    }

    // ---- exceptions ----

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let end = self.new_label();
        let exc = self.new_label();
        let cleanup = self.new_label();
        self.setup(exc, 0);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody })?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.pop_block();
        self.stmts(&t.finalbody)?;
        self.emit_jump(Op::JUMP, end);
        // The exception path.
        self.bind(exc);
        self.setup(cleanup, 0);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::RERAISE, 0);
        self.bind(cleanup);
        self.emit_cleanup_reraise();
        self.bind(end);
        Ok(())
    }

    /// `[prev, exc]`: restore `prev` as the handled exception and re-raise `exc`.
    fn emit_cleanup_reraise(&mut self) {
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::RERAISE, 0);
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        if t.is_star {
            return self.try_star(t);
        }
        let end = self.new_label();
        let except = self.new_label();
        let cleanup = self.new_label();
        self.setup(except, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(&t.body)?;
        self.unit().fblocks.pop();
        self.pop_block();
        self.stmts(&t.orelse)?;
        self.emit_jump(Op::JUMP, end);

        self.bind(except);
        self.setup(cleanup, 0);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.err("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.range);
                self.emit(Op::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, next);
            }
            match &h.name {
                Some(name) => {
                    self.name_op(name, ast::ExprContext::Store);
                    let cleanup_body = self.new_label();
                    self.setup(cleanup_body, 0);
                    self.push_fblock(FBlock::HandlerCleanup {
                        name: Some(name.id.to_string()),
                    })?;
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_block();
                    self.pop_block();
                    self.emit(Op::POP_EXCEPT, 0);
                    self.clear_name(name);
                    self.emit_jump(Op::JUMP, end);
                    // An exception inside the handler body: clear the name, re-raise.
                    self.bind(cleanup_body);
                    self.clear_name(name);
                    self.emit(Op::RERAISE, 0);
                }
                None => {
                    self.emit(Op::POP_TOP, 0);
                    self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_block();
                    self.emit(Op::POP_EXCEPT, 0);
                    self.emit_jump(Op::JUMP, end);
                }
            }
            self.bind(next);
        }
        self.unit().fblocks.pop();
        // No clause matched: re-raise.
        self.emit(Op::RERAISE, 0);
        self.bind(cleanup);
        self.emit_cleanup_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T: ...`.
    fn try_star(&mut self, t: &'a ast::StmtTry) -> R {
        let end = self.new_label();
        let except = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.setup(except, 0);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(&t.body)?;
        self.unit().fblocks.pop();
        self.pop_block();
        self.stmts(&t.orelse)?;
        self.emit_jump(Op::JUMP, end);

        // [exc]
        self.bind(except);
        self.setup(cleanup, 0);
        self.emit(Op::PUSH_EXC_INFO, 0);
        // [prev, orig]; keep a copy of orig and a list of what the clauses raise.
        self.emit(Op::COPY, 1);
        self.emit(Op::BUILD_LIST, 0);
        self.emit(Op::SWAP, 2);
        // [prev, orig, raised_list, rest]
        self.push_fblock(FBlock::ExceptionHandler)?;
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let no_match = self.new_label();
            let next = self.new_label();
            let Some(ty) = &h.type_ else {
                return Err(self.err("expected 'except' or 'finally' block", h.range));
            };
            self.expr(ty)?;
            self.set_loc(h.range);
            // [.., rest, T] -> [.., rest', match]
            self.emit(Op::CHECK_EG_MATCH, 0);
            self.emit(Op::COPY, 1);
            self.emit_jump(Op::POP_JUMP_IF_NONE, no_match);
            // [.., rest', match]
            let handler_exc = self.new_label();
            match &h.name {
                Some(name) => self.name_op(name, ast::ExprContext::Store),
                None => self.emit(Op::POP_TOP, 0),
            }
            self.setup(handler_exc, 0);
            self.push_fblock(FBlock::HandlerCleanup {
                name: h.name.as_ref().map(|n| n.id.to_string()),
            })?;
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.pop_block();
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.emit_jump(Op::JUMP, next);
            // The clause raised: [.., rest', raised] -> append raised to the list.
            self.bind(handler_exc);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            // [prev, orig, list, rest', raised]: the list is 2 below the top.
            self.emit(Op::LIST_APPEND, 2);
            self.emit_jump(Op::JUMP, next);
            self.bind(no_match);
            self.emit(Op::POP_TOP, 0);
            self.bind(next);
        }
        self.unit().fblocks.pop();
        // [prev, orig, list, rest]: rest not handled joins the list.
        self.emit(Op::LIST_APPEND, 1);
        self.bind(reraise_star);
        // [prev, orig, list]
        self.emit(Op::PREP_RERAISE_STAR, 0);
        // [prev, exc_or_none]
        let nothing = self.new_label();
        self.emit(Op::COPY, 1);
        self.emit_jump(Op::POP_JUMP_IF_NONE, nothing);
        self.emit(Op::RERAISE, 0);
        self.bind(nothing);
        self.emit(Op::POP_TOP, 0);
        self.pop_block();
        self.emit(Op::POP_EXCEPT, 0);
        self.emit_jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit_cleanup_reraise();
        self.bind(end);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> R {
        let ok = self.new_label();
        // CPython 3.11 raises with the location `jump_if` leaves behind: the last
        // comparison tested, else the statement's.
        self.jump_if(&a.test, true, ok)?;
        self.emit(Op::LOAD_SPECIAL, 1);
        if let Some(m) = &a.msg {
            self.emit(Op::PUSH_NULL, 0);
            self.expr(m)?;
            self.emit(Op::CALL, 1);
        }
        self.emit(Op::RAISE_VARARGS, 1);
        self.bind(ok);
        Ok(())
    }

    // ---- with ----

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> R {
        let it = &w.items[item];
        let is_async = w.is_async;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.expr(&it.context_expr)?;
        self.set_loc(w.range);
        if is_async {
            self.emit(Op::BEFORE_ASYNC_WITH, 0);
            self.emit(Op::GET_AWAITABLE, 1);
            self.load_const(Constant::None);
            self.await_loop();
        } else {
            self.emit(Op::BEFORE_WITH, 0);
        }
        // [exit, enter_result]
        self.setup(handler, 1);
        self.push_fblock(FBlock::With { is_async })?;
        match &it.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::POP_TOP, 0),
        }
        if item + 1 < w.items.len() {
            self.with_stmt(w, item + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.unit().fblocks.pop();
        self.set_loc(w.range);
        self.pop_block();
        self.call_exit_none(is_async);
        self.emit_jump(Op::JUMP, end);
        // [exit, exc]
        self.bind(handler);
        self.setup(cleanup, 0);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.emit(Op::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.await_loop();
        }
        self.emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE, 0);
        self.bind(suppress);
        self.emit(Op::POP_TOP, 0);
        self.pop_block();
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::POP_TOP, 0);
        self.emit_jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit_cleanup_reraise();
        self.bind(end);
        Ok(())
    }

    // ---- imports ----

    fn import(&mut self, i: &'a ast::StmtImport) -> R {
        for a in &i.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            let n = self.name_index(&a.name.id);
            self.emit(Op::IMPORT_NAME, n);
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = a.name.id.split('.').collect();
                    for p in &parts[1..] {
                        let pi = self.name_index(p);
                        self.emit(Op::IMPORT_FROM, pi);
                        self.emit(Op::SWAP, 2);
                        self.emit(Op::POP_TOP, 0);
                    }
                    self.name_op(asname, ast::ExprContext::Store);
                }
                None => {
                    let top = a.name.id.split('.').next().unwrap_or("");
                    self.name_op(top, ast::ExprContext::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> R {
        self.load_const(Constant::Int(i.level.into()));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.id.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        let mi = self.name_index(module);
        self.emit(Op::IMPORT_NAME, mi);
        if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
            self.emit(Op::IMPORT_STAR, 0);
            return Ok(());
        }
        for a in &i.names {
            let ni = self.name_index(&a.name.id);
            self.emit(Op::IMPORT_FROM, ni);
            let bound = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(bound, ast::ExprContext::Store);
        }
        self.emit(Op::POP_TOP, 0);
        Ok(())
    }

    /// Index of an attribute name, mangled inside classes.
    pub(crate) fn mangled_name_index(&mut self, name: &str) -> u32 {
        let class = self.class_name();
        let n = super::mangle(class.as_deref(), name);
        self.name_index(&n)
    }

    /// True when compiling at module level of an async-capable context.
    #[allow(dead_code)]
    pub(crate) fn in_class(&self) -> bool {
        self.scope_kind() == ScopeKind::Class
    }
}

/// An expression with no side effects to evaluate (a literal).
pub(crate) fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

pub(crate) fn operator_code(op: ast::Operator) -> u32 {
    use ast::Operator as O;
    match op {
        O::Add => binop::ADD,
        O::Sub => binop::SUB,
        O::Mult => binop::MUL,
        O::MatMult => binop::MATMUL,
        O::Div => binop::TRUEDIV,
        O::Mod => binop::MOD,
        O::Pow => binop::POW,
        O::LShift => binop::LSHIFT,
        O::RShift => binop::RSHIFT,
        O::BitOr => binop::OR,
        O::BitXor => binop::XOR,
        O::BitAnd => binop::AND,
        O::FloorDiv => binop::FLOORDIV,
    }
}

/// How CPython names an expression kind in "cannot assign to ..." messages.
pub(crate) fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::FString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Named(_) => "named expression",
        Expr::Starred(_) => "starred",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Name(_) => "name",
        _ => "expression",
    }
}

fn describe_plural(e: &Expr) -> &'static str {
    match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        _ => describe(e),
    }
}
