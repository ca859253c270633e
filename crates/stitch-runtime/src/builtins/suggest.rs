//! "Did you mean" hints for NameError and AttributeError, computed when the
//! exception is printed (as CPython 3.11's exception printer does; `str(exc)` never
//! has them).
//!
//! The closest candidate by a Levenshtein distance over UTF-8 bytes in which a
//! case change costs 1 and any other edit 2; a candidate qualifies when at most
//! about a third of the characters involved change. Only the exact types
//! AttributeError (candidates: `dir(obj)`) and NameError (the failing frame's local
//! variables, then its globals, then the builtins) get hints.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::native;
use crate::object::{CodeObj, ValueExt, dict, exception, list, module, str as pystr};
use crate::vm::Vm;
use crate::vm::traceback::Traceback;

/// Cost of inserting, deleting or replacing a byte.
const MOVE_COST: usize = 2;
/// Cost of replacing an ASCII letter by itself in the other case.
const CASE_COST: usize = 1;
/// Candidate lists this long or longer are not searched.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Strings longer than this (after removing the common prefix and suffix) never match.
const MAX_STRING_SIZE: usize = 40;

/// The hint suffix (`. Did you mean: 'x'?`) for an exception, or empty.
pub fn hint(vm: &mut Vm, exc: Value) -> String {
    let ty = vm.type_of(exc);
    let found = if ty == vm.exc.attribute_error {
        attribute_suggestion(vm, exc)
    } else if ty == vm.exc.name_error {
        name_suggestion(vm, exc)
    } else {
        None
    };
    match found {
        Some(s) => format!(". Did you mean: '{s}'?"),
        None => String::new(),
    }
}

/// The `name` attribute when it is exactly a str.
fn exc_name(vm: &mut Vm, exc: Value) -> Option<String> {
    let name = exception::get_attr(vm, exc, "name")?;
    if !name.is_kind(Kind::Str) {
        return None;
    }
    Some(pystr::as_str(name).to_string())
}

fn attribute_suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let name = exc_name(vm, exc)?;
    let obj = exception::get_attr(vm, exc, "obj")?;
    let dir = module::get(vm, vm.builtins, "dir")?;
    let listing = match vm.call(dir, &[obj]) {
        Ok(l) => l,
        Err(_) => return None,
    };
    if !listing.is_kind(Kind::List) {
        return None;
    }
    let names: Vec<String> = list::items(listing)
        .iter()
        .map(|v| if v.is_kind(Kind::Str) { pystr::as_str(*v).to_string() } else { String::new() })
        .collect();
    best_match(&names, &name)
}

fn name_suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let name = exc_name(vm, exc)?;
    let mut tb = exception::obj(exc)?.traceback;
    let mut entry = native::downcast::<Traceback>(tb)?;
    while let Some(next) = native::downcast::<Traceback>(entry.next.get()) {
        tb = entry.next.get();
        entry = next;
    }
    let _ = tb;
    let code = entry.code.get::<CodeObj>()?;
    let locals: Vec<String> = code.unit.varnames.clone();
    if let Some(s) = best_match(&locals, &name) {
        return Some(s);
    }
    let globals = entry.globals;
    if globals.is_kind(Kind::Dict) {
        let keys = dict_keys(globals);
        if let Some(s) = best_match(&keys, &name) {
            return Some(s);
        }
    }
    let builtins = match globals.is_kind(Kind::Dict).then(|| dict::get_str(globals, pystr::intern(vm, "__builtins__"))) {
        Some(Some(b)) if b.is_kind(Kind::Dict) => b,
        Some(Some(b)) if b.is_kind(Kind::Module) => module::dict_of(b),
        _ => vm.builtins_dict,
    };
    let mut keys = dict_keys(builtins);
    // Equally close candidates go by CPython's order of the builtins.
    keys.sort_by_key(|k| CPYTHON_BUILTINS_ORDER.iter().position(|b| b == k).unwrap_or(usize::MAX));
    best_match(&keys, &name)
}

/// The order of CPython 3.11's builtins dict.
const CPYTHON_BUILTINS_ORDER: &[&str] = &[
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__",
    "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr",
    "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
    "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len",
    "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round",
    "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True",
    "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate",
    "filter", "float", "frozenset", "property", "int", "list", "map", "object", "range",
    "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
    "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit",
    "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
    "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError",
    "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration",
    "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError",
    "OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning",
    "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
    "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning",
    "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
    "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
    "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError",
    "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError",
    "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError",
    "IOError", "open", "quit", "exit", "copyright", "credits", "license", "help",
];

/// The str keys of a dict, in order (other keys as empty strings, which never match
/// a non-empty name... nor count as anything else).
fn dict_keys(d: Value) -> Vec<String> {
    dict::items(d)
        .into_iter()
        .map(|(k, _)| if k.is_kind(Kind::Str) { pystr::as_str(k).to_string() } else { String::new() })
        .collect()
}

/// The candidate closest to `name` (the first of equally close ones), if any is
/// close enough.
pub fn best_match(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        // No more than a third of the characters involved should need changing.
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
            if d == 0 {
                continue;
            }
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() && a.is_ascii_alphabetic() {
        return CASE_COST;
    }
    MOVE_COST
}

/// Edit distance between `a` and `b`, or something above `max` once it is known to
/// exceed it.
fn distance<'s>(mut a: &'s [u8], mut b: &'s [u8], max: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first())
        && x == y
    {
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last())
        && x == y
    {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..=i]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &bc) in b.iter().enumerate() {
        let mut diag = j * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(bc, ac);
            diag = row[i];
            let insert_delete = result.min(diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn matches_cpython() {
        assert_eq!(best_match(&s(&["append", "extend"]), "apend").as_deref(), Some("append"));
        assert_eq!(best_match(&s(&["print", "len"]), "prnt").as_deref(), Some("print"));
        assert_eq!(best_match(&s(&["abc"]), "xyz"), None);
        assert_eq!(best_match(&s(&["Foo"]), "foo").as_deref(), Some("Foo"));
    }
}
