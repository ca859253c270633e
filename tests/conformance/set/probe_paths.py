# Set lookups along every probe path: the key 0 (hash 0, like an empty slot's),
# deleted slots, colliding hashes, equal-but-not-identical keys, and an __eq__ that
# mutates the set during the lookup.
s = set()
print(0 in s, -1 in s, 0.0 in s)
s.add(0)
print(0 in s, False in s, 0.0 in s, 1 in s)
s.discard(0)
print(0 in s, len(s))
for k in range(40):
    s.add(k)
for k in range(0, 40, 2):
    s.discard(k)
print(sorted(s)[:5], 0 in s, 1 in s, 38 in s, 39 in s, len(s))
for k in range(0, 40, 4):
    s.add(k)
print(len(s), [k in s for k in (0, 2, 4, 6, 8, 36, 37, 40, -1)])


class H:
    def __init__(self, v, h):
        self.v, self.h = v, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v

    def __repr__(self):
        return f"H({self.v})"


c = {H(i, 0) for i in range(10)} | {H(i, -1) for i in range(10, 15)}
print(len(c), H(3, 0) in c, H(3, 1) in c, H(12, -1) in c, H(12, -2) in c, H(99, 0) in c)
for i in range(0, 10, 3):
    c.discard(H(i, 0))
print(len(c), H(0, 0) in c, H(1, 0) in c, H(9, 0) in c)
c.add(H(0, 0))
print(len(c), H(0, 0) in c)
print({1, 1.0, True}, {0, 0.0, False, -0.0}, {2 ** 64, 2.0 ** 64})


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.target.clear()
        self.target.update(range(100, 120))
        return False


t = {Mutator(None)}
m = Mutator(t)
next(iter(t)).target = t
print(Mutator(t) in t, len(t), 105 in t, 7 in t)
d = set(range(8))
for i in range(1000):
    d.discard(i % 8)
    d.add(i % 8 + 8 * (i % 3))
print(sorted(d))
