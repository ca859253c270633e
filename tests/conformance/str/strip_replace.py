s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abc".strip("")), repr("".strip()))
print(repr("www.example.com".lstrip("w.")), repr("mississippi".rstrip("ip")), repr("aaa".strip("a")))
print(repr("\u00a0 nbsp \u2003".strip()), repr("\x1c\x1d\x1e\x1f x".strip()))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".replace("", "-"))
print("hello".replace("", "-", 2), "aaaa".replace("aa", "b"), "abc".replace("x", "y"), "".replace("", "x"))
print("hello".replace("l", ""), "a.b.c".replace(".", ".."), "hello".replace("l", "L", 0), "hello".replace("l", "L", -1))
print("spam spam spam".replace("spam", "eggs", 2), "ababab".replace("aba", "X"))
try:
    print("abc".strip(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("abc".replace(1, "x"))
except TypeError as e:
    print(type(e).__name__, e)
