values = [0, True, 1.5, "s", [], (), {}, None, range(1), len, lambda: 0]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (float, str)), isinstance(v, (list, (tuple, dict))))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, int))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type), isinstance(5, object))
print(type(5) == int, type(True) == int, type(type(5)), type(None).__name__, type(int).__name__)
print(isinstance([], ()), isinstance(3, (int,)), issubclass(bool, int), issubclass(int, (str, object)))
print(type(1)(5.7), type("")(12), type([])("ab"), type(())([1]), type({})(a=1), type(1.0)("2"))
class A:
    pass
a = A()
print(isinstance(a, A), isinstance(a, object), type(a) is A, isinstance(A, type))
tests = [lambda: isinstance(1, 1), lambda: isinstance(1, (int, 1)), lambda: isinstance(1), lambda: type(),
         lambda: type(1, 2), lambda: issubclass(1, int)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
