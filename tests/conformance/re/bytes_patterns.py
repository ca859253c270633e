# bytes patterns on bytes, bytearray; mixing errors; LOCALE; ASCII semantics.
import re

p = re.compile(rb"(\w+)@(\w+)\.com")
m = p.search(b"mail bob@example.com now")
print(m, m.groups(), m.group(0), m.span(), m.string)
m = p.search(bytearray(b"x a@b.com"))
print(m.group(), type(m.group()).__name__, type(m.string).__name__)
print(re.findall(rb"\d+", b"a1b23"), re.findall(rb"[\x80-\xff]+", b"a\xe9\xffz"))
print(re.findall(rb"\w+", b"caf\xe9 na\xefve"), re.findall(rb"(?L)\w+", b"caf\xe9 ok"))
print(re.findall(rb"\s+", b"a \x85\xa0b"), re.findall(rb".", b"a\nb"))
print(re.sub(rb"a", b"b", bytearray(b"aXa")), re.split(rb",", b"a,b"))
print(re.compile(rb"a", re.L).flags, repr(re.compile(rb"a", re.L)), repr(re.compile(rb"\d+")))
print(re.fullmatch(rb"[^a]+", b"\x00\xff"), re.match(rb"\xff", b"\xff"))
print(re.compile(b"[\xe0-\xef]").findall(b"\xdf\xe0\xef\xf0"))
for pat, s in [("a", b"a"), (b"a", "a"), ("a", bytearray(b"a"))]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile(b"a").sub("x", b"a")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a", re.L)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(b"a", re.A | re.L)
except ValueError as e:
    print("ValueError", e)
for bad in [1, None, ["a"], 2.5]:
    try:
        re.search("a", bad)
    except TypeError as e:
        print("TypeError", e)
print(re.escape(b"a.b*c\x00"), re.escape("a.b*c\u00e9 -"))
