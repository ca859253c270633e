a = {"x": [1, 2], "y": {"z": (3, 4)}}
b = {"y": {"z": (3, 4)}, "x": [1, 2]}
print(a == b, a != b, list(a) == list(b))
b["y"]["z"] = (3, 5)
print(a == b)
print({1: "a"} == {1.0: "a"}, {True: 1} == {1: 1}, {0: 0} == {False: 0.0}, {} == [])
c = dict(a)
c["x"].append(3)
print(a["x"], c is a, c["x"] is a["x"])
d = {"k": None}
print(d.get("k", "default"), "k" in d, d["k"] is None)
print({"a": 1, "b": 2}.keys() == {"b", "a"}, {"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values())
m = {}
m[1], m[2] = "one", "two"
m.update(m)
print(m, len(m))
