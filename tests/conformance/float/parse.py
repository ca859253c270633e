cases = ["1", "1.5", "-1.5", "+1.5", "  3.25  ", "1e10", "1E-10", "1.e3", ".5", "5.", "1_0.0_1",
         "16", "inf", "-inf", "infinity", "nan", "-NaN", "1e400", "-1e400", "1e-400",
         "0.1", "00001.5", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4e-324",
         "\u0661.\u0662", "12345678901234567890", "\t\n 7 \r\n"]
for c in cases:
    print(repr(c), repr(float(c)))
bad = ["", " ", "abc", "1.5.5", "1e", "e5", "1_", "_1", "1__0", "0x10", "1,5", "- 1", "infinite", "nan1",
       "1e5.0", "++1", "1 2", "\x00"]
for b in bad:
    try:
        print(float(b))
    except ValueError as e:
        print(type(e).__name__, e)
for v in [None, [1.0], (1,)]:
    try:
        print(float(v))
    except TypeError as e:
        print(type(e).__name__, e)
print(float(), float(True), float(-5), float(10 ** 20), float(3.5))
