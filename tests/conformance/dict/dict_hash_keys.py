d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d[2 ** 61 - 1] = "mersenne"
d[0] = "zero"
print(d[2 ** 61 - 1], d[0], d[False], d.get(0.0))
d[-1] = "minus one"
d[-2] = "minus two"
print(d[-1], d[-2], hash(-1) == hash(-2))
keys = [(1, 2), (1, (2, 3)), "", "a", -0.0, float("inf"), 10 ** 30, None]
m = {k: i for i, k in enumerate(keys)}
print(m)
print(m[0.0], m[(1, (2, 3))], m[float("inf")])
nan = float("nan")
n = {nan: 1}
print(n.get(nan), n.get(float("nan")), len({float("nan"): 1, float("nan"): 2}))
