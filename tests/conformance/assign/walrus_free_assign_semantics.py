# assignment evaluates the right side fully before binding targets left to right
a = [1, 2, 3]
i = 0
i, a[i] = 2, "x"
print(i, a)
b = [0, 0, 0]
j = 0
b[j], j = "y", 2
print(j, b)
x, y = 1, 2
x, y = y, x + y
print(x, y)
lst = [1, 2, 3]
lst[:], n = [9], len(lst)
print(lst, n)
s = "abc"
s, t = s[::-1], s
print(s, t)
