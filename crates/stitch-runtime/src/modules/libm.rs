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
        pub fn cbrt(x: f64) -> f64;
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

wrap1!(acos, acosh, asin, asinh, atan, atanh, cbrt, cos, cosh, erf, erfc, exp, exp2, expm1, log, log10, log1p, log2, sin, sinh, tan, tanh);
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
