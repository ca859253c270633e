print(sorted([3, 1], reverse=True), max(1, 2, key=lambda v: -v), min([], default=0), sum([1], start=1))
print(int("11", base=2), list(enumerate([1], start=5)), next(iter([]), "dflt"))
print(round(number=2.55, ndigits=1), pow(base=3, exp=2), divmod(7, 3))
tests = [lambda: len(obj=[1]), lambda: abs(x=1), lambda: sorted(iterable=[1]), lambda: chr(i=65), lambda: ord(c="a"),
         lambda: sum(iterable=[1]), lambda: divmod(a=1, b=2), lambda: isinstance(obj=1, class_or_tuple=int),
         lambda: print("x", sep="", bogus=1), lambda: max(iterable=[1])]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
