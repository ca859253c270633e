# Class calls through type.__call__ with 0..20 positional arguments and keywords:
# __new__ and __init__ receive the same arguments; metaclass instances; errors.
class A:
    def __init__(self, *a, **k):
        self.a = a; self.k = k
class B:
    def __new__(cls, *a, **k):
        o = super().__new__(cls); o.n = (a, k); return o
    def __init__(self, *a, **k):
        self.i = (a, k)
class M(type):
    pass
class C(metaclass=M):
    def __init__(self, x, y=2):
        self.s = x + y
for n in (0, 1, 7, 8, 9, 20):
    args = [str(i) * 3 for i in range(n)]
    a = A(*args, z=[1, 2], w="q")
    b = B(*args, k=n)
    print(n, a.a, sorted(a.k), b.n, b.i)
print(C(1).s, C(x=5, y=6).s, type(C)(("D"), (), {})().__class__.__name__)
try:
    object.__new__(A, 1)
except TypeError as e:
    print(e)
try:
    C(1, 2, 3)
except TypeError as e:
    print(e)
