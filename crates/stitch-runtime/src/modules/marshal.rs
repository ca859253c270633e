//! `marshal` for plain values (None, bools, ints, floats, complex, str, bytes,
//! tuples, lists, dicts, sets, Ellipsis, StopIteration) in CPython's format
//! (version 4; back-references are read). Code objects are not marshallable:
//! Stitch has no .pyc files.

use stitch_core::layout::Kind;
use stitch_core::value::Value;

use crate::builtins::args;
use crate::gc::Rooted;
use crate::object::{bytes, complex, dict, int, list, module, str as pystr, tuple};
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "marshal");
    crate::modules::util::add_fns(vm, m, &[("dumps", dumps), ("loads", loads), ("dump", dump), ("load", load)]);
    crate::modules::util::add_ints(vm, m, &[("version", 4)]);
    Ok(m)
}

fn unmarshallable(vm: &mut Vm) -> PyErr {
    vm.value_error("unmarshallable object")
}

fn put_i32(out: &mut Vec<u8>, n: i32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn write(vm: &mut Vm, v: Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > 2000 {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    if v.is_none() {
        out.push(b'N');
    } else if v.is_bool() {
        out.push(if v.is_true() { b'T' } else { b'F' });
    } else if v == vm.ellipsis {
        out.push(b'.');
    } else if v == vm.exc.stop_iteration {
        out.push(b'S');
    } else if v.is_float() {
        out.push(b'g');
        out.extend_from_slice(&v.as_f64().to_le_bytes());
    } else if int::is_int(v) && vm.type_of(v) == vm.types.int {
        match int::to_i64(v).filter(|x| i32::try_from(*x).is_ok()) {
            Some(x) => {
                out.push(b'i');
                put_i32(out, x as i32);
            }
            None => {
                let b = int::to_bigint(v);
                let (sign, mag) = b.into_parts();
                let mut digits = Vec::new();
                let mut rest = mag;
                let mask = num_bigint::BigUint::from(0x7fffu32);
                while rest.bits() > 0 {
                    let d = (&rest & &mask).to_u32_digits().first().copied().unwrap_or(0);
                    digits.push(d);
                    rest >>= 15;
                }
                out.push(b'l');
                let n = digits.len() as i32;
                put_i32(out, if sign == num_bigint::Sign::Minus { -n } else { n });
                for d in digits {
                    let x: u16 = d as u16;
                    out.extend_from_slice(&x.to_le_bytes());
                }
            }
        }
    } else if v.is_kind(Kind::Str) {
        let s = pystr::as_str(v);
        if s.is_ascii() && s.len() < 256 {
            out.push(b'z');
            out.push(s.len() as u8);
        } else {
            out.push(b'u');
            put_i32(out, s.len() as i32);
        }
        out.extend_from_slice(s.as_bytes());
    } else if v.is_kind(Kind::Bytes) {
        let b = bytes::data(v);
        out.push(b's');
        put_i32(out, b.len() as i32);
        out.extend_from_slice(b);
    } else if v.is_kind(Kind::Tuple) {
        let items = Rooted::from_vec(tuple::items(v).to_vec());
        if items.len() < 256 {
            out.push(b')');
            out.push(items.len() as u8);
        } else {
            out.push(b'(');
            put_i32(out, items.len() as i32);
        }
        for &x in items.iter() {
            write(vm, x, out, depth + 1)?;
        }
    } else if v.is_kind(Kind::List) {
        let items = Rooted::from_vec(list::items(v).to_vec());
        out.push(b'[');
        put_i32(out, items.len() as i32);
        for &x in items.iter() {
            write(vm, x, out, depth + 1)?;
        }
    } else if v.is_kind(Kind::Dict) {
        let items = Rooted::from_vec(dict::items(v).into_iter().flat_map(|(k, x)| [k, x]).collect());
        out.push(b'{');
        for &x in items.iter() {
            write(vm, x, out, depth + 1)?;
        }
        out.push(b'0');
    } else if v.is_kind(Kind::Set) {
        let frozen = vm.type_of(v) == vm.types.frozenset;
        if !frozen && vm.type_of(v) != vm.types.set {
            return Err(unmarshallable(vm));
        }
        let items = vm.collect_iter(v)?;
        out.push(if frozen { b'>' } else { b'<' });
        put_i32(out, items.len() as i32);
        for &x in items.iter() {
            write(vm, x, out, depth + 1)?;
        }
    } else if let Some((re, im)) = complex::parts(v).filter(|_| vm.type_of(v) == vm.types.complex) {
        out.push(b'y');
        out.extend_from_slice(&re.to_le_bytes());
        out.extend_from_slice(&im.to_le_bytes());
    } else {
        return Err(unmarshallable(vm));
    }
    Ok(())
}

fn dumps(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "dumps", 1, 2)?;
    let mut out = Vec::new();
    write(vm, a.pos[0], &mut out, 0)?;
    Ok(bytes::new(vm, &out))
}

fn dump(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "dump", 2, 3)?;
    let mut out = Vec::new();
    write(vm, a.pos[0], &mut out, 0)?;
    let b = bytes::new(vm, &out);
    vm.call_method(a.pos[1], "write", &[b])?;
    Ok(Value::NONE)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Rooted,
}

fn bad(vm: &mut Vm) -> PyErr {
    vm.new_error(vm.exc.eof_error, "EOF read where object expected")
}

impl Reader<'_> {
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        match self.data.get(self.pos..self.pos + n) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(vm.new_error(vm.exc.eof_error, "marshal data too short")),
        }
    }
    fn i32(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn len(&mut self, vm: &mut Vm) -> PyResult<usize> {
        let n = self.i32(vm)?;
        usize::try_from(n).map_err(|_| vm.value_error("bad marshal data (size out of range)"))
    }
    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn read(&mut self, vm: &mut Vm, depth: usize) -> PyResult<Value> {
        if depth > 2000 {
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let Some(&code) = self.data.get(self.pos) else {
            return Err(bad(vm));
        };
        self.pos += 1;
        let flag = code & 0x80 != 0;
        let slot = if flag {
            self.refs.push(Value::NONE);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match code & 0x7f {
            b'N' => Value::NONE,
            b'T' => Value::TRUE,
            b'F' => Value::FALSE,
            b'.' => vm.ellipsis,
            b'S' => vm.exc.stop_iteration,
            b'i' => Value::small(self.i32(vm)? as i64),
            b'l' => {
                let n = self.i32(vm)?;
                let mut digits = Vec::with_capacity(n.unsigned_abs() as usize);
                for _ in 0..n.unsigned_abs() {
                    let b = self.take(vm, 2)?;
                    digits.push(u16::from_le_bytes([b[0], b[1]]) as u32);
                }
                let mut acc = num_bigint::BigInt::from(0);
                for d in digits.iter().rev() {
                    acc = (acc << 15) + num_bigint::BigInt::from(*d);
                }
                if n < 0 {
                    acc = -acc;
                }
                int::from_bigint(vm, acc)
            }
            b'g' => Value::from_f64(self.f64(vm)?),
            b'y' => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                complex::new(vm, re, im)
            }
            b's' => {
                let n = self.len(vm)?;
                let b = self.take(vm, n)?.to_vec();
                bytes::new(vm, &b)
            }
            c @ (b'u' | b't' | b'a' | b'A' | b'z' | b'Z') => {
                let n = if c == b'z' || c == b'Z' { self.take(vm, 1)?[0] as usize } else { self.len(vm)? };
                let b = self.take(vm, n)?.to_vec();
                match String::from_utf8(b) {
                    Ok(s) => pystr::new(vm, &s),
                    Err(_) => return Err(vm.value_error("bad marshal data (invalid UTF-8)")),
                }
            }
            c @ (b')' | b'(' | b'[' | b'<' | b'>') => {
                let n = if c == b')' { self.take(vm, 1)?[0] as usize } else { self.len(vm)? };
                let mut items = Rooted::new();
                for _ in 0..n {
                    let x = self.read(vm, depth + 1)?;
                    items.push(x);
                }
                match c {
                    b'[' => list::new(vm, &items),
                    b'<' | b'>' => {
                        let l = list::new(vm, &items);
                        let t = if c == b'<' { vm.types.set } else { vm.types.frozenset };
                        vm.call(t, &[l])?
                    }
                    _ => tuple::new(vm, &items),
                }
            }
            b'{' => {
                let d = dict::new(vm);
                if let Some(s) = slot {
                    self.refs[s] = d;
                }
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.read(vm, depth + 1)?;
                    let mut keep = Rooted::from_vec(vec![k]);
                    let x = self.read(vm, depth + 1)?;
                    keep.push(x);
                    vm.setitem(d, k, x)?;
                }
                d
            }
            b'r' => {
                let i = self.len(vm)?;
                match self.refs.get(i) {
                    Some(&v) => v,
                    None => return Err(vm.value_error("bad marshal data (invalid reference)")),
                }
            }
            b'c' => return Err(vm.value_error("bad marshal data (code objects are not supported by Stitch)")),
            _ => return Err(vm.value_error("bad marshal data (unknown type code)")),
        };
        if let Some(s) = slot {
            self.refs[s] = v;
        }
        Ok(v)
    }
}

fn loads(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "loads", 1, 1)?;
    let data = crate::modules::array::buffer::read(vm, a.pos[0])?.to_vec();
    let mut r = Reader { data: &data, pos: 0, refs: Rooted::new() };
    r.read(vm, 0)
}

fn load(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    args::count(vm, a, "load", 1, 1)?;
    let b = vm.call_method(a.pos[0], "read", &[])?;
    let data = crate::modules::array::buffer::read(vm, b)?.to_vec();
    let mut r = Reader { data: &data, pos: 0, refs: Rooted::new() };
    r.read(vm, 0)
}
