t = (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)
print(t.count(5), t.count(7), t.index(1), t.index(5), t.index(5, 5), t.index(5, -3))
print(len(t), sum(t), max(t), min(t), sorted(t), tuple(sorted(t)), t[::3], t[-3:])
print(tuple(reversed(t)), list(enumerate(t[:3])), 9 in t, (1, 5) in [t[3:5]])
a = (1, 2)
b = a
a += (3,)
print(a, b)
def ret():
    return 1, "two", [3]
x = ret()
x[2].append(4)
print(x, len(x), type(x).__name__)
print(tuple(["a", "b"]), tuple({"z": 0, "y": 1}), tuple(range(0)))
single = ("only")
real_single = ("only",)
print(single, real_single, type(single).__name__, type(real_single).__name__)
print((), (()), ((),), tuple(()), tuple([()]))
