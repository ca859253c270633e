a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b), c = [1, 2], 3
print(a, b, c)
[a, [b, c]] = (4, (5, 6))
print(a, b, c)
a, b, c = "xyz"
print(a, b, c)
a, b = range(2)
print(a, b)
a, b = {"k": 1, "j": 2}
print(a, b)
x = y = z = 0
print(x, y, z)
x = y = [1]
y.append(2)
print(x, x is y)
p, q = q, p = 1, 2
print(p, q)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
a, = [7]
print(a)
[a] = "z"
print(a)
(a) = 5
print(a)
() = []
[] = ()
print("empty targets ok")
t = 1, 2, 3
one, two, three = t
print(one + two + three)
