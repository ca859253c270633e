//! The compiler's output: a code unit with its constants, names, instructions,
//! locations and exception table, independent of the runtime's object model.

use num_bigint::BigInt;
use stitch_core::instr::Instr;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A frozenset of the items, added in this order.
    FrozenSet(Vec<Constant>),
    Ellipsis,
    Code(Box<CodeUnit>),
}

/// Source location of an instruction: 1-based lines, 0-based columns in UTF-8 bytes
/// (as CPython's `co_positions`). `line == 0` means no location.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One exception table entry: instructions `start..end` are handled at `target`
/// with the value stack cut to `depth` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// A compiled code unit (module, class body, function, lambda or comprehension).
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Plain local names: parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Cell variables that are not parameters.
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    /// Instruction words, each followed by its zeroed inline-cache words.
    pub code: Vec<Instr>,
    /// One location per word of `code`.
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
    pub flags: u32,
    /// The docstring, if the body starts with one (functions and classes).
    pub docstring: Option<String>,
}

impl CodeUnit {
    /// The name of local slot `i` (locals, then cells, then free variables).
    pub fn slot_name(&self, i: usize) -> &str {
        let n = self.varnames.len();
        let c = self.cellvars.len();
        if i < n {
            &self.varnames[i]
        } else if i < n + c {
            &self.cellvars[i - n]
        } else {
            &self.freevars[i - n - c]
        }
    }
    /// True when slot `i` is a free variable (not a local or a cell).
    pub fn slot_is_free(&self, i: usize) -> bool {
        i >= self.varnames.len() + self.cellvars.len()
    }
}

impl CodeUnit {
    /// A human-readable listing of the instructions (for `-X dis` and tests).
    pub fn disassemble(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "code {} ({}), line {}",
            self.qualname, self.filename, self.firstlineno
        );
        let mut i = 0;
        let mut last_line = 0;
        while i < self.code.len() {
            let ins = self.code[i];
            let op = ins.opcode();
            let line = self.locations[i].line;
            let line_col = if line != last_line {
                last_line = line;
                format!("{line:>5}")
            } else {
                "     ".to_string()
            };
            let note = match op.name() {
                "LOAD_CONST" => format!(" ({})", short_const(&self.consts[ins.arg as usize])),
                "LOAD_FAST" | "STORE_FAST" | "DELETE_FAST" | "LOAD_DEREF" | "STORE_DEREF"
                | "LOAD_CLOSURE" | "MAKE_CELL" | "DELETE_DEREF" => {
                    format!(" ({})", self.slot_name(ins.arg as usize))
                }
                "LOAD_GLOBAL" | "STORE_GLOBAL" | "LOAD_NAME" | "STORE_NAME" | "LOAD_ATTR"
                | "STORE_ATTR" | "LOAD_METHOD" | "DELETE_NAME" | "DELETE_GLOBAL"
                | "DELETE_ATTR" | "IMPORT_NAME" | "IMPORT_FROM" => {
                    format!(" ({})", self.names[ins.arg as usize])
                }
                _ => String::new(),
            };
            let _ = writeln!(out, "{line_col} {i:>5} {:<24} {}{note}", op.name(), ins.arg);
            i += 1 + op.cache_words();
        }
        for e in &self.exception_table {
            let _ = writeln!(
                out,
                "  handler {}..{} -> {} depth {}",
                e.start, e.end, e.target, e.depth
            );
        }
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                out.push('\n');
                out.push_str(&inner.disassemble());
            }
        }
        out
    }
}

fn short_const(c: &Constant) -> String {
    match c {
        Constant::Code(u) => format!("<code {}>", u.name),
        Constant::Str(s) => format!("{s:?}"),
        other => format!("{other:?}"),
    }
}
