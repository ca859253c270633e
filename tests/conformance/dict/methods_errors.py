def show(src):
    try:
        r = eval(src)
        print(src, "->", r)
    except Exception as e:
        print(src, "->", type(e).__name__, e)

for src in [
    "{}.popitem()", "{1: 2}.popitem()", "{}.pop(1)", "{}.pop(1, 2)", "{}.pop()", "{}.pop(1, 2, 3)",
    "{}.get()", "{}.get(1, 2, 3)", "{}.get(k=1)", "{}.setdefault()", "{}.setdefault([], 1)", "{}.keys(1)",
    "{}.update(1)", "{}.update([1])", "{}.update([(1, 2, 3)])", "{}.update([[1, 2]], x=5)", "{}.update({1: 2}, {3: 4})",
    "dict(1)", "dict([1, 2])", "dict([(1,)])", "dict(a=1, b=2)", "dict({1: 2}, b=3)", "dict([('a', 1)], a=2)", "dict(1, 2)",
    "dict.fromkeys()", "dict.fromkeys([1, 2])", "dict.fromkeys('ab', [])", "dict.fromkeys(5)", "dict.fromkeys([[1]])",
    "{}[[]]", "{}[1]", "{(1, 2): 3}[(1, 2)]", "{1: 2} | {3: 4}", "{1: 2} | [(3, 4)]", "{1: 2, 3: 4} | {1: 5}",
    "{1: 2} < {1: 2}", "{1: 2} == {1: 2.0}", "{1: [2]} == {1: [2]}", "{1: 2} != {1: 3}", "{} == None",
    "{1: 2}.copy()", "{}.clear()", "{}.fromkeys([3], 4)", "hash({})", "dict.get({1: 5}, 1)", "dict.get(5, 1)",
    "{**{1: 2}, **{1: 3, 4: 5}}", "{'a': 1}.items() | {'b': 2}.keys()",
]:
    show(src)
d = {}
d |= [(1, 2)]
d |= {3: 4}
print(d)
try:
    d |= 5
except TypeError as e:
    print(e)
print(d.setdefault(1), d.setdefault(9), d.setdefault(10, [1]), d)
print(d.pop(9), d.pop(99, "dflt"), d.popitem(), d.popitem(), d)
e = dict.fromkeys(range(5))
while e:
    print(e.popitem(), end=" ")
print()
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=1)
print(c["a"], c["zz"], "zz" in c, c.get("zz"), len(c), c)
class Default(dict):
    def __missing__(self, key):
        self[key] = [key]
        return self[key]
dd = Default()
dd["x"].append(1)
print(dd, dict(dd), type(dd.copy()).__name__, type(dd | {}).__name__, type({} | dd).__name__)
class NoMissing(dict):
    pass
try:
    NoMissing()["k"]
except KeyError as e:
    print("KeyError", e)
class Ordered(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
o = Ordered()
o["a"] = 1
o.update(b=2)
o.setdefault("c", 3)
print(o, Ordered({"x": 5}), Ordered.fromkeys("ab", 1))
class Keys:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(dict(Keys()), {**Keys()})
print(dict(zip("abc", range(3))), dict([("a", 1), ["b", 2], "cd"]))
try:
    dict(["abc"])
except ValueError as e:
    print(e)
try:
    dict([1, 2])
except TypeError as e:
    print(e)
it = iter({1: 2, 3: 4})
print(it.__length_hint__(), next(it), it.__length_hint__())
m = {1: 1}
try:
    for k in m:
        m[k + 1] = 1
except RuntimeError as e:
    print(e)
m = {1: 1, 2: 2}
try:
    for k in m:
        del m[k]
        m[k + 10] = 0
except RuntimeError as e:
    print(e, m)
m = {1: 1}
it = iter(m)
m[2] = 2
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print(attempt, e)
