# VERBOSE patterns, inline flags, scoped flags, flag combinations.
import re

p = re.compile(r"""
    (?P<year>\d{4})  # year
    -                # separator
    (?P<month>\d{2}) # month
    \ \#             # escaped space and hash
    [ ]x             # space inside a class is kept
""", re.VERBOSE)
print(p.match("2023-07 # x"), p.groupindex)
print(re.match(r"(?x) a b c # comment", "abc"))
print(re.match(r"(?x) a\ b", "a b"))
print(re.match(r"(?x)[# ]+", "# #"))
print(re.match(r"(?x)a{1, 2}", "aa"))
print(re.match("(?x)a#b\nc", "ac"))
print(re.findall(r"(?mx) ^ \w+ $", "ab\ncd"))
print(re.findall(r"(?s:a.b)|c.d", "a\nb c\nd cxd"))
print(re.findall(r"(?i:A)a", "aa Aa AA aA"))
print(re.findall(r"(?-i:a)A", "aA AA aa", re.I))
print(re.findall(r"(?m:^x)|^y", "y\nx\ny"))
print(re.findall(r"(?a:\w+) \w+", "\u00e9t\u00e9 caf\u00e9 ab \u00e9t\u00e9"))
print(re.findall(r"(?u)\w+", "\u00e9t\u00e9"))
for f in [re.I, re.M, re.S, re.X, re.A, re.I | re.M, re.S | re.X, 0]:
    print(int(f), re.compile("a", f).flags, repr(re.compile("a", f)))
print(re.I | re.M, re.IGNORECASE, repr(re.X), re.A.value, re.NOFLAG, repr(re.I | re.A))
for bad, fl in [("(?L)a", 0), ("(?a)a", re.U), ("(?u)a", re.A), ("a", re.A | re.U), (b"(?u)a", 0), ("(?i", 0), ("(?z)a", 0),
                ("(?-x:a)", 0), ("(?i-i:a)", 0), ("a(?i)b", 0), ("(?x", 0), ("(?-", 0)]:
    try:
        print(re.compile(bad, fl))
    except (re.error, ValueError) as e:
        print(type(e).__name__, e)
