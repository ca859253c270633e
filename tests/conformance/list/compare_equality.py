print([1, 2] == [1, 2], [1, 2] == [2, 1], [] == [], [1] == [1.0], [[1]] == [[1]], [1] != [1])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 3], [2] > [1, 100], [] < [[]], [1, [2]] < [1, [3]])
print([1, 2] <= [1, 2], [1, 2] >= [1, 3], [0] * 3 == [0, 0, 0])
print([1, 2] == (1, 2), [1] == "1", [None] == [None])
nan = float("nan")
l = [nan]
print(l == l, [nan] == [nan], nan in l, l.count(nan), l.index(nan))
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] < [2, 1], [1, "a"] == [1, 2])
print(max([[1, 2], [1, 3], [0, 9]]), min([[3], [1, 2], [1]]))
a = [1, 2]
b = a
b += [3]
print(a, a is b)
c = a
c = c + [4]
print(a, c, a is c)
