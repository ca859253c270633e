counter = 0
def make_default():
    global counter
    counter += 1
    return counter
def f(x=make_default()):
    return x
print(f(), f(), f(10), counter)
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
def g(a, b=2, c=3):
    return a, b, c
print(g(1), g(1, 5), g(1, c=9), g(a=0), g(1, 2, 3), g(c=1, b=2, a=3))
x = 10
def h(v=x):
    return v
x = 20
print(h())
def k(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(k(), k(), k({}), k())
print(f.__defaults__, g.__defaults__, h.__name__)
