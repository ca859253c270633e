print(chr(65), chr(97), chr(48), chr(0x263A), chr(0x1F600), chr(0x10FFFF) == "\U0010ffff", repr(chr(0)), repr(chr(127)))
print(ord("a"), ord("Z"), ord("0"), ord(" "), ord("é"), ord("€"), ord("😀"), ord("\x00"), ord("\uffff"))
print("".join([chr(ord(c) + 1) for c in "HAL"]), [ord(c) for c in "hi!"])
print(chr(True), ord(chr(55296)) == 55296)
for bad in [-1, 0x110000, 2 ** 70, 1.5, "a", None]:
    try:
        print(chr(bad))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for bad in ["", "ab", 5, None, ["a"]]:
    try:
        print(ord(bad))
    except TypeError as e:
        print(type(e).__name__ + ":", e)
