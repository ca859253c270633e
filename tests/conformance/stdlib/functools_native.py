# _functools: reduce, partial, cmp_to_key and the lru cache wrapper, used directly.
import _functools as ft

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

def f(*args, **kw):
    return args, kw

for expr in [
    "ft.reduce(lambda a, b: a + b, [1, 2, 3, 4])", "ft.reduce(lambda a, b: a + b, [], 0)", "ft.reduce(max, [3], 0)",
    "ft.reduce(lambda a, b: a * b, range(1, 10))", "ft.reduce(lambda a, b: a + b, 'abc')",
    "ft.reduce(lambda a, b: a, [])", "ft.reduce(lambda a, b: a, 5)", "ft.reduce(1)", "ft.reduce(len, [1, 2])",
    "ft.partial(f, 1, a=2)(3, b=4)", "ft.partial(f)()", "ft.partial(f, a=1)(a=2)", "ft.partial()", "ft.partial(1)",
    "ft.partial(f, 1).args", "ft.partial(f, x=1).keywords", "ft.partial(f).func is f",
    "ft.partial(ft.partial(f, 1), 2).args", "ft.partial(ft.partial(f, 1, a=1), 2, a=3, b=4).keywords",
    "ft.partial(ft.partial(f, 1), 2).func is f", "repr(ft.partial(len))", "repr(ft.partial(len, [1, 2], x='y'))",
    "ft.partial(int, base=2)('101')", "ft.partial(f, 1)(*[2], **{'k': 3})",
    "sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: a - b))",
    "sorted(['bb', 'a', 'ccc'], key=ft.cmp_to_key(lambda a, b: len(b) - len(a)))",
    "ft.cmp_to_key(lambda a, b: 0)(1) == ft.cmp_to_key(lambda a, b: 0)(2)",
    "ft.cmp_to_key(lambda a, b: a - b)(1) < 5", "ft.cmp_to_key(lambda a, b: a - b)(1).obj",
    "hash(ft.cmp_to_key(len)(1))", "ft.cmp_to_key()", "ft.cmp_to_key(len)()",
    "min([5, 3, 8], key=ft.cmp_to_key(lambda a, b: b - a))",
]:
    show(expr)

p = ft.partial(f, 1)
try:
    p.func = len
except AttributeError as e:
    print("AttributeError", e)
p.note = "attr"
print(p.note, ft.partial(p, 2).func is p, ft.partial(p, 2).args)
class P(ft.partial):
    pass
q = P(f, 9)
print(type(q).__name__, q(1), repr(q).startswith("P(<function f"))
print(repr(ft.partial(f, 1)).startswith("functools.partial(<function f at "))

class CacheInfo(tuple):
    def __new__(cls, *a):
        return tuple.__new__(cls, a)

calls = []
def sq(x):
    calls.append(x)
    return x * x
c = ft._lru_cache_wrapper(sq, 2, False, CacheInfo)
print([c(i) for i in [1, 2, 1, 3, 1, 2]], calls, c.cache_info())
c.cache_clear()
print(c.cache_info(), c(4), c.cache_info())
u = ft._lru_cache_wrapper(sq, None, False, CacheInfo)
print([u(i) for i in [1, 1, 2, 1.0, True]], u.cache_info())
z = ft._lru_cache_wrapper(sq, 0, False, CacheInfo)
print(z(3), z(3), z.cache_info())
t = ft._lru_cache_wrapper(f, 10, True, CacheInfo)
print(t(1), t(1.0), t(1, a=2), t(1, a=2), t.cache_info())
try:
    u([1])
except TypeError as e:
    print("TypeError", e)
try:
    ft._lru_cache_wrapper(1, 1, False, CacheInfo)
except TypeError as e:
    print("TypeError", e)
try:
    ft._lru_cache_wrapper(f, "x", False, CacheInfo)
except TypeError as e:
    print("TypeError", e)

def fib(n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)
cfib = ft._lru_cache_wrapper(fib, None, False, CacheInfo)
print(cfib(100), cfib.cache_info())
cfib2 = ft._lru_cache_wrapper(fib, 3, False, CacheInfo)
print(cfib2(20))

class A:
    def m(self, x):
        return ("m", x)
    cm = ft._lru_cache_wrapper(m, 8, False, CacheInfo)
a = A()
print(a.cm(5), a.cm(5), A.cm(a, 5), A.cm.cache_info())
c.extra = 1
print(c.extra)
