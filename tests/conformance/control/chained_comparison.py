calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(3) == v(3), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
calls.clear()
print(v(1) < v(2) in [v(2)], calls)
x = 5
print(0 < x < 10, 0 < x > 10, 1 <= x <= 5, 5 == x == 5.0, x < 10 < 100 < 1000 < 10000)
print(1 < 2 > 0 < 3 != 4 == 4 >= 4 <= 5, 1 in [1] in [[1]], [] is not None is not False)
a = [1, 2]
print(1 in a == True, (1 in a) == True)
try:
    print(1 < "a" < 3)
except TypeError as e:
    print(type(e).__name__, e)
print(1 > 2 < "never compared")
