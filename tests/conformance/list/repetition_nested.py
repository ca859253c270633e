a = [0] * 5
print(a)
b = [[]] * 3
b[0].append(1)
print(b)
c = [[] for _ in range(3)]
c[0].append(1)
print(c)
print([1, 2] * 0, [1, 2] * -1, [] * 10, 2 * [3], [1] * True)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    grid[i][i] = 1
print(grid)
print([[1, 2], [3]] * 2)
m = [[1, 2, 3], [4, 5, 6]]
t = [[row[i] for row in m] for i in range(3)]
print(t)
print(len([[]]), len([[], []]), [[[]]] == [[[]]])
try:
    print([1] * 1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] * (2 ** 100))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
