//! Parsing with `ruff_python_parser`, with CPython's tokenizer limits (null bytes,
//! nesting of brackets and indentation, tab consistency) and CPython's wording for
//! the common syntax errors.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{LexicalErrorType, Mode, ParseErrorType, ParseOptions, parse_unchecked};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{CompileError, ErrorKind, Span};
use crate::source::SourceMap;

/// CPython's tokenizer limits.
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT_LEVEL: usize = 100;

pub fn parse_module(source: &str, map: &SourceMap) -> Result<Vec<Stmt>, CompileError> {
    match parse(source, map, Mode::Module)? {
        Mod::Module(m) => Ok(m.body.into_iter().collect()),
        Mod::Expression(_) => unreachable!("module mode yields a module"),
    }
}

pub fn parse_expression(source: &str, map: &SourceMap) -> Result<Expr, CompileError> {
    // `eval` ignores leading spaces and tabs.
    match parse(source, map, Mode::Expression)? {
        Mod::Expression(e) => Ok(*e.body),
        Mod::Module(_) => unreachable!("expression mode yields an expression"),
    }
}

fn error_at(kind: ErrorKind, msg: impl Into<String>, span: Span) -> CompileError {
    CompileError {
        kind,
        msg: msg.into(),
        lineno: span.line,
        offset: span.col + 1,
        end_lineno: span.end_line,
        end_offset: span.end_col + 1,
    }
}

/// An error with a line but no caret.
fn error_on_line(kind: ErrorKind, msg: impl Into<String>, line: u32) -> CompileError {
    CompileError {
        kind,
        msg: msg.into(),
        lineno: line,
        offset: 0,
        end_lineno: line,
        end_offset: 0,
    }
}

fn parse(source: &str, map: &SourceMap, mode: Mode) -> Result<Mod, CompileError> {
    if let Some(pos) = source.find('\0') {
        let (line, _) = map.line_col(TextSize::new(pos as u32));
        return Err(error_on_line(
            ErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            line,
        ));
    }
    let options = ParseOptions::from(mode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, options);
    check_tokens(parsed.tokens(), map)?;
    check_tabs(source, parsed.tokens(), map)?;
    if let Some(e) = parsed.errors().first() {
        return Err(convert_error(&e.error, e.location, map, parsed.tokens()));
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(error_at(ErrorKind::SyntaxError, "invalid syntax", map.span(e.range)));
    }
    Ok(parsed.into_syntax())
}

fn opener_char(k: TokenKind) -> char {
    match k {
        TokenKind::Lpar => '(',
        TokenKind::Lsqb => '[',
        _ => '{',
    }
}

/// Bracket nesting and matching, and indentation depth, as CPython's tokenizer
/// checks them.
fn check_tokens(tokens: &ruff_python_ast::token::Tokens, map: &SourceMap) -> Result<(), CompileError> {
    let mut stack: Vec<(TokenKind, TextRange)> = Vec::new();
    let mut indent = 0usize;
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                stack.push((t.kind(), t.range()));
                if stack.len() > MAX_PAREN_LEVEL {
                    return Err(error_at(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        map.span(t.range()),
                    ));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let close = match t.kind() {
                    TokenKind::Rpar => ')',
                    TokenKind::Rsqb => ']',
                    _ => '}',
                };
                match stack.pop() {
                    None => {
                        return Err(error_at(
                            ErrorKind::SyntaxError,
                            format!("unmatched '{close}'"),
                            map.span(t.range()),
                        ));
                    }
                    Some((open, orange)) => {
                        let want = match open {
                            TokenKind::Lpar => TokenKind::Rpar,
                            TokenKind::Lsqb => TokenKind::Rsqb,
                            _ => TokenKind::Rbrace,
                        };
                        if want != t.kind() {
                            let (ol, _) = map.line_col(orange.start());
                            let (cl, _) = map.line_col(t.range().start());
                            let msg = if ol != cl {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{}' on line {ol}",
                                    opener_char(open)
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{}'",
                                    opener_char(open)
                                )
                            };
                            return Err(error_at(ErrorKind::SyntaxError, msg, map.span(t.range())));
                        }
                    }
                }
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT_LEVEL {
                    let (line, _) = map.line_col(t.range().start());
                    return Err(error_on_line(
                        ErrorKind::IndentationError,
                        "too many levels of indentation",
                        line,
                    ));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
    if let Some((open, range)) = stack.first() {
        return Err(error_at(
            ErrorKind::SyntaxError,
            format!("'{}' was never closed", opener_char(*open)),
            map.span(*range),
        ));
    }
    Ok(())
}

/// TabError: indentation whose order differs between tab sizes 8 and 1 is ambiguous.
fn check_tabs(source: &str, tokens: &ruff_python_ast::token::Tokens, map: &SourceMap) -> Result<(), CompileError> {
    if !source.contains('\t') {
        return Ok(());
    }
    // Indentation of each logical line start: (columns with tab size 8, with tab size 1).
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut at_line_start = true;
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Newline => at_line_start = true,
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent => {}
            _ if at_line_start => {
                at_line_start = false;
                let (line, _) = map.line_col(t.range().start());
                let text = map.line_text(line).unwrap_or("");
                let (mut c8, mut c1) = (0usize, 0usize);
                for ch in text.chars() {
                    match ch {
                        ' ' => {
                            c8 += 1;
                            c1 += 1;
                        }
                        '\t' => {
                            c8 = (c8 / 8 + 1) * 8;
                            c1 += 1;
                        }
                        '\x0c' => {
                            c8 = 0;
                            c1 = 0;
                        }
                        _ => break,
                    }
                }
                let top = *stack.last().unwrap();
                let inconsistent = if c8 == top.0 {
                    c1 != top.1
                } else if c8 > top.0 {
                    c1 <= top.1
                } else {
                    while stack.len() > 1 && c8 < stack.last().unwrap().0 {
                        stack.pop();
                    }
                    let t2 = *stack.last().unwrap();
                    c8 == t2.0 && c1 != t2.1
                };
                if inconsistent {
                    return Err(error_on_line(
                        ErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation",
                        line,
                    ));
                }
                if c8 > top.0 {
                    stack.push((c8, c1));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Rewords a ruff parse error the way CPython reports it.
fn convert_error(
    e: &ParseErrorType,
    range: TextRange,
    map: &SourceMap,
    tokens: &ruff_python_ast::token::Tokens,
) -> CompileError {
    let span = map.span(range);
    let syntax = |msg: &str| error_at(ErrorKind::SyntaxError, msg, span);
    let (line, _) = map.line_col(range.start());
    match e {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnclosedStringError => {
                let text = &map.text()[range.start().to_usize()..];
                let triple = text.starts_with("\"\"\"")
                    || text.starts_with("'''")
                    || text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("\"\"\"")
                    || text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("'''");
                let end_line = if triple { map.line_col(TextSize::new(map.text().len() as u32)).0 } else { line };
                let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
                let mut err = error_at(
                    ErrorKind::SyntaxError,
                    format!("{what} (detected at line {end_line})"),
                    map.span(TextRange::empty(range.start())),
                );
                err.end_offset = err.offset;
                err
            }
            LexicalErrorType::IndentationError => error_on_line(
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
                line,
            ),
            LexicalErrorType::LineContinuationError => {
                syntax("unexpected character after line continuation character")
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                let msg = if tok.is_ascii() && !tok.is_ascii_control() {
                    "invalid syntax".to_string()
                } else {
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
                };
                syntax(&msg)
            }
            LexicalErrorType::Eof => syntax("unexpected EOF while parsing"),
            LexicalErrorType::InvalidByteLiteral => syntax("bytes can only contain ASCII literal characters"),
            LexicalErrorType::UnicodeError | LexicalErrorType::StringError => {
                syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape")
            }
            LexicalErrorType::FStringError(fe) => syntax(&format!("f-string: {fe}")),
            LexicalErrorType::OtherError(m) => syntax(m),
            _ => syntax("invalid syntax"),
        },
        ParseErrorType::UnexpectedIndentation => {
            error_on_line(ErrorKind::IndentationError, "unexpected indent", line)
        }
        ParseErrorType::ExpectedToken { expected, found } if *expected == TokenKind::Indent => {
            // The block's header line and kind come from the statement before.
            let header = block_header(map, range.start(), tokens);
            let msg = match header {
                Some((kind, hline)) => format!("expected an indented block after {kind} on line {hline}"),
                None => "expected an indented block".to_string(),
            };
            let _ = found;
            let mut err = error_at(ErrorKind::IndentationError, msg, span);
            err.end_offset = err.offset + 1;
            err
        }
        ParseErrorType::PositionalAfterKeywordArgument => syntax("positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking")
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking")
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            syntax("non-default argument follows default argument")
        }
        ParseErrorType::InvalidStarredExpressionUsage => syntax("can't use starred expression here"),
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidNamedAssignmentTarget => {
            syntax("cannot assign to expression")
        }
        ParseErrorType::InvalidDeleteTarget => syntax("cannot delete expression"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            syntax("'expression' is an illegal expression for augmented assignment")
        }
        ParseErrorType::OtherError(m) if m.contains("print") => {
            syntax("Missing parentheses in call to 'print'. Did you mean print(...)?")
        }
        _ => syntax("invalid syntax"),
    }
}

/// For "expected an indented block": the kind and line of the block header before `at`.
fn block_header(
    map: &SourceMap,
    at: TextSize,
    tokens: &ruff_python_ast::token::Tokens,
) -> Option<(String, u32)> {
    // The header is the last logical line starting with a compound keyword before `at`.
    let mut result = None;
    let mut at_start = true;
    for t in tokens.iter() {
        if t.range().start() >= at {
            break;
        }
        match t.kind() {
            TokenKind::Newline => at_start = true,
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent => {}
            k if at_start => {
                at_start = false;
                let (line, _) = map.line_col(t.range().start());
                let kind = match k {
                    TokenKind::If => Some("'if' statement"),
                    TokenKind::Elif => Some("'elif' statement"),
                    TokenKind::Else => Some("'else' statement"),
                    TokenKind::For => Some("'for' statement"),
                    TokenKind::While => Some("'while' statement"),
                    TokenKind::Try => Some("'try' statement"),
                    TokenKind::Except => Some("'except' statement"),
                    TokenKind::Finally => Some("'finally' statement"),
                    TokenKind::With => Some("'with' statement"),
                    TokenKind::Def => Some("function definition"),
                    TokenKind::Class => Some("class definition"),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let kind = kind.to_string();
                    result = Some((kind, line));
                }
            }
            _ => {}
        }
    }
    result
}
