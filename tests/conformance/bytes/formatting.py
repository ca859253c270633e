# %-formatting of bytes (PEP 461).
def run(fmt, args):
    try:
        print(repr(fmt), repr(args), "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), repr(args), "!!", type(e).__name__, e)

run(b"%s and %s", (b"x", bytearray(b"y")))
run(b"%b|%5b|%-5b|", (b"a", b"b", b"c"))
run(b"%d %i %u %x %X %o %#x %05d %+d", (1, 2, 3, 255, 255, 8, 255, -42, 7))
run(b"%f %.2f %e %g %10.3f|", (1.5, 2.345, 1e10, 0.0001, -3.14159))
run(b"%c%c%c", (65, b"B", bytearray(b"C")))
run(b"%r %a", ("é", "é"))
run(b"%(k)s %(n)d", {b"k": b"v", b"n": 3})
run(b"%%", ())
run(b"100%%", ())
run(b"%s", "text")
run(b"%s", 1)
run(b"%s", 1.5)
run(b"%b", None)
run(b"%d", b"x")
run(b"%i", "1")
run(b"%x", 1.5)
run(b"%f", "1")
run(b"%e", b"x")
run(b"%c", 256)
run(b"%c", -1)
run(b"%c", "A")
run(b"%c", b"AB")
run(b"%s %s", (b"a",))
run(b"%s", (b"a", b"b"))
run(b"abc", b"x")
run(b"abc", "x")
run(b"abc", bytearray(b"x"))
run(b"abc", {})
run(b"abc", 1)
run(b"%(a)s", 1)
run(b"%q", 1)
run(b"%", ())
run(bytearray(b"%s-%s"), (b"a", b"b"))
run(b"%5.1s|", b"abc")
run(b"%*d|%-*d|", (4, 1, 4, 2))
class Bytesish:
    def __repr__(self):
        return "Bytesish()"
    def __bytes__(self):
        return b"B!"
class Bad:
    def __repr__(self):
        return "Bad()"
    def __bytes__(self):
        return "nope"
run(b"%s", Bytesish())
run(b"%s", Bad())
