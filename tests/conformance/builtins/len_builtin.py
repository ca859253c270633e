print(len(""), len("abc"), len("😀é"), len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({1: 2, 3: 4}))
print(len(range(10)), len(range(5, 0, -2)), len(range(0, 10 ** 18, 3)), len({1, 2, 2}), len({"a": 1}.keys()))
print(len([None] * 1000), len("x" * 10 ** 6))
tests = [lambda: len(5), lambda: len(None), lambda: len(len), lambda: len(1.5), lambda: len(iter([1])),
         lambda: len(range(2 ** 64))]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
