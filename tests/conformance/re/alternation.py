# Alternation: order of alternatives, empty alternatives, lastindex/lastgroup.
import re

cases = [
    ("a|b|c", "xcba"), ("ab|a", "abc"), ("a|ab", "abc"), ("(a|ab)(c|bcd)", "abcd"), ("|a", "a"),
    ("a|", "b"), ("(|a)+", "aa"), ("(a|)+b", "aab"), ("(?:a|b|)+", "abc"), ("x(?:a|b)y|xz", "xzxby"),
    ("cat|category|dog", "categorydog"), ("(?P<x>a)|(?P<y>b)", "b"), ("(a)|(b)|(c)", "c"),
    ("((a)|(b))+", "ab"), ("(a(b)?)+", "aba"), ("foo|foobar|fo", "foobar"), ("(?:ab|cd|ef)+", "abcdefab"),
    ("[ab]x|[bc]y|cz", "cz by ax"), ("a(?:b|c|d)e", "ace ade abe"), ("(x)(?:(y)|z)", "xz"),
    ("(?:(a)|b)(?:(c)|d)", "bd"), ("(?:(a)|b)(?:(c)|d)", "ac"), ("(a)|b", "b"),
]
for p, s in cases:
    m = re.search(p, s)
    if m:
        print(repr(p), m.span(), m.groups(), m.lastindex, m.lastgroup)
    else:
        print(repr(p), None)
    print("  ", re.findall(p, s))
big = "|".join("w%d" % i for i in range(60))
print(re.findall(r"\b(?:" + big + r")\b", "w1 w10 w59 w60 w5x w42"))
kw = re.compile(r"\b(if|else|elif|while|for|in|def|return)\b")
print(kw.findall("def f(x):\n  for i in x:\n    if i: return i\n  else: pass"))
print(re.compile("(?i)GET|POST|put").findall("get Post PUT patch"))
