# Backreferences: numbered, named, case-insensitive, to unset or later groups.
import re

cases = [
    (r"(a+)b\1", "aabaa", 0), (r"(a+)b\1", "aaba", 0), (r"(\w)\1", "hello", 0), (r"(\w+) \1", "the the cat", 0),
    (r"(?P<w>\w+) (?P=w)", "go go", 0), (r"(a)|\1", "b", 0), (r"(a)?\1", "", 0), (r"(a)?b\1", "b", 0),
    (r"(a*)\1", "aaaa", 0), (r"(a*)\1$", "aaa", 0), (r"((a)b)\2\1", "abaab", 0), (r"(x)(?:\1y)*", "xxyxyz", 0),
    (r"(A)\1", "Aa", re.I), (r"(\u00c9)\1", "\u00c9\u00e9", re.I), (r"(k)\1", "k\u212a", re.I),
    (r"(k)\1", "k\u212a", re.I | re.A), (r"(\u00df)\1", "\u00df\u1e9e", re.I), (r"(s)\1", "s\u017f", re.I),
    (r"(.)(.)\2\1", "abba xyzzy", 0), (r"(a|b)*\1", "abab", 0), (r"(?:(a)|b)\1", "aa ba", 0),
    (r"(?P<x>a)(?P=x)+", "aaaa", 0), (r"(a)(?=\1)", "aab", 0), (r"(?<=(a))\1", "aa", 0), (r"(ab)\1{2}", "ababab", 0),
    (r"\b(\w+)\s+\1\b", "Paris in the the spring", 0),
]
for p, s, f in cases:
    m = re.search(p, s, f)
    print(repr(p), repr(s), f, m and (m.span(), m.groups()))
print(re.sub(r"(\w+) \1", r"\1", "hello hello world world x"))
print(re.findall(r"(\w)\1", "aabbcdd"))
print(re.findall(rb"(.)\1", b"xxyzz"))
for bad in [r"\1(a)", r"(a)\2", r"(?P=nope)(?P<x>a)", r"(?P<x>a\1)", r"(?P<x>a(?P=x))"]:
    try:
        print(re.compile(bad))
    except re.error as e:
        print("error", e)
