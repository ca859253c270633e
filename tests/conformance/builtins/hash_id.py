print(hash(1), hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61) + 1))
print(hash(1.0), hash(1.5), hash(-0.5), hash(1e-300) == hash(1e-300), hash(float(2 ** 70)) == hash(2 ** 70))
print(hash(True), hash(False), hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1, -2)))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((True,)) == hash((1,)), hash(None) == hash(None))
x = [1]
print(id(x) == id(x), id(x) != id([1]), type(id(x)).__name__, id(None) == id(None))
a = 500
b = a
print(id(a) == id(b))
tests = [lambda: hash([]), lambda: hash({}), lambda: hash(([],)), lambda: hash(), lambda: id()]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
