# Module-level helpers: escape, purge, compile cache, flags args, re.template.
import re

print(re.escape("a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p\tq\nr"))
print(re.escape("-_#&~ \u00e9\u4e2d"), re.escape(""), re.escape("abc123"))
print(re.match(re.escape("1+1=2?"), "1+1=2?"))
print(re.search("A", "xa", re.I), re.search("A", "xa", flags=re.I))
print(re.findall("a", "AaA", re.I), re.split("a", "bAb", flags=re.I), re.sub("a", "x", "aA", flags=re.I))
print(re.sub("a", "x", "aaa", 1, re.I), re.subn("a", "x", "aAa", 0, re.I))
print(re.fullmatch("a+", "aaa"), [m.span() for m in re.finditer("a", "aba", re.I)])
re.purge()
p1 = re.compile("cache-me")
p2 = re.compile("cache-me")
print(p1 is p2, p1 == p2)
re.purge()
print(re.compile("cache-me") == p1)
print(sorted(n for n in re.__all__))
print(re.I == re.IGNORECASE, re.ASCII == 256, re.UNICODE, re.VERBOSE | re.DOTALL)
print(re.NOFLAG, type(re.I).__name__, re.RegexFlag.IGNORECASE)
