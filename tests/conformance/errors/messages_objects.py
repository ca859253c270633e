# values come from variables: calling or subscripting a literal is a compile-time SyntaxWarning
five, text, none, lst, tup, flt, fn, d, s, empty = 5, "abc", None, [1], (1, 2), 5.0, (lambda: 0), {}, "", []
cases = [
    lambda: five(), lambda: text(), lambda: none(), lambda: lst()[0], lambda: tup(3),
    lambda: five[0], lambda: none[0], lambda: len[0], lambda: fn[0], lambda: flt["x"],
    lambda: d[[]], lambda: empty[""], lambda: s[None], lambda: (1,)[int("1") + 0.5],
    lambda: (5).foo, lambda: None.bar, lambda: [].nope, lambda: "".nope, lambda: {}.x, lambda: len.x,
    lambda: (1, 2).count(), lambda: [].count(), lambda: {}.get(), lambda: "".split(1), lambda: "".join(),
    lambda: iter(5), lambda: next(5), lambda: list(None), lambda: dict(5), lambda: tuple(1.5),
    lambda: sorted([1, None]), lambda: min(1, None), lambda: max("a", 1), lambda: sum(["a", 1]),
]
for c in cases:
    try:
        print(c())
    except (TypeError, AttributeError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
