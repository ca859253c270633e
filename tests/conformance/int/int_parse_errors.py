cases = [
    ("",), ("  ",), ("abc",), ("1.5",), ("1e5",), ("0x10",), ("12", 2), ("2", 2),
    ("1__0",), ("_1",), ("1_",), ("08", 0), ("010", 0), ("0b", 0), ("- 1",), ("++1",),
    ("1 2",), ("z", 35), ("10", 1), ("10", 37), ("10", -1), ("\x00",), ("9" * 60 + "x",),
]
for args in cases:
    try:
        print(repr(args), int(*args))
    except ValueError as e:
        print(repr(args), type(e).__name__, e)
for bad in [None, [1], (1,), {}]:
    try:
        print(int(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(1.5, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("1", "2")
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("-inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
