# The match object API: groups by number and name, errors, repr, attributes.
import re, copy

p = re.compile(r"(?P<a>\w)(\d)?(?P<c>x)?")
m = p.match("a1 rest")
print(m)
print(repr(m), str(m) == repr(m), bool(m))
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3), m.group("a"), m.group("c"))
print(m.group(1, 2, 3), m.group("a", 0), m[0], m[1], m["a"], m[3])
print(m.groups(), m.groups("z"), m.groups(default=1), m.groupdict(), m.groupdict(default="?"))
print(m.start(), m.end(), m.span(), m.start(2), m.end("a"), m.span(3), m.start("c"))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p)
print(m.group(True), m.group(False), m.span(True))
for bad in [4, -1, "b", "zz", 1.0, None, 10 ** 30, -10 ** 30]:
    for f in (m.group, m.start, m.end, m.span, m.__getitem__):
        try:
            f(bad)
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e, end="; ")
    print()
try:
    m.group([])
except TypeError as e:
    print("TypeError", e)
try:
    re.match("(a)", "a").group([])
except IndexError as e:
    print("IndexError", e)
try:
    m.groups(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    m.start(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    m.group(foo=1)
except TypeError as e:
    print("TypeError", e)
print(copy.copy(m) is m, copy.deepcopy(m) is m)
try:
    m.string = "x"
except AttributeError as e:
    print("AttributeError", e)
print(type(m).__name__, type(m).__module__, type(m).__qualname__, type(m))
print(re.match("a*", "a" * 100))
print(re.match(".*", "x'y\"z\n\t\u00e9"))
print(re.match(b"a.", b"a\xff"))
print(re.search("b", "abc"), re.match("", "abc"))
class S(str):
    pass
m = re.match("a(b)", S("abc"))
print(type(m.string).__name__, type(m.group()).__name__, type(m.group(1)).__name__, m)
m = re.match("(a)(b)", "ab")
print(m.expand(r"\2\1"), m.expand(b"x") if False else "", m[2])
print(m.__class__ is re.Match, isinstance(m, re.Match), re.Match, re.Match[str])
class Idx:
    def __index__(self):
        return 1
print(m.group(Idx()), m.span(Idx()))
