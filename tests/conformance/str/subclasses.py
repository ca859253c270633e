# str, bytes and bytearray subclasses: results are exact builtins, overridden __str__/__repr__ win in formatting.
class S(str):
    def extra(self):
        return self.upper() + "!"
s = S("abc")
print(type(s.upper()).__name__, type(s + "x").__name__, type(s * 2).__name__, type(s[0]).__name__, type(s.strip()).__name__,
      type(str(s)).__name__, repr(s), s.extra(), s == "abc", hash(s) == hash("abc"), {"abc": 1}[s], len(s), "b" in s)
print(type(s.replace("x", "y")).__name__, type(s[:]).__name__, type(format(s, "")).__name__, f"{s:>5}", "%s|%r" % (s, s))
print(S("a,b").split(","), "-".join(S("xyz")), S("  q ").strip(), s.center(7, "*"), s.encode(), list(s), sorted(S("cba")))
class R(str):
    def __str__(self):
        return "custom"
    def __repr__(self):
        return "R!"
r = R("raw")
print(str(r), repr(r), "%s %r" % (r, r), "{} {!r}".format(r, r), f"{r} {r!r}", r.upper(), r + "x")
class B(bytes):
    pass
b = B(b"xy")
print(b, type(b[0:1]).__name__, type(b + b"z").__name__, b.upper(), b == b"xy", len(b), b.decode(), bytes(b), list(b))
class BA(bytearray):
    pass
ba = BA(b"q")
ba.append(65)
print(ba, repr(ba), len(ba), ba + b"!", type(ba.upper()).__name__)
