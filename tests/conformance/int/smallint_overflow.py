# values around the boundaries where an implementation may switch representation
edges = [2 ** 30, 2 ** 31, 2 ** 32, 2 ** 47, 2 ** 48, 2 ** 52, 2 ** 53, 2 ** 62, 2 ** 63, 2 ** 64]
for e in edges:
    for v in (e - 1, e, e + 1, -e + 1, -e, -e - 1):
        print(v, v + 1, v - 1, v * 2, v * -3, v // 2, v % 1000, -v, abs(v))
x = 2 ** 62
s = 0
for i in range(10):
    s += x
print(s)
m = -(2 ** 63)
print(m * -1, m // -1, m % -1, -m)
print((2 ** 31) * (2 ** 31), (2 ** 32) * (2 ** 32), (-(2 ** 32)) * (2 ** 32))
print(3037000499 * 3037000499, 3037000500 * 3037000500)
print((2 ** 53 + 1) + 0, int(float(2 ** 53 + 1)))
