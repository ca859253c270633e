vals = [None, True, 1, 2 ** 100, 1.5, "s", [], (), {}, range(1), len, print, lambda: 0, iter([]), iter(""), iter("é"),
        iter(()), iter({}), iter(range(1)), enumerate([]), zip(), reversed([]), {}.keys(), {}.values(), {}.items(),
        type, int, Ellipsis, NotImplemented]
for v in vals:
    print(type(v).__name__, type(v))
