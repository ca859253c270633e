# Groups inside repeats: the last iteration wins, zero-width iterations,
# groups reset or kept between iterations, nested repeats.
import re

cases = [
    ("(ab)+", "ababab"), ("(a|b)+", "abba"), ("(?:(a)|(b))+", "ab"), ("(?:(a)|(b))+", "ba"),
    ("((a)|(b))*", "aba"), ("(a?)+", "aa"), ("(a?)*?b", "aab"), ("(a*)*", "b"), ("(a*)+", "b"),
    ("(a|)*", "aa"), ("(|a)*", "aa"), ("(a{0,2})*", "aaaaa"), ("((a)|b)*c", "abc"), ("(x(y)?)+", "xyx"),
    ("(?:x(y)?)+", "xyx"), ("((x)|(y))+z", "xyz"), ("(?:(\\d)|(\\w))+", "a1b"), ("(a)(?:b(c)?)*", "abcb"),
    ("(?:a(b)?)+?c", "aabac"), ("(?:(a)b)*?ab", "ababab"), ("(.)*", "xyz"), ("(.)*?z", "xyz"),
    ("(?:(a)|b){2}", "ab"), ("(?:(a)|b){2}", "ba"), ("(?:(a)|b){1,3}?c", "abac"), ("(a){0}", "aaa"),
    ("((a)*)*", "aa"), ("(?:(a)*)*b", "aab"), ("(?:()|a)*b", "aab"), ("(()|a)+b", "aab"), ("(?:a|(b))*c", "abac"),
]
for p, s in cases:
    m = re.match(p, s)
    print(repr(p), repr(s), m and (m.span(), m.groups(), m.lastindex, m.regs))
print(re.findall("(a|b)*", "abcab"), re.findall("(?:(a)|b)*", "ab"))
print(re.sub("(a|b)+", r"[\1]", "aab c ba"))
