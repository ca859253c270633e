//! A recognizer for CPython 3.11's PEG grammar, used only to report syntax errors
//! exactly as CPython does: it parses the tokens of [`crate::tokenize`] with the
//! same rules, in the same order, with the same two passes (the second one with
//! the `invalid_*` rules that produce the specific messages), and raises the same
//! errors at the same places. It builds only what the error messages need: the
//! kind and position of expressions, and a few children.
//!
//! `expr.rs`, `stmt.rs`, `params.rs`, `targets.rs` and `pattern.rs` hold the
//! grammar; `invalid.rs` the `invalid_*` rules; `strings.rs` the checks CPython
//! makes when it turns string tokens into constants.

mod expr;
mod invalid;
mod params;
mod pattern;
mod stmt;
mod strings;
mod targets;

pub use strings::{StrWarning, check_all_strings};

use std::collections::HashMap;
use std::rc::Rc;

use crate::tokenize::{Kind, TokError, Token, Tokens};

/// CPython's parser gives up (MemoryError) this deep.
const MAXSTACK: usize = 6000;

/// Which exception a syntax error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrType {
    Syntax,
    Indentation,
    Tab,
    Memory,
}

/// An error as CPython's parser raises it: 1-based offsets (bytes for parser
/// errors, characters for tokenizer errors), the line whose text is shown.
#[derive(Clone, Debug)]
pub struct PegError {
    pub ty: ErrType,
    pub msg: String,
    pub line: u32,
    pub offset: i64,
    pub end_line: u32,
    pub end_offset: i64,
    /// Offsets are byte offsets (converted to characters when the source has a
    /// declared encoding or is a string, as CPython does).
    pub byte_offsets: bool,
    /// Raised by the tokenizer (those take priority differently).
    pub from_tokenizer: bool,
    /// Text to show instead of the source line (the tokenizer's own line).
    pub text: Option<String>,
    /// The line the tokenizer was on when the error was raised (reading a string,
    /// CPython's error text keeps its newline only up to there).
    pub tok_line: u32,
}

/// Marks that an error has been raised (it is in `Parser::err`).
#[derive(Debug)]
pub struct Stop;

pub type R<T> = Result<Option<T>, Stop>;

/// A constant's kind, for `_PyPegen_get_expr_name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Other,
}

/// A keyword argument of a call (`arg` is None for `**x`).
#[derive(Clone, Debug)]
pub struct Keyword {
    pub arg: Option<String>,
}

/// One `for ... in ... if ...` clause.
#[derive(Clone, Debug)]
pub struct Comp {
    pub iter: N,
    pub ifs: Vec<N>,
}

/// Expression kinds (only what error messages look at).
#[derive(Clone, Debug)]
pub enum NK {
    Name(String),
    Const(Const),
    JoinedStr,
    Attribute,
    Subscript,
    Starred(N),
    List(Vec<N>),
    Tuple(Vec<N>),
    Set,
    Dict,
    Call {
        args: Vec<N>,
        keywords: Vec<Keyword>,
    },
    BinOp,
    BoolOp,
    UnaryOp,
    Lambda,
    IfExp,
    ListComp,
    SetComp,
    DictComp,
    GenExp,
    Await,
    Yield,
    YieldFrom,
    Compare {
        left: N,
        first_is_in: bool,
    },
    NamedExpr,
    Slice,
}

/// An expression with CPython's position (byte columns).
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NK,
    pub line: u32,
    pub col: i32,
    pub end_line: u32,
    pub end_col: i32,
}

pub type N = Rc<Node>;

impl Node {
    /// `_PyPegen_get_expr_name`.
    pub fn name(&self) -> &'static str {
        match &self.kind {
            NK::Attribute => "attribute",
            NK::Subscript => "subscript",
            NK::Starred(_) => "starred",
            NK::Name(_) => "name",
            NK::List(_) => "list",
            NK::Tuple(_) => "tuple",
            NK::Lambda => "lambda",
            NK::Call { .. } => "function call",
            NK::BoolOp | NK::BinOp | NK::UnaryOp => "expression",
            NK::GenExp => "generator expression",
            NK::Yield | NK::YieldFrom => "yield expression",
            NK::Await => "await expression",
            NK::ListComp => "list comprehension",
            NK::SetComp => "set comprehension",
            NK::DictComp => "dict comprehension",
            NK::Dict => "dict literal",
            NK::Set => "set display",
            NK::JoinedStr => "f-string expression",
            NK::Const(Const::None) => "None",
            NK::Const(Const::True) => "True",
            NK::Const(Const::False) => "False",
            NK::Const(Const::Ellipsis) => "ellipsis",
            NK::Const(Const::Other) => "literal",
            NK::Compare { .. } => "comparison",
            NK::IfExp => "conditional expression",
            NK::NamedExpr => "named expression",
            NK::Slice => "slice",
        }
    }
}

/// Which targets an invalid target is searched for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Targets {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`.
pub fn invalid_target(e: &N, ty: Targets) -> Option<N> {
    match &e.kind {
        NK::List(elts) | NK::Tuple(elts) => elts.iter().find_map(|x| invalid_target(x, ty)),
        NK::Starred(v) => {
            if ty == Targets::Del {
                Some(e.clone())
            } else {
                invalid_target(v, ty)
            }
        }
        NK::Compare { left, first_is_in } => {
            if ty == Targets::For {
                if *first_is_in {
                    invalid_target(left, ty)
                } else {
                    None
                }
            } else {
                Some(e.clone())
            }
        }
        NK::Name(_) | NK::Subscript | NK::Attribute => None,
        _ => Some(e.clone()),
    }
}

/// Memoized results, per rule.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Rule {
    Expression,
    Disjunction,
    Conjunction,
    Inversion,
    BitwiseOr,
    StarExpression,
    StarTarget,
    TargetWithStarAtom,
    DelTarget,
    Factor,
    AwaitPrimary,
    TPrimary,
    Strings,
    Arguments,
    Block,
    SimpleStmt,
    InvalidNamedExpression,
}

type Memo = (Option<N>, usize);

pub struct Parser<'t> {
    pub t: &'t Tokens,
    pub mark: usize,
    pub fill: usize,
    pub invalid: bool,
    level: usize,
    memo: HashMap<(Rule, usize), Memo>,
    pub err: Option<PegError>,
    /// The source is a file (columns of end-of-file tokens differ from strings).
    pub file_input: bool,
    /// The invalid_ rules are off for a dict key, until the next bracket.
    pub soft_off: bool,
    /// Where string literals' warnings are collected (when wanted).
    pub str_warnings: Option<Vec<strings::StrWarning>>,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

impl<'t> Parser<'t> {
    pub fn new(t: &'t Tokens) -> Self {
        Parser {
            t,
            mark: 0,
            fill: 0,
            invalid: false,
            level: 0,
            memo: HashMap::new(),
            err: None,
            file_input: false,
            soft_off: false,
            str_warnings: None,
        }
    }

    /// Back to the start, with the invalid_ rules on.
    pub(crate) fn reset_for_second_pass(&mut self) {
        self.mark = 0;
        self.memo.clear();
        self.invalid = true;
        self.soft_off = false;
        self.level = 0;
    }

    // ---- depth ----

    pub(crate) fn enter(&mut self) -> Result<(), Stop> {
        self.level += 1;
        if self.level >= MAXSTACK {
            if self.err.is_none() {
                self.err = Some(PegError {
                    ty: ErrType::Memory,
                    msg: String::new(),
                    line: 0,
                    offset: 0,
                    end_line: 0,
                    end_offset: 0,
                    byte_offsets: false,
                    from_tokenizer: true,
                    text: None,
                    tok_line: 0,
                });
            }
            self.level -= 1;
            return Err(Stop);
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.level -= 1;
    }

    // ---- tokens ----

    /// The token at index `i`, fetching it (a tokenizer error is raised here).
    pub(crate) fn tok(&mut self, i: usize) -> Result<Token, Stop> {
        if self.err.is_some() {
            return Err(Stop);
        }
        if i >= self.t.tokens.len() {
            self.fill = self.fill.max(self.t.tokens.len() + 1);
            self.tokenizer_error();
            return Err(Stop);
        }
        if i >= self.fill {
            self.fill = i + 1;
        }
        Ok(self.t.tokens[i])
    }

    pub(crate) fn cur(&mut self) -> Result<Token, Stop> {
        self.tok(self.mark)
    }

    pub(crate) fn text(&self, t: &Token) -> &'t str {
        &self.t.text[t.start..t.end]
    }

    /// The current token is the operator `op`.
    pub(crate) fn at_op(&mut self, op: &str) -> Result<bool, Stop> {
        let t = self.cur()?;
        Ok(t.kind == Kind::Op && self.text(&t) == op)
    }

    pub(crate) fn at_kw(&mut self, kw: &str) -> Result<bool, Stop> {
        let t = self.cur()?;
        Ok(t.kind == Kind::Name && self.text(&t) == kw)
    }

    pub(crate) fn at_kind(&mut self, k: Kind) -> Result<bool, Stop> {
        Ok(self.cur()?.kind == k)
    }

    /// Consumes the operator `op`, returning its token index.
    pub(crate) fn op(&mut self, op: &str) -> R<usize> {
        if self.at_op(op)? {
            self.mark += 1;
            return Ok(Some(self.mark - 1));
        }
        Ok(None)
    }

    /// Consumes the (hard or soft) keyword `kw`.
    pub(crate) fn kw(&mut self, kw: &str) -> R<usize> {
        if self.at_kw(kw)? {
            self.mark += 1;
            return Ok(Some(self.mark - 1));
        }
        Ok(None)
    }

    pub(crate) fn kind(&mut self, k: Kind) -> R<usize> {
        if self.at_kind(k)? {
            self.mark += 1;
            return Ok(Some(self.mark - 1));
        }
        Ok(None)
    }

    /// A NAME that is not a keyword.
    pub(crate) fn name(&mut self) -> R<N> {
        let t = self.cur()?;
        if t.kind == Kind::Name && !is_keyword(self.text(&t)) {
            self.mark += 1;
            let s = self.text(&t).to_string();
            return Ok(Some(self.node_of_token(NK::Name(s), &t)));
        }
        Ok(None)
    }

    pub(crate) fn number(&mut self) -> R<usize> {
        self.kind(Kind::Number)
    }

    /// Runs `f` without consuming anything; true when it matched.
    pub(crate) fn lookahead<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> Result<bool, Stop> {
        let m = self.mark;
        let r = f(self)?;
        self.mark = m;
        Ok(r.is_some())
    }

    /// Checks that one of `ops` (operators or keywords) is next, without consuming.
    pub(crate) fn at_any(&mut self, ops: &[&str]) -> Result<bool, Stop> {
        let t = self.cur()?;
        let s = self.text(&t);
        Ok(matches!(t.kind, Kind::Op | Kind::Name) && ops.contains(&s))
    }

    // ---- nodes ----

    pub(crate) fn node_of_token(&self, kind: NK, t: &Token) -> N {
        Rc::new(Node {
            kind,
            line: t.line,
            col: t.col,
            end_line: t.end_line,
            end_col: t.end_col,
        })
    }

    /// A node from the token at `start` to the last token consumed (CPython's EXTRA).
    pub(crate) fn node(&self, kind: NK, start: usize) -> N {
        let s = self.t.tokens.get(start).copied();
        let e = self.last_token();
        let (line, col) = s.map(|t| (t.line, t.col)).unwrap_or((1, 0));
        let (end_line, end_col) = e.map(|t| (t.end_line, t.end_col)).unwrap_or((line, col));
        Rc::new(Node {
            kind,
            line,
            col,
            end_line,
            end_col,
        })
    }

    /// `_PyPegen_get_last_nonnwhitespace_token`.
    fn last_token(&self) -> Option<Token> {
        let mut m = self.mark;
        let mut last = None;
        while m > 0 {
            m -= 1;
            let Some(t) = self.t.tokens.get(m) else {
                continue;
            };
            last = Some(*t);
            if !matches!(
                t.kind,
                Kind::EndMarker | Kind::Newline | Kind::Indent | Kind::Dedent
            ) {
                break;
            }
        }
        last
    }

    // ---- memo ----

    pub(crate) fn memo_get(&mut self, r: Rule) -> Option<Option<N>> {
        let (v, end) = self.memo.get(&(r, self.mark))?.clone();
        self.mark = end;
        Some(v)
    }

    pub(crate) fn memo_put(&mut self, r: Rule, start: usize, v: &Option<N>) {
        self.memo.insert((r, start), (v.clone(), self.mark));
    }

    // ---- errors ----

    fn set_err(&mut self, mut e: PegError) -> Stop {
        if self.err.is_none() {
            if e.tok_line == 0 {
                e.tok_line = self.tok_line_now();
            }
            self.err = Some(e);
        }
        Stop
    }

    /// The tokenizer's line: that of the furthest token fetched.
    pub(crate) fn tok_line_now(&self) -> u32 {
        if self.fill > self.t.tokens.len() {
            return match &self.t.error {
                Some(TokError::Dedent { line, .. })
                | Some(TokError::TabSpace { line })
                | Some(TokError::TooDeep { line })
                | Some(TokError::LineCont { line, .. }) => *line,
                Some(TokError::Raised(r)) => r.line,
                _ => self.t.line_starts.len() as u32,
            };
        }
        self.t
            .tokens
            .get(self.fill.saturating_sub(1))
            .map(|t| t.end_line)
            .unwrap_or(1)
    }

    /// RAISE_ERROR_KNOWN_LOCATION: `col` and `end_col` are 0-based byte columns
    /// (or -1).
    pub(crate) fn raise_at(
        &mut self,
        ty: ErrType,
        msg: impl Into<String>,
        line: u32,
        col: i64,
        end_line: u32,
        end_col: i64,
    ) -> Stop {
        let e = PegError {
            ty,
            msg: msg.into(),
            line,
            offset: col + 1,
            end_line,
            end_offset: end_col + 1,
            byte_offsets: true,
            from_tokenizer: false,
            text: None,
            tok_line: 0,
        };
        self.set_err(e)
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg).
    pub(crate) fn raise_node(&mut self, a: &Node, msg: impl Into<String>) -> Stop {
        self.raise_at(
            ErrType::Syntax,
            msg,
            a.line,
            a.col as i64,
            a.end_line,
            a.end_col as i64,
        )
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg).
    pub(crate) fn raise_range(&mut self, a: &Node, b: &Node, msg: impl Into<String>) -> Stop {
        self.raise_at(
            ErrType::Syntax,
            msg,
            a.line,
            a.col as i64,
            b.end_line,
            b.end_col as i64,
        )
    }

    /// The location of a token as a node (for the macros above).
    pub(crate) fn tok_node(&self, i: usize) -> N {
        let t = self.t.tokens.get(i).copied().unwrap_or(Token {
            kind: Kind::EndMarker,
            start: 0,
            end: 0,
            line: 1,
            col: 0,
            end_line: 1,
            end_col: 0,
            level: 0,
        });
        self.node_of_token(NK::Const(Const::Other), &t)
    }

    /// RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg): from `a` to the tokenizer's position
    /// (the end of the last token fetched).
    pub(crate) fn raise_from(&mut self, a: &Node, msg: impl Into<String>) -> Stop {
        let last = self.t.tokens.get(self.fill.saturating_sub(1)).copied();
        let (el, ec) = last
            .map(|t| (t.end_line, t.end_col as i64))
            .unwrap_or((a.end_line, a.end_col as i64));
        self.raise_at(ErrType::Syntax, msg, a.line, a.col as i64, el, ec - 1)
    }

    /// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
    pub(crate) fn raise_last(&mut self, ty: ErrType, msg: impl Into<String>) -> Stop {
        let i = self.fill.saturating_sub(1);
        let msg = msg.into();
        match self.error_at_token(ty, msg.clone(), i) {
            Some(e) => self.set_err(e),
            None => self.raise_at(ty, msg, 1, -1, 1, -2),
        }
    }

    /// The error `_PyPegen_raise_error` makes at token `i` (the last fetched, or
    /// `known_err_token`).
    pub(crate) fn error_at_token(&self, ty: ErrType, msg: String, i: usize) -> Option<PegError> {
        let t = self.t.tokens.get(i).copied()?;
        let offset = if t.col == -1 {
            self.marker_col(&t)
        } else {
            t.col as i64 + 1
        };
        let end_offset = if t.end_col == -1 {
            -1
        } else {
            t.end_col as i64 + 1
        };
        Some(PegError {
            ty,
            msg,
            line: t.line,
            offset,
            end_line: t.end_line,
            end_offset,
            byte_offsets: true,
            from_tokenizer: false,
            text: None,
            tok_line: self.tok_line_now(),
        })
    }

    /// The column CPython uses for a token without one (INDENT, DEDENT, ENDMARKER):
    /// where the tokenizer stands on that line.
    fn marker_col(&self, t: &Token) -> i64 {
        if t.start >= self.t.text.len() {
            // At the end: reading a file, the tokenizer's buffer is empty; reading a
            // string, it is at the end of the last line.
            if self.file_input {
                return 0;
            }
            return self.t.line_text(t.line).len() as i64 + 1;
        }
        let ls = self
            .t
            .line_starts
            .get(t.line as usize - 1)
            .copied()
            .unwrap_or(0);
        (t.start - ls) as i64
    }

    /// Raises the tokenizer's error (when the parser asks for the token it stopped at).
    fn tokenizer_error(&mut self) {
        let Some(e) = self.t.error.clone() else {
            // Past ENDMARKER: cannot happen with a complete grammar.
            let _ = self.raise_last(ErrType::Syntax, "invalid syntax");
            return;
        };
        let pe = tokenizer_error_of(self.t, &e);
        let _ = self.set_err(pe);
    }

    // ---- the parse ----

    /// `file: [statements] ENDMARKER`.
    fn file(&mut self) -> R<()> {
        self.statements()?;
        if self.kind(Kind::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(()))
    }
}

/// The error the parser raises for a tokenizer error (CPython's
/// `_Pypegen_tokenizer_error` and the tokenizer's own errors).
pub fn tokenizer_error_of(t: &Tokens, e: &TokError) -> PegError {
    let mk = |ty, msg: &str, line: u32, offset: i64, end_offset: i64, bytes: bool| PegError {
        ty,
        msg: msg.to_string(),
        line,
        offset,
        end_line: line,
        end_offset,
        byte_offsets: bytes,
        from_tokenizer: true,
        text: None,
        tok_line: 0,
    };
    match e {
        TokError::Raised(r) => PegError {
            ty: ErrType::Syntax,
            msg: r.msg.clone(),
            line: r.line,
            offset: r.offset,
            end_line: r.end_line,
            end_offset: r.end_offset,
            byte_offsets: false,
            from_tokenizer: true,
            text: Some(r.text.clone()),
            tok_line: 0,
        },
        TokError::Dedent { line, cur } => mk(
            ErrType::Indentation,
            "unindent does not match any outer indentation level",
            *line,
            *cur as i64,
            -1,
            true,
        ),
        TokError::TabSpace { line } => mk(
            ErrType::Tab,
            "inconsistent use of tabs and spaces in indentation",
            *line,
            1,
            0,
            true,
        ),
        TokError::TooDeep { line } => mk(
            ErrType::Indentation,
            "too many levels of indentation",
            *line,
            1,
            0,
            true,
        ),
        TokError::LineCont { line, col } => mk(
            ErrType::Syntax,
            "unexpected character after line continuation character",
            *line,
            *col as i64 + 1,
            0,
            true,
        ),
        TokError::Eof { line, .. } => {
            if let Some(p) = t.parens.last() {
                let msg = format!("'{}' was never closed", p.ch as char);
                mk(ErrType::Syntax, &msg, p.line, p.col as i64 + 1, 0, true)
            } else {
                let len = t.line_text(*line).len() as i64;
                mk(
                    ErrType::Syntax,
                    "unexpected EOF while parsing",
                    *line,
                    len + 1,
                    -1,
                    true,
                )
            }
        }
    }
}

/// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: after a parser
/// error, a later tokenizer error (or a bracket never closed before the error's
/// line) is reported instead.
pub(crate) fn full_source_check(t: &Tokens, err_line: u32) -> Option<PegError> {
    match t.error.as_ref()? {
        e @ TokError::Raised(_) => Some(tokenizer_error_of(t, e)),
        _ => {
            let p = t.parens.last()?;
            if err_line > p.line {
                let msg = format!("'{}' was never closed", p.ch as char);
                Some(PegError {
                    ty: ErrType::Syntax,
                    msg,
                    line: p.line,
                    offset: p.col as i64 + 1,
                    end_line: p.line,
                    end_offset: 0,
                    byte_offsets: true,
                    from_tokenizer: true,
                    text: None,
                    tok_line: t.line_starts.len() as u32,
                })
            } else {
                None
            }
        }
    }
}

/// What parsing the tokens as CPython does found.
#[derive(Default)]
pub struct Diagnosis {
    /// The syntax error reported, if any.
    pub err: Option<PegError>,
    /// The invalid-escape warnings of the strings the first pass parsed (the
    /// second pass gives none).
    pub str_warnings: Vec<StrWarning>,
    /// When the tokenizer did not go on to the end of the source: the byte
    /// offset it reached (its warnings past that were never given).
    pub tok_reached: Option<usize>,
}

/// Parses the tokens as CPython would: the syntax error it reports, if any.
pub fn diagnose(t: &Tokens, file_input: bool) -> Diagnosis {
    diagnose_rule(t, file_input, |p| p.file())
}

/// [`diagnose`] for `eval` input: `expressions NEWLINE* ENDMARKER`.
pub fn diagnose_eval(t: &Tokens, file_input: bool) -> Diagnosis {
    diagnose_rule(t, file_input, |p| {
        if p.expressions()?.is_none() {
            return Ok(None);
        }
        while p.kind(Kind::Newline)?.is_some() {}
        Ok(p.kind(Kind::EndMarker)?.map(|_| ()))
    })
}

fn diagnose_rule(t: &Tokens, file_input: bool, rule: fn(&mut Parser) -> R<()>) -> Diagnosis {
    let mut p = Parser::new(t);
    p.file_input = file_input;
    p.str_warnings = Some(Vec::new());
    let ok = matches!(rule(&mut p), Ok(Some(())));
    let str_warnings = p.str_warnings.take().unwrap_or_default();
    let mut d = Diagnosis {
        err: None,
        str_warnings,
        tok_reached: None,
    };
    if ok {
        return d;
    }
    let last_token = p.fill.saturating_sub(1);
    if let Some(e) = p.err.take() {
        d.err = Some(finish_raised(&p, e));
        return d;
    }
    // Second pass, with the invalid_ rules.
    p.reset_for_second_pass();
    let _ = rule(&mut p);
    if let Some(e) = p.err.take() {
        d.err = Some(finish_raised(&p, e));
        return d;
    }
    let lt = t.tokens.get(last_token).copied();
    let err = match lt {
        Some(tok) if tok.kind == Kind::Indent || tok.kind == Kind::Dedent => {
            // Reported as it is: no later tokenizer error takes its place, and
            // the tokenizer stops where the parser left it.
            let msg = if tok.kind == Kind::Indent {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            let _ = p.raise_last(ErrType::Indentation, msg);
            d.err = p.err.take();
            d.tok_reached = Some(t.tokens.get(p.fill.saturating_sub(1)).map_or(0, |t| t.end));
            return d;
        }
        Some(tok) => PegError {
            ty: ErrType::Syntax,
            msg: "invalid syntax".into(),
            line: tok.line,
            offset: tok.col as i64 + 1,
            end_line: tok.end_line,
            end_offset: tok.end_col as i64 + 1,
            byte_offsets: true,
            from_tokenizer: false,
            text: None,
            tok_line: 0,
        },
        None => return d,
    };
    let mut err = err;
    err.tok_line = p.tok_line_now();
    let line = t
        .tokens
        .get(p.fill.saturating_sub(1))
        .map(|t| t.line)
        .unwrap_or(err.line);
    d.err = Some(full_source_check(t, line).unwrap_or(err));
    d
}

/// A raised error, unless a tokenizer error later in the source wins.
fn finish_raised(p: &Parser, e: PegError) -> PegError {
    if e.from_tokenizer {
        return e;
    }
    let line =
        p.t.tokens
            .get(p.fill.saturating_sub(1))
            .map(|t| t.line)
            .unwrap_or(e.line);
    full_source_check(p.t, line).unwrap_or(e)
}
