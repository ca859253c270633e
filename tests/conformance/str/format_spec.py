# The format-spec mini-language: fill/align, sign, z, #, 0, width, grouping,
# precision and every presentation type, for int, bool, float, complex and str.
def show(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), "!!", type(e).__name__, e)

ints = [0, 7, -42, 255, 1234567, -98765432, 2 ** 70, True]
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 123.456, -0.000123456, 1e16, 1e-7, 1e300, 5e-324,
          float("inf"), float("-inf"), float("nan"), 0.125, 0.375, 9.999999, 99.5, 1234567.891]
for v in ints:
    for spec in ["", "d", "5", "<6", "^7", ">8", "=9", "*^9", "+", " ", "-", "+08", "08", "010,", "_", ",d", "x", "#x", "X", "#X",
                 "o", "#o", "b", "#b", "#010b", "_b", "_x", "#_x", "c", "n", "e", ".2e", "f", ".1f", "g", "%", ".0%", "E", "G"]:
        show(v, spec)
for v in floats:
    for spec in ["", "f", ".0f", ".3f", "#.0f", "e", ".0e", "#.0e", ".3E", "g", ".3g", "#g", "#.3g", "G", ".1", ".3", ".12",
                 "#", "%", ".1%", "n", "10.2f", "<10.2f", "^10.2f", "=+10.2f", "010.2f", "+", " .2f", "z.2f", "z", ",.2f",
                 "_.3f", "015,.2f", "*>12.3e", "F", "#.1"]:
        show(v, spec)
for v in [1 + 2j, -1.5 - 0.25j, 0j, 1e20j, complex(float("nan"), 1), -0.0 + 1j]:
    for spec in ["", ".2f", "10.3", "<20", "^20.2e", "+", "g", "#", "#.0f", "n", "z.1f", ",.2f"]:
        show(v, spec)
for v in ["", "a", "hello", "héllo", "日本"]:
    for spec in ["", "s", "5", "<5", ">5", "^5", "*^8", "é>6", ".2", "8.3", "05", "<05", "x<05", ">010", "^^5"]:
        show(v, spec)
# Errors.
for v, spec in [(1, ",,"), (1, "_,"), (1, ",_"), (1, "abc"), (1.5, "abc"), ("a", "abc"), (1, "."), (1, ".2"), (1, "z"),
                ("a", "z"), ("a", "+"), ("a", " "), ("a", "#"), ("a", "="), (65, "+c"), (65, "#c"), (65, ",c"), (-1, "c"),
                (0x110000, "c"), (1, "q"), (1.0, "q"), ("a", "q"), (True, "q"), (1, "\x01"), (1, "é"), (1, "s"), (1.0, "d"),
                (1.0, "c"), ("a", "d"), (1, "9" * 20), (1.0, "." + "9" * 20), (1.0, ".3000000000f"), (1234, ",n"), (1234, ",x"),
                (1j, "0"), (1j, "=10"), (1j, "%"), (1j, "c"), ("a", ",")]:
    show(v, spec)
class Money:
    def __format__(self, spec):
        return "$" + format(12.5, spec or ".2f")
print(format(Money()), format(Money(), ">10.1f"), f"{Money():.0f}", "{:x>8}".format(Money()))
for spec in ["", "5"]:
    try:
        print(repr(format(None, spec)), repr(format([1], spec)))
    except TypeError as e:
        print("TypeError", e)
