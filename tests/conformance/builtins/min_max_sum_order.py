# min/max/sum/any/all/sorted: evaluation order and laziness.
log = []
def gen(items):
    for x in items:
        log.append(("yield", x))
        yield x
def key(x):
    log.append(("key", x))
    return -x
print(max(gen([3, 1, 4, 1, 5]), key=key), log)
log.clear()
print(min(gen([2, 7, 1]), key=key), log)
log.clear()
print(max(5, 3, 9, key=key), log)
log.clear()
print(any(gen([0, 0, 3, 4])), log)
log.clear()
print(all(gen([1, 2, 0, 4])), log)
log.clear()
print(sum(gen([1, 2, 3]), 10), log)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        log.append(("add", self.v, other))
        return Num(self.v + (other.v if isinstance(other, Num) else other))
    def __radd__(self, other):
        log.append(("radd", self.v, other))
        return Num(self.v + other)
    def __repr__(self):
        return "Num(%d)" % self.v
log.clear()
print(sum([Num(1), Num(2)]), log)
log.clear()
print(sum([Num(1), 5], Num(0)), log)
print(sum([1.5, 2**60, 2**60]), sum([2**63, 1.0]), sum([1, 2.5, 3]), sum(range(10**5)), sum([True] * 3, 0.5))
print(max([1, 1.0, True]), min([1.0, 1, True]), max("abc", "abd"), min([[1, 2], [1]]), max(((2, "a"), (2, "b"))))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        log.append(("lt", self.v, o.v))
        return self.v < o.v
    def __gt__(self, o):
        log.append(("gt", self.v, o.v))
        return self.v > o.v
log.clear()
print(max(Cmp(1), Cmp(3), Cmp(2)).v, min(Cmp(1), Cmp(3), Cmp(0)).v, log)
try:
    max([1, "a"])
except TypeError as e:
    print(e)
try:
    min(gen([1, 2]), key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
it = iter([5, 6, 7])
print(max(it, default=0), list(it), max(iter([]), default="empty"))
