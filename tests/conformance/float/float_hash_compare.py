print(hash(0.5), hash(1.5), hash(-1.5), hash(1e-10), hash(3.141592653589793), hash(1e300))
print(hash(2.0) == hash(2), hash(2 ** 61 * 1.0) == hash(2 ** 61), hash(-1.0), hash(float(2 ** 62)))
d = {1: "int"}
d[1.0] = "float"
print(d)
d[2.0] = "two"
print(d, d[2], 2 in d, 2.0 in d, 2.5 in d)
s = {1, 1.0, 2.0, 2}
print(s, len(s))
print(0.1 + 0.2 < 0.30000000000000005, 0.1 + 0.2 == 0.30000000000000004)
print(1e16 == 10 ** 16, 1e16 + 1 == 10 ** 16 + 1, 1e16 < 10 ** 16 + 1)
print(sorted([0.1, -3, 2 ** 60, 1e18, -1e-5, 7]))
