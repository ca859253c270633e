//! The `_random` module: `Random`, the Mersenne Twister (MT19937) seeded exactly
//! as CPython seeds it (the absolute value of an int as 32-bit words through
//! `init_by_array`, the hash of other objects, system entropy for None), so
//! `random.py` built on it produces CPython's sequences.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::Signed;
use stitch_core::value::Value;

use super::util::{native_type, new_for_class, this};
use crate::builtins::{add_methods, add_static, args};
use crate::native_any;
use crate::object::native::NativeData;
use crate::object::{int, module, tuple};
use crate::vm::{Args, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

pub struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
            self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
            self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (self.mt[N - 1] & UPPER) | (self.mt[0] & LOWER);
        self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct Random {
    mt: RefCell<Mt>,
}

impl NativeData for Random {
    native_any!();
}

const TYPE: &str = "_random.Random";

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = module::new(vm, "_random");
    let t = native_type(vm, "_random", "Random", true);
    add_static(vm, t, &[("__new__", random_new)]);
    add_methods(
        vm,
        t,
        &[
            ("__init__", random_init),
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
        ],
    );
    module::set(vm, m, "Random", t);
    Ok(m)
}

fn random_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = vm.registry[TYPE];
    let cls = super::util::new_cls(vm, a, base)?;
    let data = Random {
        mt: RefCell::new(Mt {
            mt: [0; N],
            index: 0,
        }),
    };
    Ok(new_for_class(vm, cls, base, Box::new(data)))
}

fn random_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "__init__")?;
    let base = vm.registry[TYPE];
    if a.has_kwargs() && vm.type_of(a.pos[0]) == base {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(vm, r, a.pos.get(1).copied())
}

/// Seeds from system entropy (or time and pid if that fails).
fn seed_entropy(r: &Random) {
    let mut key = [0u32; N];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| {
            use std::io::Read;
            let mut buf = vec![0u8; N * 4];
            f.read_exact(&mut buf)?;
            for (i, c) in buf.chunks_exact(4).enumerate() {
                key[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            }
            Ok(())
        })
        .is_ok();
    if !ok {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0) as u64;
        let k = [now as u32, (now >> 32) as u32, std::process::id(), 0, 0];
        r.mt.borrow_mut().init_by_array(&k);
        return;
    }
    r.mt.borrow_mut().init_by_array(&key);
}

fn seed_with(vm: &mut Vm, r: &Random, arg: Option<Value>) -> PyResult<Value> {
    let arg = match arg {
        None => {
            seed_entropy(r);
            return Ok(Value::NONE);
        }
        Some(v) if v.is_none() => {
            seed_entropy(r);
            return Ok(Value::NONE);
        }
        Some(v) => v,
    };
    let n: BigInt = if int::is_int(arg) || int::native(arg).is_some() {
        int::to_bigint(arg).abs()
    } else {
        let h = vm.hash(arg)?;
        BigInt::from(h as u64)
    };
    let (_, mut words) = n.to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    r.mt.borrow_mut().init_by_array(&words);
    Ok(Value::NONE)
}

fn seed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "seed")?;
    args::count(vm, &a.tail(), "seed", 0, 1)?;
    seed_with(vm, r, a.pos.get(1).copied())
}

fn random(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "random")?;
    if a.pos.len() != 1 || a.has_kwargs() {
        return Err(vm.type_error(format!(
            "Random.random() takes no arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let x = r.mt.borrow_mut().random();
    Ok(Value::from_f64(x))
}

fn getrandbits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "getrandbits")?;
    if a.has_kwargs() {
        return Err(vm.type_error("Random.getrandbits() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let kv = a.pos[1];
    if kv.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let k = vm.index_value(kv)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small(0));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        let v = mt.next_u32() >> (32 - k);
        drop(mt);
        return Ok(int::from_i64(vm, v as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        out.push(w);
        left -= 32;
    }
    drop(mt);
    Ok(int::from_bigint(vm, BigInt::from_slice(Sign::Plus, &out)))
}

fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "getstate")?;
    let (state, index) = {
        let mt = r.mt.borrow();
        (mt.mt, mt.index)
    };
    let mut items = crate::gc::Rooted::new();
    for w in state {
        items.push(int::from_i64(vm, w as i64));
    }
    items.push(Value::small(index as i64));
    Ok(tuple::new(vm, &items))
}

fn setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r: &Random = this(vm, a, TYPE, "setstate")?;
    args::count(vm, &a.tail(), "setstate", 1, 1)?;
    let st = a.pos[1];
    let t = tuple::native(st).or(if st.is_kind(stitch_core::layout::Kind::Tuple) {
        Some(st)
    } else {
        None
    });
    let Some(t) = t else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    let items = tuple::items(t);
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut new = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        if !int::is_int(*v) {
            return Err(vm.type_error("an integer is required"));
        }
        let b = int::to_bigint(*v);
        if b.is_negative() {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let (_, digits) = b.to_u64_digits();
        if digits.len() > 1 {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        }
        new[i] = digits.first().copied().unwrap_or(0) as u32;
    }
    let idx = items[N];
    let index = int::to_i64(idx)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.mt = new;
    mt.index = index as usize;
    Ok(Value::NONE)
}
