//! `complex` numbers.

use stitch_core::value::Value;

use super::native::{self, NativeData};
use crate::native_any;
use crate::vm::{PyResult, Vm};

pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl NativeData for Complex {
    fn getattr(&self, _vm: &mut Vm, _this: Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "real" => Some(Value::from_f64(self.re)),
            "imag" => Some(Value::from_f64(self.im)),
            _ => None,
        })
    }
    native_any!();
}

pub fn new(vm: &mut Vm, re: f64, im: f64) -> Value {
    let ty = vm.types.complex;
    native::new(vm, ty, Box::new(Complex { re, im }))
}

pub fn parts(v: Value) -> Option<(f64, f64)> {
    native::downcast::<Complex>(v).map(|c| (c.re, c.im))
}

/// `repr(z)` as CPython writes it.
pub fn repr(re: f64, im: f64) -> String {
    let fmt = |x: f64| -> String {
        let r = super::float::repr(x);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) || (im.is_nan() && im.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", fmt(re), sign, fmt(im.abs()))
}

/// `x ** y` for a negative real base and a fractional exponent.
pub fn pow_real(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let r = x.abs().powf(y);
    let theta = std::f64::consts::PI * y;
    Ok(new(vm, r * theta.cos(), r * theta.sin()))
}
