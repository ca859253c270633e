//! Code generation: AST to an instruction list with labels and block pseudo-ops,
//! one [`Unit`] per code object. `stmt.rs` and `expr.rs` hold the statement and
//! expression cases, `pattern.rs` the `match` statement; `assemble.rs` (a sibling
//! module) turns a finished unit into a `CodeUnit`.

mod expr;
mod pattern;
mod stmt;

use std::collections::HashMap;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use stitch_core::instr::Op;
use stitch_core::layout::code_flags;

use crate::assemble::{self, Ir, IrKind, Label};
use crate::code::{CodeUnit, Constant, Location};
use crate::error::CompileError;
use crate::source::SourceMap;
use crate::symtable::{DEF_FREE_CLASS, Resolved, ScopeKind, SymbolTable};

pub(crate) type R = Result<(), CompileError>;

/// Deepest nesting of expressions and statements the compiler accepts before it
/// raises `RecursionError` (CPython's limit on the C stack plays this role).
const MAX_NESTING: u32 = 7100;

/// What a `break`, `continue` or `return` must unwind on its way out.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    AsyncForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { is_async: bool },
    HandlerCleanup { name: Option<String> },
    ExceptionHandler,
}

/// A code object being compiled.
pub(crate) struct Unit<'a> {
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub ir: Vec<Ir>,
    pub consts: Vec<Constant>,
    const_map: HashMap<String, u32>,
    pub names: Vec<String>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Slot of each local, cell and free name.
    slots: HashMap<String, u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub next_label: u32,
    pub docstring: Option<String>,
}

pub(crate) struct Compiler<'a> {
    pub src: &'a SourceMap,
    pub table: &'a SymbolTable,
    pub filename: String,
    pub units: Vec<Unit<'a>>,
    pub loc: Location,
    depth: u32,
    /// Compiling an interactive-mode or `eval` unit that prints/returns expressions.
    pub interactive: bool,
}

impl<'a> Compiler<'a> {
    pub fn new(src: &'a SourceMap, table: &'a SymbolTable, filename: &str) -> Self {
        Compiler {
            src,
            table,
            filename: filename.to_string(),
            units: Vec::new(),
            loc: Location::default(),
            depth: 0,
            interactive: false,
        }
    }

    // ---- units ----

    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    pub fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().unwrap().scope].kind
    }

    /// Starts compiling the code object of scope `scope`.
    pub fn enter_unit(&mut self, scope: usize, name: &str, qualname: String, firstlineno: u32) {
        let sc = &self.table.scopes[scope];
        let mut u = Unit {
            scope,
            name: name.to_string(),
            qualname,
            ir: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            slots: HashMap::new(),
            fblocks: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            firstlineno,
            next_label: 0,
            docstring: None,
        };
        if sc.is_function_like() {
            // Parameters first, then the other plain locals in order of appearance.
            for p in &sc.params {
                u.slots.insert(p.clone(), u.varnames.len() as u32);
                u.varnames.push(p.clone());
            }
            for n in &sc.order {
                let sym = &sc.symbols[n];
                if sym.resolved == Resolved::Local && !u.slots.contains_key(n) {
                    u.slots.insert(n.clone(), u.varnames.len() as u32);
                    u.varnames.push(n.clone());
                }
            }
        }
        let mut cells: Vec<String> = sc
            .order
            .iter()
            .filter(|n| sc.symbols[*n].resolved == Resolved::Cell && !sc.params.contains(n))
            .cloned()
            .collect();
        if sc.kind == ScopeKind::Class && sc.needs_class_cell {
            cells.push("__class__".to_string());
        }
        let mut frees: Vec<String> = sc
            .order
            .iter()
            .filter(|n| {
                let s = &sc.symbols[*n];
                s.resolved == Resolved::Free
                    || (s.flags & DEF_FREE_CLASS != 0 && sc.kind == ScopeKind::Class)
            })
            .cloned()
            .collect();
        // CPython sorts cell and free variable names.
        cells.sort();
        frees.sort();
        let nlocals = u.varnames.len() as u32;
        for (i, c) in cells.iter().enumerate() {
            u.slots.insert(c.clone(), nlocals + i as u32);
        }
        let ncells = cells.len() as u32;
        for (i, f) in frees.iter().enumerate() {
            if !u.slots.contains_key(f) || sc.kind == ScopeKind::Class {
                u.slots
                    .insert(format!("\0free:{f}"), nlocals + ncells + i as u32);
                u.slots
                    .entry(f.clone())
                    .or_insert(nlocals + ncells + i as u32);
            }
        }
        u.cellvars = cells;
        u.freevars = frees;
        if sc.is_generator && sc.is_coroutine {
            u.flags |= code_flags::ASYNC_GENERATOR;
        } else if sc.is_generator {
            u.flags |= code_flags::GENERATOR;
        } else if sc.is_coroutine
            || (sc.kind == ScopeKind::Comprehension && sc.is_async_comprehension)
        {
            u.flags |= code_flags::COROUTINE;
        }
        if !sc.is_function_like() {
            u.flags |= code_flags::NAMESPACE;
        }
        self.units.push(u);
    }

    /// Emits the prologue every code object starts with: cells, free variables and,
    /// for generators, the switch to a generator object.
    pub fn prologue(&mut self) {
        let sc = &self.table.scopes[self.units.last().unwrap().scope];
        let is_class = sc.kind == ScopeKind::Class;
        let cell_params: Vec<u32> = sc
            .params
            .iter()
            .filter(|p| sc.symbols.get(*p).map(|s| s.resolved) == Some(Resolved::Cell))
            .map(|p| self.units.last().unwrap().slots[p])
            .collect();
        let u = self.units.last().unwrap();
        let nlocals = u.varnames.len() as u32;
        let ncells = u.cellvars.len() as u32;
        let nfrees = u.freevars.len() as u32;
        for s in cell_params {
            self.emit(Op::MAKE_CELL, s);
        }
        for i in 0..ncells {
            self.emit(Op::MAKE_CELL, nlocals + i);
        }
        if nfrees > 0 {
            self.emit(Op::COPY_FREE_VARS, nfrees);
        }
        let _ = is_class;
        let flags = self.unit().flags;
        if flags & (code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR)
            != 0
        {
            self.emit(Op::RETURN_GENERATOR, 0);
            self.emit(Op::POP_TOP, 0);
        }
    }

    /// Finishes the innermost unit.
    pub fn leave_unit(&mut self) -> Result<CodeUnit, CompileError> {
        let u = self.units.pop().unwrap();
        assemble::assemble(u, &self.filename)
            .map_err(|msg| CompileError::syntax(msg, crate::error::Span::default()))
    }

    // ---- emitting ----

    pub fn emit(&mut self, op: Op, arg: u32) {
        let loc = self.loc;
        self.unit().ir.push(Ir {
            kind: IrKind::Op(op),
            arg,
            loc,
        });
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        self.emit(op, target.0);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.next_label += 1;
        Label(u.next_label - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let loc = self.loc;
        self.unit().ir.push(Ir {
            kind: IrKind::Label,
            arg: l.0,
            loc,
        });
    }

    /// Starts a protected range handled at `handler`; `adjust` values on the stack now
    /// are not kept when the handler runs.
    pub fn setup(&mut self, handler: Label, adjust: u32) {
        let loc = self.loc;
        self.unit().ir.push(Ir {
            kind: IrKind::Setup { adjust },
            arg: handler.0,
            loc,
        });
    }

    pub fn pop_block(&mut self) {
        let loc = self.loc;
        self.unit().ir.push(Ir {
            kind: IrKind::PopBlock,
            arg: 0,
            loc,
        });
    }

    pub fn const_index(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        let u = self.unit();
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.const_index(c);
        self.emit(Op::LOAD_CONST, i);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_map.insert(name.to_string(), i);
        i
    }

    pub fn set_loc(&mut self, r: TextRange) {
        self.loc = self.src.location(r);
    }

    /// CPython's `update_start_location_to_match_attr`: an attribute access whose
    /// location starts on an earlier line than the attribute name starts at the name.
    pub fn set_attr_loc(&mut self, base: TextRange, a: &ast::ExprAttribute) {
        let mut loc = self.src.location(base);
        let (end_line, end_col) = self.src.line_col(a.range.end());
        if loc.line != end_line {
            loc.line = end_line;
            let len = a.attr.id.chars().count() as u32;
            loc.col = end_col.saturating_sub(len);
        }
        self.loc = loc;
    }

    /// Enters a block (loop, try, with, handler): CPython allows 20 at a time.
    pub fn push_fblock(&mut self, b: FBlock<'a>) -> R {
        if self.unit().fblocks.len() >= 20 {
            let loc = self.loc;
            let char_col = |line: u32, col: u32| -> u32 {
                let t = self.src.line_text(line).unwrap_or("");
                let mut c = (col as usize).min(t.len());
                while !t.is_char_boundary(c) {
                    c -= 1;
                }
                t[..c].chars().count() as u32
            };
            let span = crate::error::Span {
                line: loc.line,
                col: char_col(loc.line, loc.col),
                end_line: loc.end_line,
                end_col: char_col(loc.end_line, loc.end_col),
            };
            return Err(CompileError::syntax(
                "too many statically nested blocks",
                span,
            ));
        }
        self.unit().fblocks.push(b);
        Ok(())
    }

    pub fn err(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        CompileError::syntax(msg, self.src.span(r))
    }

    /// Guards recursion over deeply nested source.
    pub fn enter_nested(&mut self, r: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let mut e = self.err("maximum recursion depth exceeded during compilation", r);
            e.kind = crate::error::ErrorKind::RecursionError;
            return Err(e);
        }
        Ok(())
    }
    pub fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    // ---- names ----

    /// Emits the load, store or delete of `name` according to its scope.
    pub fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let name = mangle(self.class_name().as_deref(), name);
        let scope_id = self.units.last().unwrap().scope;
        let sc = &self.table.scopes[scope_id];
        let resolved = sc.lookup(&name).map(|s| s.resolved);
        let is_fn = sc.is_function_like();
        let is_class = sc.kind == ScopeKind::Class;
        enum Kind {
            Fast,
            Deref,
            Global,
            Name,
        }
        let kind = match resolved {
            Some(Resolved::Free) | Some(Resolved::Cell) => Kind::Deref,
            Some(Resolved::Local) if is_fn => Kind::Fast,
            Some(Resolved::GlobalExplicit) => Kind::Global,
            Some(Resolved::GlobalImplicit) | None if is_fn => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let slot = self.unit().slots[&name];
                let op = match ctx {
                    ast::ExprContext::Load => Op::LOAD_FAST,
                    ast::ExprContext::Del => Op::DELETE_FAST,
                    _ => Op::STORE_FAST,
                };
                self.emit(op, slot);
            }
            Kind::Deref => {
                let u = self.units.last().unwrap();
                let slot = u
                    .slots
                    .get(&format!("\0free:{name}"))
                    .or_else(|| u.slots.get(&name))
                    .copied()
                    .unwrap_or(0);
                let op = match ctx {
                    ast::ExprContext::Load if is_class => {
                        let i = self.name_index(&name);
                        // LOAD_CLASSDEREF's oparg: slot, with the name index above it.
                        self.emit(Op::LOAD_CLASSDEREF, slot | (i << 16));
                        return;
                    }
                    ast::ExprContext::Load => Op::LOAD_DEREF,
                    ast::ExprContext::Del => Op::DELETE_DEREF,
                    _ => Op::STORE_DEREF,
                };
                self.emit(op, slot);
            }
            Kind::Global => {
                let i = self.name_index(&name);
                let op = match ctx {
                    ast::ExprContext::Load => Op::LOAD_GLOBAL,
                    ast::ExprContext::Del => Op::DELETE_GLOBAL,
                    _ => Op::STORE_GLOBAL,
                };
                self.emit(op, i);
            }
            Kind::Name => {
                let i = self.name_index(&name);
                let op = match ctx {
                    ast::ExprContext::Load => Op::LOAD_NAME,
                    ast::ExprContext::Del => Op::DELETE_NAME,
                    _ => Op::STORE_NAME,
                };
                self.emit(op, i);
            }
        }
    }

    /// The slot of a cell or free variable, for `LOAD_CLOSURE`.
    pub fn closure_slot(&self, name: &str) -> Option<u32> {
        let u = self.units.last().unwrap();
        u.slots
            .get(&format!("\0free:{name}"))
            .or_else(|| u.slots.get(name))
            .copied()
    }

    /// The name of the innermost enclosing class, for private name mangling.
    pub fn class_name(&self) -> Option<String> {
        for u in self.units.iter().rev() {
            let sc = &self.table.scopes[u.scope];
            if sc.kind == ScopeKind::Class {
                return Some(u.name.clone());
            }
        }
        None
    }

    /// Qualified name for a new function or class named `name` in the current unit.
    pub fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        let sc = &self.table.scopes[u.scope];
        match sc.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Builds the closure tuple and the function object for the finished `code`.
    pub fn make_closure(&mut self, code: CodeUnit, mut flags: u32) {
        if !code.freevars.is_empty() {
            for f in &code.freevars {
                let slot = self.closure_slot(f).unwrap_or(0);
                self.emit(Op::LOAD_CLOSURE, slot);
            }
            self.emit(Op::BUILD_TUPLE, code.freevars.len() as u32);
            flags |= stitch_core::instr::make_function_flags::CLOSURE;
        }
        let qualname = code.qualname.clone();
        self.load_const(Constant::Code(Box::new(code)));
        self.load_const(Constant::Str(qualname));
        self.emit(Op::MAKE_FUNCTION, flags);
    }

    pub fn line_of(&self, r: TextRange) -> u32 {
        self.src.line_col(r.start()).0
    }
}

/// Private name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(class: Option<&str>, name: &str) -> String {
    let Some(class) = class else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// A key that tells constants apart exactly (`1`, `1.0`, `True`, `0.0`, `-0.0`).
fn const_key(c: &Constant) -> String {
    match c {
        Constant::None => "N".into(),
        Constant::Bool(b) => format!("B{b}"),
        Constant::Int(i) => format!("I{i}"),
        Constant::Float(f) => format!("F{:x}", f.to_bits()),
        Constant::Complex(a, b) => format!("C{:x},{:x}", a.to_bits(), b.to_bits()),
        Constant::Str(s) => format!("S{s}"),
        Constant::Bytes(b) => format!("Y{b:?}"),
        Constant::Tuple(t) => {
            let mut s = String::from("T(");
            for x in t {
                s.push_str(&const_key(x));
                s.push('\u{1}');
            }
            s.push(')');
            s
        }
        // The same items in any order make the same frozenset.
        Constant::FrozenSet(t) => {
            let mut keys: Vec<String> = t.iter().map(const_key).collect();
            keys.sort();
            keys.dedup();
            format!("Z({})", keys.join("\u{1}"))
        }
        Constant::Ellipsis => "E".into(),
        // Code objects are never shared.
        Constant::Code(c) => format!("K{:p}", c.as_ref()),
    }
}

/// Compiles a module body.
pub fn compile_module(
    body: &[Stmt],
    src: &SourceMap,
    table: &SymbolTable,
    filename: &str,
    interactive: bool,
) -> Result<CodeUnit, CompileError> {
    let mut c = Compiler::new(src, table, filename);
    c.interactive = interactive;
    c.enter_unit(0, "<module>", "<module>".to_string(), 1);
    if has_annotations(body) {
        c.emit(Op::SETUP_ANNOTATIONS, 0);
    }
    // A module docstring becomes __doc__.
    let mut rest = body;
    if !interactive && let Some(doc) = docstring(body) {
        c.set_loc(body[0].range());
        c.load_const(Constant::Str(doc));
        c.name_op("__doc__", ast::ExprContext::Store);
        rest = &body[1..];
    }
    if interactive {
        c.stmts(rest)?;
        c.load_const(Constant::None);
        c.emit(Op::RETURN_VALUE, 0);
    } else {
        c.stmts(rest)?;
        // The implicit return has no location of its own; it reuses the last line.
        c.load_const(Constant::None);
        c.emit(Op::RETURN_VALUE, 0);
    }
    c.leave_unit()
}

/// Compiles a single expression (`eval` mode).
pub fn compile_expression(
    body: &Expr,
    src: &SourceMap,
    table: &SymbolTable,
    filename: &str,
) -> Result<CodeUnit, CompileError> {
    let mut c = Compiler::new(src, table, filename);
    c.enter_unit(0, "<module>", "<module>".to_string(), 1);
    c.expr(body)?;
    c.emit(Op::RETURN_VALUE, 0);
    c.leave_unit()
}

/// The docstring of a body, if it starts with a plain string literal.
pub fn docstring(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first()
        && let Expr::StringLiteral(s) = e.value.as_ref()
    {
        return Some(s.value.to_str().to_string());
    }
    None
}

/// True when the body has an annotated assignment at this level (for
/// `SETUP_ANNOTATIONS`), looking into compound statements but not nested scopes.
pub fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}
