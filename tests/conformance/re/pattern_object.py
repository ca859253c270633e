# The pattern object: attributes, repr, equality, hash, copies, type.
import re, copy

p = re.compile(r"(?P<x>a)(b)", re.I | re.M)
print(p.pattern, p.flags, p.groups, p.groupindex, repr(p))
print(re.compile("a"), re.compile(b"a"), re.compile("a", re.A), re.compile("a", re.I | re.S | re.X))
print(re.compile("a", re.T | re.DEBUG if False else re.I))
print(repr(re.compile("x" * 250))[-20:], len(repr(re.compile("x" * 250))))
print(repr(re.compile("'\"\n")))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), re.compile("a") == re.compile(b"a"))
print(re.compile("a") != re.compile("b"), re.compile("a") == "a", re.compile("a").__eq__("a"))
print(hash(re.compile("ab")) == hash(re.compile("ab")), {re.compile("q"): 1}[re.compile("q")])
print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(type(p).__name__, type(p).__module__, type(p), re.Pattern, isinstance(p, re.Pattern), re.Pattern[bytes])
for bad in ["pattern", "flags", "groups", "groupindex"]:
    try:
        setattr(p, bad, 1)
    except AttributeError as e:
        print("AttributeError", bad)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
print(re.compile(p) is p, re.compile("(a)(b)(c)").groups, re.compile("").groups)
print(re.compile("a").search("ba").re.pattern)
print(sorted(n for n in dir(p) if not n.startswith("_")))
print(sorted(n for n in dir(p.match("a")) if not n.startswith("_")) if p.match("a") else None)
