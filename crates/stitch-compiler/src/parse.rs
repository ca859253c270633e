//! Parsing: ruff_python_parser builds the AST; syntax errors are reported as
//! CPython 3.11 reports them. For that, the source is also tokenized the way
//! CPython's tokenizer does ([`crate::tokenize`]), and when anything is wrong the
//! tokens are parsed with CPython's grammar and error rules ([`crate::pegen`]).
//! Also here: the parser's nesting limit (MemoryError), and the warnings given
//! while parsing (the tokenizer's SyntaxWarnings, string literals' invalid
//! escape DeprecationWarnings).

use ruff_python_ast::{Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};
use ruff_text_size::TextSize;

use crate::error::{CompileError, ErrorKind, ErrorText};
use crate::pegen::{self, ErrType, PegError};
use crate::source::SourceMap;
use crate::tokenize::{self, Tokens};
use crate::{Options, Warning, WarningCategory, WarningStage};

pub fn parse_module(
    source: &str,
    map: &SourceMap,
    opts: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Stmt>, CompileError> {
    match parse(source, map, Mode::Module, opts, warnings)? {
        Mod::Module(m) => Ok(m.body.into_iter().collect()),
        Mod::Expression(_) => Err(CompileError::syntax("invalid syntax", Default::default())),
    }
}

pub fn parse_expression(
    source: &str,
    map: &SourceMap,
    opts: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<Expr, CompileError> {
    match parse(source, map, Mode::Expression, opts, warnings)? {
        Mod::Expression(e) => Ok(*e.body),
        Mod::Module(_) => Err(CompileError::syntax("invalid syntax", Default::default())),
    }
}

fn parse(
    source: &str,
    map: &SourceMap,
    mode: Mode,
    opts: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<Mod, CompileError> {
    if let Some(pos) = source.find('\0') {
        let (line, _) = map.line_col(TextSize::new(pos as u32));
        return Err(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            lineno: line,
            offset: 0,
            end_lineno: line,
            end_offset: 0,
            text: ErrorText::Nothing,
        });
    }
    let toks = tokenize::tokenize(source);
    let options = ParseOptions::from(mode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, options);
    let ruff_ok = parsed.errors().is_empty() && parsed.unsupported_syntax_errors().is_empty();
    let mut tok_reached = None;
    let (err, str_warnings) = if !ruff_ok || toks.error.is_some() {
        let d = if mode == Mode::Expression {
            pegen::diagnose_eval(&toks, opts.file_input)
        } else {
            pegen::diagnose(&toks, opts.file_input)
        };
        tok_reached = d.tok_reached;
        (
            Some(d.err.unwrap_or_else(|| fallback(&toks))),
            d.str_warnings,
        )
    } else {
        pegen::check_all_strings(&toks)
    };
    // The warnings given on the way, in source order: those of the strings the
    // parser read, and the tokenizer's up to where it stopped (after most parser
    // errors, it reads on to the end of the source looking for its own errors).
    let mut found: Vec<(usize, Warning)> = Vec::new();
    for w in &toks.warnings {
        let error = to_compile_error(&pegen::tokenizer_error_of(&toks, &w.error), &toks, opts);
        let (category, stage) = (WarningCategory::SyntaxWarning, WarningStage::Tokenizer);
        let past_error = tok_reached.is_some_and(|end| w.pos > end);
        found.push((
            w.pos,
            Warning {
                lineno: w.line,
                msg: w.msg.clone(),
                category,
                stage,
                past_error,
                error,
            },
        ));
    }
    for w in str_warnings {
        let error = to_compile_error(&w.error, &toks, opts);
        let (category, stage) = (WarningCategory::DeprecationWarning, WarningStage::Parser);
        found.push((
            w.pos,
            Warning {
                lineno: w.line,
                msg: w.msg,
                category,
                stage,
                past_error: false,
                error,
            },
        ));
    }
    found.sort_by_key(|(pos, _)| *pos);
    warnings.extend(found.into_iter().map(|(_, w)| w));
    if let Some(e) = err {
        return Err(to_compile_error(&e, &toks, opts));
    }
    Ok(parsed.into_syntax())
}

/// When CPython's grammar accepts what ruff rejects: a plain "invalid syntax" at
/// the first token ruff complained about is the best guess.
fn fallback(toks: &Tokens) -> PegError {
    let t = toks.tokens.last().copied();
    let (line, col, end_col) = t
        .map(|t| (t.line, t.col.max(0) as i64, t.end_col.max(0) as i64))
        .unwrap_or((1, 0, 0));
    PegError {
        ty: ErrType::Syntax,
        msg: "invalid syntax".into(),
        line,
        offset: col + 1,
        end_line: line,
        end_offset: end_col + 1,
        byte_offsets: true,
        from_tokenizer: false,
        text: None,
        tok_line: 0,
    }
}

/// A source line's text with its newline (as CPython's error text), if it exists.
fn line_with_newline(toks: &Tokens, line: u32) -> Option<String> {
    if line == 0 || line as usize > toks.line_starts.len() {
        return None;
    }
    Some(format!("{}\n", toks.line_text(line)))
}

/// The first physical line of the tokenizer buffer holding `line`: earlier lines
/// ending in a backslash continuation, or where a string ending on `line` starts.
fn joined_start(toks: &Tokens, line: u32) -> u32 {
    let mut first = line;
    loop {
        let prev = first.saturating_sub(1);
        if prev == 0 {
            return first;
        }
        let spanning = toks
            .tokens
            .iter()
            .filter(|t| t.kind == tokenize::Kind::String && t.end_line >= first && t.line < first)
            .map(|t| t.line)
            .min();
        if let Some(l) = spanning {
            first = l;
            continue;
        }
        let continued = toks.line_text(prev).ends_with('\\')
            && toks
                .tokens
                .iter()
                .any(|t| t.line == first && t.kind != tokenize::Kind::Indent);
        if continued {
            first = prev;
            continue;
        }
        return first;
    }
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`.
pub fn byte_to_char_offset(line: &str, offset: i64) -> i64 {
    if offset <= 0 {
        return offset;
    }
    let b = line.as_bytes();
    let off = (offset as usize).min(b.len() + 1);
    if off > b.len() {
        return line.chars().count() as i64 + 1;
    }
    let mut whole = off;
    while !line.is_char_boundary(whole) {
        whole -= 1;
    }
    (line[..whole].chars().count() + usize::from(whole < off)) as i64
}

fn to_compile_error(e: &PegError, toks: &Tokens, opts: &Options) -> CompileError {
    let kind = match e.ty {
        ErrType::Syntax => ErrorKind::SyntaxError,
        ErrType::Indentation => ErrorKind::IndentationError,
        ErrType::Tab => ErrorKind::TabError,
        ErrType::Memory => ErrorKind::MemoryError,
    };
    if e.ty == ErrType::Memory {
        return CompileError {
            kind,
            msg: String::new(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: ErrorText::Nothing,
        };
    }
    let line_text = toks.line_text(e.line).to_string();
    let (mut offset, mut end_offset) = (e.offset, e.end_offset);
    if e.byte_offsets && opts.char_offsets(toks) {
        offset = byte_to_char_offset(&line_text, offset);
        if end_offset > 0 {
            end_offset = byte_to_char_offset(&line_text, end_offset);
        }
    }
    let text = match &e.text {
        Some(t) => ErrorText::Text(t.clone()),
        // Reading a string, a line the tokenizer has left loses its newline.
        None if !opts.file_input && e.tok_line > e.line => {
            ErrorText::Text(toks.line_text(e.line).to_string())
        }
        // Reading a string, the tokenizer's buffer also holds the lines joined to
        // this one by a backslash or a string spanning lines.
        None if !opts.file_input => {
            let first = joined_start(toks, e.line);
            let mut t = String::new();
            for l in first..=e.line {
                t.push_str(&line_with_newline(toks, l).unwrap_or_default());
            }
            if t.is_empty() {
                ErrorText::Nothing
            } else {
                ErrorText::Text(t)
            }
        }
        None => match line_with_newline(toks, e.line) {
            Some(t) => ErrorText::Text(t),
            None => ErrorText::Nothing,
        },
    };
    CompileError {
        kind,
        msg: e.msg.clone(),
        lineno: e.line,
        offset,
        end_lineno: e.end_line,
        end_offset,
        text,
    }
}

/// Whether the source declares its encoding (a `coding[:=]` comment on its first
/// line, or on its second after a comment or blank first line).
pub fn declares_encoding(toks: &Tokens) -> bool {
    for n in 1..=2 {
        let l = toks.line_text(n).trim_start_matches([' ', '\t', '\x0c']);
        if !l.starts_with('#') {
            if l.is_empty() {
                continue;
            }
            return false;
        }
        if let Some(i) = l.find("coding") {
            let rest = &l[i + 6..];
            if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let r = r.trim_start_matches([' ', '\t']);
                if r.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')) {
                    return true;
                }
            }
        }
    }
    false
}
