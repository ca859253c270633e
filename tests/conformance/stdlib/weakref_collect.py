# Weak references are cleared when their referents are collected: callbacks run
# (newest first, an exception in one is reported and ignored), proxies raise
# ReferenceError, and WeakValueDictionary / WeakKeyDictionary / WeakSet /
# finalize / WeakMethod drop what died. gc.collect() returns after the
# finalizers and callbacks ran. Each death is followed by gc.collect(), where
# CPython has already freed the object (reference counting).
import gc
import weakref


class A:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"A({self.n})"


a = A(1)
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a), weakref.ref(a) is r)
del a
gc.collect()
print("after del", r(), repr(r).endswith("; dead>"), r.__callback__)

log = []
b = A(2)
r1 = weakref.ref(b, lambda w: log.append(("r1", w() is None, w is r1)))
r2 = weakref.ref(b, lambda w: log.append(("r2", w() is None, w is r2)))
r3 = weakref.ref(b)
print(weakref.getweakrefcount(b), r3 is weakref.ref(b), r1 is r2)
del b
gc.collect()
print(log, r1(), r2(), r3())

# A reference that dies with its referent gets no callback.
log.clear()
c = A(3)
rc = weakref.ref(c, lambda w: log.append("rc"))
del rc, c
gc.collect()
print("dead ref callback", log)
d = A(4)
d.me = weakref.ref(d)
rd = weakref.ref(d, lambda w: log.append("rd"))
del d
gc.collect()
print("self reference", log, rd())

# Cycles.
class Node:
    pass


n1 = Node()
n2 = Node()
n1.o = n2
n2.o = n1
rn = weakref.ref(n1, lambda w: print("cycle callback", w() is None))
del n1, n2
gc.collect()
print("cycle", rn())

# Many referents; half of them die.
log.clear()
objs = [A(i) for i in range(40)]
refs = [weakref.ref(o, lambda w, i=i: log.append(i)) for i, o in enumerate(objs)]
del objs[::2]
gc.collect()
print(len(log), sorted(log)[:5], sum(w() is None for w in refs))
objs.clear()
gc.collect()
print(len(log), sorted(log) == list(range(40)), sum(w() is None for w in refs))

# WeakValueDictionary.
wv = weakref.WeakValueDictionary()
vals = [A(i) for i in range(5)]
for v in vals:
    wv[v.n] = v
del v
print(sorted(wv.keys()), len(wv))
del vals[1:3]
gc.collect()
print(sorted(wv.keys()), len(wv), sorted(wv.values(), key=lambda x: x.n))
vals.clear()
gc.collect()
print(sorted(wv.keys()), len(wv), wv.get(0))

# WeakKeyDictionary.
wk = weakref.WeakKeyDictionary()
keys = [A(i) for i in range(3)]
for k in keys:
    wk[k] = k.n * 10
del k
keys.pop()
gc.collect()
print(len(wk), sorted(wk.values()), keys[0] in wk)

# WeakSet.
ws = weakref.WeakSet()
items = [A(i) for i in range(4)]
for x in items:
    ws.add(x)
del x
print(len(ws))
items = items[:1]
gc.collect()
print(len(ws), list(ws), A(9) in ws)

# finalize.
def fin(name):
    print("finalized", name)


e = A(9)
f = weakref.finalize(e, fin, "e")
print(f.alive, f.peek()[2:], f.peek()[1] is fin, f.peek()[0] is e)
del e
gc.collect()
print(f.alive, f(), f.peek())

# Proxies.
p_obj = A(7)
p = weakref.proxy(p_obj)
cp = weakref.proxy(fin, lambda w: print("callable proxy callback"))
print(p.n, weakref.getweakrefcount(p_obj))
del p_obj
gc.collect()
for thunk in (lambda: p.n, lambda: str(p), lambda: p == 1):
    try:
        thunk()
    except ReferenceError as ex:
        print("ReferenceError", ex)

# An exception in a callback is reported, and the others still run.
z = A(5)


class Bad:
    def __call__(self, w):
        raise ValueError("boom")

    def __repr__(self):
        return "<the bad callback>"


bad = Bad()


rz1 = weakref.ref(z, lambda w: print("good callback"))
rz2 = weakref.ref(z, bad)
del z
gc.collect()
print("after bad")

# WeakMethod.
class M:
    def m(self):
        return 1


mo = M()
wm = weakref.WeakMethod(mo.m)
print(wm()(), wm() == mo.m)
del mo
gc.collect()
print(wm())

# Hash and equality of dead references.
h = A(1)
rh = weakref.ref(h)
rh2 = weakref.ref(h, lambda w: None)
hashed = weakref.ref(A(0))
del h
gc.collect()
try:
    hash(rh)
except TypeError as ex:
    print("TypeError", ex)
print(rh == rh, rh == rh2, rh != rh2, hashed() is None)

# A callback that collects again.
def cb_nested(w):
    print("nested start")
    y = A(0)
    ry = weakref.ref(y, lambda w: print("inner callback"))
    del y
    gc.collect()
    print("nested end")


q = A(0)
rq = weakref.ref(q, cb_nested)
del q
gc.collect()
print("done")
