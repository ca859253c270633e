def pair():
    return 1, 2
r = pair()
print(r, type(r).__name__)
a, b = pair()
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
t = 1, 2, 3
x, *rest = t
print(x, rest, type(rest).__name__)
print(len(((),) * 3), ((1, 2),)[0][1])
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
print(tuple([x * x for x in range(4)]))
print((1, 2, 3)[1:2], (1, 2, 3)[5:], (1, 2, 3)[::-2])
