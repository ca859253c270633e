r = range(-10, 10, 3)
print(list(r))
for v in [-10, -9, -7, 8, 9, 10, 0, -1, 2, 2.0, 2.5, True, False, "2", None]:
    print(repr(v), v in r)
print(r.count(-1), r.index(-1), r.count(2.0), r.count(3))
big = range(0, 10 ** 30, 7)
print(7 * 10 ** 20 in big, 7 * 10 ** 20 + 1 in big, big.index(7 * 10 ** 20), big.count(14))
print(range(3) == range(0, 3, 1), range(0) == range(1, 1), range(0) == range(2, 1, 1), hash(range(3)) == hash(range(0, 3)))
print(range(1, 10, 3) == range(1, 8, 3), range(1, 10, 3) == range(1, 11, 3))
