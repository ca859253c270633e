# Lookbehind assertions: fixed width only, at string starts, with groups.
import re

cases = [
    (r"(?<=a)b", "ab cb"), (r"(?<!a)b", "ab cb b"), (r"(?<=ab)c", "abc xbc"), (r"(?<=\d{3})x", "12x 123x"),
    (r"(?<=a|b)c", "ac bc cc"), (r"(?<=ab|cd)e", "abe cde xde"), (r"(?<=(a))b", "ab"), (r"(?<!(a))b", "cb"),
    (r"(?<=^)a", "aa"), (r"(?<=\b)\w", "ab cd"), (r"(?<=[aeiou])\w", "hello"), (r"(?<=\$)\d+", "$12 and 34"),
    (r"(?<!\\)\"", r'a\"b"c'), (r"(?<=a)(?<!ba)x", "ax bax"), (r"(?<=(?<=a)b)c", "abc bbc"),
    (r"(?<=(?=ab)a)b", "ab"), (r"(?<=(.))\1", "aabcc"), (r"(?<=x)", "xx"), (r"(?<=\n)^", "a\nb"),
    (r"(?<=a.)c", "abc a\nc"), (r"(?<!^)\w", "abc"),
]
for p, s in cases:
    print(repr(p), repr(s), [(m.span(), m.groups()) for m in re.finditer(p, s)])
print(re.compile(r"(?<=a)b").search("ab", 1))
print(re.compile(r"(?<=a)b").match("ab", 1))
print(re.compile(r"(?<!a)b").match("ab", 1))
for bad in [r"(?<=a+)b", r"(?<=a|bc)d", r"(?<!a*)", r"(?<=a{1,2})", r"(?<=(?P<x>a)|bc)"]:
    try:
        re.compile(bad)
        print("ok", bad)
    except re.error as e:
        print("error", bad, e)
print(re.findall(r"(?<=a{2})b", "aab ab"), re.findall(r"(?<=(?:ab){2})c", "ababc abc"))
