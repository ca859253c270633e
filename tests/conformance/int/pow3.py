print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(0, 0, 5), pow(5, 0, 1), pow(7, 1, 1), pow(2, 100, 2 ** 64))
print(pow(2, -1), pow(2, -3), pow(-2, -2))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 7), pow(-3, -1, 7))
print(pow(12345678901234567890, 12345, 987654321987654321))
print(pow(2, 10 ** 5, 10 ** 9 + 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(0, -2)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(pow(base=2, exp=5), pow(2, exp=5, mod=3))
print((-8) ** 2, pow(-1, 10 ** 20), pow(-1, 10 ** 20 + 1))
