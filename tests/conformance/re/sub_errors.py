# Errors from sub/expand templates and arguments.
import re

templates = [r"\3", r"\g<3>", r"\g<x>", r"\g<1", r"\g<>", r"\g<a b>", r"\g<-1>", r"\q", "\\", r"\g", r"\400", r"\g<01>",
             r"\g<1>\g<2>", "ok"]
for t in templates:
    try:
        print(repr(t), repr(re.sub(r"(a)(b)", t, "ab")))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)
m = re.match(r"(a)(?P<n>b)?", "a")
for t in [r"\2", r"\g<n>", r"\g<nope>", r"\9", r"<\1>"]:
    try:
        print(repr(t), repr(m.expand(t)))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)
for args in [("a", 1, "a"), ("a", None, "a"), ("a", "x", None), ("a", "x", "a", "z")]:
    try:
        re.sub(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile("a").sub()
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").subn("x", "a", count="2")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").split("a", maxsplit=1.5)
except TypeError as e:
    print("TypeError", e)
print(re.sub("(a)", b"x".decode(), "a"), re.sub(b"(a)", rb"\1\1", bytearray(b"a")))
try:
    re.sub(b"a", "\\1", b"a")
except (TypeError, re.error) as e:
    print(type(e).__name__, e)
try:
    re.sub("a", b"x", "a")
except TypeError as e:
    print("TypeError", e)
