print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(10 ** 30)), abs(True), abs(False))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("hello"), min((2.5, 1, 3)), max(range(10)))
print(min(1, 1.0), min(1.0, 1), max(1, 1.0), max(1.0, 1), max([0, -0.0]), max([-0.0, 0]))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([(1, "b"), (1, "a")]), max([3, -7, 5], key=abs), min([3, -7, 5], key=lambda v: -v))
print(max([], default="empty"), min([], default=None), max([1], default=0), max([1, 2], key=None))
print(max("ab", "ba", key=lambda s: s[1]), min("abc", "b", "cc", key=len))
print(max([1, 5, 5, 2], key=lambda v: v // 5), max([[1], [1, 0]]), min({3: "a", 1: "b"}))
tests = [lambda: max(), lambda: min([]), lambda: max([], key=len), lambda: max(1), lambda: min(5, key=len),
         lambda: max(1, "a"), lambda: max([1, 2], default=0, key=None, extra=1), lambda: max(1, 2, default=0),
         lambda: abs("x"), lambda: abs(None), lambda: abs(), lambda: min(None)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
