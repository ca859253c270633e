print("%s and %s" % ("a", "b"))
print("%d|%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %g %g" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.0001, 1e20))
print("%r %s" % ("q", "q"), "%%", "%c%c" % (65, "b"))
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%(a)s-%(b)d" % {"a": "x", "b": 5})
try:
    print("%d" % "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%s %s" % ("a",))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print(type(e).__name__, e)
