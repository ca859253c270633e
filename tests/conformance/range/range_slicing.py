r = range(0, 20, 3)
for s in [slice(None), slice(2, 5), slice(None, None, -1), slice(-3, None), slice(1, None, 2), slice(10, 20),
          slice(None, None, -2), slice(5, 1, -1), slice(-100, 100), slice(2, 2)]:
    sub = r[s]
    print(s.start, s.stop, s.step, sub, list(sub))
neg = range(10, -10, -4)
print(list(neg), neg[1:3], neg[::-1], list(neg[::-1]), neg[-1], len(neg))
print(range(5)[::2][::-1], list(range(5)[::2][::-1]), range(0, 10)[3:7][1:2])
print(range(2 ** 100, 2 ** 100 + 10, 3)[1:], len(range(2 ** 100, 2 ** 100 + 10, 3)))
