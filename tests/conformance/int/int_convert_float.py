print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 63), float(-(2 ** 63)), float(10 ** 22))
print(float(10 ** 23), float(10 ** 308), float(2 ** 1023))
print(float(123456789012345678901234567890))
print(2 ** 1023 * 1.0, (2 ** 53 + 1) / 1, 10 ** 30 / 10 ** 10, 1 / 10 ** 30)
print(10 ** 400 / 10 ** 399, (10 ** 400 + 1) // 10 ** 399, 7 ** 500 / 7 ** 499)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 400 * 1.0)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 400 + 0.5)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) < -1e308, 10 ** 400 == float("inf"))
print(2 ** 1024 > 1.7976931348623157e308)
print(1e16, int(1e16), 10 ** 16 == 1e16, float(10 ** 16), 10 ** 16 / 1)
print(int(1e15), int(1.23e15), 1.5e16 == 15000000000000000)
