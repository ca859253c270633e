for i in range(3):
    print("i", i)
for i in range(3, 0, -1):
    print("down", i)
for i in range(0):
    print("never")
else:
    print("empty range else")
n = 5
for i in range(n):
    n -= 1
print("n after", n)
r = range(4)
it = iter(r)
print(next(it), next(it), list(it), next(it, "end"))
acc = []
for i in range(2):
    for j in range(i, 3):
        acc.append((i, j))
print(acc)
for i in range(5):
    pass
print("i leaks", i)
print([i * i for i in range(-2, 3)], list(enumerate(range(10, 13))))
print(list(zip(range(3), range(10, 20))), list(range(2 ** 64, 2 ** 64 + 3)))
