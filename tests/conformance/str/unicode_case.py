# Case mappings beyond ASCII: special casing, final sigma, title case, casefold.
words = ["straße", "İstanbul", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "ǆemal ǈubljana", "ﬁnal ﬂag", "ŉ", "ǰ", "Σ", "aΣ", "aΣb", "aΣ.", "a.Σ", "Σa",
         "ǅ", "ᾳ", "ﬀ", "ß", "ẞ", "µ", "ſ", "K", "Å", "ı", "İ", "𐐀𐐨", "ⓐⓑ", "ǲ", "ǉ", "Ǉ", "ΐ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
print("ΑΣ ΑΣ.ΑΣ'Σ".lower(), "Σ'Σ".lower(), "AΣ\u0301".lower(), "A\u00adΣ".lower(), "AΣ\u00ad".lower())
print("they're bill's".title(), "hello-world 2nd".title(), "ABC DEF".title(), "a1b2c3".title(), "ǆ-ǆ".title())
print("ß".upper() == "SS", len("ﬃ".upper()), "ǅ".istitle(), "ǅa".istitle(), "Aǅ".istitle(), "ǅ".isupper(), "ǅ".islower())
print("ΣΑΣ".islower(), "σας".islower(), "ᾳ".islower(), "ᾼ".istitle(), "ᾼ".isupper(), "Ⅷ".isupper(), "ⅷ".islower())
print("Hello World".istitle(), "Hello world".istitle(), "HeLLo".istitle(), "123".istitle(), "A1 B2".istitle(), "".istitle())
print("abc".isupper(), "ABC1".isupper(), "123".isupper(), "Ab".islower(), "ab1".islower(), "".islower())
print([c for c in "aΣ bΣΣ cΣ-d".lower()])
