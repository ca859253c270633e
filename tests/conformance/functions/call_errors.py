def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
def h(x, /, y):
    return x
def k(*, only):
    return only
def v(a, *args, **kw):
    return a
def none():
    return None
calls = [
    lambda: f(1), lambda: f(), lambda: f(1, 2, 3), lambda: f(1, b=2, a=3), lambda: f(1, c=3),
    lambda: f(1, 2, b=3), lambda: g(1), lambda: g(1, 2, 3), lambda: g(c=1), lambda: g(1, 2, c=3, d=4),
    lambda: h(x=1, y=2), lambda: h(1, 2, x=3), lambda: k(1), lambda: k(), lambda: k(only=1, other=2),
    lambda: v(), lambda: v(1, a=2), lambda: none(1), lambda: none(x=1), lambda: f(*[1, 2, 3]),
    lambda: f(**{"a": 1, "b": 2, "c": 3}), lambda: f(1, **{"a": 2}), lambda: f(*5),
    lambda: f(**[1]), lambda: f(1, **{1: 2}), lambda: (lambda: 0)(1), lambda: (lambda x, y: 0)(1),
    lambda: f(a=1, **{"a": 2}), lambda: g(1, 2, 3, 4, c=5), lambda: g(), lambda: f(1, 2, 3, 4),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print(type(e).__name__ + ":", e)
