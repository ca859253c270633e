a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[0] = "changed"
print(a[0], b[0], a[:] == a, a[:] is a)
a[2:5] = ["x"]
print(a)
a[2:3] = [7, 8, 9, 10]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = ["end"]
print(a)
a[1:3] = "ab"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[5:2] = ["inserted"]
print(a)
c = [1, 2, 3, 4, 5, 6]
c[::-2] = ["a", "b", "c"]
print(c)
c[:] = []
print(c)
d = [1, 2, 3]
d[1:1] = d
print(d)
e = [1, 2, 3, 4]
e[-2:] = range(3)
print(e)
try:
    c = [1, 2, 3, 4]
    c[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    c[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[::2] = 7
except TypeError as e:
    print(type(e).__name__, e)
