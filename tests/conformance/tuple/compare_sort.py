pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2), (1,)), ((), ()), ((2,), (1, 9)), ((1, "a"), (1, "b")),
         ((1, 2.0), (1, 2)), ((0, None), (1, None)), (("a", 1), ("a", 1, 0))]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people))
print((1, 2) + (3,) * 2, (1,) * 0, ((1, 2),) * 2)
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (nan,), t[0] == t[0])
