//! The `_sha512` module: SHA-512 and SHA-384 (FIPS 180-4), used by `random`
//! to seed from str and bytes. The round constants are derived at first use
//! from the cube and square roots of the first primes, as the standard defines.

use std::cell::RefCell;
use std::sync::OnceLock;

use num_bigint::BigUint;
use num_traits::ToPrimitive;
use stitch_core::layout::Kind;
use stitch_core::value::Value;

use super::util::{add_fns, native_type, this};
use crate::builtins::{add_getsets, add_methods, args};
use crate::native_any;
use crate::object::native::{self, NativeData};
use crate::object::{bytes, module, str as pystr};
use crate::vm::{Args, PyResult, Vm};

struct Consts {
    k: [u64; 80],
    h512: [u64; 8],
    h384: [u64; 8],
}

fn primes(n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(n);
    let mut c = 2u64;
    while out.len() < n {
        if (2..c)
            .take_while(|d| d * d <= c)
            .all(|d| !c.is_multiple_of(d))
        {
            out.push(c);
        }
        c += 1;
    }
    out
}

/// The first 64 bits of the fractional part of p^(1/root).
fn frac_root(p: u64, root: u32) -> u64 {
    let scaled = BigUint::from(p) << (64 * root as usize);
    let r = if root == 2 {
        scaled.sqrt()
    } else {
        scaled.cbrt()
    };
    (r & BigUint::from(u64::MAX)).to_u64().unwrap_or(0)
}

fn consts() -> &'static Consts {
    static C: OnceLock<Consts> = OnceLock::new();
    C.get_or_init(|| {
        let ps = primes(80);
        let mut k = [0u64; 80];
        for (i, p) in ps.iter().enumerate() {
            k[i] = frac_root(*p, 3);
        }
        let mut h512 = [0u64; 8];
        let mut h384 = [0u64; 8];
        for i in 0..8 {
            h512[i] = frac_root(ps[i], 2);
            h384[i] = frac_root(ps[i + 8], 2);
        }
        Consts { k, h512, h384 }
    })
}

/// A running SHA-512 computation.
#[derive(Clone)]
pub struct Sha512 {
    h: [u64; 8],
    buf: Vec<u8>,
    len: u128,
    out_len: usize,
}

impl Sha512 {
    pub fn new(out_len: usize) -> Sha512 {
        let c = consts();
        let h = if out_len == 48 { c.h384 } else { c.h512 };
        Sha512 {
            h,
            buf: Vec::with_capacity(128),
            len: 0,
            out_len,
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let mut rest = data;
        if !self.buf.is_empty() {
            let take = (128 - self.buf.len()).min(rest.len());
            self.buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.buf.len() == 128 {
                let block = std::mem::take(&mut self.buf);
                self.compress(&block);
            }
        }
        while rest.len() >= 128 {
            self.compress(&rest[..128]);
            rest = &rest[128..];
        }
        self.buf.extend_from_slice(rest);
    }

    fn compress(&mut self, block: &[u8]) {
        let k = &consts().k;
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in self.h.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *x = x.wrapping_add(y);
        }
    }

    pub fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = s.len * 8;
        let mut pad = vec![0x80u8];
        let used = (s.buf.len() + 1) % 128;
        let zeros = if used <= 112 { 112 - used } else { 240 - used };
        pad.extend(std::iter::repeat_n(0u8, zeros));
        pad.extend_from_slice(&bits.to_be_bytes());
        let saved = s.len;
        s.update(&pad);
        s.len = saved;
        let mut out = Vec::with_capacity(64);
        for v in s.h {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.truncate(self.out_len);
        out
    }
}

struct Hash {
    state: RefCell<Sha512>,
}

impl NativeData for Hash {
    native_any!();
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_sha512");
    for name in ["sha512", "sha384"] {
        let t = native_type(vm, "_sha512", name, false);
        add_methods(
            vm,
            t,
            &[
                ("update", update),
                ("digest", digest),
                ("hexdigest", hexdigest),
                ("copy", copy),
            ],
        );
        add_getsets(
            vm,
            t,
            &[
                ("name", name_get, None),
                ("digest_size", size_get, None),
                ("block_size", block_get, None),
            ],
        );
    }
    let t384 = vm.registry["_sha512.sha384"];
    module::set(vm, m, "SHA384Type", t384);
    add_fns(vm, m, &[("sha512", new512), ("sha384", new384)]);
    Ok(m)
}

/// The bytes of a bytes-like argument.
fn data_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v.is_kind(Kind::Bytes) {
        return Ok(bytes::data(v).to_vec());
    }
    if pystr::text_of(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    let t = vm.type_of(v);
    if t == vm.types.bytearray
        || bytes::native(v).is_some()
        || vm.lookup_special(v, vm.names.bytes).is_some()
    {
        let bt = vm.types.bytes;
        let b = vm.call(bt, &[v])?;
        return Ok(bytes::data(b).to_vec());
    }
    Err(vm.type_error("object supporting the buffer API required"))
}

fn make(vm: &mut Vm, a: &Args, name: &'static str, out_len: usize) -> PyResult<Value> {
    let sig = args::Sig {
        name,
        params: &["string", "usedforsecurity"],
        required: 0,
        kwonly_from: 1,
        posonly_until: 0,
    };
    let [data, _] = args::parse::<2>(vm, a, &sig)?;
    let mut s = Sha512::new(out_len);
    if !data.is_null() {
        let d = data_of(vm, data)?;
        s.update(&d);
    }
    let key: &'static str = if out_len == 48 {
        "_sha512.sha384"
    } else {
        "_sha512.sha512"
    };
    let ty = vm.registry[key];
    Ok(native::new(
        vm,
        ty,
        Box::new(Hash {
            state: RefCell::new(s),
        }),
    ))
}

fn new512(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make(vm, a, "sha512", 64)
}

fn new384(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make(vm, a, "sha384", 48)
}

fn me(vm: &mut Vm, a: &Args, m: &str) -> PyResult<&'static Hash> {
    this::<Hash>(vm, a, "_sha512.sha512", m)
}

fn update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = me(vm, a, "update")?;
    args::count(vm, &a.tail(), "update", 1, 1)?;
    let d = data_of(vm, a.pos[1])?;
    h.state.borrow_mut().update(&d);
    Ok(Value::NONE)
}

fn digest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = me(vm, a, "digest")?;
    let d = h.state.borrow().digest();
    Ok(bytes::new(vm, &d))
}

fn hexdigest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = me(vm, a, "hexdigest")?;
    let d = h.state.borrow().digest();
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(pystr::new(vm, &s))
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = me(vm, a, "copy")?;
    let s = h.state.borrow().clone();
    let ty = vm.type_of(a.pos[0]);
    Ok(native::new(
        vm,
        ty,
        Box::new(Hash {
            state: RefCell::new(s),
        }),
    ))
}

fn out_len(v: Value) -> usize {
    super::util::payload::<Hash>(v)
        .map(|h| h.state.borrow().out_len)
        .unwrap_or(64)
}

fn name_get(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(pystr::new(
        vm,
        if out_len(v) == 48 { "sha384" } else { "sha512" },
    ))
}

fn size_get(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::small(out_len(v) as i64))
}

fn block_get(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(128))
}
