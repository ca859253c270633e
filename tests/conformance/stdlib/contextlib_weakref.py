# contextlib and weakref.
import contextlib, weakref

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ["x", "y"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    print("using")
with contextlib.nullcontext(5) as v:
    print(v)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1 / 0
cm = contextlib.redirect_stdout(None)
print(type(cm).__name__)

class Obj:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Obj({self.n})"
o = Obj(1)
r = weakref.ref(o)
print(r() is o, weakref.getweakrefcount(o), r() .n)
wvd = weakref.WeakValueDictionary()
wvd["a"] = o
print(wvd["a"], "a" in wvd, len(wvd), list(wvd.keys()))
wkd = weakref.WeakKeyDictionary()
wkd[o] = "val"
print(wkd[o], len(wkd), o in wkd)
ws = weakref.WeakSet([o])
print(o in ws, len(ws), list(ws))
p = weakref.proxy(o)
print(p.n, type(p).__name__)
class M:
    def meth(self):
        return "meth"
mo = M()
wm = weakref.WeakMethod(mo.meth)
print(wm()(), isinstance(wm, weakref.ref))
fin = weakref.finalize(o, print, "finalized")
print(fin.alive)
fin()
print(fin.alive)
