# \d \w \s \b on non-ASCII text in Unicode and ASCII modes.
import re

chars = ["5", "\u0665", "\u06f5", "\u0966", "\uff15", "\u00b2", "\u2155", "a", "\u00e9", "\u00aa", "\u01c5", "\u0300",
         "\u4e2d", "_", "\u203f", " ", "\t", "\u00a0", "\u1680", "\u2028", "\u3000", "\x1c", "\x85", "\u200b", "\ufeff",
         "\U0001d7d8", "\U00010400", "-"]
for c in chars:
    row = []
    for pat in [r"\d", r"\D", r"\w", r"\W", r"\s", r"\S"]:
        row.append(int(bool(re.match(pat, c))))
        row.append(int(bool(re.match(pat, c, re.A))))
    print("%05x" % ord(c), row, int(bool(re.match("[\\w]", c))), int(bool(re.match("[^\\W\\d]", c))))
print(re.findall(r"\b\w+\b", "na\u00efve caf\u00e9 \u4e2d\u6587 x_y"))
print(re.findall(r"\b\w+\b", "na\u00efve caf\u00e9 \u4e2d\u6587 x_y", re.A))
print(re.sub(r"\s+", " ", "a\u00a0\u2003b\u3000c\n\u2029d"))
print(re.split(r"\W+", "\u00bfQu\u00e9 tal? \u00a1Bien!"))
print(re.findall(r"\d+", "\u0661\u0662 and \u0967\u0968 and 12"), re.findall(r"(?a)\d+", "\u0661\u0662 12"))
print(re.findall(r"[\d\s]+", "1\u00a02 3"), re.findall(r"[^\d\s]+", "a1\u00a0b"))
print(re.match(r"\w+", "\U0001d400\U0001d401x").span())
