s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find(""), s.find("a", 1), s.find("a", 1, 3), s.find("a", -4))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind(""), s.rfind("a", 0, 5), s.rfind("abra", 1))
print(s.index("c"), s.rindex("a"), s.index("a", 5), s.index("", 11))
print(s.count("a"), s.count("bra"), s.count(""), s.count("a", 3), s.count("a", 3, 8), s.count("aa"), "aaaa".count("aa"))
print(s.find("", 20), s.find("", 11), s.count("", 5, 2), s.find("a", 100), s.find("a", -100))
print("a" in s, "cad" in s, "" in s, "z" in s, "A" in s, "abracadabra" in s, s not in "x")
print(s.startswith("abr"), s.startswith(""), s.startswith("bra", 1), s.startswith(("x", "ab")), s.startswith("a", 20))
print(s.endswith("bra"), s.endswith(("bra", "x")), s.endswith("cad", 0, 7), s.endswith(""), s.endswith(()))
try:
    s.index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print("z" in 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(5 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s.startswith(["a"]))
except TypeError as e:
    print(type(e).__name__, e)
