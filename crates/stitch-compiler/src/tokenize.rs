//! A tokenizer that behaves like CPython 3.11's: the same tokens for the parser
//! (blank lines and comments skipped, no newlines inside brackets, INDENT/DEDENT),
//! and the same errors at the same places (unterminated strings, bad number
//! literals, invalid characters, unmatched brackets, indentation). It is used to
//! report syntax errors the way CPython does; Python code itself is parsed by
//! ruff's parser.
//!
//! Errors come in two kinds, as in CPython: those the tokenizer raises itself
//! ([`TokError::Raised`], a complete SyntaxError), and conditions the parser turns
//! into an error when it asks for the token (bad dedent, tabs, too deep, a bad
//! line continuation, end of file inside a statement).

/// Token types, as the parser sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// One token. Columns are byte offsets within their line, -1 when the token has
/// none (INDENT, DEDENT, ENDMARKER), as in CPython.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the normalized source.
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: i32,
    pub end_line: u32,
    pub end_col: i32,
    /// Bracket nesting level after this token.
    pub level: u32,
}

/// A SyntaxError raised by the tokenizer itself, with CPython's position fields
/// (offsets are 1-based, in characters).
#[derive(Clone, Debug)]
pub struct Raised {
    pub msg: String,
    pub line: u32,
    pub offset: i64,
    pub end_line: u32,
    pub end_offset: i64,
    /// The text of the error's line, without its newline.
    pub text: String,
}

/// Why tokenizing stopped early.
#[derive(Clone, Debug)]
pub enum TokError {
    Raised(Raised),
    /// "unindent does not match any outer indentation level" (IndentationError).
    Dedent {
        line: u32,
        cur: usize,
    },
    /// "inconsistent use of tabs and spaces in indentation" (TabError).
    TabSpace {
        line: u32,
    },
    /// "too many levels of indentation" (IndentationError).
    TooDeep {
        line: u32,
    },
    /// "unexpected character after line continuation character"; `col` is the byte
    /// column of the character after the backslash.
    LineCont {
        line: u32,
        col: usize,
    },
    /// End of file inside a statement (after a backslash, or in brackets).
    Eof {
        line: u32,
        cur: usize,
    },
}

/// A SyntaxWarning found while tokenizing.
#[derive(Clone, Debug)]
pub struct TokWarning {
    pub line: u32,
    pub msg: String,
    /// Byte offset in the text (to order warnings).
    pub pos: usize,
    /// The SyntaxError raised instead when the warning is made an error.
    pub error: TokError,
}

/// An open bracket: its character, line and byte column.
#[derive(Clone, Copy, Debug)]
pub struct Paren {
    pub ch: u8,
    pub line: u32,
    pub col: usize,
}

/// The tokenizer's result: the tokens up to the first error, and the error.
pub struct Tokens {
    /// The source with `\r\n` and `\r` turned into `\n` and a final newline added.
    pub text: String,
    /// Byte offset of each line's start in `text` (line n starts at `line_starts[n-1]`).
    pub line_starts: Vec<usize>,
    pub tokens: Vec<Token>,
    pub error: Option<TokError>,
    /// Brackets still open where tokenizing stopped.
    pub parens: Vec<Paren>,
    pub warnings: Vec<TokWarning>,
}

impl Tokens {
    /// Text of 1-based line `n` without its newline.
    pub fn line_text(&self, n: u32) -> &str {
        let i = (n as usize).wrapping_sub(1);
        let Some(&s) = self.line_starts.get(i) else {
            return "";
        };
        let e = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[s..e].trim_end_matches('\n')
    }

    /// Text of a token.
    pub fn text_of(&self, t: &Token) -> &str {
        &self.text[t.start..t.end]
    }
}

/// Normalizes line ends as CPython's tokenizer reads them, adding a final newline.
pub fn normalize(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 1);
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

const TABSIZE: usize = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

struct Tokenizer<'a> {
    b: &'a [u8],
    text: &'a str,
    pos: usize,
    line: u32,
    line_start: usize,
    line_starts: Vec<usize>,
    atbol: bool,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    pendin: i32,
    parens: Vec<Paren>,
    cont_line: bool,
    tokens: Vec<Token>,
    warnings: Vec<TokWarning>,
}

type Step = Result<(), TokError>;

/// Tokenizes `src` (already decoded) like CPython's tokenizer.
pub fn tokenize(src: &str) -> Tokens {
    let text = normalize(src);
    let mut line_starts = vec![0];
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' && i + 1 < text.len() {
            line_starts.push(i + 1);
        }
    }
    let mut t = Tokenizer {
        b: text.as_bytes(),
        text: &text,
        pos: 0,
        line: 1,
        line_start: 0,
        line_starts,
        atbol: true,
        indstack: vec![0],
        altindstack: vec![0],
        pendin: 0,
        parens: Vec::new(),
        cont_line: false,
        tokens: Vec::new(),
        warnings: Vec::new(),
    };
    let error = loop {
        match t.next_token() {
            Ok(true) => {}
            Ok(false) => break None,
            Err(e) => break Some(e),
        }
    };
    let Tokenizer {
        tokens,
        warnings,
        parens,
        line_starts,
        ..
    } = t;
    Tokens {
        text,
        line_starts,
        tokens,
        error,
        parens,
        warnings,
    }
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Python's `str.isprintable()` for one character (approximated for
/// unassigned code points, which count as printable here).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..0xa0).contains(&u) {
        return false;
    }
    if u == 0x20 {
        return true;
    }
    !matches!(u,
        0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x1680
        | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xd800..=0xdfff | 0xe000..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0x110bd
        | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001
        | 0xe0020..=0xe007f | 0xf0000..=0x10ffff)
}

impl<'a> Tokenizer<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, i: usize) -> Option<u8> {
        self.b.get(self.pos + i).copied()
    }

    /// Reads one byte, keeping track of lines.
    fn next_byte(&mut self) -> Option<u8> {
        let c = self.b.get(self.pos).copied()?;
        self.pos += 1;
        if c == b'\n' && self.pos < self.b.len() {
            self.line += 1;
            self.line_start = self.pos;
        }
        Some(c)
    }

    /// Characters of the current line before byte `pos`.
    fn chars_before(&self, pos: usize) -> i64 {
        let end = pos.min(self.b.len()).max(self.line_start);
        let mut e = end;
        while !self.text.is_char_boundary(e) {
            e -= 1;
        }
        self.text[self.line_start..e].chars().count() as i64
    }

    fn line_text_of(&self, line_start: usize) -> String {
        let rest = &self.text[line_start.min(self.text.len())..];
        rest.split('\n').next().unwrap_or("").to_string()
    }

    /// CPython's `syntaxerror()`: an error at the current position.
    fn error_here(&self, msg: impl Into<String>) -> TokError {
        let col = self.chars_before(self.pos);
        TokError::Raised(Raised {
            msg: msg.into(),
            line: self.line,
            offset: col,
            end_line: self.line,
            end_offset: col,
            text: self.line_text_of(self.line_start),
        })
    }

    fn push(&mut self, kind: Kind, start: usize, start_line: u32, start_line_start: usize) {
        let end = self.pos;
        self.tokens.push(Token {
            kind,
            start,
            end,
            line: start_line,
            col: (start - start_line_start) as i32,
            end_line: self.line,
            end_col: (end - self.line_start) as i32,
            level: self.parens.len() as u32,
        });
    }

    fn push_marker(&mut self, kind: Kind) {
        self.tokens.push(Token {
            kind,
            start: self.pos,
            end: self.pos,
            line: self.line,
            col: -1,
            end_line: self.line,
            end_col: -1,
            level: self.parens.len() as u32,
        });
    }

    /// Produces the next token; false at the end.
    fn next_token(&mut self) -> Result<bool, TokError> {
        loop {
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol) = (0usize, 0usize);
                // A backslash continuation inside the indentation: the first one
                // decides the indentation.
                let mut cont_col = 0usize;
                loop {
                    match self.peek() {
                        Some(b'\\') => {
                            if cont_col == 0 {
                                cont_col = col;
                            }
                            self.pos += 1;
                            if self.peek() != Some(b'\n') {
                                let col = self.pos - self.line_start;
                                return Err(TokError::LineCont {
                                    line: self.line,
                                    col,
                                });
                            }
                            self.next_byte();
                            if self.peek().is_none() {
                                return Err(TokError::Eof {
                                    line: self.line,
                                    cur: self.pos,
                                });
                            }
                            continue;
                        }
                        Some(b' ') => {
                            col += 1;
                            altcol += 1;
                        }
                        Some(b'\t') => {
                            col = (col / TABSIZE + 1) * TABSIZE;
                            altcol += 1;
                        }
                        Some(0x0c) => {
                            col = 0;
                            altcol = 0;
                        }
                        _ => break,
                    }
                    self.pos += 1;
                }
                let c = self.peek();
                if matches!(c, Some(b'#') | Some(b'\n')) {
                    blankline = true;
                }
                if cont_col != 0 {
                    col = cont_col;
                    altcol = cont_col;
                }
                if !blankline && self.parens.is_empty() {
                    self.indentation(col, altcol, c.is_none())?;
                }
            }
            // Pending indents and dedents.
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    self.push_marker(Kind::Dedent);
                } else {
                    self.pendin -= 1;
                    self.push_marker(Kind::Indent);
                }
                return Ok(true);
            }
            // Skip blanks.
            while matches!(self.peek(), Some(b' ') | Some(b'\t') | Some(0x0c)) {
                self.pos += 1;
            }
            let start = self.pos;
            let start_line = self.line;
            let start_ls = self.line_start;
            // Comments.
            if self.peek() == Some(b'#') {
                while !matches!(self.peek(), None | Some(b'\n')) {
                    self.pos += 1;
                }
            }
            let Some(c) = self.peek() else {
                if !self.parens.is_empty() || self.cont_line {
                    return Err(TokError::Eof {
                        line: self.line,
                        cur: self.pos,
                    });
                }
                self.push_marker(Kind::EndMarker);
                return Ok(false);
            };
            if is_ident_start(c) {
                return self
                    .name_or_string(start, start_line, start_ls)
                    .map(|_| true);
            }
            if c == b'\n' {
                self.next_byte();
                self.atbol = true;
                if blankline || !self.parens.is_empty() {
                    continue;
                }
                self.cont_line = false;
                // The NEWLINE token starts at a comment before it, and ends where the
                // newline starts.
                let nl = self.pos - 1;
                self.tokens.push(Token {
                    kind: Kind::Newline,
                    start,
                    end: nl,
                    line: start_line,
                    col: (start - start_ls) as i32,
                    end_line: start_line,
                    end_col: (nl - start_ls) as i32,
                    level: 0,
                });
                return Ok(true);
            }
            if c == b'.' {
                if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
                    self.pos += 1;
                    return self
                        .number_fraction(start, start_line, start_ls)
                        .map(|_| true);
                }
                if self.peek_at(1) == Some(b'.') && self.peek_at(2) == Some(b'.') {
                    self.pos += 3;
                } else {
                    self.pos += 1;
                }
                self.push(Kind::Op, start, start_line, start_ls);
                return Ok(true);
            }
            if c.is_ascii_digit() {
                return self.number(start, start_line, start_ls).map(|_| true);
            }
            if c == b'\'' || c == b'"' {
                return self.string(start, start_line, start_ls).map(|_| true);
            }
            if c == b'\\' {
                self.pos += 1;
                if self.peek() != Some(b'\n') {
                    let col = self.pos - self.line_start;
                    return Err(TokError::LineCont {
                        line: self.line,
                        col,
                    });
                }
                self.next_byte();
                if self.peek().is_none() {
                    return Err(TokError::Eof {
                        line: self.line,
                        cur: self.pos,
                    });
                }
                self.cont_line = true;
                continue;
            }
            return self.operator(start, start_line, start_ls).map(|_| true);
        }
    }

    fn indentation(&mut self, col: usize, altcol: usize, at_eof: bool) -> Step {
        let _ = at_eof;
        let top = *self.indstack.last().unwrap_or(&0);
        let alttop = *self.altindstack.last().unwrap_or(&0);
        if col == top {
            if altcol != alttop {
                return Err(TokError::TabSpace { line: self.line });
            }
        } else if col > top {
            if self.indstack.len() >= MAXINDENT {
                return Err(TokError::TooDeep { line: self.line });
            }
            if altcol <= alttop {
                return Err(TokError::TabSpace { line: self.line });
            }
            self.pendin += 1;
            self.indstack.push(col);
            self.altindstack.push(altcol);
        } else {
            while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                self.pendin -= 1;
                self.indstack.pop();
                self.altindstack.pop();
            }
            if col != *self.indstack.last().unwrap_or(&0) {
                let end = self.text[self.pos..]
                    .find('\n')
                    .map(|i| self.pos + i + 1)
                    .unwrap_or(self.b.len());
                return Err(TokError::Dedent {
                    line: self.line,
                    cur: end - self.line_start,
                });
            }
            if altcol != *self.altindstack.last().unwrap_or(&0) {
                return Err(TokError::TabSpace { line: self.line });
            }
        }
        Ok(())
    }

    fn name_or_string(&mut self, start: usize, line: u32, ls: usize) -> Step {
        // String prefixes: any of b, r, u, f in the combinations Python allows.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        while let Some(c) = self.peek() {
            match c {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.pos += 1;
            if matches!(self.peek(), Some(b'"') | Some(b'\'')) {
                return self.string(start, line, ls);
            }
        }
        let mut nonascii = false;
        while let Some(c) = self.peek() {
            if !is_ident_char(c) {
                break;
            }
            if c >= 128 {
                nonascii = true;
            }
            self.pos += 1;
        }
        if nonascii {
            self.verify_identifier(start)?;
        }
        self.push(Kind::Name, start, line, ls);
        Ok(())
    }

    fn verify_identifier(&mut self, start: usize) -> Step {
        let s = &self.text[start..self.pos];
        for (n, (i, ch)) in s.char_indices().enumerate() {
            let ok = if n == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                self.pos = start + i + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.error_here(msg));
            }
        }
        Ok(())
    }

    fn string(&mut self, start: usize, line: u32, ls: usize) -> Step {
        let Some(quote) = self.next_byte() else {
            return Ok(());
        };
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if self.peek() == Some(quote) {
            self.pos += 1;
            if self.peek() == Some(quote) {
                self.pos += 1;
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        while end_quote_size != quote_size {
            let line_before = self.line;
            let c = self.next_byte();
            let eol = c == Some(b'\n') && quote_size == 1;
            if c.is_none() || eol {
                // The newline ending a line belongs to that line.
                let detected = if eol { line_before } else { self.line };
                let what = if quote_size == 3 {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                let offset = {
                    let lt = &self.text[ls..];
                    let mut e = start + 1 - ls;
                    while !lt.is_char_boundary(e) {
                        e += 1;
                    }
                    lt[..e].chars().count() as i64
                };
                return Err(TokError::Raised(Raised {
                    msg: format!("{what} (detected at line {detected})"),
                    line,
                    offset,
                    end_line: line,
                    end_offset: offset,
                    text: self.line_text_of(ls),
                }));
            }
            let c = c.unwrap_or(0);
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' {
                    self.next_byte();
                }
            }
        }
        self.push(Kind::String, start, line, ls);
        Ok(())
    }

    /// CPython's `verify_end_of_number`: a letter right after a number is an
    /// error, except before a keyword that can follow a number (a warning).
    fn end_of_number(&mut self, kind: &str) -> Step {
        let c = self.peek();
        let rest = &self.b[self.pos.min(self.b.len())..];
        let kw = match c {
            Some(b'a') => rest.starts_with(b"and"),
            Some(b'e') => rest.starts_with(b"else"),
            Some(b'f') => rest.starts_with(b"for"),
            Some(b'i') => matches!(rest.get(1), Some(b'f') | Some(b'n') | Some(b's')),
            Some(b'o') => rest.starts_with(b"or"),
            Some(b'n') => rest.starts_with(b"not"),
            _ => false,
        };
        if kw {
            let msg = format!("invalid {kind} literal");
            let error = self.error_here(msg.clone());
            self.warnings.push(TokWarning {
                line: self.line,
                msg,
                pos: self.pos,
                error,
            });
            return Ok(());
        }
        if c.is_some_and(is_ident_char) {
            return Err(self.error_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Digits and single underscores; the position stays after the last digit.
    fn decimal_tail(&mut self) -> Step {
        loop {
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    fn number(&mut self, start: usize, line: u32, ls: usize) -> Step {
        if self.peek() == Some(b'0') {
            self.pos += 1;
            match self.peek() {
                Some(b'x') | Some(b'X') => {
                    self.pos += 1;
                    return self.radix(start, line, ls, |c| c.is_ascii_hexdigit(), "hexadecimal");
                }
                Some(b'o') | Some(b'O') => {
                    self.pos += 1;
                    return self.radix(start, line, ls, |c| (b'0'..b'8').contains(&c), "octal");
                }
                Some(b'b') | Some(b'B') => {
                    self.pos += 1;
                    return self.radix(start, line, ls, |c| c == b'0' || c == b'1', "binary");
                }
                _ => {}
            }
            // Zeros, maybe followed by other digits (an error unless a float follows).
            loop {
                if self.peek() == Some(b'_') {
                    self.pos += 1;
                    if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if self.peek() != Some(b'0') {
                    break;
                }
                self.pos += 1;
            }
            // CPython has read the character after the zeros too.
            let zeros_end = self.pos + 1;
            let mut nonzero = false;
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    return self.number_fraction(start, line, ls);
                }
                Some(b'e') | Some(b'E') => return self.number_exponent(start, line, ls),
                Some(b'j') | Some(b'J') => {
                    self.pos += 1;
                    self.end_of_number("imaginary")?;
                    self.push(Kind::Number, start, line, ls);
                    return Ok(());
                }
                _ => {}
            }
            if nonzero {
                let col = (start - self.line_start) as i64 + 1;
                let end = (zeros_end - self.line_start) as i64;
                return Err(TokError::Raised(Raised {
                    msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                    line: self.line,
                    offset: col,
                    end_line: self.line,
                    end_offset: end,
                    text: self.line_text_of(self.line_start),
                }));
            }
            self.end_of_number("decimal")?;
            self.push(Kind::Number, start, line, ls);
            return Ok(());
        }
        self.decimal_tail()?;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            return self.number_fraction(start, line, ls);
        }
        self.number_after_fraction(start, line, ls)
    }

    fn radix(
        &mut self,
        start: usize,
        line: u32,
        ls: usize,
        digit: fn(u8) -> bool,
        kind: &str,
    ) -> Step {
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            let c = self.peek();
            if !c.is_some_and(digit) {
                if kind != "hexadecimal"
                    && let Some(d) = c
                    && d.is_ascii_digit()
                {
                    self.pos += 1;
                    return Err(
                        self.error_here(format!("invalid digit '{}' in {kind} literal", d as char))
                    );
                }
                return Err(self.error_here(format!("invalid {kind} literal")));
            }
            while self.peek().is_some_and(digit) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if kind != "hexadecimal"
            && let Some(d) = self.peek()
            && d.is_ascii_digit()
        {
            self.pos += 1;
            return Err(self.error_here(format!("invalid digit '{}' in {kind} literal", d as char)));
        }
        self.end_of_number(kind)?;
        self.push(Kind::Number, start, line, ls);
        Ok(())
    }

    /// After a '.': the fraction digits, then an exponent or `j`.
    fn number_fraction(&mut self, start: usize, line: u32, ls: usize) -> Step {
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        self.number_after_fraction(start, line, ls)
    }

    fn number_after_fraction(&mut self, start: usize, line: u32, ls: usize) -> Step {
        if matches!(self.peek(), Some(b'e') | Some(b'E')) {
            return self.number_exponent(start, line, ls);
        }
        if matches!(self.peek(), Some(b'j') | Some(b'J')) {
            self.pos += 1;
            self.end_of_number("imaginary")?;
        } else {
            self.end_of_number("decimal")?;
        }
        self.push(Kind::Number, start, line, ls);
        Ok(())
    }

    fn number_exponent(&mut self, start: usize, line: u32, ls: usize) -> Step {
        // At 'e' or 'E'.
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'+') | Some(b'-') => {
                self.pos += 1;
                if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.error_here("invalid decimal literal"));
                }
            }
            Some(c) if c.is_ascii_digit() => {}
            _ => {
                // Not an exponent: the number ends before the 'e'.
                self.pos = e_pos;
                self.end_of_number("decimal")?;
                self.push(Kind::Number, start, line, ls);
                return Ok(());
            }
        }
        self.decimal_tail()?;
        if matches!(self.peek(), Some(b'j') | Some(b'J')) {
            self.pos += 1;
            self.end_of_number("imaginary")?;
        } else {
            self.end_of_number("decimal")?;
        }
        self.push(Kind::Number, start, line, ls);
        Ok(())
    }

    fn operator(&mut self, start: usize, line: u32, ls: usize) -> Step {
        let c = self.b[self.pos];
        let c2 = self.peek_at(1).unwrap_or(0);
        let c3 = self.peek_at(2).unwrap_or(0);
        let three = matches!(
            (c, c2, c3),
            (b'*', b'*', b'=')
                | (b'.', b'.', b'.')
                | (b'/', b'/', b'=')
                | (b'<', b'<', b'=')
                | (b'>', b'>', b'=')
        );
        let two = matches!(
            (c, c2),
            (b'!', b'=')
                | (b'%', b'=')
                | (b'&', b'=')
                | (b'*', b'*')
                | (b'*', b'=')
                | (b'+', b'=')
                | (b'-', b'=')
                | (b'-', b'>')
                | (b'/', b'/')
                | (b'/', b'=')
                | (b':', b'=')
                | (b'<', b'<')
                | (b'<', b'=')
                | (b'<', b'>')
                | (b'=', b'=')
                | (b'>', b'=')
                | (b'>', b'>')
                | (b'@', b'=')
                | (b'^', b'=')
                | (b'|', b'=')
        );
        if three {
            self.pos += 3;
            self.push(Kind::Op, start, line, ls);
            return Ok(());
        }
        if two {
            self.pos += 2;
            self.push(Kind::Op, start, line, ls);
            return Ok(());
        }
        self.pos += 1;
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.error_here("too many nested parentheses"));
                }
                self.parens.push(Paren {
                    ch: c,
                    line: self.line,
                    col: start - self.line_start,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.parens.pop() else {
                    return Err(self.error_here(format!("unmatched '{}'", c as char)));
                };
                let ok = matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !ok {
                    let msg = if open.line != self.line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch as char, open.line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open.ch as char
                        )
                    };
                    return Err(self.error_here(msg));
                }
            }
            _ => {}
        }
        if c < 128 && !is_printable(c as char) {
            return Err(self.error_here(format!("invalid non-printable character U+{:04X}", c)));
        }
        self.push(Kind::Op, start, line, ls);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        match tokenize(src).error {
            Some(TokError::Raised(r)) => {
                format!("{}@{}:{}-{}", r.msg, r.line, r.offset, r.end_offset)
            }
            Some(e) => format!("{e:?}"),
            None => "ok".into(),
        }
    }

    #[test]
    fn errors() {
        assert_eq!(err("x = 1abc\n"), "invalid decimal literal@1:5-5");
        assert_eq!(
            err("x = 007\n"),
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers@1:5-7"
        );
        assert_eq!(
            err("x = \"abc\n"),
            "unterminated string literal (detected at line 1)@1:5-5"
        );
        assert_eq!(err("x = 1)\n"), "unmatched ')'@1:6-6");
        assert_eq!(err("if 1:\n  x\n y\n"), "Dedent { line: 3, cur: 3 }");
        assert_eq!(err("x = 1if 1 else 2\n"), "ok");
    }
}
