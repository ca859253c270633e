//! `%`-formatting of strings (`"%d items" % n`).

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::object::{ValueExt, float, int, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// `fmt % args`.
pub fn format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f = pystr::as_str(fmt);
    let (items, mapping): (Vec<Value>, Option<Value>) = if args.is_kind(Kind::Tuple) {
        (tuple::items(args).to_vec(), None)
    } else if vm.lookup_special(args, vm.names.getitem).is_some() && !args.is_kind(Kind::Str) && crate::object::tuple::native(args).is_none() {
        (vec![args], Some(args))
    } else {
        (vec![args], None)
    };
    let items = crate::gc::Rooted::from_vec(items);
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut argi = 0;
    let mut used_mapping = false;
    let mut i = 0;
    let next_arg = |vm: &mut Vm, argi: &mut usize| -> PyResult<Value> {
        match items.get(*argi) {
            Some(v) => {
                *argi += 1;
                Ok(*v)
            }
            None => Err(vm.type_error("not enough arguments for format string")),
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        // Mapping key.
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = mapping else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[ks..i - 1].iter().collect();
            let k = pystr::new(vm, &key);
            value = Some(vm.getitem(m, k)?);
            used_mapping = true;
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm, &mut argi)?;
            if !int::is_int(w) {
                return Err(vm.type_error("* wants int"));
            }
            let wv = int::to_i64(w).unwrap_or(0);
            if wv < 0 {
                flags.push('-');
            }
            width = Some(wv.unsigned_abs() as usize);
            i += 1;
        } else {
            let ws = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > ws {
                width = chars[ws..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(vm, &mut argi)?;
                if !int::is_int(p) {
                    return Err(vm.type_error("* wants int"));
                }
                prec = Some(int::to_i64(p).unwrap_or(0).max(0) as usize);
                i += 1;
            } else {
                let ps = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(chars[ps..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => {
                if mapping.is_some() && !used_mapping && argi == 0 && items.len() == 1 {
                    // A mapping used positionally.
                }
                next_arg(vm, &mut argi)?
            }
        };
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let sign_flag = if flags.contains('+') { "+" } else if flags.contains(' ') { " " } else { "" };
        let alt = flags.contains('#');
        let body: String;
        let mut numeric = false;
        match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str_string(v)?,
                    'r' => vm.repr_string(v)?,
                    _ => {
                        let a = crate::builtins::ascii(vm, v)?;
                        pystr::as_str(a).to_string()
                    }
                };
                body = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                numeric = true;
                let n = if int::is_int(v) || int::native(v).is_some() {
                    int::native(v).unwrap_or(v)
                } else if v.is_float() {
                    if matches!(conv, 'x' | 'X' | 'o') {
                        return Err(vm.type_error(format!("%{conv} format: an integer is required, not float")));
                    }
                    float::to_int(vm, v.as_f64())?
                } else if vm.lookup_special(v, vm.names.index).is_some() && matches!(conv, 'x' | 'X' | 'o') {
                    vm.index(v)?
                } else if vm.lookup_special(v, vm.names.int).is_some() && matches!(conv, 'd' | 'i' | 'u') {
                    crate::builtins::numbers::int_value(vm, v, Value::NULL)?
                } else {
                    let what = if matches!(conv, 'x' | 'X' | 'o') { "an integer" } else { "a real number" };
                    return Err(vm.type_error(format!("%{conv} format: {what} is required, not {}", vm.type_name(v))));
                };
                let b = int::to_bigint(n);
                let neg = b < num_bigint::BigInt::from(0);
                let mag = if neg { -b } else { b };
                let mut digits = match conv {
                    'x' => mag.to_str_radix(16),
                    'X' => mag.to_str_radix(16).to_uppercase(),
                    'o' => mag.to_str_radix(8),
                    _ => mag.to_str_radix(10),
                };
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let prefix = if alt {
                    match conv {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    }
                } else {
                    ""
                };
                body = format!("{}{prefix}{digits}", if neg { "-" } else { sign_flag });
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                numeric = true;
                let x = match float::as_f64(vm, int::native(v).unwrap_or(v))? {
                    Some(x) => x,
                    None => {
                        if vm.lookup_special(v, vm.names.float).is_some() {
                            crate::builtins::numbers::float_of(vm, v)?
                        } else {
                            return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))));
                        }
                    }
                };
                let mut spec = String::new();
                if !sign_flag.is_empty() {
                    spec.push_str(sign_flag);
                }
                if alt {
                    spec.push('#');
                }
                spec.push_str(&format!(".{}{}", prec.unwrap_or(6), conv));
                body = super::format::format_float(vm, x, &spec)?;
            }
            'c' => {
                body = if let Some(s) = pystr::text_of(v) {
                    if s.chars().count() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s.to_string()
                } else if int::is_int(v) {
                    let code = int::to_i64(v).unwrap_or(-1);
                    match u32::try_from(code).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        }
        let _ = start;
        let w = width.unwrap_or(0);
        let len = body.chars().count();
        if len >= w {
            out.push_str(&body);
        } else if left {
            out.push_str(&body);
            out.push_str(&" ".repeat(w - len));
        } else if zero && numeric {
            let (sign, rest) = if body.starts_with(['-', '+', ' ']) { body.split_at(1) } else { ("", body.as_str()) };
            let (pre, digits) = if rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o") {
                rest.split_at(2)
            } else {
                ("", rest)
            };
            out.push_str(sign);
            out.push_str(pre);
            out.push_str(&"0".repeat(w - len));
            out.push_str(digits);
        } else {
            out.push_str(&" ".repeat(w - len));
            out.push_str(&body);
        }
    }
    if argi < items.len() && mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(pystr::new(vm, &out))
}
