# _collections.defaultdict and _count_elements.
from _collections import defaultdict, _count_elements

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, isinstance(dd, dict), len(dd), dict(dd))
ci = defaultdict(int, {"x": 1}, y=2)
ci["x"] += 1
ci["z"] += 5
print(ci, sorted(ci.items()))
print(defaultdict(), defaultdict(None, a=1), repr(defaultdict(lambda: 0))[:20])
n = defaultdict()
try:
    n["missing"]
except KeyError as e:
    print("KeyError", repr(e))
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
print(ci.get("nope"), "nope" in ci, ci.copy(), type(ci.copy()).__name__, ci.copy() is not ci)
print(ci | {"q": 0}, {"q": 0} | ci, type(ci | {}).__name__)
ci.default_factory = str
print(ci["new"] == "", ci.default_factory)
s = defaultdict(set)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    s[k].add(v)
print(sorted((k, sorted(v)) for k, v in s.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 1
print(nested["x"]["y"], list(nested))
class Sub(defaultdict):
    pass
sd = Sub(int)
sd[1] += 1
print(sd, type(sd).__name__)
print(defaultdict.__name__, defaultdict.__module__, dd.__missing__("k"), dd["k"])
r = defaultdict(list)
r["self"] = r
print(r)

counts = {}
_count_elements(counts, "abracadabra")
print(counts)
_count_elements(counts, ["a", "z"])
print(counts)
class M(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
m = M()
_count_elements(m, "aab")
print(m)
try:
    _count_elements({}, 5)
except TypeError as e:
    print("TypeError", e)
try:
    _count_elements({}, [[1]])
except TypeError as e:
    print("TypeError", e)
