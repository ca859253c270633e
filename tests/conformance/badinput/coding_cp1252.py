# -*- coding: cp1252 -*-
# A source file in a codec-module encoding (not UTF-8 or Latin-1).
s = "€ été “quoted”"
print(ascii(s), len(s))
print(s.encode("utf-8"))
