# banker's rounding and float representation effects
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5, 0.4999999999999999, 1e16 + 1, 2.5000001):
    print(v, round(v), type(round(v)).__name__)
for v, n in ((2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1.25, 1), (1.35, 1), (2.5, 0), (-2.5, 0),
             (1234.5678, -2), (1250.0, -2), (1350.0, -2), (0.1 + 0.2, 15), (0.1 + 0.2, 16), (1e300, 2),
             (123.456, 10), (5e-324, 400), (12345.0, -10), (-0.05, 1), (0.05, 1), (0.15, 1), (0.25, 1)):
    print(v, n, round(v, n))
print(round(3.7, None), round(-3.7), round(1e20), round(-1e20), round(2 ** 0.5, 4))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2), round(-0.0, 2))
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
