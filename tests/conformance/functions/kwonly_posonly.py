def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4), f(1, 2, 3, d=4, e=6))
def g(x, /):
    return x
print(g(5))
def h(*, key):
    return key
print(h(key="k"))
def p(a, /, **kw):
    return a, kw
print(p(1, a=2))
def defaults(a, b=2, /, c=3, *, d, e=5):
    return a, b, c, d, e
print(defaults(1, d=4), defaults(1, 9, 8, d=7, e=6))
def kwdefault_before(*, a=1, b):
    return a, b
print(kwdefault_before(b=2))
