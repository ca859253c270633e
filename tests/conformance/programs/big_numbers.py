def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(100))
print(fib(500))
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = factorial(200)
print(len(str(f)), str(f)[:30], f % (10 ** 9 + 7))
trailing = 0
while f % 10 == 0:
    f //= 10
    trailing += 1
print("trailing zeros", trailing)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(fib(300), fib(200)), fib(100), gcd(2 ** 100 - 1, 2 ** 60 - 1), 2 ** 20 - 1)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 100), isqrt(2 * 10 ** 60))
print(pow(3, 10 ** 6, 10 ** 20), (-7) ** 51, (2 ** 127 - 1) % 1000000007)
