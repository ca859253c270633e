a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3, 4]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
lst[1], lst[2] = lst[2], lst[1]
print(lst)
x = [0, 1]
i = 0
i, x[i] = 1, "set"
print(i, x)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
a, b = b, a + b
print(a, b)
