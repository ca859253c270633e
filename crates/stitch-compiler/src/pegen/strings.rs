//! The checks CPython 3.11 makes when it turns string tokens into constants:
//! bytes and str not mixed, escapes that decode, the f-string mini-language
//! (3.11 scans f-strings by hand and compiles each expression separately).

use super::{ErrType, Parser, PegError, Stop};
use crate::tokenize::Kind;

/// Parts of one string token.
struct Lit<'a> {
    bytes: bool,
    raw: bool,
    fmode: bool,
    body: &'a str,
    /// Newlines in the token before the body (for f-string expression lines).
    body_offset: usize,
}

fn split_literal(tok: &str) -> Lit<'_> {
    let mut bytes = false;
    let mut raw = false;
    let mut fmode = false;
    let mut i = 0;
    let b = tok.as_bytes();
    while i < b.len() && b[i].is_ascii_alphabetic() {
        match b[i] {
            b'b' | b'B' => bytes = true,
            b'r' | b'R' => raw = true,
            b'f' | b'F' => fmode = true,
            _ => {}
        }
        i += 1;
    }
    let q = b.get(i).copied().unwrap_or(b'"');
    let triple = b.len() >= i + 6 && b[i + 1] == q && b[i + 2] == q;
    let qn = if triple { 3 } else { 1 };
    let start = (i + qn).min(tok.len());
    let end = tok.len().saturating_sub(qn).max(start);
    Lit {
        bytes,
        raw,
        fmode,
        body: &tok[start..end],
        body_offset: start,
    }
}

/// Why a literal does not decode: CPython's message.
fn unicode_escape_error(body: &str) -> Option<String> {
    // Positions are in CPython's intermediate buffer, where each non-ASCII
    // character takes 10 bytes (`\U%08x`) and a backslash before one takes 6.
    let chars: Vec<char> = body.chars().collect();
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    let mut pos = 0usize;
    let mut i = 0usize;
    let err = |start: usize, end: usize, msg: &str| {
        Some(format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {msg}",
            end - 1
        ))
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            pos += width(c);
            i += 1;
            continue;
        }
        let start = pos;
        i += 1;
        pos += 1;
        let Some(&e) = chars.get(i) else {
            // A lone backslash at the end is written as \u005c.
            break;
        };
        if !e.is_ascii() {
            // "\u005c" then the character.
            pos += 5;
            continue;
        }
        i += 1;
        pos += 1;
        match e {
            'x' | 'u' | 'U' => {
                let (count, msg) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match chars.get(i).and_then(|c| c.to_digit(16)) {
                        Some(d) if chars[i].is_ascii() => {
                            v = v.wrapping_mul(16).wrapping_add(d);
                            i += 1;
                            pos += 1;
                        }
                        _ => return err(start, pos, msg),
                    }
                }
                if v > 0x10ffff {
                    return err(start, pos, "illegal Unicode character");
                }
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                if chars.get(i) != Some(&'{') {
                    if i >= chars.len() {
                        return err(start, pos, malformed);
                    }
                    return err(start, pos, malformed);
                }
                i += 1;
                pos += 1;
                let name_start = i;
                while i < chars.len() && chars[i] != '}' {
                    pos += width(chars[i]);
                    i += 1;
                }
                if i >= chars.len() {
                    return err(start, pos, malformed);
                }
                if i == name_start {
                    return err(start, pos, malformed);
                }
                let name: String = chars[name_start..i].iter().collect();
                i += 1;
                pos += 1;
                if !name.is_ascii() || unicode_names2::character(&name).is_none() {
                    return err(start, pos, "unknown Unicode character name");
                }
            }
            _ => {}
        }
    }
    None
}

/// Why a bytes literal does not decode.
fn bytes_escape_error(body: &str) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= b.len() {
            break;
        }
        let e = b[i];
        i += 1;
        if e == b'x' {
            let ok = b.get(i).is_some_and(|c| c.is_ascii_hexdigit())
                && b.get(i + 1).is_some_and(|c| c.is_ascii_hexdigit());
            if !ok {
                return Some(format!(
                    "(value error) invalid \\x escape at position {start}"
                ));
            }
            i += 2;
        }
    }
    None
}

/// A DeprecationWarning for an invalid escape sequence in a string literal.
#[derive(Clone, Debug)]
pub struct StrWarning {
    /// Byte offset of the string token (to order warnings).
    pub pos: usize,
    pub line: u32,
    pub msg: String,
    /// The SyntaxError raised instead when the warning is made an error.
    pub error: PegError,
}

/// The first escape the decoder accepts but warns about (CPython's
/// `first_invalid_escape`): an unknown escape, or an octal one above 0o377.
fn first_invalid_escape(body: &str, bytes: bool) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = b.get(i) else { break };
        i += 1;
        match c {
            b'\n' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v'
            | b'x' => {}
            b'u' | b'U' | b'N' if !bytes => {}
            b'0'..=b'7' => {
                let start = i - 1;
                let mut v = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && b.get(i).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if v > 0o377 {
                    return Some(format!(
                        "invalid octal escape sequence '\\{}'",
                        &body[start..start + 3]
                    ));
                }
            }
            // A backslash before a non-ASCII character stays a backslash.
            _ if c >= 0x80 => {}
            _ => return Some(format!("invalid escape sequence '\\{}'", c as char)),
        }
    }
    None
}

impl<'t> Parser<'t> {
    /// Records `warn_invalid_escape_sequence` for token `tok` (when collecting;
    /// the second pass, with the invalid_ rules, gives none).
    fn escape_warning(&mut self, tok: usize, msg: Option<String>) {
        let Some(msg) = msg else { return };
        if self.str_warnings.is_none() || self.invalid {
            return;
        }
        let Some(t) = self.t.tokens.get(tok) else {
            return;
        };
        // Made an error, it is raised at the token, unless the tokenizer finds an
        // error in the rest of the source.
        let Some(at_token) = self.error_at_token(ErrType::Syntax, msg.clone(), tok) else {
            return;
        };
        let error = super::full_source_check(self.t, t.line).unwrap_or(at_token);
        let w = StrWarning {
            pos: t.start,
            line: t.line,
            msg,
            error,
        };
        if let Some(v) = self.str_warnings.as_mut() {
            v.push(w);
        }
    }

    /// The checks of `_PyPegen_concatenate_strings` on STRING tokens
    /// `start..end`; true when there is an f-string.
    pub(super) fn check_strings(&mut self, start: usize, end: usize) -> Result<bool, Stop> {
        let mut bytesmode = None;
        let mut any_f = false;
        for i in start..end {
            let t = self.t.tokens[i];
            let text = self.text(&t);
            let lit = split_literal(text);
            if !lit.fmode {
                let raw = lit.raw || !lit.body.contains('\\');
                if lit.bytes {
                    if !lit.body.is_ascii() {
                        let n = self.tok_node(i);
                        return Err(
                            self.raise_node(&n, "bytes can only contain ASCII literal characters")
                        );
                    }
                    if !raw && let Some(msg) = bytes_escape_error(lit.body) {
                        return Err(self.raise_last(ErrType::Syntax, msg));
                    }
                } else if !raw && let Some(msg) = unicode_escape_error(lit.body) {
                    return Err(self.raise_last(ErrType::Syntax, msg));
                }
                if !raw {
                    self.escape_warning(i, first_invalid_escape(lit.body, lit.bytes));
                }
            }
            if let Some(b) = bytesmode
                && b != lit.bytes
            {
                return Err(
                    self.raise_last(ErrType::Syntax, "cannot mix bytes and nonbytes literals")
                );
            }
            bytesmode = Some(lit.bytes);
            if lit.fmode {
                any_f = true;
                let mut s = 0;
                self.fstring(i, &lit, &mut s, 0)?;
            }
        }
        Ok(any_f)
    }

    /// `_PyPegen_FstringParser_ConcatFstring` on the body from `*s`.
    fn fstring(&mut self, tok: usize, lit: &Lit, s: &mut usize, level: usize) -> Result<(), Stop> {
        let body = lit.body.as_bytes();
        loop {
            // The literal part.
            let lit_start = *s;
            let mut doubled = false;
            while *s < body.len() {
                let ch = body[*s];
                *s += 1;
                if !lit.raw && ch == b'\\' && *s < body.len() {
                    let c2 = body[*s];
                    *s += 1;
                    if c2 == b'N' {
                        if *s < body.len() && body[*s] == b'{' {
                            *s += 1;
                            while *s < body.len() {
                                let c = body[*s];
                                *s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                        continue;
                    }
                    if c2 != b'{' && c2 != b'}' {
                        continue;
                    }
                    if c2 == b'{' {
                        self.escape_warning(tok, Some("invalid escape sequence '\\{'".to_string()));
                    }
                    // A backslash before a brace: the brace counts.
                    *s -= 1;
                    continue;
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if *s < body.len() && body[*s] == ch {
                            *s += 1;
                            doubled = true;
                            break;
                        }
                        if ch == b'}' {
                            *s -= 1;
                            return Err(self.raise_last(
                                ErrType::Syntax,
                                "f-string: single '}' is not allowed",
                            ));
                        }
                    }
                    *s -= 1;
                    break;
                }
            }
            let lit_end = if doubled { *s - 1 } else { *s };
            if !lit.raw
                && let Some(msg) = lit
                    .body
                    .get(lit_start..lit_end)
                    .and_then(unicode_escape_error)
            {
                return Err(self.raise_last(ErrType::Syntax, msg));
            }
            if !lit.raw {
                let seg = lit.body.get(lit_start..lit_end).unwrap_or("");
                self.escape_warning(tok, first_invalid_escape(seg, false));
            }
            if doubled {
                continue;
            }
            if *s >= body.len() || body[*s] == b'}' {
                break;
            }
            self.fstring_expr(tok, lit, s, level)?;
        }
        if level != 0 && (*s >= body.len() || body[*s] != b'}') {
            return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
        }
        Ok(())
    }

    /// `fstring_find_expr`: at a '{'.
    fn fstring_expr(
        &mut self,
        tok: usize,
        lit: &Lit,
        s: &mut usize,
        level: usize,
    ) -> Result<(), Stop> {
        let body = lit.body.as_bytes();
        let end = body.len();
        if level >= 2 {
            return Err(self.raise_last(ErrType::Syntax, "f-string: expressions nested too deeply"));
        }
        *s += 1;
        let expr_start = *s;
        let mut quote = 0u8;
        let mut string_type = 0;
        let mut stack: Vec<u8> = Vec::new();
        while *s < end {
            let ch = body[*s];
            if ch == b'\\' {
                return Err(self.raise_last(
                    ErrType::Syntax,
                    "f-string expression part cannot include a backslash",
                ));
            }
            if quote != 0 {
                if ch == quote {
                    if string_type == 3 {
                        if *s + 2 < end && body[*s + 1] == ch && body[*s + 2] == ch {
                            *s += 3;
                            quote = 0;
                            string_type = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                        string_type = 0;
                        *s += 1;
                        continue;
                    }
                }
                *s += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if *s + 2 < end && body[*s + 1] == ch && body[*s + 2] == ch {
                        string_type = 3;
                        *s += 2;
                    } else {
                        string_type = 1;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Err(self
                            .raise_last(ErrType::Syntax, "f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                b'#' => {
                    return Err(self.raise_last(
                        ErrType::Syntax,
                        "f-string expression part cannot include '#'",
                    ));
                }
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    if *s + 1 < end {
                        let next = body[*s + 1];
                        if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                            *s += 2;
                            continue;
                        }
                    }
                    if ch == b'>' || ch == b'<' {
                        *s += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.raise_last(
                            ErrType::Syntax,
                            format!("f-string: unmatched '{}'", ch as char),
                        ));
                    };
                    if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        return Err(self.raise_last(
                            ErrType::Syntax,
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                ch as char, open as char
                            ),
                        ));
                    }
                }
                _ => {}
            }
            *s += 1;
        }
        let expr_end = *s;
        if quote != 0 {
            return Err(self.raise_last(ErrType::Syntax, "f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.raise_last(
                ErrType::Syntax,
                format!("f-string: unmatched '{}'", open as char),
            ));
        }
        if *s >= end {
            return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
        }
        // Compile the expression.
        let expr = &lit.body[expr_start..expr_end];
        if expr
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0c))
        {
            let next = body[expr_end];
            if matches!(next, b'!' | b':' | b'=') {
                return Err(self.raise_last(
                    ErrType::Syntax,
                    format!("f-string: expression required before '{}'", next as char),
                ));
            }
            return Err(self.raise_last(ErrType::Syntax, "f-string: empty expression not allowed"));
        }
        self.fstring_compile_expr(tok, lit, expr_start, expr)?;
        if body[*s] == b'=' {
            *s += 1;
            while *s < end && body[*s].is_ascii_whitespace() {
                *s += 1;
            }
            if *s >= end {
                return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
            }
        }
        if body[*s] == b'!' {
            *s += 1;
            if *s >= end {
                return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
            }
            let conv = body[*s];
            *s += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err(self.raise_last(
                    ErrType::Syntax,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
        }
        if *s < end && body[*s] == b':' {
            *s += 1;
            if *s >= end {
                return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
            }
            self.fstring(tok, lit, s, level + 1)?;
        }
        if *s >= end || body[*s] != b'}' {
            return Err(self.raise_last(ErrType::Syntax, "f-string: expecting '}'"));
        }
        *s += 1;
        Ok(())
    }

    /// Parses `(expr)` as CPython does for an f-string expression; its syntax
    /// errors get the "f-string: " prefix and show the parenthesized text.
    fn fstring_compile_expr(
        &mut self,
        tok: usize,
        lit: &Lit,
        expr_start: usize,
        expr: &str,
    ) -> Result<(), Stop> {
        let src = format!("({expr})");
        let sub = crate::tokenize::tokenize(&src);
        let Some(mut e) = diagnose_fstring(&sub) else {
            return Ok(());
        };
        let t = self.t.tokens[tok];
        let text = self.text(&t);
        // Where the expression's '{' is (CPython's fstring_find_expr_location).
        let brace = lit.body_offset + expr_start - 1;
        let lines = text[..brace].matches('\n').count() as u32;
        let after = &text[brace + 1..];
        let newline_after_brace = after
            .bytes()
            .take_while(|&c| c != b'}' && c != b'\n')
            .all(|c| matches!(c, b' ' | b'\t' | 0x0c));
        let cols = if newline_after_brace {
            0
        } else {
            match text[..brace].rfind('\n') {
                Some(nl) => brace - nl - 1,
                None => brace,
            }
        } as i64;
        let starting_col = t.col as i64 + cols;
        let inner_line = e.line.max(1);
        let shift = |off: i64, line: u32| if line <= 1 { off } else { off - starting_col };
        e.offset = shift(e.offset, inner_line);
        e.end_offset = shift(e.end_offset, e.end_line.max(1));
        let tok_line = e.tok_line;
        e.text = Some(e.text.take().unwrap_or_else(|| {
            // The expression is read as a string: the line keeps its newline while
            // the tokenizer is still on it.
            let l = sub.line_text(inner_line);
            if tok_line <= inner_line {
                format!("{l}\n")
            } else {
                l.to_string()
            }
        }));
        e.line = t.line + lines + inner_line - 1;
        e.end_line = e.line;
        if !e.from_tokenizer {
            e.msg = format!("f-string: {}", e.msg);
        }
        e.byte_offsets = false;
        Err(self.set_err_pub(e))
    }

    pub(super) fn set_err_pub(&mut self, e: PegError) -> Stop {
        if self.err.is_none() {
            self.err = Some(e);
        }
        Stop
    }
}

/// The error of an f-string expression (`fstring: star_expressions`), if any.
fn diagnose_fstring(t: &crate::tokenize::Tokens) -> Option<PegError> {
    let mut p = Parser::new(t);
    let ok = |p: &mut Parser| -> Result<bool, Stop> {
        Ok(p.star_expressions()?.is_some() && p.at_kind(Kind::Newline)?)
    };
    if let Ok(true) = ok(&mut p) {
        return None;
    }
    let last = p.fill.saturating_sub(1);
    if let Some(e) = p.err.take() {
        return Some(e);
    }
    p.reset_for_second_pass();
    let _ = p.star_expressions();
    if let Some(e) = p.err.take() {
        return Some(e);
    }
    let tok = t.tokens.get(last)?;
    Some(PegError {
        ty: ErrType::Syntax,
        msg: "invalid syntax".into(),
        line: tok.line,
        offset: tok.col as i64 + 1,
        end_line: tok.end_line,
        end_offset: tok.end_col as i64 + 1,
        byte_offsets: false,
        from_tokenizer: false,
        text: None,
        tok_line: 0,
    })
}

/// The string checks for a whole token list (when nothing else is wrong): the
/// first error, and the invalid-escape warnings given up to it.
pub fn check_all_strings(t: &crate::tokenize::Tokens) -> (Option<PegError>, Vec<StrWarning>) {
    let mut p = Parser::new(t);
    p.str_warnings = Some(Vec::new());
    let n = t.tokens.len();
    let mut i = 0;
    let mut err = None;
    while i < n {
        if t.tokens[i].kind != Kind::String {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && t.tokens[i].kind == Kind::String {
            i += 1;
        }
        // CPython has fetched the token after the strings.
        p.fill = (i + 1).min(n);
        if p.check_strings(start, i).is_err() {
            err = p.err.take();
            break;
        }
    }
    (err, p.str_warnings.take().unwrap_or_default())
}
