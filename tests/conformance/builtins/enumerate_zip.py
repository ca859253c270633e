print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-2)))
print(list(enumerate(range(3), 10 ** 20)))
for i, (a, b) in enumerate(zip("xy", "12")):
    print(i, a, b)
print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2, 3], "ab")), list(zip("abc", range(10), [None] * 2)))
print(dict(zip("abc", range(3))), list(zip(*[(1, 2), (3, 4), (5, 6)])))
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "done"))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
print(type(enumerate([])).__name__, type(zip()).__name__)
tests = [lambda: enumerate(5), lambda: zip(1, [2]), lambda: enumerate([], "a"), lambda: zip([1], 2),
         lambda: list(zip([1, 2], [1], strict=True))]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
