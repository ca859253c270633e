n = 1
def f(a=n, b=[n]):
    return a, b
n = 2
print(f(), n)
def outer():
    m = 5
    def inner(v=m):
        return v
    m = 6
    return inner(), inner(7)
print(outer())
def g(x, y=None):
    y = x if y is None else y
    return x + y
print(g(2), g(2, 3))
value = "module"
def uses_default(v=value):
    value = "local"
    return v, value
print(uses_default(), value)
