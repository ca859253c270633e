# Basic matching: match/search/fullmatch, spans, pos/endpos, module functions.
import re

def show(m):
    if m is None:
        print("None")
    else:
        print(repr(m.group()), m.span(), m.pos, m.endpos)

p = re.compile("abc")
for s in ["abc", "xabc", "abcx", "ab", "", "aabcabc"]:
    show(p.match(s))
    show(p.search(s))
    show(p.fullmatch(s))

show(p.search("xxabcxx", 2))
show(p.search("xxabcxx", 3))
show(p.search("xxabcxx", 0, 4))
show(p.search("xxabcxx", 0, 5))
show(p.match("xxabcxx", 2))
show(p.fullmatch("xxabcxx", 2, 5))
show(p.search("abc", -10, 100))
show(p.search("abc", 5))
show(re.compile("").match("abc", 2, 1))
show(re.compile("a*").match("abc", 2, 1))
show(re.compile("").search("abc", 3))
show(re.compile("").fullmatch(""))
show(re.compile("x*").search("abc", 1, 1))

show(re.match("a.c", "abc"))
show(re.search("b", "abcb"))
show(re.fullmatch("a|ab", "ab"))
show(re.match("a|ab", "ab"))
show(re.search(r"\d\d", "ab12cd34"))
print(re.match("a", "a") is not None, bool(re.match("a", "a")))

# A long literal prefix with self-overlap.
show(re.search("abab", "abaabababab"))
show(re.search("aab", "aaaaaab"))
show(re.search("abcabd", "abcabcabd"))
show(re.search("x", "y" * 100 + "x"))
show(re.search("needle", "haystack" * 10))

# Keyword arguments.
show(p.search(string="zzabc", pos=1, endpos=5))
show(p.match(pos=2, string="xxabc"))
try:
    p.match()
except TypeError as e:
    print("TypeError", e)
try:
    p.match("a", 1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    p.match("a", "b")
except TypeError as e:
    print("TypeError", e)
try:
    p.match(123)
except TypeError as e:
    print("TypeError", e)
