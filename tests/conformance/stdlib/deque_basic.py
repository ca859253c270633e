# collections.deque from _collections: methods, maxlen, iteration, errors.
from _collections import deque

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d, d.count(7), d.index(7), 8 in d, 99 in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d)
d.insert(1, "x")
d.remove("x")
d[0] = "first"
del d[1]
print(d, list(reversed(d)))
d.clear()
print(d, d.maxlen)
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(-1)
print(m)
m.extend(range(5))
print(m)
m.extendleft([100])
print(m, deque([], 0), deque(maxlen=0).append(1))
z = deque(maxlen=0)
z.append(1)
print(z)
e = deque("abc")
e.extend(e)
print(e)
e += "xy"
print(e, e + deque("q"), e * 2, 2 * deque([1]), deque([1, 2], 3) * 3)
f = deque([1, 2])
f *= 2
print(f)
f *= 0
print(f)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1, 0]),
      deque([2]) > deque([1, 5]), deque([1]) != deque([1]), deque([1]) == [1])
c = deque([1, [2]])
c2 = c.copy()
c2[1].append(3)
print(c, c2, c2 is not c, type(c2).__name__, c.__copy__())
r = deque([1])
r.append(r)
print(r)
print(list(iter(deque("xyz"))), deque("xyz").__reversed__().__length_hint__(), iter(deque([1, 2])).__length_hint__())

for expr in [
    "deque().pop()", "deque().popleft()", "deque([1])[5]", "deque([1])[-2]", "deque([1]).remove(7)",
    "deque([1]).index(7)", "deque([1, 2, 3]).index(3, 0, 2)", "deque([1, 2, 3]).index(2, -2)", "deque([1], 1).insert(0, 2)",
    "deque(maxlen=-1)", "deque(maxlen='a')", "deque([1]) + [1]", "deque(1)", "deque([1])['a']", "deque([1])[1:2]",
    "deque([1]).rotate('a')", "hash(deque())", "deque([1]) < [1]", "deque([1]) * 'a'", "deque([1]).append()",
    "deque([1]).append(1, 2)", "deque([1]).pop(0)", "deque([1], maxlen=2, x=1)", "deque([1], 2, 3)",
    "deque([3, 1]).count(1)", "deque('abc').index('c')", "deque([1, 2]).__init__([5])",
]:
    show(expr)

g = deque(range(5))
try:
    for x in g:
        g.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
h = deque([1, 2, 3])
it = iter(h)
next(it)
h.append(4)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)

class MyDeque(deque):
    def __init__(self, items, tag):
        super().__init__(items, maxlen=5)
        self.tag = tag

md = MyDeque([1, 2], "t")
print(md, md.tag, md.maxlen, type(md.copy()).__name__ if False else "", isinstance(md, deque))
md.append(3)
print(len(md), list(md), repr(md))
class D2(deque):
    pass
print(D2([1, 2]).copy(), D2("ab", 4) + D2("c"))
print(deque.__name__, deque.__module__, type(iter(deque())).__name__)
