d = {}
for i in range(2000):
    d[i * 7 % 2003] = i
for i in range(0, 2000, 3):
    del d[i * 7 % 2003]
print(len(d), list(d)[:8], list(d.values())[-5:])
keys = [str(i) for i in range(500)]
m = dict.fromkeys(keys, 0)
for k in keys[::2]:
    m[k] += 1
print(sum(m.values()), list(m.items())[:3])
inv = {}
for k, v in m.items():
    inv.setdefault(v, []).append(k)
print({k: len(v) for k, v in inv.items()})
t = {(i, j): i * j for i in range(30) for j in range(30)}
print(len(t), t[(29, 29)], sum(t.values()))
f = {float(i) / 4: i for i in range(100)}
print(f[0.25], f[24.75], 1.5 in f, 1.3 in f)
