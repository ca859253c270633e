# complex arithmetic, powers, division, repr and hash over a grid of operands.
inf = float('inf'); nan = float('nan')
vals = [0j, 1j, 2 - 3j, complex(1e300, 1e300), complex(inf, 0), complex(nan, 1), complex(-0.0, 0.0), -2.5]
def show(f):
    try:
        r = f()
        return repr(r)
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
for a in vals:
    print(repr(a), show(lambda: -a), show(lambda: +a), show(lambda: abs(a)), show(lambda: hash(a) if a == a else "nan"), show(lambda: a == a), show(lambda: bool(a)))
    for b in vals:
        print(' ', repr(b), show(lambda: a + b), show(lambda: a - b), show(lambda: a * b), show(lambda: a / b), show(lambda: a ** b), show(lambda: a == b), show(lambda: a != b))
for n in [-101, -100, -3, -1, 0, 1, 2, 3, 50, 100, 101, 2.0, 0.5, -0.5]:
    print(n, show(lambda: (1 + 1j) ** n), show(lambda: (0.6 + 0.8j) ** n), show(lambda: 0j ** n), show(lambda: (2j) ** n))
print(show(lambda: (1+2j) ** (3+4j)), show(lambda: 2 ** (1+1j)), show(lambda: (1+2j) ** 0.5), show(lambda: (-1) ** 0.5))
print(show(lambda: (-8) ** (1/3)), show(lambda: (-1.5) ** 2.5), show(lambda: (-2) ** 0.5))
print(show(lambda: 1j < 2j), show(lambda: 1j > 1), show(lambda: 1j <= 1j), show(lambda: (1j).__lt__(2j)))
print(show(lambda: 1j // 2), show(lambda: 1j % 2), show(lambda: divmod(1j, 2)), show(lambda: int(1j)), show(lambda: float(1j)))
print(show(lambda: round(1j)), show(lambda: ~1j), show(lambda: 1j & 1), show(lambda: pow(1j, 2, 3)), show(lambda: pow(2, 1j, 3)))
print(show(lambda: 1j + 'a'), show(lambda: 'a' + 1j), show(lambda: [1] * 1j), show(lambda: 1j * [1]))
print(show(lambda: 10 ** 400 + 1j), show(lambda: 1j * 10 ** 400), show(lambda: 1j == 10 ** 400), show(lambda: complex(2**53 + 1) == 2**53 + 1))
print(show(lambda: (1e200+1e200j) ** 2), show(lambda: abs(1e308+1e308j)), show(lambda: complex(1e308, 1e308) * 2))
print(show(lambda: hash(1+0j) == hash(1)), show(lambda: hash(complex(1.5, -2.25))), show(lambda: {1: 'a', 1+0j: 'b', 1.0: 'c'}))
print(show(lambda: (1j).real), show(lambda: (1j).imag), show(lambda: type((1j).real)), show(lambda: (3+4j).conjugate()), show(lambda: (1j).__getnewargs__()))
print(show(lambda: complex.__add__(1j, 'a')), show(lambda: complex.__eq__(1j, 'a')), show(lambda: complex.__lt__(1j, 1j)), show(lambda: (1j).__complex__()))
print(show(lambda: complex.__radd__(1j, 2)), show(lambda: complex.__rsub__(1j, 2)), show(lambda: complex.__rtruediv__(1j, 2)), show(lambda: complex.__rpow__(1j, 2)))
print(show(lambda: complex.__pow__(1j, 2, None)), show(lambda: complex.__pow__(1j, 2, 3)), show(lambda: 1j.__truediv__(0)), show(lambda: 1j.__rtruediv__(0)))
x = 1 + 2j
x += 1; x *= 2j; x -= 0.5; x /= 2; x **= 2
print(x, str(x), repr(x), format(x, ''))
