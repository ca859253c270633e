d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 3, "d": 4}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, repr(k), str(it))
print(k & e.keys(), k | e.keys(), k - e.keys(), k ^ e.keys())
print(it & e.items(), it - e.items(), sorted(it ^ e.items()), sorted(it | e.items()))
print(k & ["a", "z"], ["z", "a"] & k, ["q"] | k == {"a", "b", "c", "q"}, ("a",) - k, k - ("a",))
print({"a", "x"} & k, {"a", "x"} - k, {"a", "x"} ^ k == {"x", "b", "c"}, type(k & k).__name__)
print(k == {"a", "b", "c"}, k == ["a", "b", "c"], k < {"a", "b", "c", "d"}, k <= k, k > {"a"}, k >= set())
print(it == {("a", 1), ("b", 2), ("c", 3)}, it < e.items(), ("a", 1) in it, ("a", 2) in it, ["a", 1] in it, "a" in k)
print(v == v, v == d.values(), 1 in v, 5 in v, len(v), list(v))
print(k.isdisjoint(["x"]), k.isdisjoint({"a"}), it.isdisjoint([("a", 1)]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), list(reversed(d)))
print(k.mapping, type(k.mapping).__name__, k.mapping["a"])
d["z"] = 26
print(k, v, it, len(k))
for name in ["keys", "values", "items"]:
    view = getattr({}, name)()
    print(type(view).__name__, type(iter(view)).__name__, type(reversed(view)).__name__)
try:
    hash(k)
except TypeError as e:
    print(e)
try:
    k + k
except TypeError as e:
    print(e)
try:
    v & v
except TypeError as e:
    print(e)
try:
    k < 3
except TypeError as e:
    print(e)
nested = {}
nested["self"] = nested.values()
print(nested)
x = {1: "one"}
x[2] = x
print(x, x.items())
