# Quantifiers: greedy and lazy, counted repeats, spans of groups.
import re

cases = [
    ("a*", "aaab"), ("a+", "baaab"), ("a?", "aab"), ("a{2}", "aaaa"), ("a{2,3}", "aaaa"),
    ("a{2,}", "aaaaa"), ("a{,2}", "aaa"), ("a{0}", "aaa"), ("a*?", "aaa"), ("a+?", "aaa"),
    ("a??", "aa"), ("a{2,3}?", "aaaa"), ("a{2,}?", "aaaa"), ("<.*>", "<a><b>"), ("<.*?>", "<a><b>"),
    ("(a+)(a*)", "aaaa"), ("(a+?)(a*)", "aaaa"), ("(a*?)(a*?)b", "aab"), ("(.*)(\\d+)", "ab1234"),
    ("(.*?)(\\d+)", "ab1234"), ("(a|ab)(c|bcd)(d*)", "abcd"), ("x{3,5}", "xx xxx xxxxxx"),
    ("(ab){2}", "ababab"), ("(ab){1,2}?c", "ababc"), ("(?:a{2}){2}", "aaaaa"), ("a{1,1000}", "a" * 1200),
    ("[ab]*?b", "aabab"), ("(a*)*", "aa"), ("(a*)+", "aa"), ("(a?)*b", "aab"), ("(a*?)*?b", "aab"),
    ("(?:a|b)*?c", "ababc"), ("(a|b)*?c", "ababc"), ("\\d{2,4}?\\d", "123456"), ("a{3}?", "aaaa"),
    ("(a{2})*", "aaaaa"), ("(a{2})*?$", "aaaa"), ("(?:(a)|b)+", "abab"), ("(?:(a)|(b))+", "abab"),
    ("x*y*z*", ""), ("(x?)(y?)(z?)", "yz"), ("a{0,1}b", "b"), ("{", "{"), ("a{,}", "a{,}"),
    ("a{1", "a{1"), ("a{1,2", "a{1,2"), ("a{x}", "a{x}"),
]
for p, s in cases:
    m = re.match(p, s)
    if m:
        print(repr(p), m.span(), m.groups(), [m.span(i) for i in range(1, len(m.groups()) + 1)])
    else:
        print(repr(p), None)
    print("  search", [x.span() for x in re.finditer(p, s)])
