# Comparisons of sequences holding nested tuples/lists: ints, floats, NaN, strs,
# mixed kinds that raise, __eq__/__lt__ that run Python code, heapq and sort.
import heapq

nan = float("nan")
pairs = [
    ((1, (2, 3)), (1, (2, 4))), ((1, (2, 3)), (1, (2, 3))), ((1, (2, 3)), (1, (2,))),
    (((1, 2), "a"), ((1, 2), "b")), ([[1, 2], 3], [[1, 2], 2]), ([(1.5, "x")], [(1.5, "y")]),
    (((nan,),), ((nan,),)), (((nan, 1),), ((2.0, 1),)), (((1, nan),), ((1, 2.0),)),
    (((0, (1, (2, (3, (4, (5, (6, (7, (8, (9, (10,)))))))))),), ((0, (1, (2, (3, (4, (5, (6, (7, (8, (9, (11,)))))))))),)),
    ((("a", 1),), (("a", 1.0),)), (((1, 2),), (([1, 2]),)), ((True, (1,)), (1, (True,))),
    (((1, 2), (3, 4)), ((1, 2), (3, 4), ())), (((), ()), ((), (0,))), ((-0.0, (0,)), (0.0, (0.0,))),
]
for a, b in pairs:
    out = []
    for op in ("<", "<=", "==", "!=", ">", ">="):
        try:
            out.append(eval("a %s b" % op))
        except TypeError as e:
            out.append("TypeError: %s" % e)
    print(out)

for a, b in [(((1, "x"),), ((1, 2),)), ([(1, None)], [(1, 2)]), (((1, [2]),), ((1, (2,)),))]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError", e)
    print(a == b, a != b)


class Loud:
    log = []

    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        Loud.log.append(("eq", self.v, o.v))
        return self.v == o.v

    def __lt__(self, o):
        Loud.log.append(("lt", self.v, o.v))
        return self.v < o.v


print(((1, Loud(2)),) < ((1, Loud(3)),), ((1, (Loud(2),)),) == ((1, (Loud(2),)),), Loud.log)
data = [((i * 7) % 5, ((i * 3) % 4, -i)) for i in range(40)]
print(sorted(data)[:6], sorted(data, reverse=True)[:3], max(data), min(data))
h = []
for i, x in enumerate(data):
    heapq.heappush(h, [x, i])
print([heapq.heappop(h) for _ in range(6)])
streams = [[(i, "s%d" % k, i * k) for i in range(k, 30, 3)] for k in range(1, 4)]
print(list(heapq.merge(*streams))[:8])
print(sorted([(nan, 1), (1.0, 2), (0.5, (3,))])[:3] is not None)
