# isdecimal / isdigit / isnumeric / isalpha / isalnum / isspace / isprintable / isidentifier.
samples = ["123", "١٢٣", "۱۲۳", "१२३", "²", "½", "Ⅻ", "〇", "一", "ⅷ", "𝟙", "①", "௰", "٣.٥", "", "abc", "αβγ", "ñ", "日本",
           "a1", "a_1", " ", "\t\n", "\x1c\x1d\x1e\x1f", "\u00a0", "\u2003", "\u200b", "\u3000", "\x85", "\u2028", "\ufeff",
           "é", "e\u0301", "\u0301", "Ⅷ", "ǅ", "ª", "º", "_", "-", "\x7f", "\xa0", "\xad", "\U0001f600", "\U000e0001", "\uffff"]
for s in samples:
    print(ascii(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(),
          s.isprintable(), s.isidentifier(), s.isascii())
ids = ["abc", "_x", "x1", "1x", "", "a-b", "ℕ", "℘", "℮", "·", "a·", "ab\u0300", "\u0300a", "ª", "ⅷ", "日本語", "a b",
       "__init__", "x\u200c", "𝔘𝔫𝔦", "℘x", "Ⅻ", "ᢅ", "゛", "a゛"]
for s in ids:
    print(ascii(s), s.isidentifier())
chars = [chr(i) for i in range(0, 0x3000, 31)]
print(sum(1 for c in chars if c.isdecimal()), sum(1 for c in chars if c.isdigit()), sum(1 for c in chars if c.isnumeric()),
      sum(1 for c in chars if c.isspace()), sum(1 for c in chars if c.isprintable()), sum(1 for c in chars if c.isalpha()))
