# atexit: handlers run last-in first-out at exit, after the exit status is set;
# exceptions in handlers are reported and the next handler still runs.
import atexit, sys

class F:
    def __init__(self, n):
        self.n = n
    def __call__(self, *a, **k):
        print("handler", self.n, a, k)
    def __repr__(self):
        return f"F({self.n})"
    def __eq__(self, other):
        return isinstance(other, F) and other.n == self.n
    __hash__ = None

class Boom:
    def __call__(self):
        raise ValueError("bad handler")
    def __repr__(self):
        return "Boom()"

class Exit:
    def __call__(self):
        sys.exit(9)
    def __repr__(self):
        return "Exit()"

print(atexit.register(F(1), 1, x=2))
atexit.register(F(2))
atexit.register(F(3))
atexit.register(Boom())
atexit.register(F(4))
atexit.register(Exit())
atexit.unregister(F(3))
atexit.unregister(F(99))
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)
print(atexit.register(print, "printed", "at", "exit", sep="-"))
print("end of main")
sys.exit(4)
