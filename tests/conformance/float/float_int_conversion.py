for v in (0.0, 0.9, -0.9, 1.5, -1.5, 1e10, 1e15 + 0.5, 1e16, 1e20, 1.7976931348623157e308, 2.0 ** 63, -2.0 ** 63):
    print(v, int(v))
print(int(1.9999999999999999), int(-1e-300), int(123.456e5))
print((2.5).is_integer(), (2.0).is_integer(), (1e300).is_integer())
print(1e16 // 1, 1e16 % 7, int(1e16) % 7)
try:
    print(int(float("inf")))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(int(float("nan")))
except ValueError as e:
    print(type(e).__name__, e)
