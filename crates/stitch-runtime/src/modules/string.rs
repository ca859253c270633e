//! The `_string` module behind `string.Formatter`: `formatter_parser` (literal
//! text and replacement fields of a format string) and
//! `formatter_field_name_split` (a field name's first part and its `.attr` /
//! `[key]` accessors), parsing exactly as `str.format` does.

use std::cell::Cell;

use stitch_core::value::Value;

use super::util::{add_fns, iterator_methods, native_type};
use crate::gc::Tracer;
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{int, module, str as pystr, tuple};
use crate::vm::{Args, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_string");
    for name in ["formatteriterator", "fieldnameiterator"] {
        let t = native_type(vm, "builtins", name, false);
        iterator_methods(vm, t);
    }
    add_fns(
        vm,
        m,
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", field_name_split),
        ],
    );
    Ok(m)
}

fn str_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    crate::builtins::args::count(vm, a, name, 1, 1)?;
    let s = a.pos[0];
    if pystr::text_of(s).is_none() {
        return Err(vm.type_error(format!("expected str, got {}", vm.type_name(s))));
    }
    Ok(s)
}

fn chars_of(s: Value) -> Vec<char> {
    pystr::text_of(s).unwrap_or("").chars().collect()
}

fn sub(vm: &mut Vm, c: &[char], lo: usize, hi: usize) -> Value {
    let s: String = c[lo..hi.max(lo)].iter().collect();
    pystr::new(vm, &s)
}

/// Iterates over `(literal, field_name, format_spec, conversion)`.
struct FormatterIter {
    s: Value,
    pos: Cell<usize>,
}

impl NativeData for FormatterIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.s);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step(vm))
    }
    native_any!();
}

/// A parsed replacement field: name range, spec range (if any), conversion.
struct Field {
    name: (usize, usize),
    spec: Option<(usize, usize)>,
    conversion: Option<char>,
}

impl FormatterIter {
    fn step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let c = chars_of(self.s);
        let end = c.len();
        let mut pos = self.pos.get();
        if pos >= end {
            return Ok(None);
        }
        let start = pos;
        let mut ch = '\0';
        let mut markup = false;
        while pos < end {
            ch = c[pos];
            pos += 1;
            if ch == '{' || ch == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if ch == '}' && markup && (at_end || c[pos] != '}') {
            self.pos.set(end);
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && ch == '{' && markup {
            self.pos.set(end);
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if c[pos] == ch {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = sub(vm, &c, start, start + len);
        if !markup {
            self.pos.set(pos);
            return Ok(Some(tuple::new(
                vm,
                &[literal, Value::NONE, Value::NONE, Value::NONE],
            )));
        }
        let field = match parse_field(vm, &c, &mut pos) {
            Ok(f) => f,
            Err(e) => {
                self.pos.set(end);
                return Err(e);
            }
        };
        self.pos.set(pos);
        let name = sub(vm, &c, field.name.0, field.name.1);
        let spec = match field.spec {
            Some((lo, hi)) => sub(vm, &c, lo, hi),
            None => vm.empty_str,
        };
        let conv = match field.conversion {
            Some(ch) => {
                let mut buf = [0u8; 4];
                pystr::new(vm, ch.encode_utf8(&mut buf))
            }
            None => Value::NONE,
        };
        Ok(Some(tuple::new(vm, &[literal, name, spec, conv])))
    }
}

/// Parses `name[!conv][:spec]}` starting after the `{`.
fn parse_field(vm: &mut Vm, c: &[char], pos: &mut usize) -> PyResult<Field> {
    let end = c.len();
    let name_start = *pos;
    let mut ch = '\0';
    while *pos < end {
        ch = c[*pos];
        *pos += 1;
        match ch {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < end && c[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name = (name_start, pos.saturating_sub(1).max(name_start));
    let name = if matches!(ch, '}' | ':' | '!') {
        name
    } else {
        (name_start, *pos)
    };
    let mut conversion = None;
    if ch == '!' || ch == ':' {
        if ch == '!' {
            if *pos >= end {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            conversion = Some(c[*pos]);
            *pos += 1;
            if *pos < end {
                let n = c[*pos];
                *pos += 1;
                if n == '}' {
                    return Ok(Field {
                        name,
                        spec: None,
                        conversion,
                    });
                }
                if n != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < end {
            let n = c[*pos];
            *pos += 1;
            if n == '{' {
                count += 1;
            } else if n == '}' {
                count -= 1;
                if count == 0 {
                    return Ok(Field {
                        name,
                        spec: Some((spec_start, *pos - 1)),
                        conversion,
                    });
                }
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if ch != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(Field {
        name,
        spec: None,
        conversion,
    })
}

fn formatter_parser(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_arg(vm, a, "formatter_parser")?;
    let ty = vm.registry["builtins.formatteriterator"];
    Ok(native::new(
        vm,
        ty,
        Box::new(FormatterIter {
            s,
            pos: Cell::new(0),
        }),
    ))
}

/// A decimal integer (as `str.format` reads field indexes), or None.
fn get_integer(vm: &mut Vm, c: &[char]) -> PyResult<Option<i64>> {
    if c.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for ch in c {
        let Some(d) = crate::text::unicode::decimal_value(*ch) else {
            return Ok(None);
        };
        acc = match acc.checked_mul(10).and_then(|x| x.checked_add(d as i64)) {
            Some(x) => x,
            None => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

/// Iterates over `(is_attribute, name_or_index)` of a field name's rest.
struct FieldNameIter {
    s: Value,
    pos: Cell<usize>,
}

impl NativeData for FieldNameIter {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.s);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let r = self.step(vm);
        if r.is_err() {
            self.pos.set(usize::MAX);
        }
        Some(r)
    }
    native_any!();
}

impl FieldNameIter {
    fn step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let c = chars_of(self.s);
        let end = c.len();
        let mut pos = self.pos.get();
        if pos >= end {
            return Ok(None);
        }
        let first = c[pos];
        pos += 1;
        let (is_attr, lo, hi) = match first {
            '.' => {
                let lo = pos;
                while pos < end && c[pos] != '.' && c[pos] != '[' {
                    pos += 1;
                }
                (true, lo, pos)
            }
            '[' => {
                let lo = pos;
                while pos < end && c[pos] != ']' {
                    pos += 1;
                }
                if pos >= end {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                pos += 1;
                (false, lo, pos - 1)
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        };
        self.pos.set(pos);
        if lo == hi {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let idx = if is_attr {
            None
        } else {
            get_integer(vm, &c[lo..hi])?
        };
        let v = match idx {
            Some(i) => int::from_i64(vm, i),
            None => sub(vm, &c, lo, hi),
        };
        Ok(Some(tuple::new(vm, &[Value::from_bool(is_attr), v])))
    }
}

fn field_name_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_arg(vm, a, "formatter_field_name_split")?;
    let c = chars_of(s);
    let i = c
        .iter()
        .position(|ch| *ch == '.' || *ch == '[')
        .unwrap_or(c.len());
    let first = match get_integer(vm, &c[..i])? {
        Some(n) => int::from_i64(vm, n),
        None => sub(vm, &c, 0, i),
    };
    let ty = vm.registry["builtins.fieldnameiterator"];
    let it = native::new(
        vm,
        ty,
        Box::new(FieldNameIter {
            s,
            pos: Cell::new(i),
        }),
    );
    Ok(tuple::new(vm, &[first, it]))
}
