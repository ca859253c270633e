# IGNORECASE with ASCII and non-ASCII text, the ASCII flag, special case pairs.
import re

pairs = [
    ("a", "A"), ("\u00e9", "\u00c9"), ("\u00df", "\u1e9e"), ("k", "\u212a"), ("s", "\u017f"),
    ("i", "\u0130"), ("\u0131", "I"), ("\u03c3", "\u03a3"), ("\u03c2", "\u03a3"), ("\u03c3", "\u03c2"),
    ("\u00b5", "\u039c"), ("\u00b5", "\u03bc"), ("\u01c5", "\u01c4"), ("\u01c5", "\u01c6"), ("\u1f80", "\u1f88"),
    ("\u0390", "\u1fd3"), ("\ufb05", "\ufb06"), ("\u10400", "\U00010428") if False else ("\U00010400", "\U00010428"),
    ("\u00ff", "\u0178"), ("\u0345", "\u03b9"), ("\u1e9b", "\u1e61"),
]
for a, b in pairs:
    r = [bool(re.match(a, b, re.I)), bool(re.match(b, a, re.I)),
         bool(re.match("[" + a + "]", b, re.I)), bool(re.match("[" + b + "]", a, re.I)),
         bool(re.match(a, b, re.I | re.A)), bool(re.match("(" + a + ")\\1", a + b, re.I))]
    print("%04x %04x" % (ord(a), ord(b)), r)
print(re.findall("(?i)[a-z]+", "Hello W\u00d6rld \u212aelvin"))
print(re.findall("(?i)[k-l]+", "KkLl\u212a"), re.findall("(?ia)[k-l]+", "KkLl\u212a"))
print(re.findall("(?i)[^a-z]+", "abcXYZ\u00e9"))
print(re.findall("(?i)stra\u00dfe", "STRASSE Stra\u00dfe STRA\u1e9eE"))
print(re.findall("(?i)\u00c0-\u00e0", "\u00e0-\u00c0"), re.findall("(?i)[\u00c0-\u00c5]", "\u00e0\u00e5\u00e6"))
print(re.findall(r"(?i)\w+", "\u00c9T\u00c9 \u00e9t\u00e9"))
print(re.findall("(?i)[\u0400-\u04ff]+", "\u041f\u0440\u0438\u0432\u0435\u0442 abc"))
print(re.sub("(?i)x", "-", "xXx"), re.subn("(?i)[xy]", "-", "xXyY"))
print(re.match("(?i)ab", "AB").group(), re.match("a(?i:b)c", "aBc"), re.match("a(?i:b)c", "aBC"))
print(re.match("(?i)a(?-i:b)c", "AbC"), re.match("(?i)a(?-i:b)c", "ABC"))
print(re.findall(rb"(?i)[a-c]+", b"AbCdE\xc0\xe0"), re.findall(rb"(?i)\xe0", b"\xc0\xe0"))
print(re.compile("A", re.I).flags, re.compile(b"A", re.I).flags, re.compile("(?i)A").flags)
print([hex(c) for c in range(0x100, 0x600) if re.match("(?i)[\u0100-\u0180]", chr(c))][:5])
