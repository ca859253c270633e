# _thread locks and threads (run to completion at once), _weakref references and proxies.
import _thread, _weakref, gc

l = _thread.allocate_lock()
print(repr(l).split(" object")[0], l.acquire(), repr(l).split(" object")[0], l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
print(l.locked())
for bad in ["l.release()", "l.acquire(False, 5)", "l.acquire(timeout=-5)", "l.acquire(timeout='x')", "l.acquire(1, 2, 3)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
with l:
    print("in with", l.locked())
print(l.locked(), type(l).__name__, _thread.LockType is type(l))
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), repr(r).split(" owner")[0])
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._is_owned())
state = (r.acquire(), r._release_save())
print(state[0], state[1][0], r._is_owned())
r._acquire_restore(state[1])
print(r._is_owned())
r.release()
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, isinstance(_thread.get_ident(), int), _thread._count())

out = []
def work(n, tag="t"):
    out.append((tag, n, _thread.get_ident() != main))
main = _thread.get_ident()
tid = _thread.start_new_thread(work, (1,))
_thread.start_new_thread(work, (2,), {"tag": "kw"})
import time
time.sleep(0.2)
print(sorted(out), isinstance(tid, int), _thread.get_ident() == main)
for bad in ["_thread.start_new_thread(1, ())", "_thread.start_new_thread(work, [1])", "_thread.start_new_thread(work, (), 5)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
_thread.start_new_thread(_thread.exit, ())
loc = _thread._local()
loc.x = 5
print(loc.x, type(loc).__name__)

class C:
    def meth(self):
        return 42
    def __repr__(self):
        return "C()"
c = C()
w = _weakref.ref(c)
print(w() is c, _weakref.getweakrefcount(c), _weakref.ref(c) is w, w.__callback__)
w2 = _weakref.ref(c, lambda ref: None)
print(w2 is w, _weakref.getweakrefcount(c), len(_weakref.getweakrefs(c)), w == w2, hash(w) == hash(c))
print(type(w).__name__, type(w) is _weakref.ReferenceType, _weakref.ref is _weakref.ReferenceType)
for obj in [1, "a", [], {}, (), None, 2.5]:
    try:
        _weakref.ref(obj)
    except TypeError as e:
        print("TypeError", e)
for obj in [len, {1}, frozenset(), C, gc, (x for x in [])]:
    print(type(obj).__name__, _weakref.ref(obj)() is obj)
class KeyedRef(_weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
k = KeyedRef(c, None, "thekey")
print(k.key, k() is c, isinstance(k, _weakref.ref), type(k).__name__)
p = _weakref.proxy(c)
print(p.meth(), repr(p).startswith("<weakproxy at "), type(p).__name__, str(p))
p.attr = 7
print(c.attr, p.attr)
del p.attr
print(hasattr(c, "attr"))
lst = [3, 1, 2]
class L(list):
    pass
ll = L([3, 1, 2])
pl = _weakref.proxy(ll)
print(len(pl), pl[0], 2 in pl, list(pl), pl + [9], sorted(pl), pl == [3, 1, 2])
pl.append(4)
print(ll)
try:
    hash(pl)
except TypeError as e:
    print("TypeError", e)
def fn(x):
    return x * 2
pf = _weakref.proxy(fn)
print(pf(21), type(pf).__name__, callable(pf))
print(w() is c, bool(w))
