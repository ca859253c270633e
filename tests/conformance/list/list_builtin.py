print(list(), list([1, 2]), list((3, 4)), list("ab"), list(range(3)), list({"k": 1, "j": 2}))
print(list({1: "a"}.items()), list(reversed([1, 2, 3])))
a = [1, 2]
b = list(a)
print(b == a, b is a)
print(len([]), len([None] * 7), sum([[1], [2]], []), [1, 2] + [3], [] + [])
print(1 in [1, 2], 3 not in [1, 2], [1] in [[1]], None in [None])
try:
    print(list(5))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] + (2,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] + "a")
except TypeError as e:
    print(type(e).__name__, e)
x = [1]
x += (2, 3)
x += "ab"
print(x)
try:
    print(list(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
