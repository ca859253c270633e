# Match objects with few and many groups (spans kept inline or on the heap):
# groups, spans, regs, lastindex/lastgroup, expand and unmatched groups.
import re

for n in (1, 3, 4, 5, 8, 16, 17, 40):
    pat = "".join(f"(?P<g{i}>{chr(97 + i % 26)})" if i % 3 == 0 else f"({chr(97 + i % 26)})?" for i in range(n))
    text = "".join(chr(97 + i % 26) for i in range(n) if i % 2 == 0 or i % 3 == 0)
    m = re.match(pat, text)
    if m is None:
        print(n, "no match", repr(text))
        continue
    print(n, m.span(), m.groups("-")[:6], m.lastindex, m.lastgroup, len(m.regs))
    print("  ", m.span(n), m.start(n), m.end(n), m.group(0, n)[1], sorted(m.groupdict("?").items())[:3])

m = re.fullmatch("(a)(b)?(c)(d)?(e)(f)?(g)(h)?(i)(j)?", "acegi")
print(m.groups(), m.regs, m.lastindex, m.expand(r"\1\3\5\7\9"), m[9], m.span(10))
many = re.compile("".join(f"({c})" for c in "abcdefghijklmnopqrstuvwxyz"))
for mm in many.finditer("abcdefghijklmnopqrstuvwxyz" * 3):
    print(mm.span(), mm.span(26), mm.group(13, 26), mm.lastindex)
print(re.sub(many, lambda mm: mm.group(26) + mm.group(1), "abcdefghijklmnopqrstuvwxyz!"))
print(re.split("(a)(b)?(c)(d)?(e)", "xxabcdeyyacezz"))
