d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"], list(d), list(d.keys()), list(d.values()), list(d.items()))
d["d"] = 4
d["b"] = 10
print(d)
del d["a"]
print(d)
d["a"] = 5
print(d)
print("a" in d, "z" in d, 10 in d, "z" not in d)
print({}, dict(), {1: 2, 1: 3}, {True: 1, 1: 2, 1.0: 3})
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict([("x", 1)], y=2), dict(zip("ab", [1, 2])))
print(dict({"a": 1}, a=2), dict([["p", 1], "qr"]))
e = {1: "int", "1": "str", 1.5: "float", None: "none", (1, 2): "tuple", False: "bool"}
print(e, e[1], e[None], e[(1, 2)], e[0], e[1.0])
print(d == {"d": 4, "b": 10, "c": 3, "a": 5}, d == {"b": 10}, {} == {}, {1: 1} != {1: 2})
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"])
nested["outer"]["new"] = 1
print(nested)
