a = [10, 20, 30, 40, 50]
print(a[0], a[-1], a[2], a[-5], a[True])
a[0] = 11; a[-1] = 55
print(a)
a[2] += 3
print(a)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], nested[-1][-1][-1])
nested[1][1][0] = "four"
print(nested)
for i in (5, -6, 100, 2 ** 64):
    try:
        print(a[i])
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a[5] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    del a[7]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a["0"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[None] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [][0]
except IndexError as e:
    print(type(e).__name__, e)
