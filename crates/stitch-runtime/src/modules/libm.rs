//! Safe wrappers over the C math library, so `math` computes with the same
//! functions as CPython on this machine (Rust's own `asinh`/`acosh`/`atanh` differ).

mod c {
    unsafe extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

macro_rules! wrap1 {
    ($($name:ident),*) => {
        $(
            #[inline]
            pub fn $name(x: f64) -> f64 {
                // SAFETY: a pure C math function.
                unsafe { c::$name(x) }
            }
        )*
    };
}

macro_rules! wrap2 {
    ($($name:ident),*) => {
        $(
            #[inline]
            pub fn $name(x: f64, y: f64) -> f64 {
                // SAFETY: a pure C math function.
                unsafe { c::$name(x, y) }
            }
        )*
    };
}

wrap1!(
    acos, acosh, asin, asinh, atan, atanh, cos, cosh, erf, erfc, exp, exp2, expm1, log, log10,
    log1p, log2, sin, sinh, tan, tanh
);
wrap2!(atan2, fmod, nextafter, pow);

/// `frexp(x)`: mantissa and exponent.
pub fn frexp(x: f64) -> (f64, i32) {
    let mut e = 0;
    // SAFETY: e is a valid out pointer.
    let m = unsafe { c::frexp(x, &mut e) };
    (m, e)
}

/// `ldexp(x, e)`.
pub fn ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: a pure C math function.
    unsafe { c::ldexp(x, e) }
}

/// `cbrt(x)` from the C library. The Rust toolchain links its own `cbrt` (with
/// different rounding) into the executable, so the C library's is looked up.
pub fn cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    static F: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = F.get_or_init(|| {
        let lib = c"libm.so.6";
        let sym = c"cbrt";
        // SAFETY: dlopen/dlsym with valid C strings; the symbol has this signature.
        unsafe {
            let h = libc::dlopen(lib.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
            let p = if h.is_null() {
                std::ptr::null_mut()
            } else {
                libc::dlsym(h, sym.as_ptr())
            };
            if p.is_null() {
                None
            } else {
                Some(std::mem::transmute::<
                    *mut libc::c_void,
                    extern "C" fn(f64) -> f64,
                >(p))
            }
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}
