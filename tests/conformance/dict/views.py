d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
d["c"] = 3
print(k, v, i, len(k), len(v), len(i))
print("a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i, "z" in k)
print(sorted(k), sorted(v), list(i))
print(k == {"a", "b", "c"}, k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}))
for key in d.keys():
    print(key, d[key])
for key, value in d.items():
    print(key, "=", value)
print(list(reversed(d)), list(reversed(d.items())))
del d["a"]
print(list(k), list(v))
print(type(k).__name__, type(v).__name__, type(i).__name__)
