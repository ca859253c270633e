pairs = [(1, "a"), (2, "b")]
for n, s in pairs:
    print(n, s)
for (n, s) in pairs:
    print(s, n)
for [n, s] in pairs:
    print(n * 2, s * 2)
data = [(1, (2, 3)), (4, (5, 6))]
for a, (b, c) in data:
    print(a + b + c)
for first, *rest in [[1, 2, 3], [4], [5, 6]]:
    print(first, rest)
d = {}
for d["key"] in range(3):
    pass
print(d)
lst = [0, 0, 0]
for i, lst[i] in enumerate("xyz"):
    pass
print(lst)
class Holder:
    pass
h = Holder()
for h.attr in [1, 2, 3]:
    pass
print(h.attr)
for x in [1, 2, 3]:
    x = x * 100
print(x)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print(type(e).__name__, e)
try:
    for v in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    for v in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
