//! Stitch's compiler: Python source to code units.
//!
//! Pipeline: [`parse`] (ruff_python_parser, plus CPython's tokenizer limits and error
//! messages) -> [`symtable`] (scopes) -> [`codegen`] (instructions with labels and
//! exception-handler pseudo-ops, constant folding in [`fold`]) -> [`assemble`]
//! (stack depths, exception table, jump targets) -> [`code::CodeUnit`].

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod error;
pub mod fold;
pub mod limits;
pub mod parse;
pub mod pegen;
pub mod source;
pub mod symtable;
pub mod tokenize;
pub mod warnings;

pub use code::{CodeUnit, Constant, ExceptionEntry, Location};
pub use error::{CompileError, ErrorKind, ErrorText};

/// What the source is compiled as (`compile()`'s `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module (`exec`).
    Module,
    /// A single expression (`eval`).
    Expression,
    /// One interactive statement (`single`): expression statements print their value.
    Interactive,
}

/// How the source reached the compiler (CPython reports some error columns
/// differently for files and strings).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The source was read from a file: parser error columns are byte offsets
    /// unless the file declares its encoding.
    pub file_input: bool,
}

impl Options {
    /// Parser errors report character (not byte) columns.
    pub fn char_offsets(&self, toks: &tokenize::Tokens) -> bool {
        !self.file_input || parse::declares_encoding(toks)
    }
}

/// The category of a compile-time warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    /// Invalid escape sequences (3.11).
    DeprecationWarning,
}

/// Which part of the compiler gives a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningStage {
    /// The tokenizer (invalid number literals): when made an error, it is a
    /// tokenizer error.
    Tokenizer,
    /// The parser's string literals (invalid escapes): when made an error, the
    /// parse stops there, and the tokenizer still reads the rest of the source
    /// (giving its warnings, and its errors, which win).
    Parser,
    /// Code generation (`is` with a literal...).
    Compiler,
}

/// A warning found while compiling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub lineno: u32,
    pub msg: String,
    pub category: WarningCategory,
    pub stage: WarningStage,
    /// A tokenizer warning past where a syntax error stopped the tokenizer: given
    /// only when a string's warning, made an error, stopped the parser first
    /// (the tokenizer then reads the whole source).
    pub past_error: bool,
    /// The SyntaxError CPython raises instead when the warnings filter turns the
    /// warning into an error.
    pub error: CompileError,
}

/// The result of compiling: the code or the error, and the warnings given on the way.
pub struct Compiled {
    pub result: Result<CodeUnit, CompileError>,
    pub warnings: Vec<Warning>,
}

/// Compiles `source` as `mode`, reporting errors against `filename`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    compile_with(source, filename, mode, &Options::default()).result
}

/// [`compile`] with options, returning the warnings too.
pub fn compile_with(source: &str, filename: &str, mode: Mode, opts: &Options) -> Compiled {
    let mut warnings = Vec::new();
    // Python reads `\r\n` and `\r` as `\n` (string literals spanning lines included).
    let normalized;
    let source = if source.contains('\r') {
        normalized = source.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        source
    };
    let map = source::SourceMap::new(source);
    let result =
        compile_inner(source, filename, mode, opts, &map, &mut warnings).map_err(|mut e| {
            compiler_error_columns(&mut e, &map, opts);
            e
        });
    Compiled { result, warnings }
}

/// Errors of the symbol table and code generation have byte columns (the AST's),
/// and no text when the source is not a file.
fn compiler_error_columns(e: &mut CompileError, map: &source::SourceMap, opts: &Options) {
    if e.text != ErrorText::SourceLine {
        return;
    }
    if !opts.file_input {
        e.text = ErrorText::Nothing;
    }
    let Some(line) = map.line_text(e.lineno) else {
        return;
    };
    let to_bytes = |off: i64| -> i64 {
        if off <= 0 {
            return off;
        }
        let chars = off as usize - 1;
        line.char_indices()
            .nth(chars)
            .map(|(b, _)| b + 1)
            .unwrap_or(line.len() + 1 + chars.saturating_sub(line.chars().count())) as i64
    };
    e.offset = to_bytes(e.offset);
    if e.end_lineno == e.lineno {
        e.end_offset = to_bytes(e.end_offset);
    } else if let Some(end_line) = map.line_text(e.end_lineno) {
        let chars = (e.end_offset as usize).saturating_sub(1);
        e.end_offset = end_line
            .char_indices()
            .nth(chars)
            .map(|(b, _)| b + 1)
            .unwrap_or(end_line.len() + 1) as i64;
    }
}

fn compile_inner(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &Options,
    map: &source::SourceMap,
    warnings: &mut Vec<Warning>,
) -> Result<CodeUnit, CompileError> {
    match mode {
        Mode::Expression => {
            let expr = parse::parse_expression(source, map, opts, warnings)?;
            limits::check_expression(&expr)?;
            let table = symtable::build_for_expression(&expr, map)?;
            let found = warnings::expression_warnings(&expr, map);
            let found = warning_columns(found, map, opts);
            let r = codegen::compile_expression(&expr, map, &table, filename);
            keep_warnings(warnings, found, &r);
            r
        }
        Mode::Module | Mode::Interactive => {
            let body = parse::parse_module(source, map, opts, warnings)?;
            limits::check_module(&body)?;
            let table = symtable::build(&body, map)?;
            let found = warnings::module_warnings(&body, map);
            let found = warning_columns(found, map, opts);
            let r =
                codegen::compile_module(&body, map, &table, filename, mode == Mode::Interactive);
            keep_warnings(warnings, found, &r);
            r
        }
    }
}

/// The compiler's warnings become errors at the compiler's columns.
fn warning_columns(
    mut found: Vec<Warning>,
    map: &source::SourceMap,
    opts: &Options,
) -> Vec<Warning> {
    for w in &mut found {
        compiler_error_columns(&mut w.error, map, opts);
    }
    found
}

/// The compiler's warnings come out as it goes: those after a compile error's line
/// were never given.
fn keep_warnings(out: &mut Vec<Warning>, found: Vec<Warning>, r: &Result<CodeUnit, CompileError>) {
    let limit = match r {
        Err(e) if e.lineno > 0 => e.lineno,
        _ => u32::MAX,
    };
    out.extend(found.into_iter().filter(|w| w.lineno <= limit));
}
