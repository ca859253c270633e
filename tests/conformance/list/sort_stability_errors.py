# list.sort: stability, key/reverse, errors raised mid-sort leave CPython's order.
import sys
data = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (2, "f"), (3, "g")]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, reverse=True))
words = "the quick brown fox jumps over the lazy dog and THE End".split()
print(sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [((i * 7919) % 101) - 50 for i in range(300)]
s = sorted(nums)
print(s[:10], s[-5:], s == sorted(nums, key=lambda x: x), len(s))
print(sorted(nums, key=abs)[:15])
print(sorted(range(100), key=lambda x: (x % 7, -x))[:20])
floats = [0.5, -1.25, 3.0, float("inf"), -0.0, 0.0, 2.5, float("-inf")]
print(sorted(floats), sorted(floats, reverse=True))
nan = float("nan")
print(sorted([3, nan, 1, 2]), sorted([nan, 3, 1, 2]), sorted([3.0, 1.0, nan, 0.5, 2.0]))
print(sorted([[2, 1], [1, 2], [1], [], [1, 1, 1]]), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted("hello world"), sorted({3: 1, 1: 2, 2: 3}), sorted({5, 1, 3}))
mixed = [3, "a", 1, 2]
try:
    mixed.sort()
except TypeError as e:
    print(e, mixed)
mixed = [5, 4, 3, 2, 1, "x", 0, -1]
try:
    mixed.sort()
except TypeError as e:
    print(e, mixed)
mixed = list(range(100, 0, -1)) + ["z"] + list(range(50))
try:
    mixed.sort()
except TypeError as e:
    print(e, mixed[:8], mixed[95:105], len(mixed))
class Noisy:
    log = []
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Noisy.log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "N%d" % self.v
items = [Noisy(v) for v in [5, 2, 8, 1, 9, 3, 7, 4, 6, 0]]
items.sort()
print(items, len(Noisy.log), Noisy.log[:12])
Noisy.log = []
items = [Noisy(v) for v in [3, 1, 2]]
items.sort(reverse=True)
print(items, Noisy.log)
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 7 or other.v == 7:
            raise ValueError("boom %d %d" % (self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "B%d" % self.v
bs = [Boom(v) for v in [9, 4, 7, 1, 8, 2, 6]]
try:
    bs.sort()
except ValueError as e:
    print(e, bs)
keyed = [4, 1, 3]
def bad_key(x):
    if x == 3:
        raise KeyError(x)
    return x
try:
    keyed.sort(key=bad_key)
except KeyError as e:
    print("KeyError", e, keyed)
grow = [3, 2, 1]
def appender(x):
    grow.append(x)
    return x
try:
    grow.sort(key=appender)
except ValueError as e:
    print(e, grow)
seen = []
def peek(x):
    seen.append(len(grow2))
    return x
grow2 = [2, 1]
grow2.sort(key=peek)
print(seen, grow2)
def f(x, y):
    return 0
try:
    [1, 2].sort(f)
except TypeError as e:
    print(e)
for bad in ["[].sort(key=1, reverse=2, x=3)", "[].sort(foo=1)", "[].sort(reverse=None)", "[].sort(reverse=1.5)", "[2, 1].sort(key=5)", "sorted()", "sorted([], [])", "sorted([1], bogus=1)", "sorted(5)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
l = [3, 1, 2]
print(l.sort(), l, l.sort(reverse=1), l, l.sort(key=None, reverse=False), l)
big = [(i * 37) % 1000 for i in range(2000)]
ref = sorted(big)
print(all(ref[i] <= ref[i + 1] for i in range(len(ref) - 1)), ref[:5], ref[-5:])
runs = list(range(50)) + list(range(100, 30, -1)) + list(range(10))
print(sorted(runs) == sorted(runs, key=lambda x: x), sorted(runs)[:12])
