# fractions and decimal: arithmetic, conversions, formatting, contexts,
# rounding and signals. (CPython uses its C _decimal, whose exception messages
# differ from _pydecimal's: only the exception types are printed for decimal.)
import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation
from fractions import Fraction


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


F = Fraction
print(F(3, 4) + F(1, 4), F(1, 3) * 3, F(5, -10), F('3/7'), F(' -1.25 '), F(0.5), F(Decimal('0.1')))
print(F(7, 3) // 2, F(7, 3) % 2, divmod(F(7, 3), F(1, 2)), F(2, 3) ** 2, F(4, 9) ** F(1, 2), 2 ** F(1, 1))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(1, 3) == 1 / 3, hash(F(1, 2)) == hash(0.5), F(5, 1) == 5)
print(float(F(1, 3)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 2), abs(F(-1, 2)))
print(F(355, 113).limit_denominator(10), F(3.141592653589793).limit_denominator(1000), F(1, 3).as_integer_ratio())
print(str(F(-3, 6)), repr(F(2)), F(10, 4).numerator, F(10, 4).denominator, F.from_float(0.25), F.from_decimal(Decimal('1.5')))
print(format(F(1, 3), '') if hasattr(F, '__format__') else '', math_floor := __import__('math').floor(F(-1, 2)), __import__('math').ceil(F(1, 2)))
t(F, 1, 0)
t(F, 'x')
t(F, '1/0')
t(F, 1.5, 2)
t(F, float('nan'))
t(F, float('inf'))
t(lambda: F(1, 2) + 'x')
t(lambda: F(1) / 0)

D = Decimal
print(D('1.1') + D('2.2'), D('1.30') + D('1.20'), D(1) / D(7), D('10') / D('4'), D('-0'), D('1e3'), D('1E+3').normalize())
print(D(0.1), D('3.14159').quantize(D('0.01')), D('2.675').quantize(D('0.01'), rounding=ROUND_HALF_UP), D('7.5').to_integral_value())
print(D(2).sqrt(), D(10).ln(), D(100).log10(), D('1.5').exp(), D(-7) // D(2), D(-7) % D(2), divmod(D(7), D(-2)))
print(D('1.23E-7'), D('123456789e20'), D('0.000001'), D('0.0000001'), str(D('1e-7')), repr(D('NaN')), D('-Infinity'), D('sNaN'))
print(D('1.5') < D('2'), D('2.0') == D(2), D('0.1') == 0.1, hash(D('2.0')) == hash(2), D(5) == 5.0, max(D('1'), D('1.0')))
print(float(D('1.5')), int(D('-3.9')), round(D('2.5')), round(D('3.5')), round(D('2.567'), 2), D('12.345').as_tuple())
print(f"{D('1234.5678'):,.2f} {D('0.5'):%} {D('1e10'):e} {D('-3'):+08.2f}", format(D('123.456'), '.2e'))
print(D('1.00').adjusted(), D('123').adjusted(), D('1.10').normalize(), D('0.00').is_zero(), D('-1').is_signed(), D('NaN').is_nan())
print(D('5').compare(D('3')), D('1.2').copy_abs(), D('1.2').copy_negate(), D('2').fma(3, 4), D('7').remainder_near(D('4')))
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), D('123456789') + 0, +D('3.1415926'))
    ctx.rounding = ROUND_DOWN
    print(D(2) / D(3))
print(getcontext().prec, getcontext().rounding)


def tn(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, [c.__name__ for c in type(e).__mro__[:3]])


tn(D, 'abc')
tn(lambda: D(1) / D(0))
tn(lambda: D(0) / D(0))
tn(lambda: D('1') + 1.5)
tn(D('1.5').quantize, D('1e-100'))
tn(lambda: D('NaN') < 1)
with localcontext() as ctx:
    ctx.traps[decimal.DivisionByZero] = False
    print(D(1) / D(0), bool(ctx.flags[decimal.DivisionByZero]))
    ctx.traps[InvalidOperation] = False
    print(D(0) / D(0), D('sNaN') + 1)
print(issubclass(decimal.DivisionByZero, ZeroDivisionError), decimal.InvalidOperation.__mro__[1].__name__)
print(sum([D('0.1')] * 10), sum(F(1, n) for n in range(1, 6)))
