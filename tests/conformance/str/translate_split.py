# translate/maketrans, split/rsplit/splitlines/partition edge cases, strip sets,
# expandtabs, zfill, center rounding, replace with empty patterns.
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t), "aAbB".translate({97: "11", 66: None, 98: 0x263a}))
print(str.maketrans({"a": 1, 98: "x", "c": None}), "abc".translate(str.maketrans({"a": "A", "b": None})))
print("hello".translate({ord("l"): "L"}), "hi".translate([]), "hi".translate({}))
class Table:
    def __getitem__(self, k):
        if k == 104:
            return "H"
        raise LookupError(k)
print("hih".translate(Table()))
ws = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u3000"
print(repr(("a" + ws + "b" + ws).split()), repr((ws + "a b" + ws).strip()), len(ws.strip()), repr("x\u200bx".split()))
for s in ["a,b,,c,", ",a,", "", ",", "a"]:
    print(repr(s), s.split(","), s.rsplit(","), s.split(",", 1), s.rsplit(",", 1), s.split(",", 0), s.split(",", -5))
for s in ["  a  b  c  ", "a b", "", "   "]:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0), s.rsplit(maxsplit=0))
print("aaa".split("aa"), "aaa".rsplit("aa"), "abab".split("ab"), "a--b--".split("--", 1), "a--b--".rsplit("--", 1))
text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve\n"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "a\r".splitlines(True), "\r\n".splitlines())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"), "é=ü".partition("="))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "hi".strip(""), "  hi\t".lstrip(), "  hi\t".rstrip(), "ééaéé".strip("é"))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(0), "ab\tc\nd\te".expandtabs(4), "\t".expandtabs(-1), "12345\t1".expandtabs(5))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "".zfill(3), "abc".zfill(2), "--1".zfill(4), "é".zfill(3))
for w in range(0, 9):
    print(repr("ab".center(w, "*")), repr("abc".center(w)), repr("".center(w, "-")))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", "b", 2), "aaa".replace("aa", "b"))
print("abc".replace("b", "", -1), "abcb".replace("b", "X", 0), "ééé".replace("é", "e", 1), "abc".replace("x", "y"))
print("abcabc".find("c", -2), "abcabc".find("", 6), "abcabc".find("", 7), "abc".rfind(""), "abc".count(""), "abc".count("", 1, 2))
print("abcabc".index("b", 2), "abcabc".rindex("b", 0, 4), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1))
print("abc".startswith(("x", "a")), "abc".endswith(("b", "bc"), 0, 3), "abc".startswith("b", 1), "abc".endswith("b", 0, 2))
print("héllo wörld".find("ö"), "héllo wörld".rfind("l"), "héllo wörld".count("l"), "日本語".index("語"), "日本語"[1:], "日本語"[::-1])
print("a" * 0, "ab" * 3, "-" * -1, 3 * "xy", "ab".removeprefix("a"), "ab".removesuffix("b"), "ab".removeprefix(""), "ab".removesuffix("ab"))
