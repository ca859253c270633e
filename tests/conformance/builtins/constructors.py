print(int(), float(), str(), bool(), list(), tuple(), dict())
print(int("7"), int(7.9), int(-7.9), int(True), float("2.5"), float(3), str(3.0), str([1]), bool("x"), bool(0.0))
print(list("abc"), list((1, 2)), list({"a": 1}), tuple([1, 2]), tuple("ab"), dict([(1, 2)]), dict(a=1))
print(str(None), str(True), repr(None), repr(True), repr("x"), repr(1.0), repr([1, "2"]))
print(bool([]), bool([0]), bool(None), bool(-1), bool("False"), bool(range(0)))
tests = [lambda: bool(1, 2), lambda: str(1, 2, 3, 4), lambda: list(1), lambda: tuple(None), lambda: dict(1),
         lambda: float(1, 2), lambda: repr(), lambda: len(), lambda: len(1, 2), lambda: str(x=1)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
