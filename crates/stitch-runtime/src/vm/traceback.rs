//! Tracebacks: the entries an exception collects as it leaves frames, and printing
//! them the way CPython 3.11 does (source lines, `~~^~~` location carets, repeated
//! lines collapsed, chained exceptions, SyntaxError's own format).

use std::cell::Cell;
use std::rc::Rc;

use stitch_core::frame::Frame;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::Vm;
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{CodeObj, ExceptionObj, ValueExt, exception, str as pystr};

/// One traceback entry (a `traceback` object).
pub struct Traceback {
    /// The next entry (None at the end); `tb_next` is assignable.
    pub next: Cell<Value>,
    pub code: Value,
    pub lasti: u32,
    pub globals: Value,
    pub frame: Cell<Value>,
}

impl NativeData for Traceback {
    fn trace(&self, t: &mut crate::gc::Tracer) {
        t.mark_all(&[self.next.get(), self.code, self.globals, self.frame.get()]);
    }
    fn getattr(&self, vm: &mut Vm, _this: Value, name: &str) -> super::PyResult<Option<Value>> {
        Ok(match name {
            "tb_lineno" => Some(Value::small(self.lineno() as i64)),
            "tb_lasti" => Some(Value::small(self.lasti as i64 * 2)),
            "tb_frame" => {
                if self.frame.get().is_null() {
                    let f = crate::builtins::frame::snapshot(
                        vm,
                        self.code,
                        self.globals,
                        self.lasti,
                        Value::NONE,
                    );
                    self.frame.set(f);
                }
                Some(self.frame.get())
            }
            _ => None,
        })
    }
    native_any!();
}

impl Traceback {
    pub fn lineno(&self) -> u32 {
        unsafe { self.code.raw::<CodeObj>() }.line_of(self.lasti)
    }
}

/// `tb.tb_next` (a data descriptor on the traceback type).
pub fn tb_next_get(_vm: &mut Vm, tb: Value) -> super::PyResult<Value> {
    Ok(native::downcast::<Traceback>(tb).map_or(Value::NONE, |t| t.next.get()))
}

/// `tb.tb_next = next`: None or a traceback that does not lead back to `tb`.
pub fn tb_next_set(vm: &mut Vm, tb: Value, next: Value) -> super::PyResult<()> {
    if next.is_null() {
        return Err(vm.type_error("can't delete tb_next attribute"));
    }
    if !next.is_none() && native::downcast::<Traceback>(next).is_none() {
        return Err(vm.type_error(format!("expected traceback object or None, got '{}'", vm.type_name(next))));
    }
    let mut cur = next;
    while let Some(t) = native::downcast::<Traceback>(cur) {
        if cur == tb {
            return Err(vm.value_error("traceback loop detected"));
        }
        cur = t.next.get();
    }
    if let Some(t) = native::downcast::<Traceback>(tb) {
        t.next.set(next);
    }
    Ok(())
}

/// Records that `exc` passed through `frame` at instruction `lasti`.
pub fn add_entry(vm: &mut Vm, exc: Value, frame: *mut Frame, lasti: u32) {
    let Some(e) = exc.get::<ExceptionObj>() else {
        return;
    };
    let next = if e.traceback.is_none() {
        Value::NULL
    } else {
        e.traceback
    };
    // SAFETY: the frame is live.
    let (code, globals) = unsafe {
        (
            Value::from_ptr((*frame).code),
            Value::from_ptr((*frame).globals),
        )
    };
    let ty = vm.types.traceback;
    let tb = native::new(
        vm,
        ty,
        Box::new(Traceback {
            next: Cell::new(if next.is_null() { Value::NONE } else { next }),
            code,
            lasti,
            globals,
            frame: Cell::new(Value::NULL),
        }),
    );
    if let Some(e) = exc.get::<ExceptionObj>() {
        e.traceback = tb;
    }
}

/// Source lines of a file (cached), or None when unreadable: decoded as the file
/// declares (UTF-8 by default), split at `\n`, `\r\n` and `\r` as Python's text
/// files do, without the line ends (trailing spaces are kept, as CPython prints them).
pub fn source_lines(vm: &mut Vm, filename: &str) -> Option<Rc<Vec<String>>> {
    if filename.starts_with('<') {
        return None;
    }
    if let Some(c) = vm.source_cache.get(filename) {
        return c.clone();
    }
    let lines = std::fs::read(filename)
        .ok()
        .map(|bytes| Rc::new(split_source(&crate::run::decode_for_display(vm, &bytes))));
    vm.source_cache.insert(filename.to_string(), lines.clone());
    lines
}

/// Decodes and splits a source file the way CPython's traceback printer reads it.
fn split_source(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => lines.push(std::mem::take(&mut cur)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// How deep exception groups nest, as CPython prints them.
const MAX_GROUP_DEPTH: usize = 10;
/// How many sub-exceptions of a group are printed.
const MAX_GROUP_WIDTH: usize = 15;

/// State of printing one exception report (CPython's `exception_print_context`).
struct Ctx {
    seen: Vec<Value>,
    /// Nesting in exception groups.
    depth: usize,
    need_close: bool,
}

impl Ctx {
    fn indent(&self) -> usize {
        2 * self.depth
    }
    /// The margin before each line: indentation and `| ` inside a group.
    fn margin(&self) -> String {
        let mut m = " ".repeat(self.indent());
        if self.depth > 0 {
            m.push_str("| ");
        }
        m
    }
}

/// The text CPython prints for an uncaught exception.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let mut ctx = Ctx {
        seen: Vec::new(),
        depth: 0,
        need_close: false,
    };
    print_recursive(vm, &mut ctx, exc, &mut out, 0);
    out
}

fn print_recursive(vm: &mut Vm, ctx: &mut Ctx, exc: Value, out: &mut String, level: usize) {
    if level > 200 {
        return;
    }
    // The cause, or else the context, first.
    ctx.seen.push(exc);
    if let Some(e) = exc.get::<ExceptionObj>() {
        let (cause, context, suppress) = (e.cause, e.context, e.suppress_context);
        if !cause.is_null() && !cause.is_none() {
            if cause.is_kind(Kind::Exception) && !ctx.seen.contains(&cause) {
                print_chained(
                    vm,
                    ctx,
                    cause,
                    out,
                    level,
                    "The above exception was the direct cause of the following exception:\n",
                );
            }
        } else if !suppress && context.is_kind(Kind::Exception) && !ctx.seen.contains(&context) {
            print_chained(
                vm,
                ctx,
                context,
                out,
                level,
                "During handling of the above exception, another exception occurred:\n",
            );
        }
    }
    if vm.is_instance_of(exc, vm.exc.base_exception_group) {
        print_group(vm, ctx, exc, out, level);
    } else {
        print_one(vm, ctx, exc, out);
    }
}

fn print_chained(
    vm: &mut Vm,
    ctx: &mut Ctx,
    exc: Value,
    out: &mut String,
    level: usize,
    message: &str,
) {
    let need_close = ctx.need_close;
    print_recursive(vm, ctx, exc, out, level + 1);
    ctx.need_close = need_close;
    let m = ctx.margin();
    out.push_str(&format!("{m}\n{m}{message}{m}\n"));
}

/// The sub-exceptions of an exception group.
fn group_members(vm: &mut Vm, exc: Value) -> Vec<Value> {
    match exception::get_attr(vm, exc, "exceptions") {
        Some(t) if t.is_kind(Kind::Tuple) => crate::object::tuple::items(t).to_vec(),
        _ => Vec::new(),
    }
}

fn print_group(vm: &mut Vm, ctx: &mut Ctx, exc: Value, out: &mut String, level: usize) {
    if ctx.depth > MAX_GROUP_DEPTH {
        out.push_str(&format!(
            "{}... (max_group_depth is {MAX_GROUP_DEPTH})\n",
            ctx.margin()
        ));
        return;
    }
    if ctx.depth == 0 {
        ctx.depth += 1;
    }
    print_one(vm, ctx, exc, out);
    let excs = group_members(vm, exc);
    let n = if excs.len() <= MAX_GROUP_WIDTH {
        excs.len()
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        out.push_str(&" ".repeat(ctx.indent()));
        let lead = if i == 0 { "+-" } else { "  " };
        if truncated {
            out.push_str(&format!("{lead}+---------------- ... ----------------\n"));
        } else {
            out.push_str(&format!(
                "{lead}+---------------- {} ----------------\n",
                i + 1
            ));
        }
        ctx.depth += 1;
        if !truncated {
            print_recursive(vm, ctx, excs[i], out, level + 1);
        } else {
            let rest = excs.len() - MAX_GROUP_WIDTH;
            out.push_str(&format!(
                "{}and {rest} more exception{}\n",
                ctx.margin(),
                if rest > 1 { "s" } else { "" }
            ));
        }
        if last && ctx.need_close {
            out.push_str(&" ".repeat(ctx.indent()));
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if ctx.depth == 1 {
        ctx.depth -= 1;
    }
}

/// One exception: its traceback, then its `Type: message` line and notes.
fn print_one(vm: &mut Vm, ctx: &mut Ctx, exc: Value, out: &mut String) {
    let tb = exc
        .get::<ExceptionObj>()
        .map(|e| e.traceback)
        .unwrap_or(Value::NONE);
    let margin = ctx.margin();
    if !tb.is_none() && !tb.is_null() {
        let is_group = vm.is_instance_of(exc, vm.exc.base_exception_group);
        let header_margin = if is_group && ctx.depth == 1 {
            format!("{}+ ", " ".repeat(ctx.indent()))
        } else {
            margin.clone()
        };
        let header = if is_group {
            "Exception Group Traceback (most recent call last):\n"
        } else {
            "Traceback (most recent call last):\n"
        };
        out.push_str(&header_margin);
        out.push_str(header);
        format_tb_with(vm, tb, out, &margin);
    }
    let only = format_exception_only(vm, exc);
    for line in only.split_inclusive('\n') {
        out.push_str(&margin);
        out.push_str(line);
    }
}

/// Prints the entries of a traceback chain.
pub fn format_tb(vm: &mut Vm, tb: Value, out: &mut String) {
    format_tb_with(vm, tb, out, "");
}

fn format_tb_with(vm: &mut Vm, tb: Value, out: &mut String, margin: &str) {
    let mut entries = Vec::new();
    let mut t = tb;
    while let Some(e) = native::downcast::<Traceback>(t) {
        entries.push((e.code, e.lasti));
        t = e.next.get();
    }
    const LIMIT: usize = 1000;
    if entries.len() > LIMIT {
        entries.drain(..entries.len() - LIMIT);
    }
    const CUTOFF: usize = 3;
    let mut last: Option<(Value, u32, Value)> = None;
    let mut count = 0usize;
    for (code, lasti) in entries {
        let c = unsafe { code.raw::<CodeObj>() };
        let line = c.line_of(lasti);
        let key = (c.filename, line, c.name);
        let same = last.is_some_and(|(f, l, n)| {
            pystr::as_str(f) == pystr::as_str(key.0)
                && l == key.1
                && pystr::as_str(n) == pystr::as_str(key.2)
        });
        if !same {
            if count > CUTOFF {
                repeated(out, count - CUTOFF);
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= CUTOFF {
            format_entry(vm, c, lasti, out, margin);
        }
    }
    if count > CUTOFF {
        repeated(out, count - CUTOFF);
    }
}

/// "[Previous line repeated N more times]" (CPython writes it without the margin).
fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

fn format_entry(vm: &mut Vm, c: &CodeObj, lasti: u32, out: &mut String, margin: &str) {
    let filename = pystr::as_str(c.filename).to_string();
    let loc = c
        .unit
        .locations
        .get(lasti as usize)
        .copied()
        .unwrap_or_default();
    out.push_str(&format!(
        "{margin}  File \"{}\", line {}, in {}\n",
        filename,
        loc.line,
        pystr::as_str(c.name)
    ));
    let Some(lines) = source_lines(vm, &filename) else {
        return;
    };
    let Some(line) = lines.get((loc.line as usize).wrapping_sub(1)) else {
        return;
    };
    let indent = line
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    out.push_str(margin);
    out.push_str("    ");
    out.extend(line.chars().skip(indent));
    out.push('\n');
    if let Some(carets) = carets(line, indent, loc) {
        out.push_str(margin);
        out.push_str(&carets);
    }
}

/// Character offset of UTF-8 byte offset `byte` in `line`, as CPython's
/// `_PyPegen_byte_offset_to_character_offset` (a cut character counts as one, the
/// offset is clamped one past the end).
fn char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len() + 1);
    if b > line.len() {
        return line.chars().count() + 1;
    }
    let mut whole = b;
    while !line.is_char_boundary(whole) {
        whole -= 1;
    }
    line[..whole].chars().count() + usize::from(whole < b)
}

/// The caret line under a source line (CPython's `tb_displayline`), or None when
/// the carets would cover the whole stripped line.
fn carets(line: &str, indent: usize, loc: stitch_compiler::Location) -> Option<String> {
    if loc.line == 0 {
        return None;
    }
    let start = char_offset(line, loc.col as usize);
    let mut end = char_offset(line, loc.end_col as usize);
    let mut anchors = None;
    if loc.line == loc.end_line {
        if start < end {
            let seg: String = line.chars().skip(start).take(end - start).collect();
            anchors = anchors_of(&seg).map(|(l, r)| (l + start, r + start));
        }
    } else {
        // Up to the last non-blank character.
        end = line.trim_end_matches([' ', '\t', '\x0c']).chars().count();
    }
    let stripped_len = line.chars().count() - indent;
    if end.wrapping_sub(start) == stripped_len && anchors.is_none() {
        return None;
    }
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    let mut s = String::new();
    let mut p = indent as isize - 4;
    while {
        p += 1;
        p <= end as isize
    } {
        let ch = if p <= start as isize {
            ' '
        } else if let Some((l, r)) = anchors
            && (l as isize) < p
            && p <= r as isize
        {
            secondary
        } else {
            primary
        };
        s.push(ch);
    }
    s.push('\n');
    Some(s)
}

/// Anchors of a binary operator or subscript within an expression segment
/// (char offsets): the operator, or the bracketed subscript. The segment is
/// parsed as a module holding one expression statement, as CPython does.
fn anchors_of(seg: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(seg).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(stmt)] = body.as_slice() else {
        return None;
    };
    let bytes = seg.as_bytes();
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c');
    match stmt.value.as_ref() {
        Expr::BinOp(b) => {
            let lend = b.left.range().end().to_usize();
            let rstart = b.right.range().start().to_usize();
            let mut i = lend;
            while i < rstart {
                let c = *bytes.get(i)?;
                if ws(c) || (c == b')' && i + 1 < rstart) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                if j < rstart && !ws(bytes[j]) {
                    j += 1;
                }
                return Some((char_offset(seg, i), char_offset(seg, j)));
            }
            None
        }
        Expr::Subscript(s) => {
            let mut l = s.value.range().end().to_usize();
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            let mut r = s.slice.range().end().to_usize() + 1;
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            Some((char_offset(seg, l), char_offset(seg, r.min(bytes.len()))))
        }
        _ => None,
    }
}

/// The last part of an exception report: `Type: message` (and SyntaxError's lines).
pub fn format_exception_only(vm: &mut Vm, exc: Value) -> String {
    let ty = vm.type_of(exc);
    let name = vm.exception_type_name(ty);
    let mut out = String::new();
    if vm.is_instance_of(exc, vm.exc.syntax_error) {
        out.push_str(&format_syntax_error(vm, exc));
    }
    let msg = if vm.is_instance_of(exc, vm.exc.syntax_error) {
        exception::get_attr(vm, exc, "msg")
            .or_else(|| exception::args(exc).first().copied())
            .filter(|m| !m.is_none())
            .map(|m| vm.str_string(m).unwrap_or_default())
            .unwrap_or_else(|| vm.exception_str(exc).unwrap_or_default())
    } else {
        match vm.exception_str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    };
    let hint = crate::builtins::suggest::hint(vm, exc);
    if msg.is_empty() {
        out.push_str(&name);
    } else {
        out.push_str(&format!("{name}: {msg}"));
    }
    out.push_str(&hint);
    out.push('\n');
    out.push_str(&format_notes(vm, exc));
    out
}

/// The notes of an exception, one line each (CPython's `print_exception_notes`).
fn format_notes(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let Some(notes) = exception::get_attr(vm, exc, "__notes__") else {
        return out;
    };
    let is_sequence =
        notes.is_kind(Kind::List) || notes.is_kind(Kind::Tuple) || notes.is_kind(Kind::Str);
    if !is_sequence {
        let r = vm
            .repr_string(notes)
            .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
        out.push_str(&r);
        out.push('\n');
        return out;
    }
    let Ok(items) = vm.collect_iter(notes) else {
        return out;
    };
    for n in items.iter() {
        match vm.str_string(*n) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
    out
}

/// The `File ..., line N` line, source text and carets of a SyntaxError (CPython's
/// `print_exception` with `parse_syntax_error` and `print_error_text`).
fn format_syntax_error(vm: &mut Vm, exc: Value) -> String {
    let get = |vm: &mut Vm, n: &str| exception::get_attr(vm, exc, n).filter(|v| !v.is_none());
    let int_of = |v: Option<Value>| {
        v.and_then(|v| {
            if v.is_small_int() {
                Some(v.small_value())
            } else {
                None
            }
        })
    };
    let filename = get(vm, "filename").map(|f| vm.str_string(f).unwrap_or_default());
    let Some(lineno) = int_of(get(vm, "lineno")) else {
        return String::new();
    };
    let mut out = format!(
        "  File \"{}\", line {}\n",
        filename.as_deref().unwrap_or("<string>"),
        lineno
    );
    let Some(text) = get(vm, "text").map(|t| vm.str_string(t).unwrap_or_default()) else {
        return out;
    };
    let offset = int_of(get(vm, "offset")).unwrap_or(-1);
    // Only SyntaxError itself (not its subclasses) shows a range of carets.
    let exact = vm.type_of(exc) == vm.exc.syntax_error;
    let (end_lineno, mut end_offset) = if exact {
        (
            int_of(get(vm, "end_lineno")).unwrap_or(lineno),
            int_of(get(vm, "end_offset")).unwrap_or(-1),
        )
    } else {
        (lineno, -1)
    };
    let size = text.len() as i64;
    if end_lineno > lineno {
        end_offset = size;
    }
    if end_offset > size + 1 {
        end_offset = size + 1;
    }
    out.push_str(&error_text(offset, end_offset, &text));
    out
}

/// CPython's `print_error_text` (offsets count characters, lengths bytes, as there).
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut t = text;
    while let Some(rest) = t.strip_prefix([' ', '\t', '\x0c']) {
        t = rest;
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if t.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // Skip past newlines embedded in the text.
    while let Some(nl) = t.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t = &t[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    let mut out = String::from("    ");
    out.push_str(t);
    if !t.ends_with('\n') {
        out.push('\n');
    }
    let _ = len;
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
    out
}
