# Character classes: ranges, negation, categories, escapes, special placements.
import re

tests = [
    (r"[abc]+", "xxbcaax"),
    (r"[^abc]+", "abcxyzabc"),
    (r"[a-f0-3]+", "zzbe02f9"),
    (r"[]a]+", "x]a]]y"),
    (r"[^]a]+", "]]bcd"),
    (r"[a-]+", "x-a-b"),
    (r"[-a]+", "x-a-b"),
    (r"[\]]+", "a]]b"),
    (r"[\\]+", "a\\\\b"),
    (r"[.]+", "a..b"),
    (r"[\d]+", "ab123c"),
    (r"[\D]+", "12abc3"),
    (r"[\w-]+", "  foo-bar_9 "),
    (r"[\s,]+", "a , \t b"),
    (r"[^\s]+", "  hello  "),
    (r"[\S\s]+", "a b\nc"),
    (r"[\W]+", "ab!@#cd"),
    (r"[a\-z]+", "b-az"),
    (r"[\x41-\x43]+", "zABCD"),
    (r"[\u00e0-\u00ff]+", "abc\u00e9\u00e8\u00ffz"),
    (r"[^\x00-\x7f]+", "abc\u00e9\u4e2d\u6587z"),
    (r"[\n\t]+", "a\n\tb"),
    (r"[\0]", "a\0b"),
    (r"[\101]", "xAy"),
    (r"\d+", "abc \u0661\u0662\u0663 456"),
    (r"\w+", "\u00e9t\u00e9 caf\u00e9"),
    (r"\s+", "a\u00a0\u2003b"),
    (r"[^\W\d]+", "12abc34"),
    (r"[a-zA-Z_][a-zA-Z_0-9]*", "  9x_y1 z"),
    (r"[\u4e00-\u9fff]+", "abc\u4e2d\u6587def"),
    (r"[\U0001F600-\U0001F64F]+", "x\U0001F600\U0001F601y"),
    (r"[^a]", "\U0001F600"),
    (r".", "\U0001F600"),
]
for pat, s in tests:
    print(repr(pat), [m.group() for m in re.finditer(pat, s)])

# Sets built from many single characters become bitmaps.
p = re.compile(r"[acegikmoqsuwy02468]+")
print(p.findall("abcdefghijklmnopqrstuvwxyz0123456789"))
p = re.compile(r"[^acegikmoqsuwy02468]+")
print(p.findall("abcdefghijklmnopqrstuvwxyz0123456789"))
# A big set (non-Latin-1 members): charset with many ranges.
p = re.compile("[\u0100\u0102\u0104\u0106\u0108a-c\u0200-\u0210]+")
print(p.findall("x\u0100\u0101\u0102a\u0205\u0211b"))
for c in ["\u0100", "\u0101", "\u0205", "\u0211", "b", "z"]:
    print(hex(ord(c)), bool(p.fullmatch(c)))
