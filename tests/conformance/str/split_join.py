s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.split(" ", 2))
print(s.rsplit(None, 2))
print(s.rsplit(" ", 2))
print("a,b,,c,".split(","))
print("a,b,,c,".rsplit(",", 1))
print("".split(), "".split(","), "   ".split(), "   ".split(" "))
print("abc".split("abc"), "aaa".split("a"), "aaa".split("aa"), "aaaa".rsplit("aa"))
print("a::b::c".split("::"), "a::b::c".split("::", 1), "a::b::c".rsplit("::", 1))
print("1 2 3".split(maxsplit=1), "1 2 3".rsplit(sep=" ", maxsplit=1), "x y".split(sep=None))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "a\n\nb".splitlines(), "".splitlines())
print("x\ny\n".splitlines(True), "x\r\ny".splitlines(keepends=True))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), " ".join(["one"]), ", ".join(("x", "y")))
print("".join([str(i) for i in range(5)]))
print("ab".join(["1", "2", "3"]), "/".join({"k": 1, "j": 2}))
try:
    print(",".join(["a", 1, "b"]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(",".join(5))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("a b".split(""))
except ValueError as e:
    print(type(e).__name__, e)
print("a b c".partition(" "), "abc".partition("x"), "a b c".rpartition(" "), "abc".rpartition("x"))
