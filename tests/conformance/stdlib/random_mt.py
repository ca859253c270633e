# _random.Random: Mersenne Twister output, CPython's seeding, state round trips.
import _random

r = _random.Random()
for seed in [0, 1, 42, -42, 2**32, 2**32 + 1, 2**64 - 1, 2**100, 12345678901234567890, True, 3.5, -0.0, "abc", b"xy", (1, 2)]:
    r.seed(seed)
    print(repr(seed), r.random(), r.getrandbits(8), r.getrandbits(33), r.getrandbits(64))
r.seed(42)
print([r.random() for _ in range(5)])
print([r.getrandbits(k) for k in (1, 2, 31, 32, 63, 65, 128, 200)])
r.seed(7)
s = r.getstate()
print(len(s), s[-1], s[:3])
a = [r.random() for _ in range(700)]
r.setstate(s)
b = [r.random() for _ in range(700)]
print(a == b, a[-1])
r2 = _random.Random(42)
r3 = _random.Random()
r3.seed(42)
print(r2.random() == r3.random())
for bad in ["r.getrandbits(-1)", "r.getrandbits(1.5)", "r.setstate((1, 2))", "r.setstate([1])",
            "r.setstate(s[:-1] + (625,))", "r.setstate(s[:-1] + (-1,))", "r.setstate(('x',) * 625)",
            "_random.Random(1, 2)", "r.seed(1, 2)", "r.random(1)", "r.seed([1])", "r.getrandbits()"]:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(r.getrandbits(0), type(r).__name__, _random.Random.__module__)

class Sub(_random.Random):
    def __init__(self, x):
        self.seed(x * 2)
    def random(self):
        return super().random() * 10

sr = Sub(21)
print(sr.random(), isinstance(sr, _random.Random))
big = _random.Random(2**5000 + 17)
print(big.random())
