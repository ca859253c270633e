//! Compile errors: everything the runtime needs to raise a `SyntaxError` (or a
//! subclass) with CPython's message, line, and caret columns.

/// Which exception type a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Raised as `ValueError` (e.g. source text with null bytes is a SyntaxError in
    /// 3.11 too, so this is rare).
    ValueError,
    /// Compiling nested too deeply.
    RecursionError,
    MemoryError,
}

/// The source text a SyntaxError shows (its `text` attribute).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ErrorText {
    /// The line `lineno` of the source (with its newline).
    #[default]
    SourceLine,
    Text(String),
    Nothing,
}

/// A compile error with its source position (1-based line, 1-based column in
/// characters, as `SyntaxError.offset`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: i64,
    pub end_lineno: u32,
    pub end_offset: i64,
    pub text: ErrorText,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: Span) -> Self {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: loc.line,
            offset: loc.col as i64 + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col as i64 + 1,
            text: ErrorText::SourceLine,
        }
    }
}

/// A source span in lines and 0-based character columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}
