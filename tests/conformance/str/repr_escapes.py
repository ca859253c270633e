samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\t", "nl\n", "cr\r",
           "nul\x00", "bell\x07", "del\x7f", "esc\x1b", "\x80", "\x9f", "\xa0", "\xad", "é", "ÿ", "\u0100",
           "\u2028", "\u200b", "\ufeff", "\uffff", "\U0001F600", "\U0010FFFF", "\ud800", "\udfff",
           "\U000E0001", "\u0378", "'", '"', "'\"", "", "\\n", "中", "\x0b\x0c"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(samples[:3])
print(str(samples[1]), str(["'"]), str(("\n",)))
print(repr(repr("a")), repr(str(1)))
