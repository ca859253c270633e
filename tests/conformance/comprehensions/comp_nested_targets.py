pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n for n, _ in pairs], [s * n for n, s in pairs])
print({s: n for n, s in pairs})
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([first for first, *rest in [[1, 2], [3], [4, 5, 6]]], [rest for first, *rest in [[1, 2], [3], [4, 5, 6]]])
print([i * j for i, j in zip(range(5), range(5, 10))])
print([(k, v) for k, v in {"x": 1, "y": 2}.items()])
print([c for row in ["ab", "cd"] for c in row], [[c for c in row] for row in ["ab", "cd"]])
print([list(enumerate(w)) for w in ["hi", ""]])
