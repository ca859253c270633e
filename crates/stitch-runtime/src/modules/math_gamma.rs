//! `math.gamma` and `math.lgamma` as CPython computes them: a Lanczos
//! approximation (N=13, g≈6.0247) in rational form, the reflection formula for
//! negative arguments, and a table for small integers.

#![allow(clippy::excessive_precision)]

use super::libm;

/// How a computation ended (like C's errno).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Ok,
    Domain,
    Range,
}

const PI: f64 = std::f64::consts::PI;
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
const G: f64 = 6.024_680_040_776_729_583_740_234_375;
const G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

const NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// The Lanczos denominator: x*(x+1)*...*(x+11) as polynomial coefficients.
const DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Exact gamma values of 1..=23.
const INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum as a rational function, evaluated in x (small x) or 1/x.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// sin(pi*x) accurate near integers (x finite).
fn sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// The gamma function.
pub fn tgamma(x: f64) -> (f64, Status) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Status::Ok);
        }
        return (f64::NAN, Status::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Status::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Status::Domain);
        }
        if x <= INTEGRAL.len() as f64 {
            return (INTEGRAL[x as usize - 1], Status::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Status::Range
            } else {
                Status::Ok
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Status::Ok);
        }
        return (f64::INFINITY, Status::Range);
    }
    let y = absx + G_MINUS_HALF;
    // The rounding error of y, to correct the result with.
    let z = if absx > G_MINUS_HALF {
        (y - absx) - G_MINUS_HALF
    } else {
        (y - G_MINUS_HALF) - absx
    };
    let z = z * G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sp = libm::pow(y, absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sp = libm::pow(y, absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
        r
    };
    (
        r,
        if r.is_infinite() {
            Status::Range
        } else {
            Status::Ok
        },
    )
}

/// The natural log of |gamma(x)|.
pub fn lgamma(x: f64) -> (f64, Status) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Status::Ok);
        }
        return (f64::INFINITY, Status::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Status::Domain);
        }
        return (0.0, Status::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), Status::Ok);
    }
    let mut r = libm::log(lanczos_sum(absx)) - G;
    r += (absx - 0.5) * (libm::log(absx + G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    (
        r,
        if r.is_infinite() {
            Status::Range
        } else {
            Status::Ok
        },
    )
}
