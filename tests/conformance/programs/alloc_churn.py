# allocation-heavy program: exercises the collector (run under -X gc-stress too)
keep = []
for i in range(300):
    tmp = [str(j) * 3 for j in range(20)]
    d = {k: [k] * 2 for k in tmp}
    t = tuple(d)
    if i % 50 == 0:
        keep.append((i, t[:3], d[tmp[5]], 10 ** 30 + i, 1.5 * i))
print(len(keep))
for item in keep:
    print(item)
nested = None
for i in range(200):
    nested = [i, nested, {"i": i, "s": "x" * (i % 7)}]
depth = 0
node = nested
total = 0
while node is not None:
    total += node[0] + len(node[2]["s"])
    node = node[1]
    depth += 1
print(depth, total)
cycle = []
cycle.append(cycle)
d = {}
d["self"] = d
print(cycle, d)
big = [10 ** 50 + i for i in range(500)]
print(sum(big) % 1000003, big[-1])
strings = ""
for i in range(300):
    strings += chr(65 + i % 26)
print(strings[:52], len(strings))
