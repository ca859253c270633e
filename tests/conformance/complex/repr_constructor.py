# complex repr/str (signs, zeros, nan, inf, exponents) and the constructor from numbers and objects.
def t(f):
  try: r=f(); print('ok', repr(r))
  except Exception as e: print(type(e).__name__, e)
n = float('nan'); i = float('inf')
for z in [complex(1, n), complex(1, -n), complex(-n, 1), complex(n, n), complex(0.0, -n), complex(-0.0, n), complex(i, -i),
          complex(1e16, 1e-7), complex(123456789012345678, 0), complex(-0.0, -1), complex(0, 0), complex(-0.0, -0.0),
          complex(0.0, -0.0), complex(-0.0, 0.0), 1e300j * 1e10j, complex(1e-5, 1e15), complex(100.0, 1e16), complex(0.1, 0.2),
          complex(2**53, -2**53), complex(-1.5, 0.0), 5j, -5j, -(5j), 0.5 + 1e-300j]:
    print(repr(z), str(z), format(z), z.real, z.imag)
class K:
    def __complex__(self): return 2 + 3j
class Bad:
    def __complex__(self): return 1.5
class Flt:
    def __float__(self): return 2.5
class Idx:
    def __index__(self): return 7
class C(complex):
    pass
t(lambda: complex(K()))
t(lambda: complex(K(), 1))
t(lambda: complex(1, K()))
t(lambda: complex(Bad()))
t(lambda: complex(Flt(), Flt()))
t(lambda: complex(Idx(), Idx()))
t(lambda: complex(Flt(), 'x'))
t(lambda: complex(object()))
t(lambda: complex(1, object()))
t(lambda: complex(None))
t(lambda: complex())
t(lambda: complex(2))
t(lambda: complex(imag=2))
t(lambda: complex(real=1.5))
t(lambda: complex(1j, 1j))
t(lambda: complex(1 + 2j, 3 + 4j))
t(lambda: complex(C(1, 2)))
t(lambda: type(complex(C(1, 2))))
t(lambda: C(1, 2))
t(lambda: type(C(1, 2)))
t(lambda: type(C('1+2j')))
t(lambda: C(1, 2) == complex(1, 2))
t(lambda: hash(C(1, 2)) == hash(1 + 2j))
t(lambda: type(C(1, 2) * 2))
t(lambda: type(C(1, 2).conjugate()))
t(lambda: C(1, 2).real)
t(lambda: complex(10 ** 400))
t(lambda: complex(1, 10 ** 400))
t(lambda: complex('1e400'))
t(lambda: complex('1e400j'))
t(lambda: complex(' \t(1+2j)\n '))
t(lambda: complex('1+2j', 1))
t(lambda: complex(1, '2'))
t(lambda: complex(b'1'))
t(lambda: complex([1]))
t(lambda: complex(1, 2, 3))
t(lambda: complex(x=1))
t(lambda: complex(1, real=2))
