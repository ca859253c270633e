# %x/%X/%o with a zero flag and width (as JSON escapes use: \\u%04x) next to the
# alternate, sign, left-justify and precision forms, and bad arguments.
vals = [0, 1, -1, 10, 255, -255, 4095, 65535, 0xD800, 2**47 - 1, -2**47, 2**48, True]
for f in ["%x", "%X", "%o", "%04x", "%04X", "%08o", "%2x", "%0x", "\\u%04x\\u%04x", "%#x", "%#06x", "%-4x|", "%+x", "%.3x"]:
    out = []
    for v in vals:
        try:
            out.append(f % ((v, v) if f.count("%") == 2 else v))
        except TypeError as e:
            out.append("TE " + str(e))
    print(f, out)
for bad in ("%04x", "%x", "%o"):
    for arg in ("s", 1.5, None, 2.0):
        try:
            print(repr(bad % arg))
        except TypeError as e:
            print("TypeError", e)
