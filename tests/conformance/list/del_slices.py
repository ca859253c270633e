a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[100:]
print(a)
del a[:]
print(a)
b = [1, 2, 3]
del b[1], b[0]
print(b)
c = [[1, 2], [3, 4]]
del c[1][0]
print(c)
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
d = list(range(10))
del d[8:2:-2]
print(d)
try:
    del d[20]
except IndexError as e:
    print(type(e).__name__, e)
