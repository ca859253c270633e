samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", "-1", " ", "\t\n", "a b", "²", "½", "٣", "Ⅷ",
           "éà", "_x", "x_1", "1x", "if", "\u00a0", "abc!", "ΑΒΓ", "中文"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(),
          s.isidentifier(), s.isascii(), s.isprintable(), s.islower(), s.isupper())
