def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def mul(a, b):
    return [[sum([a[i][k] * b[k][j] for k in range(len(b))]) for j in range(len(b[0]))] for i in range(len(a))]
def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = mul(result, m)
        m = mul(m, m)
        e >>= 1
    return result
fibm = mat_pow([[1, 1], [1, 0]], 90)
print(fibm)
m = [[2.0, 1.0], [0.5, 3.0]]
print(mul(m, m), mat_pow(m, 5))
def transpose(m):
    return [list(row) for row in zip(*m)]
print(transpose([[1, 2, 3], [4, 5, 6]]))
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
print(det([[1, 2, 3], [4, 5, 6], [7, 8, 10]]), det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]))
