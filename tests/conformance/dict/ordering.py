d = {}
for key in [5, 3, "z", 1, "a", 4.5, (0,), None]:
    d[key] = str(key)
print(list(d))
del d[3]
d[3] = "back"
print(list(d))
d[5] = "updated"
print(list(d), d[5])
e = {k: None for k in "zyxwvu"}
print("".join(e))
f = dict.fromkeys(range(10, 0, -1))
print(list(f))
g = {}
for i in range(100):
    g[i] = i
for i in range(0, 100, 2):
    del g[i]
for i in range(0, 10):
    g[i * 2] = "re"
print(list(g)[:10], list(g)[-10:], len(g))
s = {"b": 1, "a": 1}
t = {"a": 1, "b": 1}
print(s == t, list(s) == list(t))
