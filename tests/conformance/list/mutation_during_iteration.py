a = [1, 2, 3, 4]
for x in a:
    if x == 2:
        a.remove(x)
    print(x)
print(a)
b = [1, 2, 3]
n = 0
for x in b:
    if n < 3:
        b.append(x * 10)
    n += 1
print(b, n)
c = [1, 2, 3, 4, 5, 6]
for i, x in enumerate(c):
    del c[i]
print(c)
d = [3, 1, 2]
it = iter(d)
print(next(it))
d.clear()
print(next(it, "exhausted"))
