print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("bca"), sorted((1.5, -1, 0)))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items()), sorted({"b": 1, "a": 2}, key=lambda k: -ord(k)))
print(sorted([]), sorted(range(5, 0, -1)), sorted([[3], [1, 2], [1]]))
stable = sorted([("b", 1), ("a", 1), ("c", 0), ("d", 1)], key=lambda p: p[1])
print(stable)
stable_rev = sorted([("b", 1), ("a", 1), ("c", 0), ("d", 1)], key=lambda p: p[1], reverse=True)
print(stable_rev)
orig = [3, 1, 2]
new = sorted(orig)
print(orig, new, orig is new)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed([])))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1, "b": 2}.values())))
r = reversed([1, 2])
print(next(r), next(r), next(r, "stop"))
print(type(reversed([])).__name__, type(reversed(range(0))).__name__)
tests = [lambda: reversed(5), lambda: reversed(iter([1])), lambda: sorted(5), lambda: sorted([1], key=5),
         lambda: sorted([1, 2], reverse="yes"), lambda: sorted(), lambda: reversed()]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
