it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(str(e)), e.args)
s = iter("ab")
print(next(s), list(s), next(s, "end"))
d = iter({"k": 1, "j": 2})
print(next(d), next(d))
r = iter(range(2))
print(next(r), next(r), next(r, -1))
t = iter((9,))
print(iter(t) is t, next(t))
e = iter([])
print(next(e, "empty"))
print(list(iter([4, 5])), sorted(iter([3, 1, 2])), sum(iter([1, 2])))
it2 = iter([1, 2, 3, 4])
for x in it2:
    print("loop", x, next(it2, "none"))
tests = [lambda: iter(5), lambda: next([1]), lambda: next("a"), lambda: iter(), lambda: next(), lambda: iter(None)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
