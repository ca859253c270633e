# Case-insensitive sets with members beyond Latin-1 (BIGCHARSET encoding).
import re

p = re.compile("[\u0100-\u017f\u0400-\u0430]+", re.I)
print(p.findall("abc \u0100\u0101\u017f\u0410\u0430\u0431 \u0401 xyz"))
p = re.compile("[^\u0100-\u0200]", re.I)
print(p.findall("a\u0100\u0180\u0201\u00ff"))
p = re.compile("[a-z\u00e0-\u00ff\u0100-\u017f]+", re.I)
print(p.findall("Stra\u00dfe \u00c0\u0178 \u212a \u0130 \u0131"))
print(re.findall("(?i)[\u0370-\u03ff]+", "\u03a3\u03c3\u03c2 \u00b5 abc"))
