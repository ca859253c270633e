# ^ $ \A \Z \b \B, with and without MULTILINE, and the trailing-newline rule.
import re

def spans(p, s, flags=0):
    return [m.span() for m in re.finditer(p, s, flags)]

s = "ab\ncd\n"
for p in ["^", "$", r"\A", r"\Z", "^\\w+", "\\w+$", "^$", r"$\n", "(?m)^", "(?m)$", "(?m)^\\w+$"]:
    print(repr(p), spans(p, s), spans(p, s, re.M))
print(spans("$", "abc"), spans("$", "abc\n"), spans("$", "abc\n\n"))
print(re.search("c$", "abc\n"), re.search(r"c\Z", "abc\n"))
print(re.fullmatch("abc$", "abc\n"), re.match("abc$", "abc\n"))

for p in [r"\b", r"\B", r"\bfoo\b", r"\Bo\B", r"\b\w", r"\w\b"]:
    for s in ["foo bar", "foo", "", " ", "a.b", "__init__", "caf\u00e9 x", "\u00e9t\u00e9"]:
        print(repr(p), repr(s), spans(p, s), spans(p, s, re.A))
print(spans(r"\b", "ab", ), re.search(r"\B", ""), re.search(r"\b", ""))
print(spans(r"^a", "aaa", re.M), spans(r"a$", "a\na\na", re.M))
print(re.compile("^x", re.M).search("a\nx", 2))
print(re.compile("^x").search("a\nx", 2))
print(re.compile(r"\Ax").search("ax", 1))
print(re.compile("^").findall("a\nb\n", 1), re.compile("(?m)^").findall("a\nb\n", 1))
print(re.compile(r"x\b").search("xy", 0, 1), re.compile(r"x$").search("xy", 0, 1))
