# Sets under add/discard churn (dummy slots): membership, iteration order, keys
# equal without being identical (1, 1.0, True; 0 and the empty str hash to 0),
# and an __eq__ that mutates the set during a lookup.
import random

r = random.Random(11)
s = set()
log = []
for i in range(4000):
    k = r.randrange(-60, 60)
    op = r.random()
    if op < 0.45:
        s.add(k)
    elif op < 0.9:
        s.discard(k)
    else:
        log.append((k in s, (k + 1) in s, -k in s))
    if i % 400 == 0:
        log.append(list(s))
print(log[-12:], len(s), sorted(s)[:5])

cols, d1, d2 = set(), set(), set()
count = 0
def place(row, n=6):
    global count
    if row == n:
        count += 1
        return
    for c in range(n):
        if c in cols or (row + c) in d1 or (row - c) in d2:
            continue
        cols.add(c); d1.add(row + c); d2.add(row - c)
        place(row + 1)
        cols.discard(c); d1.discard(row + c); d2.discard(row - c)
place(0)
print(count, cols, d1, d2)

t = {1, 2.0, "", 0, None, (1, 2), -1, -2}
print(1.0 in t, True in t, 2 in t, False in t, 0.0 in t, "" in t, (1.0, 2) in t, -1.0 in t, -2 in t)
t.add(True); t.add(1.0); t.add(0.0); t.discard(2); t.add(2.0)
print(sorted(t, key=repr), len(t))
for k in (0, "", 0.0, False):
    t.discard(k)
print(sorted(t, key=repr), 0 in t, "" in t)


class K:
    def __init__(self, v, target=None):
        self.v = v
        self.target = target

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        if self.target is not None:
            self.target.clear()
            self.target = None
        return isinstance(other, K) and self.v == other.v


u = {K(1), K(2), K(3)}
print(K(2) in u, K(4) in u)
probe = K(2, u)
print(probe in u, len(u))
w = set(range(100))
for k in range(0, 100, 3):
    w.discard(k)
for k in range(200, 240):
    w.add(k)
print(list(w)[:20], len(w), 150 in w, 201 in w)
f = frozenset(w)
print(f == w, 201 in f, 3 in f, hash(f) == hash(frozenset(list(w))))
