# Weak references and __del__: as for an object whose reference count drops to
# zero, the finalizer still sees its weak references, the callbacks run after
# it, and an object the finalizer resurrects keeps its references (cleared when
# it dies for good, without a second __del__).
import gc
import weakref


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        r = refs.get(self.name)
        print("del", self.name, "ref alive:", r is not None and r() is self)


refs = {}


def callback(name):
    return lambda r: print("callback", name, r() is None)


a = D("a")
refs["a"] = weakref.ref(a, callback("a"))
del a
gc.collect()
print("a", refs["a"]())


class Holder:
    pass


b = D("b")
b.child = Holder()
rc = weakref.ref(b.child)
refs["b"] = weakref.ref(b, callback("b"))
del b
gc.collect()
print("b", refs["b"](), "child", rc())

saved = []


class R:
    def __del__(self):
        print("R.__del__")
        saved.append(self)


x = R()
rx = weakref.ref(x, callback("x"))
del x
gc.collect()
print("resurrected", rx() is saved[0])
saved.clear()
gc.collect()
print("after clear", rx())

# __del__ making more garbage with finalizers and references.
class Chain:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Chain del", self.n)
        if self.n < 3:
            nxt = Chain(self.n + 1)
            refs["chain"] = weakref.ref(nxt, callback(f"chain {nxt.n}"))


ch = Chain(0)
del ch
gc.collect()
print("chain", refs["chain"]())

# A finalize object and a __del__ on the same referent.
class Both:
    def __del__(self):
        print("Both.__del__")


o = Both()
weakref.finalize(o, print, "finalize callback")
del o
gc.collect()
print("end")
