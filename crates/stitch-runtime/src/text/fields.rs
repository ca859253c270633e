//! `str.format` and `str.format_map`: replacement fields `{name!conv:spec}`,
//! automatic/manual numbering, attribute and index lookups, nested specs, with
//! CPython's parsing order and error messages.

use stitch_core::value::Value;

use crate::object::{int, str as pystr};
use crate::text::unicode::decimal_value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// Where field values come from.
pub enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Args(&'a Args<'a>),
    /// `str.format_map(mapping)`: no positional fields.
    Map(Value),
}

#[derive(PartialEq, Clone, Copy)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct State<'a, 'b> {
    src: &'b Source<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// `fmt.format(...)` / `fmt.format_map(...)`.
pub fn str_format(vm: &mut Vm, fmt: &str, src: &Source) -> PyResult<String> {
    let mut st = State {
        src,
        numbering: Numbering::Init,
        next_auto: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    build(vm, &chars, &mut st, 2)
}

/// A field's parts (indices into the format's chars).
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_nested: bool,
}

fn build(vm: &mut Vm, s: &[char], st: &mut State, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut i = 0;
    let n = s.len();
    while i < n {
        let c = s[i];
        if c != '{' && c != '}' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let at_end = i >= n;
        if c == '}' {
            if at_end || s[i] != '}' {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 1;
            continue;
        }
        if at_end {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if s[i] == '{' {
            out.push('{');
            i += 1;
            continue;
        }
        let field = parse_field(vm, s, &mut i)?;
        render(vm, s, &field, st, depth, &mut out)?;
    }
    Ok(out)
}

/// Parses `name[!conv][:spec]}` from `*i` (just after the '{').
fn parse_field(vm: &mut Vm, s: &[char], i: &mut usize) -> PyResult<Field> {
    let n = s.len();
    let start = *i;
    let mut c = '\0';
    while *i < n {
        c = s[*i];
        *i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *i < n && s[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut f = Field {
        name: (start, (*i).saturating_sub(1).max(start)),
        conversion: None,
        spec: (0, 0),
        spec_nested: false,
    };
    if c != '}' && c != ':' && c != '!' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    if c == '}' {
        return Ok(f);
    }
    if c == '!' {
        if *i >= n {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        }
        f.conversion = Some(s[*i]);
        *i += 1;
        if *i < n {
            let d = s[*i];
            *i += 1;
            if d == '}' {
                return Ok(f);
            }
            if d != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < n {
        let d = s[*i];
        *i += 1;
        if d == '{' {
            f.spec_nested = true;
            count += 1;
        } else if d == '}' {
            count -= 1;
            if count == 0 {
                f.spec = (spec_start, *i - 1);
                return Ok(f);
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// CPython's get_integer: None when not all decimal digits.
fn get_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = match acc
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
        {
            Some(x) => x,
            None => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

fn render(
    vm: &mut Vm,
    s: &[char],
    f: &Field,
    st: &mut State,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    let obj = field_object(vm, &s[f.name.0..f.name.1], st)?;
    let obj = match f.conversion {
        None => obj,
        Some('r') => vm.repr(obj)?,
        Some('s') => vm.str(obj)?,
        Some('a') => crate::builtins::ascii(vm, obj)?,
        Some(c) => {
            let u = c as u32;
            let msg = if u > 32 && u < 127 {
                format!("Unknown conversion specifier {c}")
            } else {
                format!("Unknown conversion specifier \\x{u:x}")
            };
            return Err(vm.value_error(msg));
        }
    };
    let spec: String = if f.spec_nested {
        build(vm, &s[f.spec.0..f.spec.1], st, depth - 1)?
    } else {
        s[f.spec.0..f.spec.1].iter().collect()
    };
    let sv = pystr::new(vm, &spec);
    let r = crate::builtins::format(vm, obj, sv)?;
    out.push_str(pystr::text_of(r).unwrap_or(""));
    Ok(())
}

fn field_object(vm: &mut Vm, name: &[char], st: &mut State) -> PyResult<Value> {
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = get_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if st.numbering == Numbering::Init {
            st.numbering = if empty {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        if st.numbering == Numbering::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if st.numbering == Numbering::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            index = Some(st.next_auto);
            st.next_auto += 1;
        }
    }
    let mut obj = match index {
        None => {
            let key: String = first.iter().collect();
            let k = pystr::new(vm, &key);
            match st.src {
                Source::Args(a) => match a.kw(&key) {
                    Some(v) => v,
                    None => return Err(vm.key_error(k)),
                },
                Source::Map(m) => vm.getitem(*m, k)?,
            }
        }
        Some(i) => match st.src {
            Source::Map(_) => {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            Source::Args(a) => match a.pos.get(i) {
                Some(v) => *v,
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )));
                }
            },
        },
    };
    let mut k = first_end;
    while k < name.len() {
        let c = name[k];
        k += 1;
        let start = k;
        if c == '.' {
            while k < name.len() && name[k] != '.' && name[k] != '[' {
                k += 1;
            }
            if k == start {
                return Err(empty_attr(vm));
            }
            let attr: String = name[start..k].iter().collect();
            obj = vm.getattr_str(obj, &attr)?;
        } else if c == '[' {
            while k < name.len() && name[k] != ']' {
                k += 1;
            }
            if k >= name.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            let key = &name[start..k];
            k += 1;
            if key.is_empty() {
                return Err(empty_attr(vm));
            }
            let kv = match get_integer(vm, key)? {
                Some(i) => int::from_u64(vm, i as u64),
                None => {
                    let t: String = key.iter().collect();
                    pystr::new(vm, &t)
                }
            };
            obj = vm.getitem(obj, kv)?;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}

fn empty_attr(vm: &mut Vm) -> PyErr {
    vm.value_error("Empty attribute in format string")
}
