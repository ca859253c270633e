d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0), d.get("x", 0))
print(d.setdefault("x", 100), d.setdefault("z", 3), d.setdefault("w"), d)
print(d.pop("w"), d.pop("nope", "default"), d)
d.update({"a": 9, "x": -1})
print(d)
d.update([("b", 8)], c=7)
print(d)
d.update(x=0)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear()
print(d, len(d))
f = {}
for ch in "mississippi":
    f[ch] = f.get(ch, 0) + 1
print(f)
g = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    g.setdefault(w[0], []).append(w)
print(g)
m = {"a": 1}
m |= {"b": 2}
print(m, m | {"a": 0}, {"z": 1} | m)
