# Inlined calls and instance attributes under the trace optimizer: arguments whose
# types change, callees that rebind their parameters, shapes and classes changing.

def scale(x, k):
    x = x * k          # the parameter is rebound in the callee
    if x > 1e6:
        x = int(x)     # ... to an int
    return x

def run_scale(n):
    t = 0.0
    v = 1.5
    for i in range(n):
        t = t + scale(v, 2.0)
        if i == 800:
            v = 10**7  # an int argument from now on
    return t

print(run_scale(1200))

def twice(f, x):
    return f(x) + f(x)

def sq(x):
    return x * x

def run_twice(n):
    s = 0.0
    a = 0.5
    for i in range(n):
        s = s + twice(sq, a)
        if i == 1000:
            a = "ab"
    return s

try:
    print(run_twice(1500))
except TypeError as e:
    print("TypeError:", e)

def swap_args(a, b):
    a, b = b, a
    return a - b

def run_swap(n):
    t = 0.0
    for i in range(n):
        t = t + swap_args(1.5, i)
    return t

print(run_swap(1000))

class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

def run_attrs(vs, n):
    t = 0.0
    for i in range(n):
        v = vs[i % len(vs)]
        t = t + v.x * v.y + v.norm2()
        v.x = v.x + 0.5
    return t

vs = [V(1.0, 2.0), V(0.5, 0.25)]
print(run_attrs(vs, 2000))
# a new attribute changes one object's shape
vs[0].z = 3
print(run_attrs(vs, 2000))
# an attribute deleted
del vs[1].y
try:
    print(run_attrs(vs, 2000))
except AttributeError as e:
    print("AttributeError:", e)

class W:
    def __init__(self):
        self.a = 1.0
        self.b = 2.0

def run_mutating(ws, n):
    t = 0.0
    for i in range(n):
        w = ws[i % len(ws)]
        t = t + w.a
        if i == 1000:
            del w.a          # same object, attribute gone mid-trace
            w.a = 5          # ... and back, as an int, in another slot order
        t = t + w.a * w.b
    return t

print(run_mutating([W(), W(), W()], 2000))

class K:
    factor = 2.0
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * self.factor

def run_class_change(ks, n):
    t = 0.0
    for i in range(n):
        k = ks[i % len(ks)]
        t = t + k.get() + k.v
        if i == 700:
            K.factor = 3       # type version changes
        if i == 1400:
            K.get = lambda self: -self.v
    return t

print(run_class_change([K(1.0), K(2.5)], 2000))

class A:
    def __init__(self):
        self.v = 1.5
class B:
    def __init__(self):
        self.v = 2.5

def run_class_assign(objs, n):
    t = 0.0
    for i in range(n):
        o = objs[i % len(objs)]
        t = t + o.v * o.v
        if i == 900:
            o.__class__ = B
    return t

print(run_class_assign([A(), A()], 2000))

def gen_locals(n):
    def inner(x):
        y = x * 2.0
        return y + x
    t = 0.0
    for i in range(n):
        t = t + inner(t * 0.0 + i)
    return t

print(gen_locals(1500))

def recurse(d, x):
    if d == 0:
        return x * 0.5
    return recurse(d - 1, x + 1.0) * 1.0

def run_recurse(n):
    t = 0.0
    for i in range(n):
        t = t + recurse(4, float(i))
    return t

print(run_recurse(800))
