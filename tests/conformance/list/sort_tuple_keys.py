# Sorting tuples of ints and strs (keys compared without Python code), with keys of
# different lengths, equal keys (stability, reverse), and the cases that must go
# through the protocol: mixed kinds at a position, floats, nested tuples, subclasses.
import random

r = random.Random(3)
rows = [(r.randrange(5), "k%d" % r.randrange(4), r.randrange(-3, 3)) for _ in range(300)]
print(sorted(rows)[:10], sorted(rows, reverse=True)[:5])
tagged = [(row, i) for i, row in enumerate(rows)]
print([i for _, i in sorted(tagged, key=lambda t: t[0][:2])][:40])
print([i for _, i in sorted(tagged, key=lambda t: t[0][:2], reverse=True)][:40])
short = [(1,), (1, 2), (), (0, 5, 5), (1, 1), (0,), (1, 2, -1), ()]
print(sorted(short), sorted(short, reverse=True))
words = [("b", 2), ("a", 10), ("b", 1), ("", 0), ("a", -1), ("ab", 3), ("\xe9", 1), ("z", 0)]
print(sorted(words), sorted(words, key=lambda kv: (-kv[1], kv[0])))
big = [(i % 7, -i, "x" * (i % 3)) for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], s == sorted(big, key=lambda t: (t[0], t[1], t[2])))
for bad in ([(1, "a"), ("a", 1)], [(1, 2), (1, "2")], [(1, None), (1, None)], [(1, 2), (1, 2.5), (0, 1)],
            [(1, (2, 3)), (1, (2, 1))], [(2 ** 60, 1), (3, 1)], [(1.5, "a"), (1, "b")]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError", e)


class T(tuple):
    def __lt__(self, other):
        return len(self) > len(other)


print(sorted([T((1,)), T((1, 2)), T(())]))
l = [(3, "c"), (1, "a"), (2, "b"), (1, "a")]
l.sort()
print(l, l[0] is l[1] or l[0] == l[1])
x = [(1, "b"), (1, "a")]
x.sort(key=lambda t: t)
print(x)
