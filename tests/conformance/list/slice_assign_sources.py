# Slice reads, slice assignment (from lists, tuples, iterators, strings, the list
# itself) and slice deletion over random bounds and steps, growing and shrinking.
import random

r = random.Random(3)
for trial in range(400):
    n = r.randrange(0, 12)
    a = list(range(n))
    i, j = r.randrange(-n - 2, n + 3), r.randrange(-n - 2, n + 3)
    st = r.choice([None, 1, 2, -1, -2, 3])
    kind = r.randrange(5)
    m = r.randrange(0, 6)
    src = [100 + x for x in range(m)]
    if kind == 1:
        src = tuple(src)
    elif kind == 2:
        src = iter(src)
    elif kind == 3:
        src = a
    elif kind == 4:
        src = "abcdef"[:m]
    line = [n, i, j, st, kind, a[i:j:st]]
    try:
        if st in (None, 1):
            a[i:j] = src
        else:
            a[i:j:st] = src
        line.append(a)
    except Exception as e:
        line.append(repr(e))
    b = list(range(n))
    del b[i:j:st]
    line.append(b)
    print(*line)
a = [1, 2, 3]
a[1:1] = a
print(a)
a[::-1] = a
print(a)
a[:] = []
print(a, a[::-1], a[5:], a[-5:-9:-1])
