s = "abc"
for w in (0, 2, 3, 4, 5, 6, 7, 10):
    print(repr(s.center(w)), repr(s.ljust(w)), repr(s.rjust(w)), repr(s.center(w, "*")), repr(s.zfill(w)))
print(repr("ab".center(5, "-")), repr("ab".center(6, "-")), repr("abc".center(6, "-")), repr("".center(3, "x")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "--42".zfill(6), "".zfill(3), "abc".zfill(6), "-".zfill(3))
print("3.14".zfill(8), "-0".zfill(1), "-1".zfill(1), "1,000".zfill(7))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "ab\tcd\te".expandtabs(3), "\t".expandtabs(0))
try:
    print("x".center(5, "ab"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x".ljust(5, ""))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x".rjust("5"))
except TypeError as e:
    print(type(e).__name__, e)
