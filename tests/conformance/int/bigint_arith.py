a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // 7, a % 7)
print(b // a, b % a)
print(-a // b, -a % b)
print(a * a * a * a)
print(a ** 5 == a * a * a * a * a)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(f // (2 ** 47), f % 1000003)
print(len(str(2 ** 10000)))
print(str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
n = 1
for i in range(200):
    n = n * 3 + 1
print(n)
print(n - n, n - n == 0, type(n - n))
x = 2 ** 63
print(x - 1, x, x + 1, -x, -x - 1)
print(2 ** 64 - 1, 2 ** 64, 2 ** 62 + 2 ** 62, 4611686018427387904 * 2)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print((2 ** 63) // 2, (2 ** 63 - 1) * (2 ** 63 - 1))
print(abs(-(10 ** 40)), -(-(10 ** 40)))
print(10 ** 40 > 10 ** 39, -(10 ** 40) < -(10 ** 39), 10 ** 40 == 10 ** 40)
