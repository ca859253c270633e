tests = [
    lambda: 0.0 ** -1, lambda: 0.0 ** -1.5, lambda: 0 ** -1.0, lambda: 1e308 ** 2, lambda: 10.0 ** 400,
    lambda: 1.5 << 1, lambda: 1.5 & 1, lambda: ~1.5, lambda: 1.5 + "a",
    lambda: "a" * 1.5, lambda: [1] * 2.0, lambda: 2.0 ** 2 ** 10, lambda: 1e200 * 1e200,
    lambda: 10 ** 309 * 1.0, lambda: 0.0 ** 0, lambda: (-0.0) ** -1,
]
for t in tests:
    try:
        r = t()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
