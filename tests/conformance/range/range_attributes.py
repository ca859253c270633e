for r in [range(5), range(2, 9), range(10, 1, -2), range(-5, 5, 5), range(0)]:
    print(repr(r), r.start, r.stop, r.step, len(r), list(r)[:4], r[0] if r else "empty", bool(r))
print(str(range(3)), type(range(3)).__name__, range(1, 2, 1), range(1, 2, -1))
print(min(range(4, 10, 2)), max(range(4, 10, 2)), sum(range(0, 100, 7)), sorted(range(3, 0, -1)))
print(list(reversed(range(-3, 3, 2))), list(zip(range(3), range(3, 6))), dict(zip(range(2), "ab")))
