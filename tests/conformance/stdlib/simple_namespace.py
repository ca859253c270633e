# types.SimpleNamespace (the type of sys.implementation).
import sys
NS = type(sys.implementation)
n = NS(a=1, b="x")
print(n, n.a, n.b, NS(), repr(NS(z=[1, 2])))
n.c = 3
del n.a
print(n, sorted(vars(n)), n == NS(b="x", c=3), n != NS(), NS(a=1) == NS(a=1))
try:
    NS(1)
except TypeError as e:
    print("TypeError", e)
try:
    n.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    hash(n)
except TypeError as e:
    print("TypeError", e)
r = NS()
r.me = r
print(r)
class Sub(NS):
    pass
print(Sub(q=1), NS.__name__, NS.__module__, NS.__qualname__)
print(n.__reduce__()[0] is NS, NS(**{"k-v": 1}))
