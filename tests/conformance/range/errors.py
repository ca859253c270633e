tests = [
    lambda: range(1, 2, 0), lambda: range(1.5), lambda: range("3"), lambda: range(), lambda: range(1, 2, 3, 4),
    lambda: range(5)[5], lambda: range(5)[-6], lambda: range(5).index(7), lambda: range(5)["a"],
    lambda: len(range(10 ** 20)), lambda: range(None), lambda: range(1, None),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
r = range(3)
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
print(r)
