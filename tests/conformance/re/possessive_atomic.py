# Possessive quantifiers and atomic groups (new in 3.11).
import re

cases = [
    ("a*+a", "aaaa"), ("a++b", "aaab"), ("a?+a", "a"), ("a{1,3}+a", "aaaa"), ("a{1,3}+a", "aaaaa"),
    ("(?>a*)a", "aaa"), ("(?>a*)b", "aaab"), ("(?>a|ab)c", "abc"), ("(?:a|ab)c", "abc"),
    ("(?>(a+))(b)", "aaab"), ("(?>x*)+y", "xxy"), ("(?:ab)*+ab", "ababab"), ("(?:ab)*+c", "ababc"),
    ("(ab)++", "ababx"), ("(a|b)*+a", "abba"), ("(?>a+)+b", "aaab"), ("[ab]*+b", "aab"),
    (r"\d++\.", "123."), (r"\d*+\d", "123"), ("(?>(a)|b)*", "abab"), ("(?:(?>a*))*b", "aab"),
    ("((?>a*))*b", "aab"), ("(a*+)*b", "aab"), ("x{2}+", "xxxxx"), ("(?>)", "abc"), ("(?>a?)?a", "a"),
    ("(?>.*)x", "abcx"), ("(?>.*?)x", "abcx"), ("(?>a)*?b", "aab"), ("(?:a|b)++c", "abac"),
]
for p, s in cases:
    m = re.search(p, s)
    print(repr(p), repr(s), m and (m.span(), m.groups()))
    print("  all", [x.span() for x in re.finditer(p, s)])
print(re.sub("a++", "X", "baaacaa"))
print(re.findall("(?>[ab]+)c", "aabcabx abc"))
print(re.fullmatch("(?>a+)", "aaa"), re.fullmatch("a++", "aaa"))
print(re.match("(a)*+b", "aab").group(1), re.match("(a){2}+", "aaa").group(1))
