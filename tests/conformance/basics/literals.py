# numeric literal forms
print(0x1F, 0X1f, 0o17, 0O17, 0b1011, 0B1011)
print(1_000_000, 0x_ff, 0b_1_0, 0o_7_7)
print(1_0.5, 1e3, 1E3, 1e-3, 1.5e+2, .5, 5., 0.0e0)
print(00, 0_0, 000)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
print(1e308 * 10, -1e308 * 10)
print(type(1), type(1.0), type(1e0), type(0x10))
# string literal forms
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab\there", "new\nline", "back\\slash", "bell\a".count("\a"))
print("\x41\x42", "\101\102", "\u00e9", "\U0001F600" == "😀", "\N{LATIN SMALL LETTER A}")
print(r"raw\n\t", R"raw\\", r'\'')
print("implicit" " " 'concatenation' """ works""")
print(len("\0"), len("\x00\x01"), ord("\0"))
print("""line1
line2\
 continued""")
print(b"bytes" == b"bytes", len(b"ab"))
