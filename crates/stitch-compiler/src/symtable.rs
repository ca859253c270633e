//! Symbol tables: which scope each name belongs to (local, global, free, cell), which
//! functions are generators or coroutines, and the scope-related syntax errors.
//!
//! Two passes, as Python defines them: a builder walks the AST recording how each
//! scope uses each name; then an analysis resolves names from the outside in,
//! turning free variables of inner functions into cells of the function that binds
//! them. Scopes are keyed by the source range of the node that opens them.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

use crate::error::CompileError;
use crate::source::SourceMap;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_IMPORT: u32 = 32;
pub const DEF_ANNOT: u32 = 64;
pub const DEF_COMP_ITER: u32 = 128;
/// A class-body name that an inner scope reads as a free variable.
pub const DEF_FREE_CLASS: u32 = 256;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub resolved: Resolved,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Symbols in order of first appearance.
    pub order: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    pub children: Vec<usize>,
    /// Parameter names in order (positional, keyword-only, *args, **kwargs).
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A class body whose methods use `__class__` or `super`: it gets a `__class__` cell.
    pub needs_class_cell: bool,
    /// Comprehension: async (it awaits or uses `async for`).
    pub is_async_comprehension: bool,
    pub range: TextRange,
    /// Where each name was declared global or nonlocal (the statement), for errors.
    pub directives: HashMap<String, TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            symbols: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            is_async_comprehension: false,
            range,
            directives: HashMap::new(),
        }
    }
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.symbols.get(name)
    }
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// All scopes of a module; scope 0 is the module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope opened by the node with this range.
    pub fn scope_for(&self, range: TextRange) -> usize {
        self.by_range[&(range.start().to_u32(), range.end().to_u32())]
    }
}

/// Builds and analyses the symbol table of a module.
pub fn build(body: &[Stmt], src: &SourceMap) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", TextRange::default())],
        stack: vec![0],
        by_range: HashMap::new(),
        src,
        comprehension_iter_targets: Vec::new(),
    };
    for s in body {
        b.stmt(s)?;
    }
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_range: b.by_range,
    };
    analyze(&mut table, src)?;
    Ok(table)
}

struct Builder<'a> {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    src: &'a SourceMap,
    /// Iteration variables of the comprehensions being visited (innermost last).
    comprehension_iter_targets: Vec<HashSet<String>>,
}

type R = Result<(), CompileError>;

impl Builder<'_> {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::syntax(msg, self.src.span(range))
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let id = *self.stack.last().unwrap();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: usize, name: &str, flag: u32, range: TextRange) -> R {
        let scope = &mut self.scopes[id];
        match scope.symbols.get_mut(name) {
            Some(sym) => {
                if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                    return Err(self.err(
                        format!("duplicate argument '{name}' in function definition"),
                        range,
                    ));
                }
                sym.flags |= flag;
            }
            None => {
                scope.order.push(name.to_string());
                scope.symbols.insert(
                    name.to_string(),
                    Symbol {
                        flags: flag,
                        resolved: Resolved::GlobalImplicit,
                    },
                );
            }
        }
        Ok(())
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, range));
        let parent = *self.stack.last().unwrap();
        self.scopes[parent].children.push(id);
        self.by_range
            .insert((range.start().to_u32(), range.end().to_u32()), id);
        self.stack.push(id);
        id
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                self.param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.push_scope(ScopeKind::Function, &f.name, f.range);
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.pop_scope();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.push_scope(ScopeKind::Class, &c.name, c.range);
                self.stmts(&c.body)?;
                self.pop_scope();
            }
            Stmt::Return(r) => {
                if !self.cur().is_function_like() {
                    return Err(self.err("'return' outside function", r.range));
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                self.expr(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    let sym = self.cur().symbols.get(n.id.as_str()).map(|s| s.flags);
                    if let Some(fl) = sym
                        && fl & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && a.simple
                    {
                        let what = if fl & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(
                            format!("annotated name '{}' can't be {what}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_LOCAL | DEF_ANNOT, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                if !self.cur().is_function_like() || !a.simple {
                    self.expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::TypeAlias(t) => {
                return Err(self.err("invalid syntax", t.range));
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
                if f.is_async {
                    self.check_async(f.range, "'async for' outside async function")?;
                }
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
                if w.is_async {
                    self.check_async(w.range, "'async with' outside async function")?;
                }
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&bound, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(&bound.id, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n, DEF_GLOBAL, g.range)?;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(self.err("nonlocal declaration not allowed at module level", g.range));
                }
                for n in &g.names {
                    self.declare(n, DEF_NONLOCAL, g.range)?;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(self.err("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn declare(&mut self, n: &ast::Identifier, flag: u32, range: TextRange) -> R {
        let kw = if flag == DEF_GLOBAL { "global" } else { "nonlocal" };
        if let Some(sym) = self.cur().symbols.get(n.id.as_str()) {
            let fl = sym.flags;
            let other = if flag == DEF_GLOBAL { DEF_NONLOCAL } else { DEF_GLOBAL };
            let msg = if fl & DEF_PARAM != 0 {
                Some(format!("name '{}' is parameter and {kw}", n.id))
            } else if fl & other != 0 {
                Some(format!("name '{}' is nonlocal and global", n.id))
            } else if fl & DEF_ANNOT != 0 {
                Some(format!("annotated name '{}' can't be {kw}", n.id))
            } else if fl & (DEF_LOCAL | DEF_IMPORT) != 0 {
                Some(format!("name '{}' is assigned to before {kw} declaration", n.id))
            } else if fl & USE != 0 {
                Some(format!("name '{}' is used prior to {kw} declaration", n.id))
            } else {
                None
            };
            if let Some(m) = msg {
                return Err(self.err(m, range));
            }
        }
        self.cur().directives.entry(n.id.to_string()).or_insert(range);
        self.add_def(&n.id, flag, n.range)
    }

    fn check_async(&self, range: TextRange, msg: &str) -> R {
        let s = &self.scopes[*self.stack.last().unwrap()];
        if s.is_coroutine || (s.kind == ScopeKind::Comprehension) {
            Ok(())
        } else {
            Err(self.err(msg, range))
        }
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> R {
        for d in p.iter_non_variadic_params() {
            if let Some(def) = &d.default {
                self.expr(def)?;
            }
        }
        Ok(())
    }

    fn param_annotations(&mut self, p: &ast::Parameters) -> R {
        for d in p.iter_non_variadic_params() {
            if let Some(a) = &d.parameter.annotation {
                self.expr(a)?;
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(a) = &v.annotation {
                self.expr(a)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> R {
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            names.push(&a.parameter);
        }
        for a in &p.kwonlyargs {
            names.push(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            names.push(v);
        }
        if let Some(k) = &p.kwarg {
            names.push(k);
        }
        // CPython's order: positional, keyword-only, then *args, then **kwargs.
        let mut ordered: Vec<&ast::Parameter> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            ordered.push(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            ordered.push(v);
        }
        if let Some(k) = &p.kwarg {
            ordered.push(k);
        }
        for prm in ordered {
            self.add_def(&prm.name, DEF_PARAM, prm.name.range)?;
            self.cur().params.push(prm.name.id.to_string());
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.named_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                self.push_scope(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.pop_scope();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.comprehension(c.range, "<listcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, "<setcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension(c.range, "<dictcomp>", &c.generators, &elts, false)?
            }
            Expr::Generator(c) => {
                self.comprehension(c.range, "<genexpr>", &c.generators, &[&c.elt], true)?
            }
            Expr::Await(a) => {
                let i = *self.stack.last().unwrap();
                let s = &self.scopes[i];
                if s.kind == ScopeKind::Comprehension {
                    self.scopes[i].is_async_comprehension = true;
                } else if !s.is_coroutine {
                    let msg = if s.is_function_like() {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(self.err(msg, a.range));
                }
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.mark_yield(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.mark_yield(y.range)?;
                if self.cur().is_coroutine {
                    return Err(self.err("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(self.err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range)?;
                // `super()` and `__class__` in a method need the class cell.
                if n.ctx == ast::ExprContext::Load
                    && self.cur().is_function_like()
                    && (n.id.as_str() == "super" || n.id.as_str() == "__class__")
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
            Expr::IpyEscapeCommand(e) => return Err(self.err("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> R {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> R {
        let i = *self.stack.last().unwrap();
        match self.scopes[i].kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                self.scopes[i].is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => {
                let what = &self.scopes[i].name;
                let kind = match what.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.err(format!("'yield' inside {kind}"), range))
            }
            _ => Err(self.err("'yield' outside function", range)),
        }
    }

    /// The target of `:=`: inside a comprehension it binds in the nearest enclosing
    /// function or module scope.
    fn named_target(&mut self, target: &Expr) -> R {
        let Expr::Name(n) = target else {
            return self.expr(target);
        };
        let name = n.id.as_str();
        let cur = *self.stack.last().unwrap();
        if self.scopes[cur].kind != ScopeKind::Comprehension {
            return self.add_def(name, DEF_LOCAL, n.range);
        }
        if self.comprehension_iter_targets.iter().any(|s| s.contains(name)) {
            return Err(self.err(
                format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                n.range,
            ));
        }
        // Walk out to the first non-comprehension scope.
        for depth in (0..self.stack.len()).rev() {
            let id = self.stack[depth];
            match self.scopes[id].kind {
                ScopeKind::Comprehension => continue,
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
                ScopeKind::Module | ScopeKind::Function | ScopeKind::Lambda => {
                    // Bound in the enclosing scope; global (module) or free (function)
                    // in the comprehensions between.
                    let inner = if self.scopes[id].kind == ScopeKind::Module {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def_in(id, name, DEF_LOCAL, n.range)?;
                    for d in depth + 1..self.stack.len() {
                        let cid = self.stack[d];
                        self.add_def_in(cid, name, inner, n.range)?;
                    }
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        name: &str,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) -> R {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let id = self.push_scope(ScopeKind::Comprehension, name, range);
        self.scopes[id].is_generator = is_generator;
        self.add_def(".0", DEF_PARAM, range)?;
        self.scopes[id].params.push(".0".to_string());
        let mut targets = HashSet::new();
        for g in gens {
            collect_names(&g.target, &mut targets);
        }
        self.comprehension_iter_targets.push(targets);
        let result = (|| {
            for (i, g) in gens.iter().enumerate() {
                if g.is_async {
                    self.scopes[id].is_async_comprehension = true;
                }
                self.expr(&g.target)?;
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                for cond in &g.ifs {
                    self.expr(cond)?;
                }
            }
            for e in elts {
                self.expr(e)?;
            }
            Ok(())
        })();
        self.comprehension_iter_targets.pop();
        self.pop_scope();
        result
    }

    fn pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, r.range)?;
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }
}

fn collect_names(e: &Expr, out: &mut HashSet<String>) {
    match e {
        Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::List(t) => t.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::Starred(s) => collect_names(&s.value, out),
        _ => {}
    }
}

/// Resolves every name (the second pass).
fn analyze(table: &mut SymbolTable, src: &SourceMap) -> Result<(), CompileError> {
    analyze_scope(table, 0, &HashSet::new(), &HashSet::new(), src)?;
    Ok(())
}

/// Returns the names free in scope `id` (to be provided by enclosing scopes).
fn analyze_scope(
    table: &mut SymbolTable,
    id: usize,
    bound: &HashSet<String>,
    global: &HashSet<String>,
    src: &SourceMap,
) -> Result<HashSet<String>, CompileError> {
    let kind = table.scopes[id].kind;
    let mut local = HashSet::new();
    let mut free = HashSet::new();
    let mut new_global = global.clone();
    let mut new_bound = bound.clone();
    let names = table.scopes[id].order.clone();
    for name in &names {
        let flags = table.scopes[id].symbols[name].flags;
        let resolved = if flags & DEF_GLOBAL != 0 {
            new_global.insert(name.clone());
            new_bound.remove(name);
            Resolved::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(name) {
                let at = table.scopes[id].directives.get(name).copied().unwrap_or(table.scopes[id].range);
                return Err(CompileError::syntax(format!("no binding for nonlocal '{name}' found"), src.span(at)));
            }
            free.insert(name.clone());
            Resolved::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            new_global.remove(name);
            Resolved::Local
        } else if bound.contains(name) {
            free.insert(name.clone());
            Resolved::Free
        } else {
            Resolved::GlobalImplicit
        };
        table.scopes[id].symbols.get_mut(name).unwrap().resolved = resolved;
    }
    match kind {
        ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
            for l in &local {
                new_bound.insert(l.clone());
            }
        }
        ScopeKind::Class => {
            // Class-level names are not visible to inner scopes.
        }
        ScopeKind::Module => {}
    }
    if kind == ScopeKind::Class {
        // Methods may refer to __class__ through the class's implicit cell.
        new_bound.insert("__class__".to_string());
    }
    let children = table.scopes[id].children.clone();
    let mut child_free = HashSet::new();
    for c in children {
        let f = analyze_scope(table, c, &new_bound, &new_global, src)?;
        child_free.extend(f);
    }
    match kind {
        ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
            // Locals that inner scopes close over become cells.
            for name in child_free.clone() {
                if local.contains(&name) {
                    table.scopes[id].symbols.get_mut(&name).unwrap().resolved = Resolved::Cell;
                    child_free.remove(&name);
                }
            }
        }
        ScopeKind::Class => {
            if child_free.remove("__class__") {
                table.scopes[id].needs_class_cell = true;
            }
        }
        ScopeKind::Module => {}
    }
    // Names free in children pass through this scope.
    for name in child_free {
        let scope = &mut table.scopes[id];
        match scope.symbols.get_mut(&name) {
            Some(sym) => {
                if kind == ScopeKind::Class && sym.resolved != Resolved::Free {
                    // A class-local name that is also free for a method: the class
                    // body reads it through a cell it receives, the name stays local.
                    sym.flags |= DEF_FREE_CLASS;
                    if !matches!(sym.resolved, Resolved::GlobalExplicit) {
                        free.insert(name.clone());
                    }
                } else if sym.resolved == Resolved::GlobalImplicit
                    || sym.resolved == Resolved::Free
                {
                    sym.resolved = Resolved::Free;
                    free.insert(name.clone());
                } else if sym.resolved == Resolved::GlobalExplicit {
                    // `global x` here; the inner scope resolved x against an outer binding
                    // that this declaration hides: keep it free outward.
                    free.insert(name.clone());
                }
            }
            None => {
                if kind != ScopeKind::Module {
                    scope.order.push(name.clone());
                    scope.symbols.insert(
                        name.clone(),
                        Symbol {
                            flags: DEF_FREE_CLASS * (kind == ScopeKind::Class) as u32,
                            resolved: Resolved::Free,
                        },
                    );
                    free.insert(name);
                }
            }
        }
    }
    Ok(free)
}

/// Builds the symbol table of a single expression (`eval` mode).
pub fn build_for_expression(e: &Expr, src: &SourceMap) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", TextRange::default())],
        stack: vec![0],
        by_range: HashMap::new(),
        src,
        comprehension_iter_targets: Vec::new(),
    };
    b.expr(e)?;
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_range: b.by_range,
    };
    analyze(&mut table, src)?;
    Ok(table)
}
