# Plain %s / %d / %i specs next to every other form: argument consumption, str
# subclasses, bools, big and wide ints, mappings, errors.

class S(str):
    def __str__(self):
        return "S-str"


class D(dict):
    pass


print("%s" % "x", "%d" % 5, "%i" % -7, "%s" % ("a",), "%s|%s" % ("a", "b"), "%d%d%d" % (1, 2, 3))
print("%s" % S("raw"), "%s" % [S("q")], "%d" % True, "%i" % False, "%s" % True, "%s" % None)
print("%d" % 2**47, "%d" % -2**47, "%d" % 2**48, "%d" % 2**63, "%d" % -2**70, "%i" % (2**53 + 1))
print("%s" % 1.5, "%d" % 3.99, "%s" % (1, 2).__class__, "%s%%" % "p", "%%%s%%" % "q", "%s" % "")
print("%s" % {"a": 1}, "%(a)s %(a)d" % {"a": 4}, "%(b)s" % D(b="dd"), "%s" % D(), "%d" % 0)
print("%5s|%-5s|%05d|%+d|% d|%.2s|%x|%r" % ("ab", "cd", 42, 3, 4, "xyz", 255, "r"))
print("caf\xe9 %s" % "cr\xe8me", "%s \U0001F600" % "\U0001F600", "%d\xe9" % 12, "\xe9%s" % "ascii")
print("%s %s" % ("\u3000", S("x")), len("%s" % ("a" * 1000)), ("%d," * 5) % tuple(range(5)))
print("sku%d" % (123 % 50), "%s=%d" % ("k", -0), "%s" % (S("z"),), "%d" % int("-12"))
for fmt, args in [("%s %s", ("a",)), ("%d", ()), ("%s", ("a", "b")), ("%d", "x"), ("%d", 1.5j),
                  ("%i", None), ("%s %d", ("a", "b")), ("%d %s", (1,)), ("%(x)s", 5), ("%", 1),
                  ("%s", ()), ("%d", [1]), ("%z", 1)]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
b = b"%s %d" % (b"by", 7)
print(b, b"%d" % 2**50, b"%s" % b"")
