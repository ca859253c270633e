a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is not False)
t = ()
u = ()
print(t is u, len(t))
x = 5
y = 5
print(x is y)
s = "abc"
print(s is s)
def f():
    pass
g = f
print(f is g, f is not g)
print(type(1) is int, type(1.0) is float, type("") is str, type([]) is list)
print(type(()) is tuple, type({}) is dict, type(range(1)) is range, type(None) is type(None))
print(type(len) is type(print), type(f) is type(g))
