# gc.collect() frees an object that is no longer referenced, whatever the call
# shape around the collection: module level, functions, loops, after exceptions,
# generators, nested calls, callbacks from native code. Each check drops the last
# reference and collects; the weak reference must then be dead (CPython freed
# the object at the drop already, by reference counting).
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n
        self.payload = [n] * 3

    def __repr__(self):
        return f"Obj({self.n})"


def check(label, r):
    gc.collect()
    print(label, r() is None)


# Module level.
o = Obj(0)
r = weakref.ref(o)
del o
check("module", r)

o = Obj(1)
r = weakref.ref(o)
o = None
check("module rebind", r)


# Inside a function, collecting in the same frame.
def in_function():
    x = Obj(2)
    rx = weakref.ref(x)
    del x
    gc.collect()
    return rx() is None


print("function", in_function())


# The object made by a callee that returned.
def make():
    return Obj(3)


def made_by_callee():
    rx = weakref.ref(make())
    gc.collect()
    return rx() is None


print("callee", made_by_callee())


# Deep recursion made and dropped the objects.
def deep(n, acc):
    if n == 0:
        return [weakref.ref(o) for o in acc]
    acc.append(Obj(n))
    return deep(n - 1, acc)


refs = deep(30, [])
check("deep", lambda: None if all(w() is None for w in refs) else 1)


# Loops: each iteration drops the previous object.
def loop(n):
    refs = []
    for i in range(n):
        x = Obj(i)
        refs.append(weakref.ref(x))
        if i % 7 == 0:
            gc.collect()
    del x
    gc.collect()
    return sum(w() is None for w in refs)


print("loop", loop(50))

i = 0
wrefs = []
while i < 20:
    wrefs.append(weakref.ref(Obj(i)))
    i += 1
gc.collect()
print("while", sum(w() is None for w in wrefs))


# After exceptions: the exception, its traceback and the frames' locals die.
def raiser(n):
    x = Obj(n)
    raise ValueError(x)


def after_exception():
    try:
        raiser(10)
    except ValueError as e:
        rx = weakref.ref(e.args[0])
    gc.collect()
    return rx() is None


print("exception", after_exception())


def after_nested_exceptions():
    rs = []
    for i in range(5):
        try:
            try:
                raiser(i)
            except ValueError as e:
                rs.append(weakref.ref(e.args[0]))
                raise KeyError(i) from e
        except KeyError:
            pass
    gc.collect()
    return [w() is None for w in rs]


print("nested exceptions", after_nested_exceptions())

try:
    raiser(11)
except ValueError as e:
    r = weakref.ref(e.args[0])
check("module exception", r)


# Generators: the object dropped inside the generator, and the generator dropped.
def gen():
    x = Obj(20)
    rx = weakref.ref(x)
    yield rx() is None
    del x
    gc.collect()
    yield rx() is None


# Driven by a Python loop. Resumed from native code (list(gen())), a dead object can
# survive: native frames between two interpreter activations are scanned
# conservatively and may hold a stale copy of its address (a known limit, see
# ARCHITECTURE.md, collector).
_g = []
for _v in gen():
    _g.append(_v)
print("generator", _g)


def holder():
    x = Obj(21)
    yield 1
    yield x.n


g = holder()
next(g)
rg = weakref.ref(g)
del g
check("suspended generator", rg)


def gen_expr_refs():
    ws = list(weakref.ref(Obj(i)) for i in range(10))
    gc.collect()
    return sum(w() is None for w in ws)


print("generator expression", gen_expr_refs())


# Comprehensions and closures.
def comprehension():
    ws = [weakref.ref(Obj(i)) for i in range(10)]
    gc.collect()
    return sum(w() is None for w in ws)


print("comprehension", comprehension())


def closure():
    x = Obj(30)

    def inner():
        return x.n

    rx = weakref.ref(x)
    ri = weakref.ref(inner)
    n = inner.__code__.co_argcount
    del inner
    x = None
    gc.collect()
    return rx() is None, ri() is None


print("closure", closure())


# Methods, with statements, native callers (map, sorted, list.sort with a key).
class Box:
    def fill(self):
        self.item = Obj(40)
        return weakref.ref(self.item)

    def empty(self):
        self.item = None
        gc.collect()


b = Box()
rb = b.fill()
b.empty()
print("method", rb() is None)


class Ctx:
    def __enter__(self):
        return Obj(41)

    def __exit__(self, *a):
        return False


def with_block():
    with Ctx() as x:
        rx = weakref.ref(x)
    del x
    gc.collect()
    return rx() is None


print("with", with_block())

made = []


def mk(i):
    o = Obj(i)
    made.append(weakref.ref(o))
    return i


list(map(mk, range(10)))
sorted(range(10, 20), key=mk)
check("native callers", lambda: None if all(w() is None for w in made) else 1)


def collect_in_callback(i):
    gc.collect()
    return i


keep = [Obj(i) for i in range(5)]
ws = [weakref.ref(o) for o in keep]
drop = weakref.ref(Obj(99))
print("callback", sorted(range(5), key=collect_in_callback), drop() is None)
print("kept", [w() is not None for w in ws], [o.n for o in keep])


# Cycles.
def cycle():
    a = Obj(50)
    b = Obj(51)
    a.other = b
    b.other = a
    ra = weakref.ref(a)
    del a, b
    gc.collect()
    return ra() is None


print("cycle", cycle())


# Objects still referenced survive every collection.
live = [Obj(i) for i in range(100)]
for _ in range(3):
    gc.collect()
print("live", sum(o.n for o in live), len(live[-1].payload))
