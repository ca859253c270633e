def t(f):
  try: r=f(); print('ok', repr(r))
  except Exception as e: print(type(e).__name__, e)
class I(int): pass
class F(float): pass
class C(complex): pass
t(lambda: I(5) + 1)
t(lambda: type(I(5) + 1))
t(lambda: type(-I(5)))
t(lambda: type(+I(5)))
t(lambda: type(abs(I(-5))))
t(lambda: I(5))
t(lambda: repr(I(5)))
t(lambda: str(I(5)))
t(lambda: I('12', 8))
t(lambda: I(2.5))
t(lambda: type(int(I(3))))
t(lambda: I(3) == 3)
t(lambda: hash(I(3)))
t(lambda: {I(3): 1}[3])
t(lambda: F(2.5) * 2)
t(lambda: type(F(2.5) * 2))
t(lambda: F('1.5'))
t(lambda: repr(F(1e100)))
t(lambda: type(round(F(2.5))))
t(lambda: F(2.5).is_integer())
t(lambda: F(3).hex())
t(lambda: type(F.fromhex('0x1p1')))
t(lambda: F.fromhex('0x1p1'))
t(lambda: type(I.from_bytes(b'\x01', 'big')))
t(lambda: C(1, 2))
t(lambda: type(C(1, 2) + 1))
t(lambda: C('1+2j').real)
t(lambda: type(+C(1,2)))
t(lambda: type(complex(C(1,2))))
t(lambda: (I(7) // 2, I(7) % 2, divmod(I(7), 2), I(7) ** 2, I(7) << 1))
t(lambda: (F(7.5) // 2, F(7.5) % 2, divmod(F(7.5), 2), F(7.5) ** 2))
t(lambda: (1.5).__add__(I(1)))
t(lambda: (1).__add__(F(1.5)))
t(lambda: I(1) + F(1.5))
t(lambda: F(1.5) + I(1))
class J(int):
  def __add__(self, o): return 'J.add'
  def __radd__(self, o): return 'J.radd'
  def __index__(self): return 42
  def __round__(self, n=None): return ('J.round', n)
t(lambda: J(1) + 1)
t(lambda: 1 + J(1))
t(lambda: 1.5 + J(1))
t(lambda: round(J(5)))
t(lambda: round(J(5), 2))
t(lambda: int(J(5)))
t(lambda: [1,2,3][J(0)])
t(lambda: divmod(J(7), 2))
class K:
  def __int__(self): return 7
  def __float__(self): return 2.5
  def __index__(self): return 9
  def __complex__(self): return 1j
t(lambda: int(K()))
t(lambda: float(K()))
t(lambda: complex(K()))
t(lambda: bin(K()))
class L:
  def __index__(self): return 9
t(lambda: int(L()))
t(lambda: float(L()))
t(lambda: complex(L()))
t(lambda: 2 ** L())
class N:
  def __int__(self): return 'x'
t(lambda: int(N()))
class O:
  def __float__(self): return 1
t(lambda: float(O()))
class P:
  def __index__(self): return 1.5
t(lambda: int(P()))
t(lambda: float(P()))
class T:
  def __round__(self): return 'T'
t(lambda: round(T()))
t(lambda: round(T(), None))
t(lambda: round(T(), 1))
class U:
  def __pow__(self, o, m=None): return ('U.pow', o, m)
  def __rpow__(self, o, m=None): return ('U.rpow', o, m)
t(lambda: pow(U(), 2, 3))
t(lambda: pow(2, U(), 3))
t(lambda: pow(2, 3, U()))
t(lambda: U() ** 2)
t(lambda: 2 ** U())
class V:
  def __divmod__(self, o): return 'V.divmod'
  def __rdivmod__(self, o): return 'V.rdivmod'
t(lambda: divmod(V(), 1))
t(lambda: divmod(1, V()))
t(lambda: divmod(1.5, V()))
