tests = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0),
    lambda: 10 ** 30 / 0, lambda: 10 ** 30 // 0, lambda: 10 ** 30 % 0,
    lambda: 0 / 0, lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0), lambda: 0.0 / 0.0, lambda: -1 % 0,
    lambda: True / False, lambda: 5 % False,
]
for t in tests:
    try:
        print(t())
    except ZeroDivisionError as e:
        print(type(e).__name__ + ":", e)
x = 5
try:
    x //= 0
except ZeroDivisionError as e:
    print("augmented:", e)
try:
    x /= 0
except ZeroDivisionError as e:
    print("augmented:", e)
print(x)
