big = 2**100
r = range(-big, big, 3**40)
print(r, len(range(0, 2**62, 2**30)), r[0], r[-1], r[5], r[-5], r.index(r[7]), r.count(r[3]), r.count(0))
print(r[2:10:3], r[::-1][:2], r[-3:], r[big:], r[:-big], r[1:2**200])
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(bool(r), bool(range(big, 0)), r == range(-big, big, 3**40), hash(range(0)) == hash(range(5, 5)))
print(big in range(big + 1), big in range(big), -big in r, -big + 3**40 in r, 1.0 in range(3), "a" in range(3))
print(list(range(big, big + 3)), list(reversed(range(big, big + 7, 3))), next(iter(range(big, big + 1))))
s = range(10)
print(s[::2], s[1::2], s[::-2], s[-1:-11:-1], s[8:2:-3], s[3:3], s[100:], s[-100:2], s[::3][::-1])
print(list(s[2:8:2]), list(range(0, -10, -3)[1:]), range(0, 10, 2)[::-1], range(5, 0, -1)[::2])
print(range(3, 20, 4).index(15), range(20, 3, -4).index(8), range(10).count(3), range(10).count(3.0))
for src in ["range(3).index(3)", "range(3).index(-1)", "range(3).index('a')", "range(3)[3]", "range(3)[-4]",
            "range(3)['a']", "range(3)[1.0]", "range(3)[::0]", "range(1, 2, 0)", "range(1.5)", "range('a')",
            "range()", "range(1, 2, 3, 4)", "range(x=1)", "range(3) + range(2)", "range(3) < range(4)",
            "range(3)[2**100]", "hash(range(3)) == hash(range(0, 3))", "range(0, 3, 1) == range(3)",
            "range(0) == range(4, 4)", "range(1, 2, 3) == range(1, 2, 99)", "range(5) != range(6)",
            "range(3) == [0, 1, 2]", "range(True, 3)", "range(2, False, -1)", "list(range(-3))"]:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), range(10)[Idx()], range(10)[Idx():], list(range(10))[Idx()], slice(Idx()).indices(10))
print(slice(1, 2, 3), slice(5), slice(None), slice(1, None, -1), slice("a", [1], 2.5))
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, sl.indices(5), sl.indices(2**70), slice(-5, None).indices(3), slice(None, None, -2).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(0) <= slice(0))
for src in ["hash(slice(1))", "slice()", "slice(1, 2, 3, 4)", "slice(x=1)", "slice(1).indices(-1)", "slice(1, 2, 0).indices(5)",
            "slice('a').indices(5)", "slice(1).indices('a')", "slice(1).indices(2.0)", "[1, 2, 3][slice(1, None)]", "'abc'[slice(None, None, -1)]"]:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
