# The builtin iterator types: reprs, length hints, exhaustion, mutation.
def r(o):
    s = repr(o)
    return s[:s.index(" at 0x")] + ">"
print(r(iter([])), r(iter(())), r(iter(range(3))), r(iter(range(2**100))), r(iter("a")), r(iter("é")))
print(r(iter({})), r(iter(set())), r(reversed([])), r(reversed(())), r(reversed(range(3))), r(reversed("ab")))
print(r(enumerate([])), r(zip()), r(map(len, [])), r(filter(None, [])), r(iter(int, 1)))
l = [1, 2, 3, 4]
it = iter(l)
print(it.__length_hint__(), next(it), it.__length_hint__())
l.append(5)
print(it.__length_hint__(), list(it), it.__length_hint__())
l.append(6)
print(list(it))
rv = reversed(l)
print(rv.__length_hint__(), next(rv), rv.__length_hint__())
del l[2:]
print(rv.__length_hint__(), list(rv))
t = iter((1, 2))
print(t.__length_hint__(), next(t), next(t), t.__length_hint__())
ri = iter(range(10, 0, -3))
print(ri.__length_hint__(), list(ri), ri.__length_hint__())
print(iter(range(2**70, 2**70 + 3)).__length_hint__(), list(reversed(range(2**70, 2**70 + 3))))
print(list(reversed(range(-5, 5, 3))), list(reversed(range(5, -5, -3))), list(reversed(range(0))))
s = "héllo"
si = iter(s)
next(si)
print(si.__length_hint__(), "".join(si))
class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), list(reversed(Seq())), reversed(Seq()).__length_hint__(), iter(Seq()).__length_hint__())
class Stop:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i == 1:
            raise StopIteration
        return i
print(list(reversed(Stop())), list(iter(Stop())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __getitem__(self, i):
        return i
    def __len__(self):
        return 2
for obj in [NoRev(), 5, {}, {1: 2}.keys(), iter([1])]:
    try:
        reversed(obj)
        print("reversible", type(obj).__name__)
    except TypeError as e:
        print(e)
e = enumerate("abc", 5)
print(next(e), list(e), list(enumerate([], -1)), list(enumerate("xy", start=2**64)))
z = zip("ab", [1, 2, 3])
print(list(z), list(zip()), list(zip("a")), list(zip("abc", "de", "f")))
for a in [("ab", "abc"), ("abc", "ab"), ("a", "b", ""), ("", "b", "c")]:
    try:
        print(list(zip(*a, strict=True)))
    except ValueError as e:
        print(e)
print(list(map(pow, [2, 3], [3, 2, 1])), list(map(str.upper, "ab")), list(filter(None, [0, 1, "", "a", None, []])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
calls = []
def gen():
    calls.append(len(calls))
    return len(calls)
print(list(iter(gen, 4)), calls)
class Eq:
    def __eq__(self, other):
        print("compared", type(other).__name__)
        return True
print(list(iter(lambda: 1, Eq())))
it = iter([1, 2])
print(list(it), list(it), next(it, "end"))
m = map(lambda x: 1 // x, [1, 0, 2])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(m))
