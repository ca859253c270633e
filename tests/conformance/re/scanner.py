# pattern.scanner(), re.Scanner lexicons, scanner state across calls.
import re

s = re.compile(r"\d+|[a-z]+").scanner("12ab 34")
print(type(s).__name__, s.pattern.pattern)
print(s.match().group(), s.match().group(), s.match(), s.match(), s.search())
s = re.compile(r"\d+").scanner("a1bb22ccc333")
print([s.search().group() for _ in range(3)], s.search(), s.search())
s = re.compile(r"x*").scanner("axx")
print([(m.span()) for m in iter(s.search, None)])
s = re.compile(r"x*").scanner("axx")
print([(m.span()) for m in iter(s.match, None)])
s = re.compile(r"\w").scanner("abcdef", 2, 4)
print([m.group() for m in iter(s.search, None)], re.compile(r"\w").scanner("abc", 1).search().pos)

scanner = re.Scanner([
    (r"[0-9]+(\.[0-9]+)?", lambda sc, tok: ("NUM", tok)),
    (r"[a-zA-Z_]\w*", lambda sc, tok: ("ID", tok)),
    (r"[+\-*/=()]", lambda sc, tok: ("OP", tok)),
    (r"\s+", None),
])
print(scanner.scan("x = 3.14 * (y + 42) $ rest"))
print(scanner.scan(""))
sc2 = re.Scanner([(r"a", "A"), (r"b", lambda s, t: t.upper() * 2)], re.I)
print(sc2.scan("abAB!"))
