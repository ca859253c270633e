# %-formatting: flags, widths, precision, '*', mapping keys, argument
# consumption and the error messages.
def run(fmt, args):
    try:
        print(repr(fmt), repr(args), "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), repr(args), "!!", type(e).__name__, e)

for fmt in ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%10.4d", "%x", "%#x", "%#X", "%#05x", "%-#6x|",
            "%o", "%#o", "%#.3o", "%i", "%u", "%c", "%5c", "%s", "%r", "%a", "%5.2s|", "%.0s|"]:
    for v in [0, 42, -42, 255, 2 ** 70, True]:
        run(fmt, v)
for fmt in ["%f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+.1f", "% .1f", "%e", "%.0e", "%#.0e", "%E", "%g", "%#g", "%.3g",
            "%G", "%#.0f", "%F", "%5.1f%%"]:
    for v in [0.0, -0.0, 1.5, -2.25, 1e-7, 1e16, 123456.789, float("inf"), float("nan"), 7]:
        run(fmt, v)
run("%s %s", (1,))
run("%s", (1, 2))
run("%s %(a)s", {"a": 1})
run("%(a)s %s", {"a": 1})
run("%(a)s-%(b)05.1f", {"a": "x", "b": 2.25})
run("%(a(b)c)s", {"a(b)c": 9})
run("%(a)", {"a": 1})
run("%(a", {"a": 1})
run("%(a)s", 1)
run("%(a)s", [1])
run("%(x)s", {})
run("%s", [1, 2])
run("%s %s", [1, 2])
run("%s", ((1, 2),))
run("%s", ())
run("abc", [1])
run("abc", 5)
run("abc", {})
run("abc", ())
run("abc", "x")
run("%", ())
run("%s%", 1)
run("%5", 1)
run("%.", 1)
run("%q", 1)
run("%q", ())
run("%5%", ())
run("%5%", (1,))
run("%%%d%%", 5)
run("%é", 1)
run("%\x01", 1)
run("%hd %ld %Ld", (1, 2, 3))
run("%hhd", 1)
run("%*d|", (5, 3))
run("%-*d|", (5, 3))
run("%*d|", (-5, 3))
run("%.*f", (2, 3.14159))
run("%.*f", (-2, 3.14159))
run("%*.*f|", (8, 3, 2.5))
run("%*d", (5.0, 3))
run("%*d", ("5", 3))
run("%*d", (True, 3))
run("%*d", (2 ** 70, 3))
run("%.*f", (2 ** 40, 1.0))
run("%99999999999999999999d", 1)
run("%.99999999999999d", 1)
for v in ["x", 1.5, 3.7, -3.7, None, [1], 1 + 2j, "1"]:
    for fmt in ["%d", "%x", "%o", "%c", "%f", "%e"]:
        run(fmt, v)
run("%c", "ab")
run("%c", 0x110000)
run("%c", -1)
run("%c", 2 ** 70)
run("%c", 0x1F600)
run("%s|%r|%a", ("é", "é", "é"))
run("%d%%", 50)
class I:
    def __repr__(self):
        return "I()"
    def __index__(self):
        return 11
class F:
    def __repr__(self):
        return "F()"
    def __float__(self):
        return 2.5
class N:
    def __repr__(self):
        return "N()"
    def __int__(self):
        return 9
for v in [I(), F(), N()]:
    for fmt in ["%d", "%x", "%f", "%c"]:
        run(fmt, v)
