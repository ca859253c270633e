# List and tuple concatenation: fresh results, += with itself, empty operands,
# subclasses, struct sequences, mixed types and errors.
import os
import time

a = [1, 2, 3]
b = a + a
b.append(4)
print(a, b, a + [], [] + a, ([] + []) == [], (a + []) is not a)
a += a
print(a, len(a))
a += []
a += a[:1]
print(a)
c = []
c += c
print(c)
big = list(range(1000))
big += big
print(len(big), big[998:1003], big[-1])
x = [[0]] * 2 + [[1]]
x[0].append(9)
print(x)
t = (1, 2)
print(t + t, t + (), () + t, () + (), (t + t)[3], type(t + t).__name__)


class L(list):
    pass


class T(tuple):
    pass


print(L([1]) + [2], type(L([1]) + [2]).__name__, [0] + L([5]), type([0] + L([5])).__name__)
print(T((1,)) + (2,), type(T((1,)) + (2,)).__name__, (0,) + T((5,)))
st = time.gmtime(0)
print(type(st + (1,)).__name__, len(st + (1,)), (st + ())[:3], ((9,) + st)[:2])
for bad in ((lambda: [1] + (2,)), (lambda: (1,) + [2]), (lambda: [1] + "ab"), (lambda: (1,) + None)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
l = [1]
l += (2, 3)
l += "ab"
l += range(2)
print(l)
nested = ((1, [2]),) + ((3, [4]),)
nested[0][1].append(5)
print(nested)
