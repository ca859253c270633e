print(range(5), range(1, 5), range(1, 10, 2), range(10, 0, -3), range(0), range(-5))
print(list(range(5)), list(range(2, 5)), list(range(1, 10, 3)), list(range(10, 0, -3)), list(range(5, 5)))
print(list(range(-3, 3)), list(range(3, -3, -1)), list(range(0, -10, -4)), list(range(1, 0)), list(range(0, 1, -1)))
r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[2], r.start, r.stop, r.step, r.index(11), r.count(11), r.count(12))
print(7 in r, 8 in r, 19 in r, 20 in r, 3.0 in r, "3" in r, -1 in range(-5, 0))
print(len(range(0)), len(range(10, 0)), len(range(10, 0, -1)), len(range(1, 10, 100)), len(range(-10, 10, 7)))
print(bool(range(0)), bool(range(1)), range(0) == range(5, 5), range(0, 3) == range(3), range(1, 2, 5) == range(1, 3, 5))
print(range(0, 10, 2) == range(0, 9, 2), range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2])
print(r[1:3], r[::-1], r[::2], r[-2:], r[100:], list(r[::-1]), range(10)[::-3], list(range(10)[::-3]))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 8)))
big = range(10 ** 20)
print(len(range(10 ** 18)), big[-1], 10 ** 19 in big, big[10 ** 19], big[::10 ** 19])
print(range(True, 4), list(range(False, True)))
total = 0
for i in range(10, 0, -2):
    total += i
print(total)
