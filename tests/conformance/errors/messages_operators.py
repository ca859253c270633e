cases = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: {} + {}, lambda: None + 1, lambda: 1 - "a",
    lambda: "a" * "b", lambda: [] * [], lambda: 1 / "a", lambda: "a" / 2, lambda: 2 ** "a", lambda: "a" % [],
    lambda: -"a", lambda: +[], lambda: ~1.5, lambda: ~"a", lambda: 1 < "a", lambda: [] > 1, lambda: None < None,
    lambda: {} <= {}, lambda: (1,) >= [1], lambda: 1 & 1.0, lambda: "a" | "b", lambda: [] ^ [], lambda: 1 << "a",
    lambda: 1 @ 1, lambda: len - 1, lambda: print + print, lambda: True + "a", lambda: 1.5 // "a",
    lambda: range(3) + range(3), lambda: 3 in 5, lambda: "a" in ["a"] in 5, lambda: 1 % "a",
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
