# fullmatch must backtrack into alternatives and repeats to reach the end.
import re

cases = [
    ("a|ab", "ab"), ("ab|a", "ab"), ("a*?", "aaa"), ("(a+?)", "aaa"), ("a*?b*?", "aabb"), ("(?:a|ab)(?:c|bcd)", "abcd"),
    ("x(a|ab)", "xab"), ("a??", "a"), (".*?", "abc"), ("(a)|(ab)", "ab"), ("(?:ab)*?", "abab"), ("a{1,3}?", "aaa"),
    ("a++", "aaa"), ("(?>a|ab)", "ab"), ("\\d+?\\d", "12345"), ("(a|b)*?", "abba"), ("", ""), ("", "a"),
    ("a$", "a"), ("a\\Z", "a"), ("a$", "a\n"), ("(?=a)a", "a"), ("(?!b)a", "a"), ("a(?=b)", "a"),
]
for p, s in cases:
    m = re.fullmatch(p, s)
    print(repr(p), repr(s), m and (m.span(), m.groups()))
p = re.compile("a+")
print(p.fullmatch("baaab", 1, 4), p.fullmatch("baaab", 1, 3), p.fullmatch("baaab", 1), p.fullmatch("aaa", 0, 10))
print(re.compile("a|ab").fullmatch("xab", 1), re.compile(".*?").fullmatch("abc", 1, 2))
