d = {}
for i in range(4000):
    d["key" + str(i)] = i
print(len(d), d["key0"], d["key3999"], list(d)[:3], list(d)[-3:])
for i in range(0, 4000, 2):
    del d["key" + str(i)]
print(len(d), list(d)[:3], "key2" in d, "key3" in d)
for i in range(0, 4000, 2):
    d["key" + str(i)] = -i
print(len(d), list(d)[:3], list(d)[-3:], sum(d.values()))
ints = {}
for i in range(-500, 500):
    ints[i] = i * i
print(len(ints), ints[-500], ints[499], list(ints)[:3])
d.clear()
print(d, len(d))
