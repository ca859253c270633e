# unicodedata (Unicode 14.0): names, properties, numeric values, decomposition
# and the normalization forms.
import unicodedata as u
def r(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
r(lambda: u.name('\x00'))
r(lambda: u.name('ab'))
r(lambda: u.name(1))
r(lambda: u.name('\x00', 5))
r(lambda: u.lookup('nope'))
r(lambda: u.lookup(1))
r(lambda: u.lookup('latin small letter a'))
r(lambda: u.lookup(b'BULLET'))
r(lambda: u.lookup('NULL'))
r(lambda: u.decimal('a'))
r(lambda: u.digit('a'))
r(lambda: u.numeric('a'))
r(lambda: u.numeric('a', None))
r(lambda: u.numeric('½'))
r(lambda: u.category(''))
r(lambda: u.normalize('X', 'a'))
r(lambda: u.normalize('NFC', 1))
r(lambda: u.normalize(1, 'a'))
r(lambda: u.is_normalized('NFC', 'e\u0301'))
r(lambda: u.unidata_version)
r(lambda: u.name(chr(0xAC00)))
r(lambda: u.name(chr(0x4E00)))
r(lambda: u.name(chr(0x20000)))
r(lambda: u.lookup('HANGUL SYLLABLE GA'))
r(lambda: u.lookup('CJK UNIFIED IDEOGRAPH-4E00'))
r(lambda: u.decomposition(chr(0xAC00)))
r(lambda: u.mirrored('('))
r(lambda: u.lookup('a'*300))
r(lambda: u.name(chr(0x1FAE8), 'none'))
r(lambda: u.lookup('SHAKING FACE'))
print("\N{EM DASH}", "\N{LATIN SMALL LETTER E WITH ACUTE}".encode("ascii", "namereplace"))
for c in "aA1 ½²Ⅻ一가\u0301\u05d0\u0627€\u2028\x00\t😀\uffff\U000e0001ǅﬁÅΩ":
    print(ascii(c), u.name(c, "?"), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c),
          u.decomposition(c), u.numeric(c, None), u.digit(c, None), u.decimal(c, None))
for s in ["café", "cafe\u0301", "Åström", "ﬁ²", "ｶﾞ", "가각", "\u1100\u1161\u11a8", "e\u0323\u0302", "e\u0302\u0323", "ǅ",
          "\u0fb2\u0f81", "a\u0334\u0301", "Ω\u0345\u0342", "\U0001d15e\U0001d165", "x" * 3]:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")], [u.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(sum(1 for i in range(0, 0x3000, 3) if u.category(chr(i)) == "Lu"), len(u.normalize("NFKD", "".join(map(chr, range(0xa0, 0x500))))))
