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
pub mod parse;
pub mod source;
pub mod symtable;

pub use code::{CodeUnit, Constant, ExceptionEntry, Location};
pub use error::{CompileError, ErrorKind};

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

/// Compiles `source` as `mode`, reporting errors against `filename`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let map = source::SourceMap::new(source);
    match mode {
        Mode::Expression => {
            let expr = parse::parse_expression(source, &map)?;
            let table = symtable::build_for_expression(&expr, &map)?;
            codegen::compile_expression(&expr, &map, &table, filename)
        }
        Mode::Module | Mode::Interactive => {
            let body = parse::parse_module(source, &map)?;
            let table = symtable::build(&body, &map)?;
            codegen::compile_module(&body, &map, &table, filename, mode == Mode::Interactive)
        }
    }
}
