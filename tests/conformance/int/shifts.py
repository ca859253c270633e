print(1 << 0, 1 << 1, 1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 3, -5 << 2, 0 << 1000, 3 << 70)
print(1024 >> 3, 1024 >> 20, -1024 >> 3, -1 >> 1, -1 >> 100, -5 >> 1, 5 >> 1)
print((1 << 200) >> 199, (1 << 200) >> 300, -(1 << 200) >> 300)
print(-7 >> 1, -8 >> 1, -9 >> 2, 7 >> 0)
print(True << 3, 5 >> True)
x = 1
x <<= 70
print(x)
x >>= 69
print(x)
try:
    print(1 << -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 << 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1.0 >> 1)
except TypeError as e:
    print(type(e).__name__, e)
print(0 << 10 ** 20)
print(1 >> 10 ** 20, -1 >> 10 ** 20)
