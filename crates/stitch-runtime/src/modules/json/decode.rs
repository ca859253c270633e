//! JSON decoding: `scanstring` and the `make_scanner` type (CPython's
//! `scan_once`: objects, arrays, strings, numbers and the constants, with
//! `StopIteration(idx)` where no value starts, which `json.decoder` turns into
//! "Expecting value").
//!
//! The text is UTF-8; the scanner walks bytes and counts code points beside them,
//! so every position it reports or returns is a code-point index.

use stitch_core::value::Value;

use super::super::util::{new_cls, new_for_class, this};
use super::decode_error;
use crate::builtins::args::{self, Sig};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{dict, int, list, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

/// A position in the text: byte offset and code-point index.
#[derive(Clone, Copy)]
struct Pos {
    b: usize,
    c: usize,
}

/// Byte length of the UTF-8 sequence starting with `b`.
#[inline]
fn seq_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex4(s: &[u8], b: usize) -> Option<u32> {
    let d = s.get(b..b + 4)?;
    let mut v = 0;
    for &x in d {
        v = (v << 4) | (x as char).to_digit(16)?;
    }
    Some(v)
}

/// Decodes the JSON string whose opening quote is just before `start`; returns the
/// str and the position after the closing quote.
fn scan_string(vm: &mut Vm, doc: Value, start: Pos, strict: bool) -> PyResult<(Value, Pos)> {
    let s = pystr::as_str(doc).as_bytes();
    let nchars = pystr::char_len(doc);
    let begin = start.c.wrapping_sub(1);
    let mut p = start;
    let mut buf: Option<String> = None;
    loop {
        // The chunk up to the next quote or backslash.
        let chunk = p;
        let mut d = 0u8;
        while let Some(&x) = s.get(p.b) {
            d = x;
            if x == b'"' || x == b'\\' {
                break;
            }
            if x < 0x20 && strict {
                return Err(decode_error(vm, "Invalid control character at", doc, p.c));
            }
            p.b += seq_len(x);
            p.c += 1;
        }
        if p.b >= s.len() {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                doc,
                begin,
            ));
        }
        let text = std::str::from_utf8(&s[chunk.b..p.b]).unwrap_or("");
        if d == b'"' {
            let v = match buf.take() {
                None => {
                    let ascii = pystr::is_ascii(doc) || text.is_ascii();
                    pystr::new_known(vm, text, p.c - chunk.c, ascii)
                }
                Some(mut out) => {
                    out.push_str(text);
                    pystr::new(vm, &out)
                }
            };
            return Ok((
                v,
                Pos {
                    b: p.b + 1,
                    c: p.c + 1,
                },
            ));
        }
        let out = buf.get_or_insert_with(String::new);
        out.push_str(text);
        // A backslash escape.
        p.b += 1;
        p.c += 1;
        let Some(&e) = s.get(p.b) else {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                doc,
                begin,
            ));
        };
        if e != b'u' {
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(decode_error(vm, "Invalid \\escape", doc, p.c - 1)),
            };
            out.push(ch);
            p.b += 1;
            p.c += 1;
            continue;
        }
        // \uXXXX: four hex digits, and there must be something after them.
        let digits = Pos {
            b: p.b + 1,
            c: p.c + 1,
        };
        if digits.c + 4 >= nchars {
            return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, p.c));
        }
        let Some(mut code) = hex4(s, digits.b) else {
            return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, p.c));
        };
        p = Pos {
            b: digits.b + 4,
            c: digits.c + 4,
        };
        if (0xd800..0xdc00).contains(&code)
            && p.c + 6 < nchars
            && s.get(p.b) == Some(&b'\\')
            && s.get(p.b + 1) == Some(&b'u')
        {
            let Some(low) = hex4(s, p.b + 2) else {
                return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, p.c + 1));
            };
            if (0xdc00..0xe000).contains(&low) {
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                p = Pos {
                    b: p.b + 6,
                    c: p.c + 6,
                };
            }
        }
        // Lone surrogates cannot be represented (see ARCHITECTURE.md).
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
    }
}

/// A code-point index argument as a position in `doc`, or None past its end.
fn pos_of(doc: Value, idx: usize) -> Option<Pos> {
    if idx > pystr::char_len(doc) {
        return None;
    }
    Some(Pos {
        b: pystr::byte_offset(doc, idx),
        c: idx,
    })
}

/// `scanstring(string, end, strict=True)`.
pub fn scanstring(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::no_kwargs(vm, a, "scanstring")?;
    args::count(vm, a, "scanstring", 2, 3)?;
    let doc = a.pos[0];
    let end = vm.index(a.pos[1])?;
    let end = int::to_i64(end)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    let strict = match a.pos.get(2) {
        Some(&v) => vm.truth(v)?,
        None => true,
    };
    let Some(doc) = pystr::text_of(doc).map(|_| native_str(doc)) else {
        return Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(doc)
        )));
    };
    let Some(start) = usize::try_from(end).ok().and_then(|e| pos_of(doc, e)) else {
        return Err(vm.value_error("end is out of bounds"));
    };
    let (v, p) = scan_string(vm, doc, start, strict)?;
    Ok(tuple::new(vm, &[v, Value::small(p.c as i64)]))
}

/// The native str behind a str or str-subclass instance.
fn native_str(v: Value) -> Value {
    if v.is_kind(stitch_core::layout::Kind::Str) {
        return v;
    }
    v.get::<stitch_core::layout::InstanceObj>()
        .map(|i| i.base)
        .unwrap_or(v)
}

use crate::object::ValueExt;

/// A scanner: the decoding options read from the context object.
pub struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

impl NativeData for Scanner {
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&[
            self.object_hook,
            self.object_pairs_hook,
            self.parse_float,
            self.parse_int,
            self.parse_constant,
        ]);
    }
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "strict" => Some(Value::from_bool(self.strict)),
            "object_hook" => Some(self.object_hook),
            "object_pairs_hook" => Some(self.object_pairs_hook),
            "parse_float" => Some(self.parse_float),
            "parse_int" => Some(self.parse_int),
            "parse_constant" => Some(self.parse_constant),
            _ => None,
        })
    }
    native_any!();
}

/// `make_scanner(context)`.
pub fn scanner_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry["_json.make_scanner"];
    let cls = new_cls(vm, a, base)?;
    let [ctx] = args::parse::<1>(vm, &a.tail(), &Sig::new("make_scanner", &["context"], 1))?;
    let strict = vm.getattr_str(ctx, "strict")?;
    let strict = vm.truth(strict)?;
    let object_hook = vm.getattr_str(ctx, "object_hook")?;
    let object_pairs_hook = vm.getattr_str(ctx, "object_pairs_hook")?;
    let parse_float = vm.getattr_str(ctx, "parse_float")?;
    let parse_int = vm.getattr_str(ctx, "parse_int")?;
    let parse_constant = vm.getattr_str(ctx, "parse_constant")?;
    let s = Scanner {
        strict,
        object_hook,
        object_pairs_hook,
        parse_float,
        parse_int,
        parse_constant,
    };
    Ok(new_for_class(vm, cls, base, Box::new(s)))
}

/// `scanner(string, idx)`: `(value, end)`.
pub fn scanner_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sc: &Scanner = this(vm, a, "_json.Scanner", "__call__")?;
    let [doc, idx] =
        args::parse::<2>(vm, &a.tail(), &Sig::new("scan_once", &["string", "idx"], 2))?;
    let i = vm.index(idx)?;
    let i = int::to_i64(i)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    if pystr::text_of(doc).is_none() {
        return Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(doc)
        )));
    }
    let doc = native_str(doc);
    if i < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let Some(start) = pos_of(doc, i as usize) else {
        return Err(vm.stop_iteration(Value::small(i)));
    };
    let memo = dict::new(vm);
    let mut st = State { sc, doc, memo };
    let (v, end) = st.scan_once(vm, start)?;
    Ok(tuple::new(vm, &[v, Value::small(end.c as i64)]))
}

struct State<'a> {
    sc: &'a Scanner,
    doc: Value,
    /// Keys seen in this call, so equal keys share one str.
    memo: Value,
}

impl State<'_> {
    fn bytes(&self) -> &'static [u8] {
        pystr::as_str(self.doc).as_bytes()
    }

    fn skip_ws(&self, mut p: Pos) -> Pos {
        let s = self.bytes();
        while s.get(p.b).is_some_and(|&x| is_ws(x)) {
            p.b += 1;
            p.c += 1;
        }
        p
    }

    fn scan_once(&mut self, vm: &mut Vm, p: Pos) -> PyResult<(Value, Pos)> {
        let s = self.bytes();
        let Some(&ch) = s.get(p.b) else {
            return Err(vm.stop_iteration(Value::small(p.c as i64)));
        };
        let lit = |w: &[u8]| s.get(p.b..p.b + w.len()) == Some(w);
        let after = |n: usize| Pos {
            b: p.b + n,
            c: p.c + n,
        };
        match ch {
            b'"' => scan_string(vm, self.doc, after(1), self.sc.strict),
            b'{' => {
                vm.enter_recursion(" while decoding a JSON object from a unicode string")?;
                let r = self.parse_object(vm, after(1));
                vm.leave_recursion();
                r
            }
            b'[' => {
                vm.enter_recursion(" while decoding a JSON array from a unicode string")?;
                let r = self.parse_array(vm, after(1));
                vm.leave_recursion();
                r
            }
            b'n' if lit(b"null") => Ok((Value::NONE, after(4))),
            b't' if lit(b"true") => Ok((Value::TRUE, after(4))),
            b'f' if lit(b"false") => Ok((Value::FALSE, after(5))),
            b'N' if lit(b"NaN") => self.constant(vm, "NaN", p),
            b'I' if lit(b"Infinity") => self.constant(vm, "Infinity", p),
            b'-' if lit(b"-Infinity") => self.constant(vm, "-Infinity", p),
            _ => self.number(vm, p),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, p: Pos) -> PyResult<(Value, Pos)> {
        let k = pystr::intern(vm, name);
        let v = vm.call(self.sc.parse_constant, &[k])?;
        let n = name.len();
        Ok((
            v,
            Pos {
                b: p.b + n,
                c: p.c + n,
            },
        ))
    }

    fn number(&mut self, vm: &mut Vm, start: Pos) -> PyResult<(Value, Pos)> {
        let s = self.bytes();
        let digit = |i: usize| s.get(i).is_some_and(|x| x.is_ascii_digit());
        let stop = |vm: &mut Vm| Err(vm.stop_iteration(Value::small(start.c as i64)));
        let mut b = start.b;
        if s[b] == b'-' {
            b += 1;
            if b >= s.len() {
                return stop(vm);
            }
        }
        match s[b] {
            b'1'..=b'9' => {
                b += 1;
                while digit(b) {
                    b += 1;
                }
            }
            b'0' => b += 1,
            _ => return stop(vm),
        }
        let mut is_float = false;
        if b + 1 < s.len() && s[b] == b'.' && digit(b + 1) {
            is_float = true;
            b += 2;
            while digit(b) {
                b += 1;
            }
        }
        if b + 1 < s.len() && (s[b] == b'e' || s[b] == b'E') {
            let e_start = b;
            b += 1;
            if b + 1 < s.len() && (s[b] == b'-' || s[b] == b'+') {
                b += 1;
            }
            while digit(b) {
                b += 1;
            }
            if digit(b - 1) {
                is_float = true;
            } else {
                b = e_start;
            }
        }
        let end = Pos {
            b,
            c: start.c + (b - start.b),
        };
        // The number is ASCII.
        let text = std::str::from_utf8(&s[start.b..b]).unwrap_or("0");
        let custom = if is_float {
            self.sc.parse_float != vm.types.float
        } else {
            self.sc.parse_int != vm.types.int
        };
        let v = if custom {
            let t = pystr::new_known(vm, text, text.len(), true);
            let f = if is_float {
                self.sc.parse_float
            } else {
                self.sc.parse_int
            };
            vm.call(f, &[t])?
        } else if is_float {
            Value::from_f64(text.parse::<f64>().unwrap_or(f64::NAN))
        } else if text.len() <= 18 {
            int::from_i64(vm, text.parse::<i64>().unwrap_or(0))
        } else {
            // Long literals through int() (the digit limit and its error).
            let t = pystr::new_known(vm, text, text.len(), true);
            let ty = vm.types.int;
            vm.call(ty, &[t])?
        };
        Ok((v, end))
    }

    fn parse_object(&mut self, vm: &mut Vm, p: Pos) -> PyResult<(Value, Pos)> {
        let pairs = !self.sc.object_pairs_hook.is_none();
        let rval = if pairs {
            list::new(vm, &[])
        } else {
            dict::new(vm)
        };
        let s = self.bytes();
        let mut p = self.skip_ws(p);
        if s.get(p.b) != Some(&b'}') {
            loop {
                if s.get(p.b) != Some(&b'"') {
                    return Err(decode_error(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        self.doc,
                        p.c,
                    ));
                }
                let (key, next) = scan_string(
                    vm,
                    self.doc,
                    Pos {
                        b: p.b + 1,
                        c: p.c + 1,
                    },
                    self.sc.strict,
                )?;
                let key = match dict::get_str(self.memo, key) {
                    Some(k) => k,
                    None => {
                        dict::set_str(self.memo, key, key);
                        key
                    }
                };
                p = self.skip_ws(next);
                if s.get(p.b) != Some(&b':') {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.doc, p.c));
                }
                p = self.skip_ws(Pos {
                    b: p.b + 1,
                    c: p.c + 1,
                });
                let (val, next) = self.scan_once(vm, p)?;
                if pairs {
                    let item = tuple::new(vm, &[key, val]);
                    list::push(list::vec(rval), item);
                } else {
                    dict::set(vm, rval, key, val)?;
                }
                p = self.skip_ws(next);
                match s.get(p.b) {
                    Some(&b'}') => break,
                    Some(&b',') => {}
                    _ => return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, p.c)),
                }
                p = self.skip_ws(Pos {
                    b: p.b + 1,
                    c: p.c + 1,
                });
            }
        }
        let end = Pos {
            b: p.b + 1,
            c: p.c + 1,
        };
        if pairs {
            return Ok((vm.call(self.sc.object_pairs_hook, &[rval])?, end));
        }
        if !self.sc.object_hook.is_none() {
            return Ok((vm.call(self.sc.object_hook, &[rval])?, end));
        }
        Ok((rval, end))
    }

    fn parse_array(&mut self, vm: &mut Vm, p: Pos) -> PyResult<(Value, Pos)> {
        let rval = list::new(vm, &[]);
        let s = self.bytes();
        let mut p = self.skip_ws(p);
        if s.get(p.b) != Some(&b']') {
            loop {
                let (val, next) = self.scan_once(vm, p)?;
                list::push(list::vec(rval), val);
                p = self.skip_ws(next);
                match s.get(p.b) {
                    Some(&b']') => break,
                    Some(&b',') => {}
                    _ => return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, p.c)),
                }
                p = self.skip_ws(Pos {
                    b: p.b + 1,
                    c: p.c + 1,
                });
            }
        }
        Ok((
            rval,
            Pos {
                b: p.b + 1,
                c: p.c + 1,
            },
        ))
    }
}
