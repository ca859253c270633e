# sub with callables: the match objects they get, None and errors from them.
import re

seen = []
def f(m):
    seen.append((m.group(), m.span(), m.pos, m.endpos, m.string, m.lastindex))
    return "<" + m.group(1) + ">"
print(re.sub(r"(\w)\w*", f, "ab cde f"))
print(seen)
count = [0]
def g(m):
    count[0] += 1
    return str(count[0])
print(re.sub(r"x*", g, "abxc"), count)
class Rep:
    def __call__(self, m):
        return m.group().swapcase()
print(re.sub(r"[a-z]+", Rep(), "abc DEF ghi"))
print(re.sub(r"a", str.upper if False else (lambda m: "A"), "banana"))
def bad(m):
    return 42
try:
    re.sub("a", bad, "xax")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub(b"a", lambda m: "x", b"xax")
except TypeError as e:
    print("TypeError", e)
def boom(m):
    raise ValueError("in callback " + m.group())
try:
    re.sub("a", boom, "xax")
except ValueError as e:
    print("ValueError", e)
print(re.sub("a", lambda m: None if False else "", "banana"))
print(re.sub(rb"\d", lambda m: bytes([m.group()[0] + 1]), b"a1b2"))
print(re.sub(rb"\d", lambda m: bytearray(b"<>"), b"a1b2"))
# Nested use of re inside the callback.
print(re.sub(r"\w+", lambda m: re.sub("[aeiou]", "*", m.group()), "hello brave world"))
