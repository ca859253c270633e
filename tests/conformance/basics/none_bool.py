# NoneType and bool basics
x = None
print(x, repr(x), str(x), type(x))
print(x is None, x is not None, x == None, x != None)
print(bool(None), not None)
print(True + True, True * 10, False - 1, -True, ~True, ~False)
print(True == 1, False == 0, True is True, True == 1.0)
print(True / 2, True // 2, True % 2, True ** 10)
print(True & False, True | False, True ^ True, True & 3, True | 2)
print(type(True & False), type(True & 1), type(True + False))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(""), bool(" "))
print(bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({0: 0}))
print(bool(range(0)), bool(range(1)), bool(float("nan")))
print(str(True), repr(False), int(True), float(False))
print(isinstance(True, int), isinstance(1, bool), type(True) is bool)
print(hash(True), hash(False), hash(None) == hash(None))
d = {1: "int one", True: "bool true"}
print(d)
d2 = {True: "first", 1.0: "second"}
print(d2)
print(max(True, 0), min(False, True), sum([True, True, True]))
print(True < 2, False > -1, sorted([True, 0, False, 1, -1]))
