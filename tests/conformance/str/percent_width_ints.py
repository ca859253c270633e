# %-formatting of ints with only a zero flag and a width (%05d, %2i), next to the
# other flag combinations and bad arguments; isinstance/issubclass with tuples.
vals = [0, 1, -1, 7, -7, 42, -42, 123456, -123456, 2**47 - 1, -2**47, 2**48, True]
fmts = ["%0d", "%00d", "%1d", "%2d", "%02d", "%5d", "%05d", "%010i", "%3i", "%12d|", "x%02d.%02dy", "%-5d", "%+05d", "% 5d", "%5.3d", "%05.1d", "%0*d"]
for f in fmts:
    out = []
    for v in vals:
        try:
            out.append(f % ((v, v) if f.count("%") == 2 and "*" not in f else ((5, v) if "*" in f else v)))
        except TypeError as e:
            out.append("TE " + str(e))
    print(f, out)
print("%d.%02d" % divmod(12345, 100), "%d.%02d" % divmod(-5, 100), "%03d%%" % 5)
for bad in ("%05d", "%5i"):
    for arg in ("s", 1.5, None, [1], (1, 2)):
        try:
            print(repr(bad % arg))
        except TypeError as e:
            print("TypeError", e)
class A: pass
class B(A): pass
print(isinstance(B(), (int, A)), isinstance(1, (str, (bytes, int))), isinstance(1, ()), issubclass(B, (int, (str, A))), issubclass(B, ()))
try:
    isinstance(1, (int, 5))
    isinstance("x", (int, 5))
except TypeError as e:
    print("TypeError", e)
