# math: float functions, special values and CPython's error messages.
import math

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for f in ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
          "exp", "exp2", "expm1", "log1p", "sqrt", "cbrt", "fabs", "erf", "erfc", "gamma", "lgamma"]:
    for x in [0.0, -0.0, 0.5, 1.0, 2.0, -1.5, 10.0, 1e-300, 710.0, -745.5, math.inf, -math.inf, math.nan, 3]:
        show(f"math.{f}({x!r})")
for expr in [
    "math.atan2(1.0, 1.0)", "math.atan2(0.0, -0.0)", "math.atan2(-0.0, -1.0)", "math.atan2(math.inf, -math.inf)",
    "math.atan2(math.nan, 1)", "math.copysign(3, -0.0)", "math.copysign(-2.5, 1)", "math.copysign(1, math.nan)",
    "math.fmod(7, 3)", "math.fmod(-7, 3)", "math.fmod(7, -3)", "math.fmod(1, 0)", "math.fmod(math.inf, 1)",
    "math.fmod(5, math.inf)", "math.remainder(7, 2)", "math.remainder(5, 2)", "math.remainder(-5, 2)",
    "math.remainder(1, 0)", "math.remainder(math.inf, 1)", "math.remainder(3, math.inf)",
    "math.pow(2, 10)", "math.pow(2, -1)", "math.pow(0, -1)", "math.pow(-8, 1/3)", "math.pow(10, 400)",
    "math.pow(math.nan, 0)", "math.pow(1, math.nan)", "math.pow(-math.inf, 3)", "math.pow(-math.inf, 2)",
    "math.pow(-math.inf, -3)", "math.pow(0.5, math.inf)", "math.pow(2, -math.inf)", "math.pow(-1, math.inf)",
    "math.ldexp(1.5, 3)", "math.ldexp(1, 5000)", "math.ldexp(1, -5000)", "math.ldexp(0.0, 10**100)",
    "math.ldexp(1, 10**100)", "math.ldexp(1.0, 2.0)", "math.frexp(0.0)", "math.frexp(-12.5)", "math.frexp(math.inf)",
    "math.modf(3.75)", "math.modf(-0.5)", "math.modf(math.inf)", "math.modf(-math.inf)",
    "math.nextafter(1.0, 2.0)", "math.nextafter(0.0, -1.0)", "math.nextafter(1.0, 1.0)",
    "math.ulp(1.0)", "math.ulp(0.0)", "math.ulp(-1e300)", "math.ulp(1.7976931348623157e308)", "math.ulp(math.inf)",
    "math.degrees(math.pi)", "math.radians(180)", "math.isfinite(1e308)", "math.isinf(-math.inf)", "math.isnan(0)",
    "math.isclose(1.0, 1.0 + 1e-10)", "math.isclose(1.0, 1.1)", "math.isclose(0.0, 1e-10, abs_tol=1e-9)",
    "math.isclose(math.inf, math.inf)", "math.isclose(math.inf, -math.inf)", "math.isclose(1, 2, rel_tol=-1)",
    "math.isclose(1, 1, 1e-9)", "math.isclose(math.nan, math.nan)",
    "math.floor(2.5)", "math.floor(-2.5)", "math.ceil(2.1)", "math.ceil(-2.9)", "math.trunc(-7.9)",
    "math.floor(10**30)", "math.ceil(True)", "math.floor(math.inf)", "math.ceil(math.nan)", "math.trunc('x')",
    "math.floor(1e300) == 10**300", "type(math.floor(3.0))",
    "math.sqrt('x')", "math.sqrt(None)", "math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.exp(1000)",
    "math.log(10**400)", "math.log(2**1024, 2)", "math.log(8, 2)", "math.log(100, 10)", "math.log(1, 1)",
    "math.log(3, 0.5)", "math.log10(10**500)", "math.log10(1000)", "math.log2(2**3000)", "math.log2(1024)",
    "math.log2(3)", "math.log(0.0)", "math.log10(-5)", "math.log2(0)", "math.log(True)", "math.log(-10**400)",
    "math.log(math.inf)", "math.log()", "math.log(1, 2, 3)", "math.sqrt(10**400)", "math.sqrt(2**1022)",
    "math.sin()", "math.sin(1, 2)", "math.atan2(1)", "math.hypot()", "math.hypot(3)", "math.hypot(3, 4)",
    "math.hypot(-3, 4, 12)", "math.hypot(1e308, 1e308)", "math.hypot(1e-320, 1e-320)", "math.hypot(math.inf, math.nan)",
    "math.hypot(math.nan, 1)", "math.hypot(*range(20))", "math.hypot(0.1, 0.2, 0.3)",
    "math.dist((0, 0), (3, 4))", "math.dist([1, 2, 3], [4, 5, 6])", "math.dist((1,), (1, 2))", "math.dist(1, 2)",
    "math.dist(iter([1.5]), (0,))",
    "math.fsum([0.1] * 10)", "math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])", "math.fsum([])",
    "math.fsum([1e308, 1e308])", "math.fsum([math.inf, -math.inf])", "math.fsum([math.inf, 1])",
    "math.fsum([math.nan, 1])", "math.fsum(iter([1, 2.5, 3]))", "math.fsum(['a'])", "math.fsum(5)",
    "math.fsum([1e-16, 1, 1e16])", "math.fsum([2.0**53, 1.0, 2.0**-100])",
    "math.gamma(0.5) ** 2", "math.gamma(171.5)", "math.gamma(-0.5)", "math.gamma(-2)", "math.gamma(1e-25)",
    "math.gamma(-200.5)", "math.lgamma(-0.5)", "math.lgamma(-2)", "math.lgamma(1e300)", "math.gamma(23)",
    "math.erf(1e-10)", "math.erfc(30)", "math.erfc(-30)",
]:
    show(expr)

class F:
    def __float__(self):
        return 2.25

class I:
    def __index__(self):
        return 16

class Bad:
    def __float__(self):
        return "x"

class Floor:
    def __floor__(self):
        return "floored"
    def __ceil__(self):
        return "ceiled"
    def __trunc__(self):
        return "truncated"

for expr in ["math.sqrt(F())", "math.sqrt(I())", "math.sqrt(Bad())", "math.floor(Floor())",
             "math.ceil(Floor())", "math.trunc(Floor())", "math.floor(F())", "math.isnan(I())"]:
    show(expr)
