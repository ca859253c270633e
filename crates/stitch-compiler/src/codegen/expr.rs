//! Expressions: operators, displays, calls, comprehensions, f-strings, `await` and
//! `yield`, and conditional jumps on boolean expressions.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};
use stitch_core::instr::{Op, cmpop, unaryop};
use stitch_core::layout::code_flags;

use super::stmt::operator_code;
use super::{Compiler, R};
use crate::code::Constant;
use crate::fold;

/// Displays longer than this are built element by element, as CPython does, to keep
/// the value stack small.
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> R {
        self.enter_nested(e.range())?;
        let saved = self.loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.loc = saved;
        self.leave_nested();
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = fold::fold(e, self.int_max_str_digits(), self.src)? {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let jump = if b.op == ast::BoolOp::And {
                    Op::POP_JUMP_IF_FALSE
                } else {
                    Op::POP_JUMP_IF_TRUE
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(Op::COPY, 1);
                        self.emit_jump(jump, end);
                        self.emit(Op::POP_TOP, 0);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::COPY, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_loc(b.range);
                self.emit(Op::BINARY_OP, operator_code(b.op));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::USub => unaryop::NEG,
                    ast::UnaryOp::UAdd => unaryop::POS,
                    ast::UnaryOp::Invert => unaryop::INVERT,
                    ast::UnaryOp::Not => unaryop::NOT,
                };
                self.set_loc(u.range);
                self.emit(Op::UNARY_OP, op);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Op::JUMP, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.sequence_display(&s.elts, Op::BUILD_SET, s.range)?,
            Expr::List(l) => {
                if let ast::ExprContext::Store | ast::ExprContext::Del = l.ctx {
                    return Err(self.err("invalid syntax", l.range));
                }
                self.sequence_display(&l.elts, Op::BUILD_LIST, l.range)?
            }
            Expr::Tuple(t) => self.sequence_display(&t.elts, Op::BUILD_TUPLE, t.range)?,
            Expr::ListComp(c) => {
                self.comprehension(c.range, CompKind::List, &c.generators, &c.elt, None, false)?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, CompKind::Set, &c.generators, &c.elt, None, false)?
            }
            Expr::DictComp(c) => {
                let Some(k) = c.key.as_deref() else {
                    return Err(self.err(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    ));
                };
                self.comprehension(
                    c.range,
                    CompKind::Dict,
                    &c.generators,
                    k,
                    Some(&c.value),
                    false,
                )?
            }
            Expr::Generator(c) => {
                // A call's sole generator argument spans the call's parentheses.
                self.comprehension(
                    c.range,
                    CompKind::Generator,
                    &c.generators,
                    &c.elt,
                    None,
                    !c.parenthesized,
                )?
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.await_loop();
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.set_loc(y.range);
                if self.unit().flags & code_flags::ASYNC_GENERATOR != 0 {
                    self.emit(Op::ASYNC_GEN_WRAP, 0);
                }
                self.emit(Op::YIELD_VALUE, 0);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.set_loc(y.range);
                self.emit(Op::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.await_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return Err(self.err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Literals always fold; reaching here means folding declined.
                return Err(self.err("invalid literal", e.range()));
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a.range, a);
                let i = self.mangled_name_index(&a.attr);
                self.emit(Op::LOAD_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::BINARY_SUBSCR, 0);
            }
            Expr::Starred(s) => {
                return Err(self.err("can't use starred expression here", s.range));
            }
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Load),
            Expr::Slice(s) => {
                let mut n = 2;
                for p in [&s.lower, &s.upper] {
                    match p {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(st) = &s.step {
                    self.expr(st)?;
                    n = 3;
                }
                self.set_loc(s.range);
                self.emit(Op::BUILD_SLICE, n);
            }
            Expr::IpyEscapeCommand(e) => return Err(self.err("invalid syntax", e.range)),
        }
        Ok(())
    }

    pub(crate) fn int_max_str_digits(&self) -> usize {
        4300
    }

    /// `[awaitable, value]` -> `[result]`: the send/yield loop of `await` and
    /// `yield from`.
    pub(crate) fn await_loop(&mut self) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Op::SEND, exit);
        self.emit(Op::YIELD_VALUE, 0);
        self.emit_jump(Op::JUMP, send);
        self.bind(exit);
    }

    /// Jumps to `target` when the truth of `e` equals `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, cond: bool, target: super::super::assemble::Label) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, !cond, target);
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != cond {
                    // and/false or or/true: any operand deciding jumps straight there.
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !cond, skip)?;
                        } else {
                            self.jump_if(v, cond, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.jump_if(&i.body, cond, target)?;
                self.emit_jump(Op::JUMP, end);
                self.bind(orelse);
                self.jump_if(&i.orelse, cond, target)?;
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        // As in CPython 3.11, a comparison leaves its location behind for what
        // follows (an `assert` raises there); other tests do not.
        let saved = self.loc;
        self.expr(e)?;
        self.set_loc(e.range());
        let op = if cond {
            Op::POP_JUMP_IF_TRUE
        } else {
            Op::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, target);
        if !matches!(e, Expr::Compare(_)) {
            self.loc = saved;
        }
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::COMPARE_OP, cmpop::EQ),
            C::NotEq => self.emit(Op::COMPARE_OP, cmpop::NE),
            C::Lt => self.emit(Op::COMPARE_OP, cmpop::LT),
            C::LtE => self.emit(Op::COMPARE_OP, cmpop::LE),
            C::Gt => self.emit(Op::COMPARE_OP, cmpop::GT),
            C::GtE => self.emit(Op::COMPARE_OP, cmpop::GE),
            C::Is => self.emit(Op::IS_OP, 0),
            C::IsNot => self.emit(Op::IS_OP, 1),
            C::In => self.emit(Op::CONTAINS_OP, 0),
            C::NotIn => self.emit(Op::CONTAINS_OP, 1),
        }
    }

    /// An iterated operand (`for`, a comprehension) or the right operand of a
    /// final `in` / `not in`, with CPython's `fold_iter`: a list or set of
    /// constants is a tuple or frozenset constant, another list (no starred
    /// item) is built as a tuple.
    pub(crate) fn iter_operand(&mut self, e: &'a Expr) -> R {
        let saved = self.loc;
        if let Some(c) = fold::iter_constant(e, self.int_max_str_digits(), self.src)? {
            self.set_loc(e.range());
            self.load_const(c);
            self.loc = saved;
            return Ok(());
        }
        if let Expr::List(l) = e
            && l.ctx == ast::ExprContext::Load
            && !l.elts.iter().any(|x| matches!(x, Expr::Starred(_)))
        {
            self.enter_nested(l.range)?;
            self.set_loc(l.range);
            let r = self.sequence_display(&l.elts, Op::BUILD_TUPLE, l.range);
            self.loc = saved;
            self.leave_nested();
            return r;
        }
        self.expr(e)
    }

    /// The comparator at `i`: the last one of an `in` / `not in` is folded as
    /// CPython's AST optimizer does.
    fn comparator(&mut self, c: &'a ast::ExprCompare, i: usize) -> R {
        let last = i + 1 == c.ops.len();
        if last && matches!(c.ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
            return self.iter_operand(&c.comparators[i]);
        }
        self.expr(&c.comparators[i])
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.comparator(c, 0)?;
            self.set_loc(c.range);
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.set_loc(c.range);
            // [a, b] -> [b, a, b] -> [b, a<b]
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            self.compare_op(c.ops[i]);
            self.emit(Op::COPY, 1);
            self.emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
            self.emit(Op::POP_TOP, 0);
        }
        self.comparator(c, n - 1)?;
        self.set_loc(c.range);
        self.compare_op(c.ops[n - 1]);
        self.emit_jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    fn sequence_display(&mut self, elts: &'a [Expr], build: Op, range: TextRange) -> R {
        let (start, append, extend) = match build {
            Op::BUILD_SET => (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE),
            _ => (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND),
        };
        // More than two constants: one constant (a frozenset for a set) merged
        // into an empty list or set, as CPython's `starunpack_helper` does; the
        // set's order is that of the frozenset's table copied.
        if elts.len() > 2
            && let Some(consts) = fold::constants(elts, self.int_max_str_digits(), self.src)?
        {
            self.set_loc(range);
            if build == Op::BUILD_TUPLE {
                self.load_const(Constant::Tuple(consts));
                return Ok(());
            }
            self.emit(start, 0);
            let c = if build == Op::BUILD_SET {
                Constant::FrozenSet(consts)
            } else {
                Constant::Tuple(consts)
            };
            self.load_const(c);
            self.emit(extend, 1);
            return Ok(());
        }
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = elts.len() > STACK_USE_GUIDELINE;
        if !has_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.set_loc(range);
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        // Element by element into a list (or set), then convert.
        self.set_loc(range);
        self.emit(start, 0);
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(e)?;
                    self.emit(append, 1);
                }
            }
        }
        self.set_loc(range);
        if build == Op::BUILD_TUPLE {
            self.emit(Op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> R {
        let mut pending = 0u32;
        let mut built = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    if built {
                        self.expr(k)?;
                        self.expr(&item.value)?;
                        self.emit(Op::MAP_ADD, 1);
                    } else {
                        self.expr(k)?;
                        self.expr(&item.value)?;
                        pending += 1;
                        if pending as usize >= STACK_USE_GUIDELINE / 2 {
                            self.emit(Op::BUILD_MAP, pending);
                            pending = 0;
                            built = true;
                        }
                    }
                }
                None => {
                    if !built {
                        self.emit(Op::BUILD_MAP, pending);
                        pending = 0;
                        built = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Op::DICT_UPDATE, 1);
                }
            }
        }
        if !built {
            self.set_loc(d.range);
            self.emit(Op::BUILD_MAP, pending);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        let range = c.range();
        match c.func.as_ref() {
            // Calls on attributes use `LOAD_METHOD`: no bound method object is made.
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a.range, a);
                let i = self.mangled_name_index(&a.attr);
                self.emit(Op::LOAD_METHOD, i);
                // The call itself starts at the method name too (CPython 3.11).
                self.set_attr_loc(range, a);
                let loc = self.loc;
                return self.call_args_at(&c.arguments, 0, loc);
            }
            f => {
                self.expr(f)?;
                self.emit(Op::PUSH_NULL, 0);
            }
        }
        self.call_args(&c.arguments, 0, range)
    }

    /// Pushes the arguments and emits the call; `prefix` arguments are already on
    /// the stack (above the callable and its self slot).
    pub(crate) fn call_args(
        &mut self,
        args: &'a ast::Arguments,
        prefix: u32,
        range: TextRange,
    ) -> R {
        let loc = self.src.location(range);
        self.call_args_at(args, prefix, loc)
    }

    /// [`Self::call_args`] with the call instruction's location given.
    fn call_args_at(
        &mut self,
        args: &'a ast::Arguments,
        prefix: u32,
        loc: crate::code::Location,
    ) -> R {
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = args.keywords.iter().any(|k| k.arg.is_none());
        let mut seen = std::collections::HashSet::new();
        for k in args.keywords.iter() {
            if let Some(name) = &k.arg
                && !seen.insert(name.id.as_str())
            {
                return Err(self.err(format!("keyword argument repeated: {}", name.id), k.range));
            }
        }
        if !has_star && !has_dstar {
            for a in args.args.iter() {
                self.expr(a)?;
            }
            let n = prefix + args.args.len() as u32;
            if args.keywords.is_empty() {
                self.loc = loc;
                self.emit(Op::CALL, n);
            } else {
                let mut names = Vec::new();
                for k in args.keywords.iter() {
                    self.expr(&k.value)?;
                    names.push(Constant::Str(k.arg.as_ref().unwrap().id.to_string()));
                }
                self.loc = loc;
                let nk = names.len() as u32;
                self.load_const(Constant::Tuple(names));
                self.emit(Op::CALL_KW, n + nk);
            }
            return Ok(());
        }
        // General form: a tuple of positional arguments and a dict of keywords. A lone
        // `*args` is passed as it is (CALL_EX makes the tuple, naming the function in
        // its error).
        if prefix == 0
            && let [Expr::Starred(s)] = &args.args[..]
        {
            self.expr(&s.value)?;
        } else {
            self.star_args_tuple(args, prefix)?;
        }
        self.call_kwargs(args, loc)
    }

    fn star_args_tuple(&mut self, args: &'a ast::Arguments, prefix: u32) -> R {
        self.emit(Op::BUILD_LIST, prefix);
        for a in args.args.iter() {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::LIST_EXTEND, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::LIST_APPEND, 1);
                }
            }
        }
        self.emit(Op::LIST_TO_TUPLE, 0);
        Ok(())
    }

    fn call_kwargs(&mut self, args: &'a ast::Arguments, loc: crate::code::Location) -> R {
        if args.keywords.is_empty() {
            self.emit(Op::PUSH_NULL, 0);
        } else {
            self.emit(Op::BUILD_MAP, 0);
            for k in args.keywords.iter() {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Constant::Str(name.id.to_string()));
                        self.expr(&k.value)?;
                        self.emit(Op::MAP_ADD, 1);
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DICT_MERGE, 1);
                    }
                }
            }
        }
        self.loc = loc;
        self.emit(Op::CALL_EX, 0);
        Ok(())
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        self.lambda_body(l, l.parameters.as_deref())
    }

    fn lambda_body(&mut self, l: &'a ast::ExprLambda, params: Option<&'a ast::Parameters>) -> R {
        let flags = match params {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let scope = self.table.scope_for(l.range);
        let qualname = self.qualname_for("<lambda>");
        let line = self.line_of(l.range);
        self.enter_unit(scope, "<lambda>", qualname, line);
        if let Some(p) = params {
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
        self.set_loc(l.range);
        self.prologue();
        self.expr(&l.body)?;
        self.set_loc(l.body.range());
        if self.unit().flags & code_flags::GENERATOR != 0 {
            self.emit(Op::POP_TOP, 0);
            self.load_const(Constant::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.leave_unit()?;
        self.set_loc(l.range);
        self.make_closure(code, flags);
        Ok(())
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        widen: bool,
    ) -> R {
        let scope = self.table.scope_for(range);
        // A call's sole generator argument spans the call's parentheses (CPython's
        // location for it).
        let range = if widen {
            self.src.widen_to_parens(range)
        } else {
            range
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let line = self.line_of(range);
        let outer_is_async =
            self.unit().flags & (code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0;
        self.enter_unit(scope, name, qualname, line);
        let sc = &self.table.scopes[scope];
        let is_async = sc.is_async_comprehension;
        if is_async && kind == CompKind::Generator {
            let u = self.unit();
            u.flags &= !code_flags::GENERATOR;
            u.flags |= code_flags::ASYNC_GENERATOR;
        }
        if is_async && kind != CompKind::Generator && !outer_is_async {
            return Err(self.err(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        self.unit().argcount = 1;
        self.set_loc(range);
        self.prologue();
        match kind {
            CompKind::List => self.emit(Op::BUILD_LIST, 0),
            CompKind::Set => self.emit(Op::BUILD_SET, 0),
            CompKind::Dict => self.emit(Op::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.comprehension_loop(kind, gens, 0, elt, value, range)?;
        self.set_loc(range);
        if kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.leave_unit()?;
        self.set_loc(range);
        self.make_closure(code, 0);
        self.emit(Op::PUSH_NULL, 0);
        self.iter_operand(&gens[0].iter)?;
        self.set_loc(range);
        if gens[0].is_async {
            self.emit(Op::GET_AITER, 0);
        } else {
            self.emit(Op::GET_ITER, 0);
        }
        self.emit(Op::CALL, 1);
        if is_async && kind != CompKind::Generator {
            self.emit(Op::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.await_loop();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: TextRange,
    ) -> R {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.iter_operand(&g.iter)?;
            // CPython 3.11: the comprehension's location, for the loop too.
            self.set_loc(range);
            self.emit(
                if g.is_async {
                    Op::GET_AITER
                } else {
                    Op::GET_ITER
                },
                0,
            );
        }
        self.bind(start);
        let except = self.new_label();
        if g.is_async {
            self.setup(except, 0);
            self.emit(Op::GET_ANEXT, 0);
            self.load_const(Constant::None);
            self.await_loop();
            self.pop_block();
        } else {
            self.set_loc(range);
            self.emit_jump(Op::FOR_ITER, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comprehension_loop(kind, gens, i + 1, elt, value, range)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.set_loc(range);
                    self.emit(Op::LIST_APPEND, depth);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.set_loc(range);
                    self.emit(Op::SET_ADD, depth);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.set_loc(range);
                    self.emit(Op::MAP_ADD, depth);
                }
                CompKind::Generator => {
                    self.expr(elt)?;
                    self.set_loc(range);
                    if self.unit().flags & code_flags::ASYNC_GENERATOR != 0 {
                        self.emit(Op::ASYNC_GEN_WRAP, 0);
                    }
                    self.emit(Op::YIELD_VALUE, 0);
                    self.emit(Op::POP_TOP, 0);
                }
            }
        }
        self.emit_jump(Op::JUMP, start);
        if g.is_async {
            self.bind(except);
            self.emit(Op::END_ASYNC_FOR, 0);
        }
        self.bind(end);
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut parts = FStringParts::default();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => parts.literal(&s.value),
                ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut parts)?,
            }
        }
        self.finish_parts(parts, f.range);
        Ok(())
    }

    fn finish_parts(&mut self, mut parts: FStringParts, range: TextRange) {
        parts.flush(self);
        self.set_loc(range);
        match parts.count {
            0 => self.load_const(Constant::Str(String::new())),
            1 => {}
            n => self.emit(Op::BUILD_STRING, n),
        }
    }

    fn fstring_elements(
        &mut self,
        els: &'a ast::InterpolatedStringElements,
        parts: &mut FStringParts,
    ) -> R {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => parts.literal(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = &self.src.text()[i.expression.range().start().to_usize()
                            ..i.expression.range().end().to_usize()];
                        parts.literal(&format!("{}{}{}", d.leading(), text, d.trailing()));
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    parts.flush(self);
                    self.expr(&i.expression)?;
                    let mut flags = conv;
                    if let Some(spec) = &i.format_spec {
                        let mut sp = FStringParts::default();
                        self.fstring_elements(&spec.elements, &mut sp)?;
                        self.finish_parts(sp, spec.range);
                        flags |= 4;
                    }
                    self.set_loc(i.range);
                    self.emit(Op::FORMAT_VALUE, flags);
                    parts.count += 1;
                }
            }
        }
        Ok(())
    }
}

/// Accumulates the pieces of an f-string, merging adjacent literal text.
#[derive(Default)]
struct FStringParts {
    pending: String,
    count: u32,
}

impl FStringParts {
    fn literal(&mut self, s: &str) {
        self.pending.push_str(s);
    }
    fn flush(&mut self, c: &mut Compiler<'_>) {
        if !self.pending.is_empty() {
            let s = std::mem::take(&mut self.pending);
            c.load_const(Constant::Str(s));
            self.count += 1;
        }
    }
}
