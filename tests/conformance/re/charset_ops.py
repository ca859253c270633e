# Set member types in one class: literals, ranges, categories, negation; IN with
# repeats of every kind.
import re

for p in [r"[a-c\d]", r"[^a-c\d]", r"[\w\s]", r"[^\w\s]", r"[a\s\d-]", r"[\D\d]", r"[^\D]", r"[x-z\W]"]:
    print(p, "".join(c for c in "ab5 -\u00e9x\u0661!" if re.match(p, c)))
for q in ["*", "+", "?", "{2}", "*?", "+?", "*+", "{1,2}?"]:
    p = "[a-c]" + q + "x"
    print(p, re.findall(p, "abcx cx x abcabx"))
    p = "[^x]" + q + "x"
    print(p, re.findall(p, "abcx cx x abcabx"))
    p = "." + q + "x"
    print(p, re.findall(p, "abcx\ncx x"))
    p = "\\d" + q + "x"
    print(p, re.findall(p, "12x 3x x"))
    p = "(?i)a" + q + "x"
    print(p, re.findall(p, "aAx Ax x"))
    p = "[^a]" + q + "a"
    print(p, re.findall(p, "bba ba a"))
