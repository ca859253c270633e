def outer(n):
    return [[n * i + j for j in range(n)] for i in range(n)]
print(outer(3))
def adders(values):
    return {v: (lambda x, v=v: x + v) for v in values}
a = adders([1, 10])
print(a[1](5), a[10](5))
def matrix_mult(a, b):
    return [[sum([a[i][k] * b[k][j] for k in range(len(b))])
             for j in range(len(b[0]))] for i in range(len(a))]
print(matrix_mult([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
def counter_comp():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return [bump() for _ in range(5)], count
print(counter_comp())
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
print({len(w): [x for x in words if len(x) == len(w)] for w in words})
