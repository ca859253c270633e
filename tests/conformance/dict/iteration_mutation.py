d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d))
e = {1: 1, 2: 2}
try:
    for k in e:
        del e[k]
except RuntimeError as e2:
    print(type(e2).__name__, e2)
print(e)
f = {1: "x", 2: "y"}
for k in f:
    f[k] = f[k] * 2
print(f)
g = {i: i for i in range(5)}
for k in list(g):
    if k % 2:
        del g[k]
print(g)
h = {"a": 1}
try:
    for k, v in h.items():
        h.pop(k)
        h["b"] = 2
except RuntimeError as e3:
    print(type(e3).__name__, e3)
print(h)
i = {"x": 1, "y": 2}
try:
    for v in i.values():
        i["z"] = 3
except RuntimeError as e4:
    print(type(e4).__name__, e4)
