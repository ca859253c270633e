def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), f(*[4, 5]), f(*"ab", *range(2)), type(f()).__name__)
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3), g(*[1, 2]))
def h(**kwargs):
    return kwargs
print(h(), h(a=1), h(b=2, a=1), h(**{"x": 1}), h(**{"y": 2}, z=3), type(h()).__name__)
def both(a, *args, b=10, **kw):
    return a, args, b, kw
print(both(1), both(1, 2, 3), both(1, b=5), both(1, 2, c=3), both(a=7, b=8, d=9))
def show(*args, **kwargs):
    print(args, kwargs)
show(1, 2, x=3)
show(*(1, 2), **{"k": "v"})
show(*[], **{})
args = [1, 2]
kwargs = {"sep": "-"}
print(*args, **kwargs)
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
def collect(first, *, second, **rest):
    return first, second, rest
print(collect(1, second=2, third=3))
