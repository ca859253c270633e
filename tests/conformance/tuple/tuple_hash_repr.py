values = [(), (0,), (1,), (-1,), (1, 2), (2, 1), ("a",), (1.5, -0.0), ((1,), (2,)), (True, False),
          (10 ** 20,), (1, (2, (3, (4,)))), (float("inf"),)]
for v in values:
    print(repr(v), hash(v))
print(hash((1, 2)) == hash((1.0, 2)), hash((0,)) == hash((False,)), hash((0,)) == hash((-0.0,)))
print(len({(1, 2), (1.0, 2.0), (1, 2.0)}), {(1, 2): "a", (1.0, 2.0): "b"})
