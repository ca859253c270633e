first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, z = "abcdef"
print(a, mid, z)
a, *mid, z = "ab"
print(a, mid, z)
*everything, = range(3)
print(everything)
[x, *y] = (1,)
print(x, y)
a, (b, *c), *d = 1, (2, 3, 4), 5, 6
print(a, b, c, d)
*s, = "hi"
print(s, type(s).__name__)
head, *tail = {"a": 1, "b": 2}
print(head, tail)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], *[3])
