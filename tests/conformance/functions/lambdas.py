sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a: a)(1, 2), (lambda **k: k)(a=1), (lambda a, b=2: a + b)(1))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print([(lambda x: x + 1)(i) for i in [1, 2]])
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
nested = lambda x: lambda y: x + y
print(nested(1)(2))
cond = lambda x: "big" if x > 10 else "small"
print(cond(5), cond(50))
