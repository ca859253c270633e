# functools: lru_cache, cache, partial, reduce, wraps, total_ordering, cmp_to_key, singledispatch, cached_property.
import functools

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__.__name__, fib.cache_parameters())

@functools.lru_cache(maxsize=3)
def sq(x):
    print("compute", x)
    return x * x
for i in [1, 2, 3, 1, 4, 2, 1]:
    sq(i)
print(sq.cache_info())

@functools.lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t.cache_info())

@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), fact.cache_info().hits)

def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
print(square(7), square.func.__name__, square.keywords, repr(square)[:30])
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], "start"))

def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented(x):
    "The doc."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(3))

@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
print(sorted([5, 2, 9], key=functools.cmp_to_key(lambda a, b: b - a)))

@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
print(describe(1), describe([]), describe("s"), describe(True))

class C:
    def __init__(self):
        self.calls = 0
    @functools.cached_property
    def value(self):
        self.calls += 1
        return 42
c = C()
print(c.value, c.value, c.calls)

class M:
    @functools.partialmethod
    def nothing(self):
        pass
    def add(self, a, b):
        return a + b
    add5 = functools.partialmethod(add, 5)
print(M().add5(10))
print(functools.update_wrapper(lambda: 0, fact).__name__)
